// Batched autodiff with tfjs (float32). A "per-case loss" maps parameters θ of shape [B, n] to
// losses of shape [B]; cases never interact, so the gradient of Σ_b loss_b is the per-case gradient
// and one tensor call serves the whole batch. Hessians use nested tf.grad and are only as good as the
// qualification of nested gradients says (see qualification.ts).
//
// Full Hessians take n Hessian-vector products per case. A loss whose builder is marked `replicates`
// (see replicating()) accepts θ holding r copies of the batch ([r·B, n], row q·B + b is copy q of case b)
// and returns one loss per row; its n products are then stacked into as few nested calls as the row
// budget allows (one call for B·n ≤ HESSIAN_ROWS_PER_CALL): copy q of every case is differentiated along
// e_q. Any other loss takes one nested call per direction over the batch.
// Results are read once per call into Float32Arrays (`flat`); the nested-array views are built on first
// access only.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import { OracleInputError, assertBatch, assertFunction, assertTf } from '../errors.ts';
import { packed, packedRows, tidyData, unpacked } from './tensors.ts';

export type PerCaseLoss = (theta: TF.Tensor2D) => TF.Tensor1D;

/** Builds the per-case loss of a batch (tensors it creates are disposed by the caller's tidy). */
export type LossBuilder = ((tf: Tf) => PerCaseLoss) & {
  /** The loss accepts θ of shape [r·B, n] for any r ≥ 1 (r copies of the batch, copy-major) and returns [r·B]. */
  readonly replicates?: true;
};

/** Marks a builder whose loss accepts r copies of the batch (see LossBuilder). */
export function replicating(build: (tf: Tf) => PerCaseLoss): LossBuilder {
  assertFunction('replicating', 'build', build);
  return Object.assign((tf: Tf) => build(tf), { replicates: true as const });
}

/**
 * Rows of θ per stacked nested call. Measured on wasm at d = 8, C = 5, N = 16 (200 cases, 40 directions):
 * the cost per case is flat from ~1000 to 8000 rows per call (430–465 µs) and higher below (590 µs at
 * 400 rows, per-call overhead); the kernels are then compute-bound, and a call stays a few MB of tensors.
 */
export const HESSIAN_ROWS_PER_CALL = 8192;

/** The derivatives of a batch as read from tfjs: row-major Float32Arrays. */
export interface FlatDerivatives {
  batch: number;
  /** Parameters per case. */
  n: number;
  /** values[b] = loss_b. */
  values: Float32Array;
  /** gradients[b·n + i] = ∂loss_b/∂θ_i. */
  gradients: Float32Array;
  /** hessians[(b·n + i)·n + j] = ∂²loss_b/∂θ_i∂θ_j (∂_j of the i-th gradient entry), when requested. */
  hessians?: Float32Array;
}

export interface BatchedDerivatives {
  values: number[];
  gradients: number[][];
  /** hessians[b][i][j] = ∂²loss_b/∂θ_i∂θ_j, when requested. */
  hessians?: number[][][];
  /** The same numbers, as read from tfjs (float32, row-major): what a fast comparison should read. */
  flat: FlatDerivatives;
}

/** Nested views of flat derivatives, each built on first access (enumerable, so a spread copies them). */
function withNestedViews(flat: FlatDerivatives): BatchedDerivatives {
  const { batch, n } = flat;
  const rows = (data: Float32Array, offset: number, count: number, width: number) =>
    Array.from({ length: count }, (_, r) => Array.from(data.subarray(offset + r * width, offset + (r + 1) * width)));
  const lazy = <T>(make: () => T) => { let v: T | undefined; return { enumerable: true, get: () => (v ??= make()) }; };
  const out = { flat } as BatchedDerivatives;
  Object.defineProperty(out, 'values', lazy(() => Array.from(flat.values)));
  Object.defineProperty(out, 'gradients', lazy(() => rows(flat.gradients, 0, batch, n)));
  if (flat.hessians) {
    const h = flat.hessians;
    Object.defineProperty(out, 'hessians', lazy(() => Array.from({ length: batch }, (_, b) => rows(h, b * n * n, n, n))));
  }
  return out;
}

/**
 * Loss values, gradients and (optionally) Hessians of a per-case loss for every case of a batch.
 * `build` receives the tfjs namespace and returns the per-case loss; tensors it creates are disposed.
 */
export function batchedDerivatives(
  tf: Tf, params: number[][], build: LossBuilder, withHessian: boolean,
): BatchedDerivatives {
  assertTf('batchedDerivatives', tf);
  const paramData = packedRows('batchedDerivatives', 'params', params);
  assertFunction('batchedDerivatives', 'build', build);
  const n = params[0]!.length, batch = params.length;
  return withNestedViews(tidyData(tf, () => {
    const loss = build(tf);
    const theta = tf.tensor2d(paramData, [batch, n]);
    // Values and gradients from one forward pass: the per-case losses are kept out of tf.grad's tidy.
    let perCase: TF.Tensor | undefined;
    const gradient = tf.grad((t: TF.Tensor) => { const l = loss(t as TF.Tensor2D); perCase = tf.keep(l); return tf.sum(l); })(theta);
    const values = perCase!.dataSync() as Float32Array;
    perCase!.dispose(); // kept tensors outlive every enclosing tidy
    const gradients = gradient.dataSync() as Float32Array;
    if (!withHessian) return { batch, n, values, gradients };
    const hessians = build.replicates === true
      ? stackedHessians(tf, loss, paramData, batch, n)
      : hessiansByDirection(tf, loss, theta, batch, n);
    return { batch, n, values, gradients, hessians };
  }));
}

const gradOfSum = (tf: Tf, loss: PerCaseLoss) => tf.grad((t: TF.Tensor) => tf.sum(loss(t as TF.Tensor2D)));

/** One nested call per basis direction e_k, each over the whole batch: row k of every case's Hessian. */
function hessiansByDirection(tf: Tf, loss: PerCaseLoss, theta: TF.Tensor2D, batch: number, n: number): Float32Array {
  const gradOf = gradOfSum(tf, loss);
  const out = new Float32Array(batch * n * n);
  for (let k = 0; k < n; k++) {
    tf.tidy(() => {
      // Basis direction e_k for every case (tf.oneHot needs depth ≥ 2, so it is built by hand).
      const e = new Float32Array(batch * n);
      for (let b = 0; b < batch; b++) e[b * n + k] = 1;
      const direction = tf.tensor2d(e, [batch, n]);
      const hvp = tf.grad((t: TF.Tensor) => tf.sum(tf.mul(gradOf(t), direction)))(theta).dataSync();
      for (let b = 0; b < batch; b++) out.set(hvp.subarray(b * n, (b + 1) * n), (b * n + k) * n);
    });
  }
  return out;
}

/**
 * The n Hessian-vector products of every case stacked into nested calls over replicated rows: a call
 * takes r directions, r copies of θ ([r·B, n]) and the mask whose row q·B + b is e_{k₀+q};
 * ∇ Σ (∇loss ⊙ mask) then holds row k₀ + q of case b's Hessian in row q·B + b.
 */
function stackedHessians(tf: Tf, loss: PerCaseLoss, packedParams: Float32Array, batch: number, n: number): Float32Array {
  const gradOf = gradOfSum(tf, loss);
  const out = new Float32Array(batch * n * n);
  const perCall = Math.max(1, Math.min(n, Math.floor(HESSIAN_ROWS_PER_CALL / batch)));
  for (let k0 = 0; k0 < n; k0 += perCall) {
    const r = Math.min(perCall, n - k0);
    tf.tidy(() => {
      // θ repeated (one block copy per direction) and the mask, written directly.
      const theta = new Float32Array(batch * r * n), e = new Float32Array(batch * r * n);
      for (let q = 0; q < r; q++) {
        theta.set(packedParams, q * batch * n);
        for (let b = 0; b < batch; b++) e[(q * batch + b) * n + k0 + q] = 1;
      }
      const copies = tf.tensor2d(theta, [r * batch, n]), mask = tf.tensor2d(e, [r * batch, n]);
      const rows = tf.grad((t: TF.Tensor) => tf.sum(tf.mul(gradOf(t), mask)))(copies).dataSync();
      for (let q = 0; q < r; q++) {
        for (let b = 0; b < batch; b++) out.set(rows.subarray((q * batch + b) * n, (q * batch + b + 1) * n), (b * n + k0 + q) * n);
      }
    });
  }
  return out;
}

/**
 * Hessian-vector products H_b v_b for every case, by one nested tf.grad over the whole batch:
 * ∇_θ (Σ_b ∇_θ loss_b · v_b). Rests on the same nested-gradient qualification as full Hessians.
 */
export function batchedHessianVectorProducts(
  tf: Tf, params: number[][], build: LossBuilder, directions: number[][],
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
    const gradOf = gradOfSum(tf, loss);
    return unpacked<number[][]>(tf.grad((t: TF.Tensor) => tf.sum(tf.mul(gradOf(t), v)))(theta));
  });
}
