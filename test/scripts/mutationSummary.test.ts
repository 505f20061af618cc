// The mutation summary is the gate that keeps test/impl/equivalent-mutants.md true: these cases check
// that it counts a listed survivor as equivalent, flags a listed mutant that was killed or no longer
// exists, prints an unlisted survivor, and tells nested mutants at one start apart by their end.
import { describe, expect, it } from 'vitest';
import { mutationScore, parseEquivalentList, summariseMutation, type Mutant, type MutationReport } from '../../scripts/mutationSummary.ts';

const SOURCE = 'if (a || b || c) x++;';
const at = (column: number, endColumn: number) => ({ start: { line: 1, column }, end: { line: 1, column: endColumn } });
const mutant = (id: string, status: string, mutatorName: string, replacement: string, column: number, endColumn: number): Mutant =>
  ({ id, status, mutatorName, replacement, location: at(column, endColumn) });
/** `false` at the whole condition (4–15), at `a || b` (4–10) and at `a` (4–5): one start, three mutants. */
const report = (statusOfA: string, statusOfWhole = 'Killed'): MutationReport => ({
  files: {
    'impl/x.ts': {
      source: SOURCE,
      mutants: [
        mutant('1', statusOfWhole, 'ConditionalExpression', 'false', 4, 15),
        mutant('2', 'Killed', 'ConditionalExpression', 'false', 4, 10),
        mutant('3', statusOfA, 'ConditionalExpression', 'false', 4, 5),
        mutant('4', 'Timeout', 'UpdateOperator', 'x--', 17, 20),
        mutant('5', 'Survived', 'EqualityOperator', 'b && c', 9, 15),
      ],
    },
  },
});
const table = (...rows: string[]) => ['| Location | Mutator | Replacement | Why |', '|---|---|---|---|', ...rows].join('\n');

describe('mutation summary', () => {
  it('reads rows with a start or a start-end location, keyed with the exact replacement', () => {
    const list = parseEquivalentList(table('| `impl/x.ts:1:4-1:5` | ConditionalExpression | `false` | only `a` |', '| `impl/x.ts:1:9` | EqualityOperator | `b && c` | reason |', 'prose | not a row'));
    expect([...list.keys()]).toEqual(['impl/x.ts:1:4-1:5 false', 'impl/x.ts:1:9 b && c']);
    expect(list.get('impl/x.ts:1:9 b && c')).toEqual({ mutator: 'EqualityOperator', reason: 'reason' });
  });
  it('a listed survivor is equivalent; an unlisted one is printed with the code it replaced', () => {
    const s = summariseMutation(report('Survived'), parseEquivalentList(table('| `impl/x.ts:1:4-1:5` | ConditionalExpression | `false` | only `a` |')));
    expect(s.total).toEqual({ mutants: 5, killed: 2, timeout: 1, survived: 1, noCoverage: 0, equivalent: 1, ignored: 0, errors: 0 });
    expect(s.unexplained).toEqual(['impl/x.ts:1:9 Survived EqualityOperator: b || c  →  b && c']);
    expect(s.wrongEquivalent).toEqual([]);
    expect(mutationScore(s.total, true)).toBe(75);
    expect(mutationScore(s.total, false)).toBe(60);
  });
  it('a start-only row matching a killed and a surviving mutant is flagged: the end must tell them apart', () => {
    const s = summariseMutation(report('Survived'), parseEquivalentList(table('| `impl/x.ts:1:4` | ConditionalExpression | `false` | ambiguous |')));
    expect(s.wrongEquivalent).toEqual([
      'impl/x.ts:1:4 (ConditionalExpression) is listed as equivalent but was Killed',
      'impl/x.ts:1:4 (ConditionalExpression) is listed as equivalent but was Killed',
    ]);
  });
  it('a listed mutant that is now killed, or that no longer exists, or under another mutator, makes the list wrong', () => {
    const killed = summariseMutation(report('Killed'), parseEquivalentList(table('| `impl/x.ts:1:4-1:5` | ConditionalExpression | `false` | stale |')));
    expect(killed.wrongEquivalent).toEqual(['impl/x.ts:1:4-1:5 (ConditionalExpression) is listed as equivalent but was Killed']);
    expect(killed.total.equivalent).toBe(0);
    const moved = summariseMutation(report('Survived'), parseEquivalentList(table('| `impl/x.ts:2:4` | ConditionalExpression | `false` | moved |')));
    expect(moved.wrongEquivalent).toEqual(['impl/x.ts:2:4 false is listed as equivalent but no such mutant exists (the code moved: update the list)']);
    const otherMutator = summariseMutation(report('Survived'), parseEquivalentList(table('| `impl/x.ts:1:9` | LogicalOperator | `b && c` | wrong mutator |')));
    expect(otherMutator.unexplained).toHaveLength(2);
    expect(otherMutator.wrongEquivalent).toHaveLength(1);
  });
  it('no-coverage mutants count against the score; ignored and errored ones are left out of it', () => {
    const r = report('NoCoverage', 'Ignored');
    r.files['impl/x.ts']!.mutants.push(mutant('6', 'CompileError', 'StringLiteral', '""', 0, 2));
    const s = summariseMutation(r, new Map());
    expect(s.total).toEqual({ mutants: 6, killed: 1, timeout: 1, survived: 1, noCoverage: 1, equivalent: 0, ignored: 1, errors: 1 });
    expect(mutationScore(s.total, true)).toBe(50);
  });
});
