// THE runner (spec/engine/run.ts runItems): progress per check, runItem = runItems of one, and replay of
// one recorded counterexample — only the case at the path is measured, and a path that is not one says so.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, defineItem, type RunContext } from '../../spec/engine/item.ts';
import { DEFAULT_CONFIG } from '../../spec/engine/config.ts';
import { References } from '../../spec/engine/references.ts';
import { IMPL_SUBJECT } from '../../spec/engine/subject.ts';
import { BatchDependenceError, ReplayError, runItem, runItems, type CheckProgress } from '../../spec/engine/run.ts';

const ctx = { config: { ...DEFAULT_CONFIG, runs: 100 }, subject: IMPL_SUBJECT, refs: new References(), dtypes: ['float64', 'float64'] } as unknown as RunContext;

// "every integer in [0, 1000] is below 50": false; its counterexamples are the cases ≥ 50, the worst 20× past its bound.
const measured: number[] = [];
const below50 = check({
  name: 'x < 50', role: 'claim', reference: 'closed-form', arbitrary: fc.integer({ min: 0, max: 1000 }), runs: 'default',
  evaluate: (xs: number[]) => { measured.push(...xs); return xs.map((x) => ({ value: x, bound: 49, note: `x = ${x}` })); },
});
const fix = check({ name: 'x ≤ 1000', role: 'correction', reference: 'closed-form', arbitrary: fc.integer({ min: 0, max: 1000 }), runs: 'default',
  evaluate: (xs: number[]) => xs.map((x) => ({ value: x, bound: 1000 })) });
const item = defineItem({
  id: 'toy', kind: 'claim', section: '4.3.1', quote: 'toy', statement: 'Every integer in [0, 1000] is below 50.',
  correction: { statement: 'every integer in [0, 1000] is at most 1000' }, expectedVerdict: 'refuted', checks: [below50, fix],
});

describe('runItems', () => {
  it('runs every check in order, reporting before and after each; runItem is runItems of one', async () => {
    const events: CheckProgress[] = [];
    const [result] = await runItems([item], ctx, { onCheck: (e) => events.push(e) });
    expect(result!.verdict).toBe('refuted');
    expect(events.map((e) => [e.check.name, e.index, e.total, e.result?.passed])).toEqual([
      ['x < 50', 0, 2, undefined], ['x < 50', 0, 2, false], ['x ≤ 1000', 1, 2, undefined], ['x ≤ 1000', 1, 2, true],
    ]);
    const { durationMs: _a, cpuMs: _c, ...one } = await runItem(item, ctx);
    const { durationMs: _b, cpuMs: _d, ...many } = result!;
    expect(one).toEqual(many);
  });

  it('replays the recorded counterexample alone, without shrinking again', async () => {
    const [result] = await runItems([item], ctx);
    const ce = result!.counterexample!;
    measured.length = 0;
    const [replay] = await runItems([item], ctx, { replay: { path: ce.path } });
    expect(measured).toEqual([ce.shrunk.input]); // one case measured, the shrunk one
    expect(replay).toMatchObject({ id: 'toy', seed: ctx.config.seed, path: ce.path });
    expect(replay!.replays).toEqual([expect.objectContaining({ check: 'x < 50', outcome: 'fails', case: ce.shrunk, margin: 49 / 50 })]);
  });

  it('says when the case at a path passes, and when the path leads to no case', async () => {
    const sample = fc.sample(fc.integer({ min: 0, max: 1000 }), { seed: ctx.config.seed, numRuns: 100 });
    const passing = sample.findIndex((x) => x < 50);
    const [passes] = await runItems([item], ctx, { replay: { path: String(passing), check: 'x < 50' } });
    expect(passes!.replays[0]).toMatchObject({ outcome: 'passes', case: { input: sample[passing] } });
    const [nowhere] = await runItems([item], ctx, { replay: { path: `0${':60'.repeat(30)}` } });
    expect(nowhere!.replays[0]).toMatchObject({ outcome: 'no-case', message: expect.stringMatching(/path/) });
  });

  it('an unknown check name, or an item with nothing to replay, is a ReplayError', async () => {
    await expect(runItems([item], ctx, { replay: { path: '0', check: 'nope' } })).rejects.toThrow(ReplayError);
    await expect(runItems([item], ctx, { replay: { path: '0', check: 'nope' } })).rejects.toThrow(/toy has no check named “nope”; its checks: “x < 50”, “x ≤ 1000”/);
    const onlyCorrection = defineItem({ ...item, id: 'toy2', checks: [fix] });
    await expect(runItems([onlyCorrection], ctx, { replay: { path: '0' } })).rejects.toThrow(/toy2 has no check that can have a counterexample/);
    const [named] = await runItems([onlyCorrection], ctx, { replay: { path: '0', check: 'x ≤ 1000' } });
    expect(named!.replays[0]!.outcome).toBe('passes');
  });

  it('a case that fails in the batch but passes alone is a BatchDependenceError naming the reference and both values', async () => {
    // A reference whose value depends on the batch around the case (as tfjs-webgl's with a shader-cache collision).
    const batchDependent = check({
      name: 'x is 0', role: 'claim', reference: 'closed-form', arbitrary: fc.integer({ min: 0, max: 1000 }), runs: 'default',
      evaluate: (xs: number[]) => xs.map(() => ({ value: xs.length > 1 ? 0.15 : 1.5e-8, bound: 1e-6 })),
    });
    const flaky = defineItem({ ...item, id: 'flaky', checks: [batchDependent, fix] });
    const thrown = await runItems([flaky], ctx).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(BatchDependenceError);
    expect((thrown as Error).message).toMatch(/^check 'x is 0' \(closed form in the item \(float64\)\): the case at path 0, \d+, failed in the batch of 100 with value 0\.15 vs bound 0\.000001 but passed alone with value 1\.5e-8 vs bound 0\.000001/);
  });
});
