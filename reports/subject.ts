// The subject's conformance as the reports show it, apart from the audit: the recorded checks of role
// 'subject' (the implementation under test against an independent reference), grouped per LossApi
// function as pass, fail (with the counterexample and its replay) or skipped (with the reason). The
// same grouping as spec/engine/conformance.ts byFunction, re-derived from the recorded check records
// (reports/ does not import spec/); grouping only, no math.
import type { CheckRecord, Counterexample, ResultsFile } from './model.ts';

export type SubjectStatus = 'pass' | 'fail' | 'skipped';

export interface SubjectCheckRow {
  item: string; check: string; functions: string[]; status: SubjectStatus; reference: string;
  /** The recorded check (measured vs tolerance, margin, cases, seed). */
  record: CheckRecord;
  skipped?: string; counterexample?: Counterexample;
}

export interface SubjectFunctionRow {
  name: string; status: SubjectStatus;
  /** Its checks, failing first. */
  checks: SubjectCheckRow[];
  /** When every check of the function was skipped: the first reason. */
  skippedBecause?: string;
}

export interface SubjectConformance {
  /** The subject the checks ran against ('impl', 'tfjs', a module path). */
  subject: string;
  rows: SubjectCheckRow[];
  functions: SubjectFunctionRow[];
  counts: Record<SubjectStatus, number>;
}

/** A check that names no function still shows up, under this name. */
export const NO_FUNCTION = '(no function named)';

const statusOf = (c: CheckRecord): SubjectStatus => (c.skipped ? 'skipped' : c.passed ? 'pass' : 'fail');
const STATUS_RANK: Record<SubjectStatus, number> = { fail: 0, pass: 1, skipped: 2 };

/** Per function: fail if any of its checks fails, skipped if all are skipped, else pass. Undefined when no subject check was recorded. */
export function subjectConformance(results: Pick<ResultsFile, 'items' | 'generated'>): SubjectConformance | undefined {
  const rows: SubjectCheckRow[] = results.items.flatMap((it) => it.result.checks.filter((c) => c.role === 'subject').map((c) => ({
    item: it.id, check: c.name, functions: c.subject?.functions.length ? c.subject.functions : [NO_FUNCTION],
    status: statusOf(c), reference: c.oracle, record: c,
    ...(c.skipped ? { skipped: c.skipped } : {}), ...(c.counterexample ? { counterexample: c.counterexample } : {}),
  })));
  if (!rows.length) return undefined;
  const names = [...new Set(rows.flatMap((r) => r.functions))].sort((a, b) => (a === NO_FUNCTION ? 1 : b === NO_FUNCTION ? -1 : a.localeCompare(b)));
  const functions = names.map((name): SubjectFunctionRow => {
    const checks = rows.filter((r) => r.functions.includes(name)).sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
    const status: SubjectStatus = checks.some((r) => r.status === 'fail') ? 'fail' : checks.some((r) => r.status === 'pass') ? 'pass' : 'skipped';
    return { name, status, checks, ...(status === 'skipped' ? { skippedBecause: checks[0]!.skipped } : {}) };
  });
  const counts: Record<SubjectStatus, number> = { pass: 0, fail: 0, skipped: 0 };
  for (const f of functions) counts[f.status]++;
  const subject = rows.find((r) => r.record.subject?.id)?.record.subject?.id ?? results.generated.subject ?? 'impl';
  return { subject, rows, functions, counts };
}

/** "12 functions: 10 pass, 1 fail, 1 skipped (31 checks)". */
export function subjectSummary(s: SubjectConformance): string {
  const parts = (['pass', 'fail', 'skipped'] as const).filter((k) => s.counts[k]).map((k) => `${s.counts[k]} ${k}`);
  return `${s.functions.length} ${s.functions.length === 1 ? 'function' : 'functions'}: ${parts.join(', ')} (${s.rows.length} ${s.rows.length === 1 ? 'check' : 'checks'})`;
}

/** What each status means (the HTML's tooltips, the Markdown's legend). */
export const SUBJECT_STATUS_MEANING: Record<SubjectStatus, string> = {
  pass: 'every check of this function that ran passes',
  fail: 'a check of this function misses its tolerance: the counterexample and its replay are shown',
  skipped: 'no check of this function ran: the subject lacks the function or the capability (the reason is shown)',
};
