// The typed-array symmetric eigensolver (oracles/symmetricEigen.ts) against what a symmetric EVD must
// satisfy: known spectra (the qualification matrices, including the 40×40 Kronecker-structured ones),
// residuals ‖Av − λv‖, orthonormal eigenvectors, trace = Σλ, exact scaling by powers of two, agreement
// with ml-matrix, and values without vectors equal (bit for bit) to the values with them.
import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { symmetricEigenFlat, symmetricEigenvaluesFlat } from '../../oracles/symmetricEigen.ts';
import { KRONECKER_CASES, matrixWithSpectrum, spectrumQualificationCases } from '../../oracles/linalg.ts';
import { mulberry32 } from '../../oracles/random.ts';
import { tolerance } from '../../spec/engine/tolerance.ts';

/** Backward-stable symmetric eigensolvers: errors ≤ p(n)·u·‖A‖, p(n) = n² roundings charged (as the qualification). */
const eigenTolerance = (n: number, norm: number) => tolerance({ dtypes: ['float64', 'float64'], operations: n * n, scale: norm });
const maxAbs = (a: ArrayLike<number>) => { let m = 0; for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!)); return m; };

function randomSymmetric(n: number, seed: number, scale = 1): Float64Array {
  const r = mulberry32(seed), a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) { const x = (2 * r() - 1) * scale; a[i * n + j] = x; a[j * n + i] = x; }
  return a;
}

describe('tridiagonal QL on flat typed arrays', () => {
  const cases = spectrumQualificationCases(45, 11);

  it('reproduces known spectra (rank-deficient, clustered, 16 decades, 40×40 Kronecker-structured)', () => {
    expect(cases.filter((c) => c.kind.startsWith('kronecker'))).toHaveLength(KRONECKER_CASES);
    for (const c of cases) {
      const n = c.trueSpectrum.length, norm = Math.max(...c.trueSpectrum.map(Math.abs));
      const got = symmetricEigenvaluesFlat(c.matrix.flat(), n);
      const err = Math.max(...c.trueSpectrum.map((l, i) => Math.abs(got[i]! - l)));
      expect(err, `${c.kind}, n = ${n}`).toBeLessThanOrEqual(eigenTolerance(n, norm));
    }
  });

  it('eigenvectors: residual ‖Av − λv‖, orthonormality, trace = Σλ; values alone are the same bits', () => {
    const matrices = [...cases.map((c) => Float64Array.from(c.matrix.flat())), ...[1, 2, 3, 7, 16, 40].map((n) => randomSymmetric(n, n))];
    for (const a of matrices) {
      const n = Math.round(Math.sqrt(a.length)), norm = maxAbs(a), tol = eigenTolerance(n, Math.max(norm, Number.MIN_VALUE) * n);
      const { values, vectors } = symmetricEigenFlat(a, n);
      for (let k = 0; k < n; k++) {
        let residual = 0;
        for (let i = 0; i < n; i++) {
          let av = 0;
          for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors![k * n + j]!;
          residual = Math.max(residual, Math.abs(av - values[k]! * vectors![k * n + i]!));
        }
        expect(residual, `n = ${n}, λ_${k}`).toBeLessThanOrEqual(tol);
        for (let l = 0; l <= k; l++) {
          let dot = 0;
          for (let i = 0; i < n; i++) dot += vectors![k * n + i]! * vectors![l * n + i]!;
          expect(Math.abs(dot - (k === l ? 1 : 0)), `n = ${n}, v_${k}·v_${l}`).toBeLessThanOrEqual(eigenTolerance(n, 1));
        }
      }
      let trace = 0, sum = 0;
      for (let i = 0; i < n; i++) { trace += a[i * n + i]!; sum += values[i]!; }
      expect(Math.abs(trace - sum)).toBeLessThanOrEqual(tol);
      for (let k = 1; k < n; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
      expect(Array.from(symmetricEigenvaluesFlat(a, n))).toEqual(Array.from(values));
    }
  });

  it('agrees with ml-matrix (the same tred2/tql2 algorithm) on 40×40 matrices', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const a = randomSymmetric(40, 100 + seed);
      const nested = Array.from({ length: 40 }, (_, i) => Array.from(a.subarray(i * 40, (i + 1) * 40)));
      const ml = [...new EigenvalueDecomposition(new Matrix(nested), { assumeSymmetric: true }).realEigenvalues].sort((x, y) => x - y);
      const got = symmetricEigenvaluesFlat(a, 40);
      expect(Math.max(...ml.map((l, i) => Math.abs(l - got[i]!)))).toBeLessThanOrEqual(eigenTolerance(40, maxAbs(a) * 40));
    }
  });

  it('scales exactly by powers of two, from 2⁻¹⁰⁰⁰ to 2¹⁰⁰⁰ (no overflow or underflow in the iteration)', () => {
    const a = Float64Array.from(matrixWithSpectrum([3, 1, 0.5, 0, 1e-8], 5).flat());
    const base = symmetricEigenvaluesFlat(a, 5);
    for (const p of [-1000, -500, 500, 1000]) {
      const scaled = symmetricEigenvaluesFlat(a.map((x) => x * 2 ** p), 5);
      expect(Array.from(scaled)).toEqual(Array.from(base, (l) => l * 2 ** p));
    }
  });

  it('small and special cases: 1×1, the zero matrix, a diagonal matrix, [[2, 1], [1, 2]], float32 and number[] input, out', () => {
    expect(Array.from(symmetricEigenvaluesFlat([-3.5], 1))).toEqual([-3.5]);
    expect(Array.from(symmetricEigenvaluesFlat(new Float64Array(9), 3))).toEqual([0, 0, 0]);
    expect(Array.from(symmetricEigenvaluesFlat([4, 0, 0, 0, -1, 0, 0, 0, 2], 3))).toEqual([-1, 2, 4]);
    const two = symmetricEigenvaluesFlat(new Float32Array([2, 1, 1, 2]), 2);
    expect(Math.abs(two[0]! - 1)).toBeLessThanOrEqual(eigenTolerance(2, 3));
    expect(Math.abs(two[1]! - 3)).toBeLessThanOrEqual(eigenTolerance(2, 3));
    const out = new Float64Array(2);
    expect(symmetricEigenvaluesFlat([2, 1, 1, 2], 2, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(two));
  });
});
