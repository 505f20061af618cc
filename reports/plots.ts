// Plots for the HTML report: Vega-Lite specs compiled to Vega and rendered to SVG strings in Node
// (no canvas, no browser, no network), to be inlined in reports/conformance.html.
//
// Where the numbers come from — a deliberate exception to "reports/ renders recorded results only":
// the curves are computed here, at report-build time, by impl/ (the from-scratch float64 code whose
// agreement with the independent oracles the conformance run checks), not recorded by the engine.
//  - The engine records evidence per check (the deciding case, the counterexample), not dense curves;
//    teaching it about plots would couple every item and spec/engine to the report's pictures.
//  - Each curve is an exact function of one or two inputs on a fixed grid (or a fixed-seed sample),
//    so recomputing it is deterministic, takes milliseconds and needs no oracle.
//  - impl/ sits below spec/ in the data flow, so reports/ still never imports spec/ and never learns
//    the book's numbering; nothing here decides a verdict, and nothing asserts.
// This module is the only place in reports/ that imports impl/.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import {
  crossEntropy, logisticCrossEntropyGradient, sigmoid, sigmoidMseGradient, softmax, softmaxJacobian,
  squaredDistance, symmetricEigenvalues,
} from '../impl/index.ts';

export interface Plot {
  /** Stable element id in the page. */
  id: string;
  title: string;
  /** What the picture shows and where its numbers come from (HTML-escaped by the page). */
  caption: string;
  svg: string;
}

/** The text's own worked example of saturation: y = 1 predicted as ŷ = 0.99. */
export const TEXT_EXAMPLE_Y_HAT = 0.99;
/** Seed of the report's own sample of distributions p (independent of the conformance seed). */
export const SPECTRUM_SAMPLE_SEED = 4_3_11;

/** Small multiples: three plots side by side on a wide screen (the page's grid wraps them on narrow ones);
 *  every SVG has this total size, axes and legends included ('fit' autosize), so they scale alike. */
const PLOT_WIDTH = 380, PLOT_HEIGHT = 260;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const CONFIG = {
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
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** CE/MSE gradient magnitude ratio for one sample (x = 1, so ∂/∂w = ∂/∂z) with target y = 1, over ŷ. */
export function gradientRatioSeries(points = 400): { yHat: number; ratio: number }[] {
  const out: { yHat: number; ratio: number }[] = [];
  for (let i = 1; i < points; i++) {
    const target = i / points;                      // ŷ on a uniform grid in (0, 1)
    const z = Math.log(target / (1 - target));     // the logit that produces it
    out.push(ratioAt(z));
  }
  return out;
}

function ratioAt(z: number): { yHat: number; ratio: number } {
  const x = [[1]], y = [1];
  const ce = logisticCrossEntropyGradient(x, y, [z], 0).w[0]!;
  const mse = sigmoidMseGradient(x, y, [z], 0, 'half').w[0]!;
  return { yHat: sigmoid(z), ratio: ce / mse };
}

async function gradientRatioPlot(): Promise<Plot> {
  const series = gradientRatioSeries();
  const example = ratioAt(Math.log(TEXT_EXAMPLE_Y_HAT / (1 - TEXT_EXAMPLE_Y_HAT)));
  const label = `ŷ = ${TEXT_EXAMPLE_Y_HAT}: ratio ${example.ratio.toFixed(1)}`;
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
      `text's example ŷ = ${TEXT_EXAMPLE_Y_HAT}, where the ratio is ${example.ratio.toFixed(2)}. ` +
      `Computed at report-build time by impl/ (float64) on ${series.length} points.`,
    svg,
  };
}

/** MSE ‖p − p̂‖² and cross-entropy −Σ p log p̂ for p = (1, 0), p̂ = (t, 1 − t). */
export function simplexLossSeries(points = 200): { t: number; loss: string; value: number }[] {
  const p = [1, 0];
  const out: { t: number; loss: string; value: number }[] = [];
  for (let i = 1; i <= points; i++) {
    const t = i / points;                          // t = 1/points … 1: cross-entropy is +∞ at t = 0
    const q = [t, 1 - t];
    out.push({ t, loss: 'MSE ‖p − p̂‖²', value: squaredDistance(p, q) });
    out.push({ t, loss: 'cross-entropy −log p̂₁', value: crossEntropy(p, q) });
  }
  return out;
}

async function simplexPlot(): Promise<Plot> {
  const series = simplexLossSeries();
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
      `(${first.value.toFixed(2)} already at p̂₁ = ${first.t}). Computed at report-build time by impl/ (float64).`,
    svg,
  };
}

/** mulberry32: a tiny seeded PRNG, so the sample of p is the same on every build. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Eigenvalues of diag(p) − ppᵀ for p = softmax(s·g), g standard normal, spread s from flat to near a vertex. */
export function spectrumSeries(classes = 4, samples = 120, seed = SPECTRUM_SAMPLE_SEED):
  { maxP: number; eigenvalue: number; rank: string }[] {
  const rand = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const spreads = [0.3, 1, 3, 8];                 // logit scales: near-uniform … near a vertex
  const out: { maxP: number; eigenvalue: number; rank: string }[] = [];
  for (let k = 0; k < samples; k++) {
    const s = spreads[k % spreads.length]!;
    const p = softmax(Array.from({ length: classes }, () => s * gauss()));
    const eigenvalues = symmetricEigenvalues(softmaxJacobian(p));
    const maxP = Math.max(...p);
    eigenvalues.forEach((eigenvalue, i) => out.push({ maxP, eigenvalue, rank: `λ${'₁₂₃₄₅₆₇₈₉'[i] ?? i + 1}` }));
  }
  return out;
}

async function spectrumPlot(): Promise<Plot> {
  const classes = 4, samples = 120;
  const series = spectrumSeries(classes, samples);
  const smallest = Math.min(...series.map((r) => r.eigenvalue));
  const largest = Math.max(...series.map((r) => r.eigenvalue));
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
      `(C = ${classes}, g standard normal, s ∈ {0.3, 1, 3, 8}, seed ${SPECTRUM_SAMPLE_SEED}), against the ` +
      `largest probability. Smallest eigenvalue seen ${smallest.toExponential(2)}, largest ${largest.toFixed(4)}; ` +
      `the dashed line is 0. Computed at report-build time by impl/ (float64 Jacobi eigenvalues).`,
    svg,
  };
}

/** All report plots, in page order. */
export async function renderPlots(): Promise<Plot[]> {
  return [await gradientRatioPlot(), await simplexPlot(), await spectrumPlot()];
}
