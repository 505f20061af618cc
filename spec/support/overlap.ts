// A family of binary datasets whose class overlap is one number, for the §4.3.2 claims on separation,
// overlap and the curvature of the cross-entropy (moved here from ce-overlap-curvature when it was split).
//
// M points at x = +1 (k of them labelled 1) and M at x = −1 (k labelled 0): the class-conditional laws put
// mass q = k/M and 1 − q on the two points in mirror image. Their separation (total-variation distance)
// is s = |2q − 1| and their overlap (Bhattacharyya coefficient) 2√(q(1 − q)) = √(1 − s²): q = ½ is total
// overlap, q → 1 full separation, q = 1 separable. Logistic regression ŷ = σ(wx) (the C = 2 softmax model
// with its redundant direction removed) has mean loss f with f'(w) = σ(w) − q and f''(w) = σ'(w): the
// minimiser w* = log(q/(1 − q)) and the curvature there q(1 − q) = (1 − s²)/4.
import fc from 'fast-check';
import type { RunContext } from '../engine/item.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import { binaryCrossEntropyFromLogit, logisticCrossEntropyGradient } from '../../impl/index.ts';
import { logisticRegressionLogSumExpLoss } from '../../oracles/tfjs/sigmoidUnit.ts';

export const M = 20;

/** An overlap level k ∈ [10, 19] (q ∈ [½, 1): a finite optimum). */
export const overlapLevels = fc.integer({ min: 10, max: 19 }).map((k) => ({ k }));
/** Two overlap levels k₁ < k₂ in [10, 19]: dataset k₁ overlaps more than dataset k₂. */
export const overlapPairs = fc.integer({ min: 10, max: 18 }).chain((k1) => fc.integer({ min: k1 + 1, max: 19 }).map((k2) => ({ k1, k2 })));

export function dataset(k: number): { x: number[][]; y: number[] } {
  const x: number[][] = [], y: number[] = [];
  for (let i = 0; i < M; i++) { x.push([1]); y.push(i < k ? 1 : 0); }
  for (let i = 0; i < M; i++) { x.push([-1]); y.push(i < k ? 0 : 1); }
  return { x, y };
}
/** The minimiser log(q/(1 − q)), q = k/M (k < M). */
export const optimum = (k: number) => Math.log(k / (M - k));

/** tfjs gradient and curvature of the mean cross-entropy at w for each (k, w), one batched call. */
export function tfjsAt(points: { k: number; w: number }[], ctx: RunContext, hessian: boolean) {
  const sets = points.map((p) => dataset(p.k));
  const out = ctx.tfjs.derivatives(points.map((p) => [p.w]),
    logisticRegressionLogSumExpLoss(sets.map((s) => s.x), sets.map((s) => s.y), points.map((p) => [p.w])), { hessian });
  return points.map((_, b) => ({ gradient: out.gradients[b]![0]!, curvature: out.hessians?.[b]![0]![0] }));
}
/**
 * float32 vs float64 for a mean over 2M samples of terms ≤ 1 + |w| built from two exps and a log; the
 * rounding of w moves each term's derivative by ≤ u|w|.
 */
export const tfjsTol = (w: number, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']) => tolerance({ dtypes, operations: 2 * (2 * M + elementary(3)), scale: 1, condition: 1 + Math.abs(w) });

/** The mean cross-entropy f(w) of dataset k in float64 (impl). */
export function meanLoss(k: number, w: number): number {
  const { x, y } = dataset(k);
  return x.reduce((s, xi, n) => s + binaryCrossEntropyFromLogit(y[n]!, xi[0]! * w), 0) / x.length;
}
/** Its float64 rounding: 2M terms ≤ |w| + log 2 (a product, a softplus: two elementary functions) and the mean. */
export const meanLossTol = (w: number) => tolerance({ dtypes: ['float64', 'float64'], operations: 2 * M + elementary(2) + 3, scale: Math.abs(w) + 1 });

/** f'(w) of dataset k in float64 (impl), and its rounding (2M terms ≤ 1). */
export function meanGradient(k: number, w: number): number {
  const { x, y } = dataset(k);
  return logisticCrossEntropyGradient(x, y, [w], 0).w[0]!;
}
export const meanGradientTol = tolerance({ dtypes: ['float64', 'float64'], operations: 2 * M + elementary(1) + 4, scale: 1 });
