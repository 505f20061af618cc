// How the CLI prints evidence: the reports' number format (fmt), THE margin text and the measured-vs-
// tolerance relation that holds (reports/markdown.ts), so a failing check never reads "measured ≤ tolerance"
// and ∞ is never printed raw.
import { fmt, marginText, measuredText } from '../reports/markdown.ts';
import { marginOf, type CaseRecord, type CheckReplay, type CheckResult, type Counterexample } from '../spec/engine/run.ts';
import type { Paint } from './io.ts';

export { fmt, marginText, measuredText };

/** A case's input as compact JSON: 6 significant digits, ∞ / −∞ / NaN by name (JSON would write null). */
export function inputText(value: unknown): string {
  return JSON.stringify(value, (_k, x) => {
    if (typeof x !== 'number') return x;
    if (Number.isNaN(x)) return 'NaN';
    if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
    return Number.isInteger(x) ? x : Number(x.toPrecision(6));
  }) ?? String(value);
}

/** "measured > tolerance (margin …)" for one case, with its note. */
export function caseText(c: CaseRecord, sense: 'atMost' | 'atLeast' = 'atMost'): string {
  const margin = marginOf({ value: c.value, bound: c.bound, sense });
  return `${measuredText({ maxError: c.value, tolerance: c.bound, sense, margin })} · margin ${marginText(margin)}${c.note ? ` — ${c.note}` : ''}`;
}

/** The sense of a failing case, read off its values (a failing "at most" case lies above its bound). */
export const failingSense = (c: CaseRecord): 'atMost' | 'atLeast' => (c.value < c.bound ? 'atLeast' : 'atMost');

/** A shell word: bare when safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function checkLines(c: CheckResult, p: Paint): string[] {
  if (c.skipped) return [`  ${p.dim('skip')} [${c.role}] ${c.name} — ${c.skipped}`];
  const status = c.passed ? p.green('pass') : p.red('FAIL');
  return [
    `  ${status} [${c.role}${c.quantifier === 'exists' ? ', exists' : ''}] ${c.name}`,
    `       ${measuredText(c)} · margin ${marginText(c.margin)} · ${c.cases} cases · seed ${c.seed} · ${c.oracle}`,
  ];
}

export function counterexampleLines(ce: Counterexample, sense: 'atMost' | 'atLeast', replay: string): string[] {
  return [
    `  counterexample (check “${ce.check}”, seed ${ce.seed}, path ${ce.path}, ${ce.shrinkSteps} shrink steps)`,
    `    shrunk: ${inputText(ce.shrunk.input)} → ${caseText(ce.shrunk, sense)}`,
    `    worst before shrinking: ${inputText(ce.worstBeforeShrinking.input)} → ${caseText(ce.worstBeforeShrinking, sense)}`,
    `    replay: ${replay}`,
  ];
}

/** One replayed case: what was measured, or why there was no case. */
export function replayLines(r: CheckReplay, p: Paint): string[] {
  const head = `  check “${r.check}” [${r.role}] · ${r.oracle}`;
  switch (r.outcome) {
    case 'fails':
    case 'passes':
      return [head, `    case: ${inputText(r.case!.input)}`,
        `    ${r.outcome === 'fails' ? p.red('fails') : p.green('passes')}: ${caseText(r.case!, r.sense)}`];
    case 'no-case': return [head, `    ${p.yellow('no case')} at path ${r.path} with seed ${r.seed}: ${r.message}`];
    case 'threw': return [head, `    ${p.red('threw')} on the case at path ${r.path}: ${r.message}`];
    case 'skipped': return [head, `    ${p.dim('skipped')}: ${r.message}`];
  }
}
