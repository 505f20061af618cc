import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';
import { gram, scaleMatrix } from '../../../impl/index.ts';
import { linearHessianTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

/** 4.3.7 as printed: H_MSE = (1/N) Σ x⁽ⁿ⁾x⁽ⁿ⁾ᵀ = (1/N) XᵀX. */
const printed = (c: RegressionCase) => scaleMatrix(gram(c.X), 1 / c.N);

const data = regressionCase({ d: [1, 4], N: [1, 6] });

export default defineItem({
  id: '4.3.7', kind: 'formula', section: '4.3.1',
  quote: String.raw`&= \frac{1}{N} X^T X`,
  printed: String.raw`\begin{align}
H_{MSE} &= \frac{\partial^2 L_{MSE}}{\partial w^2} \\ &= \frac{\partial}{\partial w} \left[ -\frac{1}{N} \sum_n (y^{(n)} - w^T x^{(n)}) x^{(n)T} \right] \\ &= \frac{1}{N} \sum_n x^{(n)} x^{(n)T} \\ &= \frac{1}{N} X^T X
\end{align}`,
  statement: 'The Hessian in w of the MSE of a linear model is (1/N) XᵀX.',
  reading: 'L_MSE is the ½ loss of 4.3.4, (1/2N) Σ (y − wᵀx)²: the formula’s own second line, ∂/∂w[−(1/N) Σ (y − wᵀx) xᵀ], differentiates '
    + 'the gradient of 4.3.4 (transposed), so the text fixes the normalisation right there.',
  notes: 'Second reading: the second line of 4.3.7 is the gradient of 4.3.4, so the text fixes the ½ loss here and 4.3.7, like 4.3.4, holds; it '
    + 'should not be conditional on the convention. Settled: conditional → holds, read with the ½ loss of 4.3.4. The check against the un-halved '
    + 'MSE of 4.3.2 (an outside-condition check, not a reading the text supports) is dropped, and so is the link to loss-normalisation-conventions, '
    + 'whose evidence stays with 4.3.2, 4.3.6 and 4.3.10.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed ↔ tfjs Hessian of (1/2N) Σ (y − wᵀx − b)²', role: 'claim', reference: ['tfjs-hessian', 'impl'], arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsLinearModel(cases, ctx, 'linear-mse', 'half', true);
        return cases.map((c, b) => agreement(printed(c), reference[b]!.hessian!, linearHessianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'mseLinearHessian ↔ tfjs Hessian, both conventions', role: 'subject', subject: 'mseLinearHessian', reference: 'tfjs-hessian',
      arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const half = tfjsLinearModel(cases, ctx, 'linear-mse', 'half', true);
        const unhalved = tfjsLinearModel(cases, ctx, 'linear-mse', 'unhalved', true);
        const hessian = ctx.subject.api.mseLinearHessian!;
        return cases.map((c, b) => agreement([hessian(c.X, 'half'), hessian(c.X, 'unhalved')],
          [half[b]!.hessian!, unhalved[b]!.hessian!], linearHessianTolerance(c, ctx.dtypes)));
      },
    }),
  ],
});
