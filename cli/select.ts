// Which items a command means: ids, `all`, verdict names and globs over ids, narrowed by --verdict and
// --section. Pure (the index is passed in), so the fast path answers a typo without loading any item.
import { COMPUTED_ONLY_VERDICTS, SELECTABLE_VERDICTS, UsageError, nearestText, unknownName, type Selection } from './args.ts';

export interface Selectable { id: string; section: string; expectedVerdict: string }

/** A glob over ids: `*` any run of characters, `?` one character; case-insensitive, whole id. */
export function globToRegExp(glob: string): RegExp {
  const body = glob.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

const isGlob = (s: string) => /[*?]/.test(s);

/**
 * The selected items, in the index's (registry) order. A verdict name selects by recorded verdict; the
 * computed-only verdicts (inconclusive, borderline) by the last recorded run's. Throws a one-line
 * UsageError for a selector that matches nothing, with the nearest names.
 */
export function select<T extends Selectable>(items: readonly T[], sel: Selection, lastRun: ReadonlyMap<string, string> = new Map()): T[] {
  const computedOnly: readonly string[] = COMPUTED_ONLY_VERDICTS;
  const verdictOf = (it: T, v: string) => ((computedOnly.includes(v) ? lastRun.get(it.id) : it.expectedVerdict) === v);
  const chosen = new Set<T>();
  const unknown: string[] = [];
  for (const s of sel.selectors) {
    const exact = items.find((it) => it.id === s);
    let matched: T[];
    if (exact) matched = [exact];
    else if (s === 'all') matched = [...items];
    else if (SELECTABLE_VERDICTS.includes(s)) matched = items.filter((it) => verdictOf(it, s));
    else if (isGlob(s)) {
      const re = globToRegExp(s);
      matched = items.filter((it) => re.test(it.id));
      if (!matched.length) throw new UsageError(`no item id matches '${s}'${nearestText(s.replace(/[*?]/g, ''), items.map((it) => it.id))} (\`npx losscheck list\` shows all)`);
    } else { unknown.push(s); continue; }
    for (const it of matched) chosen.add(it);
  }
  if (unknown.length) {
    throw unknownName('item id', unknown[0]!, [...items.map((it) => it.id), ...SELECTABLE_VERDICTS, 'all'], unknown.slice(1));
  }
  const sections = [...new Set(items.map((it) => it.section))];
  for (const s of sel.sections) {
    if (!sections.some((x) => x === s || x.startsWith(`${s}.`))) throw new UsageError(`no item in section ${s}; sections: ${sections.join(', ')}`);
  }
  const base = sel.selectors.length ? items.filter((it) => chosen.has(it)) : [...items];
  return base.filter((it) =>
    (!sel.verdicts.length || sel.verdicts.some((v) => verdictOf(it, v))) &&
    (!sel.sections.length || sel.sections.some((s) => it.section === s || it.section.startsWith(`${s}.`))));
}
