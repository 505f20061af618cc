import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { attentionCase } from '../../domains/index.ts';
import { infoNceLoss } from '../../../impl/index.ts';
import { scoreCondition, tfjsAttention } from '../../support/attention.ts';
import { asFloat32 } from '../../support/float32.ts';

export default defineItem({
  id: 'infonce-attention-softmax-equivalence', kind: 'claim', section: '4.3.5',
  quote: '下一节将从 InfoNCE 损失出发，展示它与注意力机制中 Softmax 操作的数学等价性',
  statement: 'The InfoNCE loss is built on the same softmax as attention: with the anchor as the query, the candidates as the keys and τ = √d_k, '
    + 'the InfoNCE loss of candidate j is −log A_ij, the attention weight of Softmax(QKᵀ/√d_k).',
  reading: '"数学等价性" is read as the equivalence of the softmax operations (InfoNCE\'s softmax over the candidates is attention\'s softmax over '
    + 'the keys, so the loss is −log of an attention weight); the InfoNCE loss and the attention output are different quantities built on it. '
    + 'The demonstration is announced for the next section, which is outside the audited source; the equivalence itself is checked here.',
  formula: String.raw`L_{\text{InfoNCE}}(q_i; k_1,\dots,k_m; j) = -\log A_{ij},\; A = \text{Softmax}(QK^T/\sqrt{d_k})`,
  notes: 'The sentence that follows it in the source (InfoNCE makes positive pairs more similar than negatives) is its own item, infonce-positive-above-negatives.'
    + ' Second reading: the book prints no such formula, so `printed` was not the book\'s LaTeX. Settled: it moves to `formula`, shown as the '
    + 'formula the item checks, not as printed.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'InfoNCE(q_i; rows of K; positive j; τ = √d_k) (impl infoNceLoss) ↔ −log A_ij of tfjs attention, every i and j', role: 'claim',
      reference: ['impl', 'tfjs-forward'], arbitrary: attentionCase({ m: [2, 6] }), runs: 'default',
      evaluate: (cs, ctx) => {
        const ref = tfjsAttention(cs, ctx);
        return cs.map((c, b) => {
          const tau = Math.sqrt(c.dk);
          // At the float32 Q and K tfjs holds (the bound below still charges their rounding through κ).
          const [Q, K] = [asFloat32(c.Q), asFloat32(c.K)];
          const loss = Q.map((q) => K.map((_, j) => infoNceLoss(K.map((k) => k.reduce((s, x, l) => s + x * q[l]!, 0)), j, tau)));
          // −log A carries A's relative float32 error as an absolute one. As for the weights (support/attention.ts): m exps,
          // an m-term sum, a division (and here a log) on scale 1, the scores' own error and input rounding through the
          // softmax (scoreCondition); and an exp whose argument (of size −log A) is rounded relative to that size adds −log A.
          const reference = ref[b]!.weights.map((row) => row.map((a) => -Math.log(a)));
          return agreement(loss, reference, tolerance({ dtypes: ctx.dtypes, operations: c.m + elementary(2) + 3, scale: 1,
            condition: 1 + scoreCondition(c) + Math.max(...reference.flat()) }));
        });
      },
    }),
  ],
});
