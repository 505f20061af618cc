// The two-class example of §4.3.3: true distribution p = (1, 0), prediction (p̂, 1 − p̂). Values and
// derivatives d/dp̂ of both losses from tfjs, all points of a check in one call:
//   MSE (4.3.18) at θ = (p̂, 1 − p̂): d/dp̂ is the derivative along (1, −1), i.e. g₁ − g₂;
//   CE  −log p̂ at θ = p̂ (the printed right-hand side; the 0·log(1 − p̂) term is 0 and would be 0·(−∞) = NaN at p̂ = 1).
import type { RunContext } from '../engine/item.ts';
import { UNIT_ROUNDOFF, elementary, tolerance, type Dtype } from '../engine/tolerance.ts';
import { squaredDistanceOfProbabilities } from '../../oracles/tfjs/information.ts';
import { negativeLogOfParameter } from '../../oracles/tfjs/sigmoidUnit.ts';

export const TRUE_DISTRIBUTION = [1, 0];

export function tfjsTwoClass(ctx: RunContext, pHats: number[], loss: 'mse' | 'ce'): { values: number[]; slopes: number[] } {
  if (loss === 'mse') {
    const out = ctx.tfjs.derivatives(pHats.map((q) => [q, 1 - q]), squaredDistanceOfProbabilities(pHats.map(() => TRUE_DISTRIBUTION)));
    return { values: out.values, slopes: out.gradients.map(([a, b]) => a! - b!) };
  }
  const out = ctx.tfjs.derivatives(pHats.map((q) => [q]), negativeLogOfParameter());
  return { values: out.values, slopes: out.gradients.map(([g]) => g!) };
}

/** The pair compared: tfjs (float32) against float64 unless a check's ctx.dtypes says otherwise. */
const TFJS_VS_FLOAT64 = ['float32', 'float64'] as const;

/**
 * float32 vs float64 for L_MSE = 2(1 − p̂)² (r = |1 − p̂|): six roundings on terms of size 2r²; and float32
 * rounding of p̂ (absolute ≤ u·p̂) moves 2r² by ≤ 4r·u·p̂ + 2u² (this term dominates near p̂ = 1).
 */
export function twoClassMseTolerance(pHat: number, dtypes: readonly [Dtype, Dtype] = TFJS_VS_FLOAT64): number {
  const r = Math.abs(1 - pHat), u = Math.max(UNIT_ROUNDOFF[dtypes[0]], UNIT_ROUNDOFF[dtypes[1]]);
  return tolerance({ dtypes, operations: 6, scale: 2 * r * r })
    + tolerance({ dtypes, operations: 0, scale: 4 * r * Math.max(pHat, 1) + 2 * u });
}

/** Same for the slope −4(1 − p̂): terms of size 4r, and the input rounding moves it by 4u·p̂. */
export function twoClassMseSlopeTolerance(pHat: number, dtypes: readonly [Dtype, Dtype] = TFJS_VS_FLOAT64): number {
  return tolerance({ dtypes, operations: 6, scale: 4 * Math.abs(1 - pHat) })
    + tolerance({ dtypes, operations: 0, scale: 4 * Math.max(pHat, 1) });
}

/** float32 vs float64 for −log p̂: float32 rounding of p̂ is relative u, an absolute u in the log; one log rounds relative to |log p̂|. */
export const twoClassCeTolerance = (pHat: number, dtypes: readonly [Dtype, Dtype] = TFJS_VS_FLOAT64) =>
  tolerance({ dtypes, operations: elementary(1) + 1, scale: 1 + Math.abs(Math.log(pHat)) });
