// Where the CLI writes, and how it colours. main(argv, io) takes these, so the tests run it in-process.
import type { ColorMode } from './args.ts';

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** The environment (NO_COLOR, LOSSCHECK_*); default process.env. */
  env?: Record<string, string | undefined>;
  /** Where relative paths given on the command line start (default process.cwd()). */
  cwd?: string;
}

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, dim: 2, bold: 1 } as const;
export type Paint = Record<keyof typeof CODES, (text: string) => string>;

/** Colour only on a terminal, never with NO_COLOR set (https://no-color.org) or --no-color; --color forces it. */
export function useColor(io: Io, mode: ColorMode): boolean {
  if (mode !== 'auto') return mode === 'always';
  const env = io.env ?? process.env;
  return io.stdout.isTTY === true && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

export function paint(on: boolean): Paint {
  const wrap = (code: number) => (text: string) => (on ? `\x1b[${code}m${text}\x1b[0m` : text);
  return Object.fromEntries(Object.entries(CODES).map(([k, code]) => [k, wrap(code)])) as Paint;
}

/** The colour of a verdict: holds green, refuted red, conditional yellow, definition cyan, the rest dim or magenta. */
export function verdictColor(p: Paint, verdict: string): (text: string) => string {
  switch (verdict) {
    case 'holds': return p.green;
    case 'refuted': return p.red;
    case 'conditional': return p.yellow;
    case 'definition': return p.cyan;
    case 'not-checkable': return p.dim;
    default: return p.magenta; // inconclusive, borderline
  }
}
