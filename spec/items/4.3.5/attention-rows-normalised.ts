import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { attentionCase, type AttentionCase } from '../../domains/index.ts';
import { tfjsAttention } from '../../support/attention.ts';

const rowSumError = (a: number[][]) => Math.max(...a.map((row) => Math.abs(row.reduce((s, x) => s + x, 0) - 1)));
const cases = attentionCase();
/** A = Softmax(QKᵀ/√d_k) as printed: exp of the scores over their row sum. */
const printedWeights = (c: AttentionCase) => c.Q.map((q) => {
  const e = c.K.map((k) => Math.exp(q.reduce((s, x, l) => s + x * k[l]!, 0) / Math.sqrt(c.dk)));
  const z = e.reduce((x, y) => x + y, 0);
  return e.map((x) => x / z);
});

export default defineItem({
  id: 'attention-rows-normalised', kind: 'claim', section: '4.3.5',
  quote: String.raw`对于每个Query $q_i$，有$\sum_j A_{ij} = 1$`,
  statement: 'Every row of the attention matrix A = Softmax(QKᵀ/√d_k) is a probability distribution over the keys: entries non-negative, summing to 1.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs A: min A_ij ≥ 0 and |Σ_j A_ij − 1| within float32 rounding', role: 'claim', reference: 'tfjs-forward', arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => tfjsAttention(cs, ctx).map(({ weights }, b) => ({
        value: Math.min(...weights.flat()) >= 0 ? rowSumError(weights) : Infinity,
        // tfjs's m weights normalise the exps it rounded (an m-term sum, a division each: within γ_{m+1} of summing to 1), summed
        // again here in float64.
        bound: tolerance({ dtypes: ctx.dtypes, operations: cs[b]!.m + 3, scale: 1 }),
      })),
    }),
    check({
      name: 'printed A = Softmax(QKᵀ/√d_k) (float64): min A_ij ≥ 0 and |Σ_j A_ij − 1| within float64 rounding', role: 'claim', reference: 'printed', arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => {
        const a = printedWeights(c);
        // Whatever the rounding of the scores, the weights e_j/Σe normalise the exps actually computed: an exp, the m-term sum z, a division,
        // then the m-term row sum.
        return { value: Math.min(...a.flat()) >= 0 ? rowSumError(a) : Infinity,
          bound: tolerance({ dtypes: ctx.dtypes, operations: 2 * c.m + elementary(1) + 2, scale: 1 }) };
      }),
    }),
  ],
});
