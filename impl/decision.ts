// Bayes decisions and the empirical minimisers of the point losses, in float64.
//   squared loss  (y − c)²   → minimised in expectation by the mean; empirically by the sample mean
//   absolute loss |y − c|    → by a median; empirically by the sample median
//   0-1 loss      1{y ≠ c}   → by a mode (argmax of the class probabilities)
import { LosscheckInputError, assertDistribution, assertFiniteNumber, assertVector, type Vector } from './errors.ts';

/** 1{y ≠ ŷ} for class labels (integers). */
export function zeroOneLoss(y: number, yHat: number): number {
  for (const [name, v] of [['y', y], ['yHat', yHat]] as const) {
    if (!Number.isInteger(v)) throw new LosscheckInputError('zeroOneLoss', name, `must be an integer class label, got ${v}`);
  }
  return y === yHat ? 0 : 1;
}

/** E_{y∼p}[1{y ≠ c}] = Σ_{y ≠ c} p_y. */
export function expectedZeroOneRisk(p: Vector, c: number): number {
  assertDistribution('expectedZeroOneRisk', 'p', p);
  if (!Number.isInteger(c) || c < 0 || c >= p.length) throw new LosscheckInputError('expectedZeroOneRisk', 'c', `must be a class index in [0, ${p.length}), got ${c}`);
  let s = 0;
  for (let y = 0; y < p.length; y++) if (y !== c) s += p[y]!;
  return s;
}

/** The Bayes decision under 0-1 loss: the class of least expected risk (the first one on ties). */
export function bayesZeroOneDecision(p: Vector): number {
  assertDistribution('bayesZeroOneDecision', 'p', p);
  let best = 0, bestRisk = Infinity;
  for (let c = 0; c < p.length; c++) {
    const risk = expectedZeroOneRisk(p, c);
    if (risk < bestRisk) { best = c; bestRisk = risk; }
  }
  return best;
}

/** Sample mean: the minimiser of Σ (y_n − c)². */
export function sampleMean(y: Vector): number {
  assertVector('sampleMean', 'y', y);
  let s = 0;
  for (const v of y) s += v;
  return s / y.length;
}

/** Sample median (mean of the two middle values for even n): a minimiser of Σ |y_n − c|. */
export function sampleMedian(y: Vector): number {
  assertVector('sampleMedian', 'y', y);
  const sorted = [...y].sort((a, b) => a - b);
  const k = sorted.length >> 1;
  return sorted.length % 2 ? sorted[k]! : 0.5 * (sorted[k - 1]! + sorted[k]!);
}

/** −log N(y; μ, σ²) = (y − μ)²/(2σ²) + log σ + ½ log 2π. */
export function gaussianNegativeLogLikelihood(y: number, mu: number, sigma: number): number {
  assertFiniteNumber('gaussianNegativeLogLikelihood', 'y', y);
  assertFiniteNumber('gaussianNegativeLogLikelihood', 'mu', mu);
  assertFiniteNumber('gaussianNegativeLogLikelihood', 'sigma', sigma);
  if (!(sigma > 0)) throw new LosscheckInputError('gaussianNegativeLogLikelihood', 'sigma', `must be > 0, got ${sigma}`);
  const r = (y - mu) / sigma;
  return 0.5 * r * r + Math.log(sigma) + 0.5 * Math.log(2 * Math.PI);
}

/** −log Laplace(y; μ, b) = |y − μ|/b + log 2b. */
export function laplaceNegativeLogLikelihood(y: number, mu: number, b: number): number {
  assertFiniteNumber('laplaceNegativeLogLikelihood', 'y', y);
  assertFiniteNumber('laplaceNegativeLogLikelihood', 'mu', mu);
  assertFiniteNumber('laplaceNegativeLogLikelihood', 'b', b);
  if (!(b > 0)) throw new LosscheckInputError('laplaceNegativeLogLikelihood', 'b', `must be > 0, got ${b}`);
  return Math.abs(y - mu) / b + Math.log(2 * b);
}

/** Mean absolute error (1/N) Σ |y_n − ŷ_n|. */
export function meanAbsoluteError(y: Vector, yHat: Vector): number {
  assertVector('meanAbsoluteError', 'y', y);
  assertVector('meanAbsoluteError', 'yHat', yHat, y.length);
  let s = 0;
  for (let n = 0; n < y.length; n++) s += Math.abs(y[n]! - yHat[n]!);
  return s / y.length;
}
