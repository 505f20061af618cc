// The index of items the CLI answers from without importing them: each item's header (id, section,
// statement, recorded verdict, …) and its checks' names and roles. It is built by importing every item
// (cli/commands.ts buildIndex) and cached in node_modules/.cache/losscheck/items-index.json, keyed by the
// path, size and modification time of every file an item header can depend on (spec/items, the support
// and domain modules, the engine, the errata, impl/): any change there rebuilds it on the next run.
// Node built-ins only: bin/losscheck.js compiles this into the CLI's fast path.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ItemDefinition } from '../spec/engine/item.ts';

/** Bumped when the shape of an index entry changes, so an old cache is rebuilt. */
export const INDEX_VERSION = 1;
/** Folders (relative to the repository root) whose .ts files the key covers. */
export const KEYED_DIRS = ['spec/items', 'spec/support', 'spec/domains', 'spec/engine', 'spec/errata', 'impl'] as const;

export interface IndexedCheck {
  name: string;
  role: string;
  quantifier: 'forall' | 'exists';
  reference: string[];
  /** The LossApi functions a subject check calls. */
  subject: string[];
}

/** An item's header as the index keeps it (the fields `list`, selection and `check` print need). */
export type IndexedItem = Pick<ItemDefinition, 'id' | 'kind' | 'section' | 'quote' | 'statement' | 'printed' | 'formula' | 'correction'
  | 'condition' | 'reason' | 'reading' | 'errata' | 'expectedVerdict'> & {
  /** Relative to the repository root. */
  file: string;
  checks: IndexedCheck[];
};

export interface ItemIndex { version: number; key: string; items: IndexedItem[] }

export const cacheDir = (root: string) => join(root, 'node_modules', '.cache', 'losscheck');
export const indexFile = (root: string) => join(cacheDir(root), 'items-index.json');

/** A digest of (path, size, mtime) of every .ts file under KEYED_DIRS. */
export function indexKey(root: string): string {
  const hash = createHash('sha1');
  for (const dir of KEYED_DIRS) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    const files = (readdirSync(abs, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
    for (const f of files) {
      const st = statSync(join(abs, f));
      hash.update(`${dir}/${f}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return `${INDEX_VERSION}:${hash.digest('hex')}`;
}

/** The cached index when it is current (its key is the files' key now), else undefined. */
export function readIndex(root: string, key: string = indexKey(root)): ItemIndex | undefined {
  try {
    const index = JSON.parse(readFileSync(indexFile(root), 'utf8')) as ItemIndex;
    return index.version === INDEX_VERSION && index.key === key ? index : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the index (atomically: a concurrent reader sees the old or the new file, never half of one). */
export function writeIndex(root: string, key: string, items: IndexedItem[]): ItemIndex {
  const index: ItemIndex = { version: INDEX_VERSION, key, items };
  try {
    mkdirSync(cacheDir(root), { recursive: true });
    const tmp = `${indexFile(root)}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(index));
    renameSync(tmp, indexFile(root));
  } catch { /* a read-only checkout: the index is rebuilt on each run */ }
  return index;
}

/** The main run's results files (as reports/build.ts loadResults reads them): conformance.json or its parts. */
export const RESULTS_FILE = /^conformance(-[\w]+)?\.json$/;

/** The verdicts of the last recorded full run (`npm test` → reports/.results), by id; empty when none. */
export function lastRunVerdicts(root: string): Map<string, string> {
  const dir = join(root, 'reports', '.results');
  const verdicts = new Map<string, string>();
  try {
    for (const f of readdirSync(dir).filter((f) => RESULTS_FILE.test(f)).sort()) {
      const results = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { items?: { id: string; result: { verdict: string } }[] };
      for (const it of results.items ?? []) verdicts.set(it.id, it.result.verdict);
    }
  } catch { /* no recorded run yet */ }
  return verdicts;
}
