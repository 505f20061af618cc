// The pure part of `npm run mutate`'s summary (scripts/mutation-summary.ts reads and writes the files):
// reads the equivalent-mutant list, classifies every mutant of a Stryker JSON report, and scores it.
// An equivalent mutant computes the same function as the original, so no test can kill it; the list
// must stay true, so a listed mutant that was killed, or that no longer exists, is reported as wrong.

export interface Mutant {
  id: string; mutatorName: string; replacement?: string; status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
export interface MutationReport { files: Record<string, { source: string; mutants: Mutant[] }> }
export interface EquivalentRow { mutator: string; reason: string }
export interface Tally { mutants: number; killed: number; timeout: number; survived: number; noCoverage: number; equivalent: number; ignored: number; errors: number }

/** `impl/file.ts:line:column` — the key the equivalent-mutant list uses (Stryker's own ids change between runs). */
const keyOf = (file: string, m: Mutant) => `${file}:${m.location.start.line}:${m.location.start.column}`;
/** The same with the end, `impl/file.ts:line:column-line:column`: for a start and replacement shared by several mutants. */
const rangeKeyOf = (file: string, m: Mutant) => `${keyOf(file, m)}-${m.location.end.line}:${m.location.end.column}`;

/**
 * Rows of the markdown table: | `impl/x.ts:12:5` | Mutator | `replacement as Stryker reports it` | reason |,
 * keyed by location and the exact replacement (one spot can carry several mutants: `x <= y` → `false`,
 * → `x < y`, → `x >= y`). The location may end in `-line:column` (the mutated range's end) where one start
 * carries the same replacement for nested expressions (`a || b || c` → `false` at `a`, at `a || b`, at the whole).
 */
export function parseEquivalentList(markdown: string): Map<string, EquivalentRow> {
  const list = new Map<string, EquivalentRow>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const location = /^`(impl\/[^`]+:\d+:\d+(?:-\d+:\d+)?)`$/.exec(cells[1] ?? '');
    const replacement = /^`(.*)`$/.exec(cells[3] ?? '')?.[1];
    if (location && replacement !== undefined) list.set(`${location[1]!} ${replacement}`, { mutator: cells[2]!, reason: cells[4] ?? '' });
  }
  return list;
}

/** The source text the mutant replaced (Stryker locations: 1-based lines, 0-based columns). */
function original(lines: string[], m: Mutant): string {
  const { start, end } = m.location;
  if (start.line === end.line) return lines[start.line - 1]!.slice(start.column, end.column);
  return [lines[start.line - 1]!.slice(start.column), ...lines.slice(start.line, end.line - 1), lines[end.line - 1]!.slice(0, end.column)]
    .map((l) => l.trim()).join(' ');
}

const tally = (): Tally => ({ mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0, ignored: 0, errors: 0 });

/** Detected over valid mutants, in percent; `withoutEquivalent` sets the listed equivalent mutants aside. */
export function mutationScore(t: Tally, withoutEquivalent: boolean): number {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage + (withoutEquivalent ? 0 : t.equivalent);
  return valid === 0 ? 100 : (100 * (t.killed + t.timeout)) / valid;
}

export interface MutationSummary {
  total: Tally;
  files: Record<string, Tally>;
  /** Survived or not covered, and not listed: each needs a new property or a row with its reason. */
  unexplained: string[];
  /** Rows of the list that are not true of this report (killed, or no such mutant). */
  wrongEquivalent: string[];
}

export function summariseMutation(report: MutationReport, equivalent: Map<string, EquivalentRow>): MutationSummary {
  const detected = new Set(['Killed', 'Timeout']);
  const counted = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
  const total = tally();
  const files: Record<string, Tally> = {};
  const unexplained: string[] = [];
  const wrongEquivalent: string[] = [];
  const seenEquivalent = new Set<string>();
  for (const [file, { source, mutants }] of Object.entries(report.files)) {
    const t = (files[file] = tally());
    const lines = source.split('\n');
    for (const m of mutants) {
      const listedKey = [rangeKeyOf(file, m), keyOf(file, m)].map((k) => `${k} ${m.replacement ?? ''}`).find((k) => equivalent.has(k));
      const listed = listedKey !== undefined && equivalent.get(listedKey)!.mutator === m.mutatorName;
      for (const x of [t, total]) {
        x.mutants++;
        if (m.status === 'Killed') x.killed++;
        else if (m.status === 'Timeout') x.timeout++;
        else if (m.status === 'Ignored') x.ignored++;
        else if (!counted.has(m.status)) x.errors++;
        else if (listed) x.equivalent++;
        else if (m.status === 'Survived') x.survived++;
        else x.noCoverage++;
      }
      if (listed) {
        seenEquivalent.add(listedKey!);
        if (detected.has(m.status)) wrongEquivalent.push(`${listedKey!.split(' ')[0]} (${m.mutatorName}) is listed as equivalent but was ${m.status}`);
      } else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        unexplained.push(`${keyOf(file, m)} ${m.status} ${m.mutatorName}: ${original(lines, m).slice(0, 120)}  →  ${(m.replacement ?? '').slice(0, 120)}`);
      }
    }
  }
  for (const key of equivalent.keys()) if (!seenEquivalent.has(key)) wrongEquivalent.push(`${key} is listed as equivalent but no such mutant exists (the code moved: update the list)`);
  return { total, files, unexplained, wrongEquivalent };
}
