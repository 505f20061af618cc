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

