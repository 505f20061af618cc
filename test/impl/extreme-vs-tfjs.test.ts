// impl/ against the tfjs oracle (float32) at extreme inputs, where float32's range allows. Cases come
// from the spec/domains extreme generators with a fixed seed and are sent in ONE batched tfjs call
// per quantity (per class count for vectors); the worst case of each batch is reported.
//
// Where float32 cannot follow (documented here and in README "Extreme inputs"):
//   • Underflow. float32's smallest normal is 2⁻¹²⁶ ≈ 1.2·10⁻³⁸ (subnormals reach 1.4·10⁻⁴⁵, and tfjs-wasm
//     flushes some of them: σ(−90) comes back 0, not 8·10⁻⁴⁰). Values below 2⁻¹²⁶ are compared only
//     absolutely, to within 2⁻¹²⁶ (FLOAT32_MIN_NORMAL); float64 keeps them down to 2⁻¹⁰²² (e^{−z} to z ≈ 708).
//   • Input rounding at large logits. float32 rounds z = 10⁴ by up to 10⁴·2⁻²⁴ ≈ 6·10⁻⁴, which moves
//     softmax outputs by a relative 2·|z|·2⁻²⁴ ≈ 10⁻³; the tolerance carries that as the condition
//     number κ = 2·max|z| (tolerance.ts), so agreement at ±10⁴ means "to about three digits".
//   • Tiny losses through a log-sum-exp builder. The tfjs loss builders compute log Σ e^{z−s} + s − p·z,
//     so a confident right answer (loss e^{−40}) cancels to 0 in float32, as it did in the old float64
//     impl. There the float32 comparison is absolute (to u₃₂·|z|) and relative accuracy is checked
//     against tf.softplus/tf.sigmoid (which keep e^{−z} in float32 up to z ≈ 87) and, in float64,
//     against asymptotics in extreme-inputs.test.ts.
//   • 0·log 0. tfjs evaluates y·log ŷ at y = ŷ = 0 as 0·(−∞) = NaN, so its binary cross-entropy is NaN at
//     the two confident right answers (y, ŷ) = (0, 0) and (1, 1), where the loss is 0 (impl returns 0).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as impl from '../../impl/index.ts';
import { tfjsOracle, type TfjsOracle } from '../../oracles/tfjs/index.ts';
import { crossEntropyFromLogitsLoss } from '../../oracles/tfjs/losses.ts';
import { binaryCrossEntropyOfLogit, binaryCrossEntropyOfProbability } from '../../oracles/tfjs/sigmoidUnit.ts';
import { acceptTfjsMeasurement } from '../../spec/engine/context.ts';
import { configFromEnv } from '../../spec/engine/config.ts';
import { elementary, tolerance } from '../../spec/engine/tolerance.ts';
import {
  boundaryProbability, extremeClassificationCase, extremeLogit, float32BoundaryProbability, mixedScaleLogits,
} from '../../spec/domains/index.ts';

/** The smallest positive normal float32, 2⁻¹²⁶: below it float32 keeps fewer bits or flushes to 0. */
const FLOAT32_MIN_NORMAL = 2 ** -126;
const SEED = configFromEnv().seed;
const CASES = 400;
const dtypes = ['float64', 'float32'] as const;
/** A fixed ladder through the places where float32 and float64 part: e^{−z} leaves float32 normals at 87.3, subnormals at 103.9, float64 normals at 708. */
const LADDER = [0, 1e-8, 1, 20, 40, 80, 87, 88, 90, 104, 200, 708, 745, 1e4].flatMap((z) => [z, -z]);

let oracle: TfjsOracle;
beforeAll(async () => { oracle = await tfjsOracle(acceptTfjsMeasurement); });

interface Worst { error: number; tol: number; where: string }
/** Records every comparison and keeps the one closest to (or furthest past) its tolerance. */
function worstOf(): { add(actual: number, reference: number, tol: number, where: string): void; worst: Worst; failures: Worst[] } {
  const state = { worst: { error: 0, tol: 1, where: 'none' } as Worst, failures: [] as Worst[] };
  return {
    ...state,
    get worst() { return state.worst; },
    get failures() { return state.failures; },
    add(actual, reference, tol, where) {
      const error = Number.isNaN(actual) || Number.isNaN(reference) ? Infinity
        : actual === reference ? 0 : Math.abs(actual - reference);
      const w = { error, tol, where: `${where}: impl ${actual}, tfjs ${reference}` };
      if (error / tol > state.worst.error / state.worst.tol) state.worst = w;
      if (!(error <= tol)) state.failures.push(w);
    },
  };
}

const expectAllWithin = (r: ReturnType<typeof worstOf>) =>
  expect(r.failures.slice(0, 5).map((f) => `${f.where} (|Δ| ${f.error} > tol ${f.tol})`)).toEqual([]);

/** Relative tolerance on a float32 result, plus the float32 underflow floor. */
const relative = (reference: number, operations: number, condition: number) =>
  tolerance({ dtypes, operations, scale: Math.abs(reference), condition }) + FLOAT32_MIN_NORMAL;

describe('activations vs tf.softplus / tf.sigmoid / tf.logSigmoid (relative, to the float32 underflow floor)', () => {
  it('softplus, σ, σ\' and log σ agree at logits up to ±1e4, including e^{−z} down to 2⁻¹²⁶', () => {
    const z = [...LADDER, ...fc.sample(extremeLogit(), { seed: SEED, numRuns: CASES })];
    const { tf } = oracle.runtime;
    const [softplus, sigmoid, sigmoidNeg, logSigmoid] = tf.tidy(() => {
      const t = tf.tensor1d(z);
      return [tf.softplus(t), tf.sigmoid(t), tf.sigmoid(tf.neg(t)), tf.logSigmoid(t)].map((x) => x.arraySync() as number[]);
    });
    const r = worstOf();
    z.forEach((zi, i) => {
      // κ ≤ max(1, |z|) for each of these in z (e.g. softplus: |z σ(z)/softplus(z)|), and float32 rounds z first.
      const kappa = Math.max(1, Math.abs(zi));
      r.add(impl.softplus(zi), softplus![i]!, relative(softplus![i]!, elementary(2), kappa), `softplus(${zi})`);
      r.add(impl.sigmoid(zi), sigmoid![i]!, relative(sigmoid![i]!, elementary(1) + 2, kappa), `σ(${zi})`);
      // σ'(z) = σ(z)σ(−z), each factor from tf in float32.
      const ds = sigmoid![i]! * sigmoidNeg![i]!;
      r.add(impl.sigmoidDerivative(zi), ds, relative(ds, elementary(2) + 3, 2 * kappa), `σ'(${zi})`);
      r.add(impl.logSigmoid(zi), logSigmoid![i]!, relative(logSigmoid![i]!, elementary(2), kappa), `log σ(${zi})`);
    });
    expectAllWithin(r);
  });
});

describe('softmax, log-softmax and log-sum-exp at mixed scales vs tfjs', () => {
  it('agree entrywise: softmax relative (κ = 2·max|z|), log-softmax and log-sum-exp absolute', () => {
    const cases = [[1e4, 0, -1e4], [40, 0, 1], [-1e4, -1e4], ...fc.sample(mixedScaleLogits(), { seed: SEED, numRuns: CASES })];
    const byClasses = new Map<number, number[][]>();
    for (const z of cases) byClasses.set(z.length, [...(byClasses.get(z.length) ?? []), z]);
    const r = worstOf();
    const { tf } = oracle.runtime;
    for (const [c, zs] of byClasses) {
      const [q, lq, lse] = tf.tidy(() => {
        const t = tf.tensor2d(zs);
        return [tf.softmax(t).arraySync() as number[][], tf.logSoftmax(t).arraySync() as number[][], tf.logSumExp(t, 1).arraySync() as number[]];
      });
      zs.forEach((z, b) => {
        const maxAbs = Math.max(...z.map(Math.abs));
        const kappa = 2 * Math.max(1, maxAbs);
        impl.softmax(z).forEach((qi, i) => r.add(qi, q![b]![i]!, relative(q![b]![i]!, c + elementary(1), kappa), `softmax(${z})[${i}]`));
        // Log-domain outputs: absolute error ≤ (γ + κu)·(|max z| + log C) with κ = 2 from the rounded inputs.
        const logTol = tolerance({ dtypes, operations: c + elementary(2), scale: 2 * maxAbs + Math.log(c), condition: 2 });
        impl.logSoftmax(z).forEach((l, i) => r.add(l, lq![b]![i]!, logTol, `logSoftmax(${z})[${i}]`));
        r.add(impl.logSumExp(z), lse![b]!, logTol, `logSumExp(${z})`);
      });
    }
    expectAllWithin(r);
  });
});

describe('cross-entropy from logits: value, gradient and Hessian vs tfjs autodiff (nested, qualified)', () => {
  it('agree at logits up to ±1e4 with targets that have zeros and subnormal entries', () => {
    const cases = fc.sample(extremeClassificationCase(), { seed: SEED, numRuns: CASES / 2 });
    const byClasses = new Map<number, typeof cases>();
    for (const c of cases) byClasses.set(c.z.length, [...(byClasses.get(c.z.length) ?? []), c]);
    const r = worstOf();
    for (const [c, group] of byClasses) {
      const z = group.map((g) => g.z), p = group.map((g) => g.p);
      const reference = oracle.derivatives(z, crossEntropyFromLogitsLoss(p, z), { hessian: true });
      group.forEach((g, b) => {
        const maxAbs = Math.max(1, ...g.z.map(Math.abs));
        const pz = g.p.reduce((s, pi, i) => s + pi * Math.abs(g.z[i]!), 0);
        // Value: terms |shift|, log Σ, p·z are combined (S = 2 max|z| + Σ p|z| + log C); gradient and
        // Hessian entries are O(1), moved by the float32 rounding of z by κ = 2·max|z| (4 for q q ᵀ terms).
        const valueTol = tolerance({ dtypes, operations: c + elementary(2) + 2, scale: 2 * maxAbs + pz + Math.log(c) });
        const gradTol = tolerance({ dtypes, operations: c + elementary(2), scale: 1, condition: 2 * maxAbs });
        const hessTol = tolerance({ dtypes, operations: c + elementary(2) + 2, scale: 1, condition: 4 * maxAbs });
        r.add(impl.crossEntropyFromLogits(g.p, g.z), reference.values[b]!, valueTol, `CE(${g.p}; ${g.z})`);
        impl.crossEntropyLogitGradient(g.p, g.z).forEach((gi, i) => r.add(gi, reference.gradients[b]![i]!, gradTol, `∇CE(${g.p}; ${g.z})[${i}]`));
        impl.crossEntropyLogitHessian(g.z).forEach((row, i) => row.forEach((hij, j) =>
          r.add(hij, reference.hessians![b]![i]![j]!, hessTol, `∇²CE(${g.z})[${i}][${j}]`)));
      });
    }
    expectAllWithin(r);
  });
});

describe('binary cross-entropy vs tfjs', () => {
  it('from the logit: value, gradient σ(z) − y and Hessian σ\'(z) agree at logits up to ±1e4', () => {
    const cases = [...LADDER.map((z) => ({ y: 1, z })), ...LADDER.map((z) => ({ y: 0, z })),
      ...fc.sample(fc.record({ y: fc.constantFrom(0, 1, 0.25, 0.9), z: extremeLogit() }), { seed: SEED, numRuns: CASES })];
    const y = cases.map((c) => c.y), z = cases.map((c) => c.z);
    const reference = oracle.derivatives(z.map((zi) => [zi]), binaryCrossEntropyOfLogit(y, z), { hessian: true });
    const r = worstOf();
    cases.forEach(({ y: yi, z: zi }, b) => {
      const kappa = Math.max(1, Math.abs(zi));
      // Absolute: the builder's log-sum-exp form cancels tiny losses to u₃₂·|z| (header).
      const valueTol = tolerance({ dtypes, operations: elementary(3) + 3, scale: 2 * Math.abs(zi) + 1 });
      const slopeTol = tolerance({ dtypes, operations: elementary(2) + 2, scale: 1, condition: kappa });
      r.add(impl.binaryCrossEntropyFromLogit(yi, zi), reference.values[b]!, valueTol, `BCE(${yi}, z=${zi})`);
      r.add(impl.logisticCrossEntropyGradient([[1]], [yi], [zi], 0).b, reference.gradients[b]![0]!, slopeTol, `∂BCE(${yi}, z=${zi})`);
      r.add(impl.sigmoidDerivative(zi), reference.hessians![b]![0]![0]!, slopeTol, `∂²BCE(z=${zi})`);
    });
    expectAllWithin(r);
  });

  it('in the probability: agrees wherever float32 can hold ŷ and 1 − ŷ; ŷ ∈ {0, 1} gives ±∞/NaN in tfjs as documented', () => {
    const label = fc.constantFrom(0, 1, 0.3);
    const grid = [...fc.sample(fc.record({ y: label, yHat: boundaryProbability() }), { seed: SEED, numRuns: CASES }),
      ...fc.sample(fc.record({ y: label, yHat: float32BoundaryProbability() }), { seed: SEED, numRuns: CASES })];
    const corners = [{ y: 0, yHat: 0 }, { y: 1, yHat: 1 }, { y: 1, yHat: 0 }, { y: 0, yHat: 1 }];
    const cases = [...corners, ...grid];
    const reference = oracle.derivatives(cases.map((c) => [c.yHat]), binaryCrossEntropyOfProbability(cases.map((c) => c.y))).values;
    // The documented float32 limitation: 0·log 0 = 0·(−∞) = NaN at the confident right answers; ∞ at the wrong ones.
    expect(reference.slice(0, 4)).toEqual([NaN, NaN, Infinity, Infinity]);
    expect(corners.map((c) => impl.binaryCrossEntropy(c.y, c.yHat))).toEqual([0, 0, Infinity, Infinity]);
    const r = worstOf();
    let compared = 0;
    grid.forEach((c, k) => {
      const p32 = Math.fround(c.yHat);
      // Float32 range: ŷ must stay a normal float32 and must not round to 1 (else log(1 − ŷ) = −∞).
      if (!(p32 >= FLOAT32_MIN_NORMAL && p32 < 1)) return;
      compared++;
      const ref = reference[4 + k]!;
      // The input rounding ŷ → fl32(ŷ) moves the loss by u·(y + (1 − y)·ŷ/(1 − ŷ)): κ = 1 + ŷ/(1 − ŷ).
      const tol = tolerance({ dtypes, operations: elementary(2) + 3, scale: Math.abs(ref) + 1, condition: 1 + p32 / (1 - p32) });
      r.add(impl.binaryCrossEntropy(c.y, c.yHat), ref, tol, `BCE(${c.y}, ŷ=${c.yHat})`);
    });
    // Every float32-range case is compared (a few boundaryProbability draws fall in range too).
    expect(compared).toBeGreaterThanOrEqual(CASES);
    expectAllWithin(r);
  });
});
