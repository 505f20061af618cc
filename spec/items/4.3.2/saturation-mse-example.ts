import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { statedPrecision, tolerance } from '../../engine/tolerance.ts';
import { num, t } from '../../engine/text.ts';
import { sigmoidOfParameter, sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';
import { sigmoidDerivative } from '../../../impl/index.ts';

// The book's worked example: y = 1, ŷ = 0.99 (logit z = log(0.99/0.01) = log 99).
const Y = 1, Y_HAT = 0.99, Z = Math.log(99);
const example = fc.constant({ y: Y, yHat: Y_HAT, z: Z });
// "≈ 0.01" is stated to one significant digit: the true value must round to it (± 0.005).
const ABOUT_0_01 = statedPrecision(0.01, 1);
// σ' at the logit is ŷ(1 − ŷ); the effective logit gradient of ½(y − σ(z))² (4.3.13) is −(y − ŷ)σ'(z).
const SIGMA_PRIME_AT_LOGIT = Y_HAT * (1 - Y_HAT);
const EFFECTIVE_GRADIENT = -(Y - Y_HAT) * SIGMA_PRIME_AT_LOGIT;

export default defineItem({
  id: 'saturation-mse-example', kind: 'claim', section: '4.3.2',
  quote: String.raw`则误差仅为0.01，且 Sigmoid 导数$\sigma'(0.99) \approx 0.01 \times 0.99 \approx 0.01$，导致有效梯度非常小`,
  printed: String.raw`\sigma'(0.99) \approx 0.01 \times 0.99 \approx 0.01`,
  statement: t`With y = 1 and ŷ = 0.99 the error is 0.01, the sigmoid derivative at the logit of ŷ = 0.99 is 0.01 × 0.99 ≈ 0.01, and the effective gradient of ½(y − σ(z))² (4.3.13) in the logit, −(y − ŷ)σ'(z) = ${num(EFFECTIVE_GRADIENT, 2)}, is very small.`,
  reading: t`σ'(0.99) names σ' at the logit z = log(0.99/0.01) whose output is ŷ = 0.99, as in the sentence before ("σ'(ŷ) = ŷ(1 − ŷ)"): σ'(z) = 0.99 × 0.01 = ${num(SIGMA_PRIME_AT_LOGIT, 2)} ≈ 0.01. Read literally, σ'(0.99) = σ(0.99)(1 − σ(0.99)) = ${num(sigmoidDerivative(Y_HAT), 4)}, not ≈ 0.01 (the literal check).`,
  notes: t`The example is of a nearly right prediction (error 0.01), whose gradient is small under any loss; the case the sentence before describes, a large error at a saturated output, is mse-sigmoid-gradient-vanishes. "非常小" has no threshold: the item checks the value ${num(EFFECTIVE_GRADIENT, 2)}, a factor σ'(z) = ${num(SIGMA_PRIME_AT_LOGIT, 2)} below the error, and nothing more.`,
  errata: ['sigma-prime-of-output'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'error y − ŷ = 0.01', role: 'claim', reference: 'printed', arbitrary: example, runs: 1,
      // One float64 subtraction of numbers ≤ 1 (0.99 is not exact in binary).
      evaluate: (cases, ctx) => cases.map((c) => agreement(c.y - c.yHat, 0.01, tolerance({ dtypes: ctx.dtypes, operations: 2, scale: 1 }))),
    }),
    check({
      name: 'σ\' at the logit log 99 (tfjs) = 0.99 × 0.01', role: 'claim', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => agreement(derivatives[b]!, c.yHat * (1 - c.yHat), sigmoidTolerance(c.z, SIGMA_PRIME_AT_LOGIT, 0, ctx.dtypes), `σ'(log 99) = ${derivatives[b]!.toPrecision(6)}`));
      },
    }),
    check({
      name: 'σ\' at the logit log 99 (tfjs) ≈ 0.01 (± half a unit of the stated digit)', role: 'claim', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter()).derivatives.map((s) => agreement(s, 0.01, ABOUT_0_01)),
    }),
    check({
      name: '0.01 × 0.99 ≈ 0.01 (± half a unit of the stated digit)', role: 'claim', reference: 'printed', arbitrary: example, runs: 1,
      evaluate: (cases) => cases.map((c) => agreement((c.y - c.yHat) * c.yHat, 0.01, ABOUT_0_01)),
    }),
    check({
      name: 'effective gradient: ∂/∂z ½(y − σ(z))² at z = log 99 (tfjs) = −(y − ŷ)·ŷ(1 − ŷ)', role: 'claim', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidSquaredErrorOfLogit(cases.map((c) => c.y), 'half'));
        return cases.map((c, b) => agreement(derivatives[b]!, EFFECTIVE_GRADIENT, sigmoidTolerance(c.z, Math.abs(EFFECTIVE_GRADIENT), 2, ctx.dtypes),
          `∂L/∂z = ${derivatives[b]!.toPrecision(4)}`));
      },
    }),
    check({
      name: 'literal: σ\' at 0.99 itself, σ\'(0.99) (tfjs) ≈ 0.01 (± half a unit of the stated digit)', role: 'literal', reference: 'tfjs-grad', arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.yHat), sigmoidOfParameter());
        return derivatives.map((s) => agreement(s, 0.01, ABOUT_0_01, `σ'(0.99) = ${s.toFixed(4)}`));
      },
    }),
  ],
});
