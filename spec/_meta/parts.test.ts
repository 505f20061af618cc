// The conformance suite runs as CONFORMANCE_PARTS vitest files whose results are merged: every item
// must land in exactly one part, a complete set of parts must merge into one results file in registry
// order, and an incomplete set must never replace a recorded full run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFORMANCE_PARTS, dealtTo, resultsName } from '../engine/suite.ts';
import { compareItems, loadItems } from '../engine/registry.ts';
import { clearStaleResultParts, mergeResultParts, writeEmptyResultsPart, writeResultsPart, type ItemRecord } from '../engine/results.ts';
import type { OracleContext } from '../engine/context.ts';

const tmp = mkdtempSync(join(tmpdir(), 'losscheck-parts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Just what the results writer reads from a context; eigenFindings counts its (slow) calls. */
function fakeContext(): OracleContext & { findingsCalls: number } {
  const ctx = {
    findingsCalls: 0,
    config: { seed: 7, runs: 10, hessianRuns: 2 },
    tfjs: { runtime: { backend: 'wasm', version: 'test' }, qualification: { qualified: 'fake' } },
    eigen: { label: 'fake eigen' },
    eigenQualification: [{ library: 'ml-matrix' }],
    eigenFindings() { ctx.findingsCalls++; return [{ library: 'numeric' }, { library: 'ml-matrix' }]; },
  };
  return ctx as unknown as OracleContext & { findingsCalls: number };
}
const record = (id: string, section: string) => ({ id, section, result: { verdict: 'holds' } }) as unknown as ItemRecord;

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

  it('merge a complete set into <name>.json in registry order, findings measured by part 1 only', () => {
    const dir = join(tmp, 'complete');
    const ctx = fakeContext();
    const items = [record('4.3.2', '4.3.1'), record('4.3.10', '4.3.1'), record('b-claim', '4.3.2'), record('4.3.1', '4.3.1'), record('a-claim', '4.3.1')];
    for (let index = 1; index <= CONFORMANCE_PARTS; index++) writeResultsPart('run-a', 'conformance', { index, count: CONFORMANCE_PARTS }, ctx, dealtTo(items, index), dir);
    expect(ctx.findingsCalls).toBe(1);
    const { written, incomplete } = mergeResultParts('run-a', dir);
    expect(incomplete).toEqual([]);
    expect(written).toEqual([join(dir, 'conformance.json')]);
    const merged = JSON.parse(readFileSync(written[0]!, 'utf8')) as { generated: Record<string, unknown>; oracleFindings: { eigen: unknown[] }; items: ItemRecord[] };
    expect(merged.items.map((i) => i.id)).toEqual([...items].sort(compareItems).map((i) => i.id));
    expect(merged.items.map((i) => i.id)).toEqual(['4.3.1', '4.3.2', '4.3.10', 'a-claim', 'b-claim']);
    expect(merged.generated).toMatchObject({ seed: 7, runs: 10, parts: CONFORMANCE_PARTS });
    expect(merged.generated).not.toHaveProperty('part');
    expect(merged.oracleFindings.eigen).toHaveLength(2);
    expect(existsSync(join(dir, 'parts', 'run-a'))).toBe(false);
  });

  it('complete a set with the empty parts of a LOSSCHECK_ONLY run that selected fewer items than parts', () => {
    const dir = join(tmp, 'selected');
    writeResultsPart('run-c', 'selected', { index: 1, count: 3 }, fakeContext(), [record('4.3.7', '4.3.1')], dir);
    for (const index of [2, 3]) writeEmptyResultsPart('run-c', 'selected', { index, count: 3 }, dir);
    const { written } = mergeResultParts('run-c', dir);
    const merged = JSON.parse(readFileSync(written[0]!, 'utf8')) as { generated: { seed: number }; items: ItemRecord[] };
    expect(merged.items.map((i) => i.id)).toEqual(['4.3.7']);
    expect(merged.generated.seed).toBe(7);
  });

  it('leave an incomplete set unmerged and the recorded full run untouched', () => {
    const dir = join(tmp, 'incomplete');
    const ctx = fakeContext();
    writeResultsPart('run-b', 'conformance', { index: 1, count: 2 }, ctx, [record('4.3.1', '4.3.1')], dir);
    writeFileSync(join(dir, 'conformance.json'), '{"recorded":"full run"}');
    const { written, incomplete } = mergeResultParts('run-b', dir);
    expect(written).toEqual([]);
    expect(incomplete).toEqual(['conformance: 1 of 2 parts']);
    expect(readFileSync(join(dir, 'conformance.json'), 'utf8')).toBe('{"recorded":"full run"}');
  });

  it('keep the parts of a live run, remove those of a run whose process is gone', () => {
    const dir = join(tmp, 'stale');
    const ctx = fakeContext();
    writeResultsPart(String(process.pid), 'soak', { index: 1, count: 2 }, ctx, [], dir);
    writeResultsPart('2147483646', 'soak', { index: 1, count: 2 }, ctx, [], dir);
    clearStaleResultParts(dir);
    expect(existsSync(join(dir, 'parts', String(process.pid)))).toBe(true);
    expect(existsSync(join(dir, 'parts', '2147483646'))).toBe(false);
  });
});
