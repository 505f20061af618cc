// Scaled dot-product attention written in tfjs ops (tf.matMul, tf.softmax), batched over cases of one
// shape: Q [B, n, d_k], K [B, m, d_k], V [B, m, d_v]. The forward pass is qualified on closed forms
// (qualifyAttentionForward) before use; first-order derivatives go through the qualified
// batchedDerivatives path as per-case losses over θ = vec(Q) (row-major).
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import type { PerCaseLoss } from './autodiff.ts';
import { packed, tidyData, unpacked } from './tensors.ts';
import { OracleInputError, assertBatch, assertPositiveInteger, assertTf } from '../errors.ts';

type Batch3 = number[][][];

function shapeOf(fn: string, name: string, t: Batch3): [number, number, number] {
  if (!Array.isArray(t) || t.length === 0) throw new OracleInputError(fn, name, 'must be a non-empty batch of matrices');
  const rows = Array.isArray(t[0]) ? t[0].length : 0, cols = Array.isArray(t[0]?.[0]) ? t[0][0].length : 0;
  if (rows === 0 || cols === 0) throw new OracleInputError(fn, name, 'case 0 must be a non-empty matrix');
  t.forEach((m, b) => {
    if (!Array.isArray(m) || m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols || r.some((x) => !Number.isFinite(x)))) {
      throw new OracleInputError(fn, name, `case ${b} must be a finite ${rows}×${cols} matrix like case 0`);
    }
  });
  return [t.length, rows, cols];
}

function weights(tf: Tf, q: TF.Tensor3D, k: TF.Tensor3D): TF.Tensor3D {
  const dk = k.shape[2];
  return tf.softmax(tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk))) as TF.Tensor3D;
}

/** Attention weights Softmax(QKᵀ/√d_k) [B][n][m] and outputs AV [B][n][d_v], one tensor call for the batch. */
export function attentionForward(tf: Tf, q: Batch3, k: Batch3, v: Batch3): { weights: Batch3; outputs: Batch3 } {
  assertTf('attentionForward', tf);
  const [b, , dq] = shapeOf('attentionForward', 'Q', q);
  const [bk, m, dk] = shapeOf('attentionForward', 'K', k);
  const [bv, mv] = shapeOf('attentionForward', 'V', v);
  if (bk !== b || bv !== b || dk !== dq || mv !== m) throw new OracleInputError('attentionForward', 'K', 'Q, K, V must share the batch, Q and K the width, K and V the rows');
  return tidyData(tf, () => {
    const a = weights(tf, packed<TF.Rank.R3>(tf, q), packed<TF.Rank.R3>(tf, k));
    return { weights: unpacked<Batch3>(a), outputs: unpacked<Batch3>(tf.matMul(a, packed<TF.Rank.R3>(tf, v))) };
  });
}

/** θ = vec(Q) [B, n·d_k]; loss_b = Σ_ij u_ij A_ij: its gradient is row u of the Jacobian ∂vec(A)/∂vec(Q). */
export function attentionWeightsProjectionLoss(k: Batch3, n: number, u: Batch3): (tf: Tf) => PerCaseLoss {
  assertPositiveInteger('attentionWeightsProjectionLoss', 'n', n);
  const [b, m, dk] = shapeOf('attentionWeightsProjectionLoss', 'K', k);
  const [bu, nu, mu] = shapeOf('attentionWeightsProjectionLoss', 'u', u);
  if (bu !== b || nu !== n || mu !== m) throw new OracleInputError('attentionWeightsProjectionLoss', 'u', `must be ${b}×${n}×${m}`);
  return (tf) => {
    const ks = packed<TF.Rank.R3>(tf, k), us = packed<TF.Rank.R3>(tf, u);
    return (theta) => tf.sum(tf.mul(weights(tf, tf.reshape(theta, [b, n, dk]) as TF.Tensor3D, ks), us), [1, 2]) as TF.Tensor1D;
  };
}

/** θ = scores s [B, m]; loss_b = log softmax(s)_{y_b}, shifted by the row maximum at evaluation (a constant). */
export function logSoftmaxEntryLoss(y: number[], sAtEvaluation: number[][]): (tf: Tf) => PerCaseLoss {
  assertBatch('logSoftmaxEntryLoss', 's', sAtEvaluation);
  if (!Array.isArray(y) || y.length !== sAtEvaluation.length) throw new OracleInputError('logSoftmaxEntryLoss', 'y', 'needs one label per case');
  const m = sAtEvaluation[0]!.length;
  y.forEach((c, b) => { if (!Number.isInteger(c) || c < 0 || c >= m) throw new OracleInputError('logSoftmaxEntryLoss', 'y', `case ${b}: ${c} is not a class index`); });
  return (tf) => {
    const pick = tf.oneHot(tf.tensor1d(y, 'int32'), m).toFloat();
    const shift = packed<TF.Rank.R2>(tf, sAtEvaluation.map((s) => [Math.max(...s)]));
    return (s) => {
      const z = tf.sub(s, shift);
      return tf.sub(tf.sum(tf.mul(pick, z), 1), tf.log(tf.sum(tf.exp(z), 1))) as TF.Tensor1D;
    };
  };
}

export interface AttentionQualification { case: string; relativeError: number; size: number; inputMagnitude: number }

/**
 * The forward pass on closed forms: Q = 0 gives uniform weights 1/m and outputs the column means of V;
 * one query against two keys (d_k = 1) gives weights σ(±(k₁ − k₂)q) and the matching mix of V.
 */
export function qualifyAttentionForward(tf: Tf): AttentionQualification[] {
  assertTf('qualifyAttentionForward', tf);
  const v = [[[1, -2], [3, 0.5], [-1, 4]]];
  const uniform = attentionForward(tf, [[[0, 0], [0, 0]]], [[[1, 2], [-0.5, 3], [2, -1]]], v);
  const colMeans = [0, 1].map((c) => v[0]!.reduce((s, r) => s + r[c]!, 0) / 3);
  const expectedUniform = [...[1, 1].map(() => [1 / 3, 1 / 3, 1 / 3]).flat(), ...[1, 1].map(() => colMeans).flat()];
  const q = 1.5, k1 = 0.8, k2 = -0.4, sig = 1 / (1 + Math.exp(-(k1 - k2) * q));
  const v2 = [[[2, -1], [-3, 5]]];
  const two = attentionForward(tf, [[[q]]], [[[k1], [k2]]], v2);
  const expectedTwo = [sig, 1 - sig, sig * 2 + (1 - sig) * -3, sig * -1 + (1 - sig) * 5];
  const rel = (got: number[], want: number[]) => {
    const s = Math.max(...want.map(Math.abs));
    return Math.max(...got.map((g, i) => (Number.isFinite(g) ? Math.abs(g - want[i]!) / s : Infinity)));
  };
  return [
    { case: 'Q = 0: uniform weights, outputs = column means of V', size: 6, inputMagnitude: 4,
      relativeError: rel([...uniform.weights[0]!.flat(), ...uniform.outputs[0]!.flat()], expectedUniform) },
    { case: 'one query, two keys (d_k = 1): weights σ(±(k₁ − k₂)q)', size: 6, inputMagnitude: 5,
      relativeError: rel([...two.weights[0]!.flat(), ...two.outputs[0]!.flat()], expectedTwo) },
  ];
}

/** tf.softmax over the last axis of z [B, C], one tensor call. */
export function softmaxForward(tf: Tf, z: number[][]): number[][] {
  assertTf('softmaxForward', tf);
  assertBatch('softmaxForward', 'z', z);
  return tidyData(tf, () => unpacked<number[][]>(tf.softmax(packed<TF.Rank.R2>(tf, z))));
}
