// The soak's Monte Carlo rule rests on these tail probabilities: checked against tabulated values
// (Abramowitz & Stegun 26.2) and against the two limits of the maximum's distribution.
import { describe, expect, it } from 'vitest';
import { chanceOfMaximum, normalTail } from '../../scripts/normalTail.ts';

describe('normal tail probabilities', () => {
  it('match tabulated Φ̄(z) to 9 significant digits on both sides of the series/fraction switch', () => {
    const table: [number, number][] = [[0, 0.5], [1, 0.158655253931], [1.96, 0.0249978951482], [2, 0.0227501319482],
      [3, 0.00134989803163], [4, 3.16712418331e-5], [6, 9.86587645037e-10]];
    for (const [z, tail] of table) expect(Math.abs(normalTail(z) / tail - 1), `z = ${z}`).toBeLessThan(1e-9);
  });
  it('the maximum of n deviations: n = 1 is the two-sided tail, and the chance grows with n towards 1', () => {
    expect(chanceOfMaximum(3, 1)).toBeCloseTo(2 * 0.00134989803163, 12);
    expect(chanceOfMaximum(3.27, 1000)).toBeGreaterThan(0.6);
    expect(chanceOfMaximum(6.54, 1000)).toBeLessThan(1e-7);
    expect(() => normalTail(-1)).toThrow(RangeError);
    expect(() => chanceOfMaximum(3, 0)).toThrow(RangeError);
  });
});
