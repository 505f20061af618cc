import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { attentionCase, between, type AttentionCase } from '../../domains/index.ts';
import { attentionWeights } from '../../../impl/index.ts';
import { scoreScale, tfjsAttention, weightsTolerance } from '../../support/attention.ts';

/** The attention weights of 4.3.34 as printed (exp of the raw scores, no shift), with an optional constant added to each row's scores. */
function printedWeights(c: AttentionCase, rowShift: number[] = c.Q.map(() => 0)): number[][] {
  return c.Q.map((q, i) => {
    const e = c.K.map((k) => Math.exp(q.reduce((s, x, l) => s + x * k[l]!, 0) / Math.sqrt(c.dk) + rowShift[i]!));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
  });
}

const shifted = attentionCase().chain((c) => fc.array(between(-50, 50), { minLength: c.n, maxLength: c.n }).map((shift) => ({ c, shift })));
// Large scores, as with long unnormalised queries and keys: entries up to 60, scores up to ~60²·√d_k.
const large = attentionCase({}, 60);
const nonFinite = (a: number[][]) => a.flat().some((x) => !Number.isFinite(x));
const maxScore = (c: AttentionCase) => Math.max(...c.Q.flatMap((q) => c.K.map((k) => q.reduce((s, x, l) => s + x * k[l]!, 0) / Math.sqrt(c.dk))));

export default defineItem({
  id: 'attention-softmax-stability', kind: 'claim', section: '4.3.5',
  quote: '注意力权重的稳定性分析可以借鉴 Softmax 在分类任务中的数值稳定性处理',
  statement: 'The numerical-stability treatment of the classification softmax carries over to the attention weights: each row of A is '
    + 'invariant to adding a constant to that row\'s scores, so subtracting the row maximum gives the exact A where the printed form, exp of '
    + 'the raw scores, overflows.',
  reading: '"稳定性分析" is read as numerical stability, as the clause it borrows from names it ("数值稳定性处理"): the treatment meant is the '
    + 'max-subtraction (log-sum-exp) of the classification softmax. The row-wise shift invariance is what lets it carry over to attention unchanged.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'shift invariance: printed A from scores s_i + c_i ↔ printed A from s_i, c_i ∈ [−50, 50] per row', role: 'claim', reference: 'printed',
      arbitrary: shifted, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ c, shift }) => agreement(printedWeights(c, shift), printedWeights(c),
        // exp's argument carries a rounding relative to |s| + |c|, which moves the weight by that much relatively.
        tolerance({ dtypes: ctx.dtypes, operations: c.dk + c.m + elementary(1) + 3, scale: 1,
          condition: 1 + 2 * (scoreScale(c) + Math.max(...shift.map(Math.abs))) }))),
    }),
    check({
      name: 'large scores: max-shifted impl A ↔ tfjs tf.softmax (both finite)', role: 'claim', reference: ['impl', 'tfjs-forward'], arbitrary: large, runs: 'default',
      evaluate: (cs, ctx) => tfjsAttention(cs, ctx).map(({ weights }, b) => agreement(attentionWeights(cs[b]!.Q, cs[b]!.K), weights, weightsTolerance(cs[b]!, ctx.dtypes))),
    }),
    check({
      name: 'large scores: the unshifted printed form fails (exp(s) overflows to ∞, the weights come out NaN) for some inputs', role: 'claim', reference: 'impl',
      arbitrary: large, runs: 'default', quantifier: 'exists',
      // A witness is a case where the printed weights, evaluated as printed in float64, miss the max-shifted weights (impl, finite,
      // held to tfjs by the check above) by far more than float64 rounding: once a score exceeds ln(Number.MAX_VALUE), exp(s) = ∞
      // exactly, ∞/∞ = NaN, and the error is infinite (a deterministic overflow, not rounding noise on a small quantity).
      evaluate: (cs, ctx) => cs.map((c) => {
        const printed = printedWeights(c);
        return { ...agreement(printed, attentionWeights(c.Q, c.K), tolerance({ dtypes: ctx.dtypes, operations: c.dk + c.m + elementary(1) + 3,
          scale: 1, condition: 1 + 2 * scoreScale(c) })), sense: 'atLeast' as const,
        note: `max score ${maxScore(c).toPrecision(4)} (exp overflows above ln(MAX_VALUE) = ${Math.log(Number.MAX_VALUE).toPrecision(5)}); printed weights ${nonFinite(printed) ? 'not finite' : 'finite'}` };
      }),
    }),
  ],
});
