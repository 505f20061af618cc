// The Dirichlet-kernel oracle against windows known exactly and against direct summation.
import { describe, expect, it } from 'vitest';
import { cosineSum, qualifyTrigonometricSums, sineSum, sinusoidGram } from '../../oracles/trigonometricSums.ts';

describe('trigonometric sums (closed form)', () => {
  it('meets every exactly known window sum to within a few ulps of L² (argument rounding amplified by 1/sin(θ/2))', () => {
    for (const m of qualifyTrigonometricSums()) expect(m.absoluteError, m.case).toBeLessThanOrEqual(16 * m.length * m.length * 2 ** -53 + 4 * 2 ** -53);
  });
  it('agrees with direct summation, and the Gram matrix with Σ_p of products', () => {
    const direct = (f: (p: number) => number, L: number) => Array.from({ length: L }, (_, p) => f(p)).reduce((a, b) => a + b, 0);
    for (const [theta, L] of [[0.3, 17], [-1.1, 5], [2.9, 40]] as const) {
      expect(cosineSum(theta, L)).toBeCloseTo(direct((p) => Math.cos(theta * p), L), 12);
      expect(sineSum(theta, L)).toBeCloseTo(direct((p) => Math.sin(theta * p), L), 12);
    }
    const omega = [1, 0.1, 0.01], L = 33, g = sinusoidGram(omega, L);
    const col = (a: number) => (p: number) => (a % 2 ? Math.cos : Math.sin)(omega[a >> 1]! * p);
    g.forEach((row, a) => row.forEach((x, b) => expect(x).toBeCloseTo(direct((p) => col(a)(p) * col(b)(p), L), 11)));
  });
});
