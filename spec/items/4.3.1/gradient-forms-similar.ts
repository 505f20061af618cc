import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { binaryClassificationCase, regressionCase, type RegressionCase } from '../../domains/index.ts';
import { linearPredictions, sigmoid } from '../../../impl/index.ts';
import { linearGradientTolerance, sigmoidGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

const oneSampleRegression = regressionCase({ N: [1, 1] });
const oneSampleClassification = binaryClassificationCase({ N: [1, 1] });

/** The stated per-sample forms: MSE ∝ (ŷ − y)·x (ŷ = wᵀx + b), CE ∝ (p̂ − y)·x (p̂ = σ(wᵀx + b)); factor 1. */
const mseForm = (c: RegressionCase) => { const r = linearPredictions(c.X, c.w, c.b)[0]! - c.y[0]!; return c.X[0]!.map((xi) => r * xi); };
const ceForm = (c: RegressionCase) => { const r = sigmoid(linearPredictions(c.X, c.w, c.b)[0]!) - c.y[0]!; return c.X[0]!.map((xi) => r * xi); };

export default defineItem({
  id: 'gradient-forms-similar', kind: 'claim', section: '4.3.1',
  quote: '它们关于模型参数的梯度都具有类似的形式——都与"预测值与真实值的差异"成正比',
  statement: 'The gradients of both losses in the model parameters are proportional to prediction minus target: per sample, the MSE gradient of a '
    + 'linear model is (ŷ − y)·x and the cross-entropy gradient of a logistic model is (p̂ − y)·x (the two bullets that follow).',
  reading: 'Per sample, with the models of 4.3.4 (ŷ = wᵀx + b) and 4.3.5 (p̂ = σ(wᵀx + b)); ∝ leaves the constant free, so the MSE form holds '
    + 'with the ½ of 4.3.1 (factor 1, checked) and without it (factor 2).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'MSE (½ convention): ∇_w = (ŷ − y) x ↔ tfjs', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: oneSampleRegression, runs: 'default',
      evaluate: (cases, ctx) => { const ref = tfjsLinearModel(cases, ctx, 'linear-mse', 'half'); return cases.map((c, b) => agreement(mseForm(c), ref[b]!.gradient, linearGradientTolerance(c, ctx.dtypes))); },
    }),
    check({
      name: 'cross-entropy: ∇_w = (p̂ − y) x ↔ tfjs', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: oneSampleClassification, runs: 'default',
      evaluate: (cases, ctx) => { const ref = tfjsLinearModel(cases, ctx, 'logistic-ce'); return cases.map((c, b) => agreement(ceForm(c), ref[b]!.gradient, sigmoidGradientTolerance(c, ctx.dtypes))); },
    }),
  ],
});
