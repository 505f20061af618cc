// Shared pieces of the Bayes-decision items: the oracle distribution of a generated noise model, and
// Monte Carlo outcomes for "the expected loss is minimised at c*".
import type { Outcome } from '../engine/item.ts';
import type { NoiseSpec } from '../domains/index.ts';
import { gaussian, laplace, meanOf, shiftedExponential, type Distribution, type Estimate } from '../../oracles/monteCarlo.ts';
import { mapSample, monteCarloTolerance } from './monteCarlo.ts';

/** The noise distribution with the spec's mean and standard deviation (Laplace b = sd/√2; exponential rate 1/sd). */
export function noiseDistribution(s: NoiseSpec): Distribution {
  if (s.kind === 'gaussian') return gaussian(s.mean, s.sd);
  if (s.kind === 'laplace') return laplace(s.mean, s.sd / Math.SQRT2);
  return shiftedExponential(s.mean - s.sd, 1 / s.sd);
}

/** Paired estimate of E[f(Y) − g(Y)] from one sample (common draws cancel most of the sampling noise). */
export function pairedDifference(sample: Float64Array, f: (y: number) => number, g: (y: number) => number): Estimate {
  return meanOf(mapSample(sample, (y) => f(y) - g(y)));
}

/**
 * A loss of one draw y at a point c. A loss whose terms in c cost more than one multiplication (a power
 * beyond the square) can carry `at(c)`, the same loss with its terms in c computed once, for the 20 000
 * draws each probe sums: it must return the same number for every y, operation for operation.
 */
export type PointLoss = ((y: number, c: number) => number) & { at?: (c: number) => (y: number) => number };

const lossAt = (loss: PointLoss, c: number): ((y: number) => number) => loss.at?.(c) ?? ((y) => loss(y, c));

/** Offsets, in units of the noise sd, at which the risk is probed around the claimed minimiser. */
export const PROBE_OFFSETS = [-1, -0.25, 0.25, 1] as const;

/**
 * The worst of the probes c = center + δ·sd for "E[loss(Y, c)] − E[loss(Y, center)] = excess(c)":
 * each paired estimate is held to z·SE; the probe with the largest |Δ|/tol decides the case.
 */
export function riskExcessOutcome(
  sample: Float64Array, loss: PointLoss, center: number, sd: number, excess: (c: number) => number,
  /** The size of the loss differences summed (default: a squared loss's, (|center| + 10·sd)²). */
  termScale = (Math.abs(center) + 10 * sd) ** 2,
): Outcome {
  let worst: Outcome | undefined;
  for (const delta of PROBE_OFFSETS) {
    const c = center + delta * sd;
    const e = pairedDifference(sample, lossAt(loss, c), lossAt(loss, center));
    // Terms are differences of losses at two points at most |δ|·sd apart, over samples of size ~ |y − center|.
    const o = { value: Math.abs(e.estimate - excess(c)), bound: monteCarloTolerance(e, termScale),
      note: `c = center ${delta >= 0 ? '+' : '−'} ${Math.abs(delta)}·sd: estimated excess ${e.estimate.toPrecision(4)} ± ${e.standardError.toPrecision(2)}, expected ${excess(c).toPrecision(4)}` };
    if (!worst || o.value / o.bound > worst.value / worst.bound) worst = o;
  }
  return worst!;
}

/**
 * As riskExcessOutcome, for "center minimises the expected loss" when the excess has no closed form:
 * the measured value is the shortfall max(0, −(E[loss(c)] − E[loss(center)])) of the worst probe,
 * held to z·SE; a wrong minimiser shows a shortfall of many standard errors.
 */
export function minimiserOutcome(sample: Float64Array, loss: PointLoss, center: number, sd: number): Outcome {
  let worst: { outcome: Outcome; standardised: number } | undefined;
  for (const delta of PROBE_OFFSETS) {
    const c = center + delta * sd;
    const e = pairedDifference(sample, lossAt(loss, c), lossAt(loss, center));
    const outcome = { value: Math.max(0, -e.estimate), bound: monteCarloTolerance(e, Math.abs(center) + 10 * sd),
      note: `c = center ${delta >= 0 ? '+' : '−'} ${Math.abs(delta)}·sd: E[loss(c)] − E[loss(center)] ≈ ${e.estimate.toPrecision(4)} ± ${e.standardError.toPrecision(2)}` };
    // The probe closest to undercutting center decides, also when none does (its note shows by how much).
    const standardised = -e.estimate / outcome.bound;
    if (!worst || standardised > worst.standardised) worst = { outcome, standardised };
  }
  return worst!.outcome;
}
