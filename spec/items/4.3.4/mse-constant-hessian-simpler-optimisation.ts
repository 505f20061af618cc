import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { eigenOracle, tfjsHessian } from '../../engine/labels.ts';
import { binaryClassificationCase, real, regressionCase, vector, type RegressionCase } from '../../domains/index.ts';
import { inputScale, linearHessianTolerance, residualScale, tfjsLinearModel } from '../../support/linearModels.ts';
import { eigenvalueTolerance, eigenvaluesOf, entryNorm } from '../../support/convexity.ts';

// The same data at two parameter points (w, b) and (w′, b′): a linear model (regression) and a sigmoid output
// (binary classification, labels 0/1), the setting in which MSE and cross-entropy are the alternatives.
const pairsOf = (data: fc.Arbitrary<RegressionCase>) => data.chain((c) =>
  fc.record({ w2: vector(c.d, 4), b2: real(4) }).map(({ w2, b2 }) => ({ first: c, second: { ...c, w: w2, b: b2 } as RegressionCase })));
const linearPairs = pairsOf(regressionCase({ d: [1, 4], N: [1, 6] }));
const sigmoidPairs = pairsOf(binaryClassificationCase({ d: [1, 4], N: [1, 6] }));
const sigmoidData = binaryClassificationCase({ d: [1, 4], N: [1, 6] });

/**
 * Entries (1/N) Σ φ''(z_n) x_ni x_nj of the Hessian of ½(y − σ(z))² in w: |φ''| = |σ'² − (σ − y)σ''| ≤ ½, so terms
 * ≤ ½·max|x|²; three sigmoid evaluations, d + N sums, the nested backward pass; float32 rounding of the logit
 * moves φ'' by at most |φ'''|·u·residualScale (|φ'''| ≤ 1: κ = 1 + residualScale).
 */
function sigmoidMseHessianTolerance(c: RegressionCase): number {
  return tolerance({ dtypes: ['float32', 'float64'], operations: 2 * (c.d + c.N + elementary(3) + 4), scale: 0.5 * inputScale(c) ** 2,
    condition: 1 + residualScale(c) });
}

export default defineItem({
  id: 'mse-constant-hessian-simpler-optimisation', kind: 'claim', section: '4.3.4',
  quote: 'MSE 的 Hessian 是常数，优化相对简单',
  statement: 'When choosing a loss by optimisation difficulty, MSE has a constant Hessian, so its optimisation is relatively simple — simpler than that of cross-entropy, whose Hessian depends on the predictions.',
  condition: 'a model linear in its parameters (the regression model of 4.3.7, where cross-entropy does not apply); on a sigmoid output — the classification setting in which MSE and cross-entropy are the two choices — the Hessian of MSE depends on w and is indefinite in places (MSE of a sigmoid is not convex), while that of cross-entropy is positive semidefinite (ce-convex-in-w)',
  errata: ['mse-constant-hessian-scope'],
  notes: 'The second half of the sentence — cross-entropy\'s Hessian depends on the predictions, its gradients are better — is checked by ce-hessian-parameter-dependent, ce-gradient-no-sigmoid-factor and mse-sigmoid-gradient-vanishes. The sentence that follows (in classification cross-entropy is usually easier to train than MSE) itself presupposes the classification setting in which the constant Hessian fails.',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'linear model: tfjs Hessians of the mean ½ MSE at two parameter points agree', role: 'condition', oracle: tfjsHessian,
      arbitrary: linearPairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsLinearModel(cases.map((c) => c.first), ctx, 'linear-mse', 'half', true);
        const second = tfjsLinearModel(cases.map((c) => c.second), ctx, 'linear-mse', 'half', true);
        // Two float32 computations of the same constant: twice the float32-vs-float64 tolerance.
        return cases.map((c, b) => agreement(first[b]!.hessian!, second[b]!.hessian!, 2 * linearHessianTolerance(c.first)));
      },
    }),
    check({
      name: 'sigmoid output (classification): tfjs Hessians of the mean ½(y − σ(wᵀx + b))² at two parameter points agree — fails', role: 'outside-condition', oracle: tfjsHessian,
      arbitrary: sigmoidPairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsLinearModel(cases.map((c) => c.first), ctx, 'sigmoid-mse', 'half', true);
        const second = tfjsLinearModel(cases.map((c) => c.second), ctx, 'sigmoid-mse', 'half', true);
        return cases.map((c, b) => agreement(first[b]!.hessian!, second[b]!.hessian!,
          sigmoidMseHessianTolerance(c.first) + sigmoidMseHessianTolerance(c.second)));
      },
    }),
    check({
      name: 'sigmoid output (classification): the Hessian of the mean ½(y − σ(wᵀx + b))² is positive semidefinite, as cross-entropy\'s is — fails (λ_min < 0)', role: 'outside-condition',
      oracle: (ctx) => `${eigenOracle(ctx)} of ${ctx.tfjs.label('hessian')}`, arbitrary: sigmoidData, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'half', true).map((r) => r.hessian!);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => ({ value: Math.max(0, -lambda[0]!), note: `λ_min = ${lambda[0]!.toExponential(3)}`,
          bound: eigenvalueTolerance(cases[b]!.d, sigmoidMseHessianTolerance(cases[b]!), cases[b]!.d * entryNorm(hessians[b]!)) }));
      },
    }),
  ],
});
