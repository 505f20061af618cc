// THE argument parser of `npx losscheck` and of the scripts it runs (soak, backends): pure functions, so
// the rules (and their one-line errors) are testable without starting tfjs. A UsageError exits with code 2.
// Imports nothing but node built-ins (none, today): bin/losscheck.js compiles it into the CLI's fast path.

export class UsageError extends Error {
  constructor(message: string) { super(message); this.name = 'UsageError'; }
}

export const BACKENDS = ['wasm', 'cpu'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Verdicts an item records (spec/engine/item.ts VERDICTS), and the two more a run can compute. */
export const RECORDED_VERDICTS = ['holds', 'refuted', 'conditional', 'definition', 'not-checkable'] as const;
export const COMPUTED_ONLY_VERDICTS = ['inconclusive', 'borderline'] as const;
export const SELECTABLE_VERDICTS: readonly string[] = [...RECORDED_VERDICTS, ...COMPUTED_ONLY_VERDICTS];

/** The steps of `losscheck backends` (scripts/backends.ts), in the order they run. */
export const BACKEND_STEPS = ['node-wasm', 'node-cpu', 'browser', 'report'] as const;
export type BackendStep = (typeof BACKEND_STEPS)[number];

/**
 * Which items: positional selectors (an id, `all`, a verdict name such as `refuted`, or a glob over ids
 * such as '4.3.*'), narrowed by --verdict and --section (each a comma-separated list), or --all.
 */
export interface Selection {
  selectors: string[];
  verdicts: string[];
  sections: string[];
  all: boolean;
}

export interface RunOptions {
  runs?: number;
  hessianRuns?: number;
  seed?: number;
  /** fast-check counterexample path, e.g. "12:0:3": replay that one case. */
  path?: string;
  /** The check whose counterexample the path is (replay). */
  check?: string;
  backend?: Backend;
  json: boolean;
  quiet: boolean;
}

export interface CheckOptions extends RunOptions {
  selection: Selection;
  /** The audited text (sets LOSSCHECK_SOURCE for the run), against which the items' quotes are checked. */
  source?: string;
}

export interface ConformanceOptions extends RunOptions {
  /** 'impl' (default), 'tfjs', or a path to a module exporting impl/'s names. */
  subject: string;
  /** Only these items' subject checks. */
  only?: string[];
}

export interface ReportOptions { results?: string; out?: string }

export interface NewOptions {
  id: string;
  section?: string;
  quote?: string;
  /** File name slug (default: the id for a claim; f4.3.NN for a formula, plus -<name> when given). */
  name?: string;
  /** The items folder to write into (default spec/items/); the id must be new there. */
  dir?: string;
}

/** Options of `losscheck soak` (scripts/soak.ts); absent ones take the script's defaults. */
export interface SoakOptions {
  seeds?: number;
  runs?: number;
  seedBase?: number;
  only?: string;
  quick: boolean;
  summarise: boolean;
}

export interface BackendsOptions { steps: BackendStep[] }

/** Colour: 'auto' (when stdout is a terminal and NO_COLOR is unset), or forced by --color / --no-color. */
export type ColorMode = 'auto' | 'always' | 'never';

export type Command =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'list'; selection: Selection; json: boolean }
  | { command: 'check'; options: CheckOptions }
  | { command: 'conformance'; options: ConformanceOptions }
  | { command: 'report'; options: ReportOptions }
  | { command: 'new'; options: NewOptions }
  | { command: 'soak'; options: SoakOptions; argv: string[] }
  | { command: 'backends'; options: BackendsOptions };

export const USAGE = `losscheck: executable checks of the formulas and claims of §4.3 (loss functions)

usage:
  npx losscheck list [items] [--json]     ids, sections, recorded verdicts, last measured ones, statements
  npx losscheck check <items> [options]   run the items' checks; print each verdict with its evidence
  npx losscheck check <id> --seed S --path P [--check NAME]
                                          replay one recorded counterexample: only that case is measured
  npx losscheck conformance [--subject impl|tfjs|PATH] [--only ids] [options]
                                          check an implementation (impl/, tfjs's API, your module) against
                                          the items' subject checks: a table per function; exit 1 on a failure
  npx losscheck new <id> --section 4.3.k --quote '…' [--name SLUG] [--dir DIR]
  npx losscheck new 4.3.k [--name SLUG] [--dir DIR]
                                          scaffold spec/items/<section>/<file>.ts (DIR instead of spec/items)
                                          from the source's quote or \tag block: docs/adding-an-item.md
  npx losscheck report [--results DIR] [--out DIR]
                                          rebuild conformance.{json,md,html} and junit.xml from the
                                          recorded results (default reports/.results → reports/out/)
  npx losscheck soak [--seeds N] [--runs N] [--seed-base N] [--only ids] [--quick] [--summarise]
                                          the suite under many seeds (what \`npm run soak\` runs)
  npx losscheck backends [node-wasm|node-cpu|browser|report]…
                                          the suite on other tfjs backends (what \`npm run test:browser\` runs)
  npx losscheck help | --version

items (list, check): ids, 'all', a verdict (holds, refuted, conditional, definition, not-checkable),
or a glob over ids ('4.3.*', '*softmax*'); narrowed by --verdict V[,V] and --section 4.3.k[,…];
--all is every item. \`list\` with no items lists all.

check and conformance options (defaults from LOSSCHECK_* variables, else the npm test defaults):
  --runs N           cases per property (default 1000)
  --hessian-runs N   cases per full-Hessian property (default runs/5)
  --seed S           fast-check seed (default 20261129)
  --path P           replay: measure only the case at this counterexample path (with its --seed)
  --check NAME       replay: the check the path belongs to (default: the last recorded run's, else
                     every claim check of the item)
  --backend B        tfjs backend of the oracle: wasm (default) or cpu
  --source PATH      (check) the audited text (§4.3 in Markdown) to check the items' quotes against
                     (sets LOSSCHECK_SOURCE; default ../shared/source/4.3-loss-functions.md)
  --json             print the results as JSON on stdout
  --quiet            no progress on stderr
  --no-color         no colour (also NO_COLOR=1; colour is on only when stdout is a terminal)

exit codes: 0 every verdict is the recorded one (a replay reproduced its counterexample; every
subject function passed) · 1 a verdict differs, a quote is not verbatim in the source, a subject
function fails, a replay did not reproduce, or a run failed · 2 usage error`;

export const COMMANDS = ['list', 'check', 'conformance', 'new', 'report', 'soak', 'backends', 'help'] as const;

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

const words = (s: string) => s.toLowerCase().split(/[^a-z0-9.]+|(?<=[a-z])\.|\.(?=[a-z])/).filter(Boolean);
/** Two words are alike when equal, or (for words of 4+ letters) within one edit per 4 letters. */
const alike = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && editDistance(a, b) <= Math.floor(Math.max(a.length, b.length) / 4));

/**
 * The known names closest to `name`, best first (ties keep the given order): first the names containing
 * it or contained in it (`softmax` → every id with softmax), then those sharing words with it (a typo in
 * one word of `ce-gradient-exampel`), then those a few edits away (one per three characters, at least
 * two). At most `count`, unless more than that contain `name` (all of those are listed, up to 12); empty
 * when nothing is close.
 */
export function nearest(name: string, known: readonly string[], count = 3): string[] {
  const q = name.toLowerCase();
  const qWords = words(q);
  const near = Math.max(2, Math.floor(q.length / 3));
  const ranked = known.map((k, i) => {
    const lk = k.toLowerCase();
    const distance = editDistance(q, lk);
    const contains = q.length >= 3 && lk.includes(q);
    const contained = lk.length >= 3 && q.includes(lk);
    const shared = qWords.filter((w) => words(lk).some((kw) => alike(w, kw))).length;
    const tier = contains || contained ? 0 : shared > 0 && shared >= Math.ceil(qWords.length / 2) ? 1 : distance <= near ? 2 : 3;
    return { k, i, tier, shared, distance, contains };
  }).filter((r) => r.tier < 3).sort((a, b) => a.tier - b.tier || b.shared - a.shared || a.distance - b.distance || a.i - b.i);
  const containing = ranked.filter((r) => r.contains).length;
  return ranked.slice(0, Math.min(Math.max(count, containing), 12)).map((r) => r.k);
}

/** "; nearest: a, b, c" — or nothing when no known name is close. */
export const nearestText = (name: string, known: readonly string[]) => {
  const close = nearest(name, known);
  return close.length ? `; nearest: ${close.join(', ')}` : '';
};

/** The one-line error for a name that is not known, naming the nearest ones. */
export function unknownName(what: string, name: string, known: readonly string[], more: string[] = [], hint = '`npx losscheck list` shows all'): UsageError {
  const others = more.length ? ` (and ${more.length} more unknown: ${more.join(', ')})` : '';
  return new UsageError(`unknown ${what} '${name}'${others}${nearestText(name, known)}${hint ? ` (${hint})` : ''}`);
}

/** Throws a one-line UsageError for ids that are not items, naming the nearest ones. */
export function assertKnownIds(ids: readonly string[], known: readonly string[]): void {
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw unknownName('item id', unknown[0]!, known, unknown.slice(1));
}

function integer(flag: string, raw: string, min: number): number {
  const v = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(v) || v < min) {
    throw new UsageError(`${flag} must be ${min >= 1 ? 'a positive integer' : min === 0 ? 'an integer ≥ 0' : 'an integer'}, got '${raw}'`);
  }
  return v;
}

const list = (raw: string | undefined) => (raw === undefined ? [] : raw.split(',').map((s) => s.trim()).filter(Boolean));

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
      const guess = all.length ? nearest(name, all, 1)[0] : undefined;
      const did = guess && editDistance(name, guess) <= 2 ? ` (did you mean '${guess}'?)` : '';
      throw new UsageError(`unknown option '${name}' for '${command}'${did}${all.length ? `; options: ${all.join(', ')}` : ''}`);
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    values.set(name, value);
  }
  return { positional, values, flags };
}

/** Only `--flag value` options and booleans are accepted; `-x` short forms are not options but arguments. */
const SELECTION_FLAGS = ['--verdict', '--section'] as const;
const RUN_VALUED = ['--runs', '--hessian-runs', '--seed', '--path', '--check', '--backend'] as const;
const RUN_BOOLEANS = ['--json', '--quiet'] as const;

function selection(positional: string[], values: Map<string, string>, flags: Set<string>): Selection {
  const verdicts = list(values.get('--verdict'));
  for (const v of verdicts) {
    if (!SELECTABLE_VERDICTS.includes(v)) throw unknownName('verdict', v, SELECTABLE_VERDICTS, [], `verdicts: ${SELECTABLE_VERDICTS.join(', ')}`);
  }
  const sections = list(values.get('--section'));
  for (const s of sections) if (!/^4\.3(\.\d+)?$/.test(s)) throw new UsageError(`--section must be a section such as 4.3.2, got '${s}'`);
  return { selectors: [...new Set(positional)], verdicts, sections, all: flags.has('--all') };
}

function runOptions(values: Map<string, string>, flags: Set<string>): RunOptions {
  const options: RunOptions = { json: flags.has('--json'), quiet: flags.has('--quiet') };
  const runs = values.get('--runs'), hessianRuns = values.get('--hessian-runs'), seed = values.get('--seed');
  const path = values.get('--path'), backend = values.get('--backend'), check = values.get('--check');
  if (runs !== undefined) options.runs = integer('--runs', runs, 1);
  if (hessianRuns !== undefined) options.hessianRuns = integer('--hessian-runs', hessianRuns, 1);
  if (seed !== undefined) options.seed = integer('--seed', seed, Number.MIN_SAFE_INTEGER);
  if (path !== undefined) {
    if (!/^\d+(:\d+)*$/.test(path)) throw new UsageError(`--path must be a fast-check path like '12:0:3', got '${path}'`);
    options.path = path;
  }
  if (check !== undefined) {
    if (path === undefined) throw new UsageError('--check names the check a --path replays: give --path (and --seed) too');
    options.check = check;
  }
  if (backend !== undefined) {
    if (!(BACKENDS as readonly string[]).includes(backend)) throw new UsageError(`--backend must be ${BACKENDS.join(' or ')}, got '${backend}'`);
    options.backend = backend as Backend;
  }
  return options;
}

function noPositional(command: string, positional: string[]): void {
  if (positional.length) throw new UsageError(`'${command}' takes no arguments, got '${positional[0]}'`);
}

/** Removes the colour flags (accepted by every command) and says which one was given last. */
export function colorFlag(argv: readonly string[]): { argv: string[]; color: ColorMode } {
  let color: ColorMode = 'auto';
  const rest = argv.filter((a) => {
    if (a === '--no-color') { color = 'never'; return false; }
    if (a === '--color') { color = 'always'; return false; }
    return true;
  });
  return { argv: rest, color };
}

export function parseSoakArgs(argv: readonly string[]): SoakOptions {
  const { positional, values, flags } = scan('soak', [...argv], ['--seeds', '--runs', '--seed-base', '--only'], ['--quick', '--summarise']);
  noPositional('soak', positional);
  const options: SoakOptions = { quick: flags.has('--quick'), summarise: flags.has('--summarise') };
  const seeds = values.get('--seeds'), runs = values.get('--runs'), seedBase = values.get('--seed-base'), only = values.get('--only');
  if (seeds !== undefined) options.seeds = integer('--seeds', seeds, 1);
  if (runs !== undefined) options.runs = integer('--runs', runs, 1);
  if (seedBase !== undefined) options.seedBase = integer('--seed-base', seedBase, 0);
  if (only !== undefined) options.only = list(only).join(',');
  return options;
}

export function parseBackendsArgs(argv: readonly string[]): BackendsOptions {
  const { positional } = scan('backends', [...argv], [], []);
  const unknown = positional.filter((s) => !(BACKEND_STEPS as readonly string[]).includes(s));
  if (unknown.length) throw unknownName('backends step', unknown[0]!, BACKEND_STEPS, unknown.slice(1), `steps: ${BACKEND_STEPS.join(', ')}`);
  return { steps: positional.length ? [...new Set(positional)] as BackendStep[] : [...BACKEND_STEPS] };
}

export function parseArgs(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  if (command === 'list') {
    const { positional, values, flags } = scan('list', rest, SELECTION_FLAGS, ['--all', '--json']);
    return { command: 'list', selection: selection(positional, values, flags), json: flags.has('--json') };
  }
  if (command === 'report') {
    const { positional, values } = scan('report', rest, ['--results', '--out'], []);
    noPositional('report', positional);
    return { command: 'report', options: { results: values.get('--results'), out: values.get('--out') } };
  }
  if (command === 'check') {
    const { positional, values, flags } = scan('check', rest, [...SELECTION_FLAGS, ...RUN_VALUED, '--source'], [...RUN_BOOLEANS, '--all']);
    const sel = selection(positional, values, flags);
    if (!sel.selectors.length && !sel.all && !sel.verdicts.length && !sel.sections.length) {
      throw new UsageError("'check' needs items: ids, a verdict, a glob, --section, --verdict or --all (`npx losscheck list` shows them)");
    }
    const options: CheckOptions = { selection: sel, ...runOptions(values, flags) };
    const source = values.get('--source');
    if (source !== undefined) options.source = source;
    return { command: 'check', options };
  }
  if (command === 'conformance') {
    const { positional, values, flags } = scan('conformance', rest, ['--subject', '--only', ...RUN_VALUED], RUN_BOOLEANS);
    noPositional('conformance', positional);
    const options: ConformanceOptions = { subject: values.get('--subject') ?? 'impl', ...runOptions(values, flags) };
    const only = list(values.get('--only'));
    if (only.length) options.only = [...new Set(only)];
    if (options.path !== undefined && !only.length) throw new UsageError('--path replays one item\'s subject check: name the item with --only');
    return { command: 'conformance', options };
  }
  if (command === 'new') {
    const { positional, values } = scan('new', rest, ['--section', '--quote', '--name', '--dir'], []);
    if (positional.length !== 1) throw new UsageError(`'new' takes one id (a claim slug, or a formula number 4.3.k), got ${positional.length ? positional.map((p) => `'${p}'`).join(' ') : 'none'}`);
    const id = positional[0]!;
    const formula = /^4\.3\.\d+$/.test(id);
    if (!formula && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new UsageError(`'${id}' is neither a formula number (4.3.k) nor a claim slug (lower-case words joined by '-')`);
    const section = values.get('--section'), quote = values.get('--quote'), name = values.get('--name'), dir = values.get('--dir');
    if (section !== undefined && !/^4\.3\.[1-6]$/.test(section)) throw new UsageError(`--section must be one of 4.3.1 … 4.3.6, got '${section}'`);
    if (!formula && (section === undefined || quote === undefined)) throw new UsageError(`a claim needs --section 4.3.k and --quote '<a short verbatim excerpt of the source>'`);
    if (name !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(name)) throw new UsageError(`--name must be lower-case words joined by '-', got '${name}'`);
    return { command: 'new', options: { id, ...(section ? { section } : {}), ...(quote ? { quote } : {}), ...(name ? { name } : {}), ...(dir ? { dir } : {}) } };
  }
  if (command === 'soak') return { command: 'soak', options: parseSoakArgs(rest), argv: rest };
  if (command === 'backends') return { command: 'backends', options: parseBackendsArgs(rest) };
  const guess = nearest(command, COMMANDS, 1)[0];
  throw new UsageError(`unknown command '${command}'${guess && editDistance(command, guess) <= 2 ? ` (did you mean '${guess}'?)` : ''}; commands: ${COMMANDS.join(', ')}`);
}
