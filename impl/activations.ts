// Numerically stable activations in float64.
import { assertFiniteNumber, assertVector, type Vector } from './errors.ts';

/** σ(z) = 1/(1+e^{−z}), evaluated so that neither branch overflows. */
export function sigmoid(z: number): number {
  assertFiniteNumber('sigmoid', 'z', z);
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** σ'(z) = σ(z)(1 − σ(z)), written as e^{−|z|}/(1+e^{−|z|})² so it keeps relative accuracy for large |z|. */
export function sigmoidDerivative(z: number): number {
  assertFiniteNumber('sigmoidDerivative', 'z', z);
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}

/** softplus(z) = log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}). */
export function softplus(z: number): number {
  assertFiniteNumber('softplus', 'z', z);
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** log σ(z) = −softplus(−z). */
export function logSigmoid(z: number): number {
  assertFiniteNumber('logSigmoid', 'z', z);
  return -softplus(-z);
}

/**
 * The shifted form of log Σ e^{z_i}: m = max z and r = Σ_{i≠k} e^{z_i − m} (k the first argmax), so
 * log Σ e^{z_i} = m + log1p(r). No term overflows, and log1p keeps r's digits when r ≪ 1 (one logit far
 * ahead), where m + log(1 + r) would round r away before the log sees it.
 */
function shiftedLogSumExp(z: Vector): { max: number; rest: number } {
  let k = 0;
  for (let i = 1; i < z.length; i++) if (z[i]! > z[k]!) k = i;
  const max = z[k]!;
  let rest = 0;
  for (let i = 0; i < z.length; i++) if (i !== k) rest += Math.exp(z[i]! - max);
  return { max, rest };
}

/** log Σ e^{z_i} = max z + log1p(Σ_{i≠argmax} e^{z_i − max z}): no overflow, no lost digits. */
export function logSumExp(z: Vector): number {
  assertVector('logSumExp', 'z', z);
  const { max, rest } = shiftedLogSumExp(z);
  return max + Math.log1p(rest);
}

/** log Σ e^{z_i} − z_j for every j, as (max z − z_j) + log1p(rest): a sum of two terms ≥ 0, so no cancellation. */
export function logSumExpGaps(z: Vector): number[] {
  assertVector('logSumExpGaps', 'z', z);
  const { max, rest } = shiftedLogSumExp(z);
  const tail = Math.log1p(rest);
  return z.map((zi) => (max - zi) + tail);
}

export function softmax(z: Vector): number[] {
  assertVector('softmax', 'z', z);
  let m = -Infinity;
  for (const zi of z) if (zi > m) m = zi;
  const e = z.map((zi) => Math.exp(zi - m));
  let s = 0;
  for (const ei of e) s += ei;
  return e.map((ei) => ei / s);
}

/** log softmax(z)_j = −(log Σ e^{z_i} − z_j), from the cancellation-free gaps. */
export function logSoftmax(z: Vector): number[] {
  assertVector('logSoftmax', 'z', z);
  return logSumExpGaps(z).map((gap) => -gap);
}
