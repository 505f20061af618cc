import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, binaryClassificationCase, matrix, real, regressionCase, vector, type RegressionCase } from '../../domains/index.ts';
import { inputScale, linearHessianTolerance, residualScale, tfjsLinearModel } from '../../support/linearModels.ts';
import { eigenvalueTolerance, eigenvaluesOf, entryNorm } from '../../support/convexity.ts';
import { logisticCrossEntropyGradient, mseLinearGradient, mseLinearHessian, sigmoid, sigmoidMseGradient } from '../../../impl/index.ts';
import { solveLinear } from '../../../oracles/linalg.ts';

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
function sigmoidMseHessianTolerance(c: RegressionCase, dtypes: readonly [Dtype, Dtype]): number {
  return tolerance({ dtypes, operations: 2 * (c.d + c.N + elementary(3) + 4), scale: 0.5 * inputScale(c) ** 2,
    condition: 1 + residualScale(c) });
}

// One linear score z = Xw + b with N ≥ d + 2 samples and a full-rank X (the Cholesky pivots of XᵀX/N at least 10⁻³ of
// its largest diagonal entry), regression targets in [−3, 3], class probabilities P(y = 1 | x_n) ∈ [0.05, 0.95] as
// the classification targets (so the cross-entropy has a finite minimiser: with 0/1 labels on separable data it has
// none, and a Newton step that saturates every prediction leaves a tiny gradient without solving anything), and a
// start w₀.
const gramIsWellConditioned = (X: number[][]) => {
  const d = X[0]!.length, G = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => X.reduce((s, row) => s + row[i]! * row[j]!, 0) / X.length));
  const top = Math.max(...G.map((row, i) => row[i]!));
  for (let k = 0; k < d; k++) {
    const pivot = G[k]![k]!;
    if (!(pivot >= 1e-3 * top)) return false;
    for (let i = k + 1; i < d; i++) for (let j = k + 1; j < d; j++) G[i]![j]! -= (G[i]![k]! * G[k]![j]!) / pivot;
  }
  return true;
};
const newtonCase = fc.integer({ min: 1, max: 4 }).chain((d) => fc.integer({ min: d + 2, max: 8 }).chain((N) => fc.record({
  X: matrix(N, d, 2), yReg: vector(N, 3), yCls: fc.array(between(0.05, 0.95), { minLength: N, maxLength: N }), w: vector(d, 2), b: real(2),
}))).filter(({ X }) => gramIsWellConditioned(X));
type NewtonCase = { X: number[][]; yReg: number[]; yCls: number[]; w: number[]; b: number };

/** (1/N) Σ h(z_n) x_n x_nᵀ: the Hessian in w of a mean loss of the score z = wᵀx + b with second derivative h in z. */
const scoreHessian = (X: number[][], w: number[], b: number, h: (z: number, n: number) => number) => {
  const z = X.map((x) => x.reduce((s, xi, i) => s + xi * w[i]!, b));
  return w.map((_, i) => w.map((__, j) => X.reduce((s, x, n) => s + h(z[n]!, n) * x[i]! * x[j]!, 0) / X.length));
};
type Loss = 'linear-mse' | 'logistic-ce' | 'sigmoid-mse';
/** The gradient in w (impl) and the Hessian in w (closed form; impl mseLinearHessian for the linear model). */
function derivatives(loss: Loss, c: NewtonCase, w: number[]): { g: number[]; H: number[][] } {
  if (loss === 'linear-mse') return { g: mseLinearGradient(c.X, c.yReg, w, c.b, 'half').w, H: mseLinearHessian(c.X, 'half') };
  const sigmaPrime = (z: number) => sigmoid(z) * sigmoid(-z);
  if (loss === 'logistic-ce') return { g: logisticCrossEntropyGradient(c.X, c.yCls, w, c.b).w, H: scoreHessian(c.X, w, c.b, sigmaPrime) };
  // ½(σ(z) − y)²: second derivative σ'² + (σ − y)σ'' with σ'' = σ'(1 − 2σ).
  return { g: sigmoidMseGradient(c.X, c.yCls, w, c.b, 'half').w,
    H: scoreHessian(c.X, w, c.b, (z, n) => sigmaPrime(z) ** 2 + (sigmoid(z) - c.yCls[n]!) * sigmaPrime(z) * (1 - 2 * sigmoid(z))) };
}
/**
 * One Newton step w₁ = w₀ − H⁻¹∇L(w₀) (ml-matrix solve), and the gradient left at w₁ with the rounding it may carry
 * at a true minimiser: a backward-stable solve leaves H·s − g₀ of size u·‖H‖·‖s‖ (no condition number: the residual
 * is measured, not the error in w), and each gradient is a mean of N terms r_n·x_n with |r_n| ≤ residual scale.
 */
function oneNewtonStep(loss: Loss, c: NewtonCase, dtypes: readonly [Dtype, Dtype]) {
  const { g, H } = derivatives(loss, c, c.w);
  let step: number[];
  try {
    step = solveLinear(H, g);
  } catch (e) {
    // The Hessians of the linear MSE and of the cross-entropy are positive definite here (X has full rank); that
    // of a sigmoid MSE can be singular, and then no Newton step exists: the problem is not solved by one.
    if (loss !== 'sigmoid-mse') throw e;
    return { gradient: Infinity, start: Math.max(...g.map(Math.abs)), bound: tolerance({ dtypes, operations: 1, scale: 1 }) };
  }
  const w1 = c.w.map((x, i) => x - step[i]!);
  const g1 = derivatives(loss, c, w1).g, d = c.w.length, N = c.X.length;
  const xMax = Math.max(...c.X.flat().map(Math.abs));
  const residual = (w: number[]) => Math.max(...c.X.map((x, n) => Math.abs(x.reduce((s, xi, i) => s + xi * w[i]!, c.b)) + Math.abs(loss === 'linear-mse' ? c.yReg[n]! : 1)));
  const scale = d * Math.max(...H.flat().map(Math.abs)) * Math.max(...step.map(Math.abs)) + (residual(c.w) + residual(w1)) * xMax;
  return { gradient: Math.max(...g1.map(Math.abs)), start: Math.max(...g.map(Math.abs)),
    bound: tolerance({ dtypes, operations: 3 * d + N + elementary(2) + 6, scale }) };
}

/**
 * "One Newton step solves it": for every start the gradient left is rounding (forall), or, for a loss it does not
 * solve, some start is left with a gradient clearly above rounding (exists: a witness clears its bound by the margin).
 */
const newtonCheck = (loss: Loss, name: string, role: 'condition' | 'outside-condition', quantifier: 'forall' | 'exists' = 'forall') => check({
  name, role, reference: ['impl', 'solve'], arbitrary: newtonCase, runs: 'default', quantifier,
  evaluate: (cs: NewtonCase[], ctx) => cs.map((c) => {
    const r = oneNewtonStep(loss, c, ctx.dtypes);
    return { value: r.gradient, bound: r.bound, sense: quantifier === 'exists' ? 'atLeast' as const : 'atMost' as const,
      note: `max|∇L| ${r.start.toExponential(2)} → ${r.gradient.toExponential(2)} after one Newton step` };
  }),
});

export default defineItem({
  id: 'mse-constant-hessian-simpler-optimisation', kind: 'claim', section: '4.3.4',
  quote: 'MSE 的 Hessian 是常数，优化相对简单',
  statement: 'When choosing a loss by optimisation difficulty, MSE has a constant Hessian, so its optimisation is relatively simple — simpler than that of cross-entropy, whose Hessian depends on the predictions.',
  condition: 'a model linear in its parameters (the regression model of 4.3.7), where "simple" is measured: one Newton step, the normal equations, solves the MSE exactly from every start, while cross-entropy on the same linear score (logistic regression, whose Hessian depends on the predictions) is not solved by one from every start — nor is MSE on a sigmoid output; on a sigmoid output — the classification setting in which MSE and cross-entropy are the two choices — the Hessian of MSE depends on w and is indefinite in places (MSE of a sigmoid is not convex), while that of cross-entropy is positive semidefinite (ce-convex-in-w)',
  errata: ['mse-constant-hessian-scope'],
  notes: 'Second reading: "优化相对简单" was never measured, only the constant Hessian. Settled: simplicity is measured by what one Newton step does: on the linear model it solves the MSE exactly (the gradient it leaves is rounding, from any start), on the same linear score it does not solve the cross-entropy (logistic regression, targets P(y = 1 | x)) from every start, and on a sigmoid output it does not solve the MSE either (an outside-condition check, next to the Hessian\'s). The second half of the sentence — cross-entropy\'s Hessian depends on the predictions, its gradients are better — is checked by ce-hessian-parameter-dependent, ce-gradient-no-sigmoid-factor and mse-sigmoid-gradient-vanishes. The sentence that follows (in classification cross-entropy is usually easier to train than MSE) itself presupposes the classification setting in which the constant Hessian fails.',
  expectedVerdict: 'conditional',
  checks: [
    newtonCheck('linear-mse', 'linear model: one Newton step (the normal equations) from any start solves the MSE exactly — the gradient it leaves is rounding', 'condition'),
    newtonCheck('logistic-ce', 'the same linear score with cross-entropy against P(y = 1 | x) (logistic regression): one Newton step does not solve it from every start — some start is left with a gradient clearly above rounding', 'condition', 'exists'),
    check({
      name: 'linear model: tfjs Hessians of the mean ½ MSE at two parameter points agree', role: 'condition', reference: 'tfjs-hessian',
      arbitrary: linearPairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsLinearModel(cases.map((c) => c.first), ctx, 'linear-mse', 'half', true);
        const second = tfjsLinearModel(cases.map((c) => c.second), ctx, 'linear-mse', 'half', true);
        // Two float32 computations of the same constant: each within the float32-vs-float64 tolerance of it.
        return cases.map((c, b) => agreement(first[b]!.hessian!, second[b]!.hessian!, 2 * linearHessianTolerance(c.first, ctx.dtypes)));
      },
    }),
    check({
      name: 'sigmoid output (classification): tfjs Hessians of the mean ½(y − σ(wᵀx + b))² at two parameter points agree — fails', role: 'outside-condition', reference: 'tfjs-hessian',
      arbitrary: sigmoidPairs, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const first = tfjsLinearModel(cases.map((c) => c.first), ctx, 'sigmoid-mse', 'half', true);
        const second = tfjsLinearModel(cases.map((c) => c.second), ctx, 'sigmoid-mse', 'half', true);
        return cases.map((c, b) => agreement(first[b]!.hessian!, second[b]!.hessian!,
          sigmoidMseHessianTolerance(c.first, ctx.dtypes) + sigmoidMseHessianTolerance(c.second, ctx.dtypes)));
      },
    }),
    newtonCheck('sigmoid-mse', 'sigmoid output (classification): one Newton step from any start solves the mean ½(y − σ(wᵀx + b))² — fails, the gradient it leaves is far above rounding', 'outside-condition'),
    check({
      name: 'sigmoid output (classification): the Hessian of the mean ½(y − σ(wᵀx + b))² is positive semidefinite, as cross-entropy\'s is — fails (λ_min < 0)', role: 'outside-condition',
      reference: ['eigen', 'tfjs-hessian'], arbitrary: sigmoidData, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsLinearModel(cases, ctx, 'sigmoid-mse', 'half', true).map((r) => r.hessian!);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => ({ value: Math.max(0, -lambda[0]!), note: `λ_min = ${lambda[0]!.toExponential(3)}`,
          bound: eigenvalueTolerance(cases[b]!.d, sigmoidMseHessianTolerance(cases[b]!, ctx.dtypes), cases[b]!.d * entryNorm(hessians[b]!)) }));
      },
    }),
  ],
});
