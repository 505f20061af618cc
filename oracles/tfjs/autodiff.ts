// Batched autodiff with tfjs (float32). A "per-case loss" maps parameters θ of shape [B, n] to
// losses of shape [B]; cases never interact, so the gradient of Σ_b loss_b is the per-case gradient
// and one tensor call serves the whole batch. Hessians use nested tf.grad, one batched Hessian-vector
// product per parameter direction (n calls for all B cases), and are only as good as the qualification
// of nested gradients says (see qualification.ts).
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import { OracleInputError, assertBatch, assertFunction, assertTf } from '../errors.ts';
import { packed, tidyData, unpacked } from './tensors.ts';

export type PerCaseLoss = (theta: TF.Tensor2D) => TF.Tensor1D;

export interface BatchedDerivatives {
  values: number[];
  gradients: number[][];
  /** hessians[b][i][j] = ∂²loss_b/∂θ_i∂θ_j, when requested. */
  hessians?: number[][][];
}

/**
 * Loss values, gradients and (optionally) Hessians of a per-case loss for every case of a batch.
 * `build` receives the tfjs namespace and returns the per-case loss; tensors it creates are disposed.
 */
export function batchedDerivatives(
  tf: Tf, params: number[][], build: (tf: Tf) => PerCaseLoss, withHessian: boolean,
): BatchedDerivatives {
  assertTf('batchedDerivatives', tf);
  assertBatch('batchedDerivatives', 'params', params);
  assertFunction('batchedDerivatives', 'build', build);
  const n = params[0]!.length, batch = params.length;
  return tidyData(tf, () => {
    const loss = build(tf);
    const theta = packed<TF.Rank.R2>(tf, params);
    const total = (t: TF.Tensor) => tf.sum(loss(t as TF.Tensor2D));
    const gradOf = tf.grad(total);
    // Values and gradients from one forward pass: the per-case losses are kept out of tf.grad's tidy.
    let perCase: TF.Tensor | undefined;
    const gradient = tf.grad((t: TF.Tensor) => { const l = loss(t as TF.Tensor2D); perCase = tf.keep(l); return tf.sum(l); })(theta);
    const values = unpacked<number[]>(perCase!);
    perCase!.dispose(); // kept tensors outlive every enclosing tidy
    const gradients = unpacked<number[][]>(gradient);
    if (!withHessian) return { values, gradients };
    const hessians: number[][][] = Array.from({ length: batch }, () => []);
    for (let k = 0; k < n; k++) {
      // Basis direction e_k for every case (tf.oneHot needs depth ≥ 2, so it is built by hand).
      const direction = tf.tile(tf.tensor2d([Array.from({ length: n }, (_, j) => (j === k ? 1 : 0))]), [batch, 1]);
      const hvp = unpacked<number[][]>(tf.grad((t: TF.Tensor) => tf.sum(tf.mul(gradOf(t), direction)))(theta));
      for (let b = 0; b < batch; b++) hessians[b]!.push(hvp[b]!);
    }
    return { values, gradients, hessians };
  });
}

/**
 * Hessian-vector products H_b v_b for every case, by one nested tf.grad over the whole batch:
 * ∇_θ (Σ_b ∇_θ loss_b · v_b). Rests on the same nested-gradient qualification as full Hessians.
 */
export function batchedHessianVectorProducts(
  tf: Tf, params: number[][], build: (tf: Tf) => PerCaseLoss, directions: number[][],
): number[][] {
  assertTf('batchedHessianVectorProducts', tf);
  assertBatch('batchedHessianVectorProducts', 'params', params);
  assertFunction('batchedHessianVectorProducts', 'build', build);
  assertBatch('batchedHessianVectorProducts', 'directions', directions, params[0]!.length);
  if (directions.length !== params.length) {
    throw new OracleInputError('batchedHessianVectorProducts', 'directions', `must hold one direction per case (${params.length}), got ${directions.length}`);
  }
  return tidyData(tf, () => {
    const loss = build(tf);
    const theta = packed<TF.Rank.R2>(tf, params), v = packed<TF.Rank.R2>(tf, directions);
    const gradOf = tf.grad((t: TF.Tensor) => tf.sum(loss(t as TF.Tensor2D)));
    return unpacked<number[][]>(tf.grad((t: TF.Tensor) => tf.sum(tf.mul(gradOf(t), v)))(theta));
  });
}
