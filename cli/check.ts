// `losscheck check`: runs the selected items through the engine (runItems) and prints, per item, the
// verdict against the recorded one, the statement, its reading, the correction / condition / reason (as
// the HTML report shows them), each check's measured value against its tolerance with THE margin, the
// counterexample with its replay line, and the errata. With --path it replays one recorded
// counterexample instead: only that case of one check is measured.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CheckOptions } from './args.ts';
import { caseText, checkLines, counterexampleLines, replayLines, shellWord } from './format.ts';
import { paint, verdictColor, type Io } from './io.ts';
import { importItems, loadIndex, recordedCheckAt } from './items.ts';
import { selectedItems } from './fast.ts';
import { ROOT } from './items.ts';
import type { RunConfig } from '../spec/engine/config.ts';
import type { ItemDefinition, RunContext } from '../spec/engine/item.ts';
import type { CheckReplay, ItemReplay, ItemResult } from '../spec/engine/run.ts';
import type { ErratumDefinition } from '../spec/engine/erratum.ts';

export interface RunSetup { config: RunConfig; backend: 'wasm' | 'cpu'; env: Record<string, string | undefined> }

/** The run configuration from the options over the environment (LOSSCHECK_*), and the tfjs backend. */
export async function runSetup(options: Pick<CheckOptions, 'runs' | 'hessianRuns' | 'seed' | 'backend'>, io: Io): Promise<RunSetup> {
  // The engine reads LOSSCHECK_BACKEND when the tfjs runtime starts (once per process); the option wins.
  if (options.backend) process.env.LOSSCHECK_BACKEND = options.backend;
  const { configFromEnv } = await import('../spec/engine/config.ts');
  const env = { ...(io.env ?? process.env) };
  if (options.runs !== undefined) env.LOSSCHECK_RUNS = String(options.runs);
  if (options.hessianRuns !== undefined) env.LOSSCHECK_HESSIAN_RUNS = String(options.hessianRuns);
  if (options.seed !== undefined) env.LOSSCHECK_SEED = String(options.seed);
  const backend = options.backend ?? process.env.LOSSCHECK_BACKEND ?? 'wasm';
  if (backend !== 'wasm' && backend !== 'cpu') throw new UsageError(`LOSSCHECK_BACKEND must be wasm or cpu, got '${backend}'`);
  return { config: configFromEnv(env), backend, env };
}

/** The replay line of a counterexample: the options that reproduce it (check named, backend if not the default). */
export function replayLine(command: string, seed: number, path: string, check: string, backend: string): string {
  return `${command} --seed ${seed} --path ${path} --check ${shellWord(check)}${backend !== 'wasm' ? ` --backend ${backend}` : ''}`;
}

export const progressTo = (io: Io, quiet: boolean) => (text: string) => { if (!quiet) io.stderr.write(`${text}\n`); };

export async function check(options: CheckOptions, io: Io, color: boolean, itemsDir?: string): Promise<number> {
  const started = Date.now();
  const print = (text = '') => { io.stdout.write(`${text}\n`); };
  const note = progressTo(io, options.quiet);
  const p = paint(color);
  const setup = await runSetup(options, io);
  // The quotes are checked against the audited text when it is there (LOSSCHECK_SOURCE, --source).
  const { loadSource, SOURCE_HINT } = await import('../spec/engine/source.ts');
  let sourceEnv = setup.env;
  if (options.source !== undefined) {
    const path = resolve(io.cwd ?? process.cwd(), options.source);
    if (!existsSync(path)) throw new UsageError(`--source: no file at ${path}`);
    sourceEnv = { ...setup.env, LOSSCHECK_SOURCE: path };
  }
  const index = await loadIndex(itemsDir);
  const chosen = selectedItems(index, options.selection, ROOT);
  if (options.path !== undefined && chosen.length !== 1) {
    throw new UsageError(`--path replays one item's counterexample: name one item (the selection has ${chosen.length})`);
  }
  note(`losscheck: loading ${chosen.length} item(s)…`);
  const items = await importItems(chosen);
  const { replayCandidates, runItems } = await import('../spec/engine/run.ts');
  // A replay names a check the item has (or the item has one that can have a counterexample): said before any run.
  if (options.path !== undefined) asUsage(() => replayCandidates(items[0]!.item, { path: options.path!, ...(options.check !== undefined ? { check: options.check } : {}) }));
  const audited = loadSource(sourceEnv);
  if (!audited) note(`losscheck: quotes not checked: ${SOURCE_HINT}`);
  const normalise = (s: string) => s.replace(/\s+/g, '');
  const verbatim = (quote: string) => (audited ? normalise(audited.text).includes(normalise(quote)) : null);

  const { config, backend } = setup;
  let ctx: RunContext;
  if (items.some(({ item }) => item.checks.length > 0)) {
    note(`losscheck: seed ${config.seed}, ${config.runs} cases (${config.hessianRuns} for Hessians), tfjs ${backend}; qualifying the oracles…`);
    const { createContext } = await import('../spec/engine/context.ts');
    ctx = await createContext(config);
  } else {
    // Items without checks (not-checkable) need no oracle: their verdict is their reason. No tfjs is loaded.
    const { IMPL_SUBJECT } = await import('../spec/engine/subject.ts');
    ctx = { config, subject: IMPL_SUBJECT } as RunContext;
  }
  const { replacer } = await import('../spec/engine/json.ts');

  if (options.path !== undefined) {
    const [{ item }] = items as [typeof items[number]];
    const named = options.check ?? recordedCheckAt(item.id, config.seed, options.path);
    if (named !== undefined && options.check === undefined) note(`losscheck: the last recorded run has this counterexample on check “${named}”`);
    const [replay] = await runItems([item], ctx, {
      replay: { path: options.path, ...(named !== undefined ? { check: named } : {}) },
      onCheck: ({ check: c, replay: r }) => { if (!r) note(`  ${item.id}: replaying “${c.name}” at path ${options.path}…`); },
    }) as [ItemReplay];
    const reproduced = replay.replays.find((r) => r.outcome === 'fails');
    if (options.json) {
      print(JSON.stringify({ config: { ...config, backend: `tfjs-${backend}`, path: options.path }, replay: { ...replay, reproduced: reproduced !== undefined } }, replacer, 2));
      return reproduced ? 0 : 1;
    }
    print(`${p.bold(item.id)} — replay of seed ${replay.seed}, path ${replay.path}`);
    for (const r of replay.replays) for (const l of replayLines(r, p)) print(l);
    print(`  note: ${replayNote(item, replay, reproduced, named !== undefined)}`);
    return reproduced ? 0 : 1;
  }

  const errata = items.some(({ item }) => item.errata?.length) ? await loadErrataById() : new Map<string, ErratumDefinition>();
  const records: { id: string; file: string; recordedVerdict: string; result: ItemResult; quoteVerbatim: boolean | null }[] = [];
  for (const [i, { file, item }] of items.entries()) {
    note(`[${i + 1}/${items.length}] ${item.id} (${item.checks.length} checks)`);
    const [result] = await runItems([item], ctx, {
      onCheck: ({ index, total, check: c, result: r, ms }) => note(r
        ? `  ${item.id}: check ${index + 1}/${total} ${r.skipped ? 'skipped' : r.passed ? 'pass' : 'FAIL'} (${((ms ?? 0) / 1000).toFixed(1)} s)`
        : `  ${item.id}: check ${index + 1}/${total} “${c.name}”…`),
    });
    const quoteVerbatim = verbatim(item.quote);
    records.push({ id: item.id, file, recordedVerdict: item.expectedVerdict, result: result!, quoteVerbatim });
    if (options.json) continue;
    for (const l of itemLines(item, result!, { quoteVerbatim, sourcePath: audited?.path, errata, backend, p })) print(l);
    print();
  }
  const differ = records.filter((r) => r.result.verdict !== r.recordedVerdict);
  const misquoted = records.filter((r) => r.quoteVerbatim === false);
  if (options.json) {
    print(JSON.stringify({
      config: { ...config, backend: `tfjs-${backend}`, path: null },
      items: records.map((r) => ({ ...r.result, file: r.file, recordedVerdict: r.recordedVerdict, quoteVerbatim: r.quoteVerbatim })),
    }, replacer, 2));
  } else {
    print(`${records.length} item(s) checked in ${((Date.now() - started) / 1000).toFixed(1)} s` +
      (differ.length ? `; ${p.red(`${differ.length} differ from the recorded verdict`)}: ${differ.map((r) => r.id).join(', ')}` : '; every verdict is the recorded one') +
      (misquoted.length ? `; ${p.red(`${misquoted.length} quote(s) not verbatim in the source`)}: ${misquoted.map((r) => r.id).join(', ')}` : ''));
  }
  return differ.length || misquoted.length ? 1 : 0;
}

/** Runs `body`, turning a ReplayError (an unknown check name) into a usage error. */
export function asUsage<T>(body: () => T): T {
  try { return body(); } catch (e) {
    if (e instanceof Error && e.name === 'ReplayError') throw new UsageError(e.message);
    throw e;
  }
}

/** ONE note on a replay: which check's counterexample it reproduced, or why it reproduced none. */
export function replayNote(item: Pick<ItemDefinition, 'id'>, replay: ItemReplay, reproduced: CheckReplay | undefined, named: boolean): string {
  const at = `seed ${replay.seed}, path ${replay.path}`;
  if (reproduced) return `reproduced: the case at ${at} fails “${reproduced.check}” (${caseText(reproduced.case!, reproduced.sense)})`;
  const why = (r: CheckReplay) => (r.outcome === 'passes' ? 'its case there passes'
    : r.outcome === 'no-case' ? 'the path leads to no case of its arbitrary'
      : r.outcome === 'threw' ? `measuring it threw (${r.message})` : `skipped (${r.message})`);
  if (named && replay.replays.length === 1) {
    return `not reproduced: ${at} is not a counterexample of “${replay.replays[0]!.check}”: ${why(replay.replays[0]!)} (a mistyped path, or one recorded with another seed or check?)`;
  }
  return `not reproduced: ${at} is no counterexample of ${item.id}'s claim checks (${replay.replays.map((r) => `“${r.check}”: ${why(r)}`).join('; ')}); name the check with --check`;
}

async function loadErrataById(): Promise<Map<string, ErratumDefinition>> {
  const { loadErrata } = await import('../spec/engine/registry.ts');
  return new Map((await loadErrata()).map((e) => [e.id, e]));
}

interface ItemView {
  quoteVerbatim: boolean | null;
  sourcePath?: string;
  errata: Map<string, ErratumDefinition>;
  backend: string;
  p: ReturnType<typeof paint>;
}

/** The item as the HTML report shows it, in lines. */
export function itemLines(item: ItemDefinition, result: ItemResult, view: ItemView): string[] {
  const { p } = view;
  const out: string[] = [];
  const same = result.verdict === item.expectedVerdict;
  out.push(`${p.bold(item.id)} — ${verdictColor(p, result.verdict)(result.verdict)} (recorded: ${item.expectedVerdict} ${same ? p.green('✓') : p.red('✗ differs')})`);
  out.push(`  ${item.statement}`);
  if (view.quoteVerbatim === false) out.push(`  ${p.red('quote NOT verbatim')} in ${view.sourcePath}: ${item.quote}`);
  if (item.reading) out.push(`  reading: ${item.reading}`);
  if (item.correction) out.push(`  correction: ${item.correction.statement}${item.correction.latex ? `  [${item.correction.latex}]` : ''}`);
  if (item.condition) out.push(`  condition: ${item.condition}`);
  if (item.reason) out.push(`  not checkable: ${item.reason}`);
  if (result.reason !== item.reason) out.push(`  why: ${result.reason}`);
  for (const c of result.checks) out.push(...checkLines(c, p));
  const ce = result.counterexample;
  if (ce) {
    const sense = result.checks.find((c) => c.name === ce.check)?.sense ?? 'atMost';
    out.push(...counterexampleLines(ce, sense, replayLine(`npx losscheck check ${item.id}`, ce.seed, ce.path, ce.check, view.backend)));
  }
  for (const id of item.errata ?? []) {
    const e = view.errata.get(id);
    out.push(e ? `  erratum ${id} (${e.severity}) at ${e.where}: printed ${e.printed} → right: ${e.right}` : `  erratum ${id}`);
  }
  return out;
}
