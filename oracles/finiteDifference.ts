// Float64 finite-difference oracle, independent of impl/ and autodiff.
//  * centralGradient: (f(x + h e_i) − f(x − h e_i)) / 2h, h = u^{1/3}·max(1, |x_i|), which balances the
//    O(h²) truncation error against the O(u/h) rounding error.
//  * taylorRates: a gradient g (and optionally a Hessian-vector term) is consistent with f only if the
//    Taylor remainder r(h) = |f(x + h v) − f(x) − h gᵀv [− ½h² vᵀHv]| shrinks like h² [h³]. The observed
//    rate log2(r(h)/r(h/2)) over a ladder of step sizes decides, so no verdict hangs on one step size.
//    Two-sided (option): r(h) = max(|e(h)|, |e(−h)|) for the signed remainder e, which keeps terms of
//    adjacent orders from cancelling (see taylorRates).
import { OracleInputError, assertBatch, assertFunction, assertPositiveInteger } from './errors.ts';

const UNIT_ROUNDOFF_64 = 2 ** -53;

export function centralGradient(f: (x: number[]) => number, x: number[]): number[] {
  assertFunction('centralGradient', 'f', f);
  assertBatch('centralGradient', 'x', [x]);
  return x.map((xi, i) => {
    const h = Math.cbrt(UNIT_ROUNDOFF_64) * Math.max(1, Math.abs(xi));
    const plus = [...x]; plus[i] = xi + h;
    const minus = [...x]; minus[i] = xi - h;
    return (f(plus) - f(minus)) / (plus[i]! - minus[i]!);
  });
}

export interface TaylorRateResult {
  /** Step sizes h_k = h0 / 2^k. */
  steps: number[];
  residuals: number[];
  /** log2(r(h_k)/r(h_{k+1})) for consecutive steps whose residuals are above rounding level. */
  rates: number[];
  /** Median of the usable rates; NaN when no two consecutive residuals are above rounding level. */
  observedRate: number;
  /**
   * True when every residual below the largest step sits at rounding level: the model reproduces f to
   * rounding, so the slope is right to within the ladder's resolution 2·noise/h0 (a slope off by δ leaves
   * residuals ≈ |δ|h). Then no rate can be measured, and none is needed.
   */
  exact: boolean;
}

/**
 * Taylor remainder rates of the model f(x) + h gᵀv (+ ½h² vᵀHv when `curvature` is given) along v.
 * Expected rate: 2 for a correct gradient, 3 with a correct curvature term; a wrong gradient gives 1
 * (wrong curvature: 2).
 *
 * `twoSided`: the residual at h is max(|e(h)|, |e(−h)|) for the signed remainder e(h) = f(x + hv) − model(h),
 * which costs twice the evaluations and needs f on both sides of x. Why: the one-sided rate is the rate of
 * its leading term only once the next term is small against it; with e(h) = c₃h³ + c₄h⁴ + … it dips below 3
 * wherever c₃h³ and c₄h⁴ have opposite signs and similar sizes (a zero of e inside the ladder). That happens
 * at every sign change of c₃, e.g. at the inflection of the third derivative of softplus, σ''(0) = 0, which
 * the steps alone cannot avoid. With the odd and even parts o(h) = (e(h) − e(−h))/2 = c₃h³ + c₅h⁵ + … and
 * E(h) = (e(h) + e(−h))/2 = c₄h⁴ + c₆h⁶ + …, max(|e(h)|, |e(−h)|) = |o(h)| + |E(h)|: terms of adjacent orders
 * sit in different parts and add in absolute value, so while each part is led by its first term the ratio of
 * consecutive residuals is ≥ 2³ (rate ≥ 3). A dip now needs a cancellation within one part, between orders
 * two apart (c₃h³ against c₅h⁵), where |c₅|h² ≈ |c₃|. A wrong gradient (δh) or curvature (½εh²) still leads
 * its part as h → 0: rates 1 and 2, as one-sided. Each of e(±h) carries the same rounding as the one-sided
 * residual, so the noise floor is the same.
 */
export function taylorRates(
  f: (x: number[]) => number, x: number[], v: number[], directional: number, curvature?: number,
  options: { h0?: number; levels?: number; twoSided?: boolean } = {},
): TaylorRateResult {
  assertFunction('taylorRates', 'f', f);
  assertBatch('taylorRates', 'x', [x]);
  assertBatch('taylorRates', 'v', [v], x.length);
  if (v.every((vi) => vi === 0)) throw new OracleInputError('taylorRates', 'v', 'must be a nonzero direction');
  if (options.h0 !== undefined && !(options.h0 > 0 && Number.isFinite(options.h0))) throw new OracleInputError('taylorRates', 'options.h0', `must be finite and > 0, got ${options.h0}`);
  if (options.levels !== undefined) assertPositiveInteger('taylorRates', 'options.levels', options.levels, 2);
  if (options.twoSided !== undefined && typeof options.twoSided !== 'boolean') throw new OracleInputError('taylorRates', 'options.twoSided', `must be a boolean, got ${typeof options.twoSided}`);
  if (!Number.isFinite(directional)) throw new OracleInputError('taylorRates', 'directional', 'must be finite');
  if (curvature !== undefined && !Number.isFinite(curvature)) throw new OracleInputError('taylorRates', 'curvature', 'must be finite');
  const levels = options.levels ?? 8;
  const vNorm = Math.hypot(...v);
  const h0 = options.h0 ?? 0.5 / Math.max(vNorm, Number.MIN_VALUE);
  const f0 = f(x);
  const steps: number[] = [], residuals: number[] = [];
  const remainder = (h: number) =>
    Math.abs(f(x.map((xi, i) => xi + h * v[i]!)) - (f0 + h * directional + (curvature === undefined ? 0 : 0.5 * h * h * curvature)));
  for (let k = 0; k < levels; k++) {
    const h = h0 / 2 ** k;
    steps.push(h);
    residuals.push(options.twoSided ? Math.max(remainder(h), remainder(-h)) : remainder(h));
  }
  // A residual is informative only above the rounding noise of evaluating f (a few ulps of |f|).
  const noise = 64 * UNIT_ROUNDOFF_64 * Math.max(Math.abs(f0), 1);
  const rates: number[] = [];
  for (let k = 0; k + 1 < levels; k++) {
    if (residuals[k + 1]! > noise) rates.push(Math.log2(residuals[k]! / residuals[k + 1]!));
  }
  const sorted = [...rates].sort((a, b) => a - b);
  // The largest step may carry an above-noise higher-order remainder that falls under the noise floor
  // at the next step (seen where f barely varies along v: a softmax shift direction, nearly equal logits).
  const exact = residuals.slice(1).every((r) => r <= noise);
  return { steps, residuals, rates, observedRate: sorted.length ? sorted[Math.floor(sorted.length / 2)]! : NaN, exact };
}
