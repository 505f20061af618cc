// Typed errors of the oracle layer.

/** An argument an oracle cannot use (wrong shape, non-finite, empty batch). */
export class OracleInputError extends Error {
  constructor(fn: string, argument: string, problem: string) {
    super(`${fn}: argument '${argument}' ${problem}`);
    this.name = 'OracleInputError';
  }
}

/** An oracle method was asked for an answer but did not pass its qualification suite. */
export class OracleNotQualifiedError extends Error {
  constructor(method: string, why: string) {
    super(`oracle method '${method}' is not qualified: ${why}`);
    this.name = 'OracleNotQualifiedError';
  }
}

export function assertBatch(fn: string, name: string, rows: unknown, width?: number): asserts rows is number[][] {
  if (!Array.isArray(rows) || rows.length === 0) throw new OracleInputError(fn, name, 'must be a non-empty array of cases');
  const w = width ?? (Array.isArray(rows[0]) ? rows[0].length : -1);
  rows.forEach((r, b) => {
    if (w <= 0) throw new OracleInputError(fn, name, `case ${b} must be a non-empty array of numbers`);
    if (!Array.isArray(r) || r.length !== w) {
      throw new OracleInputError(fn, name, `case ${b} must be an array of length ${w}`);
    }
    r.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new OracleInputError(fn, name, `case ${b} holds ${String(x)} at index ${i}; finite numbers required`);
      }
    });
  });
}

export function assertFinite(fn: string, name: string, x: unknown): asserts x is number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new OracleInputError(fn, name, `must be a finite number, got ${String(x)}`);
}

export function assertFunction(fn: string, name: string, f: unknown): void {
  if (typeof f !== 'function') throw new OracleInputError(fn, name, `must be a function, got ${f === null ? 'null' : typeof f}`);
}

export function assertPositiveInteger(fn: string, name: string, x: unknown, min = 1): asserts x is number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < min) throw new OracleInputError(fn, name, `must be an integer ≥ ${min}, got ${String(x)}`);
}

/** The tfjs namespace (what tfjsRuntime() returns as `tf`): anything else would fail deep inside a tensor op. */
export function assertTf(fn: string, tf: unknown): void {
  const t = tf as { tidy?: unknown; tensor2d?: unknown } | null;
  if (typeof t !== 'object' || t === null || typeof t.tidy !== 'function' || typeof t.tensor2d !== 'function') {
    throw new OracleInputError(fn, 'tf', 'must be the tfjs namespace from tfjsRuntime()');
  }
}

/** A batch of cases that are each an N×d matrix of finite numbers with the same N and d: [B][N][d]. */
export function assertBatch3(fn: string, name: string, t: unknown, rows?: number, cols?: number): asserts t is number[][][] {
  if (!Array.isArray(t) || t.length === 0) throw new OracleInputError(fn, name, 'must be a non-empty batch of matrices');
  const first = t[0] as unknown;
  const n = rows ?? (Array.isArray(first) ? first.length : -1);
  const d = cols ?? (Array.isArray(first) && Array.isArray(first[0]) ? (first[0] as unknown[]).length : -1);
  t.forEach((m, b) => {
    if (!Array.isArray(m) || m.length !== n || n <= 0) throw new OracleInputError(fn, name, `case ${b} must be a matrix of ${n} rows`);
    assertBatch(fn, `${name}[${b}]`, m, d);
  });
}

/**
 * Rows that are probability vectors as float32 sees them: entries in [0, 1] summing to 1 within n·2⁻²⁴
 * (the oracle rounds each entry to float32, so it cannot tell a finer miss from rounding).
 */
export function assertDistributions(fn: string, name: string, rows: unknown): asserts rows is number[][] {
  assertBatch(fn, name, rows);
  rows.forEach((p, b) => {
    p.forEach((x, i) => { if (x < 0 || x > 1) throw new OracleInputError(fn, name, `case ${b} is not a distribution: entry ${i} is ${x}`); });
    const sum = p.reduce((a, x) => a + x, 0);
    if (Math.abs(sum - 1) > p.length * 2 ** -24) throw new OracleInputError(fn, name, `case ${b} is not a distribution: entries sum to ${sum}, not 1`);
  });
}

/** Labels in [0, 1] (binary targets or their probabilities). */
export function assertLabels(fn: string, name: string, y: readonly number[]): void {
  y.forEach((v, i) => { if (!(v >= 0 && v <= 1)) throw new OracleInputError(fn, name, `must hold labels in [0, 1], got ${v} at index ${i}`); });
}

export function assertConvention(fn: string, c: unknown): void {
  if (c !== 'half' && c !== 'unhalved') throw new OracleInputError(fn, 'convention', `must be 'half' or 'unhalved', got ${String(c)}`);
}
