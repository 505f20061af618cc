// The report's plot data: each series is what its caption says, checked against closed forms (not
// against the code that computed it).
import { describe, expect, it } from 'vitest';
import { gradientRatioSeries, plotData, simplexLossSeries, spectrumSeries } from '../engine/plotData.ts';

describe('plot data', () => {
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
  it('spectrum sample: C eigenvalues per distribution, in [−1e-15, ½], reproducible from the seed', () => {
    const a = spectrumSeries(3, 10), b = spectrumSeries(3, 10);
    expect(a).toHaveLength(30);
    expect(a).toEqual(b);
    const { spectrum } = plotData();
    expect(spectrum.smallest).toBeGreaterThan(-1e-15);
    expect(spectrum.largest).toBeLessThanOrEqual(0.5);
  });
});
