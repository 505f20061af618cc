import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { given, t } from '../../engine/text.ts';
import { between, vector } from '../../domains/index.ts';
import { sampleMean, sampleMedian } from '../../../impl/index.ts';

// N ∈ [3, 12] observations in [−5, 5]; one of them is replaced by an outlier at distance 10^{1…6} beyond the data.
const contaminated = fc.integer({ min: 3, max: 12 }).chain((n) => fc.record({ y: vector(n, 5), index: fc.nat(n - 1), log10Distance: between(1, 6), sign: fc.constantFrom(-1, 1) }))
  .map(({ y, index, log10Distance, sign }) => {
    const outlier = sign * (5 + 10 ** log10Distance);
    const farther = sign * (5 + 1000 * 10 ** log10Distance);
    return { y, yOut: y.map((v, i) => (i === index ? outlier : v)), yFarther: y.map((v, i) => (i === index ? farther : v)), index, outlier };
  });
const range = (y: number[]) => Math.max(...y) - Math.min(...y);

// Fewer than half of N ∈ [3, 12] observations replaced by arbitrary values of magnitude up to 10⁹, either sign.
const heavilyContaminated = fc.integer({ min: 3, max: 12 }).chain((n) => fc.record({
  y: vector(n, 5), m: fc.integer({ min: 1, max: Math.ceil(n / 2) - 1 }), shuffle: fc.array(fc.nat(), { minLength: n, maxLength: n }),
  outliers: fc.array(fc.record({ log10: between(0, 9), sign: fc.constantFrom(-1, 1) }), { minLength: n, maxLength: n }),
})).map(({ y, m, shuffle, outliers }) => {
  const order = y.map((_, i) => i).sort((a, b) => shuffle[a]! - shuffle[b]! || a - b), replaced = new Set(order.slice(0, m));
  return { y, m, yOut: y.map((v, i) => (replaced.has(i) ? outliers[i]!.sign * 10 ** outliers[i]!.log10 : v)), clean: y.filter((_, i) => !replaced.has(i)) };
});
const observations = fc.integer({ min: 1, max: 12 }).chain((n) => vector(n, 5));
/** The empirical MAE (1/N) Σ |y_n − c| of the constant prediction c, written out (the subject check's reference). */
const maeAt = (y: number[], c: number) => y.reduce((s, yn) => s + Math.abs(yn - c), 0) / y.length;

export default defineItem({
  id: 'mae-robust-to-outliers', kind: 'claim', section: '4.3.4',
  quote: 'MAE 用于对异常值鲁棒的场景',
  statement: 'MAE suits data with outliers: its minimiser, the median, stays within the range of the clean observations whenever fewer than half are replaced by outliers of any size, and does not move at all when an outlier beyond the data moves farther, while the MSE minimiser (the mean) moves by (outlier − y_k)/N, without bound.',
  notes: t`Second reading: the name of the third check said "within range(y) of median(y)" while the check asserted only that the median does not move when the outlier moves farther. Settled: two checks, each asserting what its name says: the median is unchanged when the outlier moves ${given(1000)}× farther, and one outlier moves it by at most range(y).`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'subject sampleMedian minimises the empirical MAE: MAE(y, median) ≤ MAE(y, y_j) for every observation y_j (a convex piecewise-linear function is least at a data point; exhaustive over the data points)', role: 'subject',
      subject: 'sampleMedian', reference: 'closed-form', arbitrary: observations, runs: 'default',
      evaluate: (cs, ctx) => cs.map((y) => {
        const median = ctx.subject.api.sampleMedian!(y);
        return {
          value: Math.max(0, maeAt(y, median) - Math.min(...y.map((yj) => maeAt(y, yj)))),
          // Two N-term sums of |y_n − c| ≤ 10 (the subject's median rounded in its dtype moves the MAE by at most that rounding).
          bound: tolerance({ dtypes: ctx.dtypes, operations: y.length + 3, scale: 10 }),
          note: `median ${median}, MAE there ${maeAt(y, median).toPrecision(6)}`,
        };
      }),
    }),
    check({
      name: 'breakdown: with m < N/2 observations replaced by values up to 10⁹ in size, median(y) stays within [min, max] of the clean ones (exactly)', role: 'claim', reference: 'impl',
      arbitrary: heavilyContaminated, runs: 'default',
      evaluate: (cs) => cs.map(({ yOut, clean, m }) => {
        const med = sampleMedian(yOut), lo = Math.min(...clean), hi = Math.max(...clean);
        // The median is a clean order statistic or the mean of two: no rounding can take it outside [lo, hi].
        return { value: Math.max(0, lo - med, med - hi), bound: 0, note: `${m} of ${yOut.length} replaced: median ${med.toPrecision(4)}, clean range [${lo.toPrecision(4)}, ${hi.toPrecision(4)}], mean ${sampleMean(yOut).toExponential(2)}` };
      }),
    }),
    check({
      name: 'MAE minimiser: median(y with outlier o) is the same for o and for an outlier 1000× farther (exactly)', role: 'claim', reference: 'impl',
      arbitrary: contaminated, runs: 'default',
      evaluate: (cs) => cs.map(({ yOut, yFarther, outlier }) => ({
        // Beyond the data, only the outlier's side matters to the median, not its distance: exact equality.
        value: Math.abs(sampleMedian(yFarther) - sampleMedian(yOut)), bound: 0,
        note: `outlier ${outlier.toExponential(2)}: median ${sampleMedian(yOut).toPrecision(4)}, with the outlier 1000× farther ${sampleMedian(yFarther).toPrecision(4)}`,
      })),
    }),
    check({
      name: 'MAE minimiser: one outlier beyond the data moves the median by at most range(y) (exactly)', role: 'claim', reference: 'impl',
      arbitrary: contaminated, runs: 'default',
      evaluate: (cs) => cs.map(({ y, yOut, outlier }) => {
        // With N ≥ 3 both medians are order statistics of the clean values (or means of two), so both lie in
        // [min y, max y]; rounding is monotone, so the computed |Δ| cannot exceed the computed max − min.
        const moved = Math.abs(sampleMedian(yOut) - sampleMedian(y));
        return { value: Math.max(0, moved - range(y)), bound: 0, note: `outlier ${outlier.toExponential(2)}: median moved by ${moved.toPrecision(4)}, range of y ${range(y).toPrecision(4)}` };
      }),
    }),
    check({
      name: 'MSE minimiser: mean(y with outlier) − mean(y) = (outlier − y_k)/N, unbounded in the outlier', role: 'claim', reference: 'impl',
      arbitrary: contaminated, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ y, yOut, index, outlier }) => agreement(sampleMean(yOut) - sampleMean(y), (outlier - y[index]!) / y.length,
        // Two N-term sums, terms up to |outlier|.
        tolerance({ dtypes: ctx.dtypes, operations: 2 * y.length + 2, scale: Math.abs(outlier) + 5 }))),
    }),
  ],
});
