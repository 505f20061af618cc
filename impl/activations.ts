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

/** log Σ e^{z_i}, shifted by max z so no term overflows. */
export function logSumExp(z: Vector): number {
  assertVector('logSumExp', 'z', z);
  let m = -Infinity;
  for (const zi of z) if (zi > m) m = zi;
  let s = 0;
  for (const zi of z) s += Math.exp(zi - m);
  return m + Math.log(s);
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

export function logSoftmax(z: Vector): number[] {
  const lse = logSumExp(z);
  return z.map((zi) => zi - lse);
}
