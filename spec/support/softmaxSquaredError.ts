// The squared error of a softmax output as a function of the logits, for the tfjs autodiff oracle:
// θ = z [B, C], loss_b = ½ Σ_k (softmax(z_b)_k − p_bk)². First derivatives only (tf.softmax's gradient,
// as in oracles/tfjs/losses.ts softmaxProjectionLoss).
import type * as TF from '@tensorflow/tfjs';
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import type { PerCaseLoss } from '../../oracles/tfjs/index.ts';
import type { Tf } from '../../oracles/tfjs/backend.ts';
import { packed } from '../../oracles/tfjs/tensors.ts';

function softmaxSquaredErrorLoss(p: number[][]): (tf: Tf) => PerCaseLoss {
  return (tf) => {
    const ps = packed<TF.Rank.R2>(tf, p);
    return (z) => tf.mul(0.5, tf.sum(tf.square(tf.sub(tf.softmax(z), ps)), 1)) as TF.Tensor1D;
  };
}

/** tfjs gradients in z of ½‖softmax(z) − p‖², batched per class count. */
export function tfjsSoftmaxSquaredErrorGradients(cases: { z: number[]; p: number[] }[], ctx: RunContext): number[][] {
  return batchedByShape(cases, (c) => String(c.z.length), (group) =>
    ctx.tfjs.derivatives(group.map((c) => c.z), softmaxSquaredErrorLoss(group.map((c) => c.p))).gradients);
}

/**
 * float32 vs float64 for its gradient entries (diag(p̂) − p̂p̂ᵀ)(p̂ − p), each of size ≤ 1: the forward pass (C exps, a
 * C-term sum, the division, C squared differences summed) and the backward pass mirroring it (2×); float32 rounding
 * of z moves p̂ by ≤ 2u·max|z| relative (κ = 1 + 2 max|z|).
 */
export function softmaxSquaredErrorGradientTolerance(z: number[], dtypes: readonly [Dtype, Dtype] = ['float32', 'float64']): number {
  return tolerance({ dtypes, operations: 2 * (2 * z.length + elementary(z.length + 1)), scale: 1, condition: 1 + 2 * Math.max(...z.map(Math.abs)) });
}
