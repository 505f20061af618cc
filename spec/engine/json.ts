// THE JSON encoding of recorded values (results files, test meta, the CLI's --json, the browser suite).
// Browser-safe (no node: imports).

/** JSON cannot hold ±Infinity or NaN; they are written as strings so nothing is silently lost. */
export function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** A value as it will be recorded: through JSON with the replacer (so it survives test meta and files alike). */
export const recorded = <T>(value: T): T => JSON.parse(JSON.stringify(value, replacer)) as T;
