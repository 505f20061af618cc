// The tfjs attention oracle as items use it: the forward pass qualified once on closed forms, batched
// per shape; Jacobians of the attention weights in Q from first-order autodiff (one batched call per
// output entry); and the tolerances of float32 attention against float64.
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import type { AttentionCase } from '../domains/index.ts';
import { attentionForward, attentionWeightsProjectionLoss, softmaxForward } from '../../oracles/tfjs/attention.ts';
import { useReference } from '../engine/references.ts';

/** The forward pass answers only checks that declared 'tfjs-forward' (qualified by the engine on closed forms). */
function ensureQualified(_ctx: RunContext): void {
  useReference('tfjs-forward');
}

export const tfjsForwardLabel = (ctx: RunContext) => `tfjs-${ctx.tfjs.runtime.backend} tf.softmax/tf.matMul forward (float32)`;

const shapeKey = (c: AttentionCase) => `${c.n}x${c.m}x${c.dk}x${c.dv}`;

/** tfjs attention weights and outputs for every case, one call per shape. */
export function tfjsAttention(cases: AttentionCase[], ctx: RunContext): { weights: number[][]; outputs: number[][] }[] {
  ensureQualified(ctx);
  return batchedByShape(cases, shapeKey, (group) => {
    const r = attentionForward(ctx.tfjs.runtime.tf, group.map((c) => c.Q), group.map((c) => c.K), group.map((c) => c.V));
    return group.map((_, b) => ({ weights: r.weights[b]!, outputs: r.outputs[b]! }));
  });
}

/** tf.softmax of every row, one call per row length. */
export function tfjsSoftmax(rows: number[][], ctx: RunContext): number[][] {
  ensureQualified(ctx);
  return batchedByShape(rows, (z) => String(z.length), (group) => softmaxForward(ctx.tfjs.runtime.tf, group));
}

/** ∂vec(A)/∂vec(Q) from tfjs autodiff: one batched gradient call per entry (i, j) of A, per shape. */
export function tfjsAttentionWeightsJacobian(cases: AttentionCase[], ctx: RunContext): number[][][] {
  return batchedByShape(cases, shapeKey, (group) => {
    const { n, m } = group[0]!;
    const jac: number[][][] = group.map(() => []);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
      const u = group.map(() => Array.from({ length: n }, (_, r) => Array.from({ length: m }, (_, s) => (r === i && s === j ? 1 : 0))));
      const { gradients } = ctx.tfjs.derivatives(group.map((c) => c.Q.flat()), attentionWeightsProjectionLoss(group.map((c) => c.K), n, u));
      gradients.forEach((g, b) => jac[b]!.push(g));
    }
    return jac;
  });
}

/** max_ij |q_iᵀk_j|/√d_k, and the terms behind it: max_ij Σ_l |q_il k_jl|/√d_k. */
/**
 * The relative condition of a softmax weight with respect to the scores, in units of u: a score is a
 * (d_k + 1)-rounding sum (d_k products and the √d_k division) of terms of total size ≤ scoreScale, so its own
 * rounding is ≤ (d_k + 1)·u·scoreScale, and rounding Q and K moves it by ≤ 2u·scoreScale; the softmax moves a
 * weight relatively by at most twice a score's error. (The weights' other roundings — m exps, the m-term sum,
 * the division — are charged on scale 1.)
 */
export function scoreCondition(c: AttentionCase): number {
  return 2 * (c.dk + 1 + 2) * scoreScale(c);
}

export function scoreScale(c: AttentionCase): number {
  let m = 0;
  for (const q of c.Q) for (const k of c.K) m = Math.max(m, q.reduce((s, x, l) => s + Math.abs(x * k[l]!), 0) / Math.sqrt(c.dk));
  return m;
}

/**
 * float32 attention weights vs float64 (or the dtype pair of the check, `dtypes`): m exps, an m-term sum and
 * the division on weights ≤ 1, and the scores' own error and input rounding through the softmax (scoreCondition).
 */
export function weightsTolerance(c: AttentionCase, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  return tolerance({ dtypes, operations: c.m + elementary(1) + 3, scale: 1, condition: 1 + scoreCondition(c) });
}

/** As weightsTolerance, for the outputs Σ_j A_ij v_j (m more terms, of size ≤ max|V|). */
export function outputsTolerance(c: AttentionCase, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  const vMax = Math.max(...c.V.flat().map(Math.abs), Number.MIN_VALUE);
  return tolerance({ dtypes, operations: 2 * c.m + elementary(1) + 3, scale: vMax, condition: 1 + scoreCondition(c) });
}

/**
 * float32 Jacobian entries vs float64 (or the check's ctx.dtypes): (diag a − aaᵀ)K/√d_k has entries ≤ max|k|/√d_k·(terms ≤ 1); the
 * backward pass mirrors the forward one (2×).
 */
export function jacobianTolerance(c: AttentionCase, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  const kMax = Math.max(...c.K.flat().map(Math.abs), Number.MIN_VALUE);
  return tolerance({ dtypes, operations: 2 * (2 * c.m + elementary(1) + 3), scale: kMax, condition: 1 + 2 * scoreCondition(c) });
}
