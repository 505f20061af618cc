// The tfjs oracle qualifies itself before its answers are used: each method (first-order tf.grad and
// nested tf.grad for Hessians) is run through the same batched code path the checks use, on functions
// whose derivatives are known in closed form (computed here in plain float64, independently of impl/).
// The suite runs twice, with stock tfjs gradients and with the higher-order patch, so the report can
// say what the patch fixed. Whether a measured error is acceptable is decided by the caller's tolerance
// model (passed in), so the oracle layer holds no tolerance of its own.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import { batchedDerivatives, type PerCaseLoss } from './autodiff.ts';
import { crossEntropyFromLogitsLoss, softmaxRegressionLoss } from './losses.ts';
import { gaussianNegativeLogDensity } from './information.ts';
import { assertTf } from '../errors.ts';

export type OracleMethod = 'grad' | 'hessian';

export interface QualificationMeasurement {
  case: string;
  method: OracleMethod;
  /** Number of operations feeding one output, for the tolerance model. */
  size: number;
  /** max |θ| over the case's inputs: float32 rounding of the inputs is relative to it. */
  inputMagnitude: number;
  /** max |autodiff − closed form| / max |closed form|, or null if the method threw. */
  relativeError: number | null;
  error?: string;
  /** Filled in by the caller's acceptance rule. */
  tolerance?: number;
  passed?: boolean;
}

interface KnownCase {
  name: string;
  size: number;
  params: number[][];
  build: (tf: Tf) => PerCaseLoss;
  gradient: (theta: number[]) => number[];
  hessian: (theta: number[]) => number[][];
}

const sigma = (x: number) => 1 / (1 + Math.exp(-x));
const diagonal = (v: number[]) => v.map((vi, i) => v.map((_, j) => (i === j ? vi : 0)));
const elementwise = (name: string, op: (tf: Tf, t: TF.Tensor) => TF.Tensor,
  d1: (x: number) => number, d2: (x: number) => number): KnownCase => ({
  name, size: 3,
  params: [[-1.5, 0.5, 2], [0.25, -0.75, 1.25]],
  build: (tf) => (t) => tf.sum(op(tf, t), 1) as TF.Tensor1D,
  gradient: (x) => x.map(d1),
  hessian: (x) => diagonal(x.map(d2)),
});

function softmax64(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((zi) => Math.exp(zi - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((ei) => ei / s);
}
const softmaxJacobian64 = (q: number[]) => q.map((qi, i) => q.map((qj, j) => (i === j ? qi : 0) - qi * qj));

const ceLogits = { z: [[1, -0.5, 2], [0.3, 0.2, -1]], p: [[0, 0, 1], [0.2, 0.5, 0.3]] };
// Softmax regression, d = 2, C = 3, N = 2: its Hessian is (1/N) Σ (x xᵀ) ⊗ (diag p̂ − p̂p̂ᵀ) (row-major vec W).
// Two different cases, so a Hessian row given to the wrong case (the loss replicates its cases when a
// full Hessian is stacked into one nested call, see autodiff.ts) shows here.
const softReg = {
  x: [[[1, -0.5], [0.25, 2]], [[-1, 0.75], [2, 0.5]]],
  p: [[[1, 0, 0], [0, 0.5, 0.5]], [[0.2, 0.3, 0.5], [0, 0, 1]]],
  w: [[0.3, -0.2, 0.1, 0.5, 0.05, -0.4], [-0.5, 0.4, 0.2, 0.1, -0.3, 0.6]],
};
function softRegDerivatives(w: number[]): { g: number[]; h: number[][] } {
  const b = softReg.w.findIndex((row) => row === w);
  const [xs, ps] = [softReg.x[b]!, softReg.p[b]!];
  const d = 2, c = 3, n = xs.length;
  const g = new Array<number>(d * c).fill(0);
  const h = Array.from({ length: d * c }, () => new Array<number>(d * c).fill(0));
  xs.forEach((x, s) => {
    const z = Array.from({ length: c }, (_, k) => x.reduce((acc, xi, i) => acc + xi * w[i * c + k]!, 0));
    const q = softmax64(z);
    const jac = softmaxJacobian64(q);
    for (let i = 0; i < d; i++) for (let k = 0; k < c; k++) {
      g[i * c + k]! += (x[i]! * (q[k]! - ps[s]![k]!)) / n;
      for (let j = 0; j < d; j++) for (let l = 0; l < c; l++) h[i * c + k]![j * c + l]! += (x[i]! * x[j]! * jac[k]![l]!) / n;
    }
  });
  return { g, h };
}

// −log N(x; μ, σ²) in θ = (μ, σ) (slice, sub, div, square, log second-order), at x = [0.7, −1.2]:
// gradient ((μ − x)/σ², 1/σ − (x − μ)²/σ³), Hessian [[1/σ², 2(x − μ)/σ³], [·, 3(x − μ)²/σ⁴ − 1/σ²]].
const gaussian = { x: [0.7, -1.2], theta: [[0.2, 1.5], [-0.4, 0.8]] };
const gaussianAt = (theta: number[]) => gaussian.x[gaussian.theta.findIndex((t) => t === theta)]!;

const KNOWN_CASES: KnownCase[] = [
  elementwise('Σ x³', (tf, t) => tf.pow(t, 3), (x) => 3 * x * x, (x) => 6 * x),
  elementwise('Σ exp(x)', (tf, t) => tf.exp(t), Math.exp, Math.exp),
  elementwise('Σ σ(x)', (tf, t) => tf.sigmoid(t),
    (x) => sigma(x) * (1 - sigma(x)), (x) => sigma(x) * (1 - sigma(x)) * (1 - 2 * sigma(x))),
  elementwise('Σ tanh(x)', (tf, t) => tf.tanh(t),
    (x) => 1 - Math.tanh(x) ** 2, (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2)),
  {
    // The composition reported in the engine issue: stock tfjs returns diag [0.01102, 0.00204].
    name: 'mean((σ(z) − t)²) at z = [2, 3], t = [1, 0]', size: 4,
    params: [[2, 3]],
    build: (tf) => (z) => tf.mean(tf.square(tf.sub(tf.sigmoid(z), tf.tensor2d([[1, 0]]))), 1) as TF.Tensor1D,
    gradient: (z) => z.map((zi, i) => (2 / z.length) * (sigma(zi) - [1, 0][i]!) * sigma(zi) * (1 - sigma(zi))),
    hessian: (z) => diagonal(z.map((zi, i) => {
      const s = sigma(zi), ds = s * (1 - s), dds = ds * (1 - 2 * s);
      return (2 / z.length) * (ds * ds + (s - [1, 0][i]!) * dds);
    })),
  },
  {
    name: 'log Σ exp z − p·z (cross-entropy from logits)', size: 6,
    params: ceLogits.z,
    build: crossEntropyFromLogitsLoss(ceLogits.p, ceLogits.z),
    gradient: (z) => { const b = ceLogits.z.findIndex((r) => r === z); return softmax64(z).map((q, i) => q - ceLogits.p[b]![i]!); },
    hessian: (z) => softmaxJacobian64(softmax64(z)),
  },
  {
    name: '−log N(x; μ, σ²) in (μ, σ)', size: 6,
    params: gaussian.theta,
    build: gaussianNegativeLogDensity(gaussian.x),
    gradient: (theta) => { const [mu, sigma] = theta as [number, number], r = gaussianAt(theta) - mu; return [-r / sigma ** 2, 1 / sigma - (r * r) / sigma ** 3]; },
    hessian: (theta) => {
      const [mu, sigma] = theta as [number, number], r = gaussianAt(theta) - mu;
      return [[1 / sigma ** 2, (2 * r) / sigma ** 3], [(2 * r) / sigma ** 3, (3 * r * r) / sigma ** 4 - 1 / sigma ** 2]];
    },
  },
  {
    name: 'softmax regression, d = 2, C = 3, N = 2', size: 12,
    params: softReg.w,
    build: softmaxRegressionLoss(softReg.x, softReg.p, softReg.w),
    gradient: (w) => softRegDerivatives(w).g,
    hessian: (w) => softRegDerivatives(w).h,
  },
];

function relativeError(actual: number[], expected: number[]): number {
  const scale = Math.max(...expected.map(Math.abs), Number.MIN_VALUE);
  let worst = 0;
  actual.forEach((a, i) => { worst = Math.max(worst, Number.isFinite(a) ? Math.abs(a - expected[i]!) / scale : Infinity); });
  return worst;
}

/** Runs every known case through batchedDerivatives and measures both methods. */
export function measureKnownCases(tf: Tf): QualificationMeasurement[] {
  assertTf('measureKnownCases', tf);
  const out: QualificationMeasurement[] = [];
  for (const known of KNOWN_CASES) {
    const base = { case: known.name, size: known.size, inputMagnitude: Math.max(...known.params.flat().map(Math.abs)) };
    let grads: number[][] | undefined;
    try {
      grads = batchedDerivatives(tf, known.params, known.build, false).gradients;
      out.push({ ...base, method: 'grad',
        relativeError: Math.max(...grads.map((g, b) => relativeError(g, known.gradient(known.params[b]!)))) });
    } catch (e) {
      out.push({ ...base, method: 'grad', relativeError: null, error: message(e) });
    }
    try {
      const hessians = batchedDerivatives(tf, known.params, known.build, true).hessians!;
      out.push({ ...base, method: 'hessian',
        relativeError: Math.max(...hessians.map((h, b) => relativeError(h.flat(), known.hessian(known.params[b]!).flat()))) });
    } catch (e) {
      out.push({ ...base, method: 'hessian', relativeError: null, error: message(e) });
    }
  }
  return out;
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

export interface LibraryDefectMeasurement { name: string; outcome: string; relativeError: number | null }

/**
 * tfjs library functions the oracle deliberately does not use, measured so the report can show why:
 * second derivatives through tf.losses.softmaxCrossEntropy and tf.logSoftmax, and the gradient of
 * tf.losses.softmaxCrossEntropy with respect to its labels (true value: −log softmax(z)).
 */
export function measureLibraryDefects(tf: Tf): LibraryDefectMeasurement[] {
  assertTf('measureLibraryDefects', tf);
  const z = ceLogits.z, p = ceLogits.p;
  const results: LibraryDefectMeasurement[] = [];
  const attempt = (name: string, run: () => number | void) => {
    try {
      const err = run();
      results.push({ name, outcome: typeof err === 'number' ? `ran, relative error ${err.toExponential(2)}` : 'ran', relativeError: typeof err === 'number' ? err : null });
    } catch (e) {
      results.push({ name, outcome: `throws: ${message(e)}`, relativeError: null });
    }
  };
  const sce = (labels: TF.Tensor, logits: TF.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits, undefined, 0, tf.Reduction.SUM);
  attempt('nested tf.grad of tf.losses.softmaxCrossEntropy (Hessian in logits)', () => tf.tidy(() => {
    const labels = tf.tensor2d(p);
    const g = tf.grad((t: TF.Tensor) => sce(labels, t));
    const h = tf.grad((t: TF.Tensor) => tf.sum(tf.mul(g(t), tf.oneHot(tf.fill([z.length], 0, 'int32'), 3).toFloat())))(tf.tensor2d(z));
    const got = h.arraySync() as number[][];
    return Math.max(...got.map((row, b) => relativeError(row, softmaxJacobian64(softmax64(z[b]!))[0]!)));
  }));
  attempt('nested tf.grad of tf.logSoftmax', () => tf.tidy(() => {
    const g = tf.grad((t: TF.Tensor) => tf.sum(tf.mul(tf.logSoftmax(t), tf.tensor2d(p))));
    tf.grad((t: TF.Tensor) => tf.sum(g(t)))(tf.tensor2d(z)).arraySync();
  }));
  attempt('tf.grad of tf.losses.softmaxCrossEntropy with respect to the labels', () => tf.tidy(() => {
    const got = tf.grad((labels: TF.Tensor) => sce(labels, tf.tensor2d(z)))(tf.tensor2d(p)).arraySync() as number[][];
    return Math.max(...got.map((row, b) => relativeError(row, softmax64(z[b]!).map((q) => -Math.log(q)))));
  }));
  return results;
}
