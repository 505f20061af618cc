// Runs the CLI in-process for the tests: main(argv, io) with captured stdout and stderr.
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { main, type MainOptions } from '../../cli/losscheck.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Run { code: number; stdout: string; stderr: string }

/** Runs the CLI in this process; LOSSCHECK_* variables of the caller are left out, so the defaults are under test. */
export async function run(argv: string[], opts: { tty?: boolean; env?: Record<string, string>; options?: MainOptions } = {}): Promise<Run> {
  let stdout = '', stderr = '';
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOSSCHECK_') && k !== 'NO_COLOR')), ...opts.env };
  const code = await main(argv, {
    stdout: { write: (s: string) => { stdout += s; }, isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => { stderr += s; } },
    env, cwd: ROOT,
  }, opts.options);
  return { code, stdout, stderr };
}


/** A usage error: exit code 2 and exactly one line on stderr starting with "losscheck: ", nothing on stdout. */
export function expectUsageError(r: Run, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('losscheck: loading'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^losscheck: /);
  expect(lines[0]).toMatch(pattern);
}

