import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { t, num } from '../../engine/text.ts';
import { sigmoid, sigmoidDerivative } from '../../../impl/index.ts';
import { sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';

/** σ'(a) as the text defines it: σ(a)(1 − σ(a)). */
const printedDerivative = (a: number) => sigmoid(a) * (1 - sigmoid(a));
// σ' evaluated in float64: two elementary functions and two roundings, values ≤ ¼.
const sigmaTolerance = (dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: elementary(2) + 2, scale: 0.25 });
/** σ'(z) in a closed form of its own, 1/(4 cosh²(z/2)) (no impl function, no cancellation; a route other than σ(1 − σ) or e^{−|z|}/(1 + e^{−|z|})²). */
const closedFormDerivative = (z: number) => 1 / (4 * Math.cosh(z / 2) ** 2);

// The literal reading: ŷ is the model's prediction, a probability, and "far from 0" can only mean ŷ → 1. ŷ = 1 − 10⁻ᵏ, k = 6…15.
const predictionsNearOne = fc.integer({ min: 6, max: 15 }).map((k) => 1 - 10 ** -k);
// The logit z, over [−700, 700] (e^{−|z|} stays a normal float64 there).
const logitsFar = fc.integer({ min: -700_000, max: 700_000 }).map((i) => i / 1000);
// The logit of one sample and its label, |z| ≤ 80, where float32 σ(z) and 1 − σ(z) are still normal numbers.
const samples = fc.record({ z: fc.integer({ min: -80_000, max: 80_000 }).map((i) => i / 1000), y: fc.constantFrom(0, 1) });

export default defineItem({
  id: 'sigmoid-derivative-vanishes-away-from-zero', kind: 'claim', section: '4.3.1',
  quote: String.raw`当$\hat{y}$远离 0 时，Sigmoid的导数$\sigma'(\hat{y}) = \sigma(\hat{y})(1-\sigma(\hat{y}))$变得很小，导致梯度消失`,
  statement: 'As the logit z moves away from 0, the sigmoid derivative σ\'(z) = σ(z)(1 − σ(z)) becomes very small (≤ e^{−|z|}), and so does the MSE gradient, '
    + 'which carries the factor σ\'(z) (4.3.6).',
  reading: t`ŷ is read as the logit z = wᵀx + b, the argument of σ in the same sentence (σ(ŷ)), as in 4.3.6 read with σ' at the logit. Read literally, ŷ is the prediction σ(z) ∈ (0, 1), and σ'(ŷ) = σ(ŷ)(1 − σ(ŷ)) never drops below σ'(1) = ${num(sigmoidDerivative(1), 4)}.`,
  errata: ['sigma-prime-of-output'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'σ\'(z) = σ(z)(1 − σ(z)) ≤ e^{−|z|} for |z| ≤ 700 (violation)', role: 'claim', reference: 'impl', arbitrary: logitsFar, runs: 'default',
      // σ'(z) = e^{−|z|}/(1 + e^{−|z|})² ≤ e^{−|z|}, sharp as |z| grows: held to a few relative roundings of e^{−|z|}.
      evaluate: (cases, ctx) => cases.map((z) => notAbove(sigmoidDerivative(z), Math.exp(-Math.abs(z)),
        tolerance({ dtypes: ctx.dtypes, operations: elementary(2) + 3, scale: Math.exp(-Math.abs(z)) }))),
    }),
    check({
      name: 'the MSE gradient vanishes with it: tfjs |∂(y − σ(z))²/∂z| ≤ 2e^{−|z|} (violation)', role: 'claim', reference: 'tfjs-grad', arbitrary: samples, runs: 'default',
      evaluate: (cases, ctx) => {
        const g = batchedByShape(cases, () => 'all', (group) =>
          ctx.tfjs.derivatives(group.map((c) => [c.z]), sigmoidSquaredErrorOfLogit(group.map((c) => c.y), 'unhalved')).gradients.map((r) => r[0]!));
        // |2(σ(z) − y)σ'(z)| ≤ 2σ'(z) ≤ 2e^{−|z|}. float32 forms σ'(z) = σ(1 − σ) from σ ≈ 1 for z ≫ 0: 1 − σ has an absolute
        // error of a few u32 whatever its size (terms of size 1 cancel), so the bound is held to the float32 noise of terms
        // of size 2|σ − y|·1 ≤ 2, not to a relative error of e^{−|z|} (which float32 cannot resolve once e^{−|z|} < u32).
        return cases.map((c, b) => notAbove(Math.abs(g[b]!), 2 * Math.exp(-Math.abs(c.z)),
          tolerance({ dtypes: ctx.dtypes, operations: elementary(2) + 4, scale: 2 }),
          `z = ${c.z}, y = ${c.y}, gradient ${g[b]!.toExponential(3)}`));
      },
    }),
    check({
      name: 'literal: σ\'(ŷ) → 0 as the prediction ŷ moves away from 0 (ŷ = 1 − 10⁻ᵏ)', role: 'literal', reference: ['printed', 'impl'], arbitrary: predictionsNearOne, runs: 10,
      evaluate: (cases, ctx) => cases.map((yHat) => ({ value: printedDerivative(yHat), bound: sigmaTolerance(ctx.dtypes), note: `σ'(${yHat}) = ${printedDerivative(yHat).toPrecision(6)}` })),
    }),
    check({
      name: 'sigmoidDerivative ↔ closed form 1/(4 cosh²(z/2)) for |z| ≤ 20', role: 'subject', subject: 'sigmoidDerivative', reference: 'closed-form',
      arbitrary: fc.integer({ min: -2_000_000, max: 2_000_000 }).map((i) => i / 100_000), runs: 'default',
      // Absolute agreement on values ≤ ¼: a subject that forms σ(1 − σ) cancels in 1 − σ(z) for z ≫ 0, with an absolute error of
      // a few u on terms of size 1 whatever σ'(z) is, so the terms' size (1) is the scale.
      evaluate: (cases, ctx) => cases.map((z) => agreement(ctx.subject.api.sigmoidDerivative!(z), closedFormDerivative(z),
        tolerance({ dtypes: ctx.dtypes, operations: elementary(2) + 3, scale: 1 }))),
    }),
  ],
});
