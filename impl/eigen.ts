// Symmetric eigenvalue solver written from scratch: the cyclic Jacobi method.
// Jacobi is slow for large n but unconditionally convergent and accurate to a few ulps of ‖A‖ for
// symmetric input, which is what the small Hessians here (n ≤ a few dozen) need.
import { LosscheckInputError, assertMatrix, assertSquare, type Matrix } from './errors.ts';

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: number[];
  /** vectors[k] is the unit eigenvector of values[k]. */
  vectors: number[][];
}

const MAX_SWEEPS = 100;

export function symmetricEigen(a: Matrix): SymmetricEigen {
  return jacobi('symmetricEigen', a);
}

/** Eigenvalues only, ascending. */
export function symmetricEigenvalues(a: Matrix): number[] {
  return jacobi('symmetricEigenvalues', a).values;
}

function jacobi(fn: string, a: Matrix): SymmetricEigen {
  assertMatrix(fn, 'a', a);
  assertSquare(fn, 'a', a);
  const n = a.length;
  let scale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(a[i]![j]!));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
    // Symmetry is required, up to the rounding of whoever assembled the matrix.
    if (Math.abs(a[i]![j]! - a[j]![i]!) > 64 * n * 2 ** -53 * scale) {
      throw new LosscheckInputError(fn, 'a', `is not symmetric: a[${i}][${j}] = ${a[i]![j]} but a[${j}][${i}] = ${a[j]![i]}`);
    }
  }
  // Work on a/2^e with 2^e ≈ max|a_ij|, so entries are ≤ 1 in magnitude: the convergence test sums
  // squares of entries, which would underflow to 0 (stopping before any rotation) for entries below
  // ~1e-154 and overflow to ∞ (never converging) above ~1e154. Powers of two scale without rounding.
  // (Capped at 2^1023, since 2^1024 is ∞ in float64; entries then stay ≤ 2.)
  const unit = scale === 0 ? 1 : 2 ** Math.min(1023, Math.ceil(Math.log2(scale)));
  const m = a.map((row) => row.map((x) => x / unit));
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i]![j]! ** 2;
    // Converged once the off-diagonal mass is below rounding level of the (scaled, ≤ 1) matrix.
    if (off <= 2 ** -106 * n) break;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) {
      const apq = m[p]![q]!;
      if (apq === 0) continue;
      const app = m[p]![p]!, aqq = m[q]![q]!;
      const theta = (aqq - app) / (2 * apq);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < n; k++) {
        const mkp = m[k]![p]!, mkq = m[k]![q]!;
        m[k]![p] = c * mkp - s * mkq;
        m[k]![q] = s * mkp + c * mkq;
      }
      for (let k = 0; k < n; k++) {
        const mpk = m[p]![k]!, mqk = m[q]![k]!;
        m[p]![k] = c * mpk - s * mqk;
        m[q]![k] = s * mpk + c * mqk;
      }
      for (let k = 0; k < n; k++) {
        const vkp = v[k]![p]!, vkq = v[k]![q]!;
        v[k]![p] = c * vkp - s * vkq;
        v[k]![q] = s * vkp + c * vkq;
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[i]![i]! - m[j]![j]!);
  return {
    values: order.map((i) => m[i]![i]! * unit),
    vectors: order.map((i) => v.map((row) => row[i]!)),
  };
}
