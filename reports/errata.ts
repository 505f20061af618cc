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

/** Where an item sits in the ledger, in words: "the whole of §4.3.2 #2" or "part of §4.3.2 #2 (rest: …)". */
export function placeText(it: ItemRecord): string | undefined {
  const places = it.sentences ?? [];
  if (!places.length) return undefined;
  return places.map((p) => {
    const where = `§${p.section} #${p.at} (${p.words}…)`;
    if (p.whole !== false) return `${p.whole ? 'the whole of ' : ''}${where}`;
    const rest = [
      ...(p.others.length ? [`also checked by ${p.others.join(', ')}`] : []),
      ...(p.rest ? [`${p.rest.class}${p.rest.reason ? `: ${p.rest.reason}` : ''}`] : []),
    ];
    return `part of ${where}${rest.length ? `; the rest: ${rest.join('; ')}` : ''}`;
  }).join(' · ');
}
