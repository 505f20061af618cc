// impl/'s own linear algebra against independent references: the Jacobi eigensolver against ml-matrix's
// symmetric EVD (tred2 + tql2) and against the defining identities (residual ‖Av − λv‖, orthonormal
// eigenvectors, trace = Σλ), the Cholesky solve against ml-matrix's LU solve and its residual, and the
// products (matMul, matVec, kron, gram, outer, transpose) against ml-matrix and their index definitions.
// Tolerances are backward-error bounds from tolerance.ts with the problem size as the rounding count.
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { EigenvalueDecomposition, Matrix, solve } from 'ml-matrix';
import * as impl from '../../impl/index.ts';
import { matrix, vector } from '../../spec/domains/index.ts';
import { tolerance } from '../../spec/engine/tolerance.ts';
import { configFromEnv } from '../../spec/engine/config.ts';

const RUNS = { numRuns: 200, seed: configFromEnv().seed };
const f64 = ['float64', 'float64'] as const;
const maxAbs = (m: readonly (readonly number[])[]) => Math.max(0, ...m.flat().map(Math.abs));

/** A symmetric n×n matrix with entries in [−range, range] (the upper triangle mirrored). */
const symmetric = (lo: number, hi: number, range = 4) => fc.integer({ min: lo, max: hi }).chain((n) => matrix(n, n, range))
  .map((m) => m.map((row, i) => row.map((x, j) => (j < i ? m[j]![i]! : x))));

/** A symmetric positive definite matrix BᵀB + δI, δ ∈ [0.1, 1] so its condition number stays moderate. */
const spd = (lo: number, hi: number) => fc.integer({ min: lo, max: hi }).chain((n) => fc.record({ b: matrix(n, n, 2), rhs: vector(n, 3), delta: fc.integer({ min: 1, max: 10 }) })
  .map(({ b, rhs, delta }) => ({ a: impl.addMatrices(impl.gram(b), impl.scaleMatrix(impl.identity(n), delta / 10)), rhs })));

describe('symmetricEigen (cyclic Jacobi) on random symmetric matrices', () => {
  test.prop([symmetric(1, 8)], RUNS)('eigenvalues match ml-matrix; residual, orthonormality and trace hold', (a) => {
    const n = a.length, norm = Math.max(maxAbs(a), Number.MIN_VALUE) * n;
    const { values, vectors } = impl.symmetricEigen(a);
    // Backward-stable symmetric eigensolvers: |λ̂ − λ| ≤ p(n)·u·‖A‖ with p(n) = n² roundings charged.
    const tol = tolerance({ dtypes: f64, operations: n * n, scale: norm });
    const reference = [...new EigenvalueDecomposition(new Matrix(a.map((r) => [...r])), { assumeSymmetric: true }).realEigenvalues].sort((x, y) => x - y);
    values.forEach((l, k) => expect(Math.abs(l - reference[k]!), `λ_${k}`).toBeLessThanOrEqual(tol));
    for (let k = 1; k < n; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
    vectors.forEach((v, k) => {
      const av = impl.matVec(a, v);
      av.forEach((x, i) => expect(Math.abs(x - values[k]! * v[i]!), `(Av − λv)_${i} for λ_${k}`).toBeLessThanOrEqual(tol));
      vectors.forEach((w, l) => expect(Math.abs(impl.dot(v, w) - (k === l ? 1 : 0)), `v_${k}·v_${l}`).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: n * n, scale: 1 })));
    });
    const trace = a.reduce((s, row, i) => s + row[i]!, 0);
    expect(Math.abs(values.reduce((s, l) => s + l, 0) - trace)).toBeLessThanOrEqual(tol);
  });
  test.prop([fc.integer({ min: 1, max: 6 }), fc.integer({ min: -5, max: 5 })], RUNS)('a multiple of the identity is returned exactly', (n, c) => {
    const { values, vectors } = impl.symmetricEigen(impl.scaleMatrix(impl.identity(n), c));
    expect(values).toEqual(Array.from({ length: n }, () => c));
    expect(vectors).toEqual(impl.identity(n));
  });
  test('a 2×2 with a known spectrum: [[2, 1], [1, 2]] has λ = 1, 3 with eigenvectors (1, ∓1)/√2', () => {
    const { values, vectors } = impl.symmetricEigen([[2, 1], [1, 2]]);
    const tol = tolerance({ dtypes: f64, operations: 8, scale: 3 });
    expect(Math.abs(values[0]! - 1)).toBeLessThanOrEqual(tol);
    expect(Math.abs(values[1]! - 3)).toBeLessThanOrEqual(tol);
    expect(Math.abs(Math.abs(vectors[0]![0]!) - Math.SQRT1_2)).toBeLessThanOrEqual(tol);
    expect(vectors[0]![0]! * vectors[0]![1]!).toBeLessThan(0);
    expect(vectors[1]![0]! * vectors[1]![1]!).toBeGreaterThan(0);
  });
  test('symmetricEigenvalues is the values of symmetricEigen; the zero matrix has only zero eigenvalues', () => {
    const a = [[1, 2, 0], [2, -1, 3], [0, 3, 0.5]];
    expect(impl.symmetricEigenvalues(a)).toEqual(impl.symmetricEigen(a).values);
    expect(impl.symmetricEigenvalues([[0, 0], [0, 0]])).toEqual([0, 0]);
  });
  test('symmetry is checked up to assembly rounding: a relative 2⁻⁵³ asymmetry passes, 10⁻⁶ does not', () => {
    expect(() => impl.symmetricEigen([[1, 0.5], [0.5 * (1 + 2 ** -52), 1]])).not.toThrow();
    expect(() => impl.symmetricEigen([[1, 0.5], [0.5 + 1e-6, 1]])).toThrow(/not symmetric/);
  });
});

describe('solveSpd (Cholesky)', () => {
  test.prop([spd(1, 7)], RUNS)('agrees with ml-matrix LU and leaves a small residual', ({ a, rhs }) => {
    const n = a.length;
    const x = impl.solveSpd(a, rhs);
    const reference = solve(new Matrix(a), Matrix.columnVector(rhs)).getColumn(0);
    // Forward error ≤ κ(A)·(backward error); κ ≤ ‖A‖/δ with δ ≥ 0.1 the smallest eigenvalue.
    const eig = impl.symmetricEigenvalues(a);
    const kappa = eig[n - 1]! / eig[0]!;
    const xNorm = Math.max(...reference.map(Math.abs), 1);
    const tol = tolerance({ dtypes: f64, operations: 3 * n * n, scale: xNorm, condition: kappa * n });
    x.forEach((xi, i) => expect(Math.abs(xi - reference[i]!), `x_${i}`).toBeLessThanOrEqual(tol));
    const residual = impl.matVec(a, x).map((v, i) => Math.abs(v - rhs[i]!));
    const rTol = tolerance({ dtypes: f64, operations: 3 * n * n, scale: maxAbs(a) * xNorm * n + Math.max(...rhs.map(Math.abs)) });
    residual.forEach((r) => expect(r).toBeLessThanOrEqual(rTol));
  });
  test('solves a diagonal system with square pivots exactly and rejects a singular PSD matrix', () => {
    expect(impl.solveSpd([[4, 0], [0, 0.25]], [2, 1])).toEqual([0.5, 4]); // √4, √¼ and the divisions are exact
    expect(() => impl.solveSpd([[1, 1], [1, 1]], [1, 1])).toThrow(/not positive definite \(pivot 1 is 0\)/);
  });
});

describe('products and shapes', () => {
  const dims = fc.record({ n: fc.integer({ min: 1, max: 4 }), k: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }) });
  const pair = dims.chain(({ n, k, m }) => fc.record({ a: matrix(n, k, 3), b: matrix(k, m, 3) }));
  test.prop([pair], RUNS)('matMul: n×k times k×m is n×m and matches ml-matrix', ({ a, b }) => {
    const c = impl.matMul(a, b);
    expect([c.length, c[0]!.length]).toEqual([a.length, b[0]!.length]);
    const reference = new Matrix(a).mmul(new Matrix(b)).to2DArray();
    const tol = tolerance({ dtypes: f64, operations: b.length, scale: b.length * 9 });
    c.forEach((row, i) => row.forEach((x, j) => expect(Math.abs(x - reference[i]![j]!)).toBeLessThanOrEqual(tol)));
  });
  test.prop([pair], RUNS)('matVec is matMul with a column; transpose swaps indices; (AB)ᵀ = BᵀAᵀ exactly', ({ a, b }) => {
    const column = b.map((row) => row[0]!);
    expect(impl.matVec(a, column)).toEqual(impl.matMul(a, column.map((x) => [x])).map((row) => row[0]!));
    const t = impl.transpose(a);
    expect([t.length, t[0]!.length]).toEqual([a[0]!.length, a.length]);
    t.forEach((row, j) => row.forEach((x, i) => expect(x).toBe(a[i]![j]!)));
    expect(impl.transpose(impl.matMul(a, b))).toEqual(impl.matMul(impl.transpose(b), impl.transpose(a)));
  });
  test.prop([dims.chain(({ n, k, m }) => fc.record({ a: matrix(n, k, 3), b: matrix(m, n, 3) }))], RUNS)('kron: (rA·rB)×(cA·cB), block (i, j) is A_ij·B, matches ml-matrix', ({ a, b }) => {
    const c = impl.kron(a, b);
    const [ra, ca, rb, cb] = [a.length, a[0]!.length, b.length, b[0]!.length];
    expect([c.length, c[0]!.length]).toEqual([ra * rb, ca * cb]);
    for (let i = 0; i < ra; i++) for (let j = 0; j < ca; j++) for (let k = 0; k < rb; k++) for (let l = 0; l < cb; l++) {
      expect(c[i * rb + k]![j * cb + l]).toBe(a[i]![j]! * b[k]![l]!);
    }
    expect(c).toEqual(new Matrix(a).kroneckerProduct(new Matrix(b)).to2DArray());
  });
  test.prop([dims.chain(({ n, k }) => matrix(n, k, 3))], RUNS)('gram XᵀX: symmetric d×d, matches ml-matrix', (x) => {
    const g = impl.gram(x);
    const reference = new Matrix(x).transpose().mmul(new Matrix(x)).to2DArray();
    const tol = tolerance({ dtypes: f64, operations: x.length, scale: x.length * 9 });
    expect([g.length, g[0]!.length]).toEqual([x[0]!.length, x[0]!.length]);
    g.forEach((row, i) => row.forEach((v, j) => { expect(v).toBe(g[j]![i]!); expect(Math.abs(v - reference[i]![j]!)).toBeLessThanOrEqual(tol); }));
  });
  test.prop([vector(3, 3), vector(2, 3), fc.integer({ min: -4, max: 4 })], RUNS)('outer, dot, diag, identity, addMatrices, scaleMatrix by their definitions', (u, v, s) => {
    const o = impl.outer(u, v);
    expect([o.length, o[0]!.length]).toEqual([3, 2]);
    o.forEach((row, i) => row.forEach((x, j) => expect(x).toBe(u[i]! * v[j]!)));
    expect(impl.dot(u, u)).toBe(u[0]! * u[0]! + u[1]! * u[1]! + u[2]! * u[2]!);
    expect(impl.diag(u)).toEqual([[u[0], 0, 0], [0, u[1], 0], [0, 0, u[2]]]);
    expect(impl.identity(2)).toEqual([[1, 0], [0, 1]]);
    expect(impl.addMatrices(o, o)).toEqual(o.map((row) => row.map((x) => x + x)));
    expect(impl.scaleMatrix(o, s)).toEqual(o.map((row) => row.map((x) => x * s)));
  });
});
