// Losses written by hand in tfjs ops, for the autodiff oracle. They avoid tf.losses.*, tf.logSoftmax
// and tf.logSumExp, which cannot be differentiated twice in tfjs 4.22 (see qualification.ts), and take
// the log-sum-exp shift as a constant computed outside the differentiated function (max has no
// second-order gradient). Every builder returns a PerCaseLoss over θ: [B, n]; one marked replicating
// (autodiff.ts) also accepts r copies of every case, which stacks a full Hessian into few nested calls.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import { replicating, type LossBuilder, type PerCaseLoss } from './autodiff.ts';
import { packed, packedMatrices, packedRows } from './tensors.ts';
import { OracleInputError, assertBatch, assertBatch3, assertConvention, assertDistributions, assertLabels } from '../errors.ts';

export type MseConvention = 'half' | 'unhalved';
const factor = (c: MseConvention) => (c === 'half' ? 0.5 : 1);

/** θ = logits z [B, C]; loss_b = log Σ exp z − p·z. */
export function crossEntropyFromLogitsLoss(p: number[][], zAtEvaluation: number[][]): (tf: Tf) => PerCaseLoss {
  assertBatch('crossEntropyFromLogitsLoss', 'p', p);
  assertBatch('crossEntropyFromLogitsLoss', 'z', zAtEvaluation, p[0]!.length);
  return (tf) => {
    const target = packed<TF.Rank.R2>(tf, p);
    const shift = packed<TF.Rank.R2>(tf, zAtEvaluation.map((z) => [Math.max(...z)]));
    return (z) => tf.sub(
      tf.add(tf.log(tf.sum(tf.exp(tf.sub(z, shift)), 1)), tf.squeeze(shift, [1])),
      tf.sum(tf.mul(target, z), 1),
    ) as TF.Tensor1D;
  };
}

/**
 * θ = vec(W) row-major [B, d·C]; loss_b = (1/N) Σ_n CE(p⁽ⁿ⁾, softmax(Wᵀx⁽ⁿ⁾)). x: [B][N][d], p: [B][N][C].
 * Replicating: θ may hold r copies of the batch ([r·B, d·C]); the batched matMul broadcasts each case's
 * x over the copies, so no data is repeated.
 */
export function softmaxRegressionLoss(
  x: number[][][], p: number[][][], wAtEvaluation: number[][],
): LossBuilder {
  // Checked and copied in one pass each (these batches hold thousands of cases), with the errors of
  // assertBatch3 / assertDistributions / assertBatch.
  const xData = packedMatrices('softmaxRegressionLoss', 'x', x);
  const batch = x.length, n = x[0]!.length, d = x[0]![0]!.length;
  const pData = packedMatrices('softmaxRegressionLoss', 'p', p, n);
  const c = p[0]![0]!.length;
  p.forEach((pb, b) => { if (!areDistributions(pb)) assertDistributions('softmaxRegressionLoss', `p[${b}]`, pb); });
  const wData = packedRows('softmaxRegressionLoss', 'W', wAtEvaluation, d * c);
  if (p.length !== batch || wAtEvaluation.length !== batch) {
    throw new OracleInputError('softmaxRegressionLoss', 'p', `x, p and W must hold the same number of cases (${batch}, ${p.length}, ${wAtEvaluation.length})`);
  }
  let moments: Float32Array | undefined;
  /** vec(XᵀP/N) per case, row-major [B, d·C] (float64 sums, one rounding to float32); computed once. */
  const targetMoments = () => {
    if (moments) return moments;
    moments = new Float32Array(batch * d * c);
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < d; i++) {
        for (let k = 0; k < c; k++) {
          let s = 0;
          for (let m = 0; m < n; m++) s += x[b]![m]![i]! * p[b]![m]![k]!;
          moments[(b * d + i) * c + k] = s / n;
        }
      }
    }
    return moments;
  };
  return replicating((tf) => {
    const xs = tf.tensor3d(xData, [batch, n, d]);
    const ps = tf.tensor3d(pData, [batch, n, c]);
    const shift = tf.max(tf.matMul(xs, tf.tensor3d(wData, [batch, d, c])), 2, true);
    return (theta) => {
      const r = theta.shape[0] / batch;
      const logits = tf.sub(tf.matMul(xs, tf.reshape(theta, [r, batch, d, c])), shift); // [r, B, N, C]
      const lse = tf.log(tf.sum(tf.exp(logits), 3)); // [r, B, N]
      if (r === 1) {
        const perSample = tf.sub(lse, tf.sum(tf.mul(ps, logits), 3)); // the shift cancels because Σ p = 1
        return tf.reshape(tf.mean(perSample, 2), [batch]) as TF.Tensor1D;
      }
      // Copies serve Hessians, where the target term is linear in W: (1/N) Σ_n p⁽ⁿ⁾·Wᵀx⁽ⁿ⁾ = ⟨W, XᵀP/N⟩, one
      // small product per copy instead of a product and a sum over every logit (and their derivatives).
      const a = tf.tensor3d(targetMoments(), [batch, d * c, 1]);
      const pz = tf.reshape(tf.matMul(tf.reshape(theta, [r, batch, 1, d * c]), a), [r, batch]);
      return tf.reshape(tf.sub(tf.add(tf.mean(lse, 2), tf.mean(tf.reshape(shift, [batch, n]), 1)), pz), [r * batch]) as TF.Tensor1D;
    };
  });
}

/** θ = w [B, d]; loss_b = (c/N) Σ_n (y_n − wᵀx_n − b)². */
export function linearMseLoss(x: number[][][], y: number[][], bias: number[], convention: MseConvention): (tf: Tf) => PerCaseLoss {
  checkRegression('linearMseLoss', x, y, bias);
  assertConvention('linearMseLoss', convention);
  return (tf) => {
    const xs = packed<TF.Rank.R3>(tf, x), ys = packed<TF.Rank.R2>(tf, y), bs = packed<TF.Rank.R2>(tf, bias.map((b) => [b]));
    return (w) => {
      const yHat = tf.add(tf.sum(tf.mul(xs, tf.expandDims(w, 1)), 2), bs);
      return tf.mul(factor(convention), tf.mean(tf.square(tf.sub(ys, yHat)), 1)) as TF.Tensor1D;
    };
  };
}

/** θ = w [B, d]; loss_b = (1/N) Σ_n [softplus(z_n) − y_n z_n], z = wᵀx + b: mean binary cross-entropy of σ(z). */
export function logisticCrossEntropyLoss(x: number[][][], y: number[][], bias: number[]): (tf: Tf) => PerCaseLoss {
  checkRegression('logisticCrossEntropyLoss', x, y, bias);
  y.forEach((yb, b) => assertLabels('logisticCrossEntropyLoss', `y[${b}]`, yb));
  return (tf) => {
    const xs = packed<TF.Rank.R3>(tf, x), ys = packed<TF.Rank.R2>(tf, y), bs = packed<TF.Rank.R2>(tf, bias.map((b) => [b]));
    return (w) => {
      const z = tf.add(tf.sum(tf.mul(xs, tf.expandDims(w, 1)), 2), bs);
      return tf.mean(tf.sub(tf.softplus(z), tf.mul(ys, z)), 1) as TF.Tensor1D;
    };
  };
}

/** θ = w [B, d]; loss_b = (c/N) Σ_n (y_n − σ(wᵀx_n + b))². */
export function sigmoidMseLoss(x: number[][][], y: number[][], bias: number[], convention: MseConvention): (tf: Tf) => PerCaseLoss {
  checkRegression('sigmoidMseLoss', x, y, bias);
  assertConvention('sigmoidMseLoss', convention);
  return (tf) => {
    const xs = packed<TF.Rank.R3>(tf, x), ys = packed<TF.Rank.R2>(tf, y), bs = packed<TF.Rank.R2>(tf, bias.map((b) => [b]));
    return (w) => {
      const yHat = tf.sigmoid(tf.add(tf.sum(tf.mul(xs, tf.expandDims(w, 1)), 2), bs));
      return tf.mul(factor(convention), tf.mean(tf.square(tf.sub(ys, yHat)), 1)) as TF.Tensor1D;
    };
  };
}

/** θ = ŷ [B, 1]; loss_b = c (y_b − ŷ_b)². */
export function squaredErrorLoss(y: number[], convention: MseConvention): (tf: Tf) => PerCaseLoss {
  assertBatch('squaredErrorLoss', 'y', [y]);
  assertConvention('squaredErrorLoss', convention);
  return (tf) => {
    const ys = packed<TF.Rank.R1>(tf, y);
    return (yHat) => tf.mul(factor(convention), tf.square(tf.sub(ys, tf.squeeze(yHat, [1])))) as TF.Tensor1D;
  };
}

/** θ = z [B, C]; loss_b = Σ_k u_k softmax(z)_k: the derivative in z of its value is row u of the softmax Jacobian. */
export function softmaxProjectionLoss(u: number[][]): (tf: Tf) => PerCaseLoss {
  assertBatch('softmaxProjectionLoss', 'u', u);
  return (tf) => {
    const us = packed<TF.Rank.R2>(tf, u);
    return (z) => tf.sum(tf.mul(tf.softmax(z), us), 1) as TF.Tensor1D;
  };
}

/** What assertDistributions accepts (entries in [0, 1], sum within n·2⁻²⁴ of 1), for rows already checked finite. */
function areDistributions(rows: number[][]): boolean {
  for (const row of rows) {
    let sum = 0;
    for (const x of row) { if (x < 0 || x > 1) return false; sum += x; }
    if (Math.abs(sum - 1) > row.length * 2 ** -24) return false;
  }
  return true;
}

function checkRegression(fn: string, x: number[][][], y: number[][], bias: number[]): void {
  assertBatch3(fn, 'x', x);
  assertBatch(fn, 'y', y, x[0]!.length);
  assertBatch(fn, 'bias', [bias]);
  if (y.length !== x.length || bias.length !== x.length) {
    throw new OracleInputError(fn, 'y', `x, y and bias must hold the same number of cases (${x.length}, ${y.length}, ${bias.length})`);
  }
}
