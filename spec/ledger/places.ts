// Where an item sits in the sentence ledger: the units that list it, whether its quote is the whole unit
// or a part of it, and what accounts for the rest of the unit (the other items listed there, or the
// entry's classification). The report shows this, so a reader sees when an item checks only a clause.
import type { SectionLedger } from './entry.ts';
import { normalise, type SourceUnit } from './segment.ts';

export interface LedgerPlace {
  section: string;
  at: number;
  words: string;
  /** true when the quote is (nearly) the whole unit; undefined when the source is not available. */
  whole?: boolean;
  /** Other items listed at the same unit. */
  others: string[];
  /** The entry's classification of what no item there checks, with its reason. */
  rest?: { class: string; reason?: string };
}

/** Punctuation and markup do not count when comparing a quote with its sentence. */
const content = (s: string) => normalise(s).replace(/[\p{P}\p{S}*$]/gu, '');

export function ledgerPlaces(itemId: string, quote: string, ledgers: SectionLedger[], units?: SourceUnit[]): LedgerPlace[] {
  const places: LedgerPlace[] = [];
  for (const { section, entries } of ledgers) {
    for (const e of entries) {
      if (!e.items?.includes(itemId)) continue;
      const unit = units?.find((u) => u.section === section && u.at === e.at);
      // A quote that covers at least 90% of the unit's content is the whole unit.
      const whole = unit ? content(quote).length >= 0.9 * content(unit.text).length : undefined;
      places.push({
        section, at: e.at, words: e.words, ...(whole !== undefined ? { whole } : {}),
        others: e.items.filter((id) => id !== itemId),
        ...(e.class ? { rest: { class: e.class, ...(e.reason ? { reason: e.reason } : {}) } } : {}),
      });
    }
  }
  return places;
}
