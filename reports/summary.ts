// Counts of verdicts, overall and per subsection.
import type { ItemRecord } from './model.ts';

export const VERDICT_ORDER = ['holds', 'refuted', 'conditional', 'definition', 'not-checkable', 'borderline', 'inconclusive'];

export function totals(items: ItemRecord[]): { byVerdict: Record<string, number>; bySection: Record<string, Record<string, number>> } {
  const byVerdict: Record<string, number> = {};
  const bySection: Record<string, Record<string, number>> = {};
  for (const it of items) {
    const v = it.result.verdict;
    byVerdict[v] = (byVerdict[v] ?? 0) + 1;
    (bySection[it.section] ??= {})[v] = (bySection[it.section]![v] ?? 0) + 1;
  }
  return { byVerdict, bySection };
}


/**
 * What each verdict means, for the legend at the top of the reports and the badges' tooltips. `margin` is
 * the run's refutation margin (generated.toleranceModel.refutationMargin), never typed here.
 */
export function verdictMeanings(margin: unknown): Record<string, string> {
  const m = String(margin ?? '?');
  return {
    holds: 'every check of the statement passes',
    refuted: `a check of the statement misses its tolerance by ${m}× or more (a shrunk, replayable counterexample), and a correction's own checks pass`,
    conditional: 'holds under a named condition or convention and fails clearly without it: both sides are checked',
    definition: 'a definition: its stated properties are checked',
    'not-checkable': 'cannot be checked numerically: the reason is given',
    borderline: `a check fails, but by less than ${m}× its tolerance: neither shown nor refuted`,
    inconclusive: 'the evidence decides nothing (a must-pass check failed, or no witness and no negation)',
  };
}
