// The errata list, as the reports show it: each distinct error the book prints, with the items whose
// recorded evidence shows it. Grouping and ordering only; the errata and the links come from the results.
import type { ErratumRecord, ItemRecord, ResultsFile } from './model.ts';

export const SEVERITY_ORDER = ['error', 'sign', 'typo', 'notation', 'imprecise'];
export const SEVERITY_MEANING: Record<string, string> = {
  error: 'the mathematics is wrong',
  sign: 'a sign is wrong, the rest is right',
  typo: 'a slip in writing a formula whose intent is clear',
  notation: 'a symbol used other than as defined nearby',
  imprecise: 'true only under a reading the text does not state',
};

export interface ErratumRow { erratum: ErratumRecord; evidence: { id: string; verdict: string }[] }

/** Errata by severity, then by where they are; each with the items that name it. */
export function errataRows(results: Pick<ResultsFile, 'errata' | 'items'>): ErratumRow[] {
  const rank = (s: string) => { const i = SEVERITY_ORDER.indexOf(s); return i < 0 ? SEVERITY_ORDER.length : i; };
  return [...(results.errata ?? [])]
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.where.localeCompare(b.where, 'en', { numeric: true }))
    .map((erratum) => ({
      erratum,
      evidence: results.items.filter((it: ItemRecord) => it.errata?.includes(erratum.id)).map((it) => ({ id: it.id, verdict: it.result.verdict })),
    }));
}

/** Distinct errors per severity (an erratum counts once however many items evidence it). */
export function errataCounts(results: Pick<ResultsFile, 'errata'>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of results.errata ?? []) counts[e.severity] = (counts[e.severity] ?? 0) + 1;
  return counts;
}

/** "12 errata: 5 error, 2 sign, …". */
export function errataSummary(results: Pick<ResultsFile, 'errata'>): string {
  const counts = errataCounts(results);
  const n = (results.errata ?? []).length;
  return `${n} distinct ${n === 1 ? 'erratum' : 'errata'}${n ? `: ${SEVERITY_ORDER.filter((s) => counts[s]).map((s) => `${counts[s]} ${s}`).join(', ')}` : ''}`;
}

/** One ledger unit an item checks, for reading: where, whether the item checks all of it, and what covers the rest. */
export interface PlaceView {
  /** "§4.3.2 #15 “这意味着…”" */
  where: string;
  /** 'whole' | 'part' | 'unknown' (the source was not available when the run recorded it). */
  extent: 'whole' | 'part' | 'unknown';
  /** Other items listed at the same unit. */
  others: string[];
  /** How the ledger classifies what no item there checks. */
  rest?: { class: string; reason?: string };
}

export function placeViews(it: Pick<ItemRecord, 'sentences'>): PlaceView[] {
  return (it.sentences ?? []).map((p) => ({
    where: `§${p.section} #${p.at} “${p.words}…”`,
    extent: p.whole === true ? 'whole' : p.whole === false ? 'part' : 'unknown',
    others: p.others, ...(p.rest ? { rest: p.rest } : {}),
  }));
}

/** The rest of a unit an item checks part of, in words. */
export function restText(v: PlaceView): string {
  const parts = [
    ...(v.others.length ? [`checked by ${v.others.join(', ')}`] : []),
    ...(v.rest ? [`not checked: ${v.rest.class}${v.rest.reason ? ` (${v.rest.reason})` : ''}`] : []),
  ];
  return parts.length ? parts.join('; ') : 'no other item, and no classification in the ledger';
}

/**
 * Where an item sits in the sentence ledger, in words: "checks all of §4.3.2 #2 “…”" or "checks part of
 * §4.3.2 #2 “…” (its quote); the rest: checked by …; not checked: motivation (…)".
 */
export function placeText(it: Pick<ItemRecord, 'sentences'>): string | undefined {
  const views = placeViews(it);
  if (!views.length) return undefined;
  return views.map((v) => v.extent === 'whole' ? `checks all of ${v.where}`
    : v.extent === 'part' ? `checks part of ${v.where} (its quote); the rest: ${restText(v)}`
    : `${v.where} (not compared with the source: it was not available to the run)${v.others.length || v.rest ? `; also there: ${restText(v)}` : ''}`).join(' · ');
}
