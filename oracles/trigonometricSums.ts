// Closed-form trigonometric sums over a window of positions p = 0 … L − 1 (the Dirichlet kernel), an
// oracle for Gram matrices of sinusoidal features that needs no summation at all:
//     Σ_p cos(θp) = sin(Lθ/2)/sin(θ/2) · cos((L − 1)θ/2),   Σ_p sin(θp) = sin(Lθ/2)/sin(θ/2) · sin((L − 1)θ/2)
// (Σ_p e^{iθp} = (e^{iLθ} − 1)/(e^{iθ} − 1)), and L resp. 0 at θ = 0. Products of sinusoids become
// such sums by the product-to-sum identities. Independent of impl/. Accuracy: the quotient is well
// conditioned while θ/2 stays away from multiples of π; the callers keep |θ| < 2π (θ ≠ 0) or θ = 0.
// qualifyTrigonometricSums() measures the closed forms on windows whose sums are known exactly.
import { OracleInputError, assertBatch, assertFinite, assertPositiveInteger } from './errors.ts';

function assertAngle(fn: string, theta: unknown): asserts theta is number {
  assertFinite(fn, 'theta', theta);
  if (!(Math.abs(theta) < 2 * Math.PI)) throw new OracleInputError(fn, 'theta', `must satisfy |θ| < 2π (the closed form divides by sin(θ/2)), got ${theta}`);
}

function dirichlet(theta: number, length: number): number {
  return Math.sin((length * theta) / 2) / Math.sin(theta / 2);
}

/** Σ_{p=0}^{L−1} cos(θp) for |θ| < 2π. */
export function cosineSum(theta: number, length: number): number {
  assertAngle('cosineSum', theta);
  assertPositiveInteger('cosineSum', 'length', length);
  return theta === 0 ? length : dirichlet(theta, length) * Math.cos(((length - 1) * theta) / 2);
}

/** Σ_{p=0}^{L−1} sin(θp) for |θ| < 2π. */
export function sineSum(theta: number, length: number): number {
  assertAngle('sineSum', theta);
  assertPositiveInteger('sineSum', 'length', length);
  return theta === 0 ? 0 : dirichlet(theta, length) * Math.sin(((length - 1) * theta) / 2);
}

/**
 * Gram matrix G = EᵀE of the L × 2K feature matrix E with columns (sin ω_k p, cos ω_k p), interleaved
 * as (sin ω_0, cos ω_0, sin ω_1, …), over p = 0 … L − 1. Frequencies must satisfy 0 < ω < π so that
 * every sum and difference of two of them lies in (−2π, 2π). By product-to-sum:
 *   sin a·sin b = ½[cos(a−b) − cos(a+b)],  cos a·cos b = ½[cos(a−b) + cos(a+b)],  sin a·cos b = ½[sin(a+b) + sin(a−b)].
 */
export function sinusoidGram(frequencies: number[], length: number): number[][] {
  assertBatch('sinusoidGram', 'frequencies', [frequencies]);
  frequencies.forEach((w, k) => {
    if (!(w > 0 && w < Math.PI)) throw new OracleInputError('sinusoidGram', 'frequencies', `must lie in (0, π), got ${w} at index ${k}`);
  });
  assertPositiveInteger('sinusoidGram', 'length', length);
  const n = 2 * frequencies.length;
  const g = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  frequencies.forEach((a, i) => frequencies.forEach((b, j) => {
    const cd = cosineSum(a - b, length), cs = cosineSum(a + b, length);
    g[2 * i]![2 * j] = 0.5 * (cd - cs);
    g[2 * i + 1]![2 * j + 1] = 0.5 * (cd + cs);
    g[2 * i]![2 * j + 1] = 0.5 * (sineSum(a + b, length) + sineSum(a - b, length)); // sin ω_i p · cos ω_j p
  }));
  for (let r = 0; r < n; r += 2) for (let c = 1; c < n; c += 2) g[c]![r] = g[r]![c]!;
  return g;
}

export interface TrigonometricSumQualification { case: string; exact: number; value: number; absoluteError: number; length: number }

/**
 * Windows whose sums are known exactly: a whole number of periods (θ = 2πk/L) sums to 0; θ = π
 * alternates (Σ cos = 1 for odd L, 0 for even); θ = π/2 cycles through 1, 0, −1, 0; θ = 2π/3 cycles
 * through 1, −½, −½; a single position (L = 1) gives cos 0 = 1, sin 0 = 0.
 */
export function qualifyTrigonometricSums(): TrigonometricSumQualification[] {
  const out: TrigonometricSumQualification[] = [];
  const add = (name: string, exact: number, value: number, length: number) => out.push({ case: name, exact, value, absoluteError: Math.abs(value - exact), length });
  for (const length of [2, 7, 64, 1000, 4096]) for (const k of [1, Math.floor(length / 3), Math.floor((length - 1) / 2)]) {
    if (k < 1) continue;
    const theta = (2 * Math.PI * k) / length;
    add(`Σ cos(2π·${k}p/${length})`, 0, cosineSum(theta, length), length);
    add(`Σ sin(2π·${k}p/${length})`, 0, sineSum(theta, length), length);
  }
  for (const length of [1, 2, 9, 10, 1001]) {
    add(`Σ cos(πp), L = ${length}`, length % 2, cosineSum(Math.PI, length), length);
    add(`Σ cos(πp/2), L = ${length}`, [0, 1, 1, 0][length % 4]!, cosineSum(Math.PI / 2, length), length);
    add(`Σ sin(πp/2), L = ${length}`, [0, 0, 1, 1][length % 4]!, sineSum(Math.PI / 2, length), length);
    add(`Σ cos(2πp/3), L = ${length}`, [0, 1, 0.5][length % 3]!, cosineSum((2 * Math.PI) / 3, length), length);
    add(`Σ cos(0·p), L = ${length}`, length, cosineSum(0, length), length);
  }
  return out;
}
