import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, notBelow } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { between, real } from '../../domains/index.ts';
import { aucByRanks, misordered, pairwiseLogisticBits, pairwiseMean } from '../../support/ranking.ts';

// Scores of 1–8 positives and 1–8 negatives in [−5, 5]; in half the cases rounded to a coarse grid, so ties occur.
const scored = fc.record({
  positive: fc.array(real(5), { minLength: 1, maxLength: 8 }), negative: fc.array(real(5), { minLength: 1, maxLength: 8 }), coarse: fc.boolean(),
  a: between(0.1, 3), c: real(5),
}).map(({ positive, negative, coarse, a, c }) => {
  const grid = (s: number) => (coarse ? Math.round(s) : s);
  return { positive: positive.map(grid), negative: negative.map(grid), a, c };
});
/** A strictly increasing transform of the scores (a miscalibration that keeps the ranking): s ↦ a(s + s³/25) + c. */
const monotone = (a: number, c: number) => (s: number) => a * (s + s ** 3 / 25) + c;
const pairs = (positive: number[], negative: number[]) => positive.length * negative.length;

export default defineItem({
  id: 'ranking-losses-for-ranking', kind: 'claim', section: '4.3.4',
  quote: '对于排名需求，可以使用 AUC loss 或排名损失',
  statement: 'For ranking needs an AUC loss or a ranking loss can be used: the AUC loss, the fraction of positive–negative pairs scored in the wrong order, is exactly 1 − AUC and depends on the scores only through their order, and a pairwise logistic ranking loss, in bits, bounds it from above as a differentiable surrogate.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the AUC loss (misordered pairs, ties ½) equals 1 − AUC by the rank-sum (Mann–Whitney) formula, with tied scores', role: 'claim', reference: 'closed-form',
      arbitrary: scored, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ positive, negative }) => agreement(pairwiseMean(positive, negative, misordered), 1 - aucByRanks(positive, negative),
        // Sums of n₊n₋ halves and integers ≤ (n₊ + n₋)², then a division.
        tolerance({ dtypes: ctx.dtypes, operations: pairs(positive, negative) + positive.length + negative.length + 4, scale: 1 }))),
    }),
    check({
      name: 'the AUC loss depends on the order alone: unchanged by the increasing transform s ↦ a(s + s³/25) + c (exactly)', role: 'claim', reference: 'closed-form',
      arbitrary: scored, runs: 'default',
      evaluate: (cs) => cs.map(({ positive, negative, a, c }) => {
        const f = monotone(a, c);
        return { value: Math.abs(aucByRanks(positive.map(f), negative.map(f)) - aucByRanks(positive, negative)), bound: 0 };
      }),
    }),
    check({
      name: 'the pairwise logistic ranking loss in bits, mean log₂(1 + e^{−(s₊ − s₋)}), bounds the AUC loss from above', role: 'claim', reference: 'closed-form',
      arbitrary: scored, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ positive, negative }) => notBelow(pairwiseMean(positive, negative, pairwiseLogisticBits), 1 - aucByRanks(positive, negative),
        // n₊n₋ softplus terms ≤ 10/ln 2 + 1 each, and the rank-sum AUC.
        tolerance({ dtypes: ctx.dtypes, operations: pairs(positive, negative) + elementary(2) + 4, scale: 10 / Math.LN2 + 1 }))),
    }),
  ],
});
