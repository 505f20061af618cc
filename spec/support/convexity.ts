// Measurements shared by the §4.3.2 convexity and strong-convexity items: the chord gap of 4.3.11, the
// float32 Hessians of the two losses from tfjs (batched per shape), and how far an eigenvalue of a
// float32 Hessian may sit from the exact one.
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import { tfjsLosses } from '../../oracles/tfjs/index.ts';

/**
 * The chord gap f(λa + (1 − λ)b) − [λ f(a) + (1 − λ) f(b)] (≤ 0 for a convex f), and the float64
 * tolerance on it: three evaluations of f, each accurate to `roundings` roundings of its terms of size
 * ≤ `termSize` (a value, not the gap, so cancellation in the gap is covered).
 */
export function chordGap(f: (p: number[]) => number, a: number[], b: number[], lambda: number, roundings: number,
  termSize: (p: number[]) => number, dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']): { gap: number; tolerance: number } {
  const m = a.map((ai, i) => lambda * ai + (1 - lambda) * b[i]!);
  const gap = f(m) - (lambda * f(a) + (1 - lambda) * f(b));
  const scale = Math.max(termSize(a), termSize(b), termSize(m));
  // The mixed point itself is rounded (one product and one sum per coordinate): f moves by at most the
  // same relative amount as its terms, hence condition 1 on the term size.
  return { gap, tolerance: tolerance({ dtypes, operations: 3 * (roundings + 3), scale }) };
}

/**
 * Ascending eigenvalues of each (float32 autodiff) Hessian's symmetric part, from the qualified eigen
 * oracle. The two triangles of a float32 Hessian are two roundings of the same exact entry; where the
 * entries are tiny (a saturated softmax: ~10⁻⁶) their difference (~10⁻⁷, rounding of O(1) intermediates)
 * exceeds the oracle's relative symmetry allowance (seen at seed 645602714). The symmetric part is within
 * the same entrywise tolerance of the exact Hessian as either triangle (|½(E + Eᵀ)_ij| ≤ max|E_ij|), so the
 * Weyl bound of eigenvalueTolerance() still holds; a structural asymmetry would show in the entrywise
 * comparisons of the same Hessians against impl/ (4.3.8–4.3.10).
 */
export const eigenvaluesOf = (ctx: RunContext, matrices: number[][][]) =>
  matrices.map((m) => ctx.eigen.values(m.map((row, i) => row.map((v, j) => (v + m[j]![i]!) / 2))));

/**
 * How far an eigenvalue of a float32 Hessian may be from the exact one: Weyl's inequality bounds the
 * shift by ‖E‖₂ ≤ n·max|E_ij| (entrywise tolerance), and the float64 eigensolver adds n² roundings of ‖H‖.
 */
export function eigenvalueTolerance(n: number, entryTolerance: number, norm: number): number {
  return n * entryTolerance + tolerance({ dtypes: ['float64', 'float64'], operations: n * n, scale: norm });
}

export interface LinearData { X: number[][]; y: number[]; w: number[] }

/** Hessians in w of the mean ½(y − wᵀx)² (no bias) from tfjs, batched per shape. */
export function tfjsMseHessians(cases: LinearData[], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (c) => `${c.X.length}x${c.w.length}`, (group) => ctx.tfjs.derivatives(
    group.map((c) => c.w), tfjsLosses.linearMseLoss(group.map((c) => c.X), group.map((c) => c.y), group.map(() => 0), 'half'),
    { hessian: true }).hessians!);
}

/** Entries (1/N) Σ x_i x_j of the mean-½ MSE Hessian: terms ≤ max|x|², N + d roundings and the backward pass. */
export function mseHessianEntryTolerance(X: number[][], dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  const xMax = Math.max(...X.flat().map(Math.abs), Number.MIN_VALUE);
  return tolerance({ dtypes, operations: 2 * (X.length + X[0]!.length + 3), scale: xMax ** 2 });
}

export interface SoftmaxData { d: number; C: number; X: number[][]; P: number[][]; W: number[] }

const rowsOf = (flat: number[], d: number, C: number) => Array.from({ length: d }, (_, i) => flat.slice(i * C, (i + 1) * C));
export const softmaxWeights = (c: SoftmaxData) => rowsOf(c.W, c.d, c.C);

/** Hessians in vec(W) (row-major) of the mean softmax-regression cross-entropy from tfjs, batched per shape. */
export function tfjsSoftmaxHessians(cases: SoftmaxData[], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (c) => `${c.d}x${c.C}x${c.X.length}`, (group) => ctx.tfjs.derivatives(
    group.map((c) => c.W), tfjsLosses.softmaxRegressionLoss(group.map((c) => c.X), group.map((c) => c.P), group.map((c) => c.W)),
    { hessian: true }).hessians!);
}

/**
 * Entries (1/N) Σ x_i x_j (diag p̂ − p̂p̂ᵀ)_{kl}: terms ≤ max|x|² (|S_kl| ≤ ¼); the path is a d-term
 * logit, C exps and a C-term sum, the division, the N-term mean and the mirrored backward pass; the
 * float32 rounding of W and x moves each logit by u·Σ|W_ik x_i|, and p̂ by at most that, relatively.
 */
export function softmaxHessianEntryTolerance(c: SoftmaxData, dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  let xMax = Number.MIN_VALUE, logitTerms = 0;
  for (const x of c.X) {
    for (const xi of x) xMax = Math.max(xMax, Math.abs(xi));
    for (let k = 0; k < c.C; k++) {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += Math.abs(x[i]! * c.W[i * c.C + k]!);
      logitTerms = Math.max(logitTerms, s);
    }
  }
  return tolerance({
    dtypes, operations: 2 * (c.d + c.C + c.X.length + elementary(2)), scale: xMax ** 2, condition: 1 + logitTerms,
  });
}

/** max |H_ij|, a bound on ‖H‖₂/n used to scale eigensolver error. */
export const entryNorm = (h: number[][]) => Math.max(...h.flat().map(Math.abs));

/** tfjs values of the mean softmax-regression cross-entropy for cases with W as a d×C matrix. */
export function tfjsSoftmaxRegressionValues(cases: { d: number; C: number; X: number[][]; P: number[][]; W: number[][] }[], ctx: RunContext): number[] {
  return batchedByShape(cases, (c) => `${c.d}x${c.C}x${c.X.length}`, (group) => {
    const w = group.map((c) => c.W.flat());
    return ctx.tfjs.derivatives(w, tfjsLosses.softmaxRegressionLoss(group.map((c) => c.X), group.map((c) => c.P), w)).values;
  });
}

/** XᵀX in float64 (d×d), the matrix the text's constants are stated for. */
export function gramOf(X: number[][]): number[][] {
  const d = X[0]!.length;
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => X.reduce((s, x) => s + x[i]! * x[j]!, 0)));
}
