// A small user implementation of part of losscheck's LossApi: the same names and signatures as
// impl/index.ts, written independently, the way a team would write its own loss code. It carries ONE
// planted bug, to show what `npx losscheck conformance --subject examples/my-losses.ts` reports.
// Everything it does not export is skipped, with the reason.

type Vector = readonly number[];
type Matrix = readonly Vector[];

export function sigmoid(z: number): number {
  // Two branches, so exp never overflows.
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function sigmoidDerivative(z: number): number {
  const s = sigmoid(z);
  return s * (1 - s);
}

export function softmax(z: Vector): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** −Σ p_i log softmax(z)_i, as log-sum-exp minus pᵀz. */
export function crossEntropyFromLogits(p: Vector, z: Vector): number {
  const m = Math.max(...z);
  const lse = m + Math.log(z.reduce((s, v) => s + Math.exp(v - m), 0));
  return z.reduce((s, v, i) => s + p[i]! * (lse - v), 0);
}

/** ∂/∂z of crossEntropyFromLogits: softmax(z) − p. */
export function crossEntropyLogitGradient(p: Vector, z: Vector): number[] {
  return softmax(z).map((q, i) => q - p[i]!);
}

/** (1/N) Σ (y − ŷ)², times ½ under the 'half' convention. */
export function meanSquaredError(y: Vector, yHat: Vector, convention: 'half' | 'unhalved'): number {
  const sum = y.reduce((s, v, i) => s + (v - yHat[i]!) ** 2, 0);
  return (convention === 'half' ? 0.5 : 1) * sum / y.length;
}

/**
 * ∇ of the mean binary cross-entropy of p̂ = σ(Xw + b) in (w, b): (1/N) Σ (p̂ − y) x.
 * PLANTED BUG: the 1/N is forgotten, so this is the gradient of the SUM over the batch — a classic slip
 * that a single-sample unit test cannot see.
 */
export function logisticCrossEntropyGradient(x: Matrix, y: Vector, w: Vector, b: number): { w: number[]; b: number } {
  const gw = new Array<number>(w.length).fill(0);
  let gb = 0;
  x.forEach((row, n) => {
    const r = sigmoid(row.reduce((s, v, i) => s + v * w[i]!, b)) - y[n]!;
    row.forEach((v, i) => { gw[i]! += r * v; });
    gb += r;
  });
  return { w: gw, b: gb };
}
