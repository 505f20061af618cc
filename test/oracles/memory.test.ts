// Batched oracle calls run thousands of times per suite in one long-lived worker: each must dispose
// every tensor it creates (values and gradients are read out, the per-case losses kept across tf.grad
// are released), or memory grows with the case count.
import { describe, expect, it } from 'vitest';
import { tfjsRuntime } from '../../oracles/tfjs/backend.ts';
import { batchedDerivatives, batchedHessianVectorProducts } from '../../oracles/tfjs/autodiff.ts';
import { softmaxRegressionLoss } from '../../oracles/tfjs/losses.ts';
import { attentionForward } from '../../oracles/tfjs/attention.ts';

describe('tfjs oracle memory', () => {
  it('gradients, Hessians, Hessian-vector products and forward passes leave no tensor behind', async () => {
    const { tf } = await tfjsRuntime();
    const X = [[[1, 2]], [[0.5, -1]]], P = [[[1, 0]], [[0.25, 0.75]]], W = [[0.1, 0.2, 0.3, 0.4], [-0.3, 0.1, 0.2, 0]];
    const before = tf.memory().numTensors;
    batchedDerivatives(tf, W, softmaxRegressionLoss(X, P, W), false);
    batchedDerivatives(tf, W, softmaxRegressionLoss(X, P, W), true);
    batchedHessianVectorProducts(tf, W, softmaxRegressionLoss(X, P, W), W);
    attentionForward(tf, [[[1, 0]]], [[[1, 1], [0, 1]]], [[[1], [2]]]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
