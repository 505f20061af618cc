// Losses in float64. Two MSE conventions are in use in the literature (and in the source):
//   'half'     L = ½(y − ŷ)²      (its gradient is ŷ − y)
//   'unhalved' L = (y − ŷ)²       (its gradient is 2(ŷ − y))
import {
  LosscheckInputError, assertDistribution, assertFiniteNumber, assertSameLength, assertVector, type Vector,
} from './errors.ts';
import { logSumExpGaps, softplus } from './activations.ts';

export type MseConvention = 'half' | 'unhalved';

function assertConvention(fn: string, c: unknown): asserts c is MseConvention {
  if (c !== 'half' && c !== 'unhalved') {
    throw new LosscheckInputError(fn, 'convention', `must be 'half' or 'unhalved', got ${String(c)}`);
  }
}

/** Factor multiplying (y − ŷ)² under each convention. */
export function mseFactor(convention: MseConvention): number {
  assertConvention('mseFactor', convention);
  return convention === 'half' ? 0.5 : 1;
}

/** Per-sample squared error under the named convention. */
export function squaredError(y: number, yHat: number, convention: MseConvention): number {
  assertFiniteNumber('squaredError', 'y', y);
  assertFiniteNumber('squaredError', 'yHat', yHat);
  assertConvention('squaredError', convention);
  const r = y - yHat;
  return mseFactor(convention) * r * r;
}

/** d/dŷ of squaredError. */
export function squaredErrorGradient(y: number, yHat: number, convention: MseConvention): number {
  assertFiniteNumber('squaredErrorGradient', 'y', y);
  assertFiniteNumber('squaredErrorGradient', 'yHat', yHat);
  assertConvention('squaredErrorGradient', convention);
  return 2 * mseFactor(convention) * (yHat - y);
}

/** Batch MSE: the mean over samples of squaredError. */
export function meanSquaredError(y: Vector, yHat: Vector, convention: MseConvention): number {
  assertVector('meanSquaredError', 'y', y);
  assertVector('meanSquaredError', 'yHat', yHat);
  assertSameLength('meanSquaredError', 'y', y, 'yHat', yHat);
  assertConvention('meanSquaredError', convention);
  let s = 0;
  for (let n = 0; n < y.length; n++) s += (y[n]! - yHat[n]!) ** 2;
  return (mseFactor(convention) * s) / y.length;
}

/** Squared Euclidean distance Σ (p_i − q_i)², the MSE between probability vectors. */
export function squaredDistance(p: Vector, q: Vector): number {
  assertVector('squaredDistance', 'p', p);
  assertVector('squaredDistance', 'q', q, p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - q[i]!) ** 2;
  return s;
}

/**
 * Binary cross-entropy −[y log σ(z) + (1−y) log(1−σ(z))] from the logit z, as y·softplus(−z) + (1−y)·softplus(z).
 * That equals softplus(z) − y z, but both terms are ≥ 0, so no cancellation: softplus(z) − z for a confident
 * right answer (y = 1, z = 40) would round e^{−40} away to 0, while softplus(−40) keeps it to full precision.
 */
export function binaryCrossEntropyFromLogit(y: number, z: number): number {
  assertFiniteNumber('binaryCrossEntropyFromLogit', 'y', y);
  assertFiniteNumber('binaryCrossEntropyFromLogit', 'z', z);
  if (y < 0 || y > 1) throw new LosscheckInputError('binaryCrossEntropyFromLogit', 'y', `must lie in [0, 1], got ${y}`);
  return y * softplus(-z) + (1 - y) * softplus(z);
}

/** Binary cross-entropy from a probability ŷ ∈ [0, 1]; +Infinity where the true label has probability 0. */
export function binaryCrossEntropy(y: number, yHat: number): number {
  assertFiniteNumber('binaryCrossEntropy', 'y', y);
  assertFiniteNumber('binaryCrossEntropy', 'yHat', yHat);
  if (y < 0 || y > 1) throw new LosscheckInputError('binaryCrossEntropy', 'y', `must lie in [0, 1], got ${y}`);
  if (yHat < 0 || yHat > 1) throw new LosscheckInputError('binaryCrossEntropy', 'yHat', `must lie in [0, 1], got ${yHat}`);
  // 0·log 0 = 0 by continuity.
  const a = y === 0 ? 0 : -y * Math.log(yHat);
  const b = y === 1 ? 0 : -(1 - y) * Math.log1p(-yHat);
  return a + b;
}

/** Categorical cross-entropy −Σ p_i log q_i between distributions; 0·log 0 = 0, +Infinity if p_i > 0 = q_i. */
export function crossEntropy(p: Vector, q: Vector): number {
  assertDistribution('crossEntropy', 'p', p);
  assertDistribution('crossEntropy', 'q', q);
  assertSameLength('crossEntropy', 'p', p, 'q', q);
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) s -= p[i]! * Math.log(q[i]!);
  return s;
}

/**
 * Categorical cross-entropy from logits, Σ p_i (logSumExp(z) − z_i) (= logSumExp(z) − p·z because Σ p = 1).
 * Every gap logSumExp(z) − z_i is ≥ 0 and computed without cancellation (logSumExpGaps), so a confident
 * right answer (z = [40, 0], p = [1, 0]) keeps its loss log1p(e^{−40}) instead of rounding 40 − 40 to 0.
 */
export function crossEntropyFromLogits(p: Vector, z: Vector): number {
  assertDistribution('crossEntropyFromLogits', 'p', p);
  assertVector('crossEntropyFromLogits', 'z', z, p.length);
  const gaps = logSumExpGaps(z);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i]! * gaps[i]!;
  return s;
}

/** Shannon entropy H(p) = −Σ p_i log p_i. */
export function entropy(p: Vector): number {
  assertDistribution('entropy', 'p', p);
  let s = 0;
  for (const pi of p) if (pi > 0) s -= pi * Math.log(pi);
  return s;
}

/** KL divergence D(p ‖ q) = Σ p_i log(p_i / q_i). */
export function klDivergence(p: Vector, q: Vector): number {
  assertDistribution('klDivergence', 'p', p);
  assertDistribution('klDivergence', 'q', q);
  assertSameLength('klDivergence', 'p', p, 'q', q);
  let s = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) s += p[i]! * logRatio(p[i]!, q[i]!);
  return s;
}

/**
 * log(a/b) for a > 0, b ≥ 0: from the ratio (one rounding) unless it overflows (b subnormal next to
 * a ≈ 1), where log a − log b is still finite. (A ratio that underflows into the subnormals loses bits,
 * but then a ≤ 2⁻¹⁰²² and the term a·log(a/b) lies below the smallest subnormal.)
 */
function logRatio(a: number, b: number): number {
  const ratio = a / b;
  return Number.isFinite(ratio) ? Math.log(ratio) : Math.log(a) - Math.log(b);
}
