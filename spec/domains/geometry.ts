// Generators for §4.3.3 (geometry of the simplex, information geometry, Adam, natural gradient):
// simplex points with their class count, pairs of them, tangent perturbations that keep P + hδ on the
// simplex, logits, Adam runs (a gradient sequence under one of a few hyperparameter settings, so that
// cases sharing a setting share one tf.train.adam call) and SPD metrics with a known eigenbasis and a
// condition number spread over decades.
import fc from 'fast-check';
import { between, nonZeroVector, real, simplexPoint, vector } from './index.ts';

/** An interior point of Δ^{C−1}, C ∈ [lo, hi]; half of them within 10⁻¹²…10⁻¹ of a vertex. */
export function simplexWithClasses(lo: number, hi: number): fc.Arbitrary<{ C: number; p: number[] }> {
  return fc.integer({ min: lo, max: hi }).chain((C) =>
    fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true })).map((p) => ({ C, p })));
}

/**
 * Two interior points of the same simplex (each possibly near a vertex). p = q happens: fast-check's bias
 * toward small integers draws the same weights twice now and then (case 2526 of seed 99 at 4000 cases).
 * Use distinctSimplexPair where the claim needs two different points.
 */
export function simplexPair(lo: number, hi: number): fc.Arbitrary<{ C: number; p: number[]; q: number[] }> {
  return fc.integer({ min: lo, max: hi }).chain((C) => {
    const point = fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true }));
    return fc.record({ p: point, q: point }).map(({ p, q }) => ({ C, p, q }));
  });
}

/**
 * Two different points of the same simplex: simplexPair with the equal pair redrawn, for claims about
 * d(p, q)/‖p − q‖ or the direction from p to q, which p = q leaves undefined. fast-check draws each case
 * from a stream of its own and a filter draws again only on rejection, so every other case is the pair
 * simplexPair draws at the same seed and path.
 */
export function distinctSimplexPair(lo: number, hi: number): fc.Arbitrary<{ C: number; p: number[]; q: number[] }> {
  return simplexPair(lo, hi).filter(({ p, q }) => p.some((pi, i) => pi !== q[i]));
}

/** Logits z ∈ [−scale, scale]^C, C ∈ [lo, hi]. */
export function logitsWithClasses(lo: number, hi: number, scale = 6): fc.Arbitrary<{ C: number; z: number[] }> {
  return fc.integer({ min: lo, max: hi }).chain((C) => vector(C, scale).map((z) => ({ C, z })));
}

/**
 * A point P of the simplex and a tangent direction δ (Σ δ = 0) with |δ_i| ≲ P_i, δ_i = P_i r_i,
 * r = u − Σ_j P_j u_j rescaled to max |r_i| = 1: P + hδ stays in the open simplex for |h| < 1.
 * Directions with r ≈ 0 (all u_i equal) are excluded, since they are no direction at all. P is interior
 * unless `nearVertex`: near a vertex δ is ≲ 10⁻¹² on the dominant coordinate, below the float64
 * resolution of P + hδ there, so a function of the perturbed point cannot see it (a representation
 * limit of the test, not a property of the claim).
 */
export function tangentPerturbation(lo: number, hi: number, options: { nearVertex?: boolean } = {}): fc.Arbitrary<{ C: number; P: number[]; delta: number[] }> {
  return fc.integer({ min: lo, max: hi }).chain((C) =>
    fc.record({ P: options.nearVertex ? fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true })) : simplexPoint(C), u: vector(C, 1) })
      .map(({ P, u }) => {
        const mean = P.reduce((s, pi, i) => s + pi * u[i]!, 0);
        const r = u.map((ui) => ui - mean);
        const size = Math.max(...r.map(Math.abs));
        const delta = P.map((pi, i) => (pi * r[i]!) / size);
        // Σ δ = 0 exactly in float64 (up to the last rounding): the largest-P coordinate absorbs the residue.
        const k = P.indexOf(Math.max(...P));
        delta[k] = -delta.reduce((s, d, i) => (i === k ? s : s + d), 0);
        return { C, P, delta, size };
      })
      .filter(({ size }) => size > 1e-3)
      .map(({ C, P, delta }) => ({ C, P, delta })));
}

/** A predicted probability p̂ ∈ (0, 1) of the true class (C = 2), on a log scale toward both ends. */
export function twoClassPrediction(): fc.Arbitrary<number> {
  return fc.oneof(between(1e-6, 1 - 1e-6), between(1, 12).map((k) => 10 ** -k), between(1, 12).map((k) => 1 - 10 ** -k));
}

export interface AdamSetting { learningRate: number; beta1: number; beta2: number; epsilon: number }

/**
 * Hyperparameter settings: the paper's defaults; a short-memory setting where the bias corrections are
 * large for many steps; one with ε comparable to the gradients, so the ε term matters.
 */
export const ADAM_SETTINGS: readonly AdamSetting[] = [
  { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { learningRate: 0.1, beta1: 0.5, beta2: 0.75, epsilon: 1e-6 },
  { learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 0.1 },
];

export interface AdamRun { setting: number; n: number; w0: number[]; gradients: number[][] }

/**
 * One of ADAM_SETTINGS, n ∈ [1, 4] coordinates, T ∈ [1, 12] steps, w₀ ∈ [−2, 2]ⁿ and gradients whose
 * scale is drawn per run from 10⁻⁴…10² (Adam's behaviour depends on |g| against ε). With `nonZero`, every
 * gradient coordinate has |g| ≥ scale·10⁻³ (the step is then 0/0-free even for ε = 0).
 */
export function adamRun(options: { steps?: [number, number]; nonZero?: boolean } = {}): fc.Arbitrary<AdamRun> {
  const [tLo, tHi] = options.steps ?? [1, 12];
  return fc.record({
    setting: fc.nat(ADAM_SETTINGS.length - 1), n: fc.integer({ min: 1, max: 4 }), T: fc.integer({ min: tLo, max: tHi }), log10Scale: between(-4, 2),
  }).chain(({ setting, n, T, log10Scale }) => {
    const scale = 10 ** log10Scale;
    const entry = options.nonZero
      ? fc.record({ m: between(1e-3, 1), sign: fc.constantFrom(-1, 1) }).map(({ m, sign }) => sign * m * scale)
      : real(scale);
    return fc.record({
      w0: vector(n, 2),
      gradients: fc.array(fc.array(entry, { minLength: n, maxLength: n }), { minLength: T, maxLength: T }),
    }).map((r) => ({ setting, n, ...r }));
  });
}

export interface SpdMetric {
  n: number;
  /** Eigenvalues λ_k (log-uniform in [10^−spread, 10^spread]). */
  eigenvalues: number[];
  /** Orthonormal eigenvectors (rows): a Householder reflection I − 2vvᵀ/‖v‖², exact up to rounding. */
  eigenvectors: number[][];
  /** G = Σ_k λ_k q_k q_kᵀ. */
  G: number[][];
  /** A gradient g ∈ [−1, 1]ⁿ, g ≠ 0 (claims about its direction and steepest descent need one). */
  g: number[];
  /** A point w ∈ [−2, 2]ⁿ. */
  w: number[];
}

/**
 * A symmetric positive definite metric with known eigenpairs, with a non-zero gradient and a point; its
 * condition number λ_max/λ_min is at most 10^{2·spread}.
 */
export function spdMetric(nRange: [number, number] = [2, 5], spread = 2): fc.Arbitrary<SpdMetric> {
  return fc.integer({ min: nRange[0], max: nRange[1] }).chain((n) => fc.record({
    logLambda: fc.array(between(-spread, spread), { minLength: n, maxLength: n }),
    v: vector(n, 1).filter((v) => v.some((x) => Math.abs(x) > 1e-3)),
    // vector(n, 1) draws g = 0 about once in 2·10⁵ cases (seed 47, case 82), where −G⁻¹g/‖·‖ is 0/0.
    g: nonZeroVector(n, 1), w: vector(n, 2),
  }).map(({ logLambda, v, g, w }) => {
    const vv = v.reduce((s, x) => s + x * x, 0);
    const q = Array.from({ length: n }, (_, k) => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0) - (2 * v[k]! * v[i]!) / vv));
    const eigenvalues = logLambda.map((l) => 10 ** l);
    // Built on and above the diagonal and mirrored, so G is exactly symmetric.
    const G = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) {
      G[i]![j] = eigenvalues.reduce((s, l, k) => s + l * q[k]![i]! * q[k]![j]!, 0);
      G[j]![i] = G[i]![j]!;
    }
    return { n, eigenvalues, eigenvectors: q, G, g, w };
  }));
}
