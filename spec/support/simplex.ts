// Shared by the §4.3.3 simplex items: the set of 4.3.17 as printed (with the slack that a computed
// Σ p_i needs) and the affine dimension of a point set, measured with the qualified eigenvalue oracle.
import type { RunContext } from '../engine/item.ts';
import { tolerance } from '../engine/tolerance.ts';

/** 4.3.17 as printed: p_i ≥ 0 for every i and Σ p_i = 1 (to within `slack`, the rounding of the sum). */
export function inPrintedSimplex(p: readonly number[], slack: number): boolean {
  return p.every((pi) => pi >= 0) && Math.abs(p.reduce((s, pi) => s + pi, 0) - 1) <= slack;
}

/** The rounding of a float64 sum of C entries of size ≤ 1 (each entry itself carrying one rounding). */
export const simplexSumSlack = (C: number) => tolerance({ dtypes: ['float64', 'float64'], operations: C, scale: 1 });

export interface AffineDimension {
  dimension: number;
  /** Eigenvalues of the centred scatter matrix Σ_k (p_k − p̄)(p_k − p̄)ᵀ, ascending. */
  eigenvalues: number[];
  /** Eigenvalues at or below this are rounding noise: the scatter is assembled from K·C² products of entries ≤ 1. */
  threshold: number;
}

/** Dimension of the affine hull of the points: the number of scatter eigenvalues above rounding level. */
export function affineDimension(points: number[][], ctx: RunContext): AffineDimension {
  const K = points.length, C = points[0]!.length;
  const mean = Array.from({ length: C }, (_, i) => points.reduce((s, p) => s + p[i]!, 0) / K);
  const scatter = Array.from({ length: C }, (_, i) => Array.from({ length: C }, (_, j) =>
    points.reduce((s, p) => s + (p[i]! - mean[i]!) * (p[j]! - mean[j]!), 0)));
  for (let i = 0; i < C; i++) for (let j = 0; j < i; j++) scatter[i]![j] = scatter[j]![i]!;
  const eigenvalues = ctx.eigen.values(scatter);
  // Entries are sums of K products of centred coordinates (|·| ≤ 1); the eigen solver adds C² roundings of ‖S‖ ≤ K.
  const threshold = tolerance({ dtypes: ['float64', 'float64'], operations: K + C * C, scale: K });
  return { dimension: eigenvalues.filter((l) => l > threshold).length, eigenvalues, threshold };
}
