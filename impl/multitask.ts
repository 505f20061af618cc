// Multi-task loss combination in float64: the weighted sum of losses and of gradients, per-task
// gradient normalisation, and the two-task min-norm (MGDA) common direction.
import { LosscheckInputError, LosscheckShapeError, assertFiniteNumber, assertVector, type Vector } from './errors.ts';

function assertWeights(fn: string, weights: Vector, count: number): void {
  assertVector(fn, 'weights', weights, count);
}

/** L_total = Σ_k w_k L_k. */
export function weightedLossSum(losses: Vector, weights: Vector): number {
  assertVector('weightedLossSum', 'losses', losses);
  assertWeights('weightedLossSum', weights, losses.length);
  let s = 0;
  for (let k = 0; k < losses.length; k++) s += weights[k]! * losses[k]!;
  return s;
}

function assertGradients(fn: string, gradients: readonly Vector[]): void {
  if (!Array.isArray(gradients) || gradients.length === 0) throw new LosscheckInputError(fn, 'gradients', 'must be a non-empty array of vectors');
  gradients.forEach((g, k) => assertVector(fn, `gradients[${k}]`, g, gradients[0]!.length));
}

/** Σ_k w_k g_k. */
export function weightedGradientSum(gradients: readonly Vector[], weights: Vector): number[] {
  assertGradients('weightedGradientSum', gradients);
  assertWeights('weightedGradientSum', weights, gradients.length);
  return gradients[0]!.map((_, i) => gradients.reduce((s, g, k) => s + weights[k]! * g[i]!, 0));
}

/** Euclidean norm, scaled so that squaring neither overflows nor underflows. */
export function euclideanNorm(v: Vector): number {
  assertVector('euclideanNorm', 'v', v);
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  if (m === 0) return 0;
  let s = 0;
  for (const x of v) s += (x / m) ** 2;
  return m * Math.sqrt(s);
}

/** ĝ = g/‖g‖. Undefined for g = 0 (a task at a stationary point): throws instead of returning 0/0 = NaN. */
export function normalizeGradient(g: Vector): number[] {
  assertVector('normalizeGradient', 'g', g);
  const norm = euclideanNorm(g);
  if (norm === 0) throw new LosscheckInputError('normalizeGradient', 'g', 'is the zero vector: g/‖g‖ is undefined (the task is at a stationary point)');
  return g.map((x) => x / norm);
}

/** g_total = Σ_k w_k g_k/‖g_k‖; throws when some g_k = 0. */
export function normalizedGradientCombination(gradients: readonly Vector[], weights: Vector): number[] {
  assertGradients('normalizedGradientCombination', gradients);
  assertWeights('normalizedGradientCombination', weights, gradients.length);
  gradients.forEach((g, k) => {
    if (euclideanNorm(g) === 0) throw new LosscheckInputError('normalizedGradientCombination', `gradients[${k}]`, 'is the zero vector: g/‖g‖ is undefined (the task is at a stationary point)');
  });
  return weightedGradientSum(gradients.map((g) => normalizeGradient(g)), weights);
}

/**
 * The min-norm point of the segment between two task gradients: d = γ g₁ + (1 − γ) g₂ with
 * γ = clamp(((g₂ − g₁)·g₂)/‖g₁ − g₂‖², 0, 1) (Désidéri's MGDA for two tasks). −d is a descent
 * direction for both tasks unless d = 0 (a Pareto-stationary point).
 */
export function minNormCombination(g1: Vector, g2: Vector): { gamma: number; direction: number[] } {
  assertVector('minNormCombination', 'g1', g1);
  assertVector('minNormCombination', 'g2', g2);
  if (g2.length !== g1.length) throw new LosscheckShapeError('minNormCombination', 'g2', `must have length ${g1.length}, got ${g2.length}`);
  return minNormOf(g1, g2);
}

function minNormOf(g1: Vector, g2: Vector): { gamma: number; direction: number[] } {
  // γ is invariant to scaling both gradients, so they are divided by their largest entry first:
  // products of entries above ~1e154 would overflow (∞/∞ = NaN) and below ~1e-154 underflow (0/0).
  let scale = 0;
  for (let i = 0; i < g1.length; i++) scale = Math.max(scale, Math.abs(g1[i]!), Math.abs(g2[i]!));
  let num = 0, den = 0;
  for (let i = 0; i < g1.length; i++) {
    const a = g1[i]! / scale, b = g2[i]! / scale, diff = b - a;
    num += diff * b; den += diff * diff;
  }
  const gamma = den === 0 || scale === 0 ? 0.5 : Math.min(1, Math.max(0, num / den));
  return { gamma, direction: g1.map((x, i) => gamma * x + (1 - gamma) * g2[i]!) };
}

/** MGDA for two tasks: θ ← θ − η d(θ), d the min-norm combination of the two gradients, for a fixed number of steps. */
export function mgdaTwoTasks(
  gradient1: (theta: number[]) => number[], gradient2: (theta: number[]) => number[], theta0: Vector, step: number, iterations: number,
): number[] {
  if (typeof gradient1 !== 'function') throw new LosscheckInputError('mgdaTwoTasks', 'gradient1', 'must be a function θ ↦ ∇L₁(θ)');
  if (typeof gradient2 !== 'function') throw new LosscheckInputError('mgdaTwoTasks', 'gradient2', 'must be a function θ ↦ ∇L₂(θ)');
  assertVector('mgdaTwoTasks', 'theta0', theta0);
  assertFiniteNumber('mgdaTwoTasks', 'step', step);
  if (!(step > 0)) throw new LosscheckInputError('mgdaTwoTasks', 'step', `must be > 0, got ${step}`);
  if (!Number.isInteger(iterations) || iterations < 0) throw new LosscheckInputError('mgdaTwoTasks', 'iterations', `must be a non-negative integer, got ${iterations}`);
  let theta = [...theta0];
  for (let t = 0; t < iterations; t++) {
    const g1 = gradient1(theta), g2 = gradient2(theta);
    assertVector('mgdaTwoTasks', `gradient1(θ) at iteration ${t}`, g1, theta.length);
    assertVector('mgdaTwoTasks', `gradient2(θ) at iteration ${t}`, g2, theta.length);
    const { direction } = minNormOf(g1, g2);
    theta = theta.map((x, i) => x - step * direction[i]!);
  }
  return theta;
}
