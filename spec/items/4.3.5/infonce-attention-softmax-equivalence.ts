import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { PRINTED_F64 } from '../../engine/labels.ts';
import { attentionCase, contrastiveCase, type ContrastiveCase } from '../../domains/index.ts';
import { infoNceLoss } from '../../../impl/index.ts';
import { scoreScale, tfjsAttention, tfjsForwardLabel } from '../../support/attention.ts';
import { asFloat32 } from '../../support/float32.ts';

/** InfoNCE through its margins s₊ − s_j alone: L = log(1 + Σ_{j≠+} e^{−(s₊ − s_j)/τ}); it falls as every margin grows. */
const marginForm = (c: ContrastiveCase) =>
  Math.log1p(c.scores.reduce((acc, s, j) => (j === c.positive ? acc : acc + Math.exp(-(c.scores[c.positive]! - s) / c.temperature)), 0));

const zMax = (c: ContrastiveCase) => Math.max(...c.scores.map((s) => Math.abs(s / c.temperature)));

export default defineItem({
  id: 'infonce-attention-softmax-equivalence', kind: 'claim', section: '4.3.5',
  quote: '下一节将从 InfoNCE 损失出发，展示它与注意力机制中 Softmax 操作的数学等价性。InfoNCE 的目标是学习一个编码函数，使得正样本对的相似度高于负样本对',
  statement: 'With the anchor as the query, the candidates as the keys and τ = √d_k, the InfoNCE loss of candidate j is −log A_ij, the attention '
    + 'weight of Softmax(QKᵀ/√d_k); and InfoNCE depends on the scores only through the margins s₊ − s_j, falling as each grows, so it rewards '
    + 'positive pairs that are more similar than the negatives.',
  printed: String.raw`L_{\text{InfoNCE}}(q_i; k_1,\dots,k_m; j) = -\log A_{ij},\; A = \text{Softmax}(QK^T/\sqrt{d_k});\quad L = \log\Big(1 + \sum_{j \neq +} e^{-(s_+ - s_j)/\tau}\Big)`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'InfoNCE(q_i; rows of K; positive j; τ = √d_k) (impl infoNceLoss) ↔ −log A_ij of tfjs attention, every i and j', role: 'claim',
      oracle: tfjsForwardLabel, arbitrary: attentionCase({ m: [2, 6] }), runs: 'default',
      evaluate: (cs, ctx) => {
        const ref = tfjsAttention(cs, ctx);
        return cs.map((c, b) => {
          const tau = Math.sqrt(c.dk);
          // At the float32 Q and K tfjs holds (the bound below still charges their rounding through κ).
          const [Q, K] = [asFloat32(c.Q), asFloat32(c.K)];
          const loss = Q.map((q) => K.map((_, j) => infoNceLoss(K.map((k) => k.reduce((s, x, l) => s + x * q[l]!, 0)), j, tau)));
          // −log A carries A's relative float32 error as an absolute one. As for the weights (support/attention.ts): a d_k-term
          // score, m exps, an m-term sum, a division (and here a log); rounding Q and K moves a score by ≤ 2u·scoreScale and
          // a weight relatively by twice that, κ = 1 + 4·scoreScale; and an exp whose argument (of size −log A) is rounded
          // relative to that size adds −log A to κ.
          const reference = ref[b]!.weights.map((row) => row.map((a) => -Math.log(a)));
          return agreement(loss, reference, tolerance({ dtypes: ['float32', 'float64'], operations: c.dk + c.m + elementary(2) + 3, scale: 1,
            condition: 1 + 4 * scoreScale(c) + Math.max(...reference.flat()) }));
        });
      },
    }),
    check({
      name: 'margin form log(1 + Σ_{j≠+} e^{−(s₊ − s_j)/τ}) (float64) ↔ impl infoNceLoss', role: 'claim', oracle: PRINTED_F64,
      arbitrary: contrastiveCase(), runs: 'default',
      // N exponentials of margins ≤ 2Z (rounded relative to their size: κ = 1 + 2Z) on a loss of scale 1 + L, a sum and a log1p.
      evaluate: (cs) => cs.map((c) => {
        const impl = infoNceLoss(c.scores, c.positive, c.temperature);
        return agreement(marginForm(c), impl, tolerance({ dtypes: ['float64', 'float64'], operations: c.scores.length + elementary(2) + 2, scale: 1 + impl, condition: 1 + 2 * zMax(c) }));
      }),
    }),
  ],
});
