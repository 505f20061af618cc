// The CLI as a user runs it: spawned processes, checking stdout, stderr and the exit code.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../reports/fixture.ts';
import { loadItems } from '../../spec/engine/registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'losscheck.js');

interface Run { code: number | null; stdout: string; stderr: string }

function run(args: string[], command = process.execPath, prefix = [BIN]): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Without LOSSCHECK_* from the caller's environment, so the defaults are the ones under test.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LOSSCHECK_')));
    const child = spawn(command, [...prefix, ...args], { cwd: ROOT, env });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A usage error: exit code 2 and exactly one line on stderr starting with "losscheck: ", nothing on stdout. */
function expectUsageError(r: Run, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l && !l.startsWith('losscheck: loading'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^losscheck: /);
  expect(lines[0]).toMatch(pattern);
}

const tmp = mkdtempSync(join(tmpdir(), 'losscheck-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npx losscheck: usage errors exit 2 with one clear line', () => {
  it('unknown command, with a suggestion', async () => {
    expectUsageError(await run(['chek']), /unknown command 'chek' \(did you mean 'check'\?\)/);
  });
  it('unknown item id, with the nearest ids', async () => {
    expectUsageError(await run(['check', '4.3.1x']), /unknown item id '4\.3\.1x'; nearest: 4\.3\.1\b/);
  });
  it('bad numbers', async () => {
    expectUsageError(await run(['check', '4.3.1', '--runs', 'ten']), /--runs must be a positive integer, got 'ten'/);
    expectUsageError(await run(['check', '4.3.1', '--runs=0']), /--runs must be a positive integer, got '0'/);
    expectUsageError(await run(['check', '4.3.1', '--seed', '1.5']), /--seed must be an integer, got '1\.5'/);
    expectUsageError(await run(['check', '4.3.1', '--path', '3:x']), /--path must be a fast-check path/);
  });
  it('bad backend', async () => {
    expectUsageError(await run(['check', '4.3.1', '--backend', 'webgl']), /--backend must be wasm or cpu, got 'webgl'/);
  });
  it('unknown option, missing value, missing id', async () => {
    expectUsageError(await run(['check', '4.3.1', '--run', '5']), /unknown option '--run' for 'check'/);
    expectUsageError(await run(['check', '4.3.1', '--runs']), /--runs needs a value/);
    expectUsageError(await run(['check']), /'check' needs at least one item id/);
    expectUsageError(await run(['check', '4.3.1', '--source', join(tmp, 'no-such-source.md')]), /--source: no file at .*no-such-source\.md/);
  });
});

describe('npx losscheck: commands', () => {
  it('help through npx (the package bin), exit 0', async () => {
    const r = await run(['help'], 'npx', ['--no-install', 'losscheck']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/npx losscheck check <id…> \[options\]/);
  });

  /** The first item whose recorded verdict is refuted (from the registry in-process: `list` has its own test). */
  async function firstRefuted(): Promise<string> {
    return (await loadItems()).find(({ item }) => item.expectedVerdict === 'refuted')?.item.id ?? '';
  }

  it('list: ids with their recorded verdicts, as text and as JSON', async () => {
    const text = await run(['list']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^4\.3\.1\s+4\.3\.1\s+formula\s+\S+/m);
    expect(text.stdout).toMatch(/\n\d+ items\n$/);
    const json = await run(['list', '--json']);
    const items = JSON.parse(json.stdout) as { id: string; recordedVerdict: string; section: string }[];
    expect(items.find((it) => it.id === '4.3.1')).toMatchObject({ section: '4.3.1' });
    const lines = text.stdout.trim().split('\n');
    expect(lines.length - 2).toBe(Number(/(\d+) items$/.exec(lines.at(-1)!)?.[1])); // header + one line per item + count
  });

  it('check a refuted item, then replay its counterexample from the printed --seed/--path', async () => {
    const refutedId = await firstRefuted();
    expect(refutedId).not.toBe('');
    // Few cases keep the test quick; the replay must reproduce the same shrunk case without shrinking further.
    const first = await run(['check', refutedId, '--runs', '100', '--json', '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const result = JSON.parse(first.stdout) as {
      config: { seed: number; runs: number; backend: string };
      items: { id: string; verdict: string; checks: { cases: number }[]; counterexample?: { seed: number; path: string; shrunk: { input: unknown } } }[];
    };
    expect(result.config).toMatchObject({ seed: 20261129, runs: 100, backend: 'tfjs-wasm' });
    const [item] = result.items;
    expect(item).toMatchObject({ id: refutedId, verdict: 'refuted' });
    const ce = item!.counterexample!;
    expect(ce.path).toMatch(/^\d+(:\d+)*$/);

    const replay = await run(['check', refutedId, '--runs', '100', '--seed', String(ce.seed), '--path', ce.path]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain(`${refutedId} — refuted (recorded: refuted ✓)`);
    expect(replay.stdout).toContain(`path ${ce.path}, 0 shrink steps`);
    expect(replay.stdout).toContain(`shrunk: ${JSON.stringify(ce.shrunk.input, (_k, x) => (typeof x === 'number' && !Number.isInteger(x) ? Number(x.toPrecision(6)) : x))}`);
    expect(replay.stdout).toContain(`replay: npx losscheck check ${refutedId} --seed ${ce.seed} --path ${ce.path} --runs 100`);
    expect(replay.stdout).toMatch(/\bFAIL \[claim\]/);
    expect(replay.stdout).toMatch(/· 100 cases · seed 20261129 · /);
    // Progress goes to stderr, not stdout.
    expect(replay.stderr).toMatch(/\[1\/1\] /);
  });

  it('check --source: each quote is looked up in the given text; one that is not there is reported, exit 1', async () => {
    // Two not-checkable items (no checks: quick); the made-up source holds the first one's quote only.
    const [quoted, other] = (await loadItems()).filter(({ item }) => item.expectedVerdict === 'not-checkable').map(({ item }) => item);
    const source = join(tmp, 'source.md');
    writeFileSync(source, `# a made-up source\n\n${quoted!.quote}\n`);
    const r = await run(['check', quoted!.id, other!.id, '--source', source, '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toContain(`quote NOT verbatim in ${source}: ${quoted!.quote}`);
    expect(r.stdout).toContain(`quote NOT verbatim in ${source}: ${other!.quote}`);
    expect(r.stdout).toContain(`1 quote(s) not verbatim in the source: ${other!.id}`);
    expect(r.stdout).toContain('every verdict is the recorded one');
  });

  it('report: rebuilds every format from recorded results', async () => {
    const results = join(tmp, 'results'), out = join(tmp, 'out');
    mkdirSync(results);
    writeFileSync(join(results, 'conformance.json'), JSON.stringify(FIXTURE));
    const r = await run(['report', '--results', results, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['conformance.json', 'conformance.md', 'conformance.html', 'junit.xml']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<testcase ');
    expect(r.stdout).toMatch(/totals: 4 items/);
  });

  it('report without recorded results: one line, exit 1', async () => {
    const r = await run(['report', '--results', join(tmp, 'nothing-here')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no recorded results/);
  });
});
