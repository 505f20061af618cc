// Completeness: every numbered formula of the source (each \tag{4.3.k}) has an item with id '4.3.k'.
// The tags are read from the audited source and the items from the registry, so neither list is kept by hand.
import { describe, expect, it } from 'vitest';
import { loadItems } from '../engine/registry.ts';
import { loadSource, SOURCE_HINT } from '../engine/source.ts';

const audited = loadSource();
const source = audited?.text ?? '';
const tags = [...new Set([...source.matchAll(/\\tag\{(4\.3\.\d+)\}/g)].map((m) => m[1]!))]
  .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
const formulaIds = new Set((await loadItems()).filter(({ item }) => item.kind === 'formula').map(({ item }) => item.id));

describe.skipIf(!audited)('completeness', () => {
  it('the source numbers its formulas 4.3.1 … 4.3.n without gaps', () => {
    expect(tags.length).toBeGreaterThan(0);
    expect(tags).toEqual(tags.map((_, i) => `4.3.${i + 1}`));
  });
  it('every numbered formula of the source has an item', () => {
    const missing = tags.filter((t) => !formulaIds.has(t));
    expect(missing, `formulas without an item: ${missing.join(', ')}`).toEqual([]);
  });
});
describe.skipIf(audited)('completeness', () => {
  it.skip(`not checked: ${SOURCE_HINT}`, () => {});
});
