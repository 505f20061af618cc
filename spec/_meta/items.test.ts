// Lints every item header (spec/engine/lint.ts): required fields, id form, verbatim quote, formula
// numbers that exist in the source, and the fields each verdict needs. The quotes need the audited text
// (spec/engine/source.ts); without it those assertions are skipped with one line saying how to provide it.
import { describe, expect, it } from 'vitest';
import { loadItems } from '../engine/registry.ts';
import { lintItem, lintSource } from '../engine/lint.ts';
import { loadSource, SOURCE_HINT } from '../engine/source.ts';

const audited = loadSource();
const registered = await loadItems();

describe('item headers', () => {
  if (!audited) it.skip(`quotes not verified: ${SOURCE_HINT}`, () => {});
  const source = audited ? lintSource(audited.text) : undefined;

  for (const { file, item } of registered) {
    it(`${item.id} (${file}) has a valid header`, () => {
      const problems = lintItem(item, source);
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }
});
