// Recorded results: what the engine measured, with each item's metadata, written as JSON under
// reports/.results/. reports/ renders the report from these files only.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ItemDefinition } from './item.ts';
import type { ItemResult } from './run.ts';
import type { ErratumDefinition } from './erratum.ts';
import type { LedgerPlace } from '../ledger/places.ts';
import { plotData } from './plotData.ts';
import type { OracleContext } from './context.ts';
import { TOLERANCE_MODEL } from './tolerance.ts';
import { compareItems } from './registry.ts';

export const RESULTS_DIR = fileURLToPath(new URL('../../reports/.results/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch { return 'unknown'; }
}

export interface ItemRecord {
  id: string; kind: ItemDefinition['kind']; section: string; quote: string; statement: string;
  printed?: string; condition?: string; correction?: ItemDefinition['correction']; reason?: string;
  reading?: string; errata?: string[]; notes?: string;
  expectedVerdict: ItemDefinition['expectedVerdict'];
  file: string;
  /** The units of the sentence ledger that list this item (empty when the ledger is not loaded). */
  sentences: LedgerPlace[];
  result: ItemResult;
}

export function itemRecord(item: ItemDefinition, file: string, result: ItemResult, sentences: LedgerPlace[] = []): ItemRecord {
  const { id, kind, section, quote, statement, printed, condition, correction, reason, reading, errata, notes, expectedVerdict } = item;
  return { id, kind, section, quote, statement, printed, condition, correction, reason, reading, errata, notes, expectedVerdict, file, sentences, result };
}

/** JSON cannot hold ±Infinity or NaN; they are written as strings so nothing is silently lost. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

/** Which part of a run a results file holds (the conformance suite runs as several vitest files). */
export interface RunPart { index: number; count: number }

function payloadOf(ctx: OracleContext, items: ItemRecord[], withEigenFindings: boolean, part?: RunPart, errata: ErratumDefinition[] = []) {
  return {
    generated: {
      seed: ctx.config.seed, runs: ctx.config.runs, hessianRuns: ctx.config.hessianRuns,
      backend: `tfjs-${ctx.tfjs.runtime.backend}`,
      versions: {
        node: process.version, tfjs: ctx.tfjs.runtime.version, 'fast-check': versionOf('fast-check'),
        numeric: versionOf('numeric'), 'ml-matrix': versionOf('ml-matrix'),
      },
      toleranceModel: TOLERANCE_MODEL,
      ...(part ? { part } : {}),
    },
    oracleFindings: {
      tfjs: ctx.tfjs.qualification, eigen: withEigenFindings ? ctx.eigenFindings() : ctx.eigenQualification, eigenOracle: ctx.eigen.label,
    },
    /** The errata (spec/errata/); the items that evidence each are those naming it in `errata`. */
    errata,
    /** The report's plot data (part 1 only: the merged file takes it from there). */
    ...(withEigenFindings ? { plots: plotData() } : {}),
    items,
  };
}

/**
 * Parts of runs in progress, one directory per vitest run (its main process id), so two runs at once
 * (a full suite and a LOSSCHECK_ONLY run) never mix or delete each other's parts.
 */
const partsDir = (resultsDir: string) => join(resultsDir, 'parts');
const runDir = (resultsDir: string, run: string) => join(partsDir(resultsDir), run);
const partFile = (resultsDir: string, run: string, name: string, part: RunPart) => join(runDir(resultsDir, run), `${name}.part-${part.index}-of-${part.count}.json`);
const PART_FILE = /^(.+)\.part-(\d+)-of-(\d+)\.json$/;

/**
 * One part's results. Part 1 also measures both eigen libraries for the oracle findings (numeric is
 * slow, so the other parts skip it); the merged file takes its findings from part 1.
 */
export function writeResultsPart(
  run: string, name: string, part: RunPart, ctx: OracleContext, items: ItemRecord[], resultsDir = RESULTS_DIR,
  errata: ErratumDefinition[] = [],
): string {
  mkdirSync(runDir(resultsDir, run), { recursive: true });
  const file = partFile(resultsDir, run, name, part);
  writeFileSync(file, `${JSON.stringify(payloadOf(ctx, items, part.index === 1, part, errata), replacer, 2)}\n`);
  return file;
}

/**
 * A part that holds no item (LOSSCHECK_ONLY selected fewer items than there are parts). Its tests are all
 * skipped, so no hook runs and there is no context: it writes an empty part when it is collected, so the
 * merge still sees a complete set. (Items are dealt from part 1 on, so part 1 is never empty.)
 */
export function writeEmptyResultsPart(run: string, name: string, part: RunPart, resultsDir = RESULTS_DIR): string {
  mkdirSync(runDir(resultsDir, run), { recursive: true });
  const file = partFile(resultsDir, run, name, part);
  writeFileSync(file, `${JSON.stringify({ generated: null, oracleFindings: null, items: [] })}\n`);
  return file;
}

/** Removes the part directories of runs whose process is gone (killed before it could merge). */
export function clearStaleResultParts(resultsDir = RESULTS_DIR): void {
  if (!existsSync(partsDir(resultsDir))) return;
  for (const run of readdirSync(partsDir(resultsDir))) {
    const pid = Number(run);
    let alive = false;
    try { alive = Number.isSafeInteger(pid) && pid > 0 && process.kill(pid, 0); } catch { alive = false; }
    if (!alive) rmSync(runDir(resultsDir, run), { recursive: true, force: true });
  }
}

/**
 * Merges every complete set of parts of `run` into `<name>.json` (items in registry order, header and
 * oracle findings from part 1) and removes the parts. An incomplete set (a part file was not run, or
 * its worker died) is left alone and reported, so a partial run never replaces a full one.
 */
export function mergeResultParts(run: string, resultsDir = RESULTS_DIR): { written: string[]; incomplete: string[] } {
  const written: string[] = [], incomplete: string[] = [];
  const dir = runDir(resultsDir, run);
  if (!existsSync(dir)) return { written, incomplete };
  const groups = new Map<string, Map<number, string>>();
  for (const f of readdirSync(dir)) {
    const m = PART_FILE.exec(f);
    if (!m) continue;
    const key = `${m[1]}|${m[3]}`;
    if (!groups.has(key)) groups.set(key, new Map());
    groups.get(key)!.set(Number(m[2]), join(dir, f));
  }
  for (const [key, parts] of groups) {
    const [name, count] = [key.split('|')[0]!, Number(key.split('|')[1])];
    if (parts.size !== count) { incomplete.push(`${name}: ${parts.size} of ${count} parts`); continue; }
    const payloads = [...parts.entries()].sort(([a], [b]) => a - b)
      .map(([, file]) => JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof payloadOf>);
    const first = payloads[0]!;
    if (!first.generated) { incomplete.push(`${name}: part 1 recorded no item`); continue; }
    const { part: _part, ...generated } = first.generated;
    const items = payloads.flatMap((p) => p.items).sort(compareItems);
    const file = join(resultsDir, `${name}.json`);
    writeFileSync(file, `${JSON.stringify({ generated: { ...generated, parts: count }, oracleFindings: first.oracleFindings, errata: first.errata ?? [], ...(first.plots ? { plots: first.plots } : {}), items }, null, 2)}\n`);
    written.push(file);
  }
  rmSync(dir, { recursive: true, force: true });
  return { written, incomplete };
}
