// The conformance suite runs as CONFORMANCE_PARTS vitest files whose records the reporter assembles:
// every item must land in exactly one part, a complete set of part records must assemble into one
// results file in registry order, a part that did not record must never produce a (partial) results
// file, and an item dealt to a part without a record is reported missing.
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_PARTS, PART_ONE_EXTRA_MS, dealtTo, recordedCosts } from '../engine/suite.ts';
import { resultsName } from '../engine/runName.ts';
import { compareItems, loadItems } from '../engine/registry.ts';
import { assembleResults, recorded, type ContextRecord, type ItemRecord } from '../engine/results.ts';

const record = (id: string, section: string) => ({ id, section, result: { verdict: 'holds' } }) as unknown as ItemRecord;
const context = (index: number, count: number, dealt: string[], references: string[] = []): ContextRecord => ({
  part: { index, count }, dealt,
  generated: { seed: 7, runs: 10, hessianRuns: 2, backend: 'tfjs-wasm', subject: 'impl', versions: {}, toleranceModel: {} },
  oracleFindings: { tfjs: {}, eigen: [{ library: index === 1 ? 'both, measured by part 1' : 'ml-matrix' }], eigenOracle: 'fake', references: references.map((id) => ({ id, part: index })) },
  errata: [{ id: 'e' }], ...(index === 1 ? { plots: { fake: true } } : {}),
}) as unknown as ContextRecord;

describe('conformance parts', () => {
  it('deal every registered item to exactly one part, by recorded cost: the parts cost the same within the costliest item', async () => {
    const ids = (await loadItems()).map(({ item }) => item.id);
    const costs = recordedCosts();
    const dealt = Array.from({ length: CONFORMANCE_PARTS }, (_, k) => dealtTo(ids, k + 1, costs));
    expect(dealt.flat().sort()).toEqual([...ids].sort());
    const known = Object.values(costs).sort((a, b) => a - b);
    const cost = (id: string) => costs[id] ?? known[known.length >> 1]!;
    const load = dealt.map((part, k) => part.reduce((s, id) => s + cost(id), k === 0 ? PART_ONE_EXTRA_MS : 0));
    expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(Math.max(...ids.map(cost)));
    // Registry order within a part, and the same parts from a shuffled list (every CI shard deals alike).
    expect(dealt[0]).toEqual(ids.filter((id) => dealt[0]!.includes(id)));
    expect(dealtTo([...ids].reverse(), 2, costs).sort()).toEqual([...dealt[1]!].sort());
  });

  it('deal the costliest first to the cheapest part so far (part 1 starts with its extra work); an item without a recorded cost counts as the median', () => {
    // b 5000 → part 2 (0 < 4500); c 4000 → part 1 (4500 < 5000); new (median 4000) → part 2 (5000 < 8500); a 3000 → part 1 (8500 < 9000).
    const costs = { a: 3000, b: 5000, c: 4000 };
    expect(PART_ONE_EXTRA_MS).toBe(4500);
    expect([1, 2].map((k) => dealtTo(['a', 'b', 'c', 'new'], k, costs, 2))).toEqual([['a', 'c'], ['b', 'new']]);
  });

  it('name the run: conformance, LOSSCHECK_RESULTS_NAME, or selected under LOSSCHECK_ONLY', () => {
    expect(resultsName({})).toBe('conformance');
    expect(resultsName({ LOSSCHECK_RESULTS_NAME: 'soak' })).toBe('soak');
    expect(resultsName({ LOSSCHECK_RESULTS_NAME: 'soak', LOSSCHECK_ONLY: '4.3.1' })).toBe('selected');
    expect(() => resultsName({ LOSSCHECK_RESULTS_NAME: '../x' })).toThrow(/plain file name/);
  });

  it('assemble a complete set in registry order: header, eigen findings and plots from part 1, every reference once', () => {
    const items = [record('4.3.2', '4.3.1'), record('4.3.10', '4.3.1'), record('b-claim', '4.3.2'), record('4.3.1', '4.3.1'), record('a-claim', '4.3.1')];
    const contexts = [context(2, 2, ['4.3.10', 'b-claim'], ['tfjs-grad', 'impl']), context(1, 2, ['4.3.2', '4.3.1', 'a-claim'], ['impl'])];
    const results = assembleResults(contexts, items)!;
    expect(results.items.map((i) => i.id)).toEqual([...items].sort(compareItems).map((i) => i.id));
    expect(results.items.map((i) => i.id)).toEqual(['4.3.1', '4.3.2', '4.3.10', 'a-claim', 'b-claim']);
    expect(results.generated).toMatchObject({ seed: 7, runs: 10, parts: 2 });
    expect(results.oracleFindings.eigen).toEqual([{ library: 'both, measured by part 1' }]);
    expect(results.oracleFindings.references).toEqual([{ id: 'impl', part: 1 }, { id: 'tfjs-grad', part: 2 }]);
    expect(results.plots).toEqual({ fake: true });
    expect(results.missing).toEqual([]);
  });

  it('report an item dealt to a part that recorded no result for it (its test threw)', () => {
    const results = assembleResults([context(1, 1, ['4.3.7', '4.3.8'])], [record('4.3.7', '4.3.1')])!;
    expect(results.missing).toEqual(['4.3.8']);
  });

  it('assemble nothing from an incomplete set: a partial run never replaces a full one', () => {
    expect(assembleResults([context(1, 2, ['4.3.1'])], [record('4.3.1', '4.3.1')])).toBeUndefined();
    expect(assembleResults([context(2, 2, ['4.3.1'])], [record('4.3.1', '4.3.1')])).toBeUndefined();
  });

  it('record values through JSON with ±∞ and NaN kept as strings', () => {
    expect(recorded({ a: Infinity, b: -Infinity, c: NaN, d: 1 })).toEqual({ a: 'Infinity', b: '-Infinity', c: 'NaN', d: 1 });
  });
});
