import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
import { between, taskGradients, vector } from '../../domains/index.ts';
import { euclideanNorm, mgdaTwoTasks, minNormCombination } from '../../../impl/index.ts';

const twoGradients = taskGradients({ tasks: [2, 2] }).map(([g1, g2]) => ({ g1: g1!, g2: g2! }));

// Convex tasks L_k(θ) = ½‖θ − a_k‖²: their Pareto set is the segment [a₁, a₂].
const convexTasks = fc.integer({ min: 1, max: 5 }).chain((d) => fc.record({ a1: vector(d, 2), a2: vector(d, 2), theta0: vector(d, 4) }));
// Non-convex tasks: tilted double wells f_k(θ) = θ⁴/4 − θ²/2 + c_k θ (c_k > 0 puts the global minimum near θ = −1),
// started in the basin of the local minimum near θ = +1.
const doubleWells = fc.record({ c1: between(0.1, 0.3), c2: between(0.1, 0.3), theta0: between(0.5, 1.5) });
const well = (c: number) => (t: number) => t ** 4 / 4 - t ** 2 / 2 + c * t;
const wellGradient = (c: number) => (t: number[]) => [t[0]! ** 3 - t[0]! + c];

/** Distance from θ to the segment [a₁, a₂]. */
function distanceToSegment(theta: number[], a1: number[], a2: number[]): number {
  const u = a2.map((x, i) => x - a1[i]!), uu = u.reduce((s, x) => s + x * x, 0);
  const t = uu === 0 ? 0 : Math.min(1, Math.max(0, theta.reduce((s, x, i) => s + (x - a1[i]!) * u[i]!, 0) / uu));
  return euclideanNorm(theta.map((x, i) => x - a1[i]! - t * u[i]!));
}

// Convex case with η = ½: one MGDA step moves θ halfway to its projection on [a₁, a₂] (the min-norm point of
// {θ − a₁, θ − a₂} is θ − proj(θ)), so the distance halves; 120 steps shrink any start here (distance ≤ 20) below 10⁻³⁰.
const CONVEX_STEP = 0.5, CONVEX_ITERATIONS = 120;
// Double wells: f'' ≈ 2 near the local minima, so η = 0.1 contracts by 0.8 per step; 2000 steps reach rounding level.
const WELL_STEP = 0.1, WELL_ITERATIONS = 2000;

export default defineItem({
  id: 'mgda-pareto-front', kind: 'claim', section: '4.3.4',
  quote: 'Multi-Task Gradient Descent** 可以确保优化过程收敛到帕累托前沿',
  statement: 'Multi-task gradient descent (MGDA) drives optimisation to the Pareto front: its min-norm direction is a common descent direction, and its limit is Pareto optimal.',
  condition: 'convex task losses: MGDA converges to Pareto-stationary points, which are Pareto optimal only when the tasks are convex; with non-convex losses it can stop at a dominated point',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'min-norm point d of [g₁, g₂]: d·g₁ ≥ ‖d‖² and d·g₂ ≥ ‖d‖² (−d descends on both tasks unless d = 0)', role: 'claim', oracle: IMPL_F64,
      arbitrary: twoGradients, runs: 'default',
      evaluate: (cs) => cs.map(({ g1, g2 }) => {
        const { direction: d } = minNormCombination(g1, g2);
        const dd = d.reduce((s, x) => s + x * x, 0);
        const shortfall = Math.max(...[g1, g2].map((g) => dd - d.reduce((s, x, i) => s + x * g[i]!, 0)));
        // d-term dot products of terms ≤ ‖g‖², after forming γ (a d-term ratio) and d.
        const scale = Math.max(euclideanNorm(g1), euclideanNorm(g2)) ** 2;
        return { value: Math.max(0, shortfall), bound: tolerance({ dtypes: ['float64', 'float64'], operations: 3 * g1.length + 6, scale }),
          note: `‖d‖² = ${dd.toPrecision(4)}` };
      }),
    }),
    check({
      name: 'MGDA converges to a Pareto-stationary point (min-norm direction ≈ 0) also for non-convex double wells', role: 'claim', oracle: IMPL_F64,
      arbitrary: doubleWells, runs: 'default',
      evaluate: (cs) => cs.map(({ c1, c2, theta0 }) => {
        const limit = mgdaTwoTasks(wellGradient(c1), wellGradient(c2), [theta0], WELL_STEP, WELL_ITERATIONS);
        const { direction } = minNormCombination(wellGradient(c1)(limit), wellGradient(c2)(limit));
        // f' = θ³ − θ + c: 4 roundings, terms ≤ |θ|³ + |θ| + c.
        const t = Math.abs(limit[0]!);
        return { value: Math.abs(direction[0]!), bound: tolerance({ dtypes: ['float64', 'float64'], operations: 8, scale: t ** 3 + t + 1 }) };
      }),
    }),
    check({
      name: 'convex tasks: MGDA\'s limit lies on the Pareto set [a₁, a₂] of L_k = ½‖θ − a_k‖²', role: 'condition', oracle: IMPL_F64,
      arbitrary: convexTasks, runs: 'default',
      evaluate: (cs) => cs.map(({ a1, a2, theta0 }) => {
        const limit = mgdaTwoTasks((t) => t.map((x, i) => x - a1[i]!), (t) => t.map((x, i) => x - a2[i]!), theta0, CONVEX_STEP, CONVEX_ITERATIONS);
        // Each step's roundings are halved by the next; a few d-term dot products at scale max|a|, |θ|.
        const scale = Math.max(...a1.map(Math.abs), ...a2.map(Math.abs), ...limit.map(Math.abs), 1);
        return { value: distanceToSegment(limit, a1, a2), bound: tolerance({ dtypes: ['float64', 'float64'], operations: 2 * (4 * a1.length + 6), scale }) };
      }),
    }),
    check({
      name: 'non-convex tasks: MGDA\'s limit is Pareto optimal — fails, θ = −1 is better on both tasks', role: 'outside-condition', oracle: IMPL_F64,
      arbitrary: doubleWells, runs: 'default',
      evaluate: (cs) => cs.map(({ c1, c2, theta0 }) => {
        const [limit] = mgdaTwoTasks(wellGradient(c1), wellGradient(c2), [theta0], WELL_STEP, WELL_ITERATIONS) as [number];
        // How much the point θ = −1 improves on the limit in the task it improves least (> 0: the limit is dominated).
        const improvement = Math.min(well(c1)(limit) - well(c1)(-1), well(c2)(limit) - well(c2)(-1));
        return { value: Math.max(0, improvement), bound: tolerance({ dtypes: ['float64', 'float64'], operations: 8, scale: 1 }),
          note: `limit θ = ${limit.toFixed(6)}; f₁, f₂ there ${well(c1)(limit).toFixed(4)}, ${well(c2)(limit).toFixed(4)}; at θ = −1: ${well(c1)(-1).toFixed(4)}, ${well(c2)(-1).toFixed(4)}` };
      }),
    }),
  ],
});
