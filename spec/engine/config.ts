// Run configuration. Defaults are deterministic; LOSSCHECK_SEED, LOSSCHECK_RUNS and
// LOSSCHECK_HESSIAN_RUNS vary them (the CLI sets the same variables).

export interface RunConfig {
  seed: number;
  /** Cases per property. */
  runs: number;
  /** Cases per full-Hessian property (each case costs n² entries and n nested autodiff passes). */
  hessianRuns: number;
}

export const DEFAULT_CONFIG: RunConfig = { seed: 20261129, runs: 1000, hessianRuns: 200 };

export class ConfigError extends Error {
  constructor(message: string) { super(message); this.name = 'ConfigError'; }
}

function positiveInteger(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!Number.isSafeInteger(v) || v < 1) throw new ConfigError(`${name} must be a positive integer, got '${raw}'`);
  return v;
}

export function configFromEnv(env: Record<string, string | undefined> = process.env): RunConfig {
  const seed = env.LOSSCHECK_SEED;
  const seedValue = seed === undefined || seed === '' ? DEFAULT_CONFIG.seed : Number(seed);
  if (!Number.isSafeInteger(seedValue)) throw new ConfigError(`LOSSCHECK_SEED must be an integer, got '${seed}'`);
  const runs = positiveInteger('LOSSCHECK_RUNS', env.LOSSCHECK_RUNS, DEFAULT_CONFIG.runs);
  // Hessian properties keep the default ratio (1/5) to the general case count unless set explicitly.
  const hessianRuns = positiveInteger('LOSSCHECK_HESSIAN_RUNS', env.LOSSCHECK_HESSIAN_RUNS,
    Math.max(1, Math.round((runs * DEFAULT_CONFIG.hessianRuns) / DEFAULT_CONFIG.runs)));
  return { seed: seedValue, runs, hessianRuns };
}
