import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, PRINTED_F64 } from '../../engine/labels.ts';
import { sigmoid, sigmoidDerivative } from '../../../impl/index.ts';

/** σ'(a) as the text defines it: σ(a)(1 − σ(a)). */
const printedDerivative = (a: number) => sigmoid(a) * (1 - sigmoid(a));
// σ' evaluated in float64: two elementary functions and two roundings, values ≤ ¼.
const sigmaTolerance = tolerance({ dtypes: ['float64', 'float64'], operations: elementary(2) + 2, scale: 0.25 });

// ŷ is the model's prediction, a probability: "far from 0" can only mean ŷ → 1. ŷ = 1 − 10⁻ᵏ, k = 6…15.
const predictionsNearOne = fc.integer({ min: 6, max: 15 }).map((k) => 1 - 10 ** -k);
// The logit z = wᵀx, far from 0: |z| ∈ [20, 700].
const farLogits = fc.integer({ min: 20, max: 700 }).chain((m) => fc.constantFrom(m, -m));

export default defineItem({
  id: 'sigmoid-derivative-vanishes-away-from-zero', kind: 'claim', section: '4.3.1',
  quote: String.raw`当$\hat{y}$远离 0 时，Sigmoid的导数$\sigma'(\hat{y}) = \sigma(\hat{y})(1-\sigma(\hat{y}))$变得很小，导致梯度消失`,
  statement: 'When the prediction ŷ moves away from 0, σ\'(ŷ) = σ(ŷ)(1 − σ(ŷ)) becomes very small (tends to 0), so the MSE gradient vanishes.',
  correction: {
    statement: 'σ\' must be taken at the logit z = wᵀx, not at the prediction ŷ = σ(z) ∈ (0, 1), where σ\'(ŷ) ≥ σ\'(1) ≈ 0.1966. '
      + 'σ\'(z) = ŷ(1 − ŷ) ≤ e^{−|z|} vanishes as |z| grows, i.e. as ŷ approaches 0 or 1.',
    latex: String.raw`\sigma'(z) = \hat{y}(1-\hat{y}) \le e^{-|z|} \xrightarrow{|z|\to\infty} 0,\qquad \min_{\hat{y}\in[0,1]} \sigma'(\hat{y}) = \sigma'(1) \approx 0.1966`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'σ\'(ŷ) → 0 as ŷ → 1 (ŷ = 1 − 10⁻ᵏ)', role: 'claim', oracle: PRINTED_F64, arbitrary: predictionsNearOne, runs: 10,
      evaluate: (cases) => cases.map((yHat) => ({ value: printedDerivative(yHat), bound: sigmaTolerance, note: `σ'(${yHat}) = ${printedDerivative(yHat).toPrecision(6)}` })),
    }),
    check({
      name: 'correction: σ\'(z) ≤ e^{−|z|} for |z| ∈ [20, 700] (violation)', role: 'correction', oracle: IMPL_F64, arbitrary: farLogits, runs: 'default',
      // Violation of e^{−|z|}/(1 + e^{−|z|})² ≤ e^{−|z|}, held to a few relative roundings of e^{−|z|}.
      evaluate: (cases) => cases.map((z) => ({ value: Math.max(0, sigmoidDerivative(z) - Math.exp(-Math.abs(z))),
        bound: tolerance({ dtypes: ['float64', 'float64'], operations: elementary(2) + 3, scale: Math.exp(-Math.abs(z)) }) })),
    }),
    check({
      name: 'impl sigmoidDerivative ↔ printed σ(z)(1 − σ(z)) for |z| ≤ 20', role: 'support', oracle: PRINTED_F64,
      arbitrary: fc.integer({ min: -2_000_000, max: 2_000_000 }).map((i) => i / 100_000), runs: 'default',
      // 1 − σ(z) cancels for z ≫ 0: relative condition e^{z}, bounded by e^{20} here; absolute error stays ≤ u.
      evaluate: (cases) => cases.map((z) => ({ value: Math.abs(sigmoidDerivative(z) - printedDerivative(z)), bound: tolerance({ dtypes: ['float64', 'float64'], operations: elementary(2) + 3, scale: 1 }) })),
    }),
  ],
});
