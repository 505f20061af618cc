// The Monte Carlo oracle as the items use it: qualified once on known expectations, and its
// estimates held to z standard errors (z from the tolerance model's false-alarm rule) plus the
// float64 rounding of the sums behind them.
import { MONTE_CARLO_Z, tolerance } from '../engine/tolerance.ts';
import { qualifyMonteCarlo, type Estimate, type MonteCarloQualification } from '../../oracles/monteCarlo.ts';
import { OracleNotQualifiedError } from '../../oracles/errors.ts';
import { useReference } from '../engine/references.ts';

export { MONTE_CARLO_COMPARISONS, MONTE_CARLO_FALSE_ALARM_RATE, MONTE_CARLO_Z } from '../engine/tolerance.ts';

/** Draws per estimate: SE = σ/√20000 ≈ 0.007σ, so z·SE ≈ 0.046σ. */
export const MONTE_CARLO_SAMPLES = 20_000;
/** Draws per qualification estimate. */
const QUALIFICATION_SAMPLES = 100_000;
const QUALIFICATION_SEED = 4_243_001;

export const MONTE_CARLO_LABEL = `Monte Carlo (mulberry32, seeded; |Δ| ≤ z·SE, z = ${MONTE_CARLO_Z.toFixed(2)})`;

/** Tolerance for an estimate vs an exact value: z standard errors plus the float64 rounding of its n-term sum of terms of size `scale`. */
export function monteCarloTolerance(e: Estimate, scale: number): number {
  return MONTE_CARLO_Z * e.standardError + tolerance({ dtypes: ['float64', 'float64'], operations: e.samples, scale });
}

let qualification: { measurements: MonteCarloQualification[]; qualified: boolean } | undefined;

/**
 * Before any Monte Carlo estimate: a check that names its references must have named 'monte-carlo' (the
 * engine qualified it); otherwise the measurements run here once per worker. Throws
 * OracleNotQualifiedError if any known expectation is missed.
 */
export function qualifiedMonteCarlo(): void {
  useReference('monte-carlo', legacyQualification);
}

function legacyQualification(): void {
  if (!qualification) {
    const measurements = qualifyMonteCarlo(QUALIFICATION_SAMPLES, QUALIFICATION_SEED);
    qualification = { measurements, qualified: measurements.every((m) => m.zScore <= MONTE_CARLO_Z) };
  }
  if (!qualification.qualified) {
    const failed = qualification.measurements.filter((m) => !(m.zScore <= MONTE_CARLO_Z)).map((m) => `${m.case}: z = ${m.zScore.toFixed(2)}`);
    throw new OracleNotQualifiedError('Monte Carlo', failed.join('; '));
  }
}

/** A per-case seed: cases carry an integer seed drawn by fast-check, so a shrunk case replays its draws. */
export const caseSeed = (seed: number, stream = 0) => (seed * 1_000_003 + stream * 7_919) % 2_147_483_647;
