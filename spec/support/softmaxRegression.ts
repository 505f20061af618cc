// Oracle adapters and tolerance derivations shared by the items about softmax regression
// (p̂ = softmax(Wᵀx), W d×C, mean cross-entropy over N samples). Parameters are vec(W) row-major.
import type fc from 'fast-check';
import { check, type CheckDefinition, type RunContext } from '../engine/item.ts';
import { printedMatrixOutcome } from './printedShapes.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import type { SoftmaxRegressionCase } from '../domains/index.ts';
import { tfjsLosses } from '../../oracles/tfjs/index.ts';

export const vecW = (w: number[][]) => w.flat();

/** tfjs (float32) gradients and Hessians in vec(W), batched per shape (d, C, N). */
export function tfjsSoftmaxRegression(cases: SoftmaxRegressionCase[], ctx: RunContext, hessian: boolean): { gradient: number[]; hessian?: number[][] }[] {
  return batchedByShape(cases, (c) => `${c.d}x${c.C}x${c.N}`, (group) => {
    const params = group.map((c) => vecW(c.W));
    const out = ctx.tfjs.derivatives(params,
      tfjsLosses.softmaxRegressionLoss(group.map((c) => c.X), group.map((c) => c.P), params), { hessian });
    return group.map((_, b) => ({ gradient: out.gradients[b]!, ...(hessian ? { hessian: out.hessians![b]! } : {}) }));
  });
}

/** max over samples and classes of Σ_i |W_ik x_i|: the size of the terms summed into a logit. */
export function logitScale(c: SoftmaxRegressionCase): number {
  // Plain loops (no closures or copies): the bench's P1 computes this for every case it compares.
  let m = 0;
  for (const x of c.X) {
    for (let k = 0; k < c.C; k++) {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += Math.abs(x[i]! * c.W[i]![k]!);
      m = Math.max(m, s);
    }
  }
  return m;
}

function xMax(c: SoftmaxRegressionCase): number {
  let m = Number.MIN_VALUE;
  for (const x of c.X) for (const xi of x) m = Math.max(m, Math.abs(xi));
  return m;
}

/** The dtype pair these tolerances were derived for: a float32 tfjs reference against float64 (a check passes its ctx.dtypes). */
const FLOAT32_VS_FLOAT64: readonly [Dtype, Dtype] = ['float32', 'float64'];

/**
 * float32 autodiff vs float64 closed form for the Hessian entries (1/N) Σ x_i x_j (diag p̂ − p̂p̂ᵀ)_{kl}:
 * terms of size ≤ max|x|² (|S_kl| ≤ ¼ < 1); the path is a d-term logit, C exps and a C-term sum, the
 * softmax division, the N-term mean and the backward pass mirroring it (hence 2×); float32 rounding of
 * W and x moves each logit by u·Σ|W_ik x_i|, and p̂ moves by at most that relative amount.
 */
export function hessianTolerance(c: SoftmaxRegressionCase, dtypes: readonly [Dtype, Dtype] = FLOAT32_VS_FLOAT64): number {
  return tolerance({
    dtypes, operations: 2 * (c.d + c.C + c.N + elementary(2)), scale: xMax(c) ** 2, condition: 1 + logitScale(c),
  });
}

/** Same derivation for gradient entries (1/N) Σ x_i (p̂_k − p_k): terms of size ≤ max|x|. */
export function gradientTolerance(c: SoftmaxRegressionCase, dtypes: readonly [Dtype, Dtype] = FLOAT32_VS_FLOAT64): number {
  return tolerance({
    dtypes, operations: 2 * (c.d + c.C + c.N + elementary(2)), scale: xMax(c), condition: 1 + logitScale(c),
  });
}

/**
 * The two claim checks of a printed softmax-regression Hessian whose operands may not multiply: over
 * any (d, C), and restricted to C = d, where the printed product evaluates and the note shows what it
 * gives instead of the dC×dC Hessian.
 */
export function printedHessianClaimChecks(printed: (c: SoftmaxRegressionCase) => number[][], label: string,
  anyShape: fc.Arbitrary<SoftmaxRegressionCase>, squareShapes: fc.Arbitrary<SoftmaxRegressionCase>): CheckDefinition<SoftmaxRegressionCase>[] {
  const evaluate = (cases: SoftmaxRegressionCase[], ctx: RunContext) => {
    const reference = tfjsSoftmaxRegression(cases, ctx, true);
    return cases.map((c, b) => printedMatrixOutcome(() => printed(c), reference[b]!.hessian!, hessianTolerance(c, ctx.dtypes), 'the Hessian in vec(W)'));
  };
  // The printed expression is evaluated with impl's shape-checked products (the audit's float64 reference) against tfjs.
  return [
    check({ name: `${label} ↔ tfjs Hessian in vec(W) (any d, C)`, role: 'claim', reference: ['tfjs-hessian', 'impl'], arbitrary: anyShape, runs: 'hessian', evaluate }),
    check({ name: `${label} ↔ tfjs Hessian where the shapes happen to multiply (C = d)`, role: 'claim', reference: ['tfjs-hessian', 'impl'],
      arbitrary: squareShapes, runs: 'hessian', evaluate }),
  ];
}
