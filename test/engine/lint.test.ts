// THE header lint (spec/engine/lint.ts): each rule names what is wrong, one line per problem.
import { describe, expect, it } from 'vitest';
import { check, defineItem, type ItemDefinition } from '../../spec/engine/item.ts';
import { lintItem, lintSource } from '../../spec/engine/lint.ts';
import { real } from '../../spec/domains/index.ts';

const claim = check({ name: 'a claim', role: 'claim', reference: 'closed-form', arbitrary: real(1), runs: 1, evaluate: (xs: number[]) => xs.map(() => ({ value: 0, bound: 1 })) });
const good: ItemDefinition = defineItem({
  id: 'a-claim', kind: 'claim', section: '4.3.2', quote: 'the quoted words', statement: 'A statement long enough.', expectedVerdict: 'holds', checks: [claim],
});
const source = lintSource('Some text with the quoted   words, and $$x = 1\\tag{4.3.7}$$');

describe('item header lint', () => {
  it('accepts a sound header', () => {
    expect(lintItem(good, source)).toEqual([]);
    expect(lintItem({ ...good, id: '4.3.7', kind: 'formula', printed: 'x = 1', quote: 'x = 1' }, source)).toEqual([]);
  });

  it('names each problem', () => {
    const problems = (over: Partial<ItemDefinition>) => lintItem({ ...good, ...over }, source);
    expect(problems({ quote: 'not there' })).toEqual([expect.stringMatching(/quote of a-claim is not verbatim in the source/)]);
    expect(problems({ id: 'A_Claim' })).toEqual([expect.stringMatching(/claim ids are stable slugs/)]);
    expect(problems({ id: '4.3.8', kind: 'formula' })).toEqual([expect.stringMatching(/4\.3\.8 is not a \\tag in the source/)]);
    expect(problems({ printed: 'y = 2' })).toEqual([expect.stringMatching(/printed of a-claim is not the source's LaTeX/)]);
    expect(problems({ expectedVerdict: 'refuted' })).toEqual(['a refuted item carries a correction']);
    expect(problems({ expectedVerdict: 'conditional' })).toEqual(['a conditional item names its condition']);
    expect(problems({ expectedVerdict: 'not-checkable' })).toEqual(['a not-checkable item says why (reason)', 'a not-checkable item has no checks']);
    expect(problems({ expectedVerdict: 'definition' })).toEqual(["a definition's item says definition: true"]);
    expect(problems({ checks: [claim, claim] })).toEqual(['check names are unique within an item']);
    expect(problems({ checks: [{ ...claim, role: 'literal' }] })).toEqual(['an item that checks a literal reading states the reading it takes instead']);
    expect(problems({ checks: [{ ...claim, role: 'negation' }] })).toEqual(['a negation check needs an existential claim']);
    expect(problems({ statement: 'TODO: say what it asserts' })).toEqual([expect.stringMatching(/a TODO is left/)]);
    expect(problems({ section: '4.4.1', statement: 'short' })).toHaveLength(2);
  });
});
