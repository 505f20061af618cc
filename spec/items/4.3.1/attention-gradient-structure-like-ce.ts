import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { attentionCase, type AttentionCase } from '../../domains/index.ts';
import { attentionWeights, softmaxJacobian } from '../../../impl/index.ts';
import { jacobianTolerance, scoreScale, tfjsAttentionWeightsJacobian } from '../../support/attention.ts';
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
function keyJacobianTolerance(c: AttentionCase): number {
  const qMax = Math.max(...c.Q.flat().map(Math.abs), Number.MIN_VALUE);
  return tolerance({ dtypes: ['float32', 'float64'], operations: 2 * (c.dk + 2 * c.m + elementary(1) + 3), scale: qMax, condition: 1 + 4 * scoreScale(c) });
}

export default defineItem({
  id: 'attention-gradient-structure-like-ce', kind: 'claim', section: '4.3.1',
  quote: String.raw`其关于$Q$和$K$的梯度结构与上述交叉熵关于$w$的梯度结构高度相似`,
  statement: 'The derivatives of the attention weights in Q and in K have the structure of ∂p̂/∂w in softmax regression: for each row, the softmax '
    + 'Jacobian diag(a_i) − a_i a_iᵀ times the Jacobian of the linear scores s_i = K q_i/√d_k, ∂a_i/∂q_i = (diag(a_i) − a_i a_iᵀ) K/√d_k and '
    + '∂a_i/∂k_t = (diag(a_i) − a_i a_iᵀ) e_t q_iᵀ/√d_k.',
  reading: 'The “gradient structure of cross-entropy in w” is the chain written after 4.3.8, ∂p̂/∂w = ∂Softmax/∂z · ∂z/∂w: the softmax Jacobian '
    + 'times the Jacobian of the linear logits (read with ⊗, see 4.3.8). “高度相似” is read as the same form, row by row.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'in Q: per-row (diag(a_i) − a_i a_iᵀ) K/√d_k ↔ tfjs ∂vec(A)/∂vec(Q)', role: 'claim', oracle: tfjsGrad, arbitrary: general, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionWeightsJacobian(cs, ctx);
        return cs.map((c, b) => agreement(queryJacobian(c), jac[b]!, jacobianTolerance(c)));
      },
    }),
    check({
      name: 'in K: (diag(a_i) − a_i a_iᵀ)_jt q_iᵀ/√d_k ↔ tfjs ∂vec(A)/∂vec(K)', role: 'claim', oracle: tfjsGrad, arbitrary: general, runs: 'hessian',
      evaluate: (cs, ctx) => {
        const jac = tfjsAttentionKeyJacobian(cs, ctx);
        return cs.map((c, b) => agreement(keyJacobian(c), jac[b]!, keyJacobianTolerance(c)));
      },
    }),
  ],
});
