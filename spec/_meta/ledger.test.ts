// The sentence ledger against the audited text: every unit of the source (spec/ledger/segment.ts) has
// exactly one entry, with the same hash; every entry names existing items or gives a classification with
// a reason; every item is listed at the unit(s) its quote comes from. Needs the source (skipped without).
import { describe, expect, it } from 'vitest';
import { loadItems, loadLedger } from '../engine/registry.ts';
import { loadSource, SOURCE_HINT } from '../engine/source.ts';
import { LEDGER_CLASSES, type LedgerEntry } from '../ledger/entry.ts';
import { normalise, segment, type SourceUnit } from '../ledger/segment.ts';

const audited = loadSource();
const ledgers = await loadLedger();
const items = (await loadItems()).map(({ item }) => item);
const ids = new Set(items.map((it) => it.id));

describe('sentence ledger: entries', () => {
  for (const { section, entries } of ledgers) {
    it(`§${section}: every entry names existing items or a class with a reason`, () => {
      const problems: string[] = [];
      for (const e of entries) {
        const where = `§${section} #${e.at} (${e.words})`;
        if (e.words.length > 12) problems.push(`${where}: words must stay a few words (≤ 12 characters), not a copy of the sentence`);
        if (!/^[0-9a-f]{8}$/.test(e.hash)) problems.push(`${where}: hash must be 8 hex digits`);
        if (!e.items?.length && !e.class) problems.push(`${where}: neither items nor a class`);
        for (const id of e.items ?? []) if (!ids.has(id)) problems.push(`${where}: no item '${id}'`);
        if (e.class !== undefined && !(e.class in LEDGER_CLASSES)) problems.push(`${where}: unknown class '${e.class}' (${Object.keys(LEDGER_CLASSES).join(', ')})`);
        if (e.class && !e.items?.length && !(e.reason && e.reason.length > 10 && e.reason !== 'TODO')) problems.push(`${where}: class '${e.class}' needs a reason`);
        if (e.class === 'restates' && !(e.restates && ids.has(e.restates))) problems.push(`${where}: 'restates' must name an existing item`);
      }
      const positions = entries.map((e) => e.at);
      if (new Set(positions).size !== positions.length) problems.push(`§${section}: a position has two entries`);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});

describe.skipIf(!audited)('sentence ledger against the source', () => {
  const units = audited ? segment(audited.text) : [];
  const entryOf = new Map<string, LedgerEntry>();
  for (const { section, entries } of ledgers) for (const e of entries) entryOf.set(`${section}#${e.at}`, e);
  const sections = [...new Set(units.map((u) => u.section))];

  for (const section of sections) {
    it(`§${section}: every unit of the source is in the ledger, with its current hash`, () => {
      const mine = units.filter((u) => u.section === section);
      const problems = mine.flatMap((u) => {
        const e = entryOf.get(`${u.section}#${u.at}`);
        const text = normalise(u.text).slice(0, 24);
        if (!e) return [`§${u.section} #${u.at} (${u.hash}, “${text}…”) has no ledger entry`];
        if (e.hash !== u.hash) return [`§${u.section} #${u.at}: the text changed (hash ${u.hash}, ledger ${e.hash}, “${text}…”): revisit the entry`];
        return [];
      });
      const extra = (ledgers.find((l) => l.section === section)?.entries ?? []).filter((e) => e.at > mine.length);
      for (const e of extra) problems.push(`§${section} #${e.at}: the source has no such unit`);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
  it('no ledger section is missing from the source', () => {
    expect(ledgers.map((l) => l.section).filter((s) => !sections.includes(s))).toEqual([]);
  });

  it('every item is listed at the unit(s) its quote comes from', () => {
    const problems: string[] = [];
    for (const item of items) {
      const q = normalise(item.quote);
      const spans = spansContaining(units, q);
      if (!spans.length) { problems.push(`${item.id}: quote not found in the source`); continue; }
      const listed = spans.some((span) => span.every((u) => entryOf.get(`${u.section}#${u.at}`)?.items?.includes(item.id)));
      if (!listed) problems.push(`${item.id}: not listed at ${spans.map((s) => s.map((u) => `§${u.section} #${u.at}`).join('+')).join(' or ')}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
describe.skipIf(audited)('sentence ledger against the source', () => {
  it.skip(`not checked: ${SOURCE_HINT}`, () => {});
});

/** The shortest runs of consecutive units whose joined text contains q. */
function spansContaining(units: SourceUnit[], q: string): SourceUnit[][] {
  for (let len = 1; len <= 4; len++) {
    const found: SourceUnit[][] = [];
    for (let i = 0; i + len <= units.length; i++) {
      const span = units.slice(i, i + len);
      if (span.map((u) => normalise(u.text)).join('').includes(q)) found.push(span);
    }
    if (found.length) return found;
  }
  return [];
}
