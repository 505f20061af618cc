// Scaled dot-product attention in float64: scores QKᵀ/√d_k, row-wise softmax weights A, output AV,
// and the Jacobian of A with respect to Q. Rows are softmaxed with the row maximum subtracted, so
// large scores do not overflow.
import { LosscheckInputError, LosscheckShapeError, assertFiniteNumber, assertMatrix, assertVector, type Matrix, type Vector } from './errors.ts';
import { softmax } from './activations.ts';
import { softmaxJacobian } from './models.ts';

function assertQueryKey(fn: string, q: Matrix, k: Matrix): void {
  assertMatrix(fn, 'Q', q);
  assertMatrix(fn, 'K', k);
  if (k[0]!.length !== q[0]!.length) {
    throw new LosscheckShapeError(fn, 'K', `must have d_k = ${q[0]!.length} columns like Q, got ${k[0]!.length}`);
  }
}

/** S = QKᵀ/√d_k: n×m scores of n queries against m keys, d_k the key width. */
export function attentionScores(q: Matrix, k: Matrix): number[][] {
  assertQueryKey('attentionScores', q, k);
  return scoresOf(q, k);
}

function scoresOf(q: Matrix, k: Matrix): number[][] {
  const scale = Math.sqrt(q[0]!.length);
  return q.map((qi) => k.map((kj) => { let s = 0; for (let l = 0; l < qi.length; l++) s += qi[l]! * kj[l]!; return s / scale; }));
}

/** A = Softmax(QKᵀ/√d_k), softmax over each row (over the keys). */
export function attentionWeights(q: Matrix, k: Matrix): number[][] {
  assertQueryKey('attentionWeights', q, k);
  return scoresOf(q, k).map((row) => softmax(row));
}

/** Attention(Q, K, V) = A V, with A = attentionWeights(Q, K); V has one row per key. */
export function attention(q: Matrix, k: Matrix, v: Matrix): number[][] {
  assertQueryKey('attention', q, k);
  assertMatrix('attention', 'V', v, k.length);
  const a = scoresOf(q, k).map((row) => softmax(row));
  return a.map((ai) => v[0]!.map((_, c) => { let s = 0; for (let j = 0; j < ai.length; j++) s += ai[j]! * v[j]![c]!; return s; }));
}

/**
 * ∂vec(A)/∂vec(Q), row-major in both (rows: (i, j) ↦ i·m + j; columns: (i', l) ↦ i'·d_k + l).
 * Row i of A depends only on q_i: ∂a_i/∂q_i = (diag(a_i) − a_i a_iᵀ) K/√d_k, and ∂a_i/∂q_{i'} = 0 for i' ≠ i.
 */
export function attentionWeightsQueryJacobian(q: Matrix, k: Matrix): number[][] {
  assertQueryKey('attentionWeightsQueryJacobian', q, k);
  const a = scoresOf(q, k).map((row) => softmax(row));
  const n = q.length, m = k.length, dk = q[0]!.length, scale = Math.sqrt(dk);
  const jac = Array.from({ length: n * m }, () => new Array<number>(n * dk).fill(0));
  a.forEach((ai, i) => {
    const s = softmaxJacobian(ai);
    for (let j = 0; j < m; j++) for (let l = 0; l < dk; l++) {
      let acc = 0;
      for (let t = 0; t < m; t++) acc += s[j]![t]! * k[t]![l]!;
      jac[i * m + j]![i * dk + l] = acc / scale;
    }
  });
  return jac;
}

/**
 * Softmax with temperature T > 0: softmax(z/T), computed as e^{(z_i − max z)/T} normalised. Shifting
 * before dividing matters for small T: z/T itself may overflow to ±∞ (z = [1, 2], T = 10⁻³⁰⁸), and
 * ∞ − ∞ would be NaN, while (z_i − max z)/T ≤ 0 only ever underflows e^{…} to 0.
 */
export function softmaxWithTemperature(z: Vector, temperature: number): number[] {
  assertVector('softmaxWithTemperature', 'z', z);
  assertFiniteNumber('softmaxWithTemperature', 'temperature', temperature);
  if (!(temperature > 0)) throw new LosscheckInputError('softmaxWithTemperature', 'temperature', `must be > 0, got ${temperature}`);
  let max = -Infinity;
  for (const zi of z) if (zi > max) max = zi;
  const e = z.map((zi) => Math.exp((zi - max) / temperature));
  let total = 0;
  for (const ei of e) total += ei;
  return e.map((ei) => ei / total);
}
