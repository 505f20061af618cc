// Command-line parsing for `npx losscheck`: pure functions, so the rules (and their one-line errors)
// are testable without starting tfjs. A UsageError exits with code 2.

export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

export const BACKENDS = ['wasm', 'cpu'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface CheckOptions {
  ids: string[];
  runs?: number;
  hessianRuns?: number;
  seed?: number;
  /** fast-check counterexample path, e.g. "12:0:3". */
  path?: string;
  backend?: Backend;
  /** The audited text (sets LOSSCHECK_SOURCE for the run), against which the items' quotes are checked. */
  source?: string;
  json: boolean;
  quiet: boolean;
}
export interface ReportOptions { results?: string; out?: string }

export type Command =
  | { command: 'help' }
  | { command: 'list'; json: boolean }
  | { command: 'check'; options: CheckOptions }
  | { command: 'report'; options: ReportOptions };

export const USAGE = `losscheck: executable checks of the formulas and claims of §4.3 (loss functions)

usage:
  npx losscheck list [--json]            item ids, their recorded verdicts and the last measured ones
  npx losscheck check <id…> [options]    run the items' checks; print each verdict with its evidence
  npx losscheck report [--results DIR] [--out DIR]
                                         rebuild conformance.{json,md,html} and junit.xml from the
                                         recorded results (default reports/.results → reports/out/)
  npx losscheck help

check options (defaults from LOSSCHECK_* variables, else the npm test defaults):
  --runs N           cases per property (default 1000)
  --hessian-runs N   cases per full-Hessian property (default runs/5)
  --seed S           fast-check seed (default 20261129)
  --path P           replay: start shrinking a failing claim check from this counterexample path
                     (as printed in the report, with the same --seed)
  --backend B        tfjs backend of the oracle: wasm (default) or cpu
  --source PATH      the audited text (§4.3 in Markdown) to check the items' quotes against
                     (sets LOSSCHECK_SOURCE; default ../shared/source/4.3-loss-functions.md)
  --json             print the results as JSON on stdout
  --quiet            no progress on stderr

exit codes: 0 every verdict is the recorded one · 1 a verdict differs, a quote is not verbatim in the
source, or a run failed · 2 usage error`;

const COMMANDS = ['list', 'check', 'report', 'help'];

/** Levenshtein distance (insertions, deletions, substitutions), for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The `count` known names closest to `name` (ties keep the given order). */
export function nearest(name: string, known: readonly string[], count = 3): string[] {
  return known.map((k, i) => ({ k, i, d: editDistance(name.toLowerCase(), k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i).slice(0, count).map((x) => x.k);
}

/** Throws a one-line UsageError for ids that are not items, naming the nearest ones. */
export function assertKnownIds(ids: readonly string[], known: readonly string[]): void {
  const unknown = ids.filter((id) => !known.includes(id));
  if (!unknown.length) return;
  const first = unknown[0]!;
  const more = unknown.length > 1 ? ` (and ${unknown.length - 1} more unknown: ${unknown.slice(1).join(', ')})` : '';
  throw new UsageError(`unknown item id '${first}'${more}; nearest: ${nearest(first, known).join(', ')} (\`npx losscheck list\` shows all)`);
}

function integer(flag: string, raw: string, min: number): number {
  const v = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(v) || v < min) {
    throw new UsageError(`${flag} must be ${min >= 1 ? 'a positive integer' : 'an integer'}, got '${raw}'`);
  }
  return v;
}

/** Splits argv into positionals and --flag values (`--flag v` or `--flag=v`); booleans take no value. */
function scan(command: string, argv: string[], valued: readonly string[], booleans: readonly string[]):
  { positional: string[]; values: Map<string, string>; flags: Set<string> } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') { if (arg !== '--') positional.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (booleans.includes(name) && eq < 0) { flags.add(name); continue; }
    if (!valued.includes(name)) {
      const all = [...valued, ...booleans];
      const hint = all.length ? `; options: ${all.join(', ')}` : '';
      throw new UsageError(`unknown option '${name}' for '${command}'${hint}`);
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  return { positional, values, flags };
}

export function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === 'list') {
    const { positional, flags } = scan('list', rest, [], ['--json']);
    if (positional.length) throw new UsageError(`'list' takes no arguments, got '${positional[0]}'`);
    return { command: 'list', json: flags.has('--json') };
  }
  if (command === 'report') {
    const { positional, values } = scan('report', rest, ['--results', '--out'], []);
    if (positional.length) throw new UsageError(`'report' takes no arguments, got '${positional[0]}'`);
    return { command: 'report', options: { results: values.get('--results'), out: values.get('--out') } };
  }
  if (command === 'check') {
    const { positional, values, flags } = scan('check', rest,
      ['--runs', '--hessian-runs', '--seed', '--path', '--backend', '--source'], ['--json', '--quiet']);
    if (!positional.length) throw new UsageError("'check' needs at least one item id (`npx losscheck list` shows them)");
    const options: CheckOptions = { ids: [...new Set(positional)], json: flags.has('--json'), quiet: flags.has('--quiet') };
    const runs = values.get('--runs'), hessianRuns = values.get('--hessian-runs'), seed = values.get('--seed');
    const path = values.get('--path'), backend = values.get('--backend'), source = values.get('--source');
    if (runs !== undefined) options.runs = integer('--runs', runs, 1);
    if (hessianRuns !== undefined) options.hessianRuns = integer('--hessian-runs', hessianRuns, 1);
    if (seed !== undefined) options.seed = integer('--seed', seed, Number.MIN_SAFE_INTEGER);
    if (path !== undefined) {
      if (!/^\d+(:\d+)*$/.test(path)) throw new UsageError(`--path must be a fast-check path like '12:0:3', got '${path}'`);
      options.path = path;
    }
    if (backend !== undefined) {
      if (!(BACKENDS as readonly string[]).includes(backend)) throw new UsageError(`--backend must be ${BACKENDS.join(' or ')}, got '${backend}'`);
      options.backend = backend as Backend;
    }
    if (source !== undefined) options.source = source;
    return { command: 'check', options };
  }
  const guess = nearest(command, COMMANDS, 1)[0];
  throw new UsageError(`unknown command '${command}'${guess && editDistance(command, guess) <= 2 ? ` (did you mean '${guess}'?)` : ''}; commands: ${COMMANDS.join(', ')}`);
}
