// Typed input errors. Every public impl/ function validates its arguments and throws one of these
// instead of returning a silent NaN.

export type Vector = readonly number[];
export type Matrix = readonly (readonly number[])[];

/** Thrown for arguments that are outside a function's domain (wrong shape, non-finite, not a distribution). */
export class LosscheckInputError extends Error {
  readonly fn: string;
  readonly argument: string;
  constructor(fn: string, argument: string, problem: string) {
    super(`${fn}: argument '${argument}' ${problem}`);
    this.name = 'LosscheckInputError';
    this.fn = fn;
    this.argument = argument;
  }
}

/** Thrown when two operands cannot be combined because their shapes do not fit (e.g. a matrix product). */
export class LosscheckShapeError extends LosscheckInputError {
  constructor(fn: string, argument: string, problem: string) {
    super(fn, argument, problem);
    this.name = 'LosscheckShapeError';
  }
}

export function assertFiniteNumber(fn: string, name: string, x: unknown): asserts x is number {
  if (typeof x !== 'number') throw new LosscheckInputError(fn, name, `must be a number, got ${typeof x}`);
  if (!Number.isFinite(x)) throw new LosscheckInputError(fn, name, `must be finite, got ${x}`);
}

export function assertVector(fn: string, name: string, v: unknown, length?: number): asserts v is Vector {
  if (!Array.isArray(v)) throw new LosscheckInputError(fn, name, 'must be an array of numbers');
  if (v.length === 0) throw new LosscheckInputError(fn, name, 'must not be empty');
  if (length !== undefined && v.length !== length) {
    throw new LosscheckShapeError(fn, name, `must have length ${length}, got ${v.length}`);
  }
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    // Number.isFinite does not coerce: it is false for strings, null and undefined as well as NaN/±∞.
    if (!Number.isFinite(x)) {
      throw new LosscheckInputError(fn, name, `must hold finite numbers, got ${String(x)} at index ${i}`);
    }
  }
}

export function assertMatrix(fn: string, name: string, m: unknown, rows?: number, cols?: number): asserts m is Matrix {
  if (!Array.isArray(m)) throw new LosscheckInputError(fn, name, 'must be an array of rows');
  if (m.length === 0) throw new LosscheckInputError(fn, name, 'must not be empty');
  if (rows !== undefined && m.length !== rows) {
    throw new LosscheckShapeError(fn, name, `must have ${rows} rows, got ${m.length}`);
  }
  const width = cols ?? (Array.isArray(m[0]) ? m[0].length : -1);
  for (let i = 0; i < m.length; i++) {
    const row = m[i];
    if (!Array.isArray(row)) throw new LosscheckInputError(fn, name, `row ${i} is not an array`);
    if (row.length !== width) {
      throw new LosscheckShapeError(fn, name, `row ${i} has length ${row.length}, expected ${width}`);
    }
    assertVector(fn, `${name}[${i}]`, row);
  }
}

/** A validated matrix must also be square (n×n). */
export function assertSquare(fn: string, name: string, m: Matrix): void {
  if (m[0]!.length !== m.length) {
    throw new LosscheckShapeError(fn, name, `must be square, got ${m.length}×${m[0]!.length}`);
  }
}

/** Probability vectors: entries in [0, 1] summing to 1 within `slack` (default: a few float64 roundings per entry). */
export function assertDistribution(fn: string, name: string, p: unknown, slack?: number): asserts p is Vector {
  assertVector(fn, name, p);
  if (slack !== undefined && !(slack >= 0 && slack < 1)) throw new LosscheckInputError(fn, 'slack', `must lie in [0, 1), got ${slack}`);
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i]!;
    if (pi < 0 || pi > 1) throw new LosscheckInputError(fn, name, `is not a distribution: entry ${i} is ${pi}`);
    sum += pi;
  }
  // Each entry carries one rounding from whoever produced it and the sum adds n more: 2n unit
  // roundoffs (2^-53); twice that again covers normalisations done in two steps (p_i = e_i / sum).
  const allowed = slack ?? 4 * p.length * 2 ** -53;
  if (Math.abs(sum - 1) > allowed) {
    throw new LosscheckInputError(fn, name, `is not a distribution: entries sum to ${sum}, not 1`);
  }
}

export function assertSameLength(fn: string, a: string, av: Vector, b: string, bv: Vector): void {
  if (av.length !== bv.length) {
    throw new LosscheckShapeError(fn, b, `must have the same length as '${a}' (${av.length}), got ${bv.length}`);
  }
}
