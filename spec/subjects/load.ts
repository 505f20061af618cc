// Which implementation to check: 'impl' (the default), 'tfjs' (its public API), or a path to a module
// that exports any of impl/index.ts's names with impl/'s signatures (.ts files load through tsx).
import { isAbsolute, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { IMPL_SUBJECT, moduleSubject, type Subject } from '../engine/subject.ts';
import { tfjsSubject } from './tfjs.ts';

export class SubjectError extends Error {
  constructor(message: string) { super(message); this.name = 'SubjectError'; }
}

export async function loadSubject(spec: string, cwd = process.cwd()): Promise<Subject> {
  if (spec === 'impl') return IMPL_SUBJECT;
  if (spec === 'tfjs') return tfjsSubject();
  const path = isAbsolute(spec) ? spec : resolve(cwd, spec);
  if (!existsSync(path)) throw new SubjectError(`--subject: no such module '${spec}' (give 'impl', 'tfjs' or a path to a module exporting impl/'s names)`);
  let mod: Record<string, unknown>;
  try {
    try {
      mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (first) {
      // Under tsx, a .ts module outside this package (no "type": "module" beside it) loads as CommonJS and a
      // cycle of re-exports then fails: tsx's own loader takes it as an ES module.
      if (!/\.[cm]?ts$/.test(path)) throw first;
      mod = (await (await import('tsx/esm/api')).tsImport(pathToFileURL(path).href, import.meta.url)) as Record<string, unknown>;
    }
  } catch (e) {
    throw new SubjectError(`--subject: '${spec}' does not load: ${e instanceof Error ? e.message : String(e)}`);
  }
  // A module loaded as CommonJS (a .ts file with no "type": "module" beside it) arrives as { default: exports, …the
  // names Node could detect }: its exports are those of `default` (re-exports are only there).
  if (typeof mod.default === 'object' && mod.default !== null) mod = { ...(mod.default as Record<string, unknown>), ...mod };
  const subject = moduleSubject(spec, mod);
  if (!Object.keys(subject.api).length) throw new SubjectError(`--subject: '${spec}' exports none of impl/'s function names (softmax, crossEntropyFromLogits, …)`);
  return subject;
}
