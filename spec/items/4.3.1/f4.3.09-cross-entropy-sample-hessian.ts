import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { diag, kron, matMul, outer, softmax, softmaxRegressionLogits, addMatrices, scaleMatrix } from '../../../impl/index.ts';
import { hessianTolerance, printedHessianClaimChecks, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';
import { tfjsClassMajorHessians } from '../../support/classMajor.ts';

const sampleProbabilities = (c: SoftmaxRegressionCase) => softmax(softmaxRegressionLogits(c.W, c.X)[0]!);
const jacobianOf = (p: number[]) => addMatrices(diag(p), scaleMatrix(outer(p, p), -1));

/** 4.3.9 read literally: H⁽ⁿ⁾ = (diag(p̂) − p̂p̂ᵀ) x xᵀ, an ordinary matrix product of a C×C and a d×d matrix. */
function literal(c: SoftmaxRegressionCase): number[][] {
  const x = c.X[0]!;
  return matMul(jacobianOf(sampleProbabilities(c)), outer(x, x));
}

/** 4.3.9 with the Kronecker product it needs: (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ, for vec(W) stacked class by class. */
function withKronecker(c: SoftmaxRegressionCase): number[][] {
  const x = c.X[0]!;
  return kron(jacobianOf(sampleProbabilities(c)), outer(x, x));
}

/** The same matrix for vec(W) taken row by row (the order of impl and of the tfjs parameters): x xᵀ ⊗ (diag(p̂) − p̂p̂ᵀ). */
function rowMajor(c: SoftmaxRegressionCase): number[][] {
  const x = c.X[0]!;
  return kron(outer(x, x), jacobianOf(sampleProbabilities(c)));
}

const oneSample = softmaxRegressionCase({ d: [1, 4], C: [2, 4], N: [1, 1] });
const squareShapes = softmaxRegressionCase({ d: [2, 4], C: [2, 4], N: [1, 1] }).filter((c) => c.C === c.d);

export default defineItem({
  id: '4.3.9', kind: 'formula', section: '4.3.1',
  quote: String.raw`H^{(n)} = (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  printed: String.raw`H^{(n)} = (\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}) x^{(n)} x^{(n)T}`,
  statement: 'The Hessian of one sample’s softmax cross-entropy in the weights W (d×C) is (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ.',
  reading: 'The C×C matrix diag(p̂) − p̂p̂ᵀ and the d×d matrix x xᵀ are juxtaposed; they cannot be multiplied unless C = d, and the '
    + 'Hessian in W is dC×dC, so a competent reader takes the juxtaposition as the Kronecker product (the standard form of the '
    + 'softmax-regression Hessian). In the printed order, (diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ is the Hessian for vec(W) stacked class by class '
    + '(the class weight vectors w_c, W\'s column-major vec); row by row it is x xᵀ ⊗ (diag(p̂) − p̂p̂ᵀ).',
  errata: ['missing-kronecker'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: '(diag(p̂) − p̂p̂ᵀ) ⊗ x xᵀ ↔ tfjs Hessian, vec(W) class by class', role: 'claim', reference: ['tfjs-hessian', 'impl'], arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsClassMajorHessians(cases, ctx, 'mean');
        return cases.map((c, b) => agreement(withKronecker(c), reference[b]!, hessianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'the same in row-major vec(W): x xᵀ ⊗ (diag(p̂) − p̂p̂ᵀ) ↔ tfjs Hessian', role: 'claim', reference: ['tfjs-hessian', 'impl'], arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, true);
        return cases.map((c, b) => agreement(rowMajor(c), reference[b]!.hessian!, hessianTolerance(c, ctx.dtypes)));
      },
    }),
    ...printedHessianClaimChecks(literal, 'literal: ordinary matrix product', oneSample, squareShapes).map((c) => ({ ...c, role: 'literal' as const })),
    check({
      name: 'softmaxRegressionHessian ↔ tfjs Hessian', role: 'subject', subject: 'softmaxRegressionHessian', reference: 'tfjs-hessian',
      arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, true);
        return cases.map((c, b) => agreement(ctx.subject.api.softmaxRegressionHessian!(c.W, c.X), reference[b]!.hessian!, hessianTolerance(c, ctx.dtypes)));
      },
    }),
  ],
});
