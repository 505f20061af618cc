// Scalar and small-vector losses of a sigmoid/softmax output, written by hand in tfjs ops for the
// autodiff oracle (saturation, boundary behaviour, convexity in probabilities). Every builder returns a
// PerCaseLoss over θ: [B, n]. Where a second derivative may be taken, only ops that the qualification
// suite covers second-order are used (exp, log, sum, sigmoid, square, mul): binary cross-entropy is
// written as log(e^{0−s} + e^{z−s}) + s − y z with the shift s = max(0, z) computed outside the
// differentiated function, exactly like crossEntropyFromLogitsLoss in losses.ts.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import type { PerCaseLoss } from './autodiff.ts';
import { packed } from './tensors.ts';
import { OracleInputError, assertBatch, assertBatch3, assertConvention, assertDistributions, assertLabels } from '../errors.ts';

export type MseConvention = 'half' | 'unhalved';
const factor = (c: MseConvention) => (c === 'half' ? 0.5 : 1);
const column = (t: TF.Tensor2D, tf: Tf) => tf.squeeze(t, [1]) as TF.Tensor1D;

/** θ = z [B, 1]; loss_b = σ(z_b). Its gradient is σ'(z_b). */
export function sigmoidOfParameter(): (tf: Tf) => PerCaseLoss {
  return (tf) => (z) => tf.sigmoid(column(z, tf));
}

/** θ = p [B, 1]; loss_b = −log p_b (p_b > 0). */
export function negativeLogOfParameter(): (tf: Tf) => PerCaseLoss {
  return (tf) => (p) => tf.neg(tf.log(column(p, tf)));
}

/** θ = z [B, 1]; loss_b = c (y_b − σ(z_b))²: squared error of a sigmoid output, in its logit. */
export function sigmoidSquaredErrorOfLogit(y: number[], convention: MseConvention): (tf: Tf) => PerCaseLoss {
  assertBatch('sigmoidSquaredErrorOfLogit', 'y', [y]);
  assertConvention('sigmoidSquaredErrorOfLogit', convention);
  return (tf) => {
    const ys = packed<TF.Rank.R1>(tf, y);
    return (z) => tf.mul(factor(convention), tf.square(tf.sub(ys, tf.sigmoid(column(z, tf))))) as TF.Tensor1D;
  };
}

/** θ = z [B, 1]; loss_b = −[y log σ(z) + (1−y) log(1−σ(z))] = log(1 + e^z) − y z, via a shifted log-sum-exp. */
export function binaryCrossEntropyOfLogit(y: number[], zAtEvaluation: number[]): (tf: Tf) => PerCaseLoss {
  assertBatch('binaryCrossEntropyOfLogit', 'y', [y]);
  assertLabels('binaryCrossEntropyOfLogit', 'y', y);
  assertBatch('binaryCrossEntropyOfLogit', 'z', [zAtEvaluation]);
  if (zAtEvaluation.length !== y.length) throw new OracleInputError('binaryCrossEntropyOfLogit', 'z', 'must have one logit per target');
  return (tf) => {
    const ys = packed<TF.Rank.R1>(tf, y);
    const shift = packed<TF.Rank.R1>(tf, zAtEvaluation.map((z) => Math.max(0, z)));
    return (theta) => {
      const z = column(theta, tf);
      const logPartition = tf.add(tf.log(tf.add(tf.exp(tf.neg(shift)), tf.exp(tf.sub(z, shift)))), shift);
      return tf.sub(logPartition, tf.mul(ys, z)) as TF.Tensor1D;
    };
  };
}

/** θ = ŷ [B, 1]; loss_b = −[y log ŷ + (1−y) log(1−ŷ)], the binary cross-entropy in the probability itself. */
export function binaryCrossEntropyOfProbability(y: number[]): (tf: Tf) => PerCaseLoss {
  assertBatch('binaryCrossEntropyOfProbability', 'y', [y]);
  assertLabels('binaryCrossEntropyOfProbability', 'y', y);
  return (tf) => {
    const ys = packed<TF.Rank.R1>(tf, y);
    return (theta) => {
      const p = column(theta, tf);
      return tf.neg(tf.add(tf.mul(ys, tf.log(p)), tf.mul(tf.sub(1, ys), tf.log(tf.sub(1, p))))) as TF.Tensor1D;
    };
  };
}

/** θ = ŷ [B, 1]; loss_b = c (y_b − ŷ_b)² in the probability itself (same as squaredErrorLoss, named for symmetry). */
export function squaredErrorOfProbability(y: number[], convention: MseConvention): (tf: Tf) => PerCaseLoss {
  assertBatch('squaredErrorOfProbability', 'y', [y]);
  assertConvention('squaredErrorOfProbability', convention);
  return (tf) => {
    const ys = packed<TF.Rank.R1>(tf, y);
    return (p) => tf.mul(factor(convention), tf.square(tf.sub(ys, column(p, tf)))) as TF.Tensor1D;
  };
}

/** θ = q [B, C] (entries > 0); loss_b = −Σ_i p_i log q_i, the part of D_KL(p ‖ q) that depends on q. */
export function crossEntropyOfProbabilities(p: number[][]): (tf: Tf) => PerCaseLoss {
  assertDistributions('crossEntropyOfProbabilities', 'p', p);
  return (tf) => {
    const ps = packed<TF.Rank.R2>(tf, p);
    return (q) => tf.neg(tf.sum(tf.mul(ps, tf.log(q)), 1)) as TF.Tensor1D;
  };
}

/**
 * θ = w [B, d]; loss_b = (1/N) Σ_n [log(1 + e^{z_n}) − y_n z_n], z_n = wᵀx_n (no bias): mean binary
 * cross-entropy of logistic regression, written with qualified second-order ops (shifted log-sum-exp).
 */
export function logisticRegressionLogSumExpLoss(x: number[][][], y: number[][], wAtEvaluation: number[][]): (tf: Tf) => PerCaseLoss {
  assertBatch3('logisticRegressionLogSumExpLoss', 'x', x);
  const batch = x.length, d = x[0]![0]!.length;
  assertBatch('logisticRegressionLogSumExpLoss', 'y', y, x[0]!.length);
  y.forEach((yb, b) => assertLabels('logisticRegressionLogSumExpLoss', `y[${b}]`, yb));
  assertBatch('logisticRegressionLogSumExpLoss', 'w', wAtEvaluation, d);
  if (y.length !== batch || wAtEvaluation.length !== batch) {
    throw new OracleInputError('logisticRegressionLogSumExpLoss', 'y', `x, y and w must hold the same number of cases (${batch}, ${y.length}, ${wAtEvaluation.length})`);
  }
  return (tf) => {
    const xs = packed<TF.Rank.R3>(tf, x), ys = packed<TF.Rank.R2>(tf, y);
    const shift = packed<TF.Rank.R2>(tf, x.map((xb, b) => xb.map((row) => Math.max(0, row.reduce((s, xi, i) => s + xi * wAtEvaluation[b]![i]!, 0)))));
    return (w) => {
      const z = tf.sum(tf.mul(xs, tf.expandDims(w, 1)), 2);
      const logPartition = tf.add(tf.log(tf.add(tf.exp(tf.neg(shift)), tf.exp(tf.sub(z, shift)))), shift);
      return tf.mean(tf.sub(logPartition, tf.mul(ys, z)), 1) as TF.Tensor1D;
    };
  };
}
