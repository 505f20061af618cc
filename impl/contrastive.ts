// InfoNCE (van den Oord, Li & Vinyals 2018, "Representation Learning with Contrastive Predictive Coding",
// eq. 4) in float64: one positive among N candidates scored by a critic s_j = f(x, y_j), temperature τ.
//     L = −log( e^{s_+/τ} / Σ_j e^{s_j/τ} ) = logSumExp(s/τ) − s_+/τ
// The gap logSumExp(z) − z_+ is taken from logSumExpGaps (a sum of two non-negative terms), so a
// confident positive keeps its tiny loss to full relative precision instead of cancelling to 0.
import { LosscheckInputError, assertFiniteNumber, assertMatrix, assertSquare, assertVector, type Matrix, type Vector } from './errors.ts';
import { logSumExpGaps, softmax } from './activations.ts';

function assertTemperature(fn: string, temperature: unknown): asserts temperature is number {
  assertFiniteNumber(fn, 'temperature', temperature);
  if (!(temperature > 0)) throw new LosscheckInputError(fn, 'temperature', `must be > 0, got ${temperature}`);
}

function assertPositive(fn: string, positive: unknown, n: number): asserts positive is number {
  assertFiniteNumber(fn, 'positive', positive);
  if (!Number.isInteger(positive) || positive < 0 || positive >= n) {
    throw new LosscheckInputError(fn, 'positive', `must be a candidate index in [0, ${n - 1}], got ${positive}`);
  }
}

/** Scores divided by the temperature; an overflow to ±∞ (τ tiny) is an input error, not a silent NaN. */
function scaled(fn: string, scores: Vector, temperature: number): number[] {
  const z = scores.map((s) => s / temperature);
  const i = z.findIndex((x) => !Number.isFinite(x));
  if (i >= 0) throw new LosscheckInputError(fn, 'temperature', `${temperature} makes score ${i} overflow (${scores[i]} / τ = ${z[i]})`);
  return z;
}

/** InfoNCE loss of one anchor: −log softmax(s/τ)_positive, for N ≥ 1 candidate scores. */
export function infoNceLoss(scores: Vector, positive: number, temperature = 1): number {
  assertVector('infoNceLoss', 'scores', scores);
  assertPositive('infoNceLoss', positive, scores.length);
  assertTemperature('infoNceLoss', temperature);
  return logSumExpGaps(scaled('infoNceLoss', scores, temperature))[positive]!;
}

/** ∂L/∂s_j = (softmax(s/τ)_j − [j = positive]) / τ: every negative is pushed down, the positive up. */
export function infoNceGradient(scores: Vector, positive: number, temperature = 1): number[] {
  assertVector('infoNceGradient', 'scores', scores);
  assertPositive('infoNceGradient', positive, scores.length);
  assertTemperature('infoNceGradient', temperature);
  const p = softmax(scaled('infoNceGradient', scores, temperature));
  // 1 − p_+ as the sum of the other probabilities: no cancellation when the positive dominates.
  const others = p.reduce((s, pj, j) => (j === positive ? s : s + pj), 0);
  return p.map((pj, j) => (j === positive ? -others : pj) / temperature);
}

/**
 * The batch estimator: N pairs (x_i, y_i), critic matrix F_ij = f(x_i, y_j) (N×N), the positive of
 * anchor i is candidate i; returns (1/N) Σ_i InfoNCE(F_i·, i). log N − E[L] ≤ I(X; Y) for every critic.
 */
export function infoNceBatchLoss(critic: Matrix, temperature = 1): number {
  assertMatrix('infoNceBatchLoss', 'critic', critic);
  assertSquare('infoNceBatchLoss', 'critic', critic);
  assertTemperature('infoNceBatchLoss', temperature);
  let s = 0;
  critic.forEach((row, i) => { s += logSumExpGaps(scaled('infoNceBatchLoss', row, temperature))[i]!; });
  return s / critic.length;
}
