// The Monte Carlo oracle as the items use it: qualified by the engine on known expectations (reference
// 'monte-carlo'), and its estimates held to z standard errors (z from the tolerance model's false-alarm
// rule) plus the float64 rounding of the sums behind them.
import { MONTE_CARLO_Z, tolerance } from '../engine/tolerance.ts';
import type { Estimate } from '../../oracles/monteCarlo.ts';
import { useReference } from '../engine/references.ts';

export { MONTE_CARLO_COMPARISONS, MONTE_CARLO_FALSE_ALARM_RATE, MONTE_CARLO_Z } from '../engine/tolerance.ts';

/** Draws per estimate: SE = σ/√20000 ≈ 0.007σ, so z·SE ≈ 0.046σ. */
export const MONTE_CARLO_SAMPLES = 20_000;

export { MONTE_CARLO_LABEL } from '../engine/references.ts';

/** Tolerance for an estimate vs an exact value: z standard errors plus the float64 rounding of its n-term sum of terms of size `scale`. */
export function monteCarloTolerance(e: Estimate, scale: number): number {
  return MONTE_CARLO_Z * e.standardError + tolerance({ dtypes: ['float64', 'float64'], operations: e.samples, scale });
}

/**
 * Before any Monte Carlo estimate: the running check must have declared 'monte-carlo', so the engine has
 * qualified the oracle on known expectations (spec/engine/references.ts).
 */
export function qualifiedMonteCarlo(): void {
  useReference('monte-carlo');
}

/** A per-case seed: cases carry an integer seed drawn by fast-check, so a shrunk case replays its draws. */
export const caseSeed = (seed: number, stream = 0) => (seed * 1_000_003 + stream * 7_919) % 2_147_483_647;

/** f of every draw, into a new Float64Array (a plain loop: a typed array's own map is several times slower). */
export function mapSample(sample: Float64Array, f: (y: number) => number): Float64Array {
  const out = new Float64Array(sample.length);
  for (let i = 0; i < sample.length; i++) out[i] = f(sample[i]!);
  return out;
}
