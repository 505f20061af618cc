import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import {
  addMatrices, diag, kron, matVec, outer, scaleMatrix, softmax, softmaxRegressionLogits, transpose,
} from '../../../impl/index.ts';
import { gradientTolerance, hessianTolerance, printedHessianClaimChecks, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';
import { tfjsClassMajorHessians, tfjsSoftmaxOutputJacobian } from '../../support/classMajor.ts';

const sampleProbabilities = (c: SoftmaxRegressionCase) => softmax(softmaxRegressionLogits(c.W, c.X)[0]!);
const jacobianOf = (p: number[]) => addMatrices(diag(p), scaleMatrix(outer(p, p), -1));
const column = (x: number[]) => x.map((xi) => [xi]);

/** First line of 4.3.8: ∂/∂w(−log p̂_y) = (p̂ − p) xᵀ, a C×d matrix (row c: the gradient in the class weights w_c). */
function printedGradient(c: SoftmaxRegressionCase): number[][] {
  const p = sampleProbabilities(c);
  return outer(p.map((pk, k) => pk - c.P[0]![k]!), c.X[0]!);
}

/** ∂p̂/∂w = (diag(p̂) − p̂p̂ᵀ) ⊗ x: dC×C, rows vec(W) class by class (the layout of a gradient, one column per p̂_k). */
const outputJacobian = (c: SoftmaxRegressionCase) => kron(jacobianOf(sampleProbabilities(c)), column(c.X[0]!));

/** Last line of 4.3.8 with ⊗: H = (∂p̂/∂w) ⊗ xᵀ, dC×dC, vec(W) class by class. */
const hessian = (c: SoftmaxRegressionCase) => kron(outputJacobian(c), [c.X[0]!]);

/** Literally: ∂p̂/∂w = (diag(p̂) − p̂p̂ᵀ) x, the C×C matrix applied to the d-vector x, and H = (∂p̂/∂w) xᵀ. */
function literalHessian(c: SoftmaxRegressionCase): number[][] {
  const x = c.X[0]!;
  return outer(matVec(jacobianOf(sampleProbabilities(c)), x), x);
}

const oneSample = softmaxRegressionCase({ d: [1, 4], C: [2, 4], N: [1, 1] });
const squareShapes = softmaxRegressionCase({ d: [2, 4], C: [2, 4], N: [1, 1] }).filter((c) => c.C === c.d);

export default defineItem({
  id: '4.3.8', kind: 'formula', section: '4.3.1',
  quote: String.raw`&= \frac{\partial \hat{p}^{(n)}}{\partial w} x^{(n)T} \end{align}\tag{4.3.8}`,
  printed: String.raw`\begin{align}
H^{(n)} &= \frac{\partial^2}{\partial w^2} \left( -\log \hat{p}_{y^{(n)}}^{(n)} \right) \\ &= \frac{\partial}{\partial w} \left( (\hat{p}^{(n)} - p^{(n)}) x^{(n)T} \right) \\ &= \frac{\partial \hat{p}^{(n)}}{\partial w} x^{(n)T}
\end{align}`,
  statement: 'The one-sample gradient is (p̂ − p) xᵀ, ∂p̂/∂w = (diag(p̂) − p̂p̂ᵀ) ⊗ x, and the Hessian is (∂p̂/∂w) ⊗ xᵀ.',
  reading: 'w is the d×C weight matrix of p̂ = Softmax(wᵀx). The gradient (p̂ − p) xᵀ is laid out as wᵀ (row c: the gradient in the '
    + 'class weights w_c). In ∂p̂/∂w = (diag(p̂) − p̂p̂ᵀ) x the C×C softmax Jacobian meets the d-vector x, and in (∂p̂/∂w) xᵀ the result '
    + 'must be dC×dC: both juxtapositions are read as Kronecker products, with vec(W) stacked class by class and ∂p̂/∂w in the layout '
    + 'of a gradient (dC×C). So read, the chain gives (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ, the Hessian of 4.3.9.',
  notes: 'Second reading: on the erratum missing-kronecker, its severity and where the slip starts. Settled: the severity stays typo (the intent, '
    + 'the Kronecker product the shapes need, is clear from context); the erratum’s cause now says that the slip starts at ∂z/∂w, written x where '
    + 'I_C ⊗ x is meant. 4.3.28 in §4.3.3, where the factor x xᵀ is absent altogether, is a different error with its own erratum.',
  errata: ['missing-kronecker'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'first line: (p̂ − p) xᵀ ↔ tfjs gradient (laid out as wᵀ)', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: oneSample, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, false);
        return cases.map((c, b) => agreement(transpose(printedGradient(c)).flat(), reference[b]!.gradient, gradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: '∂p̂/∂w = (diag(p̂) − p̂p̂ᵀ) ⊗ x ↔ tfjs Jacobian of p̂ in W', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: oneSample, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxOutputJacobian(cases, ctx);
        // Entries x_i (diag(p̂) − p̂p̂ᵀ)_kc: terms of size ≤ max|x|, the path of a gradient entry.
        return cases.map((c, b) => agreement(outputJacobian(c), transpose(reference[b]!), gradientTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'last line: (∂p̂/∂w) ⊗ xᵀ ↔ tfjs Hessian, vec(W) class by class', role: 'claim', reference: ['tfjs-hessian', 'impl'], arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsClassMajorHessians(cases, ctx, 'mean');
        return cases.map((c, b) => agreement(hessian(c), reference[b]!, hessianTolerance(c, ctx.dtypes)));
      },
    }),
    ...printedHessianClaimChecks(literalHessian, 'literal: (diag(p̂) − p̂p̂ᵀ) x as a matrix–vector product, then (·) xᵀ', oneSample, squareShapes)
      .map((c) => ({ ...c, role: 'literal' as const })),
  ],
});
