// Numbers are computed, never typed: every number in an item's statement, correction, condition, reading
// and notes, and in an erratum, comes from num() or given() (spec/engine/text.ts), or is one of the
// quote's own numbers, a formula number or a single digit.
import { describe, expect, it } from 'vitest';
import { loadErrata, loadItems } from '../engine/registry.ts';
import { num, t, typedNumbers } from '../engine/text.ts';

const items = await loadItems();
const errata = await loadErrata();

describe('numbers are computed', () => {
  it('the scanner finds typed numbers and passes computed ones', () => {
    expect(typedNumbers('σ\'(0.99) = 0.1966, about 100 times')).toEqual(['0.99', '0.1966', '100']);
    expect(typedNumbers(t`σ'(0.99) = ${num(0.19749, 4)}`, 'σ\'(0.99)')).toEqual([]);
    expect(typedNumbers('see 4.3.22 and §4.3.2; d = 3, L2 norm, x1')).toEqual([]);
    expect(typedNumbers(t`ratio ${num(81)} ≥ 10`)).toEqual(['10']);
  });
  for (const { item } of items) {
    it(`${item.id}: no typed number`, () => {
      const fields: [string, string | undefined][] = [
        ['statement', item.statement], ['correction', item.correction?.statement], ['condition', item.condition],
        ['reading', item.reading], ['notes', item.notes], ['reason', item.reason],
      ];
      const typed = fields.flatMap(([name, text]) => (text ? typedNumbers(text, item.quote).map((n) => `${name}: ${n}`) : []));
      expect(typed, `wrap these in num() (computed) or given() (an input) with the t tag: ${typed.join(', ')}`).toEqual([]);
    });
  }
  for (const e of errata) {
    it(`erratum ${e.id}: no typed number`, () => {
      const typed = (['printed', 'right', 'cause'] as const).flatMap((k) => typedNumbers(e[k], e.where + e.printed).map((n) => `${k}: ${n}`));
      expect(typed, typed.join(', ')).toEqual([]);
    });
  }
});
