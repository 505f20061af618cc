// The numbers the §4.3.3 two-class items and their erratum write in words, computed (float64, impl) from
// the two-class example p = (1, 0), prediction (p̂, 1 − p̂): L_MSE = ‖p − p̂‖² (4.3.18), its square root the
// Euclidean distance, and L_CE = −log p̂ (4.3.19 with a one-hot p).
import { crossEntropy, squaredDistance } from '../../impl/index.ts';

const TRUE = [1, 0];
export const twoClassMse = (q: number) => squaredDistance(TRUE, [q, 1 - q]);
export const twoClassDistance = (q: number) => Math.sqrt(twoClassMse(q));
export const twoClassCe = (q: number) => crossEntropy(TRUE, [q, 1 - q]);

/** The values at the text's points p̂ = 1, 0.5, 0 (changes) and p̂ = 0.1, 0.9 (ratios). */
export const TWO_CLASS = {
  mseChangeFirst: twoClassMse(0.5) - twoClassMse(1),
  mseChangeSecond: twoClassMse(0) - twoClassMse(0.5),
  distanceChangeFirst: twoClassDistance(0.5) - twoClassDistance(1),
  distanceChangeSecond: twoClassDistance(0) - twoClassDistance(0.5),
  mseAt01: twoClassMse(0.1), mseAt09: twoClassMse(0.9),
  ceAt01: twoClassCe(0.1), ceAt09: twoClassCe(0.9),
  distanceAt01: twoClassDistance(0.1), distanceAt09: twoClassDistance(0.9),
  mseMax: twoClassMse(0),
} as const;
export const RATIOS = {
  mse: TWO_CLASS.mseAt01 / TWO_CLASS.mseAt09,
  ce: TWO_CLASS.ceAt01 / TWO_CLASS.ceAt09,
  distance: TWO_CLASS.distanceAt01 / TWO_CLASS.distanceAt09,
} as const;
