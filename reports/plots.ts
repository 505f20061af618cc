// Plots for the HTML report: Vega-Lite specs compiled to Vega and rendered to SVG strings in Node
// (no canvas, no browser, no network), to be inlined in reports/conformance.html. The numbers are
// recorded with the results (spec/engine/plotData.ts computes them with impl/ when a run records);
// this module only draws them and says in each caption where they come from.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { PlotData } from './model.ts';

export interface Plot {
  /** Stable element id in the page. */
  id: string;
  title: string;
  /** What the picture shows and where its numbers come from (HTML-escaped by the page). */
  caption: string;
  svg: string;
}

/** Small multiples: three plots side by side on a wide screen (the page's grid wraps them on narrow ones);
 *  every SVG has this total size, axes and legends included ('fit' autosize), so they scale alike. */
const PLOT_WIDTH = 380, PLOT_HEIGHT = 260;
/** Vega writes the font on every text element: a short name here, the page's CSS sets the real stack on the figures. */
const FONT = 'sans-serif';
const CONFIG = {
  // No ARIA label per mark (each point would carry its data as text); the figure's caption says what it shows.
  aria: false,
  font: FONT,
  view: { stroke: '#d0d7de' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eef1f4' },
  legend: { labelFontSize: 11, titleFontSize: 11 },
};

/** Vega-Lite → Vega → SVG. Text widths are estimated (no canvas in Node), which is exact enough for labels. */
async function toSvg(spec: TopLevelSpec): Promise<string> {
  // vega exports textMetrics (from vega-scenegraph) but vega-typings does not declare it. Turning the
  // canvas off makes text widths estimated the same way on every machine, canvas package or not.
  (vega as unknown as { textMetrics: { canvas(use: boolean): void } }).textMetrics.canvas(false);
  const { spec: compiled } = compile(spec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn });
  try {
    return compactSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * The same picture in fewer bytes and elements: coordinates to 0.1 px, and the circles of a scatter
 * plot, one <path> each as Vega writes them, merged into one path of round dots per colour.
 */
export function compactSvg(svg: string): string {
  const rounded = svg
    // Tick labels Vega hides because they would overlap, and attributes that say what the default says.
    .replace(/<text[^>]*\sopacity="0"[^>]*>[^<]*<\/text>/g, '')
    .replace(/\s(?:opacity="1"|stroke-width="1"|pointer-events="none"|fill-opacity="1"|stroke-opacity="1")/g, '')
    // Coordinates only (an opacity or a colour keeps its digits).
    .replace(/(\s(?:d|transform|x|y|x1|x2|y1|y2|width|height|points)=")([^"]*)"/g, (_m, attr: string, value: string) =>
      `${attr}${value.replace(/\d*\.\d{2,}/g, (x) => String(round(Number(x))))}"`);
  // <path transform="translate(x,y)" d="Mr,0Ar,r,0,1,1,-r,0Ar,r,0,1,1,r,0" fill="…" …/>: a filled circle of radius r
  // at (x, y), drawn as a zero-length stroke with round caps of width 2r ("Mx yh0"): one path per colour.
  const CIRCLE = /<path transform="translate\((-?[\d.]+),(-?[\d.]+)\)" d="M([\d.]+),0A\3,\3,0,1,1,-\3,0A\3,\3,0,1,1,\3,0" fill="([^"]+)"([^>]*?)\/>/g;
  return rounded.replace(/(?:<path transform="translate\([^"]*\)" d="M[\d.]+,0A[^"]*"[^>]*?\/>)+/g, (run) => {
    const groups = new Map<string, string[]>();
    let rest = run;
    for (const [whole, x, y, r, fill, attrs] of run.matchAll(CIRCLE)) {
      if (/\sstroke="/.test(attrs!)) continue; // an outlined circle stays as it is
      const style = ` fill="none" stroke="${fill}" stroke-width="${round(2 * Number(r))}" stroke-linecap="round"${attrs!.replace(/\sstroke-width="[^"]*"/, '')}`;
      groups.set(style, [...(groups.get(style) ?? []), `M${x} ${y}h0`]);
      rest = rest.replace(whole, '');
    }
    return [...groups].map(([style, ds]) => `<path d="${ds.join('')}"${style}/>`).join('') + rest;
  });
}
const round = (x: number) => Number(x.toFixed(1));

async function gradientRatioPlot({ series, example }: PlotData['gradientRatio']): Promise<Plot> {
  const label = `ŷ = ${example.yHat.toFixed(2)}: ratio ${example.ratio.toFixed(1)}`;
  const svg = await toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH, height: PLOT_HEIGHT, autosize: { type: 'fit', contains: 'padding' }, config: CONFIG,
    layer: [
      {
        data: { values: series },
        mark: { type: 'line', color: '#1f6feb', strokeWidth: 2 },
        encoding: {
          x: { field: 'yHat', type: 'quantitative', title: 'prediction ŷ = σ(wᵀx)', scale: { domain: [0, 1] } },
          y: { field: 'ratio', type: 'quantitative', title: 'CE / MSE gradient ratio (log scale)', scale: { type: 'log' } },
        },
      },
      {
        data: { values: [{ ...example, label }] },
        mark: { type: 'point', filled: true, size: 90, color: '#cf222e' },
        encoding: { x: { field: 'yHat', type: 'quantitative' }, y: { field: 'ratio', type: 'quantitative' } },
      },
      {
        data: { values: [{ ...example, label }] },
        mark: { type: 'text', align: 'right', dx: -10, dy: -12, fontSize: 12, color: '#cf222e' },
        encoding: { x: { field: 'yHat', type: 'quantitative' }, y: { field: 'ratio', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  });
  return {
    id: 'plot-gradient-ratio', title: 'Saturation: cross-entropy vs MSE gradient under the sigmoid',
    caption: `Ratio of the cross-entropy gradient to the ½-MSE gradient for one sample with y = 1, ` +
      `x = 1, against the prediction ŷ (equal to 1/(ŷ(1 − ŷ)) for every y ≠ ŷ). The red point is the ` +
      `text's example ŷ = ${example.yHat.toFixed(2)}, where the ratio is ${example.ratio.toFixed(2)}. ` +
      `Computed by impl/ (float64) on ${series.length} points when the results were recorded.`,
    svg,
  };
}

async function simplexPlot({ series }: PlotData['simplex']): Promise<Plot> {
  const svg = await toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH, height: PLOT_HEIGHT, autosize: { type: 'fit', contains: 'padding' }, config: CONFIG,
    data: { values: series },
    mark: { type: 'line', strokeWidth: 2 },
    encoding: {
      x: { field: 't', type: 'quantitative', title: 'p̂₁ in p̂ = (p̂₁, 1 − p̂₁); truth p = (1, 0)', scale: { domain: [0, 1] } },
      y: { field: 'value', type: 'quantitative', title: 'loss' },
      color: {
        field: 'loss', type: 'nominal', title: null,
        scale: { range: ['#1f6feb', '#bf8700'] }, legend: { orient: 'top-right', labelLimit: 0 },
      },
    },
  });
  const first = series[0]!;
  return {
    id: 'plot-simplex', title: 'MSE vs cross-entropy along the C = 2 simplex',
    caption: `Both losses for the truth p = (1, 0) as the prediction moves along the segment from (1, 0) ` +
      `to (0, 1). MSE stays bounded (at most 2); cross-entropy grows without bound as p̂₁ → 0 ` +
      `(${first.value.toFixed(2)} already at p̂₁ = ${first.t}). Computed by impl/ (float64) when the results were recorded.`,
    svg,
  };
}

async function spectrumPlot({ series, classes, samples, seed, spreads, smallest, largest }: PlotData['spectrum']): Promise<Plot> {
  const svg = await toSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: PLOT_WIDTH, height: PLOT_HEIGHT, autosize: { type: 'fit', contains: 'padding' }, config: CONFIG,
    layer: [
      {
        data: { values: series },
        mark: { type: 'point', filled: true, size: 22, opacity: 0.75 },
        encoding: {
          x: { field: 'maxP', type: 'quantitative', title: 'max_i p_i (flat → near a vertex)', scale: { domain: [0.25, 1] } },
          y: { field: 'eigenvalue', type: 'quantitative', title: 'eigenvalue of diag(p) − ppᵀ' },
          color: { field: 'rank', type: 'nominal', title: null, scale: { scheme: 'tableau10' }, legend: { orient: 'top', direction: 'horizontal' } },
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#57606a', strokeDash: [4, 3] },
        encoding: { y: { field: 'zero', type: 'quantitative' } },
      },
    ],
  });
  return {
    id: 'plot-spectrum', title: 'Spectrum of diag(p) − ppᵀ for sampled p',
    caption: `All ${classes} eigenvalues of diag(p) − ppᵀ for ${samples} distributions p = softmax(s·g) ` +
      `(C = ${classes}, g standard normal, s ∈ {${spreads.join(', ')}}, seed ${seed}), against the ` +
      `largest probability. Smallest eigenvalue seen ${smallest.toExponential(2)}, largest ${largest.toFixed(4)}; ` +
      `the dashed line is 0. Computed by impl/ (float64 Jacobi eigenvalues) when the results were recorded.`,
    svg,
  };
}

/** All report plots, in page order (none for results recorded without plot data). */
export async function renderPlots(data: PlotData | undefined): Promise<Plot[]> {
  if (!data) return [];
  return [await gradientRatioPlot(data.gradientRatio), await simplexPlot(data.simplex), await spectrumPlot(data.spectrum)];
}
