// A two-task model with shared parameters θ = w [B, d], written in tfjs ops: task 1 is linear
// regression (½·mean squared residual), task 2 logistic classification (mean binary cross-entropy of
// σ(wᵀx)), combined as w₁L₁ + w₂L₂. Per-case losses for batchedDerivatives.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import type { PerCaseLoss } from './autodiff.ts';
import { OracleInputError, assertBatch } from '../errors.ts';

export interface TwoTaskData { xReg: number[][][]; yReg: number[][]; xCls: number[][][]; yCls: number[][]; taskWeights: number[][] }

/** θ = w [B, d]; loss_b = taskWeights[b][0]·½ mean (y − Xw)² + taskWeights[b][1]·mean[softplus(X'w) − y'·X'w]. */
export function twoTaskWeightedLoss(data: TwoTaskData): (tf: Tf) => PerCaseLoss {
  const b = data.xReg.length;
  if (b === 0 || [data.yReg, data.xCls, data.yCls, data.taskWeights].some((a) => a.length !== b)) {
    throw new OracleInputError('twoTaskWeightedLoss', 'data', 'every field must hold the same non-empty number of cases');
  }
  assertBatch('twoTaskWeightedLoss', 'taskWeights', data.taskWeights, 2);
  assertBatch('twoTaskWeightedLoss', 'yReg', data.yReg);
  assertBatch('twoTaskWeightedLoss', 'yCls', data.yCls);
  return (tf) => {
    const xr = tf.tensor3d(data.xReg), yr = tf.tensor2d(data.yReg), xc = tf.tensor3d(data.xCls), yc = tf.tensor2d(data.yCls);
    const tw = tf.tensor2d(data.taskWeights);
    return (w) => {
      const we = tf.expandDims(w, 1);
      const regression = tf.mul(0.5, tf.mean(tf.square(tf.sub(yr, tf.sum(tf.mul(xr, we), 2))), 1));
      const z = tf.sum(tf.mul(xc, we), 2);
      const classification = tf.mean(tf.sub(tf.softplus(z), tf.mul(yc, z)), 1);
      return tf.add(tf.mul(tf.squeeze(tf.slice(tw, [0, 0], [-1, 1]), [1]), regression),
        tf.mul(tf.squeeze(tf.slice(tw, [0, 1], [-1, 1]), [1]), classification)) as TF.Tensor1D;
    };
  };
}
