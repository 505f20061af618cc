// The report's plots: each renders recorded plot data to a standalone SVG (the data series themselves are
// checked against closed forms in spec/_meta/plotData.test.ts).
import { describe, expect, it } from 'vitest';
import { compactSvg, renderPlots } from '../../reports/plots.ts';
import { plotData, TEXT_EXAMPLE_Y_HAT } from '../../spec/engine/plotData.ts';

describe('report plots', () => {
  it('renders three SVGs in Node, with no canvas and no external reference', async () => {
    const plots = await renderPlots(plotData());
    expect(plots.map((p) => p.id)).toEqual(['plot-gradient-ratio', 'plot-simplex', 'plot-spectrum']);
    for (const p of plots) {
      expect(p.svg.startsWith('<svg')).toBe(true);
      expect(p.svg).not.toMatch(/(href|src)="(?!#)/);
    }
    expect(plots[0]!.svg).toContain(`ŷ = ${TEXT_EXAMPLE_Y_HAT}`);
  });
  it('merges the scatter points into one path of round dots per colour, and keeps coordinates to 0.1 px', async () => {
    const plots = await renderPlots(plotData());
    const spectrum = plots[2]!.svg;
    expect(spectrum).not.toMatch(/<path transform="translate\([^"]*\)" d="M[\d.]+,0A/); // no circle left unmerged
    expect(spectrum).toMatch(/<path d="(M[\d.]+ [\d.]+h0)+" fill="none" stroke="#[0-9a-f]{6}" stroke-width="[\d.]+" stroke-linecap="round"/);
    expect(spectrum).not.toMatch(/\s(?:d|transform|x|y)="[^"]*\d\.\d\d/);
    expect(spectrum).not.toContain('aria-label');
    const circle = '<path transform="translate(10.26,20.5)" d="M2.5,0A2.5,2.5,0,1,1,-2.5,0A2.5,2.5,0,1,1,2.5,0" fill="#abcdef" opacity="0.75"/>';
    expect(compactSvg(`<g>${circle}${circle.replace('10.26', '30')}</g>`))
      .toBe('<g><path d="M10.3 20.5h0M30 20.5h0" fill="none" stroke="#abcdef" stroke-width="5" stroke-linecap="round" opacity="0.75"/></g>');
  });
  it('draws nothing for results recorded without plot data', async () => {
    expect(await renderPlots(undefined)).toEqual([]);
  });
});
