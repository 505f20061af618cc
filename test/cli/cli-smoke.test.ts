// Two real spawns of the package's bin, as a user runs it: the compiled fast path (help) and the
// TypeScript CLI through tsx (one check). Everything else is tested in-process (losscheck.test.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadIndex } from '../../cli/items.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function spawnCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOSSCHECK_')));
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'losscheck.js'), ...args], { cwd: ROOT, env });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('node bin/losscheck.js', () => {
  it('help, exit 0', async () => {
    const r = await spawnCli(['help']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/npx losscheck check <items> \[options\]/);
  });

  it('check one item, exit 0 when its verdict is the recorded one', async () => {
    const id = (await loadIndex()).items.find((it) => it.expectedVerdict === 'not-checkable')!.id;
    const r = await spawnCli(['check', id, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${id} — not-checkable (recorded: not-checkable ✓)`);
  });
});
