import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { overdeterminedRegression, type RegressionCase } from '../../domains/index.ts';
import { ridgeLogisticCase, type RidgeLogisticCase } from '../../domains/strongConvexity.ts';
import { symmetricEigen } from '../../../impl/index.ts';
import { solveLinear } from '../../../oracles/linalg.ts';
import { gramOf } from '../../support/convexity.ts';
import { newtonMinimiser, norm, ridgeLogistic } from '../../support/ridgeLogistic.ts';

/**
 * A μ-strongly convex test function with a known modulus: the mean ½ MSE f(w) = (1/2N)‖y − Xw‖² with
 * N > d, Hessian H = XᵀX/N and μ = λ_min(H) > 0. Its minimiser ŵ* solves H w = Xᵀy/N (ml-matrix LU);
 * the residual gradient g* = Hŵ* − Xᵀy/N of that float64 solve is measured and charged to the tolerance
 * (f(w) − f(ŵ*) = g*ᵀ(w − ŵ*) + ½(w − ŵ*)ᵀH(w − ŵ*) exactly for a quadratic).
 */
interface Setup { f: (w: number[]) => number; wStar: number[]; gStar: number[]; mu: number; H: number[][]; scale: number }
function setup(c: RegressionCase, ctx: RunContext): Setup {
  const H = gramOf(c.X).map((row) => row.map((v) => v / c.N));
  const rhs = Array.from({ length: c.d }, (_, i) => c.X.reduce((s, x, n) => s + x[i]! * c.y[n]!, 0) / c.N);
  const wStar = solveLinear(H, rhs);
  const gStar = H.map((row, i) => row.reduce((s, h, j) => s + h * wStar[j]!, 0) - rhs[i]!);
  const f = (w: number[]) => c.X.reduce((s, x, n) => s + (c.y[n]! - x.reduce((t, xi, i) => t + xi * w[i]!, 0)) ** 2, 0) / (2 * c.N);
  const mu = ctx.eigen.values(H)[0]!;
  // Terms of f: ½(|y| + Σ|x_i w_i|)² at the larger of w and ŵ*.
  const size = (w: number[]) => Math.max(...c.X.map((x, n) => 0.5 * (Math.abs(c.y[n]!) + x.reduce((t, xi, i) => t + Math.abs(xi * w[i]!), 0)) ** 2));
  return { f, wStar, gStar, mu, H, scale: Math.max(size(c.w), size(wStar)) };
}
const norm2 = (v: number[]) => v.reduce((s, x) => s + x * x, 0);
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const hNorm = (H: number[][]) => H.length * Math.max(...H.flat().map(Math.abs));

const data = overdeterminedRegression();

/**
 * The general case, not a quadratic: ridge logistic regression (spec/support/ridgeLogistic.ts), λ-strongly
 * convex with a Hessian that changes with w, and its float64 Newton minimiser ŵ*. Strong convexity at ŵ*
 * gives f(w) ≥ f(ŵ*) + ∇f(ŵ*)ᵀd + (μ/2)‖d‖² (d = w − ŵ*); the measured g* = ∇f(ŵ*) (and its own
 * rounding) is charged, as the solve residual is for the quadratic.
 */
const general = ridgeLogisticCase();
function growth(c: RidgeLogisticCase, ctx: RunContext, mu: (p: ReturnType<typeof ridgeLogistic>) => number) {
  const p = ridgeLogistic(c, ctx);
  const { wStar, gStar } = newtonMinimiser(p, c.d);
  const d = c.w.map((wi, i) => wi - wStar[i]!);
  const m = mu(p);
  const rise = p.f(c.w) - p.f(wStar) - (m / 2) * norm2(d);
  const tol = Math.abs(dot(gStar, d)) + Math.sqrt(c.d) * p.gradientTol(wStar) * norm(d) + p.valueTol(c.w) + p.valueTol(wStar)
    + tolerance({ dtypes: ctx.dtypes, operations: c.d + 2, scale: m * norm2(d) });
  return { rise, tol, note: `f(w) − f(w*) − μ/2‖w − w*‖² = ${rise.toExponential(3)}, μ = ${m.toExponential(3)}, ‖∇f(ŵ*)‖ = ${norm(gStar).toExponential(2)}` };
}

export default defineItem({
  id: '4.3.12', kind: 'formula', section: '4.3.2',
  quote: String.raw`f(w) \geq f(w^*) + \frac{\mu}{2} \|w - w^*\|^2\tag{4.3.12}`,
  printed: String.raw`f(w) \geq f(w^*) + \frac{\mu}{2} \|w - w^*\|^2`,
  statement: 'A μ-strongly convex f satisfies f(w) ≥ f(w*) + (μ/2)‖w − w*‖² around its minimiser w*. Checked on quadratics (μ = λ_min of the Hessian, where the constant is also sharp) and, in general, on a function that is not quadratic: ridge logistic regression (μ = λ, the ridge weight).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'f(w) − f(w*) − (μ/2)‖w − w*‖² ≥ 0, μ = λ_min(XᵀX/N)', role: 'claim', reference: ['eigen', 'solve'],
      arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const s = setup(c, ctx);
        const d = c.w.map((wi, i) => wi - s.wStar[i]!);
        const lhs = s.f(c.w) - s.f(s.wStar) - (s.mu / 2) * norm2(d);
        // Rounding of two N-term sums of size ≤ N·scale, the eigensolver error d²u‖H‖ times ½‖d‖² (a part of its own: the
        // float64 eigensolver against the exact spectrum), and the solve residual |g*ᵀd|.
        const tol = tolerance({ dtypes: ctx.dtypes, operations: c.N + c.d + 3, scale: 2 * s.scale })
          + tolerance({ dtypes: ['float64', 'float64'], operations: c.d * c.d, scale: hNorm(s.H) * norm2(d) / 2 }) + Math.abs(dot(s.gStar, d));
        return { value: Math.max(0, -lhs), bound: tol, note: `f(w) − f(w*) − μ/2‖w − w*‖² = ${lhs.toExponential(3)}` };
      }),
    }),
    check({
      name: 'sharp: along the λ_min eigenvector v, f(w* + v) − f(w*) = μ/2', role: 'claim', reference: ['eigen', 'solve', 'impl'],
      arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const s = setup(c, ctx);
        const v = symmetricEigen(s.H).vectors[0]!;
        const rise = s.f(s.wStar.map((wi, i) => wi + v[i]!)) - s.f(s.wStar);
        // The two values (and the eigenvector's rounding through H), the eigensolver's own d²u‖H‖ (float64), the solve residual.
        const tol = tolerance({ dtypes: ctx.dtypes, operations: c.N + c.d + 3, scale: 2 * s.scale + hNorm(s.H) })
          + tolerance({ dtypes: ['float64', 'float64'], operations: c.d * c.d, scale: hNorm(s.H) }) + Math.abs(dot(s.gStar, v));
        return agreement(rise, s.mu / 2, tol, `μ = ${s.mu.toExponential(4)}`);
      }),
    }),
    check({
      name: 'non-quadratic: ridge logistic regression, f(w) − f(w*) − (λ/2)‖w − w*‖² ≥ 0', role: 'claim', reference: ['impl', 'eigen', 'solve'],
      arbitrary: general, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const { rise, tol, note } = growth(c, ctx, (p) => p.mu);
        return { value: Math.max(0, -rise), bound: tol, note };
      }),
    }),
    check({
      name: 'the check can fail: with μ replaced by the smoothness bound L, some case violates it', role: 'support', quantifier: 'exists',
      reference: ['impl', 'eigen', 'solve'], arbitrary: general, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const { rise, tol, note } = growth(c, ctx, (p) => p.L);
        return { value: -rise, bound: tol, sense: 'atLeast' as const, note };
      }),
    }),
    check({
      name: 'ŵ* is the minimiser: Newton reached the rounding level of the gradient (it stops there, or fails after its iteration limit)', role: 'support', reference: ['impl', 'eigen', 'solve'], arbitrary: general, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const p = ridgeLogistic(c, ctx);
        const { wStar, gStar } = newtonMinimiser(p, c.d);
        // Newton's last step solves H s = ĝ for the computed gradient ĝ = ∇f + e, so the true gradient at the
        // new point is about −e, and its computed value adds its own rounding e': ‖ĝ*‖ ≤ ‖e‖ + ‖e'‖ (twice the
        // gradient's rounding), plus the gradient change across the rounding of ŵ* itself (Lipschitz L).
        return { value: norm(gStar), bound: 2 * Math.sqrt(c.d) * p.gradientTol(wStar)
          + tolerance({ dtypes: ctx.dtypes, operations: 1, scale: p.L * wStar.reduce((s, v) => s + Math.abs(v), 0) }) };
      }),
    }),
    check({
      name: 'symmetricEigen eigenvalues ↔ eigen oracle (impl\'s eigenvector is used above)', role: 'subject', subject: 'symmetricEigen', reference: 'eigen',
      arbitrary: data, runs: 'default',
      // Two backward-stable symmetric eigensolvers, each within d² roundings of ‖H‖ of the exact spectrum.
      evaluate: (cases, ctx) => cases.map((c) => {
        const H = gramOf(c.X).map((row) => row.map((v) => v / c.N));
        return agreement(ctx.subject.api.symmetricEigen!(H).values, ctx.eigen.values(H), 2 * tolerance({ dtypes: ctx.dtypes, operations: c.d * c.d, scale: hNorm(H) }));
      }),
    }),
  ],
});
