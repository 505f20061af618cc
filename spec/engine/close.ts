// THE closeness helper: the only way two numeric results are compared. It measures; the tolerance
// comes from tolerance.ts. Non-finite values never "match" a finite one, NaN matches nothing, and
// +Infinity matches only +Infinity (so overflow in one computation shows up as an infinite error).

export interface Difference {
  /** max |actual_i − expected_i| (Infinity on any finiteness mismatch). */
  maxAbs: number;
  /** Index of that entry (flat). */
  index: number;
}

export function differenceOf(actual: number, expected: number): number {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return Infinity;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual === expected ? 0 : Infinity;
  return Math.abs(actual - expected);
}

type Nested = number | readonly Nested[];

function flatten(x: Nested, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else for (const e of x) flatten(e, out);
  return out;
}

/** Largest entrywise difference between two equally shaped numbers, vectors or matrices. */
export function difference(actual: Nested, expected: Nested): Difference {
  const a = flatten(actual), e = flatten(expected);
  if (a.length !== e.length) return { maxAbs: Infinity, index: -1 };
  let maxAbs = 0, index = 0;
  for (let i = 0; i < a.length; i++) {
    const d = differenceOf(a[i]!, e[i]!);
    if (d > maxAbs) { maxAbs = d; index = i; }
  }
  return { maxAbs, index };
}

/** max |x_i| over a number, vector or matrix: the usual scale S for the tolerance model. */
export function magnitude(x: Nested): number {
  let m = 0;
  for (const v of flatten(x)) m = Math.max(m, Math.abs(v));
  return m;
}

/** An outcome for "actual ≈ expected": the largest entrywise difference against the given tolerance. */
export function agreement(actual: Nested, expected: Nested, tol: number, note?: string): { value: number; bound: number; note?: string } {
  const d = difference(actual, expected);
  return { value: d.maxAbs, bound: tol, ...(note ? { note } : {}) };
}

/**
 * An outcome for the inequality lhs ≤ rhs, held to a rounding allowance: the measured value is the
 * violation max(0, lhs − rhs) (NaN counts as an infinite violation). Sharp inequalities — attained, or
 * nearly, by some case — are checked this way, so that the margin says how far rounding is from breaking
 * the claim, not how far the case is from equality (which is 1 by design for a sharp bound).
 */
export function notAbove(lhs: number, rhs: number, tol: number, note?: string): { value: number; bound: number; note?: string } {
  const violation = lhs - rhs;
  return { value: Number.isNaN(violation) ? Infinity : Math.max(0, violation), bound: tol, ...(note ? { note } : {}) };
}

/** lhs ≥ rhs, held to a rounding allowance (see notAbove). */
export function notBelow(lhs: number, rhs: number, tol: number, note?: string): { value: number; bound: number; note?: string } {
  return notAbove(rhs, lhs, tol, note);
}
