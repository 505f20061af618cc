// Qualification of the two oracles added for §4.3.3: tf.train.adam on closed forms, and the
// 3-node Gauss–Hermite rule on the Gaussian moments it must integrate exactly.
import { describe, expect, it } from 'vitest';
import { tfjsRuntime } from '../../oracles/tfjs/backend.ts';
import { tfjsAdamTrajectory } from '../../oracles/tfjs/adam.ts';
import { GAUSS_HERMITE_3, qualifyGaussHermite } from '../../oracles/quadrature.ts';
import { tolerance } from '../../spec/engine/tolerance.ts';

describe('tf.train.adam oracle', () => {
  // Closed forms for a constant gradient g from w₀: m_t = (1 − β₁ᵗ) g, v_t = (1 − β₂ᵗ) g², and every step
  // is −η g/(|g| + ε) because the bias corrections undo exactly the (1 − βᵗ) factors.
  const config = { learningRate: 0.1, beta1: 0.8, beta2: 0.95, epsilon: 1e-3 };
  const g = [0.5, -2, 3e-3], w0 = [1, -1, 0.25], T = 6;
  it('reproduces m_t, v_t and w_t for a constant gradient', async () => {
    const { tf } = await tfjsRuntime();
    const states = await tfjsAdamTrajectory(tf, config, w0, Array.from({ length: T }, () => g));
    expect(states).toHaveLength(T);
    states.forEach((s, k) => {
      const t = k + 1;
      // float32 state after t steps of a few roundings each: 4t roundings on magnitudes ≤ max|g|, g², |w|.
      const tol = (scale: number) => tolerance({ dtypes: ['float32', 'float64'], operations: 4 * t + 4, scale });
      g.forEach((gi, i) => {
        expect(Math.abs(s.m[i]! - (1 - config.beta1 ** t) * gi)).toBeLessThanOrEqual(tol(Math.abs(gi)));
        expect(Math.abs(s.v[i]! - (1 - config.beta2 ** t) * gi * gi)).toBeLessThanOrEqual(tol(gi * gi));
        const w = w0[i]! - t * config.learningRate * gi / (Math.abs(gi) + config.epsilon);
        expect(Math.abs(s.w[i]! - w)).toBeLessThanOrEqual(tol(Math.abs(w0[i]!) + t * config.learningRate));
      });
    });
  });
  it('rejects a gradient of the wrong length', async () => {
    const { tf } = await tfjsRuntime();
    await expect(tfjsAdamTrajectory(tf, config, w0, [[1, 2]])).rejects.toThrow(/length 3/);
  });
});

describe('Gauss–Hermite quadrature oracle', () => {
  it('the 3-node rule integrates E[Zᵏ] exactly for k ≤ 5 and misses E[Z⁶] = 15 (it gives 9)', () => {
    const moments = qualifyGaussHermite(GAUSS_HERMITE_3, 6);
    for (const m of moments.filter((m) => m.k <= GAUSS_HERMITE_3.exactDegree)) {
      expect(Math.abs(m.got - m.expected)).toBeLessThanOrEqual(tolerance({ dtypes: ['float64', 'float64'], operations: 12, scale: Math.max(1, m.expected) }));
    }
    const sixth = moments.find((m) => m.k === 6)!;
    expect(sixth.expected).toBe(15);
    expect(sixth.got).toBeCloseTo(9, 12);
  });
});
