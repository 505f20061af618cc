// Monte Carlo oracle: seeded estimates of expectations, each with its standard error, so a check can
// hold an estimate to a multiple of its own sampling error (the multiple comes from the caller's
// tolerance model). Independent of impl/: it has its own PRNG (mulberry32), samplers (Box–Muller for
// the Gaussian, inverse CDF for the Laplace and the exponential, table lookup for categoricals) and
// closed-form moments/densities of the distributions it draws from, which qualifyMonteCarlo() uses
// to measure the oracle on known expectations before any check relies on it.
import { OracleInputError, assertFunction } from './errors.ts';
import { mulberry32 } from './random.ts';

/** A uniform generator on the open interval (0, 1): mulberry32 (32-bit state), offset by half a step so 0 never occurs. */
export interface Rng { uniform(): number; gaussian(): number; laplace(): number }

export function rng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new OracleInputError('rng', 'seed', `must be an integer, got ${seed}`);
  const next = mulberry32(seed);
  // Half a step up, so 0 never occurs (exact: k/2³² + 2⁻³³ has at most 33 significant bits).
  const uniform = () => next() + 2 ** -33;
  // Box–Muller yields two independent N(0, 1) draws per pair of uniforms; the second is kept for the next call.
  let spare: number | undefined;
  const gaussian = () => {
    if (spare !== undefined) { const g = spare; spare = undefined; return g; }
    const r = Math.sqrt(-2 * Math.log(uniform())), theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  // Inverse CDF of the standard Laplace (b = 1): u − ½ = v, x = −sign(v) log(1 − 2|v|).
  const laplace = () => {
    const v = uniform() - 0.5;
    return -Math.sign(v) * Math.log(1 - 2 * Math.abs(v));
  };
  return { uniform, gaussian, laplace };
}

/** A real-valued distribution with the closed forms the oracle is qualified against. */
export interface Distribution {
  name: string;
  sample(r: Rng): number;
  mean: number;
  variance: number;
  median: number;
  logDensity(x: number): number;
}

function positive(fn: string, name: string, x: number): void {
  if (!(x > 0) || !Number.isFinite(x)) throw new OracleInputError(fn, name, `must be finite and > 0, got ${x}`);
}
function finite(fn: string, name: string, x: number): void {
  if (!Number.isFinite(x)) throw new OracleInputError(fn, name, `must be finite, got ${x}`);
}

/** N(μ, σ²). */
export function gaussian(mu: number, sigma: number): Distribution {
  finite('gaussian', 'mu', mu); positive('gaussian', 'sigma', sigma);
  return {
    name: `N(${mu}, ${sigma}²)`, sample: (r) => mu + sigma * r.gaussian(), mean: mu, variance: sigma * sigma, median: mu,
    logDensity: (x) => -0.5 * ((x - mu) / sigma) ** 2 - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI),
  };
}

/** Laplace(μ, b): density e^{−|x−μ|/b}/(2b), variance 2b². */
export function laplace(mu: number, b: number): Distribution {
  finite('laplace', 'mu', mu); positive('laplace', 'b', b);
  return {
    name: `Laplace(${mu}, ${b})`, sample: (r) => mu + b * r.laplace(), mean: mu, variance: 2 * b * b, median: mu,
    logDensity: (x) => -Math.abs(x - mu) / b - Math.log(2 * b),
  };
}

/** shift + Exp(rate): a skewed distribution (mean shift + 1/rate ≠ median shift + ln2/rate). */
export function shiftedExponential(shift: number, rate: number): Distribution {
  finite('shiftedExponential', 'shift', shift); positive('shiftedExponential', 'rate', rate);
  return {
    name: `${shift} + Exp(${rate})`, sample: (r) => shift - Math.log(r.uniform()) / rate,
    mean: shift + 1 / rate, variance: 1 / (rate * rate), median: shift + Math.LN2 / rate,
    logDensity: (x) => (x < shift ? -Infinity : Math.log(rate) - rate * (x - shift)),
  };
}

/** Draws a category index from probabilities p (inverse CDF over the cumulative table). */
export function categorical(p: readonly number[]): (r: Rng) => number {
  if (p.length === 0 || p.some((x) => !(x >= 0) || !Number.isFinite(x))) {
    throw new OracleInputError('categorical', 'p', 'must be a non-empty array of finite non-negative numbers');
  }
  const total = p.reduce((a, b) => a + b, 0);
  if (!(total > 0)) throw new OracleInputError('categorical', 'p', 'must have positive total mass');
  const cumulative: number[] = [];
  let acc = 0;
  for (const x of p) { acc += x / total; cumulative.push(acc); }
  return (r) => {
    const u = r.uniform();
    for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return i;
    // u above the last cumulative value (rounding left it just under 1): the last category with mass.
    for (let i = p.length - 1; i >= 0; i--) if (p[i]! > 0) return i;
    return p.length - 1;
  };
}

/** An estimate with its standard error and the number of samples behind it. */
export interface Estimate { estimate: number; standardError: number; samples: number; }

/** At least `min` finite samples. */
function assertSamples(fn: string, values: ArrayLike<number>, min: number): void {
  const n = (values as { length?: unknown } | null)?.length;
  if (typeof n !== 'number') throw new OracleInputError(fn, 'values', 'must be an array of samples');
  if (n < min) throw new OracleInputError(fn, 'values', `needs at least ${min} samples, got ${n}`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i]!)) throw new OracleInputError(fn, 'values', `holds ${values[i]} at index ${i}`);
}

/** n draws of `draw` from a fresh generator seeded with `seed`; each must be a finite number. */
function draws(fn: string, draw: (r: Rng) => number, samples: number, seed: number): Float64Array {
  assertFunction(fn, 'draw', draw);
  if (!Number.isSafeInteger(samples) || samples < 2) throw new OracleInputError(fn, 'samples', `must be an integer ≥ 2, got ${samples}`);
  if (!Number.isSafeInteger(seed)) throw new OracleInputError(fn, 'seed', `must be an integer, got ${seed}`);
  const r = rng(seed);
  const values = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    const x = draw(r);
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new OracleInputError(fn, 'draw', `returned ${String(x)} at sample ${i}`);
    values[i] = x;
  }
  return values;
}

/** Sample mean and its standard error s/√n (s: sample standard deviation, n − 1 denominator). */
export function meanOf(values: ArrayLike<number>): Estimate {
  assertSamples('meanOf', values, 2);
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { estimate: mean, standardError: Math.sqrt(ss / (n - 1) / n), samples: n };
}

/** E[f(X)] over n draws, X from `draw`, with a fresh generator from `seed`. */
export function expectation(draw: (r: Rng) => number, samples: number, seed: number): Estimate {
  return meanOf(draws('expectation', draw, samples, seed));
}

/** Draws n values of X (for estimates that need the sample itself, e.g. paired differences of several functions). */
export function drawSample(draw: (r: Rng) => number, samples: number, seed: number): Float64Array {
  return draws('drawSample', draw, samples, seed);
}

/** Variance of a sample (n − 1 denominator) with the standard error of that estimate: sd of (x − x̄)² over √n. */
export function varianceOf(values: ArrayLike<number>): Estimate {
  assertSamples('varianceOf', values, 2);
  const m = meanOf(values).estimate;
  const squares = Float64Array.from({ length: values.length }, (_, i) => (values[i]! - m) ** 2);
  const e = meanOf(squares);
  const n = values.length;
  return { estimate: (e.estimate * n) / (n - 1), standardError: (e.standardError * n) / (n - 1), samples: n };
}

/**
 * The sample median, with a standard error by sectioning: the sample is cut into `sections` equal
 * parts in draw order, and SE = sd(section medians)/√sections. No density is needed (unlike the
 * asymptotic 1/(2f(m)√n)); section medians carry an O(sections/n) bias, negligible for the sizes used.
 */
export function medianOf(values: ArrayLike<number>, sections = 40): Estimate {
  if (!Number.isSafeInteger(sections) || sections < 2) throw new OracleInputError('medianOf', 'sections', `must be an integer ≥ 2, got ${sections}`);
  assertSamples('medianOf', values, 2 * sections);
  const n = values.length;
  const median = (a: number[]) => { a.sort((x, y) => x - y); const k = a.length >> 1; return a.length % 2 ? a[k]! : 0.5 * (a[k - 1]! + a[k]!); };
  const all = median(Array.from(values));
  const size = Math.floor(n / sections);
  const medians = Array.from({ length: sections }, (_, s) => median(Array.from({ length: size }, (_, i) => values[s * size + i]!)));
  return { estimate: all, standardError: meanOf(medians).standardError, samples: n };
}

/** One measurement of the oracle on a known expectation. */
export interface MonteCarloQualification {
  case: string;
  exact: number;
  estimate: Estimate;
  /** |estimate − exact| / standard error. */
  zScore: number;
}

/**
 * Measures the oracle on known expectations (mean and variance of N(μ, σ²), mean, variance and
 * median of Laplace(μ, b), mean of a shifted exponential, frequencies of a categorical). The caller
 * accepts each z-score against its own rule.
 */
export function qualifyMonteCarlo(samples: number, seed: number): MonteCarloQualification[] {
  // The median's sectioning needs 80 samples (40 sections of 2).
  if (!Number.isSafeInteger(samples) || samples < 80) throw new OracleInputError('qualifyMonteCarlo', 'samples', `must be an integer ≥ 80, got ${samples}`);
  if (!Number.isSafeInteger(seed)) throw new OracleInputError('qualifyMonteCarlo', 'seed', `must be an integer, got ${seed}`);
  const out: MonteCarloQualification[] = [];
  const add = (name: string, exact: number, estimate: Estimate) =>
    out.push({ case: name, exact, estimate, zScore: Math.abs(estimate.estimate - exact) / estimate.standardError });
  const cases: Distribution[] = [gaussian(1.5, 2), gaussian(-3, 0.25), laplace(0.75, 1.5), laplace(-2, 0.2), shiftedExponential(-1, 2)];
  cases.forEach((d, k) => {
    const x = drawSample(d.sample, samples, seed + 7919 * (k + 1));
    add(`mean of ${d.name}`, d.mean, meanOf(x));
    add(`variance of ${d.name}`, d.variance, varianceOf(x));
    if (d.name.startsWith('Laplace')) add(`median of ${d.name}`, d.median, medianOf(x));
  });
  const p = [0.1, 0.2, 0.3, 0.4];
  const draw = categorical(p);
  const labels = drawSample(draw, samples, seed + 104729);
  p.forEach((pk, k) => add(`P(category ${k}) of Cat(${p.join(', ')})`, pk, meanOf(labels.map((l) => (l === k ? 1 : 0)))));
  return out;
}
