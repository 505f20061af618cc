import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsHessian } from '../../engine/labels.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import {
  addMatrices, diag, kron, matMul, outer, scaleMatrix, softmax, softmaxJacobian, softmaxRegressionLogits,
} from '../../../impl/index.ts';
import { hessianTolerance, printedHessianClaimChecks, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';

const probabilities = (c: SoftmaxRegressionCase) => softmaxRegressionLogits(c.W, c.X).map(softmax);

function mean(terms: number[][][]): number[][] {
  return scaleMatrix(terms.reduce((a, b) => addMatrices(a, b)), 1 / terms.length);
}

/** 4.3.10 as printed: (1/N) Σ_n (diag(p̂⁽ⁿ⁾) − p̂⁽ⁿ⁾p̂⁽ⁿ⁾ᵀ) x⁽ⁿ⁾ x⁽ⁿ⁾ᵀ, ordinary matrix products. */
function printed(c: SoftmaxRegressionCase): number[][] {
  return mean(probabilities(c).map((p, n) =>
    matMul(addMatrices(diag(p), scaleMatrix(outer(p, p), -1)), outer(c.X[n]!, c.X[n]!))));
}

/** Correction: (1/N) Σ_n (x⁽ⁿ⁾x⁽ⁿ⁾ᵀ) ⊗ (diag(p̂⁽ⁿ⁾) − p̂⁽ⁿ⁾p̂⁽ⁿ⁾ᵀ) in row-major vec(W). */
function corrected(c: SoftmaxRegressionCase): number[][] {
  return mean(probabilities(c).map((p, n) => kron(outer(c.X[n]!, c.X[n]!), softmaxJacobian(p))));
}

const data = softmaxRegressionCase({ d: [1, 3], C: [2, 4], N: [1, 4] });
const squareShapes = softmaxRegressionCase({ d: [2, 3], C: [2, 3], N: [1, 4] }).filter((c) => c.C === c.d);

export default defineItem({
  id: '4.3.10', kind: 'formula', section: '4.3.1',
  quote: String.raw`H_{CE} = \frac{1}{N} \sum_n (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  printed: String.raw`H_{CE} = \frac{1}{N} \sum_n (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  statement: 'The Hessian in the weights of the mean softmax cross-entropy is (1/N) Σ (diag(p̂) − p̂p̂ᵀ) x xᵀ.',
  correction: {
    statement: 'Average of Kronecker products: H_CE = (1/N) Σ_n (x⁽ⁿ⁾x⁽ⁿ⁾ᵀ) ⊗ (diag(p̂⁽ⁿ⁾) − p̂⁽ⁿ⁾p̂⁽ⁿ⁾ᵀ) (dC×dC, vec(W) row by row), '
      + 'for the mean loss (1/N) Σ −log p̂⁽ⁿ⁾_{y⁽ⁿ⁾}; the text’s L = −Σ_n log p̂ without 1/N has N times this Hessian.',
    latex: String.raw`H_{CE} = \frac{1}{N} \sum_n \left(x^{(n)} x^{(n)T}\right) \otimes \left(\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}\right)`,
  },
  expectedVerdict: 'refuted',
  checks: [
    ...printedHessianClaimChecks(printed, 'printed', data, squareShapes),
    check({
      name: 'correction (1/N) Σ (x xᵀ) ⊗ (diag(p̂) − p̂p̂ᵀ) ↔ tfjs Hessian', role: 'correction', oracle: tfjsHessian, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, true);
        return cases.map((c, b) => agreement(corrected(c), reference[b]!.hessian!, hessianTolerance(c)));
      },
    }),
  ],
});
