// Linear estimators of β in y = Xβ + ε (Gauss–Markov setting), in float64. An estimator β̂ = C y is
// given by its d×N matrix C; it is unbiased iff C X = I, and its covariance is C Cov(ε) Cᵀ.
import { LosscheckInputError, assertMatrix, assertVector, type Matrix, type Vector } from './errors.ts';
import { solveSpd, transpose } from './linalg.ts';

/** (XᵀWX)⁻¹XᵀW for diagonal positive weights W (rows are solved by Cholesky; throws when XᵀWX is singular). */
function weightedLeastSquares(fn: string, x: Matrix, weights: Vector): number[][] {
  assertMatrix(fn, 'X', x);
  assertVector(fn, 'weights', weights, x.length);
  weights.forEach((w, n) => { if (!(w > 0)) throw new LosscheckInputError(fn, 'weights', `must be > 0, got ${w} at ${n}`); });
  const d = x[0]!.length;
  const g = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) =>
    x.reduce((s, row, n) => s + weights[n]! * row[i]! * row[j]!, 0)));
  // Column n of C solves (XᵀWX) c = w_n x_n.
  const columns = x.map((row, n) => solveSpd(g, row.map((v) => weights[n]! * v)));
  return transpose(columns);
}

/** The ordinary least-squares estimator matrix (XᵀX)⁻¹Xᵀ: the minimiser of the MSE ‖y − Xβ‖²/N is C y. */
export function olsEstimatorMatrix(x: Matrix): number[][] {
  return weightedLeastSquares('olsEstimatorMatrix', x, x.map(() => 1));
}

/** The generalised (weighted) least-squares estimator matrix (XᵀΣ⁻¹X)⁻¹XᵀΣ⁻¹ for Σ = diag(noiseVariances). */
export function glsEstimatorMatrix(x: Matrix, noiseVariances: Vector): number[][] {
  assertVector('glsEstimatorMatrix', 'noiseVariances', noiseVariances, x.length);
  return weightedLeastSquares('glsEstimatorMatrix', x, noiseVariances.map((s) => 1 / s));
}

/** Cov(C y) = C diag(noiseVariances) Cᵀ. */
export function linearEstimatorCovariance(c: Matrix, noiseVariances: Vector): number[][] {
  assertMatrix('linearEstimatorCovariance', 'C', c);
  assertVector('linearEstimatorCovariance', 'noiseVariances', noiseVariances, c[0]!.length);
  return c.map((ci) => c.map((cj) => ci.reduce((s, v, n) => s + v * noiseVariances[n]! * cj[n]!, 0)));
}
