// Log-likelihoods and losses for the information-geometry checks, by hand in tfjs ops that the
// qualification suite covers to second order (log, square, div, sum, mul). Each builder returns a
// PerCaseLoss over θ: [B, n].
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import type { PerCaseLoss } from './autodiff.ts';
import { packed, tidyData, unpacked } from './tensors.ts';
import { assertBatch, assertDistributions, assertTf } from '../errors.ts';

/** θ = p̂ [B, C]; loss_b = Σ_i (p_i − p̂_i)², the squared Euclidean distance of two probability vectors. */
export function squaredDistanceOfProbabilities(p: number[][]): (tf: Tf) => PerCaseLoss {
  assertDistributions('squaredDistanceOfProbabilities', 'p', p);
  return (tf) => {
    const ps = packed<TF.Rank.R2>(tf, p);
    return (q) => tf.sum(tf.square(tf.sub(ps, q)), 1) as TF.Tensor1D;
  };
}

/** θ = (μ, σ) [B, 2]; loss_b = −log N(x_b; μ, σ²) = (x_b − μ)²/(2σ²) + log σ + ½ log 2π. */
export function gaussianNegativeLogDensity(x: number[]): (tf: Tf) => PerCaseLoss {
  assertBatch('gaussianNegativeLogDensity', 'x', [x]);
  return (tf) => {
    const xs = packed<TF.Rank.R1>(tf, x);
    return (theta) => {
      const mu = tf.squeeze(tf.slice(theta, [0, 0], [-1, 1]), [1]);
      const sigma = tf.squeeze(tf.slice(theta, [0, 1], [-1, 1]), [1]);
      const z = tf.div(tf.sub(xs, mu), sigma);
      return tf.add(tf.add(tf.mul(0.5, tf.square(z)), tf.log(sigma)), 0.5 * Math.log(2 * Math.PI)) as TF.Tensor1D;
    };
  };
}

/** softmax(z) row by row in one tfjs call (forward only): the output a classifier puts on the simplex. */
export function softmaxRows(tf: Tf, z: number[][]): number[][] {
  assertTf('softmaxRows', tf);
  assertBatch('softmaxRows', 'z', z);
  return tidyData(tf, () => unpacked<number[][]>(tf.softmax(packed<TF.Rank.R2>(tf, z))));
}
