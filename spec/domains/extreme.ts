// Generators for extreme inputs: logits up to ±1e4 and of mixed scales in one vector, probabilities at
// exactly 0 and 1, and values near the float64 underflow threshold. Magnitudes are drawn log-uniformly
// (10^k for a scaled-integer k), so every decade is reached; fc.double would put most draws below 1e-100.
import fc from 'fast-check';
import { between } from './index.ts';

/** The largest logit magnitude the extreme-input properties use. */
export const EXTREME_LOGIT = 1e4;

/** ±10^k with k uniform in [lo, hi] (a log-uniform magnitude with a random sign). */
export function signedMagnitude(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.record({ k: between(lo, hi), negative: fc.boolean() }).map(({ k, negative }) => (negative ? -1 : 1) * 10 ** k);
}

/**
 * One extreme logit: a log-uniform magnitude in [1e-8, 1e4], the exact end points ±1e4, or 0. The
 * constants are drawn often (fc.oneof weights) because the exact boundary is where overflow happens.
 */
export function extremeLogit(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 6, arbitrary: signedMagnitude(-8, 4) },
    { weight: 1, arbitrary: fc.constantFrom(EXTREME_LOGIT, -EXTREME_LOGIT, 0) },
  );
}

/** Logits of C ∈ [lo, hi] classes, each entry of its own scale: [1e4, −3e-5, 0.2, −1e4] is typical. */
export function mixedScaleLogits(lo = 2, hi = 6): fc.Arbitrary<number[]> {
  return fc.integer({ min: lo, max: hi }).chain((c) => fc.array(extremeLogit(), { minLength: c, maxLength: c }));
}

/** Logits where one class leads the others by a gap of 10^k, k ∈ [0, 4]: softmax is saturated to within e^{−gap}. */
export function saturatingLogits(lo = 2, hi = 6): fc.Arbitrary<{ z: number[]; leader: number }> {
  return fc.integer({ min: lo, max: hi }).chain((c) => fc.record({
    leader: fc.nat(c - 1),
    gap: signedMagnitude(0, 4).map(Math.abs),
    base: between(-EXTREME_LOGIT / 2, EXTREME_LOGIT / 2),
    others: fc.array(between(0, 1), { minLength: c, maxLength: c }),
  }).map(({ leader, gap, base, others }) => ({
    leader,
    z: others.map((o, i) => (i === leader ? base + gap : base - o)),
  })));
}

/**
 * A probability on the boundary or next to it: exactly 0 or 1, the smallest subnormal 2⁻¹⁰⁷⁴, the
 * smallest normal 2⁻¹⁰²², 1 − 2⁻⁵³ (the largest double below 1), or 10^k for k ∈ [−300, −1].
 */
export function boundaryProbability(): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(0, 1, 2 ** -1074, 2 ** -1022, 1 - 2 ** -53),
    between(-300, -1).map((k) => 10 ** k),
    between(-300, -1).map((k) => 1 - 10 ** k),
  );
}

/**
 * A distribution over C ∈ [lo, hi] classes with exact zeros and entries near underflow: each entry is
 * 0, a subnormal, 10^k (k ∈ [−320, 0]) or an ordinary weight, normalised so the entries sum to 1. At
 * least one entry is an ordinary weight, so normalising never divides by a denormal total.
 */
export function underflowDistribution(lo = 2, hi = 6): fc.Arbitrary<number[]> {
  const entry = fc.oneof(
    fc.constant(0),
    fc.constantFrom(2 ** -1074, 2 ** -1060, 2 ** -1022),
    between(-320, 0).map((k) => 10 ** k),
    between(0.01, 1),
  );
  return fc.integer({ min: lo, max: hi }).chain((c) => fc.record({
    entries: fc.array(entry, { minLength: c, maxLength: c }),
    anchor: fc.nat(c - 1),
    anchorWeight: between(0.5, 1),
  }).map(({ entries, anchor, anchorWeight }) => {
    const w = entries.map((e, i) => (i === anchor ? anchorWeight : e));
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  }));
}

/** A one-hot target over C classes with its class index. */
export function oneHotWithClass(classes: number): fc.Arbitrary<{ p: number[]; c: number }> {
  return fc.nat(classes - 1).map((c) => ({ c, p: Array.from({ length: classes }, (_, i) => (i === c ? 1 : 0)) }));
}

/** A distribution over exactly C classes with exact zeros and near-underflow entries (see underflowDistribution). */
export function underflowDistributionOf(classes: number): fc.Arbitrary<number[]> {
  return underflowDistribution(classes, classes);
}

/** Mixed-scale logits (entries up to ±1e4) with a target distribution over the same C classes that has zeros and tiny entries. */
export function extremeClassificationCase(lo = 2, hi = 6): fc.Arbitrary<{ z: number[]; p: number[] }> {
  return fc.integer({ min: lo, max: hi }).chain((c) => fc.record({
    z: fc.array(extremeLogit(), { minLength: c, maxLength: c }),
    p: underflowDistributionOf(c),
  }));
}

/**
 * A probability near 0 or 1 that float32 can still hold: 10^k for k ∈ [−37, −1] (above float32's smallest
 * normal 1.2·10⁻³⁸) or 1 − 10^k for k ∈ [−7, −1] (1 − 10⁻⁸ would round to 1 in float32, ulp 2⁻²⁴ below 1).
 */
export function float32BoundaryProbability(): fc.Arbitrary<number> {
  return fc.oneof(between(-37, -1).map((k) => 10 ** k), between(-7, -1).map((k) => 1 - 10 ** k));
}
