// Linear-algebra oracle: symmetric spectra and solves from packages, independent of impl/.
// Two libraries are wrapped: numeric (named by the design card) and ml-matrix. Each qualifies on
// matrices with a known spectrum (qualifyLinalg); the checks use whichever qualified, and numeric's
// failures on realistic, rank-deficient Hessians are measured and reported as an oracle finding.
import numeric from 'numeric';
import { EigenvalueDecomposition, Matrix, solve } from 'ml-matrix';
import { OracleInputError, assertBatch, assertFinite, assertPositiveInteger } from './errors.ts';
import { mulberry32 } from './random.ts';

export type EigenLibrary = 'ml-matrix' | 'numeric';

function assertSquare(fn: string, a: number[][]): void {
  assertBatch(fn, 'a', a);
  if (a[0]!.length !== a.length) throw new OracleInputError(fn, 'a', `must be square, got ${a.length}×${a[0]!.length}`);
}

/**
 * Square and symmetric up to the rounding of whoever assembled it. The matrices may be float32 autodiff
 * Hessians from tfjs, whose two triangles differ by float32 rounding amplified by cancellation (measured:
 * 5·10⁻⁵ relative on an entry of a softmax-regression Hessian, 2·10⁻⁷ absolute), and the symmetric EVD
 * reads one triangle. The allowance 2⁻⁸·max|a_ij| leaves two orders of magnitude above that rounding and
 * stays far below a structural asymmetry (a transposed block, a wrong index: O(max|a_ij|)), which a
 * symmetric solver would otherwise silently misread.
 */
const SYMMETRY_ALLOWANCE = 2 ** -8;

function assertSquareSymmetric(fn: string, a: number[][]): void {
  assertSquare(fn, a);
  const n = a.length, scale = Math.max(...a.flat().map(Math.abs));
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) {
    if (Math.abs(a[i]![j]! - a[j]![i]!) > SYMMETRY_ALLOWANCE * scale) {
      throw new OracleInputError(fn, 'a', `is not symmetric: a[${i}][${j}] = ${a[i]![j]} but a[${j}][${i}] = ${a[j]![i]}`);
    }
  }
}

/** Eigenvalues of a symmetric matrix, ascending, from ml-matrix's symmetric EVD (tred2 + tql2). */
export function eigenvaluesMlMatrix(a: number[][]): number[] {
  assertSquareSymmetric('eigenvaluesMlMatrix', a);
  const evd = new EigenvalueDecomposition(new Matrix(a), { assumeSymmetric: true });
  return [...evd.realEigenvalues].sort((x, y) => x - y);
}

/** Eigenvalues from numeric.eig (QR iterations on a general matrix); it throws strings on failure. */
export function eigenvaluesNumeric(a: number[][]): number[] {
  assertSquareSymmetric('eigenvaluesNumeric', a);
  let result: { lambda: { x: number[]; y?: number[] } };
  try {
    result = numeric.eig(a) as unknown as { lambda: { x: number[]; y?: number[] } };
  } catch (e) {
    throw new OracleInputError('eigenvaluesNumeric', 'a', `numeric.eig failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return [...result.lambda.x].sort((x, y) => x - y);
}

export function symmetricEigenvalues(a: number[][], library: EigenLibrary): number[] {
  if (library !== 'ml-matrix' && library !== 'numeric') throw new OracleInputError('symmetricEigenvalues', 'library', `must be 'ml-matrix' or 'numeric', got ${String(library)}`);
  assertSquareSymmetric('symmetricEigenvalues', a);
  return library === 'ml-matrix' ? eigenvaluesMlMatrix(a) : eigenvaluesNumeric(a);
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

/**
 * Known-spectrum test matrices shaped like the Hessians in this project: n = d·C up to 25, PSD and
 * rank-deficient (a block of exact zeros), eigenvalues spread over many decades as in saturated
 * softmax Hessians, and clusters of repeated eigenvalues.
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
  return cases;
}
