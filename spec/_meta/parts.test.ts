// The conformance suite runs as CONFORMANCE_PARTS vitest files whose records the reporter assembles:
// every item must land in exactly one part, a complete set of part records must assemble into one
// results file in registry order, a part that did not record must never produce a (partial) results
// file, and an item dealt to a part without a record is reported missing.
import { describe, expect, it } from 'vitest';
import { CONFORMANCE_PARTS, dealtTo } from '../engine/suite.ts';
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
  it('deal every registered item to exactly one part', async () => {
    const ids = (await loadItems()).map(({ item }) => item.id);
    const dealt = Array.from({ length: CONFORMANCE_PARTS }, (_, k) => dealtTo(ids, k + 1));
    expect(dealt.flat().sort()).toEqual([...ids].sort());
    expect(Math.max(...dealt.map((d) => d.length)) - Math.min(...dealt.map((d) => d.length))).toBeLessThanOrEqual(1);
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
