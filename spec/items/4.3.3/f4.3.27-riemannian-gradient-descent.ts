import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { overdeterminedRegression, spdMetric, vector, type RegressionCase } from '../../domains/index.ts';
import { mseLinearHessian } from '../../../impl/index.ts';
import { linearGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';
import { dot, norm, solveTolerance, solveWith } from '../../support/naturalGradient.ts';

/** 4.3.27 as printed: w_{t+1} = w_t − η G(w_t)⁻¹ ∇_w L(w_t), G⁻¹ applied by a linear solve. */
const printed = (w: number[], gradient: number[], G: number[][], eta: number) => {
  const direction = solveWith(G, gradient);
  return w.map((wi, i) => wi - eta * direction[i]!);
};
const metrics = spdMetric([2, 5], 2);
const conditionOf = (eigenvalues: number[]) => Math.max(...eigenvalues) / Math.min(...eigenvalues);

/** ½-MSE least squares: G = H = XᵀX/N (also the Fisher information of N(wᵀx, 1)); one printed step with η = 1; tfjs gradients before and after. */
function newtonStep(cases: RegressionCase[], ctx: RunContext) {
  const before = tfjsLinearModel(cases, ctx, 'linear-mse', 'half');
  const steps = cases.map((c, b) => {
    const H = mseLinearHessian(c.X, 'half');
    return { H, w1: printed(c.w, before[b]!.gradient, H, 1), kappa: conditionOf(ctx.eigen.values(H)) };
  });
  const after = tfjsLinearModel(cases.map((c, b) => ({ ...c, w: steps[b]!.w1 })), ctx, 'linear-mse', 'half');
  return cases.map((c, b) => ({ ...steps[b]!, gradientAfter: after[b]!.gradient, c1: { ...c, w: steps[b]!.w1 } }));
}

export default defineItem({
  id: '4.3.27', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`w_{t+1} = w_t - \eta G(w_t)^{-1} \nabla_w L(w_t)`,
  printed: String.raw`w_{t+1} = w_t - \eta G(w_t)^{-1} \nabla_w L(w_t)`,
  statement: 'Defines Riemannian (natural) gradient descent with metric G. Checked: its direction −G⁻¹∇L is the steepest descent for the G-norm '
    + '(it minimises ∇Lᵀu over ‖u‖_G = const), and on least squares with G = H = XᵀX/N one step with η = 1 lands on the minimiser from any start (it is Newton’s step).',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'least squares, G = XᵀX/N, η = 1: ∇L(w₁) = 0 from any w₀ (tfjs gradients)', role: 'claim', reference: ['tfjs-grad', 'impl', 'solve', 'eigen'],
      arbitrary: overdeterminedRegression([1, 4], 5), runs: 'default',
      evaluate: (cases, ctx) => newtonStep(cases, ctx).map(({ H, w1, kappa, gradientAfter, c1 }, b) => {
        const c = cases[b]!;
        // float32 gradient at w₀ passes through H G⁻¹ = I into ∇L(w₁); ∇L(w₁) itself is a float32 gradient (ctx.dtypes); the
        // float64 solve (impl's H, the ml-matrix solve) adds κ(H)·u on terms of size ‖H‖(|w₀| + |w₁|): a float64-only part.
        const hNorm = Math.max(...H.flat().map(Math.abs)) * c.d;
        const tol = linearGradientTolerance(c, ctx.dtypes) + linearGradientTolerance(c1, ctx.dtypes)
          + tolerance({ dtypes: ['float64', 'float64'], operations: c.d * c.d, scale: hNorm * (norm(c.w) + norm(w1)), condition: kappa });
        return agreement(gradientAfter, c.w.map(() => 0), tol, `κ(H) = ${kappa.toPrecision(3)}`);
      }),
    }),
    check({
      name: 'steepest descent in the G-norm: ∇Lᵀu/‖u‖_G ≥ −√(∇Lᵀ G⁻¹ ∇L) for every u, with equality at u = −G⁻¹∇L', role: 'claim', reference: 'solve',
      arbitrary: metrics.chain((m) => vector(m.n, 1).filter((u) => norm(u) > 1e-3).map((u) => ({ ...m, u }))), runs: 'default',
      evaluate: (cases) => cases.map(({ n, G, g, u, eigenvalues }) => {
        const naturalDirection = solveWith(G, g).map((x) => -x);
        const gNorm = (v: number[]) => Math.sqrt(dot(v, G.map((row) => dot(row, v))));
        const best = -Math.sqrt(dot(g, solveWith(G, g)));
        const tol = solveTolerance(n, conditionOf(eigenvalues), Math.abs(best) + norm(g) * norm(u) / gNorm(u));
        // Violation of the inequality for u, and the gap at the natural direction (must be 0).
        const violation = Math.max(best - dot(g, u) / gNorm(u), Math.abs(dot(g, naturalDirection) / gNorm(naturalDirection) - best));
        return { value: violation, bound: tol };
      }),
    }),
    check({
      name: 'subject naturalGradientStep(w, g, G, η) ↔ w − η·x with G x = g solved by ml-matrix LU', role: 'subject', subject: 'naturalGradientStep',
      reference: 'solve', arbitrary: metrics.chain((m) => fc.integer({ min: 1, max: 100 }).map((k) => ({ ...m, eta: k / 100 }))), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ n, G, g, w, eta, eigenvalues }) => {
        const direction = solveWith(G, g);
        return agreement(ctx.subject.api.naturalGradientStep!(w, g, G, eta), w.map((wi, i) => wi - eta * direction[i]!),
          solveTolerance(n, conditionOf(eigenvalues), norm(w) + eta * norm(g) / Math.min(...eigenvalues), ctx.dtypes));
      }),
    }),
  ],
});
