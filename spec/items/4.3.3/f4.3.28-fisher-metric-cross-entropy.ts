import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { logitsWithClasses, softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { expectedLogitScoreOuterProduct, kron, outer, softmax, softmaxRegressionLogits } from '../../../impl/index.ts';
import { logitFisherTolerance, tfjsCategoricalInLogits, tfjsSoftmaxRegressionFisher } from '../../support/information.ts';
import { hessianTolerance } from '../../support/softmaxRegression.ts';
import { printedMatrixOutcome } from '../../support/printedShapes.ts';

/**
 * 4.3.28 under its charitable reading: labels drawn from the model, as 4.3.20 and "= I(w)" require, so
 * E_{x,y}[(p̂ − p)(p̂ − p)ᵀ] = (1/N) Σ_n E_{y∼p̂⁽ⁿ⁾}[(p̂⁽ⁿ⁾ − e_y)(p̂⁽ⁿ⁾ − e_y)ᵀ]: a C×C matrix.
 */
function printedModelLabels(c: SoftmaxRegressionCase): number[][] {
  const terms = softmaxRegressionLogits(c.W, c.X).map((z) => { const p = softmax(z); return expectedLogitScoreOuterProduct(p, p); });
  return terms[0]!.map((row, i) => row.map((_, j) => terms.reduce((s, t) => s + t[i]![j]!, 0) / c.N));
}

/** 4.3.28 read literally, with p the data's one-hot label: (1/N) Σ_n (p̂⁽ⁿ⁾ − p⁽ⁿ⁾)(p̂⁽ⁿ⁾ − p⁽ⁿ⁾)ᵀ, the empirical Fisher in the logits. */
function printedDataLabels(c: SoftmaxRegressionCase): number[][] {
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

/**
 * The tfjs Fisher's float32 error (hessianTolerance: tfjs against a float64 computation, the pair ctx.dtypes names), plus the
 * float64 rounding of the printed entries (sums of N·C terms of size ≤ 1): a float64-only part.
 */
const printedTolerance = (c: SoftmaxRegressionCase) =>
  hessianTolerance(c) + tolerance({ dtypes: ['float64', 'float64'], operations: 2 * (c.C + c.N + c.d) + 4, scale: 1 });
const data = softmaxRegressionCase({ d: [1, 3], C: [2, 3], N: [1, 4] });
// One input feature (d = 1), so the printed C×C matrix and the Fisher in W have the same shape; |x| away from 1, where x² = 1 would hide the factor.
const scalarInputs = softmaxRegressionCase({ d: [1, 1], C: [2, 3], N: [1, 4] }).filter((c) => c.X.some(([x]) => Math.abs(x! * x! - 1) > 0.1));
// The logits themselves as parameters (x = 1, d = 1), with one observed label.
const labelledLogits = logitsWithClasses(2, 6, 6).chain((c) => fc.nat(c.C - 1).map((y) => ({ ...c, y })));
// The tfjs Fisher information by 4.3.20 (first derivatives, exact Σ over labels y ∼ p̂) against expressions evaluated with impl.
const FISHER = ['tfjs-grad', 'impl'] as const;

export default defineItem({
  id: '4.3.28', kind: 'formula', section: '4.3.3',
  quote: String.raw`G(w) = I(w) = \mathbb{E}_{x,y} \left[ (\hat{p} - p) (\hat{p} - p)^T \right]`,
  printed: String.raw`G(w) = I(w) = \mathbb{E}_{x,y} \left[ (\hat{p} - p) (\hat{p} - p)^T \right]`,
  statement: 'For cross-entropy the Riemannian metric of 4.3.27 is the Fisher information in the weights, I(w) = E_{x,y}[(p̂ − p)(p̂ − p)ᵀ].',
  reading: 'w are the weights of the model, as in 4.3.27 (whose ∇_w L is the gradient in the weights), and y is drawn from the model, p = e_y with '
    + 'y ∼ p̂(·|x), as the definition 4.3.20 and the “= I(w)” require. Under this reading the expectation is E_x[diag(p̂) − p̂p̂ᵀ], the Fisher information '
    + 'in the logits, not in the weights: the factor x of the chain rule through z = Wᵀx is missing. Read literally, with p the data’s one-hot label '
    + '(what p denotes throughout the section), the expectation is the empirical Fisher, which is not the Fisher information even in the logits.',
  errata: ['fisher-metric-logits-for-weights', 'fisher-over-data-labels'],
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
      name: 'charitable reading (y ∼ p̂): printed E_x E_y[(p̂ − e_y)(p̂ − e_y)ᵀ] ↔ tfjs Fisher information in vec(W)', role: 'claim', reference: FISHER,
      arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const fisher = tfjsSoftmaxRegressionFisher(cases, ctx);
        return cases.map((c, b) => printedMatrixOutcome(() => printedModelLabels(c), fisher[b]!, printedTolerance(c), 'the Fisher information in vec(W)'));
      },
    }),
    check({
      name: 'charitable reading, d = 1 (shapes agree): printed E_x[diag p̂ − p̂p̂ᵀ] ↔ tfjs Fisher E_x[x²(diag p̂ − p̂p̂ᵀ)] in W', role: 'claim', reference: FISHER,
      arbitrary: scalarInputs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const fisher = tfjsSoftmaxRegressionFisher(cases, ctx);
        return cases.map((c, b) => printedMatrixOutcome(() => printedModelLabels(c), fisher[b]!, printedTolerance(c), 'the Fisher information in W'));
      },
    }),
    check({
      name: 'literal reading (p the data’s label): (1/N) Σ (p̂ − p)(p̂ − p)ᵀ ↔ the Fisher in the logits, (1/N) Σ (diag p̂ − p̂p̂ᵀ) (tfjs)', role: 'literal',
      reference: FISHER, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const logits = cases.map((c) => softmaxRegressionLogits(c.W, c.X));
        const perSample = tfjsCategoricalInLogits(logits.flat().map((z) => ({ z })), ctx, false);
        let k = 0;
        return cases.map((c, b) => {
          const fisher = logits[b]!.map(() => perSample[k++]!.fisherFromScores);
          const mean = fisher[0]!.map((row, i) => row.map((_, j) => fisher.reduce((s, f) => s + f[i]![j]!, 0) / c.N));
          const z = logits[b]!.flat();
          return agreement(printedDataLabels(c), mean, logitFisherTolerance(z, ctx.dtypes),
            `labels ${c.P.map((p) => p.indexOf(1)).join(', ')}: the empirical Fisher, not the Fisher`);
        });
      },
    }),
    check({
      name: 'correction: (1/N) Σ (x xᵀ) ⊗ E_{y∼p̂}[(p̂ − e_y)(p̂ − e_y)ᵀ] ↔ tfjs Fisher information in vec(W)', role: 'correction', reference: FISHER,
      arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const fisher = tfjsSoftmaxRegressionFisher(cases, ctx);
        return cases.map((c, b) => agreement(corrected(c), fisher[b]!, hessianTolerance(c)));
      },
    }),
    check({
      name: 'correction: logits, E_{y∼p̂}[(p̂ − e_y)(p̂ − e_y)ᵀ] ↔ tfjs Fisher information in z', role: 'correction', reference: FISHER,
      arbitrary: labelledLogits, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, false).map((f, b) => {
        const p = softmax(cases[b]!.z);
        return agreement(expectedLogitScoreOuterProduct(p, p), f.fisherFromScores, logitFisherTolerance(cases[b]!.z, ctx.dtypes));
      }),
    }),
  ],
});
