// `losscheck conformance --subject impl|tfjs|PATH`: the implementation under test against every item's
// subject checks (spec/engine/conformance.ts runSubjectConformance), apart from the audit of the book.
// Prints one row per LossApi function (pass, FAIL, skipped with the reason), writes the table to
// reports/out/subject-<subject>.{json,md}, and exits 1 when a function fails, naming it and printing its
// counterexample with the line that replays it. With --path it replays that one case instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, assertKnownIds, type ConformanceOptions } from './args.ts';
import { counterexampleLines, failingSense, marginText, replayLines, shellWord } from './format.ts';
import { paint, type Io, type Paint } from './io.ts';
import { importItems, loadIndex, ROOT } from './items.ts';
import { asUsage, progressTo, replayLine, replayNote, runSetup } from './check.ts';
import type { ConformanceRow, FunctionConformance, SubjectConformance } from '../spec/engine/conformance.ts';
import type { ItemReplay } from '../spec/engine/run.ts';

/** Where the table is written (the ignored reports/out/, beside conformance.{json,md,html}). */
export const SUBJECT_OUT = join(ROOT, 'reports', 'out');

export const subjectSlug = (subject: string) => subject.replace(/^[./]+/, '').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '') || 'subject';

/** Why a function has the status it has, in one line. */
function reasonOf(f: FunctionConformance, rows: readonly ConformanceRow[]): string {
  if (f.status === 'skipped') return f.skippedBecause ?? '';
  if (f.status === 'pass') return '';
  const first = rows.find((r) => r.status === 'fail' && r.functions.includes(f.name));
  return `${f.failing.join('; ')}${first?.detail ? ` — ${first.detail}` : ''}`;
}

const STATUS_ORDER = { fail: 0, pass: 1, skipped: 2 } as const;

export function functionTable(result: SubjectConformance, p: Paint): string[] {
  const fns = [...result.functions].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.name < b.name ? -1 : 1));
  const width = Math.max(8, ...fns.map((f) => f.name.length));
  const status = (s: FunctionConformance['status']) => (s === 'fail' ? p.red('FAIL'.padEnd(7)) : s === 'pass' ? p.green('pass'.padEnd(7)) : p.dim('skipped'));
  return [
    p.bold(`${'function'.padEnd(width)}  status   checks  reason`),
    ...fns.map((f) => `${f.name.padEnd(width)}  ${status(f.status)}  ${String(f.checks).padStart(6)}  ${reasonOf(f, result.rows)}`),
  ];
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The table in Markdown, with every check (its reference, cases and margin) below it. */
export function conformanceMarkdown(result: SubjectConformance): string {
  const out = [`# Subject conformance: ${result.subject.label}`, '',
    `Seed ${result.seed}. Each LossApi function is **fail** when one of its subject checks fails, **pass** when every one that ran passed, **skipped** when none could run.`, '',
    '| function | status | checks | reason |', '|---|---|---|---|'];
  for (const f of result.functions) out.push(`| ${f.name} | ${f.status === 'fail' ? '**fail**' : f.status} | ${f.checks} | ${cell(reasonOf(f, result.rows))} |`);
  out.push('', '## Checks', '', '| status | functions | item | check | reference | cases | margin |', '|---|---|---|---|---|---|---|');
  for (const r of result.rows) {
    out.push(`| ${r.status} | ${r.functions.join(', ')} | ${r.item} | ${cell(r.check)} | ${cell(r.reference)} | ${r.cases} | ${r.margin === undefined ? cell(r.detail ?? '—') : marginText(r.margin)} |`);
  }
  return `${out.join('\n')}\n`;
}

export async function conformance(options: ConformanceOptions, io: Io, color: boolean, itemsDir?: string, outDir = SUBJECT_OUT): Promise<number> {
  const print = (text = '') => { io.stdout.write(`${text}\n`); };
  const note = progressTo(io, options.quiet);
  const p = paint(color);
  const setup = await runSetup(options, io);
  const index = await loadIndex(itemsDir);
  const ids = index.items.map((it) => it.id);
  if (options.only) assertKnownIds(options.only, ids);
  const withSubjectChecks = index.items.filter((it) => it.checks.some((c) => c.role === 'subject') && (!options.only || options.only.includes(it.id)));
  if (options.only) {
    const without = options.only.filter((id) => !withSubjectChecks.some((it) => it.id === id));
    if (without.length) throw new UsageError(`no subject check in ${without.join(', ')} (items with one: ${index.items.filter((it) => it.checks.some((c) => c.role === 'subject')).map((it) => it.id).join(', ') || 'none yet'})`);
  }
  const { loadSubject } = await import('../spec/subjects/load.ts');
  let subject;
  try {
    subject = await loadSubject(options.subject, io.cwd ?? process.cwd());
  } catch (e) {
    if (e instanceof Error && e.name === 'SubjectError') throw new UsageError(e.message);
    throw e;
  }
  if (!withSubjectChecks.length) {
    print(`subject: ${subject.label} — no item has a subject check yet (items are being moved to role 'subject'); nothing to run`);
    return 0;
  }
  const items = (await importItems(withSubjectChecks)).map(({ item }) => item);
  const { replayCandidates, runItems } = await import('../spec/engine/run.ts');
  if (options.path !== undefined) {
    if (items.length !== 1) throw new UsageError('--path replays one item\'s subject check: name one item with --only');
    asUsage(() => replayCandidates(items[0]!, { path: options.path!, roles: ['subject'], ...(options.check ? { check: options.check } : {}) }));
  }
  note(`losscheck: ${subject.label} against the subject checks of ${items.length} item(s); seed ${setup.config.seed}, ${setup.config.runs} cases; qualifying the references…`);
  const { createContext } = await import('../spec/engine/context.ts');
  const ctx = await createContext(setup.config, subject);
  const { replacer } = await import('../spec/engine/json.ts');
  const replayOf = (item: string) => `npx losscheck conformance --subject ${shellWord(options.subject)} --only ${item}`;

  if (options.path !== undefined) {
    const [replay] = await runItems(items, ctx, { replay: { path: options.path, roles: ['subject'], ...(options.check ? { check: options.check } : {}) } }) as [ItemReplay];
    const reproduced = replay.replays.find((r) => r.outcome === 'fails');
    if (options.json) {
      print(JSON.stringify({ subject: subject.id, replay: { ...replay, reproduced: reproduced !== undefined } }, replacer, 2));
    } else {
      print(`${p.bold(items[0]!.id)} — ${subject.label}: replay of seed ${replay.seed}, path ${replay.path}`);
      for (const r of replay.replays) for (const l of replayLines(r, p)) print(l);
      print(`  note: ${replayNote(items[0]!, replay, reproduced, options.check !== undefined)}`);
    }
    return reproduced ? 0 : 1;
  }

  const { runSubjectConformance } = await import('../spec/engine/conformance.ts');
  const result = await runSubjectConformance(items, ctx, ({ item, check: name, index: k, total, row }) =>
    note(row ? `  [${k + 1}/${total}] ${item}: ${row.status}` : `  [${k + 1}/${total}] ${item}: “${name}”…`));
  const failing = result.functions.filter((f) => f.status === 'fail');
  mkdirSync(outDir, { recursive: true });
  const base = join(outDir, `subject-${subjectSlug(subject.id)}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(result, replacer, 2)}\n`);
  writeFileSync(`${base}.md`, conformanceMarkdown(result));
  if (options.json) {
    print(JSON.stringify(result, replacer, 2));
    return failing.length ? 1 : 0;
  }
  const counts = (['pass', 'fail', 'skipped'] as const).map((s) => `${result.functions.filter((f) => f.status === s).length} ${s}`).join(', ');
  print(`subject: ${subject.label} — ${result.rows.length} subject checks in ${items.length} items, seed ${result.seed}, ${setup.config.runs} cases`);
  for (const l of functionTable(result, p)) print(l);
  print();
  for (const f of failing) {
    print(`${p.red('FAIL')} ${p.bold(f.name)}: ${f.failing.join('; ')}`);
    for (const r of result.rows.filter((row) => row.status === 'fail' && row.functions.includes(f.name))) {
      if (!r.counterexample) { print(`  ${r.item}: “${r.check}” ${r.detail ?? ''}`); continue; }
      const ce = r.counterexample;
      for (const l of counterexampleLines(ce, failingSense(ce.shrunk), replayLine(replayOf(r.item), ce.seed, ce.path, ce.check, setup.backend))) print(l);
    }
  }
  print(`${result.functions.length} functions: ${counts}${failing.length ? ` — ${p.red(`FAILED: ${failing.map((f) => f.name).join(', ')}`)}` : ''}`);
  print(`wrote ${base.startsWith(ROOT) ? base.slice(ROOT.length) : base}.{json,md}`);
  return failing.length ? 1 : 0;
}
