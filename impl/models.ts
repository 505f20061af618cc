// Closed-form gradients and Hessians of the losses of three models, in float64:
//   linear regression      ŷ = wᵀx + b,            mean squared error (either convention)
//   logistic regression    ŷ = σ(wᵀx + b),         mean binary cross-entropy, or mean squared error
//   softmax regression     p̂ = softmax(Wᵀx), W d×C, mean categorical cross-entropy
// Parameters are flattened row-major: vec(W)[i·C + c] = W[i][c]. With that layout the softmax-regression
// Hessian of one sample is (x xᵀ) ⊗ (diag(p̂) − p̂p̂ᵀ).
import {
  LosscheckInputError, assertDistribution, assertFiniteNumber, assertMatrix, assertVector, type Matrix, type Vector,
} from './errors.ts';
import { sigmoid, sigmoidDerivative, softmax } from './activations.ts';
import { crossEntropyFromLogits, mseFactor, type MseConvention } from './losses.ts';
import { gram, kron, outer, scaleMatrix } from './linalg.ts';

/** Validates a linear model's arguments under the name of the public function that received them. */
function assertLinearModel(fn: string, x: Matrix, y: Vector | undefined, w: Vector, b: number): void {
  assertMatrix(fn, 'x', x);
  if (y !== undefined) assertVector(fn, 'y', y, x.length);
  assertVector(fn, 'w', w, x[0]!.length);
  assertFiniteNumber(fn, 'b', b);
}

function assertConvention(fn: string, c: unknown): asserts c is MseConvention {
  if (c !== 'half' && c !== 'unhalved') {
    throw new LosscheckInputError(fn, 'convention', `must be 'half' or 'unhalved', got ${String(c)}`);
  }
}

function predictions(x: Matrix, w: Vector, b: number): number[] {
  return x.map((row) => {
    let s = b;
    for (let i = 0; i < w.length; i++) s += w[i]! * row[i]!;
    return s;
  });
}

export function linearPredictions(x: Matrix, w: Vector, b: number): number[] {
  assertLinearModel('linearPredictions', x, undefined, w, b);
  return predictions(x, w, b);
}

export interface LinearGradient { w: number[]; b: number }

/** ∇ of (1/N) Σ c(y − wᵀx − b)², c = ½ or 1: (2c/N) Σ (ŷ − y) x (and the same sum without x for b). */
export function mseLinearGradient(x: Matrix, y: Vector, w: Vector, b: number, convention: MseConvention): LinearGradient {
  assertLinearModel('mseLinearGradient', x, y, w, b);
  assertConvention('mseLinearGradient', convention);
  const yHat = predictions(x, w, b);
  const scale = (2 * mseFactor(convention)) / x.length;
  return residualWeightedSum(x, yHat.map((yh, n) => scale * (yh - y[n]!)));
}

/** Hessian in w of the batch MSE of a linear model: (2c/N) XᵀX, independent of w and b. */
export function mseLinearHessian(x: Matrix, convention: MseConvention): number[][] {
  assertMatrix('mseLinearHessian', 'x', x);
  assertConvention('mseLinearHessian', convention);
  return scaleMatrix(gram(x), (2 * mseFactor(convention)) / x.length);
}

/** ∇ of the mean binary cross-entropy of ŷ = σ(wᵀx + b): (1/N) Σ (ŷ − y) x. */
export function logisticCrossEntropyGradient(x: Matrix, y: Vector, w: Vector, b: number): LinearGradient {
  assertLinearModel('logisticCrossEntropyGradient', x, y, w, b);
  assertLabels('logisticCrossEntropyGradient', y);
  const z = predictions(x, w, b);
  // σ(z) − y written as (1 − y)σ(z) − yσ(−z) (equal because σ(z) + σ(−z) = 1): for a confident right
  // answer (y = 1, z = 40) it keeps −σ(−40) ≈ −4·10⁻¹⁸ instead of rounding 1 − 1 to 0.
  return residualWeightedSum(x, z.map((zn, n) => ((1 - y[n]!) * sigmoid(zn) - y[n]! * sigmoid(-zn)) / x.length));
}

/** ∇ of the mean squared error of ŷ = σ(wᵀx + b): (2c/N) Σ (ŷ − y) σ'(wᵀx + b) x. */
export function sigmoidMseGradient(x: Matrix, y: Vector, w: Vector, b: number, convention: MseConvention): LinearGradient {
  assertLinearModel('sigmoidMseGradient', x, y, w, b);
  assertConvention('sigmoidMseGradient', convention);
  const z = predictions(x, w, b);
  const scale = (2 * mseFactor(convention)) / x.length;
  return residualWeightedSum(x, z.map((zn, n) => scale * (sigmoid(zn) - y[n]!) * sigmoidDerivative(zn)));
}

function assertLabels(fn: string, y: Vector): void {
  y.forEach((yn, n) => {
    if (yn < 0 || yn > 1) throw new LosscheckInputError(fn, 'y', `must hold labels in [0, 1], got ${yn} at index ${n}`);
  });
}

function residualWeightedSum(x: Matrix, r: readonly number[]): LinearGradient {
  const d = x[0]!.length;
  const gw = new Array<number>(d).fill(0);
  let gb = 0;
  x.forEach((row, n) => {
    for (let i = 0; i < d; i++) gw[i]! += r[n]! * row[i]!;
    gb += r[n]!;
  });
  return { w: gw, b: gb };
}

/**
 * Jacobian of softmax at the point where it outputs p: diag(p) − p pᵀ (symmetric, PSD, singular). The
 * diagonal p_i(1 − p_i) is formed as p_i·Σ_{j≠i} p_j: near a vertex (p_i → 1) 1 − p_i would cancel to
 * rounding noise, while the sum of the other entries keeps its relative accuracy.
 */
export function softmaxJacobian(p: Vector): number[][] {
  assertDistribution('softmaxJacobian', 'p', p);
  return jacobianAt(p);
}

function jacobianAt(p: Vector): number[][] {
  return p.map((pi, i) => {
    let others = 0;
    for (let j = 0; j < p.length; j++) if (j !== i) others += p[j]!;
    return p.map((pj, j) => (i === j ? pi * others : -pi * pj));
  });
}

/** ∇_z of cross-entropy from logits: softmax(z) − p. */
export function crossEntropyLogitGradient(p: Vector, z: Vector): number[] {
  assertDistribution('crossEntropyLogitGradient', 'p', p);
  assertVector('crossEntropyLogitGradient', 'z', z, p.length);
  const q = softmax(z);
  return q.map((qi, i) => qi - p[i]!);
}

/** ∇²_z of cross-entropy from logits: diag(p̂) − p̂p̂ᵀ with p̂ = softmax(z); independent of the target. */
export function crossEntropyLogitHessian(z: Vector): number[][] {
  assertVector('crossEntropyLogitHessian', 'z', z);
  return jacobianAt(softmax(z));
}

/** Validates W (d×C), X (N×d) and, when given, the targets P (N×C, each row a distribution). */
function assertSoftmaxRegression(fn: string, w: Matrix, x: Matrix, p?: Matrix): void {
  assertMatrix(fn, 'w', w);
  assertMatrix(fn, 'x', x, undefined, w.length);
  if (p === undefined) return;
  assertMatrix(fn, 'p', p, x.length, w[0]!.length);
  p.forEach((pn, n) => assertDistribution(fn, `p[${n}]`, pn));
}

/** Logits Wᵀx for every row x of X (N×C). */
export function softmaxRegressionLogits(w: Matrix, x: Matrix): number[][] {
  assertSoftmaxRegression('softmaxRegressionLogits', w, x);
  return logitsOf(w, x);
}

function logitsOf(w: Matrix, x: Matrix): number[][] {
  const d = w.length, c = w[0]!.length;
  return x.map((row) => {
    const z = new Array<number>(c).fill(0);
    for (let i = 0; i < d; i++) for (let k = 0; k < c; k++) z[k]! += row[i]! * w[i]![k]!;
    return z;
  });
}

/** Mean cross-entropy (1/N) Σ_n CE(p⁽ⁿ⁾, softmax(Wᵀx⁽ⁿ⁾)). */
export function softmaxRegressionLoss(w: Matrix, x: Matrix, p: Matrix): number {
  assertSoftmaxRegression('softmaxRegressionLoss', w, x, p);
  const z = logitsOf(w, x);
  let s = 0;
  z.forEach((zn, n) => { s += crossEntropyFromLogits(p[n]!, zn); });
  return s / x.length;
}

/** ∇_W of softmaxRegressionLoss: (1/N) Σ_n x⁽ⁿ⁾ (p̂⁽ⁿ⁾ − p⁽ⁿ⁾)ᵀ, a d×C matrix. */
export function softmaxRegressionGradient(w: Matrix, x: Matrix, p: Matrix): number[][] {
  assertSoftmaxRegression('softmaxRegressionGradient', w, x, p);
  const z = logitsOf(w, x);
  const d = w.length, c = w[0]!.length;
  const g: number[][] = Array.from({ length: d }, () => new Array<number>(c).fill(0));
  z.forEach((zn, n) => {
    const q = softmax(zn);
    for (let i = 0; i < d; i++) for (let k = 0; k < c; k++) g[i]![k]! += (x[n]![i]! * (q[k]! - p[n]![k]!)) / x.length;
  });
  return g;
}

/**
 * Hessian of softmaxRegressionLoss in vec(W) (row-major, dC×dC):
 * (1/N) Σ_n (x⁽ⁿ⁾x⁽ⁿ⁾ᵀ) ⊗ (diag(p̂⁽ⁿ⁾) − p̂⁽ⁿ⁾p̂⁽ⁿ⁾ᵀ). It does not depend on the targets.
 */
export function softmaxRegressionHessian(w: Matrix, x: Matrix): number[][] {
  assertSoftmaxRegression('softmaxRegressionHessian', w, x);
  const z = logitsOf(w, x);
  const d = w.length, c = w[0]!.length, n = d * c;
  const h: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  z.forEach((zn, s) => {
    const block = kron(outer(x[s]!, x[s]!), jacobianAt(softmax(zn)));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i]![j]! += block[i]![j]! / x.length;
  });
  return h;
}
