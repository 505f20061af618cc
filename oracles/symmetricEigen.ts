// Symmetric eigenvalues on flat typed-array storage: Householder reduction to tridiagonal form, then the
// implicit QL method with Wilkinson-style shifts (EISPACK tred2/tql2, in the form JAMA published, which
// ml-matrix also ports). Written here on one Float64Array (row-major n×n, no arrays of arrays, no Matrix
// objects), and the eigenvector accumulation is optional: the PSD and null-space checks need the values
// only, which skips the O(n³) accumulation and the O(n²) work per QL rotation. With vectors requested the
// same reduction and the same QL sweeps run, plus the accumulation, so the values are bit-identical.
// It is a reference, so it is qualified on known spectra like the libraries (spec/engine/context.ts).
import { OracleInputError, assertPositiveInteger } from './errors.ts';

/**
 * How far the two triangles may differ, relative to max|a_ij|. The matrices may be float32 autodiff
 * Hessians, whose triangles differ by float32 rounding amplified by cancellation (measured: 5·10⁻⁵
 * relative on an entry of a softmax-regression Hessian, 2·10⁻⁷ absolute); 2⁻⁸ leaves two orders of
 * magnitude above that and stays far below a structural asymmetry (a transposed block, a wrong index:
 * O(max|a_ij|)), which a symmetric solver, reading one triangle, would otherwise silently misread.
 */
export const SYMMETRY_ALLOWANCE = 2 ** -8;

export interface FlatSymmetricEigen {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** With vectors requested: vectors[k·n + i] is component i of the unit eigenvector of values[k]. */
  vectors?: Float64Array;
}

/** Iterations allowed per eigenvalue before the QL method is declared not to converge (EISPACK uses 30). */
const MAX_QL_ITERATIONS = 30;
const EPS = 2 ** -52;

/** √(a² + b²) without overflow or harmful underflow (Math.hypot is several times slower in V8). */
function hypot(a: number, b: number): number {
  let x = Math.abs(a), y = Math.abs(b);
  if (x < y) { const t = x; x = y; y = t; }
  if (x === 0) return 0;
  const r = y / x;
  return x * Math.sqrt(1 + r * r);
}

type Flat = ArrayLike<number>;

/**
 * n, a flat n×n matrix of finite numbers, symmetric up to SYMMETRY_ALLOWANCE: returns it as a Float64Array
 * copy (one pass over the input; every later loop reads only Float64Arrays) and max|a_ij|.
 */
function validate(fn: string, a: unknown, n: unknown): { m: Float64Array; maxAbs: number } {
  assertPositiveInteger(fn, 'n', n);
  if (!(a instanceof Float64Array || a instanceof Float32Array || Array.isArray(a))) {
    throw new OracleInputError(fn, 'a', 'must be a flat array (number[], Float64Array or Float32Array) of n·n entries, row-major');
  }
  if (a.length !== n * n) throw new OracleInputError(fn, 'a', `must hold n·n = ${n * n} entries (row-major), got ${a.length}`);
  const m = a instanceof Float64Array ? a.slice() : new Float64Array(n * n);
  if (a instanceof Float32Array) m.set(a);
  else if (Array.isArray(a)) {
    for (let k = 0; k < m.length; k++) {
      const x = a[k] as unknown;
      if (typeof x !== 'number') throw new OracleInputError(fn, 'a', `holds ${x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x} at [${Math.floor(k / n)}][${k % n}]; a flat array of numbers is required`);
      m[k] = x;
    }
  }
  let maxAbs = 0;
  for (let k = 0; k < m.length; k++) {
    const x = m[k]!;
    if (!Number.isFinite(x)) throw new OracleInputError(fn, 'a', `holds ${x} at [${Math.floor(k / n)}][${k % n}]; finite numbers required`);
    const ax = Math.abs(x);
    if (ax > maxAbs) maxAbs = ax;
  }
  const allowed = SYMMETRY_ALLOWANCE * maxAbs;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(m[i * n + j]! - m[j * n + i]!) > allowed) {
        throw new OracleInputError(fn, 'a', `is not symmetric: a[${i}][${j}] = ${m[i * n + j]} but a[${j}][${i}] = ${m[j * n + i]}`);
      }
    }
  }
  return { m, maxAbs };
}

/**
 * Eigenvalues (ascending) of the symmetric n×n matrix `a`, flat row-major; the lower triangle is read.
 * `out`, if given, receives them (length n) and is returned.
 */
export function symmetricEigenvaluesFlat(a: Flat, n: number, out?: Float64Array): Float64Array {
  const { m, maxAbs } = validate('symmetricEigenvaluesFlat', a, n);
  if (out !== undefined && !(out instanceof Float64Array && out.length === n)) {
    throw new OracleInputError('symmetricEigenvaluesFlat', 'out', `must be a Float64Array of length n = ${n}`);
  }
  return solve('symmetricEigenvaluesFlat', m, n, maxAbs, false, out).values;
}

/** Eigenvalues (ascending) and unit eigenvectors of the symmetric n×n matrix `a`, flat row-major. */
export function symmetricEigenFlat(a: Flat, n: number): FlatSymmetricEigen {
  const { m, maxAbs } = validate('symmetricEigenFlat', a, n);
  return solve('symmetricEigenFlat', m, n, maxAbs, true);
}

/** `m` is the validated row-major copy; it is overwritten. */
function solve(fn: string, m: Float64Array, n: number, maxAbs: number, withVectors: boolean, out?: Float64Array): FlatSymmetricEigen {
  // Work on a/2^p with 2^p ≈ max|a_ij| (powers of two scale exactly), so no square of an entry
  // overflows or underflows to zero for entries near the ends of the float64 range.
  const unit = maxAbs === 0 ? 1 : 2 ** Math.max(-1022, Math.min(1023, Math.ceil(Math.log2(maxAbs))));
  const d = out ?? new Float64Array(n), e = new Float64Array(n);
  // The working matrix is stored transposed (see tridiagonalise): entry (k, j) of the lower triangle at
  // j·n + k, i.e. the upper triangle of m, filled from the lower one (the triangle that is read).
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) m[j * n + i] = m[i * n + j]! / unit;
  tridiagonalise(m, d, e, n, withVectors);
  ql(d, e, m, n, withVectors, fn);
  if (!withVectors) {
    for (let k = 0; k < n; k++) d[k]! *= unit;
    d.sort();
    return { values: d };
  }
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  // Ascending order (insertion sort: n is small and the QL output is nearly sorted).
  for (let k = 1; k < n; k++) {
    const key = order[k]!, dk = d[key]!;
    let j = k - 1;
    while (j >= 0 && d[order[j]!]! > dk) { order[j + 1] = order[j]!; j--; }
    order[j + 1] = key;
  }
  const values = new Float64Array(n), vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const col = order[k]!;
    values[k] = d[col]! * unit;
    vectors.set(m.subarray(col * n, (col + 1) * n), k * n); // column col of V is row col of the transposed storage
  }
  if (out) { out.set(values); return { values: out, vectors }; }
  return { values, vectors };
}

/**
 * Householder reduction of the lower triangle to tridiagonal form (EISPACK tred2, as in JAMA): on return
 * d holds the diagonal, e[1..n−1] the subdiagonal (e[0] = 0) and, with vectors, v the orthogonal
 * transformation. JAMA's V[a][b] is stored at b·n + a: its inner loops run down columns, which are then
 * contiguous, and the eigenvectors (columns of V) come out as rows. Without vectors the accumulation is
 * skipped; the reduction is the same operations in the same order, so the values are the same bits.
 */
function tridiagonalise(v: Float64Array, d: Float64Array, e: Float64Array, n: number, withVectors: boolean): void {
  for (let j = 0; j < n; j++) d[j] = v[j * n + n - 1]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0, h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) { d[j] = v[j * n + i - 1]!; v[j * n + i] = 0; v[i * n + j] = 0; }
    } else {
      for (let k = 0; k < i; k++) { d[k]! /= scale; h += d[k]! * d[k]!; }
      let f = d[i - 1]!, g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        const col = j * n;
        f = d[j]!;
        v[i * n + j] = f; // V[j][i]: the Householder vector, read back by the accumulation
        g = e[j]! + v[col + j]! * f;
        for (let k = j + 1; k <= i - 1; k++) { const vkj = v[col + k]!; g += vkj * d[k]!; e[k]! += vkj * f; }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) { e[j]! /= h; f += e[j]! * d[j]!; }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
      for (let j = 0; j < i; j++) {
        const col = j * n;
        f = d[j]!; g = e[j]!;
        for (let k = j; k <= i - 1; k++) v[col + k]! -= f * e[k]! + g * d[k]!;
        d[j] = v[col + i - 1]!;
        v[col + i] = 0;
      }
    }
    d[i] = h;
  }
  e[0] = 0;
  if (!withVectors) {
    // The diagonal of the tridiagonal matrix is left on the diagonal (the accumulation below reads it
    // from there and never changes an entry before reading it).
    for (let i = 0; i < n; i++) d[i] = v[i * n + i]!;
    return;
  }
  for (let i = 0; i < n - 1; i++) {
    const next = (i + 1) * n;
    v[i * n + n - 1] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[next + k]! / h;
      for (let j = 0; j <= i; j++) {
        const col = j * n;
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[next + k]! * v[col + k]!;
        for (let k = 0; k <= i; k++) v[col + k]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[next + k] = 0;
  }
  for (let j = 0; j < n; j++) { d[j] = v[j * n + n - 1]!; v[j * n + n - 1] = 0; }
  v[(n - 1) * n + n - 1] = 1;
}

/** Implicit QL on the tridiagonal (d, e) (EISPACK tql2); the eigenvalues are left in d, unsorted. */
function ql(d: Float64Array, e: Float64Array, v: Float64Array, n: number, withVectors: boolean, fn: string): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0, tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]!) > EPS * tst1) m++;
    if (m > l) {
      let iterations = 0;
      do {
        if (++iterations > MAX_QL_ITERATIONS) {
          throw new OracleInputError(fn, 'a', `QL iteration did not converge for eigenvalue ${l} within ${MAX_QL_ITERATIONS} iterations`);
        }
        let g = d[l]!;
        let p = (d[l + 1]! - g) / (2 * e[l]!);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l]! / (p + r);
        d[l + 1] = e[l]! * (p + r);
        const dl1 = d[l + 1]!;
        let h = g - d[l]!;
        for (let i = l + 2; i < n; i++) d[i]! -= h;
        f += h;
        p = d[m]!;
        let c = 1, c2 = c, c3 = c, s = 0, s2 = 0;
        const el1 = e[l + 1]!;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2; c2 = c; s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * d[i]! - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]!);
          if (withVectors) {
            const ci = i * n, cn = (i + 1) * n; // columns i and i + 1 of V, stored as rows
            for (let k = 0; k < n; k++) {
              h = v[cn + k]!;
              v[cn + k] = s * v[ci + k]! + c * h;
              v[ci + k] = c * v[ci + k]! - s * h;
            }
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]!) > EPS * tst1);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}
