// Symmetric eigenvalue solver written from scratch: the cyclic Jacobi method.
// Jacobi is slow for large n but unconditionally convergent and accurate to a few ulps of ‖A‖ for
// symmetric input, which is what the small Hessians here (n ≤ a few dozen) need.
import { LosscheckInputError, assertMatrix, type Matrix } from './errors.ts';

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: number[];
  /** vectors[k] is the unit eigenvector of values[k]. */
  vectors: number[][];
}

const MAX_SWEEPS = 100;

export function symmetricEigen(a: Matrix): SymmetricEigen {
  assertMatrix('symmetricEigen', 'a', a, a.length, a.length);
  const n = a.length;
  let scale = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) scale = Math.max(scale, Math.abs(a[i]![j]!));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
    // Symmetry is required, up to the rounding of whoever assembled the matrix.
    if (Math.abs(a[i]![j]! - a[j]![i]!) > 64 * n * 2 ** -53 * scale) {
      throw new LosscheckInputError('symmetricEigen', 'a', `is not symmetric: a[${i}][${j}] = ${a[i]![j]} but a[${j}][${i}] = ${a[j]![i]}`);
    }
  }
  const m = a.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i]![j]! ** 2;
    // Converged once the off-diagonal mass is below rounding level of the matrix.
    if (off <= (2 ** -53 * scale) ** 2 * n) break;
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
    values: order.map((i) => m[i]![i]!),
    vectors: order.map((i) => v.map((row) => row[i]!)),
  };
}

export function symmetricEigenvalues(a: Matrix): number[] {
  return symmetricEigen(a).values;
}
