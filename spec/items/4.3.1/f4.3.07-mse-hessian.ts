import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsHessian } from '../../engine/labels.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';
import { gram, mseLinearHessian, scaleMatrix } from '../../../impl/index.ts';
import { linearHessianTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

/** 4.3.7 as printed: H_MSE = (1/N) Σ x⁽ⁿ⁾x⁽ⁿ⁾ᵀ = (1/N) XᵀX. */
const printed = (c: RegressionCase) => scaleMatrix(gram(c.X), 1 / c.N);

const data = regressionCase({ d: [1, 4], N: [1, 6] });

export default defineItem({
  id: '4.3.7', kind: 'formula', section: '4.3.1',
  quote: String.raw`&= \frac{1}{N} X^T X`,
  printed: String.raw`H_{MSE} = \frac{\partial^2 L_{MSE}}{\partial w^2} = \frac{1}{N} \sum_n x^{(n)} x^{(n)T} = \frac{1}{N} X^T X`,
  statement: 'The Hessian in w of the MSE of a linear model is (1/N) XᵀX.',
  condition: 'The MSE carries the ½ factor, L = (1/2N) Σ (y − wᵀx − b)², as in 4.3.1 and 4.3.4. With the un-halved batch MSE of 4.3.2 '
    + 'the Hessian is (2/N) XᵀX.',
  errata: ['loss-normalisation-conventions'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'printed ↔ tfjs Hessian of (1/2N) Σ (y − wᵀx − b)²', role: 'condition', oracle: tfjsHessian, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'half', true);
        return cases.map((c, b) => agreement(printed(c), reference[b]!.hessian!, linearHessianTolerance(c)));
      },
    }),
    check({
      name: 'printed ↔ tfjs Hessian of (1/N) Σ (y − wᵀx − b)² (4.3.2)', role: 'outside-condition', oracle: tfjsHessian, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'unhalved', true);
        return cases.map((c, b) => agreement(printed(c), reference[b]!.hessian!, linearHessianTolerance(c)));
      },
    }),
    check({
      name: 'impl mseLinearHessian ↔ tfjs Hessian, both conventions', role: 'support', oracle: tfjsHessian, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const half = tfjsLinearModel(cases, ctx, 'linear-mse', 'half', true);
        const unhalved = tfjsLinearModel(cases, ctx, 'linear-mse', 'unhalved', true);
        return cases.map((c, b) => agreement([mseLinearHessian(c.X, 'half'), mseLinearHessian(c.X, 'unhalved')],
          [half[b]!.hessian!, unhalved[b]!.hessian!], linearHessianTolerance(c)));
      },
    }),
  ],
});
