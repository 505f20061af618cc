// THE tolerance model. Every numeric comparison in losscheck takes its tolerance from here.
//
// Two computations a and b of the same quantity, in dtypes da and db, each differ from the exact value
// by at most (Higham, Accuracy and Stability of Numerical Algorithms, §3.1):
//     err_d ≤ (γ_n(u_d) + κ·u_d) · S,     γ_n(u) = n·u / (1 − n·u)
// where u_d is the unit roundoff (2⁻⁵³ for float64, 2⁻²⁴ for tfjs float32), n the number of roundings
// on the longest path to one output (the problem size: terms of a sum or dot product, plus elementary
// functions), S the magnitude of the terms that are combined (e.g. Σ|terms|, not |result|, so
// cancellation is covered), and κ the relative condition number of the quantity with respect to its
// inputs: a float32 oracle first rounds every input to float32, a perturbation of u_d relative.
// The tolerance for |a − b| is err_da + err_db. It is a worst-case bound: typical errors are far
// smaller, so a `holds` shows a margin tol/maxError ≫ 1 and a real error shows maxError/tol ≫ 1.

export const UNIT_ROUNDOFF = { float64: 2 ** -53, float32: 2 ** -24 } as const;
export type Dtype = keyof typeof UNIT_ROUNDOFF;

/**
 * Roundings charged for one elementary function (exp, log, log1p, sigmoid, softplus, tanh): these are
 * accurate to about 1 ulp in float64 (V8/fdlibm) and in float32 (tfjs cpu/wasm use the float32 libm);
 * one rounding of the argument reduction plus one of the result.
 */
export const ROUNDINGS_PER_ELEMENTARY_FUNCTION = 2;

/**
 * A refutation stands only when the failing measurement exceeds its tolerance by this factor: one
 * order of magnitude, so no refutation rests on how the tolerance was rounded.
 */
export const REFUTATION_MARGIN = 10;

/**
 * Taylor-remainder rates are integers in exact arithmetic (2 for a right gradient, 1 for a wrong one;
 * 3 and 2 with a curvature term). An observed rate is accepted within half the gap between them.
 */
export const TAYLOR_RATE_TOLERANCE = 0.5;

export function gamma(n: number, dtype: Dtype): number {
  const nu = n * UNIT_ROUNDOFF[dtype];
  if (!(n >= 0) || nu >= 1) throw new RangeError(`gamma: n·u must be in [0, 1), got n = ${n} for ${dtype}`);
  return nu / (1 - nu);
}

export interface ToleranceInputs {
  /** The dtypes of the two computations being compared. */
  dtypes: readonly [Dtype, Dtype];
  /** Roundings on the longest path to one output (use elementary(k) for k elementary functions). */
  operations: number;
  /** Magnitude S of the terms combined into the output. */
  scale: number;
  /** Relative condition number κ of the output w.r.t. the inputs (default 1). */
  condition?: number;
}

export function tolerance({ dtypes, operations, scale, condition = 1 }: ToleranceInputs): number {
  if (!(scale >= 0) || !Number.isFinite(scale)) throw new RangeError(`tolerance: scale must be finite and ≥ 0, got ${scale}`);
  if (!(condition >= 0) || !Number.isFinite(condition)) throw new RangeError(`tolerance: condition must be finite and ≥ 0, got ${condition}`);
  const side = (d: Dtype) => gamma(operations, d) + condition * UNIT_ROUNDOFF[d];
  return (side(dtypes[0]) + side(dtypes[1])) * scale;
}

/** Roundings charged for k elementary-function evaluations. */
export function elementary(k: number): number {
  return k * ROUNDINGS_PER_ELEMENTARY_FUNCTION;
}

/**
 * Tolerance for a stated approximate value ("≈ 0.01", "about 100 times"): the source gives it to some
 * number of significant digits, so it claims the true value rounds to it: |true − stated| ≤ half a unit
 * in the last stated digit.
 */
export function statedPrecision(stated: number, significantDigits: number): number {
  if (stated === 0) throw new RangeError('statedPrecision: a stated value of 0 has no significant digits');
  const exponent = Math.floor(Math.log10(Math.abs(stated)));
  return 0.5 * 10 ** (exponent - significantDigits + 1);
}

/** The constants of the model, for the report. */
export const TOLERANCE_MODEL = {
  formula: 'tol = Σ_{d ∈ {a,b}} (γ_n(u_d) + κ·u_d)·S, γ_n(u) = n·u/(1 − n·u)',
  unitRoundoff: UNIT_ROUNDOFF,
  roundingsPerElementaryFunction: ROUNDINGS_PER_ELEMENTARY_FUNCTION,
  refutationMargin: REFUTATION_MARGIN,
  taylorRateTolerance: TAYLOR_RATE_TOLERANCE,
} as const;

/**
 * How many standard errors a Monte Carlo estimate may miss its exact value by. Each comparison is
 * treated as a Gaussian test (CLT); with at most `comparisons` of them in a run, Bonferroni plus the
 * tail bound P(|Z| > z) ≤ 2·e^{−z²/2} keeps the chance of any false alarm ≤ `falseAlarmRate` for
 * z = √(2·ln(2·comparisons/falseAlarmRate)). (The bound is loose by design: it needs no inverse erf,
 * and the CLT is itself only approximate that far into the tail.)
 */
export function monteCarloZ(comparisons: number, falseAlarmRate: number): number {
  if (!(comparisons >= 1) || !(falseAlarmRate > 0 && falseAlarmRate < 1)) {
    throw new RangeError(`monteCarloZ: need comparisons ≥ 1 and 0 < falseAlarmRate < 1, got ${comparisons}, ${falseAlarmRate}`);
  }
  return Math.sqrt(2 * Math.log((2 * comparisons) / falseAlarmRate));
}

/**
 * An upper bound on the Monte Carlo comparisons in one full run: about 15 checks × ≤ 1000 cases ×
 * ≤ 64 comparisons per case. Raising LOSSCHECK_RUNS past 1000 loosens the family-wise guarantee
 * only logarithmically.
 */
export const MONTE_CARLO_COMPARISONS = 1e6;
/** The accepted chance that any Monte Carlo comparison of a run fails by sampling error alone. */
export const MONTE_CARLO_FALSE_ALARM_RATE = 1e-3;
/** z ≈ 6.54: how many standard errors a Monte Carlo estimate may miss its exact value by. */
export const MONTE_CARLO_Z = monteCarloZ(MONTE_CARLO_COMPARISONS, MONTE_CARLO_FALSE_ALARM_RATE);
