// Full Hessians from a replicating loss are stacked into few nested tf.grad calls (θ repeated per
// direction, one mask row per copy); any other loss takes one nested call per direction. Both must give
// every case its own Hessian rows, in place, when the batch is split into several calls, and match the
// float64 closed form of softmax regression, (1/N) Σ (x xᵀ) ⊗ (diag p̂ − p̂p̂ᵀ).
import { beforeAll, describe, expect, it } from 'vitest';
import { tfjsRuntime, type Tf } from '../../oracles/tfjs/backend.ts';
import { applyHigherOrderPatch } from '../../oracles/tfjs/higherOrderPatch.ts';
import { HESSIAN_ROWS_PER_CALL, batchedDerivatives, type LossBuilder } from '../../oracles/tfjs/autodiff.ts';
import { softmaxRegressionLoss } from '../../oracles/tfjs/losses.ts';
import { mulberry32 } from '../../oracles/random.ts';
import { softmaxHessianEntryTolerance } from '../../spec/support/convexity.ts';

let tf: Tf;
beforeAll(async () => { tf = (await tfjsRuntime()).tf; applyHigherOrderPatch(tf); });

interface Case { d: number; C: number; X: number[][]; P: number[][]; W: number[] }

function cases(d: number, C: number, N: number, count: number, seed: number): Case[] {
  const r = mulberry32(seed), u = () => 4 * r() - 2;
  return Array.from({ length: count }, () => ({
    d, C, X: Array.from({ length: N }, () => Array.from({ length: d }, u)),
    P: Array.from({ length: N }, () => { const k = Math.floor(r() * C); return Array.from({ length: C }, (_, i) => (i === k ? 1 : 0)); }),
    W: Array.from({ length: d * C }, u),
  }));
}

function closedForm(c: Case): number[][] {
  const n = c.d * c.C, h = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const x of c.X) {
    const z = Array.from({ length: c.C }, (_, k) => x.reduce((s, xi, i) => s + xi * c.W[i * c.C + k]!, 0));
    const m = Math.max(...z), e = z.map((zk) => Math.exp(zk - m)), sum = e.reduce((a, b) => a + b, 0), q = e.map((ek) => ek / sum);
    for (let i = 0; i < c.d; i++) for (let k = 0; k < c.C; k++) for (let j = 0; j < c.d; j++) for (let l = 0; l < c.C; l++) {
      h[i * c.C + k]![j * c.C + l]! += (x[i]! * x[j]! * ((k === l ? q[k]! : 0) - q[k]! * q[l]!)) / c.X.length;
    }
  }
  return h;
}

const loss = (cs: Case[]) => softmaxRegressionLoss(cs.map((c) => c.X), cs.map((c) => c.P), cs.map((c) => c.W));
/** The same loss without the replicating mark: one nested call per direction. */
const perDirection = (build: LossBuilder): LossBuilder => (t: Tf) => build(t);

describe('stacked Hessians (replicating losses)', () => {
  // d·C = 15 with 560 cases: 8400 rows > HESSIAN_ROWS_PER_CALL, so the directions go in two calls (13 + 2).
  const shapes: [number, number, number, number][] = [[2, 3, 2, 5], [5, 3, 1, 560], [8, 5, 16, 12], [1, 2, 1, 3]];

  it.each(shapes)('d = %i, C = %i, N = %i, %i cases: stacked = one call per direction = the closed form', (d, C, N, count) => {
    const cs = cases(d, C, N, count, 100 * d + C);
    const build = loss(cs);
    expect(build.replicates).toBe(true);
    if (d * C * count > HESSIAN_ROWS_PER_CALL) expect(Math.floor(HESSIAN_ROWS_PER_CALL / count)).toBeLessThan(d * C);
    const stacked = batchedDerivatives(tf, cs.map((c) => c.W), build, true);
    const single = batchedDerivatives(tf, cs.map((c) => c.W), perDirection(loss(cs)), true);
    expect(Array.from(stacked.flat.gradients)).toEqual(Array.from(single.flat.gradients));
    const n = d * C, worst: { stacked: number; single: number; case: number }[] = [];
    cs.forEach((c, b) => {
      const exact = closedForm(c), tol = softmaxHessianEntryTolerance(c);
      let stackedErr = 0, singleErr = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
        const k = (b * n + i) * n + j;
        stackedErr = Math.max(stackedErr, Math.abs(stacked.flat.hessians![k]! - exact[i]![j]!) / tol);
        singleErr = Math.max(singleErr, Math.abs(single.flat.hessians![k]! - exact[i]![j]!) / tol);
      }
      worst.push({ stacked: stackedErr, single: singleErr, case: b });
    });
    // Both float32 computations of every entry within the entry tolerance of the exact value (ratio ≤ 1);
    // a row placed in the wrong case or the wrong direction would be off by O(max|H|).
    expect(worst.filter((w) => !(w.stacked <= 1 && w.single <= 1))).toEqual([]);
  });

  it('the nested views are the flat numbers (values, gradients, Hessians), and a spread copies them', () => {
    const cs = cases(2, 3, 2, 3, 9);
    const out = batchedDerivatives(tf, cs.map((c) => c.W), loss(cs), true);
    const copy = { ...out };
    expect(copy.hessians).toBe(out.hessians);
    expect(out.values).toEqual(Array.from(out.flat.values));
    expect(out.gradients.flat()).toEqual(Array.from(out.flat.gradients));
    expect(out.hessians!.flat(2)).toEqual(Array.from(out.flat.hessians!));
    expect(out.hessians!.map((h) => [h.length, h[0]!.length])).toEqual([[6, 6], [6, 6], [6, 6]]);
  });

  it('leaves no tensor behind on either path', () => {
    const cs = cases(5, 3, 1, 560, 3);
    const before = tf.memory().numTensors;
    batchedDerivatives(tf, cs.map((c) => c.W), loss(cs), true);
    batchedDerivatives(tf, cs.slice(0, 5).map((c) => c.W), perDirection(loss(cs.slice(0, 5))), true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
