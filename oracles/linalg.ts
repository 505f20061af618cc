// Linear-algebra oracle: symmetric spectra and solves, independent of impl/. Three eigensolvers are
// wrapped: numeric (named by the design card), ml-matrix, and this project's own tridiagonal QL on typed
// arrays (symmetricEigen.ts). Each qualifies on matrices with a known spectrum; the checks use one that
// qualified, and numeric's failures on realistic, rank-deficient Hessians are reported as an oracle finding.
import numeric from 'numeric';
import { EigenvalueDecomposition, Matrix, solve } from 'ml-matrix';
import { OracleInputError, assertBatch, assertFinite, assertPositiveInteger } from './errors.ts';
import { mulberry32 } from './random.ts';
import { SYMMETRY_ALLOWANCE, symmetricEigenvaluesFlat } from './symmetricEigen.ts';

export const EIGEN_LIBRARIES = ['tridiagonal-ql', 'ml-matrix', 'numeric'] as const;
export type EigenLibrary = (typeof EIGEN_LIBRARIES)[number];

function assertSquare(fn: string, a: number[][]): void {
  assertBatch(fn, 'a', a);
  if (a[0]!.length !== a.length) throw new OracleInputError(fn, 'a', `must be square, got ${a.length}×${a[0]!.length}`);
}

/** Square and symmetric up to the rounding of whoever assembled it (SYMMETRY_ALLOWANCE·max|a_ij|). */
function assertSquareSymmetric(fn: string, a: number[][]): void {
  assertSquare(fn, a);
  const n = a.length;
  let scale = 0;
  for (const row of a) for (const x of row) scale = Math.max(scale, Math.abs(x));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
    if (Math.abs(a[i]![j]! - a[j]![i]!) > SYMMETRY_ALLOWANCE * scale) {
      throw new OracleInputError(fn, 'a', `is not symmetric: a[${i}][${j}] = ${a[i]![j]} but a[${j}][${i}] = ${a[j]![i]}`);
    }
  }
}

/** Eigenvalues of a symmetric matrix, ascending, from ml-matrix's symmetric EVD (tred2 + tql2). */
export function eigenvaluesMlMatrix(a: number[][]): number[] {
  assertSquareSymmetric('eigenvaluesMlMatrix', a);
  return mlMatrixValues(a);
}

function mlMatrixValues(a: number[][]): number[] {
  const evd = new EigenvalueDecomposition(new Matrix(a), { assumeSymmetric: true });
  return [...evd.realEigenvalues].sort((x, y) => x - y);
}

/** Eigenvalues from numeric.eig (QR iterations on a general matrix); it throws strings on failure. */
export function eigenvaluesNumeric(a: number[][]): number[] {
  assertSquareSymmetric('eigenvaluesNumeric', a);
  return numericValues(a);
}

function numericValues(a: number[][]): number[] {
  let result: { lambda: { x: number[]; y?: number[] } };
  try {
    result = numeric.eig(a) as unknown as { lambda: { x: number[]; y?: number[] } };
  } catch (e) {
    throw new OracleInputError('eigenvaluesNumeric', 'a', `numeric.eig failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return [...result.lambda.x].sort((x, y) => x - y);
}

/** Eigenvalues, ascending, from the typed-array Householder tridiagonalisation + implicit QL (values only). */
export function eigenvaluesTridiagonalQl(a: number[][]): number[] {
  assertSquareSymmetric('eigenvaluesTridiagonalQl', a);
  return tridiagonalQlValues(a);
}

function tridiagonalQlValues(a: number[][]): number[] {
  const n = a.length, flat = new Float64Array(n * n);
  for (let i = 0; i < n; i++) flat.set(a[i]!, i * n);
  return Array.from(symmetricEigenvaluesFlat(flat, n));
}

export function symmetricEigenvalues(a: number[][], library: EigenLibrary): number[] {
  if (!(EIGEN_LIBRARIES as readonly unknown[]).includes(library)) {
    throw new OracleInputError('symmetricEigenvalues', 'library', `must be one of ${EIGEN_LIBRARIES.map((l) => `'${l}'`).join(', ')}, got ${String(library)}`);
  }
  assertSquareSymmetric('symmetricEigenvalues', a);
  return library === 'ml-matrix' ? mlMatrixValues(a) : library === 'numeric' ? numericValues(a) : tridiagonalQlValues(a);
}

/** Solves A x = b with ml-matrix (LU with pivoting). */
export function solveLinear(a: number[][], b: number[]): number[] {
  assertSquare('solveLinear', a);
  assertBatch('solveLinear', 'b', [b], a.length);
  return solve(new Matrix(a), Matrix.columnVector(b)).getColumn(0);
}

/** Seeded, so qualification matrices are the same on every run. */
const random = mulberry32;

/** Q diag(λ) Qᵀ with Q a product of Householder reflections: a symmetric matrix with known spectrum. */
export function matrixWithSpectrum(lambda: number[], seed: number): number[][] {
  assertBatch('matrixWithSpectrum', 'lambda', [lambda]);
  assertFinite('matrixWithSpectrum', 'seed', seed);
  const n = lambda.length, rnd = random(seed);
  let q: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let r = 0; r < 3; r++) {
    const v = Array.from({ length: n }, () => rnd() - 0.5);
    const vv = v.reduce((s, x) => s + x * x, 0);
    q = q.map((row) => { const rv = row.reduce((s, x, k) => s + x * v[k]!, 0); return row.map((x, k) => x - (2 * rv * v[k]!) / vv); });
  }
  return q.map((qi) => q.map((qj) => lambda.reduce((s, l, k) => s + qi[k]! * l * qj[k]!, 0)));
}

export interface SpectrumQualificationCase {
  kind: string;
  trueSpectrum: number[];
  matrix: number[][];
}

/** Number of 40×40 Kronecker-structured cases spectrumQualificationCases appends to the random ones. */
export const KRONECKER_CASES = 3;

/**
 * Known-spectrum test matrices shaped like the Hessians in this project: `count` random ones with
 * n = d·C from 4 to 25 (the items' shapes), PSD and rank-deficient (a block of exact zeros), eigenvalues
 * spread over many decades as in saturated softmax Hessians, and clusters of repeated eigenvalues; then
 * KRONECKER_CASES 40×40 matrices G ⊗ S shaped like a softmax-regression Hessian at d = 8, C = 5 (the
 * bench's P2 shape): G an 8×8 Gram-like PSD matrix, S a 5×5 softmax-Jacobian-like one with a zero
 * eigenvalue, so the spectrum {γ_i σ_k} has at least 8 exact zeros.
 */
export function spectrumQualificationCases(count: number, seed: number): SpectrumQualificationCase[] {
  assertPositiveInteger('spectrumQualificationCases', 'count', count);
  assertFinite('spectrumQualificationCases', 'seed', seed);
  const rnd = random(seed);
  const cases: SpectrumQualificationCase[] = [];
  for (let k = 0; k < count; k++) {
    const n = 4 + Math.floor(rnd() * 22);
    const rank = 1 + Math.floor(rnd() * n);
    const kind = ['spread', 'clustered', 'saturated'][k % 3]!;
    const lambda = Array.from({ length: n }, (_, i) => {
      if (i >= rank) return 0;
      if (kind === 'clustered') return [1, 0.25, 0.25, 1e-3][i % 4]!;
      if (kind === 'saturated') return 10 ** (-16 * rnd());
      return 10 ** (4 * rnd() - 2);
    });
    cases.push({ kind, trueSpectrum: [...lambda].sort((a, b) => a - b), matrix: matrixWithSpectrum(lambda, seed + k + 1) });
  }
  // Drawn after the random cases, so those stay the same matrices for a given (count, seed).
  const d = 8, c = 5;
  const kronecker: { kind: string; gram: number[]; jacobian: number[] }[] = [
    { kind: 'kronecker, spread', gram: Array.from({ length: d }, () => 10 ** (4 * rnd() - 2)), jacobian: [0, ...Array.from({ length: c - 1 }, () => 10 ** (-3 * rnd()))] },
    { kind: 'kronecker, rank-deficient Gram (N = 3 < d)', gram: Array.from({ length: d }, (_, i) => (i < 3 ? 10 ** (2 * rnd() - 1) : 0)), jacobian: [0, 0.25, 0.2, 0.1, 0.05] },
    { kind: 'kronecker, saturated', gram: Array.from({ length: d }, () => 10 ** (2 * rnd() - 1)), jacobian: [0, ...Array.from({ length: c - 1 }, () => 10 ** (-16 * rnd()))] },
  ];
  if (kronecker.length !== KRONECKER_CASES) throw new Error('spectrumQualificationCases: KRONECKER_CASES is out of date');
  kronecker.forEach(({ kind, gram, jacobian }, k) => {
    const g = matrixWithSpectrum(gram, seed + count + 2 * k + 1), sj = matrixWithSpectrum(jacobian, seed + count + 2 * k + 2);
    const matrix = Array.from({ length: d * c }, (_, r) => Array.from({ length: d * c }, (_, s) =>
      g[Math.floor(r / c)]![Math.floor(s / c)]! * sj[r % c]![s % c]!));
    cases.push({ kind, trueSpectrum: gram.flatMap((gi) => jacobian.map((sk) => gi * sk)).sort((a, b) => a - b), matrix });
  });
  return cases;
}
