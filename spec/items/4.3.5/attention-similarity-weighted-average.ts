import { check, defineItem } from '../../engine/item.ts';
import { attentionCase } from '../../domains/index.ts';
import { attentionScores } from '../../../impl/index.ts';
import { outputsTolerance, tfjsAttention, weightsTolerance } from '../../support/attention.ts';

const cases = attentionCase({ m: [2, 5] });

export default defineItem({
  id: 'attention-similarity-weighted-average', kind: 'claim', section: '4.3.5',
  quote: 'Attention 的目标是计算一个加权平均，其中权重由相似度决定',
  statement: 'Attention computes a weighted average of the values with weights set by the query–key similarity: each output o_i is a convex '
    + 'combination of the value vectors (every coordinate lies between the smallest and the largest v_j of that coordinate), and '
    + 'A_ij/A_ik = exp(s_ij − s_ik), so the weights depend on a key only through its similarity score s_ij = q_iᵀk_j/√d_k and rank the keys as the scores do.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs outputs o_i inside the range of the values: min_j v_jc ≤ o_ic ≤ max_j v_jc, every i and c (measured: the excess outside)', role: 'claim',
      reference: 'tfjs-forward', arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => tfjsAttention(cs, ctx).map(({ outputs }, b) => {
        const c = cs[b]!;
        let excess = 0;
        outputs.forEach((o) => o.forEach((x, col) => {
          const column = c.V.map((v) => v[col]!);
          excess = Math.max(excess, Math.min(...column) - x, x - Math.max(...column));
        }));
        return { value: excess, bound: outputsTolerance(c, ctx.dtypes) };
      }),
    }),
    check({
      name: 'log(A_ij/A_ik) of tfjs weights ↔ s_ij − s_ik of the float64 scores, every i, j, k', role: 'claim', reference: ['tfjs-forward', 'impl'],
      arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => tfjsAttention(cs, ctx).map(({ weights }, b) => {
        const c = cs[b]!, s = attentionScores(c.Q, c.K);
        let worst = 0;
        weights.forEach((row, i) => row.forEach((aj, j) => row.forEach((ak, k) => {
          worst = Math.max(worst, Math.abs(Math.log(aj / ak) - (s[i]![j]! - s[i]![k]!)));
        })));
        // A log-ratio carries the relative errors of its two weights; a float32 weight's relative error is bounded like its absolute
        // error on scale 1 (weightsTolerance: the exp and the division are relatively accurate, κ from the rounded scores).
        return { value: worst, bound: 2 * weightsTolerance(c, ctx.dtypes) };
      }),
    }),
  ],
});
