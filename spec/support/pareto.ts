// Weighted-sum minimisers of the multi-task problems of spec/domains/pareto.ts, the task losses, and the
// measurement "does y Pareto-dominate the minimiser x*?" with its rounding allowance.
import { tolerance, type Dtype } from '../engine/tolerance.ts';
import { solveLinear } from '../../oracles/linalg.ts';
import type { ParetoTasks, WeightedParetoCase } from '../domains/pareto.ts';

const F64 = ['float64', 'float64'] as const;

/** L_k(θ) for every task. */
export function taskLosses(tasks: ParetoTasks, theta: number[]): number[] {
  if (tasks.kind === 'double-well') return tasks.c.map((c) => theta[0]! ** 4 / 4 - theta[0]! ** 2 / 2 + c * theta[0]!);
  return tasks.A.map((A, k) => {
    const r = theta.map((t, i) => t - tasks.a[k]![i]!);
    return 0.5 * r.reduce((s, ri, i) => s + ri * A[i]!.reduce((t, aij, j) => t + aij * r[j]!, 0), 0);
  });
}

/** Rounding allowance of each L_k(θ) (float64, evaluated twice: at x* and at y). */
export function taskLossTolerances(tasks: ParetoTasks, theta: number[], dtypes: readonly [Dtype, Dtype] = F64): number[] {
  if (tasks.kind === 'double-well') {
    const t = Math.abs(theta[0]!);
    return tasks.c.map((c) => tolerance({ dtypes, operations: 8, scale: t ** 4 / 4 + t ** 2 / 2 + Math.abs(c * t) }));
  }
  return tasks.A.map((A, k) => {
    const r = theta.map((t, i) => Math.abs(t - tasks.a[k]![i]!)), sum = r.reduce((s, x) => s + x, 0);
    const aMax = Math.max(...A.flat().map(Math.abs));
    return tolerance({ dtypes, operations: tasks.A[0]!.length * 2 + 4, scale: 0.5 * aMax * sum * sum, condition: 2 });
  });
}

/**
 * The global minimiser x* of Σ_k w_k L_k, and `slack`: how far F(x*) may lie above the true minimum F(θ̂)
 * because x* is computed (an ml-matrix solve for quadratics, Newton on the cubic F' = 0 for the wells),
 * as a function of the probe step δ = y − x* (for quadratics F(y) − F(x*) = gᵀδ + ½δᵀHδ ≥ −|gᵀδ|).
 */
export function weightedMinimiser(tasks: ParetoTasks, w: number[]): { xStar: number[]; slack: (delta: number[]) => number } {
  if (tasks.kind === 'quadratic') {
    const d = tasks.d;
    const H = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => tasks.A.reduce((s, A, k) => s + w[k]! * A[i]![j]!, 0)));
    const rhs = Array.from({ length: d }, (_, i) => tasks.A.reduce((s, A, k) => s + w[k]! * A[i]!.reduce((t, aij, j) => t + aij * tasks.a[k]![j]!, 0), 0));
    const xStar = solveLinear(H, rhs);
    const g = H.map((row, i) => row.reduce((s, h, j) => s + h * xStar[j]!, 0) - rhs[i]!);
    return { xStar, slack: (delta) => Math.abs(g.reduce((s, gi, i) => s + gi * delta[i]!, 0)) };
  }
  // F(θ) = W(θ⁴/4 − θ²/2) + Cθ. With |C/W| ≤ 0.3 < 2/(3√3), F' = W(θ³ − θ) + C has three real roots and the
  // global minimum is the outer root on the side opposite the tilt; Newton from ∓2 reaches it monotonically
  // (F' is concave on θ < 0 and convex on θ > 0).
  const W = w.reduce((s, x) => s + x, 0), C = tasks.c.reduce((s, c, k) => s + w[k]! * c, 0);
  if (C === 0) return { xStar: [1], slack: () => 0 }; // two equal wells: ±1 are both global minimisers, exactly
  const fPrime = (t: number) => W * (t ** 3 - t) + C;
  let t = C > 0 ? -2 : 2;
  for (let i = 0; i < 200; i++) {
    const next = t - fPrime(t) / (W * (3 * t * t - 1));
    if (next === t) break;
    t = next;
  }
  // F(x*) − F(θ̂) ≤ F'(x*)²/(2m), m = F''(θ̂) ≥ F''(x*)/2 near the well's bottom: charge F'(x*)²/F''(x*).
  const curvature = W * (3 * t * t - 1), residual = fPrime(t);
  return { xStar: [t], slack: () => residual * residual / curvature };
}

/** y = x* + 10^{log10Step}·direction. */
export const probe = (xStar: number[], c: WeightedParetoCase) => xStar.map((x, i) => x + 10 ** c.log10Step * c.direction[i]!);

export interface DominationMeasurement {
  /** max_k (L_k(x*) − L_k(y)) when y is at least as good as x* in every task (within rounding), else 0. */
  domination: number;
  /** The largest domination rounding and the solve residual allow at a true global minimiser of Σ w_k L_k. */
  dominationBound: number;
  /** max(0, −Σ_k w_k (L_k(y) − L_k(x*))): how far y undercuts x* in the weighted sum. */
  undercut: number;
  /** The rounding allowance of that weighted sum, plus the solve slack. */
  undercutBound: number;
  note: string;
}

/**
 * Whether y dominates the weighted-sum minimiser x*. The bound on `domination` follows from minimality:
 * Σ_j w_j ΔL_j ≥ −slack with ΔL_j ≤ tol_j for every j gives −ΔL_i ≤ (slack + Σ_j w_j tol_j)/w_i.
 */
export function dominationOf(c: WeightedParetoCase, dtypes: readonly [Dtype, Dtype] = F64): DominationMeasurement {
  const { xStar, slack } = weightedMinimiser(c.tasks, c.w);
  const y = probe(xStar, c), delta = y.map((v, i) => v - xStar[i]!);
  const atStar = taskLosses(c.tasks, xStar), atY = taskLosses(c.tasks, y);
  const tolStar = taskLossTolerances(c.tasks, xStar, dtypes), tolY = taskLossTolerances(c.tasks, y, dtypes);
  const tol = tolStar.map((t, k) => t + tolY[k]!);
  const change = atY.map((l, k) => l - atStar[k]!);
  const asGood = change.every((dl, k) => dl <= tol[k]!);
  const domination = asGood ? Math.max(...change.map((dl) => -dl)) : 0;
  const weightedTol = tol.reduce((s, t, k) => s + c.w[k]! * t, 0);
  const s = slack(delta);
  const weighted = change.reduce((acc, dl, k) => acc + c.w[k]! * dl, 0);
  return {
    domination, dominationBound: (s + weightedTol) / Math.min(...c.w) + Math.max(...tol),
    undercut: Math.max(0, -weighted), undercutBound: s + weightedTol + tolerance({ dtypes, operations: c.w.length + 2, scale: c.w.reduce((acc, wk, k) => acc + wk * (Math.abs(atY[k]!) + Math.abs(atStar[k]!)), 0) }),
    note: `${c.tasks.kind}, |y − x*| ~ 1e${c.log10Step.toFixed(1)}: ΔL = [${change.map((x) => x.toExponential(2)).join(', ')}], Σ w ΔL = ${weighted.toExponential(2)}`,
  };
}
