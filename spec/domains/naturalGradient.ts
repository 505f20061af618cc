// Generators for the natural-gradient items of §4.3.3 on non-quadratic cross-entropy losses:
// soft-target logistic regression with anisotropic features, and the two-parameter model whose logits are
// non-linear in one parameter (spec/support/naturalGradientRuns.ts). Imported directly by the items (not
// re-exported from index.ts).
import fc from 'fast-check';
import { between, vector } from './index.ts';
import type { SoftLogisticProblem } from '../support/naturalGradientRuns.ts';

export interface AnisotropicLogistic extends SoftLogisticProblem {
  d: number;
  /** Per-feature scales 10^{a_j}: the anisotropy of the features. */
  scales: number[];
  /** The same data with unit feature scales (X = base·diag(scales)). */
  base: number[][];
}

/**
 * d ∈ [2, 3] features, N = d + k samples: the first d inputs are the unit vectors (so XᵀX ≥ diag(scales²) has full
 * rank), the others in [−1, 1]^d; every feature j is then scaled by 10^{a_j}, a_j ∈ [−spread, spread]; soft targets
 * y_n ∈ [0.05, 0.95], for which the cross-entropy minimiser exists whatever the data.
 */
export function anisotropicLogistic(spread = 1.5): fc.Arbitrary<AnisotropicLogistic> {
  return fc.record({ d: fc.integer({ min: 2, max: 3 }), extra: fc.integer({ min: 2, max: 8 }) }).chain(({ d, extra }) => fc.record({
    others: fc.array(vector(d, 1), { minLength: extra, maxLength: extra }),
    y: fc.array(between(0.05, 0.95), { minLength: d + extra, maxLength: d + extra }),
    exponents: fc.array(between(-spread, spread), { minLength: d, maxLength: d }),
  }).map(({ others, y, exponents }) => {
    const base = [...Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0))), ...others];
    const scales = exponents.map((a) => 10 ** a);
    return { d, base, scales, X: base.map((x) => x.map((xi, j) => xi * scales[j]!)), y };
  }));
}

/** The curved two-parameter model: s ∈ [1, 100] (the linear parameter's curvature s²/2), c ∈ [−100, −½] (the curvature of the logits in w₂). */
export function curvedModel(): fc.Arbitrary<{ s: number; c: number }> {
  return fc.record({ s: between(1, 100), c: between(-100, -0.5) });
}
