// The committed snapshot (reports/snapshot.ts, written by `npm run publish-report`): nothing that varies per
// machine or run, and a four-backend agreement table that a run with fewer backends recorded does not replace.
import { describe, expect, it } from 'vitest';
import { KEPT_AGREEMENT_NOTE, snapshotResults } from '../../reports/snapshot.ts';
import type { BackendAgreement, BackendColumn } from '../../reports/backends.ts';
import { FIXTURE } from './fixture.ts';

const COLUMNS: BackendColumn[] = ['node-wasm', 'node-cpu', 'browser-webgl', 'browser-wasm'];
function agreement(recorded: number, wallMs: number): BackendAgreement {
  return {
    backends: COLUMNS.map((name, i) => (i < recorded
      ? { name, source: `backend-${name}.json`, seed: 7, runs: 100, comparable: true, timing: { wallMs }, environment: { simd: true }, skipped: [] }
      : { name, comparable: false, skipped: [] })),
    rows: [], items: 1, itemsAgreeingOnAll: recorded === 4 ? 1 : 0, findings: [], notes: [],
  };
}
const recordedRun = (backends: number, wallMs = 1234) => ({
  ...FIXTURE, generated: { ...FIXTURE.generated, versions: { node: 'v20.20.2', tfjs: '4.22.0' } },
  backendAgreement: agreement(backends, wallMs),
});

describe('published snapshot', () => {
  it('drops the Node version and the timings, keeps the library versions and the environment', () => {
    const { results, kept } = snapshotResults(recordedRun(4));
    expect(kept).toBe(false);
    expect(results.generated.versions).toEqual({ tfjs: '4.22.0' });
    expect(results.backendAgreement!.backends.map((b) => b.timing)).toEqual([undefined, undefined, undefined, undefined]);
    expect(results.backendAgreement!.backends[0]!.environment).toEqual({ simd: true });
    expect(results.items).toBe(FIXTURE.items);
  });

  it('is the same for two runs that differ only in timings', () => {
    expect(JSON.stringify(snapshotResults(recordedRun(4, 1)).results)).toBe(JSON.stringify(snapshotResults(recordedRun(4, 99_999)).results));
  });

  it('keeps the four-backend table published before when fewer backends are recorded now, with a note', () => {
    const before = snapshotResults(recordedRun(4)).results;
    const { results, kept } = snapshotResults(recordedRun(1), before);
    expect(kept).toBe(true);
    expect(results.backendAgreement!.backends.every((b) => b.source)).toBe(true);
    expect(results.backendAgreement!.notes).toEqual([KEPT_AGREEMENT_NOTE]);
    // Published again without test:browser: still one note.
    expect(snapshotResults(recordedRun(1), results).results.backendAgreement!.notes).toEqual([KEPT_AGREEMENT_NOTE]);
    // A new four-backend run replaces it, without the note.
    expect(snapshotResults(recordedRun(4), results).results.backendAgreement!.notes).toEqual([]);
  });

  it('publishes the recorded table when there is no four-backend table before', () => {
    const { results, kept } = snapshotResults(recordedRun(1), undefined);
    expect(kept).toBe(false);
    expect(results.backendAgreement!.backends.filter((b) => b.source)).toHaveLength(1);
  });
});
