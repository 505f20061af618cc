// Tolerances shared by the RoPE items (float64 against float64 unless the check's dtype pair says otherwise).
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';

/**
 * A RoPE score (R_m q)ᵀ(R_n k): d/2 rotations (a cos and a sin each, of angles up to maxPosition·θ₀ = maxPosition rad, whose
 * argument rounding is relative to the angle: κ = 1 + 2·maxPosition) and a d-term dot product of terms |q_i|(|k_i| + |k_{i±1}|).
 */
export function ropeScoreTolerance(q: number[], k: number[], maxPosition: number, dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']): number {
  return tolerance({ dtypes, operations: q.length + elementary(2) + 4,
    scale: q.reduce((s, x, i) => s + Math.abs(x) * (Math.abs(k[i]!) + Math.abs(k[i ^ 1]!)), 0), condition: 1 + 2 * maxPosition });
}

/** A rotated vector R_m x, entrywise: two products and a sum per entry, of size |x_{2i}| + |x_{2i+1}|, angles as above. */
export function ropeVectorTolerance(x: number[], position: number, dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']): number {
  let scale = 0;
  for (let i = 0; i < x.length; i += 2) scale = Math.max(scale, Math.abs(x[i]!) + Math.abs(x[i + 1]!));
  return tolerance({ dtypes, operations: elementary(2) + 3, scale, condition: 1 + 2 * position });
}
