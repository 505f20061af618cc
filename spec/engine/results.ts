// Recorded results: what the engine measured, with each item's metadata, written as JSON under
// reports/.results/. reports/ renders the report from these files only.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ItemDefinition } from './item.ts';
import type { ItemResult } from './run.ts';
import type { OracleContext } from './context.ts';
import { TOLERANCE_MODEL } from './tolerance.ts';

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
  expectedVerdict: ItemDefinition['expectedVerdict'];
  file: string;
  result: ItemResult;
}

export function itemRecord(item: ItemDefinition, file: string, result: ItemResult): ItemRecord {
  const { id, kind, section, quote, statement, printed, condition, correction, reason, expectedVerdict } = item;
  return { id, kind, section, quote, statement, printed, condition, correction, reason, expectedVerdict, file, result };
}

/** JSON cannot hold ±Infinity or NaN; they are written as strings so nothing is silently lost. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

export function writeResults(name: string, ctx: OracleContext, items: ItemRecord[]): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  const payload = {
    generated: {
      seed: ctx.config.seed, runs: ctx.config.runs, hessianRuns: ctx.config.hessianRuns,
      backend: `tfjs-${ctx.tfjs.runtime.backend}`,
      versions: {
        node: process.version, tfjs: ctx.tfjs.runtime.version, 'fast-check': versionOf('fast-check'),
        numeric: versionOf('numeric'), 'ml-matrix': versionOf('ml-matrix'),
      },
      toleranceModel: TOLERANCE_MODEL,
    },
    oracleFindings: { tfjs: ctx.tfjs.qualification, eigen: ctx.eigenQualification, eigenOracle: ctx.eigen.label },
    items,
  };
  writeFileSync(file, `${JSON.stringify(payload, replacer, 2)}\n`);
  return file;
}
