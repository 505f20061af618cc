import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsGrad, tfjsHessian } from '../../engine/labels.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import {
  addMatrices, diag, kron, matVec, outer, scaleMatrix, softmax, softmaxJacobian, softmaxRegressionLogits, transpose,
} from '../../../impl/index.ts';
import { gradientTolerance, hessianTolerance, printedHessianClaimChecks, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';

const sampleProbabilities = (c: SoftmaxRegressionCase) => softmax(softmaxRegressionLogits(c.W, c.X)[0]!);

/** First line of 4.3.8: ∂/∂w(−log p̂_y) = (p̂ − p) xᵀ, a C×d matrix (the gradient laid out as Wᵀ). */
function printedGradient(c: SoftmaxRegressionCase): number[][] {
  const p = sampleProbabilities(c);
  return outer(p.map((pk, k) => pk - c.P[0]![k]!), c.X[0]!);
}

/**
 * Last line of 4.3.8 with the text's ∂p̂/∂w = (diag(p̂) − p̂p̂ᵀ) x: H = (∂p̂/∂w) xᵀ, where the C×C matrix
 * multiplies the d-vector x.
 */
function printedHessian(c: SoftmaxRegressionCase): number[][] {
  const p = sampleProbabilities(c), x = c.X[0]!;
  const dpdw = matVec(addMatrices(diag(p), scaleMatrix(outer(p, p), -1)), x);
  return outer(dpdw, x);
}

const oneSample = softmaxRegressionCase({ d: [1, 4], C: [2, 4], N: [1, 1] });
const squareShapes = softmaxRegressionCase({ d: [2, 4], C: [2, 4], N: [1, 1] }).filter((c) => c.C === c.d);

export default defineItem({
  id: '4.3.8', kind: 'formula', section: '4.3.1',
  quote: String.raw`&= \frac{\partial \hat{p}^{(n)}}{\partial w} x^{(n)T} \end{align}\tag{4.3.8}`,
  printed: String.raw`H^{(n)} = \frac{\partial}{\partial w}\left((\hat{p}^{(n)} - p^{(n)}) x^{(n)T}\right) = \frac{\partial \hat{p}^{(n)}}{\partial w} x^{(n)T},\quad \frac{\partial \hat{p}^{(n)}}{\partial w} = (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)}`,
  statement: 'The one-sample Hessian is (∂p̂/∂w) xᵀ with ∂p̂/∂w = (diag(p̂) − p̂p̂ᵀ) x; the gradient it differentiates is (p̂ − p) xᵀ.',
  correction: {
    statement: 'The gradient step is right (as ∇ with respect to Wᵀ), but ∂p̂/∂W is a third-order tensor, ∂p̂_k/∂W_ic = x_i (diag(p̂) − p̂p̂ᵀ)_kc, '
      + 'not the product of the C×C Jacobian with x; the Hessian is (x xᵀ) ⊗ (diag(p̂) − p̂p̂ᵀ) in row-major vec(W).',
    latex: String.raw`\frac{\partial \hat{p}_k}{\partial W_{ic}} = x_i\,(\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)_{kc},\qquad H^{(n)} = \left(x x^T\right) \otimes \left(\text{diag}(\hat{p}) - \hat{p}\hat{p}^T\right)`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'first line: (p̂ − p) xᵀ ↔ tfjs gradient (transposed layout)', role: 'claim', oracle: tfjsGrad, arbitrary: oneSample, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, false);
        return cases.map((c, b) => agreement(transpose(printedGradient(c)).flat(), reference[b]!.gradient, gradientTolerance(c)));
      },
    }),
    ...printedHessianClaimChecks(printedHessian, 'last line (∂p̂/∂w) xᵀ', oneSample, squareShapes),
    check({
      name: 'correction (x xᵀ) ⊗ (diag(p̂) − p̂p̂ᵀ) ↔ tfjs Hessian', role: 'correction', oracle: tfjsHessian, arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, true);
        return cases.map((c, b) => agreement(kron(outer(c.X[0]!, c.X[0]!), softmaxJacobian(sampleProbabilities(c))), reference[b]!.hessian!, hessianTolerance(c)));
      },
    }),
  ],
});
