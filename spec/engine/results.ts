// Recorded results: what the engine measured, with each item's metadata, written as JSON under
// reports/.results/. reports/ renders the report from these files only.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ItemDefinition } from './item.ts';
import type { ItemResult } from './run.ts';
import type { ErratumDefinition } from './erratum.ts';
import type { LedgerPlace } from '../ledger/places.ts';
import { plotData } from './plotData.ts';
import type { OracleContext } from './context.ts';
import { TOLERANCE_MODEL } from './tolerance.ts';
import { compareItems } from './order.ts';
import { recorded, replacer } from './json.ts';

export const RESULTS_DIR = fileURLToPath(new URL('../../reports/.results/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch { return 'unknown'; }
}

export interface ItemRecord {
  id: string; kind: ItemDefinition['kind']; section: string; quote: string; statement: string;
  printed?: string; formula?: string; condition?: string; correction?: ItemDefinition['correction']; reason?: string;
  reading?: string; errata?: string[]; notes?: string;
  expectedVerdict: ItemDefinition['expectedVerdict'];
  file: string;
  /** The units of the sentence ledger that list this item (empty when the ledger is not loaded). */
  sentences: LedgerPlace[];
  result: ItemResult;
}

export function itemRecord(item: ItemDefinition, file: string, result: ItemResult, sentences: LedgerPlace[] = []): ItemRecord {
  const { id, kind, section, quote, statement, printed, formula, condition, correction, reason, reading, errata, notes, expectedVerdict } = item;
  return { id, kind, section, quote, statement, printed, formula, condition, correction, reason, reading, errata, notes, expectedVerdict, file, sentences, result };
}

/**
 * The commit the run measured (`git rev-parse HEAD`, with "+dirty" when the tree has changes, untracked
 * files included) and when it ran; no commit when the tree is not a git checkout.
 */
export function provenance(root = ROOT): { commit?: string; date: string } {
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', 'HEAD');
    return { commit: git('status', '--porcelain') ? `${commit}+dirty` : commit, date };
  } catch { return { date }; }
}

export { replacer, recorded } from './json.ts';

/** What one conformance part (one worker's share of the items) records about its run, besides the items. */
export interface ContextRecord {
  part: { index: number; count: number };
  /** The ids dealt to this part: an id without a record means its test threw before recording. */
  dealt: string[];
  generated: {
    seed: number; runs: number; hessianRuns: number; backend: string; subject: string;
    versions: Record<string, string>; toleranceModel: typeof TOLERANCE_MODEL;
    /** What the run measured and when (provenance); every report shows them. */
    commit?: string; date?: string;
  };
  oracleFindings: {
    tfjs: OracleContext['tfjs']['qualification'];
    eigen: ReturnType<OracleContext['eigenFindings']>;
    eigenOracle: string;
    /** Every reference this part qualified (spec/engine/references.ts). */
    references: ReturnType<OracleContext['refs']['findings']>;
  };
  errata: ErratumDefinition[];
  plots?: ReturnType<typeof plotData>;
}

/**
 * A part's record of its run. Part 1 also measures both eigen libraries for the oracle findings (numeric
 * is slow, so the other parts skip it) and the report's plot data.
 */
export function contextRecord(ctx: OracleContext, part: { index: number; count: number }, dealt: string[], errata: ErratumDefinition[]): ContextRecord {
  const first = part.index === 1;
  return recorded({
    part, dealt,
    generated: {
      seed: ctx.config.seed, runs: ctx.config.runs, hessianRuns: ctx.config.hessianRuns,
      backend: `tfjs-${ctx.tfjs.runtime.backend}`, subject: ctx.subject.id,
      versions: {
        node: process.version, tfjs: ctx.tfjs.runtime.version, 'fast-check': versionOf('fast-check'),
        numeric: versionOf('numeric'), 'ml-matrix': versionOf('ml-matrix'),
      },
      toleranceModel: TOLERANCE_MODEL,
      ...provenance(),
    },
    oracleFindings: {
      tfjs: ctx.tfjs.qualification, eigen: first ? ctx.eigenFindings() : ctx.eigenQualification, eigenOracle: ctx.eigen.label,
      references: ctx.refs.findings(),
    },
    errata,
    ...(first ? { plots: plotData() } : {}),
  });
}

export interface ResultsFile {
  generated: ContextRecord['generated'] & { parts: number };
  oracleFindings: ContextRecord['oracleFindings'];
  errata: ErratumDefinition[];
  plots?: ContextRecord['plots'];
  /** Ids dealt to a part that recorded no result (their test threw). */
  missing: string[];
  items: ItemRecord[];
}

/**
 * One run's results from its parts' records: header from part 1, each reference's qualification as first
 * recorded (every part qualifies the references it used), items in registry order. Undefined when a part
 * did not record (it was filtered out, or its worker died), so a partial run never replaces a full one.
 */
export function assembleResults(contexts: ContextRecord[], items: ItemRecord[]): ResultsFile | undefined {
  const first = contexts.find((c) => c.part.index === 1);
  if (!first || contexts.length !== first.part.count) return undefined;
  const references = new Map<string, ContextRecord['oracleFindings']['references'][number]>();
  for (const c of [...contexts].sort((a, b) => a.part.index - b.part.index)) {
    for (const r of c.oracleFindings.references) if (!references.has(r.id)) references.set(r.id, r);
  }
  const recordedIds = new Set(items.map((i) => i.id));
  return {
    generated: { ...first.generated, parts: first.part.count },
    oracleFindings: { ...first.oracleFindings, references: [...references.values()] },
    errata: first.errata,
    ...(first.plots ? { plots: first.plots } : {}),
    missing: contexts.flatMap((c) => c.dealt).filter((id) => !recordedIds.has(id)),
    items: [...items].sort(compareItems),
  };
}

export function writeResults(name: string, results: ResultsFile, resultsDir = RESULTS_DIR): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(results, replacer, 2)}\n`);
  return file;
}
