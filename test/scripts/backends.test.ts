// `npm run test:browser` does not run the Node suite on wasm again when `npm test` recorded it from this
// very tree: the main run stands for the node-wasm column only when it is complete, on wasm, at the same
// configuration, and from the current commit with a clean tree.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainRunIsNodeWasm } from '../../scripts/backends.ts';
import { DEFAULT_CONFIG } from '../../spec/engine/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'losscheck-backends-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const COMMIT = 'a'.repeat(40);
const run = (generated: Record<string, unknown> = {}, missing: string[] = []) => {
  const file = join(dir, `run-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ generated: { backend: 'tfjs-wasm', ...DEFAULT_CONFIG, commit: COMMIT, ...generated }, missing }));
  return file;
};

describe('the main run as the node-wasm column', () => {
  it('stands for it when complete, on wasm, at the same configuration, from this clean commit', () => {
    expect(mainRunIsNodeWasm(run(), {}, COMMIT)).toMatch(/recorded by `npm test` at aaaaaaaaaaaa \(seed 20261129, 1000 cases\), not run again/);
  });

  it('does not otherwise: another commit, a dirty tree, cpu, other case counts, a partial run, a selection, no file', () => {
    expect(mainRunIsNodeWasm(run(), {}, 'b'.repeat(40))).toBeUndefined();
    expect(mainRunIsNodeWasm(run({ commit: `${COMMIT}+dirty` }), {}, `${COMMIT}+dirty`)).toBeUndefined();
    expect(mainRunIsNodeWasm(run({ backend: 'tfjs-cpu' }), {}, COMMIT)).toBeUndefined();
    expect(mainRunIsNodeWasm(run(), { LOSSCHECK_RUNS: '4000' }, COMMIT)).toBeUndefined();
    expect(mainRunIsNodeWasm(run({}, ['4.3.9']), {}, COMMIT)).toBeUndefined();
    expect(mainRunIsNodeWasm(run(), { LOSSCHECK_ONLY: '4.3.9' }, COMMIT)).toBeUndefined();
    expect(mainRunIsNodeWasm(join(dir, 'none.json'), {}, COMMIT)).toBeUndefined();
  });
});
