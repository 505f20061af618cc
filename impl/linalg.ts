// Small dense linear algebra in float64, written here so impl/ depends on no package.
// Matrices are arrays of rows. Every function checks shapes and throws LosscheckShapeError.
import {
  LosscheckInputError, LosscheckShapeError, assertMatrix, assertSquare, assertVector, type Matrix, type Vector,
} from './errors.ts';

export function dot(a: Vector, b: Vector): number {
  assertVector('dot', 'a', a);
  assertVector('dot', 'b', b, a.length);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

export function outer(a: Vector, b: Vector): number[][] {
  assertVector('outer', 'a', a);
  assertVector('outer', 'b', b);
  return a.map((ai) => b.map((bj) => ai * bj));
}

export function transpose(m: Matrix): number[][] {
  assertMatrix('transpose', 'm', m);
  const rows = m.length, cols = m[0]!.length;
  const t: number[][] = [];
  for (let j = 0; j < cols; j++) {
    const row = new Array<number>(rows);
    for (let i = 0; i < rows; i++) row[i] = m[i]![j]!;
    t.push(row);
  }
  return t;
}

export function matMul(a: Matrix, b: Matrix): number[][] {
  assertMatrix('matMul', 'a', a);
  assertMatrix('matMul', 'b', b);
  const n = a.length, k = a[0]!.length, m = b[0]!.length;
  if (b.length !== k) {
    throw new LosscheckShapeError('matMul', 'b', `cannot multiply a ${n}×${k} matrix by a ${b.length}×${m} matrix`);
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(m).fill(0);
    const ai = a[i]!;
    for (let l = 0; l < k; l++) {
      const ail = ai[l]!;
      const bl = b[l]!;
      for (let j = 0; j < m; j++) row[j]! += ail * bl[j]!;
    }
    out.push(row);
  }
  return out;
}

export function matVec(a: Matrix, v: Vector): number[] {
  assertMatrix('matVec', 'a', a);
  assertVector('matVec', 'v', v);
  const k = a[0]!.length;
  if (v.length !== k) {
    throw new LosscheckShapeError('matVec', 'v', `cannot multiply a ${a.length}×${k} matrix by a vector of length ${v.length}`);
  }
  return a.map((row) => {
    let s = 0;
    for (let j = 0; j < k; j++) s += row[j]! * v[j]!;
    return s;
  });
}

export function diag(v: Vector): number[][] {
  assertVector('diag', 'v', v);
  return v.map((vi, i) => v.map((_, j) => (i === j ? vi : 0)));
}

export function identity(n: number): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new LosscheckInputError('identity', 'n', `must be a positive integer, got ${n}`);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

export function addMatrices(a: Matrix, b: Matrix): number[][] {
  assertMatrix('addMatrices', 'a', a);
  assertMatrix('addMatrices', 'b', b, a.length, a[0]!.length);
  return a.map((row, i) => row.map((x, j) => x + b[i]![j]!));
}

export function scaleMatrix(a: Matrix, s: number): number[][] {
  assertMatrix('scaleMatrix', 'a', a);
  if (!Number.isFinite(s)) throw new LosscheckInputError('scaleMatrix', 's', `must be finite, got ${s}`);
  return a.map((row) => row.map((x) => x * s));
}

/** Kronecker product A ⊗ B: block (i, j) is A[i][j]·B. */
export function kron(a: Matrix, b: Matrix): number[][] {
  assertMatrix('kron', 'a', a);
  assertMatrix('kron', 'b', b);
  const ar = a.length, ac = a[0]!.length, br = b.length, bc = b[0]!.length;
  const out: number[][] = Array.from({ length: ar * br }, () => new Array<number>(ac * bc).fill(0));
  for (let i = 0; i < ar; i++) for (let j = 0; j < ac; j++) {
    const aij = a[i]![j]!;
    for (let k = 0; k < br; k++) for (let l = 0; l < bc; l++) out[i * br + k]![j * bc + l] = aij * b[k]![l]!;
  }
  return out;
}

/** Gram matrix XᵀX of an N×d design matrix (d×d, symmetric by construction). */
export function gram(x: Matrix): number[][] {
  assertMatrix('gram', 'x', x);
  const d = x[0]!.length;
  const g: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const row of x) for (let i = 0; i < d; i++) for (let j = i; j < d; j++) g[i]![j]! += row[i]! * row[j]!;
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) g[i]![j] = g[j]![i]!;
  return g;
}

/**
 * Solves A x = b for symmetric positive definite A by Cholesky factorisation.
 * Throws when A is not (numerically) positive definite.
 */
export function solveSpd(a: Matrix, b: Vector): number[] {
  assertMatrix('solveSpd', 'a', a);
  assertSquare('solveSpd', 'a', a);
  assertVector('solveSpd', 'b', b, a.length);
  const n = a.length;
  const l: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) throw new LosscheckInputError('solveSpd', 'a', `is not positive definite (pivot ${i} is ${s})`);
        l[i]![i] = Math.sqrt(s);
      } else {
        l[i]![j] = s / l[j]![j]!;
      }
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}
