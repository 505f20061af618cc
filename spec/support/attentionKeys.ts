// The Jacobian of the attention weights A = Softmax(QKᵀ/√d_k) in the keys K, from tfjs first-order
// autodiff (the attention oracle of oracles/tfjs/attention.ts differentiates in Q only): a per-case loss
// over θ = vec(K) row-major, Σ_ij u_ij A_ij, whose gradient is row u of ∂vec(A)/∂vec(K).
import type * as TF from '@tensorflow/tfjs';
import type { RunContext } from '../engine/item.ts';
import { batchedByShape } from '../engine/batch.ts';
import type { AttentionCase } from '../domains/index.ts';
import type { PerCaseLoss } from '../../oracles/tfjs/index.ts';
import type { Tf } from '../../oracles/tfjs/backend.ts';
import { packed } from '../../oracles/tfjs/tensors.ts';

function keyProjectionLoss(q: number[][][], m: number, u: number[][][]): (tf: Tf) => PerCaseLoss {
  const batch = q.length, dk = q[0]![0]!.length;
  return (tf) => {
    const qs = packed<TF.Rank.R3>(tf, q), us = packed<TF.Rank.R3>(tf, u);
    return (theta) => {
      const k = tf.reshape(theta, [batch, m, dk]) as TF.Tensor3D;
      const a = tf.softmax(tf.div(tf.matMul(qs, k, false, true), Math.sqrt(dk)));
      return tf.sum(tf.mul(a, us), [1, 2]) as TF.Tensor1D;
    };
  };
}

/** ∂vec(A)/∂vec(K) (rows (i, j) ↦ i·m + j, columns (t, l) ↦ t·d_k + l): one batched gradient call per entry of A, per shape. */
export function tfjsAttentionKeyJacobian(cases: AttentionCase[], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (c) => `${c.n}x${c.m}x${c.dk}`, (group) => {
    const { n, m } = group[0]!;
    const jac: number[][][] = group.map(() => []);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
      const u = group.map(() => Array.from({ length: n }, (_, r) => Array.from({ length: m }, (_, s) => (r === i && s === j ? 1 : 0))));
      const { gradients } = ctx.tfjs.derivatives(group.map((c) => c.K.flat()), keyProjectionLoss(group.map((c) => c.Q), m, u));
      gradients.forEach((g, b) => jac[b]!.push(g));
    }
    return jac;
  });
}
