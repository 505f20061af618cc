import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { logitsWithClasses, softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { expectedLogitScoreOuterProduct, kron, outer, softmax, softmaxRegressionLogits } from '../../../impl/index.ts';
import { logitFisherTolerance, oneHotRow, tfjsCategoricalInLogits, tfjsSoftmaxRegressionFisher } from '../../support/information.ts';
import { hessianTolerance } from '../../support/softmaxRegression.ts';
import { printedMatrixOutcome } from '../../support/printedShapes.ts';

/** 4.3.28 as printed, with the expectation over the data (x⁽ⁿ⁾, y⁽ⁿ⁾): (1/N) Σ_n (p̂⁽ⁿ⁾ − p⁽ⁿ⁾)(p̂⁽ⁿ⁾ − p⁽ⁿ⁾)ᵀ, a C×C matrix. */
function printed(c: SoftmaxRegressionCase): number[][] {
  const terms = softmaxRegressionLogits(c.W, c.X).map((z, n) => {
    const r = softmax(z).map((q, i) => q - c.P[n]![i]!);
    return outer(r, r);
  });
  return terms[0]!.map((row, i) => row.map((_, j) => terms.reduce((s, t) => s + t[i]![j]!, 0) / c.N));
}

/** Correction: I(W) = (1/N) Σ_n (x xᵀ) ⊗ E_{y∼p̂}[(p̂ − e_y)(p̂ − e_y)ᵀ] (dC×dC, vec(W) row-major), labels drawn from the model. */
function corrected(c: SoftmaxRegressionCase): number[][] {
  const n = c.d * c.C;
  const sum = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  softmaxRegressionLogits(c.W, c.X).forEach((z, s) => {
    const p = softmax(z);
    const block = kron(outer(c.X[s]!, c.X[s]!), expectedLogitScoreOuterProduct(p, p));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sum[i]![j]! += block[i]![j]! / c.N;
  });
  return sum;
}

const data = softmaxRegressionCase({ d: [1, 3], C: [2, 3], N: [1, 4] });
// The logits themselves as parameters (x = 1, d = 1), with one observed label.
const labelledLogits = logitsWithClasses(2, 6, 6).chain((c) => fc.nat(c.C - 1).map((y) => ({ ...c, y })));
const fisherOracle = (ctx: RunContext) => `${tfjsGrad(ctx)}; Fisher by 4.3.20, exact Σ over labels y ∼ p̂`;

export default defineItem({
  id: '4.3.28', kind: 'formula', section: '4.3.3',
  quote: String.raw`G(w) = I(w) = \mathbb{E}_{x,y} \left[ (\hat{p} - p) (\hat{p} - p)^T \right]`,
  printed: String.raw`G(w) = I(w) = \mathbb{E}_{x,y} \left[ (\hat{p} - p) (\hat{p} - p)^T \right]`,
  statement: 'For cross-entropy the Riemannian metric of 4.3.27 is the Fisher information in the weights, I(w) = E_{x,y}[(p̂ − p)(p̂ − p)ᵀ].',
  correction: {
    statement: 'Two things are missing. (1) The input: p̂ − p is the score in the logits; in the weights W of softmax regression the score is x ⊗ (p̂ − p), so '
      + 'I(W) = E_x[(x xᵀ) ⊗ E_y[(p̂ − p)(p̂ − p)ᵀ]] (dC×dC, not C×C). (2) The labels: the Fisher information takes y from the model, y ∼ p̂, which gives '
      + 'E_y[(p̂ − e_y)(p̂ − e_y)ᵀ] = diag(p̂) − p̂p̂ᵀ; with the data’s labels the expectation is the empirical Fisher, a different matrix. '
      + 'The printed formula is right only for the logits with y ∼ p̂.',
    latex: String.raw`I(W) = \mathbb{E}_{x}\Big[(x x^T) \otimes \mathbb{E}_{y \sim \hat{p}(\cdot\mid x)}\big[(\hat{p} - e_y)(\hat{p} - e_y)^T\big]\Big] = \mathbb{E}_{x}\big[(x x^T) \otimes (\operatorname{diag}(\hat{p}) - \hat{p}\hat{p}^T)\big]`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed E_{x,y}[(p̂ − p)(p̂ − p)ᵀ] over the data ↔ tfjs Fisher information in vec(W)', role: 'claim', oracle: fisherOracle, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const fisher = tfjsSoftmaxRegressionFisher(cases, ctx);
        return cases.map((c, b) => printedMatrixOutcome(() => printed(c), fisher[b]!, hessianTolerance(c), 'the Fisher information in vec(W)'));
      },
    }),
    check({
      name: 'even in the logits: (p̂ − p)(p̂ − p)ᵀ at the data’s label ↔ tfjs Fisher information in z', role: 'claim', oracle: fisherOracle,
      arbitrary: labelledLogits, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, false).map((f, b) => {
        const { z, y, C } = cases[b]!;
        const r = softmax(z).map((q, i) => q - oneHotRow(C, y)[i]!);
        return agreement(outer(r, r), f.fisherFromScores, logitFisherTolerance(z, ['float32', 'float64']), `label ${y}`);
      }),
    }),
    check({
      name: 'correction: (1/N) Σ (x xᵀ) ⊗ E_{y∼p̂}[(p̂ − e_y)(p̂ − e_y)ᵀ] ↔ tfjs Fisher information in vec(W)', role: 'correction', oracle: fisherOracle,
      arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const fisher = tfjsSoftmaxRegressionFisher(cases, ctx);
        return cases.map((c, b) => agreement(corrected(c), fisher[b]!, hessianTolerance(c)));
      },
    }),
    check({
      name: 'correction: logits, E_{y∼p̂}[(p̂ − e_y)(p̂ − e_y)ᵀ] ↔ tfjs Fisher information in z', role: 'correction', oracle: fisherOracle,
      arbitrary: labelledLogits, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, false).map((f, b) => {
        const p = softmax(cases[b]!.z);
        return agreement(expectedLogitScoreOuterProduct(p, p), f.fisherFromScores, logitFisherTolerance(cases[b]!.z, ['float32', 'float64']));
      }),
    }),
  ],
});
