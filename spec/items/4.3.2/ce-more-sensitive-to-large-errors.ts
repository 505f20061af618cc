import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { agreement, notBelow } from '../../engine/close.ts';
import { between } from '../../domains/index.ts';
import { binaryCrossEntropyOfProbability, squaredErrorOfProbability } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { tfjsScalar } from '../../support/sigmoidUnit.ts';

/**
 * With y = 1 and error e = 1 − ŷ: |dL_CE/dŷ| = 1/ŷ and |dL_MSE/dŷ| = 2(1 − ŷ) (unhalved; the ½
 * convention halves it, which only widens the gap). Both from tfjs, in one batched call each.
 */
function slopes(yHat: number[], ctx: RunContext): { ce: number; mse: number }[] {
  const ce = tfjsScalar(ctx, yHat, binaryCrossEntropyOfProbability(yHat.map(() => 1))).derivatives;
  const mse = tfjsScalar(ctx, yHat, squaredErrorOfProbability(yHat.map(() => 1), 'unhalved')).derivatives;
  return yHat.map((_, b) => ({ ce: Math.abs(ce[b]!), mse: Math.abs(mse[b]!) }));
}
// A float32 slope ratio: each slope carries a few roundings and the float32 rounding of ŷ (relative
// u/ŷ·… for 1/ŷ, u/(1 − ŷ) for 1 − ŷ); only the ratio's size matters here.
const ratioTolerance = (yHat: number, ratio: number) =>
  tolerance({ dtypes: ['float32', 'float64'], operations: 8, scale: ratio, condition: 2 + 1 / (1 - yHat) });

// Errors e ∈ [0.01, 0.99] (ŷ ∈ [0.01, 0.99]) and large errors e = 1 − 10^{−k}, k ∈ [1, 6].
const errors = between(0.01, 0.99).map((e) => ({ yHat: 1 - e }));
const largeErrors = between(1, 6).map((k) => ({ yHat: 10 ** -k, k }));

export default defineItem({
  id: 'ce-more-sensitive-to-large-errors', kind: 'claim', section: '4.3.2',
  quote: '它对大误差的敏感度更高',
  statement: 'Cross-entropy is more sensitive to large errors than MSE: in the probability error e = |y − ŷ| its slope 1/(1 − e) exceeds the MSE slope 2e everywhere (their ratio 1/(2e(1 − e)) is at least 2), and the ratio 1/(2e(1 − e)) grows without bound as e → 1.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'CE slope exceeds MSE slope: |dL_CE/dŷ| / |dL_MSE/dŷ| ≥ 1 for e ∈ [0.01, 0.99] (tfjs)', role: 'claim', oracle: tfjsGrad, arbitrary: errors, runs: 'default',
      // The exact ratio 1/(2e(1 − e)) is at least 2 (at e = ½); measured: how far the float32 ratio falls below 1, held to
      // its rounding (as the ratio's value check below).
      evaluate: (cases, ctx) => slopes(cases.map((c) => c.yHat), ctx).map(({ ce, mse }, b) => {
        const { yHat } = cases[b]!;
        return notBelow(ce / mse, 1, ratioTolerance(yHat, 1 / (2 * yHat * (1 - yHat))), `ratio ${(ce / mse).toPrecision(4)}`);
      }),
    }),
    check({
      name: 'large errors e = 1 − 10^-k, k ∈ [1, 6]: ratio = 1/(2e(1 − e)) > 10^k/2 (tfjs)', role: 'claim', oracle: tfjsGrad, arbitrary: largeErrors, runs: 'default',
      // The ratio grows like the inverse distance 10^k of ŷ to 0: unbounded as e → 1.
      evaluate: (cases, ctx) => slopes(cases.map((c) => c.yHat), ctx).map(({ ce, mse }, b) => {
        const { yHat } = cases[b]!;
        const expected = 1 / (2 * yHat * (1 - yHat));
        return agreement(ce / mse, expected, ratioTolerance(yHat, expected), `ratio ${(ce / mse).toPrecision(4)} at ŷ = ${yHat.toExponential(2)}`);
      }),
    }),
  ],
});
