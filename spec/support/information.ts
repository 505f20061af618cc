// Oracle adapters for the information-geometry items of §4.3.3. Fisher information is computed from
// its definition (4.3.20) with tfjs autodiff and an EXACT expectation: over the finite label set
// (Σ_y p̂_y · …, with p̂_y = exp(−loss_y) read from the same tfjs call) for categorical models, and by
// Gauss–Hermite quadrature (exact for the polynomial integrands) for Gaussian ones. No sampling error.
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import { tfjsLosses } from '../../oracles/tfjs/index.ts';
import { GAUSS_HERMITE_3, type QuadratureRule } from '../../oracles/quadrature.ts';
import { useReference } from '../engine/references.ts';

export const oneHotRow = (C: number, y: number) => Array.from({ length: C }, (_, i) => (i === y ? 1 : 0));
const outerProduct = (a: number[], b: number[]) => a.map((ai) => b.map((bj) => ai * bj));
function weightedSum(weights: number[], matrices: number[][][]): number[][] {
  return matrices[0]!.map((row, i) => row.map((_, j) => matrices.reduce((s, m, k) => s + weights[k]! * m[i]![j]!, 0)));
}

export interface CategoricalInLogits {
  /** p̂_y = exp(log p̂_y) from tfjs. */
  pHat: number[];
  /** scores[y] = ∇_z log p̂_y = e_y − p̂ (tfjs gradient of −log p̂_y, negated). */
  scores: number[][];
  /** hessians[y] = ∇²_z (−log p̂_y) (nested tfjs grad), when requested. */
  negLogHessians?: number[][][];
  /** Σ_y p̂_y s_y s_yᵀ: the Fisher information by its first definition (4.3.20, left). */
  fisherFromScores: number[][];
  /** Σ_y p̂_y ∇²(−log p̂_y): the Fisher information by its second definition (4.3.20, right), when requested. */
  fisherFromHessians?: number[][];
}

/**
 * For each case's logits z, the derivatives of log p̂_y(z) for every label y in one tfjs call per class
 * count (C rows per case), and the two exact expectations of 4.3.20 over y ~ p̂.
 */
export function tfjsCategoricalInLogits(cases: { z: number[] }[], ctx: RunContext, hessian: boolean): CategoricalInLogits[] {
  return batchedByShape(cases, (c) => String(c.z.length), (group) => {
    const C = group[0]!.z.length;
    const z = group.flatMap((c) => Array.from({ length: C }, () => c.z));
    const targets = group.flatMap(() => Array.from({ length: C }, (_, y) => oneHotRow(C, y)));
    const out = ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(targets, z), { hessian });
    return group.map((_, b) => {
      const rows = Array.from({ length: C }, (_, y) => b * C + y);
      const pHat = rows.map((r) => Math.exp(-out.values[r]!));
      const scores = rows.map((r) => out.gradients[r]!.map((g) => -g));
      const fisherFromScores = weightedSum(pHat, scores.map((s) => outerProduct(s, s)));
      if (!hessian) return { pHat, scores, fisherFromScores };
      const negLogHessians = rows.map((r) => out.hessians![r]!);
      return { pHat, scores, fisherFromScores, negLogHessians, fisherFromHessians: weightedSum(pHat, negLogHessians) };
    });
  });
}

/**
 * float32 autodiff of −log softmax(z)_y and its expectation over C labels vs a float64 value of the same
 * Fisher entry: entries are products of terms in [−1, 1] (scale 1); the path is C exps, a C-term sum, a
 * log, the backward pass mirroring it, and the C-term expectation; float32 rounding of z moves each
 * shifted logit by u·2max|z|, and p̂ relatively by that much (κ = 1 + 2max|z|).
 */
export function logitFisherTolerance(z: number[], dtypes: readonly [Dtype, Dtype]): number {
  const C = z.length;
  return tolerance({ dtypes, operations: 2 * (C + elementary(C + 1)) + C, scale: 1, condition: 1 + 2 * Math.max(...z.map(Math.abs)) });
}

export interface SoftmaxRegressionFisherCase { d: number; C: number; N: number; W: number[][]; X: number[][] }

/**
 * The Fisher information of p(y | x; W) = softmax(Wᵀx)_y in vec(W) (row-major), averaged over the inputs
 * x⁽ⁿ⁾: (1/N) Σ_n Σ_y p̂_y(x⁽ⁿ⁾) s sᵀ with s = ∇_W log p̂_y(x⁽ⁿ⁾) from tfjs (one row per case, sample, label).
 */
export function tfjsSoftmaxRegressionFisher(cases: SoftmaxRegressionFisherCase[], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (c) => `${c.d}x${c.C}`, (group) => {
    const { d, C } = group[0]!;
    const rows: { b: number; x: number[]; y: number }[] = [];
    group.forEach((c, b) => c.X.forEach((x) => { for (let y = 0; y < C; y++) rows.push({ b, x, y }); }));
    const params = rows.map((r) => group[r.b]!.W.flat());
    const out = ctx.tfjs.derivatives(params, tfjsLosses.softmaxRegressionLoss(
      rows.map((r) => [r.x]), rows.map((r) => [oneHotRow(C, r.y)]), params));
    const fisher = group.map(() => Array.from({ length: d * C }, () => new Array<number>(d * C).fill(0)));
    rows.forEach((r, k) => {
      const weight = Math.exp(-out.values[k]!) / group[r.b]!.N;
      const s = out.gradients[k]!;
      const f = fisher[r.b]!;
      for (let i = 0; i < d * C; i++) for (let j = 0; j < d * C; j++) f[i]![j]! += weight * s[i]! * s[j]!;
    });
    return fisher;
  });
}

/** The 3-node Gauss–Hermite rule; the running check must have declared 'gauss-hermite', which the engine qualifies on E[Zᵏ], k ≤ 5. */
export function qualifiedGaussHermite(): QuadratureRule {
  useReference('gauss-hermite');
  return GAUSS_HERMITE_3;
}

export const GAUSS_HERMITE_LABEL = 'exact expectation by 3-node Gauss–Hermite quadrature';
