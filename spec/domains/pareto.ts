// Generators for Pareto-optimality items: multi-task problems whose weighted-sum minimiser is computable
// (convex quadratic tasks in R^d; tilted double wells in R, non-convex), positive task weights, and probe
// points around the minimiser at scales from 10⁻⁴ to 10.
import fc from 'fast-check';
import { between, matrix, real, vector } from './index.ts';

/** The smallest eigenvalue the quadratic tasks' A_k can have (A_k = M_kM_kᵀ/d + QUADRATIC_EIGENVALUE_FLOOR·I). */
export const QUADRATIC_EIGENVALUE_FLOOR = 0.1;

/** Convex quadratic tasks L_k(θ) = ½(θ − a_k)ᵀA_k(θ − a_k), A_k = M_kM_kᵀ/d + ⅒I (eigenvalues ≥ ⅒). */
export interface QuadraticTasks { kind: 'quadratic'; d: number; A: number[][][]; a: number[][] }
/** Non-convex tasks f_k(θ) = θ⁴/4 − θ²/2 + c_kθ on R: two wells near ±1, tilted by c_k. */
export interface DoubleWellTasks { kind: 'double-well'; c: number[] }
export type ParetoTasks = QuadraticTasks | DoubleWellTasks;

export function quadraticTasks(k: number, dRange: [number, number] = [1, 4]): fc.Arbitrary<QuadraticTasks> {
  return fc.integer({ min: dRange[0], max: dRange[1] }).chain((d) => fc.record({
    M: fc.array(matrix(d, d, 1), { minLength: k, maxLength: k }),
    a: fc.array(vector(d, 3), { minLength: k, maxLength: k }),
  }).map(({ M, a }) => ({
    kind: 'quadratic' as const, d, a,
    A: M.map((m) => m.map((ri, i) => m.map((rj, j) => ri.reduce((s, x, l) => s + x * rj[l]!, 0) / d + (i === j ? QUADRATIC_EIGENVALUE_FLOOR : 0)))),
  })));
}

export function doubleWellTasks(k: number): fc.Arbitrary<DoubleWellTasks> {
  return fc.array(real(0.3), { minLength: k, maxLength: k }).map((c) => ({ kind: 'double-well' as const, c }));
}

/** K ∈ [2, 4] tasks of either family, positive weights w_k ∈ [0.1, 10], and a probe direction with a log-uniform scale. */
export interface WeightedParetoCase { tasks: ParetoTasks; w: number[]; direction: number[]; log10Step: number }
export function weightedParetoCase(): fc.Arbitrary<WeightedParetoCase> {
  return fc.integer({ min: 2, max: 4 }).chain((k) =>
    fc.oneof(quadraticTasks(k), doubleWellTasks(k)).chain((tasks) => fc.record({
      tasks: fc.constant(tasks),
      w: fc.array(between(0.1, 10), { minLength: k, maxLength: k }),
      direction: vector(tasks.kind === 'quadratic' ? tasks.d : 1, 1).filter((v) => v.some((x) => x !== 0)),
      log10Step: between(-4, 1),
    })));
}
