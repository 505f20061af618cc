// `npx losscheck …` (bin/losscheck.js runs this file through tsx). See USAGE in cli/args.ts.
// Results go to stdout; progress and errors go to stderr. Exit codes: 0 all verdicts as recorded,
// 1 a verdict differs or a run failed, 2 a usage error (one line, with the nearest ids for a typo).
import { fileURLToPath } from 'node:url';
import { USAGE, UsageError, assertKnownIds, parseArgs, type CheckOptions, type ReportOptions } from './args.ts';
import type { CheckResult, ItemResult } from '../spec/engine/run.ts';
import type { ItemDefinition, RunContext } from '../spec/engine/item.ts';
import type { RunConfig } from '../spec/engine/config.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Numbers as the reports print them. */
async function formatter(): Promise<(x: number | string) => string> {
  const { fmt } = await import('../reports/markdown.ts');
  return (x) => fmt(x);
}

const print = (line = '') => process.stdout.write(`${line}\n`);

async function list(json: boolean): Promise<number> {
  const { loadItems } = await import('../spec/engine/registry.ts');
  const items = await loadItems();
  // The last full run, if any (reports/.results is written by `npm test`).
  const measured = new Map<string, string>();
  try {
    const { loadResults } = await import('../reports/build.ts');
    for (const it of loadResults().items) measured.set(it.id, it.result.verdict);
  } catch { /* no recorded run yet: the column shows — */ }
  if (json) {
    print(JSON.stringify(items.map(({ file, item }) => ({
      id: item.id, section: item.section, kind: item.kind, recordedVerdict: item.expectedVerdict,
      lastMeasuredVerdict: measured.get(item.id) ?? null, statement: item.statement, file,
    })), null, 2));
    return 0;
  }
  const width = Math.max(...items.map(({ item }) => item.id.length), 2);
  print(`${'id'.padEnd(width)}  section  kind     recorded       last run       statement`);
  for (const { item } of items) {
    const last = measured.get(item.id);
    const mark = last === undefined ? '—' : last === item.expectedVerdict ? last : `${last} ✗`;
    print(`${item.id.padEnd(width)}  ${item.section.padEnd(7)}  ${item.kind.padEnd(7)}  ${item.expectedVerdict.padEnd(13)}  ` +
      `${mark.padEnd(13)}  ${item.statement}`);
  }
  print(`${items.length} items`);
  return 0;
}

/** The roles whose failure yields the item's counterexample (as in spec/engine/run.ts runItem). */
const REPLAYABLE_ROLES = new Set(['claim', 'outside-condition']);

interface Progress { note(line: string): void }

async function runOne(item: ItemDefinition, ctx: RunContext, path: string | undefined, progress: Progress):
  Promise<{ result: ItemResult; notes: string[] }> {
  const { deriveVerdict, runCheck } = await import('../spec/engine/run.ts');
  const checks: CheckResult[] = [];
  const notes: string[] = [];
  let replayed = false;
  for (const [k, check] of item.checks.entries()) {
    const started = Date.now();
    progress.note(`  ${item.id}: check ${k + 1}/${item.checks.length} “${check.name}”…`);
    const replay = path !== undefined && REPLAYABLE_ROLES.has(check.role) ? path : undefined;
    let result: CheckResult;
    try {
      result = await runCheck(check, ctx, replay);
      if (replay !== undefined && result.counterexample) replayed = true;
    } catch (e) {
      // The path belongs to one check's arbitrary (the report names it); on another failing check it
      // may lead nowhere, so that check is shrunk from its own first failing case instead.
      if (replay === undefined) throw e;
      notes.push(`path ${replay} does not reproduce a failure of “${check.name}”: shrunk from its first failing case instead`);
      result = await runCheck(check, ctx);
    }
    checks.push(result);
    progress.note(`  ${item.id}: check ${k + 1}/${item.checks.length} ${result.passed ? 'pass' : 'FAIL'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (path !== undefined && !replayed) notes.push(`--path ${path}: no claim check of ${item.id} failed, so there was nothing to replay`);
  const { verdict, reason } = deriveVerdict(item, checks);
  const counterexample = checks.find((c) => c.counterexample && REPLAYABLE_ROLES.has(c.role))?.counterexample;
  return { result: { id: item.id, verdict, reason, checks, ...(counterexample ? { counterexample } : {}) }, notes };
}

/** The report's replay command, plus whatever differs from the defaults it assumes. */
function replay(id: string, seed: number, path: string, config: RunConfig, defaults: RunConfig, backend: string,
  replayCommand: (id: string, seed: number, path?: string) => string): string {
  return replayCommand(id, seed, path) +
    (config.runs !== defaults.runs ? ` --runs ${config.runs}` : '') +
    (config.hessianRuns !== defaults.hessianRuns ? ` --hessian-runs ${config.hessianRuns}` : '') +
    (backend !== 'wasm' ? ` --backend ${backend}` : '');
}

async function check(options: CheckOptions): Promise<number> {
  const started = Date.now();
  const progress: Progress = { note: (line) => { if (!options.quiet) process.stderr.write(`${line}\n`); } };
  // The engine reads LOSSCHECK_BACKEND when the tfjs runtime starts; the options win over the environment.
  if (options.backend) process.env.LOSSCHECK_BACKEND = options.backend;
  const { configFromEnv, DEFAULT_CONFIG } = await import('../spec/engine/config.ts');
  const env = { ...process.env };
  if (options.runs !== undefined) env.LOSSCHECK_RUNS = String(options.runs);
  if (options.hessianRuns !== undefined) env.LOSSCHECK_HESSIAN_RUNS = String(options.hessianRuns);
  if (options.seed !== undefined) env.LOSSCHECK_SEED = String(options.seed);
  const config = configFromEnv(env);
  if (options.source !== undefined) {
    const { resolve } = await import('node:path');
    const { existsSync } = await import('node:fs');
    const path = resolve(options.source);
    if (!existsSync(path)) throw new UsageError(`--source: no file at ${path}`);
    process.env.LOSSCHECK_SOURCE = path;
  }
  const backend = process.env.LOSSCHECK_BACKEND || 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new UsageError(`LOSSCHECK_BACKEND must be wasm or cpu, got '${backend}'`);

  progress.note(`losscheck: loading items…`);
  const { loadItems } = await import('../spec/engine/registry.ts');
  const registered = await loadItems();
  assertKnownIds(options.ids, registered.map(({ item }) => item.id));
  const chosen = options.ids.map((id) => registered.find(({ item }) => item.id === id)!);
  // The quotes are checked against the audited text when it is there (LOSSCHECK_SOURCE, --source).
  const { loadSource, SOURCE_HINT } = await import('../spec/engine/source.ts');
  const audited = loadSource();
  const normalise = (s: string) => s.replace(/\s+/g, '');
  const verbatim = (quote: string) => (audited ? normalise(audited.text).includes(normalise(quote)) : null);
  if (!audited) progress.note(`losscheck: quotes not checked: ${SOURCE_HINT}`);

  progress.note(`losscheck: seed ${config.seed}, ${config.runs} cases (${config.hessianRuns} for Hessians), tfjs ${backend}; qualifying the oracles…`);
  const { createContext } = await import('../spec/engine/context.ts');
  const ctx = await createContext(config);
  const f = await formatter();
  const { replayCommand } = await import('../reports/markdown.ts');

  const records: { id: string; file: string; recordedVerdict: string; result: ItemResult; notes: string[]; quoteVerbatim: boolean | null }[] = [];
  for (const [i, { file, item }] of chosen.entries()) {
    progress.note(`[${i + 1}/${chosen.length}] ${item.id} (${item.checks.length} checks)`);
    const { result, notes } = await runOne(item, ctx, options.path, progress);
    const quoteVerbatim = verbatim(item.quote);
    records.push({ id: item.id, file, recordedVerdict: item.expectedVerdict, result, notes, quoteVerbatim });
    if (options.json) continue;
    const same = result.verdict === item.expectedVerdict;
    print(`${item.id} — ${result.verdict} (recorded: ${item.expectedVerdict} ${same ? '✓' : '✗ differs'})`);
    print(`  ${item.statement}`);
    if (quoteVerbatim === false) print(`  quote NOT verbatim in ${audited!.path}: ${item.quote}`);
    print(`  why: ${result.reason}`);
    for (const c of result.checks) {
      const rel = c.sense === 'atLeast' ? '≥' : '≤';
      const margin = c.passed ? `margin ${f(c.margin)}` : c.margin > 0 ? `fails by ${f(1 / c.margin)}×` : 'fails (no finite ratio)';
      print(`  ${c.passed ? 'pass' : 'FAIL'} [${c.role}] ${c.name}`);
      print(`       ${f(c.maxError)} ${rel} ${f(c.tolerance)} · ${margin} · ${c.cases} cases · seed ${c.seed} · ${c.oracle}`);
    }
    const ce = result.counterexample;
    if (ce) {
      const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x));
      print(`  counterexample (check “${ce.check}”, seed ${ce.seed}, path ${ce.path}, ${ce.shrinkSteps} shrink steps)`);
      print(`    shrunk: ${json(ce.shrunk.input)} → ${f(ce.shrunk.value)} vs tolerance ${f(ce.shrunk.bound)}${ce.shrunk.note ? ` — ${ce.shrunk.note}` : ''}`);
      print(`    worst before shrinking: ${json(ce.worstBeforeShrinking.input)} → ${f(ce.worstBeforeShrinking.value)} vs ${f(ce.worstBeforeShrinking.bound)}`);
      print(`    replay: ${replay(item.id, ce.seed, ce.path, config, DEFAULT_CONFIG, ctx.tfjs.runtime.backend, replayCommand)}`);
    }
    for (const n of notes) print(`  note: ${n}`);
    print();
  }
  const differ = records.filter((r) => r.result.verdict !== r.recordedVerdict);
  const misquoted = records.filter((r) => r.quoteVerbatim === false);
  if (options.json) {
    const replacer = (_k: string, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);
    print(JSON.stringify({
      config: { ...config, backend: `tfjs-${ctx.tfjs.runtime.backend}`, path: options.path ?? null },
      items: records.map((r) => ({ ...r.result, file: r.file, recordedVerdict: r.recordedVerdict, notes: r.notes, quoteVerbatim: r.quoteVerbatim })),
    }, replacer, 2));
  } else {
    print(`${records.length} item(s) checked in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (differ.length ? `; ${differ.length} differ from the recorded verdict: ${differ.map((r) => r.id).join(', ')}` : '; every verdict is the recorded one') +
      (misquoted.length ? `; ${misquoted.length} quote(s) not verbatim in the source: ${misquoted.map((r) => r.id).join(', ')}` : ''));
  }
  return differ.length || misquoted.length ? 1 : 0;
}

async function report(options: ReportOptions): Promise<number> {
  const { loadResults, writeReports, consoleSummary } = await import('../reports/build.ts');
  const { resolve } = await import('node:path');
  const { mkdirSync } = await import('node:fs');
  const results = options.results ? loadResults(resolve(options.results)) : loadResults();
  const out = options.out ? resolve(options.out) : undefined;
  if (out) mkdirSync(out, { recursive: true });
  const files = out ? await writeReports(results, out) : await writeReports(results);
  print(consoleSummary(results));
  for (const file of files) print(`wrote ${file.startsWith(ROOT) ? file.slice(ROOT.length) : file}`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const command = parseArgs(argv);
  switch (command.command) {
    case 'help': print(USAGE); return 0;
    case 'list': return list(command.json);
    case 'check': return check(command.options);
    case 'report': return report(command.options);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  const usage = e instanceof UsageError || (e instanceof Error && e.name === 'ConfigError');
  process.stderr.write(`losscheck: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = usage ? 2 : 1;
}
// tfjs-wasm leaves no work behind, but exit explicitly so a stray handle never keeps a CLI run alive.
process.exit(process.exitCode);
