// Shared by the natural-gradient items: G⁻¹g by an independent solver (ml-matrix LU with pivoting, the
// oracle) and the float64 tolerance of a quantity computed through a solve with G.
import { tolerance, type Dtype } from '../engine/tolerance.ts';
import { solveLinear } from '../../oracles/linalg.ts';

export const SOLVE_ORACLE = 'ml-matrix LU solve (float64)';
export const solveWith = (G: number[][], g: number[]) => solveLinear(G, g);
export const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
export const norm = (a: number[]) => Math.hypot(...a);

/**
 * A backward-stable float64 solve of G x = g has a backward error of γ_{cn} relative to G, hence a forward
 * error of κ(G)·γ_{cn}·‖x‖ (Higham §7.1–7.2): the condition number multiplies the rounding count, so it
 * enters the scale. n² + 2n roundings cover assembling G and the products with the result; `scale` is the
 * size of the terms the compared quantity is built from; `dtypes` the pair compared (both float64 unless a check's
 * ctx.dtypes says otherwise).
 */
export function solveTolerance(n: number, condition: number, scale: number, dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']): number {
  return tolerance({ dtypes, operations: n * n + 2 * n, scale: scale * condition });
}
