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
    if (!Array.isArray(r) || r.length !== w || w <= 0) {
      throw new OracleInputError(fn, name, `case ${b} must be an array of length ${w}`);
    }
    r.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new OracleInputError(fn, name, `case ${b} holds ${String(x)} at index ${i}; finite numbers required`);
      }
    });
  });
}
