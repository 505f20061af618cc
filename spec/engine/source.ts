// The audited document is an input, not part of the project. It is read from LOSSCHECK_SOURCE (the CLI's
// --source sets it), by default from ../shared/source/4.3-loss-functions.md beside the checkout.
// Only the checks that need its text (quotes verbatim, the sentence ledger, completeness) use it; where
// it is absent they are skipped with SOURCE_HINT, unless LOSSCHECK_REQUIRE_SOURCE=1 (CI) makes that a failure.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The default location, relative to the repository root. */
export const DEFAULT_SOURCE = '../shared/source/4.3-loss-functions.md';

export class SourceMissingError extends Error {
  constructor(message: string) { super(message); this.name = 'SourceMissingError'; }
}

export function sourcePath(env: Record<string, string | undefined> = process.env): string {
  const given = env.LOSSCHECK_SOURCE;
  const path = given && given.trim() !== '' ? given : DEFAULT_SOURCE;
  return isAbsolute(path) ? path : resolve(ROOT, path);
}

export const SOURCE_HINT =
  'the audited text (§4.3 in Markdown) was not found: set LOSSCHECK_SOURCE=/path/to/4.3-loss-functions.md ' +
  `(or pass --source to the CLI); default ${DEFAULT_SOURCE} beside the checkout`;

/** Whether a missing source fails the run instead of skipping the checks that need it (CI sets it). */
export function sourceRequired(env: Record<string, string | undefined> = process.env): boolean {
  return env.LOSSCHECK_REQUIRE_SOURCE === '1' || env.LOSSCHECK_REQUIRE_SOURCE === 'true';
}

export interface AuditedSource { path: string; text: string }

/** The audited text, or undefined when it is absent (and not required). */
export function loadSource(env: Record<string, string | undefined> = process.env): AuditedSource | undefined {
  const path = sourcePath(env);
  if (!existsSync(path)) {
    if (sourceRequired(env)) throw new SourceMissingError(`${SOURCE_HINT} (looked at ${path}; LOSSCHECK_REQUIRE_SOURCE is set)`);
    return undefined;
  }
  return { path, text: readFileSync(path, 'utf8') };
}
