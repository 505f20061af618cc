// The file system is the registry: every .ts file under spec/items/ default-exports one item.
// Adding a claim is adding a file; nothing else lists items.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ItemDefinition } from './item.ts';
import type { ErratumDefinition } from './erratum.ts';
import type { SectionLedger } from '../ledger/entry.ts';
import { compareItems } from './order.ts';

export const ITEMS_DIR = fileURLToPath(new URL('../items/', import.meta.url));
export const ERRATA_DIR = fileURLToPath(new URL('../errata/', import.meta.url));
export const LEDGER_DIR = fileURLToPath(new URL('../ledger/', import.meta.url));

export interface RegisteredItem { file: string; item: ItemDefinition }

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return listFiles(full);
    return e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  }));
  return nested.flat().sort();
}

export { compareItems } from './order.ts';

/** Default exports of every .ts file under dir (recursively, sorted by path) that pass `accept`. */
async function loadDefaults<T>(dir: string, files: string[], accept: (v: unknown) => v is T, what: string): Promise<{ file: string; value: T }[]> {
  return Promise.all(files.map(async (file) => {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    if (!accept(mod.default)) throw new Error(`${relative(process.cwd(), file)} must default-export ${what}`);
    return { file: relative(process.cwd(), file), value: mod.default };
  }));
}

/** Every erratum under spec/errata/, by id. */
export async function loadErrata(dir: string = ERRATA_DIR): Promise<ErratumDefinition[]> {
  const isErratum = (v: unknown): v is ErratumDefinition => typeof (v as ErratumDefinition)?.id === 'string' && typeof (v as ErratumDefinition).severity === 'string';
  const loaded = await loadDefaults(dir, await listFiles(dir), isErratum, 'an erratum made with defineErratum()');
  const ids = loaded.map(({ value }) => value.id);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) throw new Error(`erratum ids defined twice: ${twice.join(', ')}`);
  return loaded.map(({ value }) => value).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** The sentence ledger, one SectionLedger per file spec/ledger/4.3*.ts, in section order. */
export async function loadLedger(dir: string = LEDGER_DIR): Promise<SectionLedger[]> {
  const files = (await listFiles(dir)).filter((f) => /[\\/]4\.3(\.\d+)?\.ts$/.test(f));
  const isLedger = (v: unknown): v is SectionLedger => typeof (v as SectionLedger)?.section === 'string' && Array.isArray((v as SectionLedger).entries);
  const loaded = await loadDefaults(dir, files, isLedger, 'a section ledger made with ledger()');
  return loaded.map(({ value }) => value).sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }));
}

export async function loadItems(dir: string = ITEMS_DIR): Promise<RegisteredItem[]> {
  const files = await listFiles(dir);
  const loaded = await Promise.all(files.map(async (file) => {
    const mod = (await import(pathToFileURL(file).href)) as { default?: ItemDefinition };
    if (!mod.default || typeof mod.default.id !== 'string') {
      throw new Error(`${relative(process.cwd(), file)} must default-export an item made with defineItem()`);
    }
    return { file: relative(process.cwd(), file), item: mod.default };
  }));
  const seen = new Map<string, string>();
  for (const { file, item } of loaded) {
    const other = seen.get(item.id);
    if (other) throw new Error(`item id '${item.id}' is defined twice: ${other} and ${file}`);
    seen.set(item.id, file);
  }
  return loaded.sort((a, b) => compareItems(a.item, b.item));
}
