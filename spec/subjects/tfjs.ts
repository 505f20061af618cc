// TensorFlow.js's own public API as a subject: what tf.losses.*, tf.softmax / tf.logSoftmax / tf.logSumExp,
// tf.sigmoid and tf.train.adam compute, in float32, behind impl/'s signatures, so the same subject checks
// that hold impl/ to the references hold tfjs's library functions too. Gradients are tf.grad of the public
// loss (first order works on the stock API). What the public API does not offer is not provided, with the
// reason; Hessians are a capability it lacks.
import type * as TF from '@tensorflow/tfjs';
import { tfjsRuntime } from '../../oracles/tfjs/backend.ts';
import type { AdamConfig, AdamState, AdamStepResult, MseConvention } from '../../impl/index.ts';
import type { LossApi, Subject } from '../engine/subject.ts';

type Tf = typeof TF;

const NO_PROBABILITY_CROSS_ENTROPY = 'tfjs has no cross-entropy of two probability vectors; tf.losses.softmaxCrossEntropy takes logits';

function api(tf: Tf): LossApi {
  const scalarOf = (t: TF.Tensor) => { const v = t.dataSync()[0]!; return v; };
  const vector = (t: TF.Tensor) => Array.from(t.dataSync());
  const halfOr1 = (c: MseConvention) => (c === 'half' ? 0.5 : 1);
  /** The mean over the batch as tf.losses computes it, for a [N] or [N, C] target. */
  const MEAN = tf.Reduction.MEAN;
  const SUM = tf.Reduction.SUM;
  const linearGradient = (loss: (w: TF.Tensor1D, b: TF.Scalar) => TF.Scalar, w: number[], b: number) => tf.tidy(() => {
    const grads = tf.grads((ww: TF.Tensor, bb: TF.Tensor) => loss(ww as TF.Tensor1D, bb as TF.Scalar));
    const [gw, gb] = grads([tf.tensor1d(w), tf.scalar(b)]);
    return { w: vector(gw!), b: scalarOf(gb!) };
  });
  const predictions = (x: number[][], w: TF.Tensor1D, b: TF.Scalar) => tf.add(tf.squeeze(tf.matMul(tf.tensor2d(x), tf.reshape(w, [-1, 1])), [1]), b);
  const adamRun = (w0: number[], gradients: readonly (readonly number[])[], config: AdamConfig): AdamStepResult[] => {
    const variable = tf.variable(tf.tensor1d(w0));
    const optimizer = tf.train.adam(config.learningRate, config.beta1, config.beta2, config.epsilon);
    const out: AdamStepResult[] = [];
    try {
      gradients.forEach((g, k) => {
        const before = vector(variable);
        optimizer.applyGradients([{ name: variable.name, tensor: tf.tensor1d([...g]) }]);
        const after = vector(variable);
        const t = k + 1;
        // tf.train.adam keeps m and v inside; the state a caller sees is w (m̂ and v̂ are not exposed).
        out.push({ t, w: after, m: [], v: [], mHat: [], vHat: [], step: after.map((a, i) => a - before[i]!) });
      });
    } finally {
      optimizer.dispose();
      variable.dispose();
    }
    return out;
  };
  return {
    sigmoid: (z) => tf.tidy(() => scalarOf(tf.sigmoid(tf.scalar(z)))),
    sigmoidDerivative: (z) => tf.tidy(() => scalarOf(tf.grad((x: TF.Tensor) => tf.sigmoid(x))(tf.scalar(z)))),
    softplus: (z) => tf.tidy(() => scalarOf(tf.softplus(tf.scalar(z)))),
    logSigmoid: (z) => tf.tidy(() => scalarOf(tf.logSigmoid(tf.scalar(z)))),
    softmax: (z) => tf.tidy(() => vector(tf.softmax(tf.tensor1d([...z])))),
    logSoftmax: (z) => tf.tidy(() => vector(tf.logSoftmax(tf.tensor1d([...z])))),
    logSumExp: (z) => tf.tidy(() => scalarOf(tf.logSumExp(tf.tensor1d([...z])))),
    crossEntropyFromLogits: (p, z) => tf.tidy(() => scalarOf(tf.losses.softmaxCrossEntropy(tf.tensor2d([[...p]]), tf.tensor2d([[...z]]), undefined, 0, SUM))),
    crossEntropyLogitGradient: (p, z) => tf.tidy(() => vector(tf.grad((zz: TF.Tensor) =>
      tf.losses.softmaxCrossEntropy(tf.tensor2d([[...p]]), tf.reshape(zz, [1, -1]), undefined, 0, SUM))(tf.tensor1d([...z])))),
    binaryCrossEntropyFromLogit: (y, z) => tf.tidy(() => scalarOf(tf.losses.sigmoidCrossEntropy(tf.tensor1d([y]), tf.tensor1d([z]), undefined, 0, SUM))),
    // tf.losses.logLoss adds ε = 1e-7 inside both logarithms by default; that is tfjs's public behaviour.
    binaryCrossEntropy: (y, yHat) => tf.tidy(() => scalarOf(tf.losses.logLoss(tf.tensor1d([y]), tf.tensor1d([yHat]), undefined, undefined, SUM))),
    squaredError: (y, yHat, c) => tf.tidy(() => halfOr1(c) * scalarOf(tf.losses.meanSquaredError(tf.tensor1d([y]), tf.tensor1d([yHat]), undefined, SUM))),
    meanSquaredError: (y, yHat, c) => tf.tidy(() => halfOr1(c) * scalarOf(tf.losses.meanSquaredError(tf.tensor1d([...y]), tf.tensor1d([...yHat]), undefined, MEAN))),
    logisticCrossEntropyGradient: (x, y, w, b) => linearGradient((ww, bb) =>
      tf.losses.sigmoidCrossEntropy(tf.tensor1d([...y]), predictions(x as number[][], ww, bb), undefined, 0, MEAN) as TF.Scalar, [...w], b),
    sigmoidMseGradient: (x, y, w, b, c) => linearGradient((ww, bb) =>
      tf.mul(halfOr1(c), tf.losses.meanSquaredError(tf.tensor1d([...y]), tf.sigmoid(predictions(x as number[][], ww, bb)), undefined, MEAN)) as TF.Scalar, [...w], b),
    mseLinearGradient: (x, y, w, b, c) => linearGradient((ww, bb) =>
      tf.mul(halfOr1(c), tf.losses.meanSquaredError(tf.tensor1d([...y]), predictions(x as number[][], ww, bb), undefined, MEAN)) as TF.Scalar, [...w], b),
    softmaxRegressionLoss: (w, x, p) => tf.tidy(() => scalarOf(tf.losses.softmaxCrossEntropy(tf.tensor2d(p as number[][]), tf.matMul(tf.tensor2d(x as number[][]), tf.tensor2d(w as number[][])), undefined, 0, MEAN))),
    softmaxRegressionGradient: (w, x, p) => tf.tidy(() => {
      const g = tf.grad((ww: TF.Tensor) => tf.losses.softmaxCrossEntropy(tf.tensor2d(p as number[][]), tf.matMul(tf.tensor2d(x as number[][]), ww as TF.Tensor2D), undefined, 0, MEAN))(tf.tensor2d(w as number[][]));
      return g.arraySync() as number[][];
    }),
    adamTrajectory: (w0, gradients, config) => adamRun([...w0], gradients, config),
    adamStep: (state: AdamState, gradient, config) => {
      if (state.t !== 0) throw new Error('tf.train.adam keeps its moments inside the optimizer: only a first step from a fresh state can be taken through this signature');
      return adamRun(state.w, [[...gradient]], config)[0]!;
    },
  };
}

/** tfjs's public API as a subject (float32), on the worker's tfjs runtime. */
export async function tfjsSubject(): Promise<Subject> {
  const { tf, backend } = await tfjsRuntime();
  return {
    id: 'tfjs', label: `tfjs-${backend} public API (float32)`, dtype: 'float32', api: api(tf), isAuditReference: false,
    lacks: {
      hessian: 'the public API offers no Hessian of its losses: nested tf.grad of tf.losses.softmaxCrossEntropy throws (customGrad), and the stock Exp/Sigmoid/Softmax gradients drop second-order terms',
    },
    notProvided: {
      crossEntropy: NO_PROBABILITY_CROSS_ENTROPY,
      entropy: 'tfjs has no entropy function',
      klDivergence: 'tfjs has no KL divergence of two probability vectors (tf.metrics.kld is a metric on batches)',
      softmaxJacobian: 'tfjs offers no Jacobian of softmax in its API',
      attention: 'tfjs has no attention op in its core API',
    },
  };
}
