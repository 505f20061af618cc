import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
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

export default defineItem({
  id: 'mae-robust-to-outliers', kind: 'claim', section: '4.3.4',
  quote: 'MAE 用于对异常值鲁棒的场景',
  statement: 'MAE suits data with outliers: once an observation is moved beyond the data, moving it farther does not move the MAE minimiser (the median) at all, while the MSE minimiser (the mean) moves by (outlier − y_k)/N, without bound.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'MAE minimiser: median(y with outlier o) is the same for o and for an outlier 1000× farther (exactly), within range(y) of median(y)', role: 'claim', oracle: IMPL_F64,
      arbitrary: contaminated, runs: 'default',
      evaluate: (cs) => cs.map(({ y, yOut, yFarther, outlier }) => ({
        // Beyond the data, only the outlier's side matters to the median, not its distance: exact equality.
        value: Math.abs(sampleMedian(yFarther) - sampleMedian(yOut)), bound: 0,
        note: `outlier ${outlier.toExponential(2)}: median moved by ${Math.abs(sampleMedian(yOut) - sampleMedian(y)).toPrecision(4)} (range of y ${range(y).toPrecision(4)})`,
      })),
    }),
    check({
      name: 'MSE minimiser: mean(y with outlier) − mean(y) = (outlier − y_k)/N, unbounded in the outlier', role: 'claim', oracle: IMPL_F64,
      arbitrary: contaminated, runs: 'default',
      evaluate: (cs) => cs.map(({ y, yOut, index, outlier }) => agreement(sampleMean(yOut) - sampleMean(y), (outlier - y[index]!) / y.length,
        // Two N-term sums, terms up to |outlier|.
        tolerance({ dtypes: ['float64', 'float64'], operations: 2 * y.length + 2, scale: Math.abs(outlier) + 5 }))),
    }),
  ],
});
