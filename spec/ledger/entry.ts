// The sentence ledger: every unit of the audited text (spec/ledger/segment.ts) is accounted for, either
// by the items that check what it asserts or by a classification with a reason. One file per section,
// spec/ledger/<section>.ts; spec/_meta/ledger.test.ts holds it against the source. An entry names its
// unit by position and hash plus a few words, so the project never carries the document itself.

/** Why a unit has no item of its own. */
export const LEDGER_CLASSES = {
  'no-math': 'asserts nothing mathematical (framing, a transition, a heading-like lead-in, a definition of a symbol used by an item)',
  restates: 'says again what an item already checks (name it in `restates`)',
  'forward-reference': 'points to material outside this section',
  motivation: 'motivation or interpretation with no checkable content beyond what the named items check',
} as const;
export type LedgerClass = keyof typeof LEDGER_CLASSES;

export interface LedgerEntry {
  /** Position of the unit within its section (segment.ts), from 1. */
  at: number;
  /** unitHash of the unit's text: when the text changes, the entry must be revisited. */
  hash: string;
  /** A few words of the unit (at most 12 characters), for the reader of this file. */
  words: string;
  /** The items that check what the unit asserts (each clause that asserts something maps to one). */
  items?: string[];
  /** Otherwise (or for the clauses no item checks): why not. */
  class?: LedgerClass;
  /** With class 'restates': the item that already checks it. */
  restates?: string;
  /** Why the class applies (and, with items, which clause is left unchecked and why). */
  reason?: string;
}

export interface SectionLedger { section: string; entries: LedgerEntry[] }

export function ledger(section: string, entries: LedgerEntry[]): SectionLedger {
  return { section, entries };
}
