import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { statedPrecision, tolerance } from '../../engine/tolerance.ts';
import { PRINTED_F64, tfjsGrad } from '../../engine/labels.ts';
import { sigmoidOfParameter } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';

// The book's worked example: y = 1, ŷ = 0.99 (logit z = log(0.99/0.01) = log 99).
const example = fc.constant({ y: 1, yHat: 0.99, z: Math.log(99) });
// "≈ 0.01" is stated to one significant digit: the true value must round to it (± 0.005).
const ABOUT_0_01 = statedPrecision(0.01, 1);

export default defineItem({
  id: 'saturation-mse-example', kind: 'claim', section: '4.3.2',
  quote: String.raw`则误差仅为0.01，且 Sigmoid 导数$\sigma'(0.99) \approx 0.01 \times 0.99 \approx 0.01$`,
  printed: String.raw`y - \hat{y} = 0.01,\quad \sigma'(0.99) \approx 0.01 \times 0.99 \approx 0.01`,
  statement: 'With y = 1 and ŷ = 0.99 the error is 0.01 and the sigmoid derivative σ\'(0.99) ≈ 0.01 × 0.99 ≈ 0.01.',
  correction: {
    statement: 'σ\'(0.99) = 0.1966; the value meant is σ\'(z) at the logit z = log 99 of ŷ = 0.99, which is ŷ(1 − ŷ) = 0.0099 ≈ 0.01.',
    latex: String.raw`\sigma'(\log 99) = 0.99 \times 0.01 = 0.0099 \approx 0.01`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'error y − ŷ = 0.01', role: 'claim', oracle: PRINTED_F64, arbitrary: example, runs: 1,
      // One float64 subtraction of numbers ≤ 1 (0.99 is not exact in binary).
      evaluate: (cases) => cases.map((c) => agreement(c.y - c.yHat, 0.01, tolerance({ dtypes: ['float64', 'float64'], operations: 2, scale: 1 }))),
    }),
    check({
      name: 'printed σ\'(0.99) (tfjs) ≈ 0.01 (± half a unit of the stated digit)', role: 'claim', oracle: tfjsGrad, arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.yHat), sigmoidOfParameter());
        return derivatives.map((s) => agreement(s, 0.01, ABOUT_0_01, `σ'(0.99) = ${s.toFixed(4)}`));
      },
    }),
    check({
      name: '0.01 × 0.99 ≈ 0.01 (± half a unit of the stated digit)', role: 'claim', oracle: PRINTED_F64, arbitrary: example, runs: 1,
      evaluate: (cases) => cases.map((c) => agreement((c.y - c.yHat) * c.yHat, 0.01, ABOUT_0_01)),
    }),
    check({
      name: 'correction: σ\'(log 99) (tfjs) = 0.99 × 0.01', role: 'correction', oracle: tfjsGrad, arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => agreement(derivatives[b]!, 0.99 * 0.01, sigmoidTolerance(c.z, 0.0099), `σ'(log 99) = ${derivatives[b]!.toPrecision(6)}`));
      },
    }),
    check({
      name: 'correction: σ\'(log 99) (tfjs) ≈ 0.01 (± half a unit of the stated digit)', role: 'correction', oracle: tfjsGrad, arbitrary: example, runs: 1,
      evaluate: (cases, ctx) => tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter()).derivatives.map((s) => agreement(s, 0.01, ABOUT_0_01)),
    }),
  ],
});
