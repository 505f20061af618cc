// The subject's conformance, apart from the audit: every 'subject' check of every item, run against the
// implementation under test, and summarised per LossApi function as pass, fail (with a replayable
// counterexample) or skipped (with the reason). `losscheck conformance --subject PATH` runs only these
// checks; a normal run records them with its items and the report shows the same table for impl/.
import type { CheckDefinition, ItemDefinition, RunContext } from './item.ts';
import { runCheck, type CheckResult, type Counterexample } from './run.ts';
import { formatMargin } from './run.ts';

export type ConformanceStatus = 'pass' | 'fail' | 'skipped';

export interface ConformanceRow {
  functions: string[];
  item: string;
  check: string;
  status: ConformanceStatus;
  reference: string;
  cases: number;
  /** Why it was skipped, or how it failed. */
  detail?: string;
  margin?: number;
  counterexample?: Counterexample;
}

export interface FunctionConformance { name: string; status: ConformanceStatus; checks: number; failing: string[]; skippedBecause?: string }

export interface SubjectConformance {
  subject: { id: string; label: string; dtype: string };
  seed: number;
  rows: ConformanceRow[];
  functions: FunctionConformance[];
}

/** One row from a recorded subject check. */
export function conformanceRow(item: string, c: CheckResult): ConformanceRow {
  const status: ConformanceStatus = c.skipped ? 'skipped' : c.passed ? 'pass' : 'fail';
  return {
    functions: c.subject?.functions ?? [], item, check: c.name, status, reference: c.oracle, cases: c.cases,
    ...(c.skipped ? { detail: c.skipped } : !c.passed ? { detail: `misses its tolerance by ${formatMargin(1 / c.margin)}×` } : {}),
    ...(c.skipped ? {} : { margin: c.margin }),
    ...(c.counterexample ? { counterexample: c.counterexample } : {}),
  };
}

/** Per function: fail if any of its checks fails, skipped if all are skipped, else pass. */
export function byFunction(rows: ConformanceRow[]): FunctionConformance[] {
  const names = [...new Set(rows.flatMap((r) => r.functions))].sort();
  return names.map((name) => {
    const mine = rows.filter((r) => r.functions.includes(name));
    const failing = mine.filter((r) => r.status === 'fail').map((r) => `${r.item}: ${r.check}`);
    const ran = mine.filter((r) => r.status !== 'skipped');
    const status: ConformanceStatus = failing.length ? 'fail' : ran.length ? 'pass' : 'skipped';
    return { name, status, checks: mine.length, failing, ...(status === 'skipped' ? { skippedBecause: mine[0]!.detail } : {}) };
  });
}

export function summarise(ctx: RunContext, rows: ConformanceRow[]): SubjectConformance {
  const { id, label, dtype } = ctx.subject;
  return { subject: { id, label, dtype }, seed: ctx.config.seed, rows, functions: byFunction(rows) };
}

const subjectChecks = (item: ItemDefinition) => item.checks.filter((c) => c.role === 'subject') as CheckDefinition<unknown>[];

/** Runs only the subject checks of the items against ctx.subject. */
export async function runSubjectConformance(
  items: readonly ItemDefinition[], ctx: RunContext,
  onCheck?: (event: { item: string; check: string; index: number; total: number; row?: ConformanceRow }) => void,
): Promise<SubjectConformance> {
  const work = items.flatMap((item) => subjectChecks(item).map((check) => ({ item, check })));
  const rows: ConformanceRow[] = [];
  for (const [index, { item, check }] of work.entries()) {
    onCheck?.({ item: item.id, check: check.name, index, total: work.length });
    const row = conformanceRow(item.id, await runCheck(check, ctx));
    rows.push(row);
    onCheck?.({ item: item.id, check: check.name, index, total: work.length, row });
  }
  return summarise(ctx, rows);
}
