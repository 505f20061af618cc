// The report's plots: each renders to a standalone SVG, and each data series is what its caption says
// (checked against closed forms, not against the code that computed it).
import { describe, expect, it } from 'vitest';
import { TEXT_EXAMPLE_Y_HAT, gradientRatioSeries, renderPlots, simplexLossSeries, spectrumSeries } from '../../reports/plots.ts';

describe('report plots', () => {
  it('renders three SVGs in Node, with no canvas and no external reference', async () => {
    const plots = await renderPlots();
    expect(plots.map((p) => p.id)).toEqual(['plot-gradient-ratio', 'plot-simplex', 'plot-spectrum']);
    for (const p of plots) {
      expect(p.svg.startsWith('<svg')).toBe(true);
      expect(p.svg).not.toMatch(/(href|src)="(?!#)/);
    }
    expect(plots[0]!.svg).toContain(`ŷ = ${TEXT_EXAMPLE_Y_HAT}`);
  });

  it('gradient ratio is 1/(ŷ(1 − ŷ)) (the CE/½-MSE gradient ratio under the sigmoid)', () => {
    for (const { yHat, ratio } of gradientRatioSeries(50)) {
      expect(Math.abs(ratio * yHat * (1 - yHat) - 1)).toBeLessThan(1e-9);
    }
  });

  it('along the C = 2 simplex, MSE is 2(1 − t)² and cross-entropy is −log t', () => {
    for (const { t, loss, value } of simplexLossSeries(40)) {
      const expected = loss.startsWith('MSE') ? 2 * (1 - t) ** 2 : -Math.log(t);
      expect(Math.abs(value - expected)).toBeLessThan(1e-12 * (1 + Math.abs(expected)));
    }
  });

  it('spectrum sample: C eigenvalues per distribution, reproducible from the seed', () => {
    const a = spectrumSeries(3, 10), b = spectrumSeries(3, 10);
    expect(a).toHaveLength(30);
    expect(a).toEqual(b);
  });
});
