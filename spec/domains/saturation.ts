// Generators for the saturation and boundary claims of a sigmoid/softmax output: probabilities pushed
// toward 0 or 1 on a log scale (uniform reals almost never come near the ends), logits of either sign,
// and binary labels.
import fc from 'fast-check';
import { between, real } from './index.ts';

/** A binary label y ∈ {0, 1}. */
export const binaryLabel = (): fc.Arbitrary<0 | 1> => fc.constantFrom(0 as const, 1 as const);

export interface SaturatedProbability {
  /** The probability ŷ = 10^{−k} (end 0) or 1 − 10^{−k} (end 1). */
  yHat: number;
  /** Its distance 10^{−k} to the end it approaches, exact as generated (1 − ŷ is rounded for end 1). */
  distance: number;
  end: 0 | 1;
}

/**
 * The largest whole k for which 1 − 10^{−k} stays below 1 in float64: the largest double below 1 is 1 − 2⁻⁵³,
 * so 1 − 10^{−k} rounds to 1 once 10^{−k} < 2⁻⁵⁴ (half that gap), i.e. k > 16.26.
 */
export const MAX_SATURATION_DECADES = 16;

/**
 * ŷ within 10^{−k} of 0 or of 1, k ∈ [kMin, kMax] uniform, so every decade is reached; ŷ ∈ (0, 1) always
 * (kMax > MAX_SATURATION_DECADES would round ŷ to exactly 1 at that end, and is refused).
 */
export function saturatedProbability(kMin: number, kMax: number): fc.Arbitrary<SaturatedProbability> {
  if (!(kMin >= 0 && kMin <= kMax && kMax <= MAX_SATURATION_DECADES)) {
    throw new RangeError(`saturatedProbability: need 0 ≤ kMin ≤ kMax ≤ ${MAX_SATURATION_DECADES} (1 − 10^−k rounds to 1 beyond), got kMin = ${kMin}, kMax = ${kMax}`);
  }
  return fc.record({ k: between(kMin, kMax), end: binaryLabel() }).map(({ k, end }) => {
    const distance = 10 ** -k;
    return { yHat: end === 0 ? distance : 1 - distance, distance, end };
  });
}

/** A probability ŷ = σ(z) with its logit z ∈ [−range, range]. */
export function sigmoidOutput(range: number): fc.Arbitrary<{ z: number }> {
  return fc.record({ z: real(range) });
}

/** A logit whose sigmoid is saturated: |z| ∈ [lo, hi], either sign. */
export function saturatedLogit(lo: number, hi: number): fc.Arbitrary<number> {
  return fc.record({ m: between(lo, hi), sign: fc.constantFrom(-1, 1) }).map(({ m, sign }) => sign * m);
}

export interface SigmoidUnitSample { d: number; x: number[]; w: number[]; y: 0 | 1 }

/** One sample of a sigmoid unit ŷ = σ(wᵀx): x ∈ [−2, 2]^d, w ∈ [−wRange, wRange]^d, d ∈ [1, 5], y ∈ {0, 1}. */
export function sigmoidUnitSample(wRange = 3): fc.Arbitrary<SigmoidUnitSample> {
  return fc.integer({ min: 1, max: 5 }).chain((d) => fc.record({
    x: fc.array(real(2), { minLength: d, maxLength: d }),
    w: fc.array(real(wRange), { minLength: d, maxLength: d }),
    y: binaryLabel(),
  }).map((r) => ({ d, ...r })));
}
