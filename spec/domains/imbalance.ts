// Generators for the class-imbalance items: imbalanced joint distributions P(x, y) over a few inputs,
// class weights, and predicted probabilities of easy and hard examples for the focal loss.
import fc from 'fast-check';
import { between } from './index.ts';

/**
 * A joint distribution P(x, y) over M ∈ [2, 5] inputs and C ∈ [2, 4] classes, joint[x][y]: entries u(x, y)·ρ_y
 * normalised, u ∈ {1..100}, class factors ρ_y = 10^{−2t_y}, t_y ∈ [0, 1] — class priors as unequal as 1 : 100 —
 * so exhaustive search over the C^M classifiers stays below 1024.
 */
export function imbalancedPopulation(): fc.Arbitrary<{ joint: number[][] }> {
  return fc.record({ M: fc.integer({ min: 2, max: 5 }), C: fc.integer({ min: 2, max: 4 }) }).chain(({ M, C }) => fc.record({
    u: fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: C, maxLength: C }), { minLength: M, maxLength: M }),
    t: fc.array(between(0, 1), { minLength: C, maxLength: C }),
  }).map(({ u, t }) => {
    const raw = u.map((row) => row.map((v, c) => v * 10 ** (-2 * t[c]!)));
    const total = raw.flat().reduce((s, v) => s + v, 0);
    return { joint: raw.map((row) => row.map((v) => v / total)) };
  }));
}

/** Positive class weights w_c ∈ [0.1, 10]. */
export const classWeights = (classes: number) => fc.array(between(0.1, 10), { minLength: classes, maxLength: classes });

/** A focusing parameter γ ∈ [0.5, 5] (Lin et al. use γ = 2). */
export const focusingParameter = () => between(0.5, 5);

/** Predicted probability of the true class of a hard (misclassified, q < ½) and of an easy (q ≥ ½) example. */
export function hardAndEasy(): fc.Arbitrary<{ gamma: number; hard: number; easy: number }> {
  return fc.record({ gamma: focusingParameter(), hard: between(1e-4, 0.4999), easy: between(0.5, 0.9999) });
}

/** An imbalanced binary population: many easy examples of the majority class, a few hard ones of the minority. */
export function easyMajority(): fc.Arbitrary<{ gamma: number; easy: number[]; hard: number[] }> {
  return fc.record({
    gamma: focusingParameter(),
    easy: fc.array(between(0.5, 0.9999), { minLength: 10, maxLength: 200 }),
    hard: fc.array(between(1e-4, 0.4999), { minLength: 1, maxLength: 10 }),
  });
}
