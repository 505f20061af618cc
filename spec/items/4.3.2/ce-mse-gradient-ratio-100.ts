import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { statedPrecision } from '../../engine/tolerance.ts';
import { given, num, t } from '../../engine/text.ts';
import { binaryCrossEntropyOfLogit, sigmoidOfParameter, sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';
import { sigmoidDerivative } from '../../../impl/index.ts';

// The book's example y = 1, ŷ = 0.99 (logit log 99).
const Y_HAT = 0.99;
const example = fc.constant({ z: Math.log(99), y: 1, yHat: Y_HAT });
/** σ' at the logit of ŷ = 0.99, and the ratios it gives with the ½ of 4.3.13 and without it. */
const SIGMA_PRIME = Y_HAT * (1 - Y_HAT);
const RATIO_HALF = 1 / SIGMA_PRIME;
const RATIO_UNHALVED = 1 / (2 * SIGMA_PRIME);

/**
 * |∂L_CE/∂w| / |∂L_MSE/∂w| for ½(y − σ(wᵀx))² (4.3.13), from tfjs autodiff. Both gradients in w are the
 * logit derivative times the same x (4.3.14, 4.3.16), so the ratio of logit derivatives is the ratio of
 * the gradients for every x ≠ 0: both sides are measured the same way.
 */
function tfjsRatios(cases: { z: number; y: number }[], ctx: RunContext): number[] {
  const zs = cases.map((c) => c.z), ys = cases.map((c) => c.y);
  const ce = tfjsScalar(ctx, zs, binaryCrossEntropyOfLogit(ys, zs)).derivatives;
  const mse = tfjsScalar(ctx, zs, sigmoidSquaredErrorOfLogit(ys, 'half')).derivatives;
  return cases.map((_, b) => Math.abs(ce[b]! / mse[b]!));
}

// "大约 100 倍" is read as 100 to one significant digit (± 50), the precision of the σ' ≈ 0.01 it is
// derived from. That band alone cannot tell 101 from 50.5, so the stated mechanism, ratio = 1/σ'(wᵀx),
// is checked exactly as well; it is what fixes the MSE to the ½ of 4.3.13.
const ABOUT_100 = statedPrecision(100, 1);
const ABOUT_0_01 = statedPrecision(0.01, 1);

export default defineItem({
  id: 'ce-mse-gradient-ratio-100', kind: 'claim', section: '4.3.2',
  quote: String.raw`交叉熵在饱和区域的梯度比均方误差大约 100 倍（因为$\sigma'(\hat{y}) \approx 0.01$被"抵消"了）`,
  statement: t`At ŷ = ${given(Y_HAT)}, y = 1 the cross-entropy gradient (4.3.16) is about 100 times the MSE gradient (4.3.14), because the factor σ' ≈ 0.01 is cancelled: the ratio is 1/σ'(wᵀx) = 1/(ŷ(1 − ŷ)) = ${num(RATIO_HALF, 4)}.`,
  reading: t`The MSE is that of this paragraph, ½(y − σ(wᵀx))² (4.3.13), whose gradient 4.3.14 has no factor 2: the ratio of the two printed gradients, 4.3.16 over 4.3.14, is 1/σ'(wᵀx). (With the unhalved MSE of 4.3.2 and 4.3.6 it would be 1/(2σ'(wᵀx)) = ${num(RATIO_UNHALVED, 3)}, half as much.) σ'(ŷ) names σ' at the logit, as in the sentence after 4.3.14: σ'(z) = ${num(SIGMA_PRIME, 2)}. Read literally, σ'(${given(Y_HAT)}) = ${num(sigmoidDerivative(Y_HAT), 4)} is not ≈ 0.01 (the literal check).`,
  errata: ['sigma-prime-of-output'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'ratio at ŷ = 0.99, y = 1 ≈ 100 (tfjs; ± half a unit of the stated digit)', role: 'claim', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => tfjsRatios(cases, ctx).map((r) => agreement(r, 100, ABOUT_100, `ratio = ${r.toPrecision(5)}`)),
    }),
    check({
      name: 'because σ\' is cancelled: ratio at ŷ = 0.99, y = 1 (tfjs) = 1/σ\'(z) = 1/(0.99 · 0.01)', role: 'claim', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      // A quotient of two float32 derivatives: their relative errors add (2× the one-derivative model).
      evaluate: (cases, ctx) => tfjsRatios(cases, ctx).map((r, b) => agreement(r, RATIO_HALF, 2 * sigmoidTolerance(cases[b]!.z, RATIO_HALF, 2, ctx.dtypes), `ratio = ${r.toPrecision(6)}`)),
    }),
    check({
      name: 'the cancelled factor: σ\' at the logit log 99 (tfjs) ≈ 0.01 (± half a unit of the stated digit)', role: 'claim', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter()).derivatives.map((s) => agreement(s, 0.01, ABOUT_0_01, `σ'(log 99) = ${s.toPrecision(4)}`)),
    }),
    check({
      name: 'literal: σ\' at 0.99 itself, σ\'(0.99) (tfjs) ≈ 0.01 (± half a unit of the stated digit)', role: 'literal', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => tfjsScalar(ctx, cases.map((c) => c.yHat), sigmoidOfParameter()).derivatives.map((s) => agreement(s, 0.01, ABOUT_0_01, `σ'(0.99) = ${s.toFixed(4)}`)),
    }),
  ],
});
