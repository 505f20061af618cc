// Linear estimators of β in y = Xβ + ε (Gauss–Markov setting), in float64. An estimator β̂ = C y is
// given by its d×N matrix C; it is unbiased iff C X = I, and its covariance is C Cov(ε) Cᵀ.
import { LosscheckInputError, assertMatrix, assertVector, type Matrix, type Vector } from './errors.ts';
import { solveSpd, transpose } from './linalg.ts';

/** (XᵀWX)⁻¹XᵀW for diagonal positive weights W (rows are solved by Cholesky; throws when XᵀWX is singular). */
function weightedLeastSquares(fn: string, x: Matrix, weights: Vector): number[][] {
  const d = x[0]!.length;
  const g = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) =>
    x.reduce((s, row, n) => s + weights[n]! * row[i]! * row[j]!, 0)));
  // Column n of C solves (XᵀWX) c = w_n x_n.
  let columns: number[][];
  try {
    columns = x.map((row, n) => solveSpd(g, row.map((v) => weights[n]! * v)));
  } catch (e) {
    // solveSpd's arguments are valid here, so the only thing it can reject is a singular XᵀWX.
    throw new LosscheckInputError(fn, 'X', `must have full column rank (${d}): XᵀWX is not positive definite (${(e as Error).message})`);
  }
  return transpose(columns);
}

/** The ordinary least-squares estimator matrix (XᵀX)⁻¹Xᵀ: the minimiser of the MSE ‖y − Xβ‖²/N is C y. */
export function olsEstimatorMatrix(x: Matrix): number[][] {
  assertMatrix('olsEstimatorMatrix', 'X', x);
  return weightedLeastSquares('olsEstimatorMatrix', x, x.map(() => 1));
}

/** The generalised (weighted) least-squares estimator matrix (XᵀΣ⁻¹X)⁻¹XᵀΣ⁻¹ for Σ = diag(noiseVariances). */
export function glsEstimatorMatrix(x: Matrix, noiseVariances: Vector): number[][] {
  assertMatrix('glsEstimatorMatrix', 'X', x);
  assertVector('glsEstimatorMatrix', 'noiseVariances', noiseVariances, x.length);
  noiseVariances.forEach((s, n) => {
    // 1/σ² must be finite too: a subnormal variance would turn the weight into ∞.
    if (!(s > 0 && 1 / s < Infinity)) throw new LosscheckInputError('glsEstimatorMatrix', 'noiseVariances', `must be > 0 with 1/σ² finite, got ${s} at index ${n}`);
  });
  return weightedLeastSquares('glsEstimatorMatrix', x, noiseVariances.map((s) => 1 / s));
}

/** Cov(C y) = C diag(noiseVariances) Cᵀ. */
export function linearEstimatorCovariance(c: Matrix, noiseVariances: Vector): number[][] {
  assertMatrix('linearEstimatorCovariance', 'C', c);
  assertVector('linearEstimatorCovariance', 'noiseVariances', noiseVariances, c[0]!.length);
  noiseVariances.forEach((s, n) => {
    if (s < 0) throw new LosscheckInputError('linearEstimatorCovariance', 'noiseVariances', `must be ≥ 0, got ${s} at index ${n}`);
  });
  return c.map((ci) => c.map((cj) => ci.reduce((s, v, n) => s + v * noiseVariances[n]! * cj[n]!, 0)));
}
