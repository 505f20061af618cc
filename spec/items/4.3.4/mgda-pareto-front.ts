import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { given, num, t } from '../../engine/text.ts';
import { between, real, taskGradients, vector } from '../../domains/index.ts';
import { euclideanNorm, mgdaTwoTasks, minNormCombination } from '../../../impl/index.ts';
import { solveLinear } from '../../../oracles/linalg.ts';
import { QUADRATIC_EIGENVALUE_FLOOR, quadraticTasks, type QuadraticTasks } from '../../domains/pareto.ts';

const twoGradients = taskGradients({ tasks: [2, 2] }).map(([g1, g2]) => ({ g1: g1!, g2: g2! }));

// Convex tasks L_k(θ) = ½‖θ − a_k‖²: their Pareto set is the segment [a₁, a₂].
const convexTasks = fc.integer({ min: 1, max: 5 }).chain((d) => fc.record({ a1: vector(d, 2), a2: vector(d, 2), theta0: vector(d, 4) }));
// Non-convex tasks: tilted double wells f_k(θ) = θ⁴/4 − θ²/2 + c_k θ (c_k > 0 puts the global minimum near θ = −1),
// started in the basin of the local minimum near θ = +1.
const doubleWells = fc.record({ c1: between(0.1, 0.3), c2: between(0.1, 0.3), theta0: between(0.5, 1.5) });
const well = (c: number) => (t: number) => t ** 4 / 4 - t ** 2 / 2 + c * t;
const wellGradient = (c: number) => (t: number[]) => [t[0]! ** 3 - t[0]! + c];

// General convex tasks: anisotropic quadratics L_k = ½(θ − a_k)ᵀA_k(θ − a_k) with different A_k (eigenvalues ≥ ⅒),
// started anywhere in [−4, 4]^d. MGDA with η = 1/max_k‖A_k‖_F (≤ 1/L) decreases both losses at every step.
const anisotropicTasks = quadraticTasks(2).chain((tasks) => vector(tasks.d, 4).map((theta0) => ({ tasks, theta0 })));
const QUADRATIC_ITERATIONS = 2000;
const frobenius = (A: number[][]) => Math.sqrt(A.flat().reduce((s, x) => s + x * x, 0));
const quadraticGradient = (A: number[][], a: number[]) => (t: number[]) => A.map((row) => row.reduce((s, x, j) => s + x * (t[j]! - a[j]!), 0));

/** Distance from θ to the segment [a₁, a₂]. */
function distanceToSegment(theta: number[], a1: number[], a2: number[]): number {
  const u = a2.map((x, i) => x - a1[i]!), uu = u.reduce((s, x) => s + x * x, 0);
  const t = uu === 0 ? 0 : Math.min(1, Math.max(0, theta.reduce((s, x, i) => s + (x - a1[i]!) * u[i]!, 0) / uu));
  return euclideanNorm(theta.map((x, i) => x - a1[i]! - t * u[i]!));
}

// Convex, not strictly convex tasks L₁ = ½(θ₁ − a)², L₂ = ½(θ₂ − b)² on R²: each ignores one coordinate. Both are
// least at (a, b), so that point dominates every other; MGDA (η = ½, L = 1) shrinks the smaller offset geometrically
// while the larger one stops moving, so from almost every start it stops at a dominated point.
const separableTasks = fc.record({ a: real(2), b: real(2), theta0: vector(2, 4) });
const separableLimit = (a: number, b: number, theta0: number[]) =>
  mgdaTwoTasks((th) => [th[0]! - a, 0], (th) => [0, th[1]! - b], theta0, SEPARABLE_STEP, SEPARABLE_ITERATIONS);
const SEPARABLE_STEP = 0.5, SEPARABLE_ITERATIONS = 200;
// The second reader's example: a = 0, b = 1, from (0.1, 2).
const example = separableLimit(0, 1, [0.1, 2]);
const exampleLosses = [0.5 * example[0]! ** 2, 0.5 * (example[1]! - 1) ** 2];

// Convex case with η = ½: one MGDA step moves θ halfway to its projection on [a₁, a₂] (the min-norm point of
// {θ − a₁, θ − a₂} is θ − proj(θ)), so the distance halves; 120 steps shrink any start here (distance ≤ 20) below 10⁻³⁰.
const CONVEX_STEP = 0.5, CONVEX_ITERATIONS = 120;
// Double wells: f'' ≈ 2 near the local minima, so η = 0.1 contracts by 0.8 per step; 2000 steps reach rounding level.
const WELL_STEP = 0.1, WELL_ITERATIONS = 2000;

export default defineItem({
  id: 'mgda-pareto-front', kind: 'claim', section: '4.3.4',
  quote: 'Multi-Task Gradient Descent** 可以确保优化过程收敛到帕累托前沿',
  statement: 'Multi-task gradient descent (MGDA) ensures that optimisation converges to the Pareto front: its min-norm direction is a common descent direction, and its limit is Pareto optimal.',
  condition: 'strictly convex task losses: what MGDA ensures (with a step size below 1/L) is convergence to a Pareto-stationary point, where some convex combination of the task gradients vanishes; that point is on the Pareto front when the tasks are strictly convex, while with convex but not strictly convex losses it is only weakly Pareto optimal and can be dominated, and with non-convex losses it can stop at a dominated point',
  errata: ['mgda-pareto-stationary'],
  notes: t`Second reading: the condition must be strict convexity; with convex but not strictly convex tasks MGDA can stop at a dominated point. Settled: the condition is now strictly convex task losses, with an outside-condition check on convex, not strictly convex tasks: for L₁ = ½θ₁², L₂ = ½(θ₂ − 1)² and η = ${given(0.5)}, MGDA from (${given(0.1)}, 2) converges to (${num(example[0]!, 3)}, ${num(example[1]!, 5)}) with L = (${num(exampleLosses[0]!, 3)}, ${num(exampleLosses[1]!, 4)}), dominated by (0, 1). The algorithm is usually called the Multiple Gradient Descent Algorithm (MGDA, Désidéri; applied to multi-task learning by Sener and Koltun). The contrast with the previous sentence does not hold for non-convex losses either: a stationary point of a positively weighted sum Σ w_k L_k is Pareto-stationary as well (normalise w to a convex combination), so both approaches guarantee the same thing there.`,
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'min-norm point d of [g₁, g₂]: d·g₁ ≥ ‖d‖² and d·g₂ ≥ ‖d‖² (−d descends on both tasks unless d = 0)', role: 'claim', reference: 'impl',
      arbitrary: twoGradients, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ g1, g2 }) => {
        const { direction: d } = minNormCombination(g1, g2);
        const dd = d.reduce((s, x) => s + x * x, 0);
        const shortfall = Math.max(...[g1, g2].map((g) => dd - d.reduce((s, x, i) => s + x * g[i]!, 0)));
        // d-term dot products of terms ≤ ‖g‖², after forming γ (a d-term ratio) and d.
        const scale = Math.max(euclideanNorm(g1), euclideanNorm(g2)) ** 2;
        return { value: Math.max(0, shortfall), bound: tolerance({ dtypes: ctx.dtypes, operations: 3 * g1.length + 6, scale }),
          note: `‖d‖² = ${dd.toPrecision(4)}` };
      }),
    }),
    check({
      name: 'MGDA converges to a Pareto-stationary point (min-norm direction ≈ 0) also for non-convex double wells', role: 'claim', reference: 'impl',
      arbitrary: doubleWells, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ c1, c2, theta0 }) => {
        const limit = mgdaTwoTasks(wellGradient(c1), wellGradient(c2), [theta0], WELL_STEP, WELL_ITERATIONS);
        const { direction } = minNormCombination(wellGradient(c1)(limit), wellGradient(c2)(limit));
        // f' = θ³ − θ + c: 4 roundings, terms ≤ |θ|³ + |θ| + c.
        const t = Math.abs(limit[0]!);
        return { value: Math.abs(direction[0]!), bound: tolerance({ dtypes: ctx.dtypes, operations: 8, scale: t ** 3 + t + 1 }) };
      }),
    }),
    check({
      name: 'strictly convex tasks: MGDA\'s limit lies on the Pareto set [a₁, a₂] of L_k = ½‖θ − a_k‖²', role: 'condition', reference: 'impl',
      arbitrary: convexTasks, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ a1, a2, theta0 }) => {
        const limit = mgdaTwoTasks((t) => t.map((x, i) => x - a1[i]!), (t) => t.map((x, i) => x - a2[i]!), theta0, CONVEX_STEP, CONVEX_ITERATIONS);
        // Each step's roundings are halved by the next; a few d-term dot products at scale max|a|, |θ|.
        const scale = Math.max(...a1.map(Math.abs), ...a2.map(Math.abs), ...limit.map(Math.abs), 1);
        return { value: distanceToSegment(limit, a1, a2), bound: tolerance({ dtypes: ctx.dtypes, operations: 2 * (4 * a1.length + 6), scale }) };
      }),
    }),
    check({
      name: 'strictly convex tasks with different curvatures: MGDA\'s limit minimises γL₁ + (1 − γ)L₂ for its final min-norm weight γ — a point of the Pareto set (ml-matrix solve)', role: 'condition',
      reference: ['impl', 'solve'], arbitrary: anisotropicTasks, runs: 'default',
      evaluate: (cs: { tasks: QuadraticTasks; theta0: number[] }[], ctx) => cs.map(({ tasks: { A, a, d }, theta0 }) => {
        const [g1, g2] = [quadraticGradient(A[0]!, a[0]!), quadraticGradient(A[1]!, a[1]!)];
        const limit = mgdaTwoTasks(g1, g2, theta0, 1 / Math.max(frobenius(A[0]!), frobenius(A[1]!)), QUADRATIC_ITERATIONS);
        const { gamma } = minNormCombination(g1(limit), g2(limit));
        const H = A[0]!.map((row, i) => row.map((x, j) => gamma * x + (1 - gamma) * A[1]![i]![j]!));
        const rhs = H.map((_, i) => gamma * A[0]![i]!.reduce((s, x, j) => s + x * a[0]![j]!, 0) + (1 - gamma) * A[1]![i]!.reduce((s, x, j) => s + x * a[1]![j]!, 0));
        const target = solveLinear(H, rhs);
        // θ∞ − θ(γ) = H⁻¹(d∞ − r), d∞ the min-norm direction at θ∞ and r the solve residual, and λ_min(H) ≥ the
        // generator's eigenvalue floor: at convergence d∞ and r are rounding of d-term gradient sums at scale
        // max|A|·max|θ − a_k|, so the distance is held to that rounding divided by the floor.
        const spread = Math.max(...[...limit, ...target].map((t, i) => Math.max(Math.abs(t - a[0]![i % d]!), Math.abs(t - a[1]![i % d]!))), 1);
        const aMax = Math.max(...A.flat(2).map(Math.abs));
        const rounding = tolerance({ dtypes: ctx.dtypes, operations: 4 * d + 8, scale: d * aMax * spread });
        return { value: euclideanNorm(limit.map((t, i) => t - target[i]!)), bound: rounding / QUADRATIC_EIGENVALUE_FLOOR,
          note: `γ = ${gamma.toFixed(4)}, θ∞ = [${limit.map((t) => t.toFixed(4)).join(', ')}]` };
      }),
    }),
    check({
      name: 'convex, not strictly convex tasks L₁ = ½(θ₁ − a)², L₂ = ½(θ₂ − b)²: MGDA\'s limit is Pareto optimal — fails, (a, b) is as good in both tasks and better in one', role: 'outside-condition', reference: 'impl',
      arbitrary: separableTasks, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ a, b, theta0 }) => {
        const limit = separableLimit(a, b, theta0);
        const losses = [0.5 * (limit[0]! - a) ** 2, 0.5 * (limit[1]! - b) ** 2];
        // (a, b) has both losses 0, so it dominates the limit by the larger of the two losses there; a Pareto-optimal
        // limit leaves only the rounding of θ − (a, b) (its entries ≤ 6) squared.
        return { value: Math.max(...losses), bound: tolerance({ dtypes: ctx.dtypes, operations: 4, scale: 36 }),
          note: `limit (${limit.map((x) => x.toPrecision(6)).join(', ')}), L = (${losses.map((x) => x.toPrecision(4)).join(', ')}) vs 0 at (a, b)` };
      }),
    }),
    check({
      name: 'non-convex tasks: MGDA\'s limit is Pareto optimal — fails, θ = −1 is better on both tasks', role: 'outside-condition', reference: 'impl',
      arbitrary: doubleWells, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ c1, c2, theta0 }) => {
        const [limit] = mgdaTwoTasks(wellGradient(c1), wellGradient(c2), [theta0], WELL_STEP, WELL_ITERATIONS) as [number];
        // How much the point θ = −1 improves on the limit in the task it improves least (> 0: the limit is dominated).
        const improvement = Math.min(well(c1)(limit) - well(c1)(-1), well(c2)(limit) - well(c2)(-1));
        return { value: Math.max(0, improvement), bound: tolerance({ dtypes: ctx.dtypes, operations: 8, scale: 1 }),
          note: `limit θ = ${limit.toFixed(6)}; f₁, f₂ there ${well(c1)(limit).toFixed(4)}, ${well(c2)(limit).toFixed(4)}; at θ = −1: ${well(c1)(-1).toFixed(4)}, ${well(c2)(-1).toFixed(4)}` };
      }),
    }),
  ],
});
