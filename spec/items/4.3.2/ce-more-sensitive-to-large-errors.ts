import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { agreement } from '../../engine/close.ts';
import { between } from '../../domains/index.ts';
import { num, t } from '../../engine/text.ts';
import { binaryCrossEntropyOfProbability, squaredErrorOfProbability } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { tfjsScalar } from '../../support/sigmoidUnit.ts';

/**
 * With y = 1 and error e = 1 − ŷ: |dL_CE/dŷ| = 1/ŷ and |dL_MSE/dŷ| = 2(1 − ŷ) (unhalved; the ½
 * convention halves it, which doubles the ratio). Both from tfjs, in one batched call each.
 */
function slopes(yHat: number[], ctx: RunContext): { ce: number; mse: number }[] {
  const ce = tfjsScalar(ctx, yHat, binaryCrossEntropyOfProbability(yHat.map(() => 1))).derivatives;
  const mse = tfjsScalar(ctx, yHat, squaredErrorOfProbability(yHat.map(() => 1), 'unhalved')).derivatives;
  return yHat.map((_, b) => ({ ce: Math.abs(ce[b]!), mse: Math.abs(mse[b]!) }));
}
// A float32 slope ratio: each slope carries a few roundings and the float32 rounding of ŷ (relative
// u/ŷ·… for 1/ŷ, u/(1 − ŷ) for 1 − ŷ); only the ratio's size matters here.
const ratioTolerance = (yHat: number, ratio: number, dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: 8, scale: ratio, condition: 2 + 1 / (1 - yHat) });

// Large errors e = 1 − 10^{−k}, k ∈ [1, 6] (ŷ = 10^{−k}).
const largeErrors = between(1, 6).map((k) => ({ yHat: 10 ** -k, k }));

/**
 * A scale-free measure of how fast a penalty grows, its elasticity e·L'(e)/L(e): 2 for the MSE (either
 * convention), e/((1 − e)·(−log(1 − e))) for the cross-entropy; the error above which the latter exceeds 2.
 */
const ceElasticity = (e: number) => e / ((1 - e) * -Math.log1p(-e));
function elasticityCrossing(): number {
  let lo = 0.01, hi = 0.99; // ceElasticity(lo) < 2 < ceElasticity(hi); it increases in between
  for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; if (ceElasticity(mid) < 2) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}
const CROSSING = elasticityCrossing();

export default defineItem({
  id: 'ce-more-sensitive-to-large-errors', kind: 'claim', section: '4.3.2',
  quote: '它对大误差的敏感度更高',
  statement: 'Cross-entropy is more sensitive to large errors than MSE: as the probability error e = |y − ŷ| → 1, the cross-entropy\'s slope 1/(1 − e) outgrows the MSE\'s slope 2e without bound (their ratio 1/(2e(1 − e)) → ∞), so for large errors it is the steeper of the two whatever constant either loss is scaled by.',
  reading: '"敏感度" (sensitivity) is the slope of the loss in the error, and the comparison is with the MSE of the sentences before. A ratio of slopes at one error depends on how each loss is scaled (the ½ convention alone changes it by 2), so the claim is read, and checked, as a limit for large errors, where no constant factor can change the outcome.',
  notes: t`For small errors the comparison turns on the scaling. A scale-free measure, the elasticity e·L'(e)/L(e), is 2 for the MSE and below 2 for the cross-entropy up to e = ${num(CROSSING, 2)}, above it beyond: only for large errors does the cross-entropy grow relatively faster, which is what the sentence says. \
Second reading: measured in the logit z instead of the probability, the cross-entropy −log σ(z) = softplus(−z) grows only linearly for \
large errors (its slope tends to 1), so "more sensitive" depends on the variable. Settled: noted here, the verdict stands; the paragraph's \
variable is the predicted probability (its limits are taken as p̂ → 0 or 1) and its error e, in which the slope 1/(1 − e) is unbounded. \
(In the logit the cross-entropy is still the steeper of the two: the sigmoid MSE's slope there vanishes, mse-sigmoid-gradient-vanishes.)`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'large errors e = 1 − 10^-k, k ∈ [1, 6]: slope ratio (tfjs) = 1/(2e(1 − e)) ≈ 10^k/2, unbounded as e → 1', role: 'claim', reference: 'tfjs-grad', arbitrary: largeErrors, runs: 'default',
      // The ratio grows like the inverse distance 10^k of ŷ to 0: unbounded as e → 1.
      evaluate: (cases, ctx) => slopes(cases.map((c) => c.yHat), ctx).map(({ ce, mse }, b) => {
        const { yHat } = cases[b]!;
        const expected = 1 / (2 * yHat * (1 - yHat));
        return agreement(ce / mse, expected, ratioTolerance(yHat, expected, ctx.dtypes), `ratio ${(ce / mse).toPrecision(4)} at ŷ = ${yHat.toExponential(2)}`);
      }),
    }),
  ],
});
