// The items as the TypeScript CLI gets them: the index (cached; rebuilt by importing every item when a
// file it depends on changed), and the few items a command runs, imported one by one by their file.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ItemDefinition } from '../spec/engine/item.ts';
import type { Counterexample } from '../spec/engine/run.ts';
import { indexKey, readIndex, writeIndex, type IndexedItem, type ItemIndex } from './itemIndex.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEFAULT_ITEMS = join(ROOT, 'spec', 'items');

const list = <T>(x: T | readonly T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? [...(x as T[])] : [x as T]);

export function indexed(item: ItemDefinition, file: string): IndexedItem {
  const { id, kind, section, quote, statement, printed, formula, correction, condition, reason, reading, errata, expectedVerdict } = item;
  return {
    id, kind, section, quote, statement, expectedVerdict, file,
    ...(printed !== undefined ? { printed } : {}), ...(formula !== undefined ? { formula } : {}),
    ...(correction ? { correction } : {}), ...(condition !== undefined ? { condition } : {}), ...(reason !== undefined ? { reason } : {}),
    ...(reading !== undefined ? { reading } : {}), ...(errata?.length ? { errata } : {}),
    checks: item.checks.map((c) => ({
      name: c.name, role: c.role, quantifier: c.quantifier ?? 'forall', reference: list(c.reference).map(String), subject: list(c.subject).map(String),
    })),
  };
}

/**
 * The index of the items under `itemsDir` (default spec/items/, cached; another folder, as the tests
 * use, is indexed afresh each time).
 */
export async function loadIndex(itemsDir: string = DEFAULT_ITEMS): Promise<ItemIndex> {
  const own = resolve(itemsDir) === resolve(DEFAULT_ITEMS);
  const key = own ? indexKey(ROOT) : 'uncached';
  const cached = own ? readIndex(ROOT, key) : undefined;
  if (cached) return cached;
  const { loadItems } = await import('../spec/engine/registry.ts');
  const items = (await loadItems(itemsDir)).map(({ file, item }) => indexed(item, relative(ROOT, resolve(process.cwd(), file))));
  return own ? writeIndex(ROOT, key, items) : { version: 0, key, items };
}

export interface LoadedItem { file: string; item: ItemDefinition }

/** Imports just these items (by the index's file), checking each file still defines its id. */
export async function importItems(chosen: readonly IndexedItem[]): Promise<LoadedItem[]> {
  const loaded: LoadedItem[] = [];
  for (const it of chosen) {
    const path = isAbsolute(it.file) ? it.file : join(ROOT, it.file);
    const mod = (await import(pathToFileURL(path).href)) as { default?: ItemDefinition };
    if (mod.default?.id !== it.id) throw new Error(`${it.file} no longer defines item '${it.id}': run the command again (the index is rebuilt)`);
    loaded.push({ file: it.file, item: mod.default });
  }
  return loaded;
}

/**
 * The check whose recorded counterexample is at this seed and path, from the last recorded runs
 * (reports/.results: the main run, then partial runs), if one is.
 */
export function recordedCheckAt(id: string, seed: number, path: string, resultsDir = join(ROOT, 'reports', '.results')): string | undefined {
  if (!existsSync(resultsDir)) return undefined;
  const files = readdirSync(resultsDir).filter((f) => /^(conformance(-[\w]+)?|selected)\.json$/.test(f)).sort();
  for (const f of files) {
    try {
      const results = JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as { items?: { id: string; result: { checks: { name: string; counterexample?: Counterexample }[] } }[] };
      const item = results.items?.find((it) => it.id === id);
      const hit = item?.result.checks.find((c) => c.counterexample && c.counterexample.seed === seed && c.counterexample.path === path);
      if (hit) return hit.name;
    } catch { /* an unreadable file is no record */ }
  }
  return undefined;
}
