import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement, notAbove, notBelow } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { attentionCase, vector, type AttentionCase } from '../../domains/index.ts';
import { confidentPrediction, type ConfidentCase } from '../../domains/confident.ts';
import { attentionWeights, softmax, softmaxJacobian } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { jacobianTolerance, scoreCondition, tfjsAttentionWeightsJacobian } from '../../support/attention.ts';
import { tfjsAttentionKeyJacobian } from '../../support/attentionKeys.ts';

const general = attentionCase({ n: [1, 3], m: [1, 4], dk: [1, 3] });

/** ∂vec(A)/∂vec(Q): block (i, i) = S_i K/√d_k, S_i = diag(a_i) − a_i a_iᵀ; other blocks 0. Rows i·m + j, columns i′·d_k + l. */
function queryJacobian(c: AttentionCase): number[][] {
  const a = attentionWeights(c.Q, c.K), s = Math.sqrt(c.dk);
  const jac = Array.from({ length: c.n * c.m }, () => new Array<number>(c.n * c.dk).fill(0));
  a.forEach((ai, i) => {
    const S = softmaxJacobian(ai);
    for (let j = 0; j < c.m; j++) for (let l = 0; l < c.dk; l++) jac[i * c.m + j]![i * c.dk + l] = S[j]!.reduce((acc, sjt, t) => acc + sjt * c.K[t]![l]!, 0) / s;
  });
  return jac;
}

/** ∂vec(A)/∂vec(K): ∂a_ij/∂k_tl = (S_i)_jt q_il/√d_k — S_i times the Jacobian e_t q_iᵀ/√d_k of the scores. Rows i·m + j, columns t·d_k + l. */
function keyJacobian(c: AttentionCase): number[][] {
  const a = attentionWeights(c.Q, c.K), s = Math.sqrt(c.dk);
  const jac = Array.from({ length: c.n * c.m }, () => new Array<number>(c.m * c.dk).fill(0));
  a.forEach((ai, i) => {
    const S = softmaxJacobian(ai);
    for (let j = 0; j < c.m; j++) for (let t = 0; t < c.m; t++) for (let l = 0; l < c.dk; l++) jac[i * c.m + j]![t * c.dk + l] = (S[j]![t]! * c.Q[i]![l]!) / s;
  });
  return jac;
}

/** As jacobianTolerance (spec/support/attention.ts), with the queries in the role of the keys: entries ≤ max|q|/√d_k. */
function keyJacobianTolerance(c: AttentionCase, dtypes: readonly [Dtype, Dtype]): number {
  const qMax = Math.max(...c.Q.flat().map(Math.abs), Number.MIN_VALUE);
  return tolerance({ dtypes, operations: 2 * (2 * c.m + elementary(1) + 3), scale: qMax, condition: 1 + 2 * scoreCondition(c) });
}

// One row of scores s (the logits of a softmax), from moderate to saturated (one score ahead by up to 16), with an upstream
// gradient g = ∂L/∂a of the row's weights (entries in [−1, 1]) and a label other than the leading score.
type Row = ConfidentCase & { g: number[] };
const rows: fc.Arbitrary<Row> = confidentPrediction('other').chain((c) => vector(c.z.length, 1).map((g) => ({ ...c, g })));
const saturatedRows = confidentPrediction('other', [6, 16]);

/** 1 − max_j a_j, as the sum of the other weights (no cancellation near saturation), and the index of the largest. */
function unsaturated(z: number[]): { top: number; rest: number } {
  const a = softmax(z), top = a.indexOf(Math.max(...a));
  return { top, rest: a.reduce((s, q, j) => (j === top ? s : s + q), 0) };
}
const inf = (v: number[]) => Math.max(...v.map(Math.abs));
// A row's softmax and its backward pass in float32: C exps, C-term sums and a division, forward and backward (2×), on terms of
// size ≤ 2 max|g| (S g) or 1 (p̂ − p); float32 rounding of s moves the weights by ≤ 2u·max|s| relative (κ = 1 + 2 max|s|).
const rowTolerance = (z: number[], scale: number, dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: 2 * (2 * z.length + elementary(z.length + 1)), scale, condition: 1 + 2 * inf(z) });

/** tfjs ∇_s Σ_j g_j softmax(s)_j = S g, the backward pass of attention through one row (S = diag(a) − aaᵀ). */
function tfjsRowBackward(cases: Row[], ctx: RunContext): number[][] {
  return batchedByShape(cases, (c) => String(c.z.length), (group) =>
    ctx.tfjs.derivatives(group.map((c) => c.z), tfjsLosses.softmaxProjectionLoss(group.map((c) => c.g))).gradients);
}

export default defineItem({
  id: 'attention-gradient-structure-like-ce', kind: 'claim', section: '4.3.1',
  quote: String.raw`其关于$Q$和$K$的梯度结构与上述交叉熵关于$w$的梯度结构高度相似`,
  statement: 'The derivatives of the attention weights in Q and in K have the structure of ∂p̂/∂w in softmax regression: for each row, the softmax '
    + 'Jacobian diag(a_i) − a_i a_iᵀ times the Jacobian of the linear scores s_i = K q_i/√d_k, ∂a_i/∂q_i = (diag(a_i) − a_i a_iᵀ) K/√d_k and '
    + '∂a_i/∂k_t = (diag(a_i) − a_i a_iᵀ) e_t q_iᵀ/√d_k.',
  reading: 'The “gradient structure of cross-entropy in w” is the chain written after 4.3.8, ∂p̂/∂w = ∂Softmax/∂z · ∂z/∂w: the softmax Jacobian '
    + 'times the Jacobian of the linear logits (read with ⊗, see 4.3.8). “高度相似” is read as the same form, row by row — not as attention '
    + 'sharing the cross-entropy’s freedom from saturation: the backward pass through attention is multiplied by the softmax Jacobian, '
    + '∂L/∂s_i = S_i g_i with S_i = diag(a_i) − a_i a_iᵀ and g_i = ∂L/∂a_i, which vanishes as row i saturates (the reason for the 1/√d_k '
    + 'scaling of the scores), while in the cross-entropy the logarithm cancels that Jacobian and leaves p̂ − p.',
  notes: 'Second reading: the backward pass through attention is multiplied by the softmax Jacobian (∂L/∂s_i = S_i g_i), unlike the '
    + 'cross-entropy’s p̂ − p, so attention gradients do vanish when a row’s softmax saturates (the reason for the 1/√d_k scaling); “高度相似” '
    + 'should not be read as attention sharing the cross-entropy’s freedom from saturation. Settled: the reading says so, and two checks show '
    + 'it: ‖S_i g_i‖∞ ≤ 2(1 − max_j a_ij)‖g_i‖∞, which tends to 0 as the row saturates, while at the same saturated scores the cross-entropy '
    + 'gradient p̂ − p of a label other than the leading score keeps ‖p̂ − p‖∞ ≥ p̂_lead > ½. The verdict (holds, the same form) stands.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'in Q: per-row (diag(a_i) − a_i a_iᵀ) K/√d_k ↔ tfjs ∂vec(A)/∂vec(Q)', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: general, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionWeightsJacobian(cs, ctx);
        return cs.map((c, b) => agreement(queryJacobian(c), jac[b]!, jacobianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'in K: (diag(a_i) − a_i a_iᵀ)_jt q_iᵀ/√d_k ↔ tfjs ∂vec(A)/∂vec(K)', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: general, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionKeyJacobian(cs, ctx);
        return cs.map((c, b) => agreement(keyJacobian(c), jac[b]!, keyJacobianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'the backward pass through a row keeps the softmax Jacobian: tfjs ‖S g‖∞ ≤ 2(1 − max a)‖g‖∞, vanishing as the row saturates (violation)',
      role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: rows, runs: 'default',
      evaluate: (cs, ctx) => {
        const back = tfjsRowBackward(cs, ctx);
        // (S g)_j = a_j (g_j − Σ_k a_k g_k): for the largest weight |g_j − Σ a_k g_k| ≤ 2(1 − a_j)‖g‖∞, for the others a_j ≤ 1 − max a.
        return cs.map((c, b) => {
          const { rest } = unsaturated(c.z), bound = 2 * rest * inf(c.g);
          return notAbove(inf(back[b]!), bound, rowTolerance(c.z, 2 * inf(c.g), ctx.dtypes), `1 − max a = ${rest.toExponential(3)}, ‖S g‖∞ = ${inf(back[b]!).toExponential(3)}`);
        });
      },
    }),
    check({
      name: 'unlike the cross-entropy at the same saturated scores: tfjs ‖p̂ − p‖∞ ≥ p̂_lead > ½ for a label other than the leading score (violation)',
      role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: saturatedRows, runs: 'default',
      evaluate: (cs, ctx) => {
        const grad = batchedByShape(cs, (c) => String(c.z.length), (group) => {
          const z = group.map((c) => c.z);
          return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z)).gradients;
        });
        // ‖p̂ − e_y‖∞ ≥ |p̂_lead − 0| = p̂_lead, an equality for two classes.
        return cs.map((c, b) => {
          const lead = softmax(c.z)[c.lead]!;
          return notBelow(inf(grad[b]!), lead, rowTolerance(c.z, 1, ctx.dtypes), `p̂_lead = ${lead.toPrecision(6)}, ‖p̂ − p‖∞ = ${inf(grad[b]!).toPrecision(6)}`);
        });
      },
    }),
  ],
});
