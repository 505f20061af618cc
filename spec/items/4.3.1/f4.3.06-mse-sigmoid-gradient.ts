import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { binaryClassificationCase, type RegressionCase } from '../../domains/index.ts';
import { linearPredictions, sigmoid } from '../../../impl/index.ts';
import { sigmoidGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

/** σ'(a) as the text defines it right after 4.3.6: σ'(a) = σ(a)(1 − σ(a)). */
const textSigmoidDerivative = (a: number) => sigmoid(a) * (1 - sigmoid(a));

/** 4.3.6 as read: −(1/N) Σ 2(ŷ − y) σ'(z) x, σ' at the logit z = wᵀx + b (σ'(z) = ŷ(1 − ŷ)), the printed sign kept. */
function asRead(c: RegressionCase): number[] {
  const yHat = linearPredictions(c.X, c.w, c.b).map(sigmoid);
  return c.w.map((_, i) => -c.X.reduce((s, x, n) => s + 2 * (yHat[n]! - c.y[n]!) * yHat[n]! * (1 - yHat[n]!) * x[i]!, 0) / c.N);
}

/** The σ'(ŷ) of 4.3.6 taken literally, σ' evaluated at the output ŷ, with the sign corrected (so only σ'(ŷ) is tested). */
function literalSigmaPrime(c: RegressionCase): number[] {
  const yHat = linearPredictions(c.X, c.w, c.b).map(sigmoid);
  return c.w.map((_, i) => c.X.reduce((s, x, n) => s + 2 * (yHat[n]! - c.y[n]!) * textSigmoidDerivative(yHat[n]!) * x[i]!, 0) / c.N);
}

/** Correction: +(1/N) Σ 2(ŷ − y) σ'(z) x with σ'(z) = ŷ(1 − ŷ), z = wᵀx + b, for L = (1/N) Σ (y − ŷ)². */
function corrected(c: RegressionCase): number[] {
  return asRead(c).map((g) => -g);
}

const data = binaryClassificationCase();

export default defineItem({
  id: '4.3.6', kind: 'formula', section: '4.3.1',
  quote: String.raw`\frac{\partial L_{MSE}}{\partial w} = -\frac{1}{N} \sum_n 2(\hat{y} - y) \cdot \sigma'(\hat{y}) \cdot x^{(n)}`,
  printed: String.raw`\frac{\partial L_{MSE}}{\partial w} = -\frac{1}{N} \sum_n 2(\hat{y} - y) \cdot \sigma'(\hat{y}) \cdot x^{(n)}`,
  statement: 'With a sigmoid output ŷ = σ(z), z = wᵀx + b, the gradient in w of the MSE (1/N) Σ (y − ŷ)² is −(1/N) Σ 2(ŷ − y) σ\'(z) x.',
  reading: 'σ\'(ŷ) is read as σ\' at the logit, σ\'(z) = ŷ(1 − ŷ) (the derivative of the sigmoid at its input, expressed through its output ŷ), '
    + 'and L_MSE as the un-halved batch MSE of 4.3.2, which the factor 2 implies (4.3.4 just above used 1/(2N)).',
  correction: {
    statement: 'The sign is wrong: ∂/∂w (1/N) Σ (y − ŷ)² = +(1/N) Σ 2(ŷ − y) σ\'(z) x, with σ\'(z) = ŷ(1 − ŷ) at the logit z = wᵀx + b.',
    latex: String.raw`\frac{\partial L_{MSE}}{\partial w} = \frac{1}{N} \sum_n 2(\hat{y}^{(n)} - y^{(n)})\, \hat{y}^{(n)}(1-\hat{y}^{(n)})\, x^{(n)}`,
  },
  errata: ['gradient-sign-flipped', 'sigma-prime-of-output', 'loss-normalisation-conventions'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: '−(1/N) Σ 2(ŷ − y) σ\'(z) x ↔ tfjs autodiff gradient of (1/N) Σ (y − σ(wᵀx + b))²', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'unhalved');
        return cases.map((c, b) => agreement(asRead(c), reference[b]!.gradient, sigmoidGradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'correction +(1/N) Σ 2(ŷ − y) ŷ(1 − ŷ) x ↔ tfjs autodiff gradient', role: 'correction', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'unhalved');
        return cases.map((c, b) => agreement(corrected(c), reference[b]!.gradient, sigmoidGradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'literal σ\'(ŷ) = σ(ŷ)(1 − σ(ŷ)) at the output (sign corrected) ↔ tfjs autodiff gradient', role: 'literal', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'unhalved');
        return cases.map((c, b) => agreement(literalSigmaPrime(c), reference[b]!.gradient, sigmoidGradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'literal L_MSE of 4.3.4, (1/2N) Σ (y − ŷ)²: the corrected form ↔ its tfjs gradient (factor 2)', role: 'literal', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'half');
        return cases.map((c, b) => agreement(corrected(c), reference[b]!.gradient, sigmoidGradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'sigmoidMseGradient(·, "unhalved") ↔ tfjs autodiff gradient of (1/N) Σ (y − σ(wᵀx + b))²', role: 'subject', subject: 'sigmoidMseGradient',
      reference: 'tfjs-grad', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'unhalved');
        return cases.map((c, b) => agreement(ctx.subject.api.sigmoidMseGradient!(c.X, c.y, c.w, c.b, 'unhalved').w, reference[b]!.gradient, sigmoidGradientTolerance(c, ctx.dtypes)));
      },
    }),
  ],
});
