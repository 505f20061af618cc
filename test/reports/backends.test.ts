// The cross-backend agreement table on hand-made backend runs in a temporary results directory:
// agreement, a backend failing a check the others pass (a finding), runs with other case counts (not
// compared), partial runs (ignored), and the main report never merging backend runs into its items.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBackendAgreement, renderAgreementMarkdown } from '../../reports/backends.ts';
import { loadResults } from '../../reports/build.ts';
import type { CheckRecord, ResultsFile } from '../../reports/model.ts';

const tfjsCheck = (backend: string, over: Partial<CheckRecord> = {}): CheckRecord => ({
  name: 'impl ↔ tfjs gradient', role: 'support', oracle: `tfjs-${backend} tf.grad (float32)`, quantifier: 'forall', cases: 10,
  maxError: 1e-7, tolerance: 1e-6, sense: 'atMost', margin: 10, passed: true, seed: 7,
  decidingCase: { input: 1, value: 1e-7, bound: 1e-6 }, ...over,
});
const implCheck: CheckRecord = { ...tfjsCheck('wasm'), name: 'printed ↔ impl', role: 'claim', oracle: 'impl (float64)' };

function run(backend: string, checks: CheckRecord[], verdict = 'holds', runs = 10): ResultsFile {
  return {
    generated: { seed: 7, runs, hessianRuns: 2, backend: `tfjs-${backend}`, versions: {}, toleranceModel: {} },
    oracleFindings: { tfjs: { backend, version: '4.22.0', patchedKernels: [], stock: [], patched: [], libraryDefects: [], qualified: { grad: true, hessian: true } }, eigen: [], eigenOracle: 'ml-matrix' },
    items: [{
      id: '4.3.4', kind: 'formula', section: '4.3.1', quote: 'q', statement: 's', expectedVerdict: 'holds', file: 'f.ts',
      result: { id: '4.3.4', verdict, reason: 'r', checks: [implCheck, ...checks] },
    }],
  };
}

// One temporary folder for the file, removed after it.
const tmp = mkdtempSync(join(tmpdir(), 'losscheck-backends-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function resultsDir(files: Record<string, ResultsFile>): string {
  const dir = mkdtempSync(join(tmp, 'results-'));
  for (const [name, payload] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(payload));
  return dir;
}

describe('cross-backend agreement', () => {
  it('compares only tfjs-oracle checks and says when every backend agrees', () => {
    const dir = resultsDir({
      'conformance.json': run('wasm', [tfjsCheck('wasm')]),
      'backend-node-cpu.json': run('cpu', [tfjsCheck('cpu', { maxError: 2e-7, margin: 5 })]),
      'backend-browser-webgl.json': run('webgl', [tfjsCheck('webgl')]),
      'backend-browser-wasm.json': run('wasm', [tfjsCheck('wasm')]),
    });
    const a = loadResults(dir).backendAgreement!;
    expect(a.rows.map((r) => r.check)).toEqual(['impl ↔ tfjs gradient']);
    expect(a.rows[0]!.spread).toBe(2);
    expect(a.itemsAgreeingOnAll).toBe(1);
    expect(a.findings).toEqual([]);
    expect(renderAgreementMarkdown(a)).toContain('1 of 1 items with a tfjs-oracle check agree on all 4 backends');
  });

  it('reports a backend that fails where the others pass, and a differing verdict, as findings', () => {
    const dir = resultsDir({
      'conformance.json': run('wasm', [tfjsCheck('wasm')]),
      'backend-node-cpu.json': run('cpu', [tfjsCheck('cpu')]),
      'backend-browser-webgl.json': run('webgl', [tfjsCheck('webgl', { maxError: 3e-6, margin: 1 / 3, passed: false })], 'inconclusive'),
      'backend-browser-wasm.json': run('wasm', [tfjsCheck('wasm')]),
    });
    const a = loadResults(dir).backendAgreement!;
    expect(a.rows[0]!.agrees).toBe(false);
    expect(a.itemsAgreeingOnAll).toBe(0);
    expect(a.findings.join('\n')).toMatch(/4\.3\.4: the verdict differs across backends/);
    expect(a.findings.join('\n')).toMatch(/disagreeing beyond tolerance: browser-webgl$/m);
  });

  it('does not compare runs with other case counts, ignores partial runs, and keeps backend runs out of the items', () => {
    const dir = resultsDir({
      'conformance.json': run('wasm', [tfjsCheck('wasm')]),
      'backend-node-cpu.json': run('cpu', [tfjsCheck('cpu')], 'holds', 99),
      'backend-browser-webgl.selected.json': run('webgl', [tfjsCheck('webgl', { passed: false })], 'inconclusive'),
    });
    const results = loadResults(dir);
    expect(results.items).toHaveLength(1);
    const a = loadBackendAgreement(dir, results);
    expect(a.backends.find((b) => b.name === 'node-cpu')!.comparable).toBe(false);
    expect(a.backends.find((b) => b.name === 'browser-webgl')!.source).toBeUndefined();
    expect(a.rows[0]!.perBackend['node-cpu']).toBeNull();
    expect(a.findings).toEqual([]);
    expect(renderAgreementMarkdown(a)).toContain('Only 1 of 4 backends were recorded');
  });
});
