import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { IMPL_F64, tfjsGrad } from '../../engine/labels.ts';
import { tolerance, elementary } from '../../engine/tolerance.ts';
import { binaryClassificationCase, type RegressionCase } from '../../domains/index.ts';
import { linearPredictions, sigmoid, sigmoidMseGradient } from '../../../impl/index.ts';
import { inputScale, sigmoidGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

/** σ'(a) as the text defines it right after 4.3.6: σ'(a) = σ(a)(1 − σ(a)). */
const textSigmoidDerivative = (a: number) => sigmoid(a) * (1 - sigmoid(a));

/** 4.3.6 as printed: −(1/N) Σ 2(ŷ − y) σ'(ŷ) x, with ŷ = σ(wᵀx + b) and σ' evaluated at ŷ. */
function printed(c: RegressionCase): number[] {
  const yHat = linearPredictions(c.X, c.w, c.b).map(sigmoid);
  return c.w.map((_, i) => -c.X.reduce((s, x, n) => s + 2 * (yHat[n]! - c.y[n]!) * textSigmoidDerivative(yHat[n]!) * x[i]!, 0) / c.N);
}

/** Correction: +(1/N) Σ 2(ŷ − y) σ'(z) x with σ'(z) = ŷ(1 − ŷ), z = wᵀx + b, for L = (1/N) Σ (y − ŷ)². */
function corrected(c: RegressionCase): number[] {
  const yHat = linearPredictions(c.X, c.w, c.b).map(sigmoid);
  return c.w.map((_, i) => c.X.reduce((s, x, n) => s + 2 * (yHat[n]! - c.y[n]!) * yHat[n]! * (1 - yHat[n]!) * x[i]!, 0) / c.N);
}

const data = binaryClassificationCase();

export default defineItem({
  id: '4.3.6', kind: 'formula', section: '4.3.1',
  quote: String.raw`\frac{\partial L_{MSE}}{\partial w} = -\frac{1}{N} \sum_n 2(\hat{y} - y) \cdot \sigma'(\hat{y}) \cdot x^{(n)}`,
  printed: String.raw`\frac{\partial L_{MSE}}{\partial w} = -\frac{1}{N} \sum_n 2(\hat{y} - y) \cdot \sigma'(\hat{y}) \cdot x^{(n)}`,
  statement: 'With a sigmoid output ŷ = σ(wᵀx + b), the gradient of the (un-halved) MSE in w is −(1/N) Σ 2(ŷ − y) σ\'(ŷ) x.',
  correction: {
    statement: 'Two slips: the sign, and σ\' must be taken at the logit z = wᵀx + b, not at ŷ: '
      + '∂/∂w (1/N) Σ (y − ŷ)² = (1/N) Σ 2(ŷ − y) σ\'(z) x with σ\'(z) = ŷ(1 − ŷ).',
    latex: String.raw`\frac{\partial L_{MSE}}{\partial w} = \frac{1}{N} \sum_n 2(\hat{y}^{(n)} - y^{(n)})\, \hat{y}^{(n)}(1-\hat{y}^{(n)})\, x^{(n)}`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed ↔ tfjs autodiff gradient of (1/N) Σ (y − σ(wᵀx + b))²', role: 'claim', oracle: tfjsGrad, arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'unhalved');
        return cases.map((c, b) => agreement(printed(c), reference[b]!.gradient, sigmoidGradientTolerance(c)));
      },
    }),
    check({
      name: 'correction (2/N) Σ (ŷ − y) ŷ(1 − ŷ) x ↔ tfjs autodiff gradient', role: 'correction', oracle: tfjsGrad, arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'unhalved');
        return cases.map((c, b) => agreement(corrected(c), reference[b]!.gradient, sigmoidGradientTolerance(c)));
      },
    }),
    check({
      name: 'correction ↔ impl sigmoidMseGradient(·, "unhalved")', role: 'support', oracle: IMPL_F64, arbitrary: data, runs: 'default',
      // Same sums in a different order: N products of four factors each, in float64.
      evaluate: (cases) => cases.map((c) => agreement(corrected(c), sigmoidMseGradient(c.X, c.y, c.w, c.b, 'unhalved').w,
        tolerance({ dtypes: ['float64', 'float64'], operations: c.d + c.N + elementary(2) + 4, scale: 2 * inputScale(c) }))),
    }),
  ],
});
