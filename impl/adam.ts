// The Adam optimiser (Kingma & Ba 2015, Algorithm 1), coordinate-wise, in float64:
//   m_t = β₁ m_{t−1} + (1 − β₁) g_t,    v_t = β₂ v_{t−1} + (1 − β₂) g_t²,    m₀ = v₀ = 0
//   m̂_t = m_t / (1 − β₁ᵗ),              v̂_t = v_t / (1 − β₂ᵗ)
//   w_{t+1} = w_t − η m̂_t / (√v̂_t + ε)
import { LosscheckInputError, assertFiniteNumber, assertVector, type Vector } from './errors.ts';

export interface AdamConfig { learningRate: number; beta1: number; beta2: number; epsilon: number }

export interface AdamState {
  /** Steps taken so far. */
  t: number;
  w: number[];
  m: number[];
  v: number[];
}

export interface AdamStepResult extends AdamState {
  mHat: number[];
  vHat: number[];
  /** w_{t+1} − w_t. */
  step: number[];
}

function assertConfig(fn: string, c: AdamConfig): void {
  if (typeof c !== 'object' || c === null) throw new LosscheckInputError(fn, 'config', 'must be {learningRate, beta1, beta2, epsilon}');
  assertFiniteNumber(fn, 'learningRate', c.learningRate);
  assertFiniteNumber(fn, 'beta1', c.beta1);
  assertFiniteNumber(fn, 'beta2', c.beta2);
  assertFiniteNumber(fn, 'epsilon', c.epsilon);
  if (!(c.learningRate > 0)) throw new LosscheckInputError(fn, 'learningRate', `must be > 0, got ${c.learningRate}`);
  if (!(c.beta1 >= 0 && c.beta1 < 1)) throw new LosscheckInputError(fn, 'beta1', `must lie in [0, 1), got ${c.beta1}`);
  if (!(c.beta2 >= 0 && c.beta2 < 1)) throw new LosscheckInputError(fn, 'beta2', `must lie in [0, 1), got ${c.beta2}`);
  if (!(c.epsilon >= 0)) throw new LosscheckInputError(fn, 'epsilon', `must be ≥ 0, got ${c.epsilon}`);
}

function assertState(fn: string, state: AdamState): void {
  if (typeof state !== 'object' || state === null) throw new LosscheckInputError(fn, 'state', 'must be an Adam state {t, w, m, v}');
  if (!Number.isInteger(state.t) || state.t < 0) throw new LosscheckInputError(fn, 'state.t', `must be a non-negative integer step count, got ${state.t}`);
  assertVector(fn, 'state.w', state.w);
  assertVector(fn, 'state.m', state.m, state.w.length);
  assertVector(fn, 'state.v', state.v, state.w.length);
  state.v.forEach((vi, i) => { if (vi < 0) throw new LosscheckInputError(fn, 'state.v', `must be ≥ 0 (a mean of squares), got ${vi} at index ${i}`); });
}

export function adamInitialState(w: Vector): AdamState {
  assertVector('adamInitialState', 'w', w);
  return { t: 0, w: [...w], m: w.map(() => 0), v: w.map(() => 0) };
}

/** One Adam step from `state` with gradient g. Throws when m̂/(√v̂ + ε) is 0/0 (g = 0 so far and ε = 0). */
export function adamStep(state: AdamState, gradient: Vector, config: AdamConfig): AdamStepResult {
  assertState('adamStep', state);
  assertConfig('adamStep', config);
  assertVector('adamStep', 'gradient', gradient, state.w.length);
  const { beta1, beta2, epsilon, learningRate } = config;
  const t = state.t + 1;
  const m = state.m.map((mi, i) => beta1 * mi + (1 - beta1) * gradient[i]!);
  const v = state.v.map((vi, i) => beta2 * vi + (1 - beta2) * gradient[i]! * gradient[i]!);
  const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
  const mHat = m.map((mi) => mi / c1), vHat = v.map((vi) => vi / c2);
  const step = mHat.map((mh, i) => {
    const denominator = Math.sqrt(vHat[i]!) + epsilon;
    if (denominator === 0) throw new LosscheckInputError('adamStep', 'gradient', `gives 0/0 at coordinate ${i} (every gradient so far is 0 and ε = 0)`);
    return (-learningRate * mh) / denominator;
  });
  return { t, m, v, mHat, vHat, step, w: state.w.map((wi, i) => wi + step[i]!) };
}

/** The states after each of the steps driven by gradients[0], gradients[1], …. */
export function adamTrajectory(w0: Vector, gradients: readonly Vector[], config: AdamConfig): AdamStepResult[] {
  if (!Array.isArray(gradients) || gradients.length === 0) throw new LosscheckInputError('adamTrajectory', 'gradients', 'must hold at least one gradient');
  assertVector('adamTrajectory', 'w0', w0);
  assertConfig('adamTrajectory', config);
  gradients.forEach((g, t) => assertVector('adamTrajectory', `gradients[${t}]`, g, w0.length));
  let state: AdamState = adamInitialState(w0);
  const out: AdamStepResult[] = [];
  for (const g of gradients) {
    const next = adamStep(state, g, config);
    out.push(next);
    state = next;
  }
  return out;
}

/**
 * The largest |m̂_t| / √v̂_t over all gradient sequences (Cauchy–Schwarz, attained for g_k ∝ β₁^{t−k}/β₂^{t−k}):
 * (1 − β₁)/√(1 − β₂) · √(Σ_{j<t} (β₁²/β₂)^j) · √(1 − β₂ᵗ)/(1 − β₁ᵗ). With ε ≥ 0, |Δw_t| ≤ η times this.
 */
export function adamStepBound(t: number, beta1: number, beta2: number): number {
  if (!Number.isInteger(t) || t < 1) throw new LosscheckInputError('adamStepBound', 't', `must be a positive integer, got ${t}`);
  assertConfig('adamStepBound', { learningRate: 1, beta1, beta2, epsilon: 0 });
  // β₂ = 0 makes v̂_t = g_t², which does not bound m̂_t (it averages earlier gradients too).
  if (!(beta2 > 0)) throw new LosscheckInputError('adamStepBound', 'beta2', `must be > 0 for a bound to exist, got ${beta2}`);
  const ratio = (beta1 * beta1) / beta2;
  let geometric = 0;
  for (let j = 0; j < t; j++) geometric += ratio ** j;
  return ((1 - beta1) / Math.sqrt(1 - beta2)) * Math.sqrt(geometric) * (Math.sqrt(1 - beta2 ** t) / (1 - beta1 ** t));
}
