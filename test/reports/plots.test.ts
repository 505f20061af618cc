// The report's plots: each renders recorded plot data to a standalone SVG (the data series themselves are
// checked against closed forms in spec/_meta/plotData.test.ts).
import { describe, expect, it } from 'vitest';
import { renderPlots } from '../../reports/plots.ts';
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
  it('draws nothing for results recorded without plot data', async () => {
    expect(await renderPlots(undefined)).toEqual([]);
  });
});
