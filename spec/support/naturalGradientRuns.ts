// Natural gradient descent vs gradient descent on non-quadratic cross-entropy losses (float64), for the
// §4.3.3 items on Riemannian gradient descent and on H_CE = I:
//   * logistic regression with soft targets y_n ∈ (0, 1) (cross-entropy against (y_n, 1 − y_n); the minimiser
//     exists for every full-rank X): in its weights, a canonical parameter, the Fisher information of the model
//     (1/N) Σ σ'(z_n) x_n x_nᵀ IS the Hessian (4.3.21);
//   * a model whose logits are non-linear in its parameters (as a network's are), where the Fisher information
//     (the Gauss–Newton matrix Σ σ'(z) ∇z ∇zᵀ) and the Hessian differ by Σ (σ(z) − y) ∇²z.
// Linear solves go through the independent ml-matrix solver (support/naturalGradient.ts).
import fc from 'fast-check';
import type { Outcome } from '../engine/item.ts';
import { TAYLOR_RATE_TOLERANCE } from '../engine/tolerance.ts';
import { vector } from '../domains/index.ts';
import { taylorRates } from '../../oracles/finiteDifference.ts';
import { norm, solveWith } from './naturalGradient.ts';

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** log(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);

export interface SoftLogisticProblem { X: number[][]; y: number[] }

/** L(w) = (1/N) Σ [log(1 + e^{z_n}) − y_n z_n], z_n = wᵀx_n. */
export function softLogisticLoss({ X, y }: SoftLogisticProblem, w: number[]): number {
  return X.reduce((s, x, n) => { const z = dot(w, x); return s + softplus(z) - y[n]! * z; }, 0) / X.length;
}

/** (1/N) Σ (softplus(z_n) + |y_n z_n|): the size of the terms the loss combines (for its rounding error). */
export function softLogisticTermSize({ X, y }: SoftLogisticProblem, w: number[]): number {
  return X.reduce((s, x, n) => { const z = dot(w, x); return s + softplus(z) + Math.abs(y[n]! * z); }, 0) / X.length;
}

export function softLogisticGradient({ X, y }: SoftLogisticProblem, w: number[]): number[] {
  const g = w.map(() => 0);
  X.forEach((x, n) => { const r = sigmoid(dot(w, x)) - y[n]!; x.forEach((xi, i) => { g[i]! += (r * xi) / X.length; }); });
  return g;
}

/** The Fisher information of the model p(y | x; w) = Ber(σ(wᵀx)), averaged over the inputs: (1/N) Σ σ'(z) x xᵀ (= the Hessian). */
export function softLogisticFisher({ X }: SoftLogisticProblem, w: number[]): number[][] {
  const d = w.length;
  const F = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  X.forEach((x) => {
    const s = sigmoid(dot(w, x)), v = s * (1 - s);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) F[i]![j]! += (v * x[i]! * x[j]!) / X.length;
  });
  return F;
}

/** T steps of w ← w − η G(w)⁻¹ ∇L(w) with G the Fisher information; returns w₀, …, w_T. */
export function naturalGradientTrajectory(problem: SoftLogisticProblem, w0: number[], steps: number, eta = 1): number[][] {
  const out = [w0];
  let w = w0;
  for (let t = 0; t < steps; t++) {
    const direction = solveWith(softLogisticFisher(problem, w), softLogisticGradient(problem, w));
    w = w.map((wi, i) => wi - eta * direction[i]!);
    out.push(w);
  }
  return out;
}

/** T steps of w ← w − η ∇L(w); returns w_T. */
export function gradientDescentEnd(problem: SoftLogisticProblem, w0: number[], steps: number, eta: number): number[] {
  let w = w0;
  for (let t = 0; t < steps; t++) {
    const g = softLogisticGradient(problem, w);
    w = w.map((wi, i) => wi - eta * g[i]!);
  }
  return w;
}

/**
 * A two-parameter cross-entropy model with its minimiser at w* = 0: samples (z = s·w₁, y = 1) and (z = s·w₁, y = 0),
 * linear in w₁; and (z = w₂ + c·w₂², y = 1), (z = w₂ − c·w₂², y = 0), non-linear in w₂. At w* the gradient vanishes,
 * the Fisher information is diag(s²/2, ½) and the Hessian diag(s²/2, ½ − 2c): for c < 0 they differ in w₂.
 */
export interface CurvedModel { s: number; c: number }

function curvedSamples({ s, c }: CurvedModel, w: number[]) {
  const [w1, w2] = w as [number, number];
  // Each sample: logit, its gradient and Hessian in w, and the label.
  return [
    { z: s * w1, dz: [s, 0], d2z: [[0, 0], [0, 0]], y: 1 },
    { z: s * w1, dz: [s, 0], d2z: [[0, 0], [0, 0]], y: 0 },
    { z: w2 + c * w2 * w2, dz: [0, 1 + 2 * c * w2], d2z: [[0, 0], [0, 2 * c]], y: 1 },
    { z: w2 - c * w2 * w2, dz: [0, 1 - 2 * c * w2], d2z: [[0, 0], [0, -2 * c]], y: 0 },
  ];
}

export function curvedLoss(model: CurvedModel, w: number[]): number {
  return curvedSamples(model, w).reduce((sum, { z, y }) => sum + softplus(z) - y * z, 0);
}

export function curvedGradient(model: CurvedModel, w: number[]): number[] {
  const g = [0, 0];
  for (const { z, dz, y } of curvedSamples(model, w)) { const r = sigmoid(z) - y; g[0]! += r * dz[0]!; g[1]! += r * dz[1]!; }
  return g;
}

/** The Hessian Σ σ'(z) ∇z∇zᵀ + (σ(z) − y)∇²z at the observed labels, and the Fisher information Σ σ'(z) ∇z∇zᵀ (labels from the model). */
export function curvedCurvatures(model: CurvedModel, w: number[]): { hessian: number[][]; fisher: number[][] } {
  const hessian = [[0, 0], [0, 0]], fisher = [[0, 0], [0, 0]];
  for (const { z, dz, d2z, y } of curvedSamples(model, w)) {
    const p = sigmoid(z), v = p * (1 - p);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) {
      fisher[i]![j]! += v * dz[i]! * dz[j]!;
      hessian[i]![j]! += v * dz[i]! * dz[j]! + (p - y) * d2z[i]![j]!;
    }
  }
  return { hessian, fisher };
}

/** 2×2 symmetric eigenvalues (ascending). */
function eigenvalues2(m2: number[][]): [number, number] {
  const a = m2[0]![0]!, b = m2[0]![1]!, d = m2[1]![1]!;
  const m = (a + d) / 2, r = Math.hypot((a - d) / 2, b);
  return [m - r, m + r];
}

/**
 * From w₀ = w* + r·(1, 1)/√2, T steps of gradient descent and of natural gradient descent (G = the Fisher information at
 * the current point), each with its best fixed step for the curvature at w*: 2/(λ_min + λ_max) of H for gradient descent,
 * 2/(μ_min + μ_max) of G⁻¹H for the natural gradient. Returns both final distances to w* = 0.
 */
export function curvedRace(model: CurvedModel, r: number, steps: number): { gd: number; ng: number; kappaH: number; kappaNG: number } {
  const { hessian, fisher } = curvedCurvatures(model, [0, 0]);
  const [hLo, hHi] = eigenvalues2(hessian);
  // G and H are diagonal at w*: G⁻¹H has the eigenvalues H_ii/G_ii.
  const ratios = [hessian[0]![0]! / fisher[0]![0]!, hessian[1]![1]! / fisher[1]![1]!];
  const mLo = Math.min(...ratios), mHi = Math.max(...ratios);
  const etaGd = 2 / (hLo + hHi), etaNg = 2 / (mLo + mHi);
  let gd = [r / Math.SQRT2, r / Math.SQRT2], ng = [...gd];
  for (let t = 0; t < steps; t++) {
    const g = curvedGradient(model, gd);
    gd = gd.map((wi, i) => wi - etaGd * g[i]!);
    const direction = solveWith(curvedCurvatures(model, ng).fisher, curvedGradient(model, ng));
    ng = ng.map((wi, i) => wi - etaNg * direction[i]!);
  }
  return { gd: Math.hypot(...gd), ng: Math.hypot(...ng), kappaH: hHi / hLo, kappaNG: mHi / mLo };
}

/**
 * Points w and directions v of the curved model on the scale of its logits (w₁ ~ 1/s, w₂ ~ 1/√|c|), so a step of
 * h ≤ ½ moves each logit by O(1).
 */
export function curvedProbe(models: fc.Arbitrary<CurvedModel>): fc.Arbitrary<{ m: CurvedModel; w: number[]; v: number[] }> {
  return models.chain((m) => fc.record({ a: vector(2, 1), b: vector(2, 1).filter((b) => norm(b) > 1e-3) }).map(({ a, b }) => ({
    m, w: [a[0]! / m.s, a[1]! / (2 * Math.sqrt(-m.c))], v: [b[0]! / m.s, b[1]! / (1 + Math.sqrt(-m.c))] })));
}

/**
 * The closed forms of the curved model against its loss: the Taylor remainder of the model L + h∇Lᵀv + ½h²vᵀHv
 * must shrink like h³; and at w* = 0, where every logit is 0 and σ(0) = ½ exactly, ∇L = 0 exactly and H ≻ 0.
 * The remainder is taken two-sided, max over ±h (oracles/finiteDifference.ts taylorRates). One-sided, the h³
 * coefficient of a logit z moving by u = h·dz/dh is softplus'''(z)/6 = σ''(z)/6 ≈ −z/48, which vanishes at the
 * inflection z = 0 of σ', so near it the h⁴ term σ'''(z)u⁴/24 ≈ −u⁴/192 cancels it inside the ladder (a soak seed
 * drew z = s·w₁ ≈ 0.0055: rate 2.72). Two-sided, the h³ and h⁴ terms add in absolute value, and the odd-order
 * terms that could still cancel, σ''(z)u³/6 ≈ −zu³/48 and σ''''(z)u⁵/120 ≈ zu⁵/480, both vanish like z: they
 * meet only at u² ≈ 10, beyond the ladder, whose steps h ≤ ½ move z = s·w₁ by |u| = h·|s·v₁| ≤ ½.
 */
export function curvedClosedFormOutcome({ m, w, v }: { m: CurvedModel; w: number[]; v: number[] }): Outcome {
  const { hessian } = curvedCurvatures(m, w);
  const g = curvedGradient(m, w);
  const rates = taylorRates((x) => curvedLoss(m, x), w, v, g[0]! * v[0]! + g[1]! * v[1]!,
    v.reduce((s, vi, i) => s + vi * (hessian[i]![0]! * v[0]! + hessian[i]![1]! * v[1]!), 0), { h0: 0.5, twoSided: true });
  const atStar = curvedCurvatures(m, [0, 0]).hessian;
  const minimiser = curvedGradient(m, [0, 0]).every((x) => x === 0) && atStar[0]![0]! > 0 && atStar[1]![1]! > 0;
  return { value: (rates.exact ? 0 : Math.max(0, 3 - rates.observedRate)) + (minimiser ? 0 : Infinity), bound: TAYLOR_RATE_TOLERANCE,
    note: `observed rate ${rates.observedRate.toFixed(3)}` };
}
