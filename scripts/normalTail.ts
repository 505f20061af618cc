// Normal tail probabilities for the soak's Monte Carlo rule (scripts/soak.ts).

/** Φ̄(z) = P(Z > z) for a standard normal Z and z ≥ 0: a series below 2, the Mills-ratio continued fraction above. */
export function normalTail(z: number): number {
  if (!(z >= 0)) throw new RangeError(`normalTail: z must be ≥ 0, got ${z}`);
  if (z < 2) return 0.5 * erfcSeries(z / Math.SQRT2);
  let f = z;
  for (let k = 60; k >= 1; k--) f = z + k / f;
  return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / f;
}

/** erfc(x) for 0 ≤ x < √2 from the Maclaurin series of erf (60 terms converge to rounding there). */
function erfcSeries(x: number): number {
  let term = x, sum = x;
  for (let n = 1; n < 60; n++) { term *= -x * x / n; sum += term / (2 * n + 1); }
  return 1 - (2 / Math.sqrt(Math.PI)) * sum;
}

/** The chance that the largest |Z| of `count` independent standard normal deviations is at least z. */
export function chanceOfMaximum(z: number, count: number): number {
  if (!(count >= 1)) throw new RangeError(`chanceOfMaximum: count must be ≥ 1, got ${count}`);
  return -Math.expm1(count * Math.log1p(-2 * normalTail(z)));
}
