import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { t, given } from '../../engine/text.ts';
import { M, dataset, optimum, overlapLevels, overlapPairs } from '../../support/overlap.ts';

/**
 * "优化变慢": gradient descent on the one-number overlap family of spec/support/overlap.ts. Every dataset
 * of the family has f''(w) = σ'(w) ≤ ¼, so the same step 1/L = 4 is safe for all of them, and all start
 * from the same point w₀ = −1 (left of every optimum w* = log(q/(1 − q)) ≥ 0). After T steps the remaining
 * distance to the optimum, as a fraction of the initial one, measures the speed with one yardstick for
 * every overlap level. Near w* each step multiplies the distance by about 1 − 4q(1 − q): 0 at total
 * overlap, → 1 as the classes separate.
 */
const STEP = 4, START = -1, STEPS = 50;
/**
 * The fraction of the distance to w* left after STEPS steps, for dataset k. The descent uses the mean
 * gradient in closed form, σ(w) − k/M, which the subject check holds the implementation's mean gradient of
 * the 2M samples to (for impl/, the audit's own reference, a failure there breaks the audit). A function
 * of k alone (ten values), so it is computed once per k.
 */
const remainingOf = new Map<number, number>();
function remaining(k: number): number {
  const known = remainingOf.get(k);
  if (known !== undefined) return known;
  const wStar = optimum(k), q = k / M;
  let w = START;
  for (let s = 0; s < STEPS; s++) w -= STEP * (1 / (1 + Math.exp(-w)) - q);
  const r = Math.abs(w - wStar) / Math.abs(START - wStar);
  remainingOf.set(k, r);
  return r;
}
// Each step rounds w − 4(σ(w) − q) (an exp, an add, a division, two subtractions, a product, on terms ≤ |w| + 4):
// the error of step s is contracted by every later step (|1 − 4f''| ≤ 1), so T steps add at most T times one
// step's rounding; w* = log(k/(M − k)) and the final distance and ratio add their own.
const remainingTol = (k: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: STEPS * (elementary(1) + 5) + elementary(1) + 4,
  scale: Math.max(Math.abs(START), Math.abs(optimum(k))) + STEP }) / Math.abs(START - optimum(k));


export default defineItem({
  id: 'ce-overlap-slow-optimization', kind: 'claim', section: '4.3.2',
  quote: '强凸性系数很小，优化变慢',
  statement: t`When the classes overlap heavily, optimisation of the cross-entropy is slow: with one step size and one starting point, gradient descent gets less far toward the optimum on a dataset with more overlap (${given(STEPS)} steps of size ${given(STEP)} from w = ${given(START)}).`,
  reading: 'The speed is that of gradient descent, measured with one yardstick for every dataset: the fraction of the initial distance to the optimum left after a fixed number of steps of one step size (safe for every dataset of the family) from one starting point, on a family of binary datasets whose overlap is one number.',
  correction: {
    statement: 'The opposite holds: more overlap, faster descent. Near the optimum each step multiplies the distance by about 1 − q(1 − q)/L = 1 − 4q(1 − q), which is 0 at total overlap (q = ½) and tends to 1 as the classes separate; on separable data (q = 1) there is no optimum and the iterates drift off with a gradient that keeps shrinking. Slow optimisation comes with separation, not overlap.',
  },
  errata: ['overlap-curvature-reversed'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'more overlap (k₁ < k₂) ⇒ no less distance left after the same descent: r(k₁) ≥ r(k₂)', role: 'claim', reference: 'closed-form', arbitrary: overlapPairs, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ k1, k2 }) => {
        const r1 = remaining(k1), r2 = remaining(k2);
        return { value: Math.max(0, r2 - r1), bound: remainingTol(k1, ctx.dtypes) + remainingTol(k2, ctx.dtypes),
          note: `q = ${k1 / M}: ${r1.toExponential(3)} of the distance left; q = ${k2 / M}: ${r2.toExponential(3)}` };
      }),
    }),
    check({
      name: 'the descent\'s gradient: logisticCrossEntropyGradient of the 2M samples ↔ the closed form σ(w) − q (so f\'\' = σ\' ≤ ¼ and the step is safe for every dataset)',
      role: 'subject', subject: 'logisticCrossEntropyGradient', reference: 'closed-form',
      arbitrary: overlapLevels.chain(({ k }) => fc.record({ k: fc.constant(k), w: fc.integer({ min: -1000, max: 1000 }).map((i) => i / 100) })), runs: 'default',
      // The mean of 2M terms ≤ 1 (an exp, a division, a subtraction, a product each) against the closed form (an exp, a
      // division, two subtractions); rounding w to the subject's dtype moves σ(w) by u·|w|·σ'(w) ≤ u·|w|.
      evaluate: (cases, ctx) => cases.map(({ k, w }) => {
        const { x, y } = dataset(k);
        return agreement(ctx.subject.api.logisticCrossEntropyGradient!(x, y, [w], 0).w[0]!, 1 / (1 + Math.exp(-w)) - k / M,
          tolerance({ dtypes: ctx.dtypes, operations: 2 * M + elementary(2) + 8, scale: 1, condition: 1 + Math.abs(w) }));
      }),
    }),
    check({
      name: 'correction: the distance left shrinks as overlap grows, r(k₁) < r(k₂), by at least the rounding', role: 'correction', reference: 'closed-form',
      // Where the less-overlapping dataset still has a distance above the rounding floor after T steps
      // (k₂ ≥ 18: 1 − 4q(1 − q) ≥ 0.64 per step); below it both distances are rounding and resolve nothing.
      arbitrary: fc.integer({ min: 18, max: 19 }).chain((k2) => fc.integer({ min: 10, max: k2 - 1 }).map((k1) => ({ k1, k2 }))), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ k1, k2 }) => {
        const r1 = remaining(k1), r2 = remaining(k2);
        return { value: r2 - r1, bound: remainingTol(k1, ctx.dtypes) + remainingTol(k2, ctx.dtypes), sense: 'atLeast' as const,
          note: `q = ${k1 / M}: ${r1.toExponential(3)}; q = ${k2 / M}: ${r2.toExponential(3)}` };
      }),
    }),
  ],
});
