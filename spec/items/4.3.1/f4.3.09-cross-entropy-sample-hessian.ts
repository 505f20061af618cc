import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsHessian } from '../../engine/labels.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { diag, kron, matMul, outer, softmax, softmaxRegressionHessian, softmaxRegressionLogits, addMatrices, scaleMatrix } from '../../../impl/index.ts';
import { hessianTolerance, printedHessianClaimChecks, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';

const sampleProbabilities = (c: SoftmaxRegressionCase) => softmax(softmaxRegressionLogits(c.W, c.X)[0]!);

/** 4.3.9 as printed: H⁽ⁿ⁾ = (diag(p̂) − p̂p̂ᵀ) x xᵀ, an ordinary matrix product of a C×C and a d×d matrix. */
function printed(c: SoftmaxRegressionCase): number[][] {
  const p = sampleProbabilities(c), x = c.X[0]!;
  const softmaxJacobian = addMatrices(diag(p), scaleMatrix(outer(p, p), -1));
  return matMul(softmaxJacobian, outer(x, x));
}

/** Correction: H⁽ⁿ⁾ = (x xᵀ) ⊗ (diag(p̂) − p̂p̂ᵀ) in row-major vec(W). */
function corrected(c: SoftmaxRegressionCase): number[][] {
  const p = sampleProbabilities(c), x = c.X[0]!;
  return kron(outer(x, x), addMatrices(diag(p), scaleMatrix(outer(p, p), -1)));
}

const oneSample = softmaxRegressionCase({ d: [1, 4], C: [2, 4], N: [1, 1] });
const squareShapes = softmaxRegressionCase({ d: [2, 4], C: [2, 4], N: [1, 1] }).filter((c) => c.C === c.d);

export default defineItem({
  id: '4.3.9', kind: 'formula', section: '4.3.1',
  quote: String.raw`H^{(n)} = (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  printed: String.raw`H^{(n)} = (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  statement: 'The Hessian of one sample’s softmax cross-entropy in the weights is the product (diag(p̂) − p̂p̂ᵀ) x xᵀ.',
  correction: {
    statement: 'The C×C softmax Jacobian and the d×d matrix x xᵀ combine by a Kronecker product, not a matrix product: '
      + 'H⁽ⁿ⁾ = (x xᵀ) ⊗ (diag(p̂) − p̂p̂ᵀ), a dC×dC matrix for vec(W) taken row by row '
      + '(equivalently (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ for vec(W) taken column by column).',
    latex: String.raw`H^{(n)} = \left(x^{(n)} x^{(n)T}\right) \otimes \left(\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}\right)`,
  },
  expectedVerdict: 'refuted',
  checks: [
    ...printedHessianClaimChecks(printed, 'printed', oneSample, squareShapes),
    check({
      name: 'correction (x xᵀ) ⊗ (diag(p̂) − p̂p̂ᵀ) ↔ tfjs Hessian', role: 'correction', oracle: tfjsHessian, arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, true);
        return cases.map((c, b) => agreement(corrected(c), reference[b]!.hessian!, hessianTolerance(c)));
      },
    }),
    check({
      name: 'impl softmaxRegressionHessian ↔ tfjs Hessian', role: 'support', oracle: tfjsHessian, arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, true);
        return cases.map((c, b) => agreement(softmaxRegressionHessian(c.W, c.X), reference[b]!.hessian!, hessianTolerance(c)));
      },
    }),
  ],
});
