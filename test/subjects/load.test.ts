// Loading the implementation under test: 'impl', 'tfjs', or a module path — including a TypeScript module
// outside this package (no "type": "module" beside it, re-exporting from a sibling file), as a user's
// project would have it; bad paths and modules without impl/'s names get a typed error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSubject, SubjectError } from '../../spec/subjects/load.ts';
import { IMPL_SUBJECT } from '../../spec/engine/subject.ts';

const dir = mkdtempSync(join(tmpdir(), 'losscheck-subject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSubject', () => {
  it("'impl' is the default subject, impl/ itself", async () => {
    expect(await loadSubject('impl')).toBe(IMPL_SUBJECT);
  });
  it('loads a TypeScript module outside the package that re-exports from a sibling file', async () => {
    writeFileSync(join(dir, 'softmax.ts'), 'export function softmax(z: readonly number[]): number[] { const e = z.map(Math.exp); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); }\n');
    writeFileSync(join(dir, 'index.ts'), "export * from './softmax.ts';\nexport const notAFunction = 1;\n");
    const subject = await loadSubject(join(dir, 'index.ts'));
    expect(Object.keys(subject.api)).toEqual(['softmax']);
    expect(subject.api.softmax!([0, 0])).toEqual([0.5, 0.5]);
    expect(subject.isAuditReference).toBe(false);
  });
  it('the same module through the real CLI (tsx, where such a module first loads as CommonJS): its softmax passes', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const run = spawnSync(process.execPath, ['bin/losscheck.js', 'conformance', '--subject', join(dir, 'index.ts'), '--only', '4.3.35', '--runs', '20'],
      { cwd: root, encoding: 'utf8' });
    expect(run.stderr, run.stderr).not.toMatch(/does not load/);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/softmax\s+pass/);
    expect(run.status).toBe(0);
  });
  it('refuses a missing path and a module with none of impl/\'s names, with a typed error', async () => {
    await expect(loadSubject(join(dir, 'missing.ts'))).rejects.toThrow(SubjectError);
    writeFileSync(join(dir, 'other.ts'), 'export function somethingElse() { return 1; }\n');
    await expect(loadSubject(join(dir, 'other.ts'))).rejects.toThrow(/exports none of impl\/'s function names/);
  });
});
