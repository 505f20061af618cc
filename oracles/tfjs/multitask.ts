// A two-task model with shared parameters θ = w [B, d], written in tfjs ops: task 1 is linear
// regression (½·mean squared residual), task 2 logistic classification (mean binary cross-entropy of
// σ(wᵀx)), combined as w₁L₁ + w₂L₂. Per-case losses for batchedDerivatives.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import type { PerCaseLoss } from './autodiff.ts';
import { packed } from './tensors.ts';
import { OracleInputError, assertBatch, assertBatch3, assertLabels } from '../errors.ts';

export interface TwoTaskData { xReg: number[][][]; yReg: number[][]; xCls: number[][][]; yCls: number[][]; taskWeights: number[][] }

/** θ = w [B, d]; loss_b = taskWeights[b][0]·½ mean (y − Xw)² + taskWeights[b][1]·mean[softplus(X'w) − y'·X'w]. */
export function twoTaskWeightedLoss(data: TwoTaskData): (tf: Tf) => PerCaseLoss {
  if (typeof data !== 'object' || data === null) throw new OracleInputError('twoTaskWeightedLoss', 'data', 'must be {xReg, yReg, xCls, yCls, taskWeights}');
  assertBatch3('twoTaskWeightedLoss', 'xReg', data.xReg);
  const b = data.xReg.length, d = data.xReg[0]![0]!.length;
  assertBatch3('twoTaskWeightedLoss', 'xCls', data.xCls, undefined, d);
  assertBatch('twoTaskWeightedLoss', 'yReg', data.yReg, data.xReg[0]!.length);
  assertBatch('twoTaskWeightedLoss', 'yCls', data.yCls, data.xCls[0]!.length);
  data.yCls.forEach((y, k) => assertLabels('twoTaskWeightedLoss', `yCls[${k}]`, y));
  assertBatch('twoTaskWeightedLoss', 'taskWeights', data.taskWeights, 2);
  const mismatch = (['yReg', 'xCls', 'yCls', 'taskWeights'] as const).find((k) => data[k].length !== b);
  if (mismatch) throw new OracleInputError('twoTaskWeightedLoss', mismatch, `must hold ${b} cases like xReg, got ${data[mismatch].length}`);
  return (tf) => {
    const xr = packed<TF.Rank.R3>(tf, data.xReg), yr = packed<TF.Rank.R2>(tf, data.yReg), xc = packed<TF.Rank.R3>(tf, data.xCls), yc = packed<TF.Rank.R2>(tf, data.yCls);
    const tw = packed<TF.Rank.R2>(tf, data.taskWeights);
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
