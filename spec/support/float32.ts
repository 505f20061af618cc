// What a float32 oracle actually receives: every input rounded to the nearest float32.

type Numbers = number | readonly Numbers[];

/**
 * `x` with every number rounded to float32 (Math.fround), as tfjs stores it. Evaluating the float64 side
 * at these inputs makes a comparison measure the oracle's arithmetic alone; input rounding, which the
 * tolerance model still charges through κ, then no longer enters the measured difference. Used where
 * that rounding alone brings the error close to a tight bound (a square of a difference of opposite-sign
 * inputs, a −log of a small weight).
 */
export function asFloat32<T extends Numbers>(x: T): T {
  return (typeof x === 'number' ? Math.fround(x) : x.map((v) => asFloat32(v))) as T;
}
