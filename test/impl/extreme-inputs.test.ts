// Extreme inputs to impl/, in float64 alone: logits up to ±1e4 and of mixed scales in one vector,
// probabilities exactly 0 or 1, entries near the underflow threshold (2⁻¹⁰²² normal, 2⁻¹⁰⁷⁴ subnormal).
// Losses, gradients and Hessians must stay finite wherever the math is finite, be +Infinity exactly
// where the math is (a true class given probability 0), and keep their relative accuracy where a
// naive formula cancels. The references are closed forms and asymptotics computed here:
//   • a confident right answer: CE = log1p(r) with r = Σ_{i≠k} e^{z_i − z_k}; for r < 2⁻³⁰,
//     |CE − r| ≤ r²/2, so r itself is the reference to 2⁻³¹ relative;
//   • BCE(1, z) = softplus(−z) = e^{−z} − e^{−2z}/2 + …: the reference for z ≥ 20 is e^{−z};
//   • a saturated softmax Jacobian: p_k(1 − p_k) = r/(1 + r)² at the leading class;
//   • exact scale invariances (Jacobi eigenvalues, the MGDA γ) under multiplication by 2^k.
// Agreement with the float32 tfjs oracle is in extreme-vs-tfjs.test.ts (where float32's range allows).
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import * as impl from '../../impl/index.ts';
import {
  EXTREME_LOGIT, between, boundaryProbability, extremeClassificationCase, extremeLogit, matrix, mixedScaleLogits,
  real, saturatingLogits, softmaxRegressionCase, underflowDistribution, vector,
} from '../../spec/domains/index.ts';
import { elementary, tolerance } from '../../spec/engine/tolerance.ts';
import { configFromEnv } from '../../spec/engine/config.ts';

// A fixed seed (LOSSCHECK_SEED or the project default), so a run is reproducible and mutation testing
// sees the same cases in every mutant; a failure prints {seed, path} for replay.
const SEED = configFromEnv().seed;
const RUNS = { numRuns: 300, seed: SEED };
const f64 = ['float64', 'float64'] as const;
const finite = (x: unknown): boolean => (typeof x === 'number' ? Number.isFinite(x) : Array.isArray(x) && x.every(finite));
/** r = Σ_{i≠k} e^{z_i − z_k}: how far softmax(z) is from the vertex k. */
const rest = (z: number[], k: number) => z.reduce((s, zi, i) => (i === k ? s : s + Math.exp(zi - z[k]!)), 0);
/** Relative closeness within `tol` (relative), for positive references. */
const relativeError = (actual: number, reference: number) => Math.abs(actual - reference) / reference;

describe('activations at logits up to ±1e4', () => {
  test.prop([extremeLogit()], RUNS)('σ, σ\', softplus and log σ are finite and in range', (z) => {
    const s = impl.sigmoid(z), ds = impl.sigmoidDerivative(z), sp = impl.softplus(z), ls = impl.logSigmoid(z);
    expect(finite([s, ds, sp, ls])).toBe(true);
    // σ'(z) ≤ ¼ in exact arithmetic; near z = 0 its three roundings may land an ulp or two above.
    const quarter = 0.25 * (1 + tolerance({ dtypes: f64, operations: elementary(1) + 3, scale: 1 }));
    expect(s >= 0 && s <= 1 && ds >= 0 && ds <= quarter && sp >= Math.max(z, 0) && ls <= 0).toBe(true);
  });
  test.prop([extremeLogit()], RUNS)('softplus(z) − softplus(−z) = z (to rounding of the larger term)', (z) => {
    const tol = tolerance({ dtypes: f64, operations: elementary(2) + 1, scale: Math.abs(z) + 1 });
    expect(Math.abs(impl.softplus(z) - impl.softplus(-z) - z)).toBeLessThanOrEqual(tol);
  });
  test.prop([between(20, 700)], RUNS)('softplus(−z) and σ(−z) keep e^{−z} to full relative precision for z ∈ [20, 700]', (z) => {
    const e = Math.exp(-z);
    // |softplus(−z) − e^{−z}| ≤ e^{−2z}/2 and |σ(−z) − e^{−z}| ≤ e^{−2z}: below 2⁻⁵⁷ relative for z ≥ 20.
    const tol = tolerance({ dtypes: f64, operations: elementary(2), scale: 1 }) + e;
    expect(relativeError(impl.softplus(-z), e)).toBeLessThanOrEqual(tol);
    expect(relativeError(impl.sigmoid(-z), e)).toBeLessThanOrEqual(tol);
    expect(relativeError(impl.sigmoidDerivative(z), e)).toBeLessThanOrEqual(tol + 2 * e);
    expect(relativeError(-impl.logSigmoid(z), e)).toBeLessThanOrEqual(tol);
  });
});

describe('activations in float64\'s subnormal range', () => {
  test.prop([between(709, 744)], RUNS)('σ(−z), softplus(−z) and −log σ(z) keep e^{−z} > 0 as a subnormal for z ∈ [709, 744] (e^{z} itself overflows)', (z) => {
    const e = Math.exp(-z);
    // Subnormals have an absolute spacing of 2⁻¹⁰⁷⁴: the results are e^{−z} to within a few of those.
    const tol = tolerance({ dtypes: f64, operations: elementary(2) + 2, scale: e }) + 4 * 2 ** -1074;
    for (const x of [impl.sigmoid(-z), impl.softplus(-z), -impl.logSigmoid(z), impl.sigmoidDerivative(z)]) {
      expect(x).toBeGreaterThan(0);
      expect(Math.abs(x - e)).toBeLessThanOrEqual(tol);
    }
  });
});

describe('log-sum-exp, softmax and log-softmax at mixed scales', () => {
  test.prop([mixedScaleLogits()], RUNS)('finite; max z ≤ logSumExp(z) ≤ max z + log C; gaps ≥ 0; softmax sums to 1', (z) => {
    const lse = impl.logSumExp(z), gaps = impl.logSumExpGaps(z), q = impl.softmax(z), lq = impl.logSoftmax(z);
    const max = Math.max(...z), c = z.length;
    expect(finite([lse, gaps, q, lq])).toBe(true);
    const tol = tolerance({ dtypes: f64, operations: c + elementary(2), scale: Math.abs(max) + Math.log(c) });
    expect(lse).toBeGreaterThanOrEqual(max);
    expect(lse - max).toBeLessThanOrEqual(Math.log(c) + tol);
    expect(gaps.every((g) => g >= 0)).toBe(true);
    expect(q.every((qi) => qi >= 0 && qi <= 1)).toBe(true);
    expect(Math.abs(q.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 2 * c + elementary(1), scale: 1 }));
    expect(lq.every((l, i) => l === -gaps[i]!)).toBe(true);
  });
  test.prop([saturatingLogits()], RUNS)('a confident right answer keeps its tiny loss: CE(e_k, z) = log1p(r) ≈ r', ({ z, leader }) => {
    const r = rest(z, leader);
    const p = z.map((_, i) => (i === leader ? 1 : 0));
    const ce = impl.crossEntropyFromLogits(p, z);
    expect(Number.isFinite(ce) && ce >= 0).toBe(true);
    if (r < 2 ** -30 && r >= 2 ** -1022) {
      // log1p(r) = r − r²/2 + …, so r is the reference to r/2 relative, plus the rounding of the sum of C exps.
      const tol = tolerance({ dtypes: f64, operations: z.length + elementary(2), scale: 1 }) + r / 2;
      expect(relativeError(ce, r)).toBeLessThanOrEqual(tol);
      expect(relativeError(impl.logSumExpGaps(z)[leader]!, r)).toBeLessThanOrEqual(tol);
    } else if (r < 2 ** -1022) {
      expect(ce).toBeLessThanOrEqual(2 * r + 2 ** -1074);
    }
  });
});

describe('cross-entropy, its gradient and Hessian with extreme logits and underflowing targets', () => {
  test.prop([extremeClassificationCase()], RUNS)('CE, ∇ and ∇² are finite; ∇ sums to 0; ∇² is symmetric with zero row sums', ({ z, p }) => {
    const ce = impl.crossEntropyFromLogits(p, z), g = impl.crossEntropyLogitGradient(p, z), h = impl.crossEntropyLogitHessian(z);
    expect(finite([ce, g, h])).toBe(true);
    expect(ce).toBeGreaterThanOrEqual(0);
    const c = z.length, tol = tolerance({ dtypes: f64, operations: 2 * c + elementary(1), scale: 2 });
    expect(Math.abs(g.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(tol);
    h.forEach((row, i) => {
      expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(tol);
      expect(row[i]!).toBeGreaterThanOrEqual(0);
      row.forEach((hij, j) => expect(hij).toBe(h[j]![i]!));
    });
  });
  test.prop([saturatingLogits()], RUNS)('the saturated Hessian keeps p_k(1 − p_k) = r/(1 + r)² at the leading class', ({ z, leader }) => {
    const r = rest(z, leader);
    fc.pre(r >= 2 ** -1022);
    const reference = r / (1 + r) ** 2;
    const tol = tolerance({ dtypes: f64, operations: 3 * z.length + elementary(1), scale: 1 });
    expect(relativeError(impl.crossEntropyLogitHessian(z)[leader]![leader]!, reference)).toBeLessThanOrEqual(tol);
  });
  test.prop([underflowDistribution(), underflowDistribution()], RUNS)('entropy, CE and KL: finite exactly when the support allows, ∞ otherwise', (p, q0) => {
    const q = q0.length === p.length ? q0 : p.map((_, i) => q0[i % q0.length]! / Math.ceil(p.length / q0.length));
    fc.pre(Math.abs(q.reduce((a, b) => a + b, 0) - 1) <= 4 * q.length * 2 ** -53);
    const h = impl.entropy(p);
    expect(Number.isFinite(h) && h >= 0 && h <= Math.log(p.length) + 1e-15).toBe(true);
    const supported = p.every((pi, i) => pi === 0 || q[i]! > 0);
    const ce = impl.crossEntropy(p, q), kl = impl.klDivergence(p, q);
    expect(Number.isFinite(ce)).toBe(supported);
    expect(Number.isFinite(kl)).toBe(supported);
    if (!supported) { expect(ce).toBe(Infinity); expect(kl).toBe(Infinity); return; }
    // Reference: Σ p_i (log p_i − log q_i), each log finite since p_i, q_i > 0 on the support. Scale: each
    // log carries |log x|·u, and log(p_i/q_i) one more u absolute from the rounded ratio (log's condition
    // number is 1/|log x|, so a relative error u of the ratio becomes an absolute u): p_i(|log p_i| + |log q_i| + 1).
    let reference = 0, scale = 0;
    p.forEach((pi, i) => { if (pi > 0) { reference += pi * (Math.log(pi) - Math.log(q[i]!)); scale += pi * (Math.abs(Math.log(pi)) + Math.abs(Math.log(q[i]!)) + 1); } });
    expect(Math.abs(kl - reference)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 2 * p.length + elementary(2), scale }));
  });
  test('KL with a subnormal q entry is finite (p/q would overflow to ∞)', () => {
    const kl = impl.klDivergence([0.5, 0.5], [1, 2 ** -1074]);
    const reference = 0.5 * Math.log(0.5) + 0.5 * (Math.log(0.5) + 1074 * Math.LN2);
    expect(Math.abs(kl - reference)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: elementary(4), scale: 2 * 1074 * Math.LN2 }));
  });
});

describe('binary cross-entropy: ŷ exactly 0 or 1, logits up to ±1e4', () => {
  test('ŷ ∈ {0, 1}: 0 for the right label (0·log 0 = 0), +∞ for the wrong one and for any fractional y', () => {
    expect(impl.binaryCrossEntropy(1, 1)).toBe(0);
    expect(impl.binaryCrossEntropy(0, 0)).toBe(0);
    for (const [y, yHat] of [[1, 0], [0, 1], [0.3, 0], [0.3, 1]] as const) expect(impl.binaryCrossEntropy(y, yHat)).toBe(Infinity);
  });
  test.prop([fc.constantFrom(0, 1, 0.25), boundaryProbability()], RUNS)('finite for every ŷ strictly inside (0, 1)', (y, yHat) => {
    const l = impl.binaryCrossEntropy(y, yHat);
    const inside = yHat > 0 && yHat < 1;
    const rightAtBoundary = (yHat === 0 && y === 0) || (yHat === 1 && y === 1);
    expect(Number.isFinite(l)).toBe(inside || rightAtBoundary);
    expect(l).toBeGreaterThanOrEqual(0);
  });
  test.prop([fc.constantFrom(0, 1, 0.5, 0.9), extremeLogit()], RUNS)('from the logit: finite and ≥ 0; the gradient σ(z) − y and σ\'(z) are finite', (y, z) => {
    const l = impl.binaryCrossEntropyFromLogit(y, z);
    const g = impl.logisticCrossEntropyGradient([[1]], [y], [z], 0);
    expect(finite([l, g.w, g.b, impl.sigmoidDerivative(z)])).toBe(true);
    expect(l).toBeGreaterThanOrEqual(0);
  });
  test.prop([between(20, 700)], RUNS)('a confident right answer (y = 1, z ≥ 20): loss e^{−z} and gradient −e^{−z}, not 0', (z) => {
    const e = Math.exp(-z);
    const tol = tolerance({ dtypes: f64, operations: elementary(2) + 2, scale: 1 }) + e;
    expect(relativeError(impl.binaryCrossEntropyFromLogit(1, z), e)).toBeLessThanOrEqual(tol);
    expect(relativeError(impl.binaryCrossEntropyFromLogit(0, -z), e)).toBeLessThanOrEqual(tol);
    expect(relativeError(-impl.logisticCrossEntropyGradient([[1]], [1], [z], 0).b, e)).toBeLessThanOrEqual(tol);
    expect(relativeError(impl.logisticCrossEntropyGradient([[1]], [0], [-z], 0).b, e)).toBeLessThanOrEqual(tol);
  });
});

describe('models, attention, geometry and multitask at extreme scales', () => {
  test.prop([softmaxRegressionCase({ d: [1, 3], C: [2, 4], N: [1, 3] }, { w: 1e3, x: 10 })], { numRuns: 100, seed: SEED })(
    'softmax regression with logits up to ~3·10⁴: loss, gradient and Hessian finite; Hessian symmetric', (c) => {
      const h = impl.softmaxRegressionHessian(c.W, c.X);
      expect(finite([impl.softmaxRegressionLoss(c.W, c.X, c.P), impl.softmaxRegressionGradient(c.W, c.X, c.P), h])).toBe(true);
      h.forEach((row, i) => row.forEach((hij, j) => expect(hij).toBe(h[j]![i]!)));
    });
  test.prop([fc.integer({ min: 1, max: 4 }).chain((dk) => fc.record({ q: matrix(2, dk, 100), k: matrix(3, dk, 100), v: matrix(3, 2, 1e4) }))], RUNS)(
    'attention with scores up to ~10⁴: weights finite, rows sum to 1, outputs finite', ({ q, k, v }) => {
      const a = impl.attentionWeights(q, k);
      expect(finite([a, impl.attention(q, k, v), impl.attentionWeightsQueryJacobian(q, k)])).toBe(true);
      const tol = tolerance({ dtypes: f64, operations: 2 * k.length + elementary(1), scale: 1 });
      a.forEach((row) => expect(Math.abs(row.reduce((s, x) => s + x, 0) - 1)).toBeLessThanOrEqual(tol));
    });
  test.prop([mixedScaleLogits(), between(-300, 300)], RUNS)('softmax with temperature 10^[−300, 300] is finite and sums to 1 (z/T would overflow)', (z, log10T) => {
    const q = impl.softmaxWithTemperature(z, 10 ** log10T);
    expect(finite(q)).toBe(true);
    expect(Math.abs(q.reduce((s, x) => s + x, 0) - 1)).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 2 * z.length + elementary(1), scale: 1 }));
  });
  test('softmax with T = 1e-308 on [1, 2] puts all mass on the larger logit', () => {
    expect(impl.softmaxWithTemperature([1, 2], 1e-308)).toEqual([0, 1]);
  });
  test.prop([vector(3, 1), vector(3, 1), fc.integer({ min: -990, max: 990 })], RUNS)('MGDA γ is invariant under g ↦ 2^k g, for 2^k from 1e-298 to 1e298', (g1, g2, k) => {
    const s = 2 ** k;
    const scaled = impl.minNormCombination(g1.map((x) => x * s), g2.map((x) => x * s));
    expect(scaled.gamma).toBe(impl.minNormCombination(g1, g2).gamma);
    expect(finite(scaled.direction)).toBe(true);
  });
  test.prop([fc.integer({ min: 2, max: 5 }).chain((n) => matrix(n, n, 1)), fc.integer({ min: -900, max: 900 })], { numRuns: 100, seed: SEED })(
    'Jacobi eigenvalues scale exactly: λ(2^k A) = 2^k λ(A), for 2^k from 1e-271 to 1e271', (m, k) => {
      const a = m.map((row, i) => row.map((x, j) => (j < i ? m[j]![i]! : x)));
      fc.pre(a.some((row) => row.some((x) => x !== 0)));
      const s = 2 ** k;
      expect(impl.symmetricEigenvalues(a.map((row) => row.map((x) => x * s)))).toEqual(impl.symmetricEigenvalues(a).map((l) => l * s));
    });
  test('Jacobi on entries near underflow: [[0, 1e-300], [1e-300, 0]] has eigenvalues ±1e-300 (squares of entries underflow)', () => {
    const [lo, hi] = impl.symmetricEigenvalues([[0, 1e-300], [1e-300, 0]]);
    expect(lo).toBeCloseTo(-1e-300, 310);
    expect(Math.abs(lo! + 1e-300) / 1e-300).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 8, scale: 1 }));
    expect(Math.abs(hi! - 1e-300) / 1e-300).toBeLessThanOrEqual(tolerance({ dtypes: f64, operations: 8, scale: 1 }));
  });
  test.prop([underflowDistribution(), underflowDistribution()], RUNS)('Fisher–Rao distance and the logit Fisher are finite with zeros and subnormals', (p, q) => {
    fc.pre(p.length === q.length);
    const d = impl.fisherRaoDistance(p, q);
    expect(Number.isFinite(d) && d >= 0 && d <= Math.PI + 1e-15).toBe(true);
    expect(finite(impl.categoricalFisherInLogits(p))).toBe(true);
  });
  // (y − μ)²/2σ² stays below the float64 maximum 1.8·10³⁰⁸ for |y − μ| ≤ 2·10⁴ and σ ≥ 10⁻¹⁴⁰; below that
  // the exact value itself overflows, so ∞ is the right answer there, not a defect.
  test.prop([real(EXTREME_LOGIT), real(EXTREME_LOGIT), between(-140, 0)], RUNS)('Gaussian and Laplace −log-likelihoods are finite for σ, b down to 1e-140 and |y − μ| ≤ 2·10⁴', (y, mu, log10Scale) => {
    const s = 10 ** log10Scale;
    expect(finite([impl.gaussianNegativeLogLikelihood(y, mu, s), impl.laplaceNegativeLogLikelihood(y, mu, s)])).toBe(true);
  });
});
