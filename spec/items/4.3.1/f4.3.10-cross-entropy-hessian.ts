import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { addMatrices, diag, kron, matMul, outer, scaleMatrix, softmax, softmaxJacobian, softmaxRegressionLogits } from '../../../impl/index.ts';
import { hessianTolerance, printedHessianClaimChecks } from '../../support/softmaxRegression.ts';
import { tfjsClassMajorHessians } from '../../support/classMajor.ts';

const probabilities = (c: SoftmaxRegressionCase) => softmaxRegressionLogits(c.W, c.X).map(softmax);

function mean(terms: number[][][]): number[][] {
  return scaleMatrix(terms.reduce((a, b) => addMatrices(a, b)), 1 / terms.length);
}

/** 4.3.10 read literally: (1/N) Σ_n (diag(p̂⁽ⁿ⁾) − p̂⁽ⁿ⁾p̂⁽ⁿ⁾ᵀ) x⁽ⁿ⁾ x⁽ⁿ⁾ᵀ, ordinary matrix products. */
function literal(c: SoftmaxRegressionCase): number[][] {
  return mean(probabilities(c).map((p, n) =>
    matMul(addMatrices(diag(p), scaleMatrix(outer(p, p), -1)), outer(c.X[n]!, c.X[n]!))));
}

/** 4.3.10 with ⊗: (1/N) Σ_n (diag(p̂⁽ⁿ⁾) − p̂⁽ⁿ⁾p̂⁽ⁿ⁾ᵀ) ⊗ x⁽ⁿ⁾x⁽ⁿ⁾ᵀ, vec(W) class by class. */
function withKronecker(c: SoftmaxRegressionCase): number[][] {
  return mean(probabilities(c).map((p, n) => kron(softmaxJacobian(p), outer(c.X[n]!, c.X[n]!))));
}

const data = softmaxRegressionCase({ d: [1, 3], C: [2, 4], N: [1, 4] });
// Outside the condition the two losses differ only for N ≥ 2.
const batches = softmaxRegressionCase({ d: [1, 3], C: [2, 4], N: [2, 4] });
const squareShapes = softmaxRegressionCase({ d: [2, 3], C: [2, 3], N: [1, 4] }).filter((c) => c.C === c.d);

export default defineItem({
  id: '4.3.10', kind: 'formula', section: '4.3.1',
  quote: String.raw`H_{CE} = \frac{1}{N} \sum_n (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  printed: String.raw`H_{CE} = \frac{1}{N} \sum_n (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  statement: 'The Hessian in the weights of the cross-entropy over N samples is the average of the per-sample Hessians, (1/N) Σ (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ.',
  reading: 'As in 4.3.9, the juxtaposition of the C×C softmax Jacobian and the d×d matrix x xᵀ is read as their Kronecker product, '
    + 'for vec(W) stacked class by class.',
  condition: 'The loss is the mean (1/N) Σ_n −log p̂⁽ⁿ⁾_{y⁽ⁿ⁾}, the convention of 4.3.4 and 4.3.5. The text defines L = −Σ_n log p̂⁽ⁿ⁾_{y⁽ⁿ⁾} '
    + '(no 1/N) just before 4.3.8; its Hessian is the sum of the per-sample Hessians, N times 4.3.10.',
  errata: ['missing-kronecker', 'loss-normalisation-conventions'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: '(1/N) Σ (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ ↔ tfjs Hessian of the mean loss (1/N) Σ −log p̂', role: 'condition', reference: ['tfjs-hessian', 'impl'], arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsClassMajorHessians(cases, ctx, 'mean');
        return cases.map((c, b) => agreement(withKronecker(c), reference[b]!, hessianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: '(1/N) Σ (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ ↔ tfjs Hessian of the stated loss L = −Σ_n log p̂ (N ≥ 2)', role: 'outside-condition', reference: ['tfjs-hessian', 'impl'],
      arbitrary: batches, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsClassMajorHessians(cases, ctx, 'sum');
        // The summed loss has terms N times larger: N times the mean loss's tolerance.
        return cases.map((c, b) => agreement(withKronecker(c), reference[b]!, c.N * hessianTolerance(c, ctx.dtypes)));
      },
    }),
    ...printedHessianClaimChecks(literal, 'literal: ordinary matrix products', data, squareShapes).map((c) => ({ ...c, role: 'literal' as const })),
  ],
});
