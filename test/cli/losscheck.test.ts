// The CLI as a user runs it, in-process: main(argv, io) with captured stdout and stderr, checking the
// output and the exit code (cli-smoke.test.ts spawns the real bin twice).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../reports/fixture.ts';
import type { MainOptions } from '../../cli/losscheck.ts';
import { ROOT, expectUsageError, run } from './run.ts';
import { loadIndex } from '../../cli/items.ts';

const FIXTURE_ITEMS = join(ROOT, 'test', 'cli', 'fixtures', 'items');
const BROKEN = 'test/cli/fixtures/broken-softmax.ts';

/** Every check of a `check` printout: a pass reads value ≤ tolerance (or ≥), a FAIL never does. */
function expectHonestRelations(stdout: string): void {
  const lines = stdout.split('\n');
  lines.forEach((line, k) => {
    const status = /^\s+(pass|FAIL) \[/.exec(line)?.[1];
    if (!status) return;
    const relation = / ([≤≥<>]) /.exec(lines[k + 1]!)?.[1];
    expect(relation, lines[k + 1]).toBeDefined();
    expect(status === 'pass' ? ['≤', '≥'] : ['>', '<'], `${line}\n${lines[k + 1]}`).toContain(relation);
  });
  expect(stdout).not.toMatch(/Infinity/);
}

const tmp = mkdtempSync(join(tmpdir(), 'losscheck-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const index = await loadIndex();
const first = (pred: (it: (typeof index.items)[number]) => boolean) => index.items.find(pred)!;

describe('losscheck: help, version, usage errors', () => {
  it('help and --version', async () => {
    const help = await run(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/npx losscheck check <items> \[options\]/);
    expect(help.stdout).toMatch(/npx losscheck conformance/);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `losscheck ${version}\n`, stderr: '' });
  });

  it('unknown command, option, id, verdict: one line each, with a suggestion', async () => {
    expectUsageError(await run(['chek']), /unknown command 'chek' \(did you mean 'check'\?\)/);
    expectUsageError(await run(['check', '4.3.1x']), /unknown item id '4\.3\.1x'; nearest: 4\.3\.1\b/);
    expectUsageError(await run(['check', '4.3.1', '--run', '5']), /unknown option '--run' for 'check' \(did you mean '--runs'\?\)/);
    expectUsageError(await run(['list', 'refutd']), /unknown item id 'refutd'; nearest: refuted/);
    expectUsageError(await run(['list', '--verdict', 'hold']), /unknown verdict 'hold'; nearest: holds/);
    expectUsageError(await run(['list', '--section', '4.3.9']), /no item in section 4\.3\.9/);
    expectUsageError(await run(['check', '9.*']), /no item id matches '9\.\*'/);
  });

  it('a word suggests every id containing it', async () => {
    const r = await run(['check', 'softmax']);
    expectUsageError(r, /unknown item id 'softmax'; nearest: /);
    const named = /nearest: ([^(]*)/.exec(r.stderr)![1]!.split(', ').map((s) => s.trim());
    const containing = index.items.map((it) => it.id).filter((id) => id.includes('softmax'));
    expect(named.length).toBe(Math.min(containing.length, 12));
    for (const id of named) expect(containing).toContain(id);
  });

  it('bad numbers, paths, backends, missing values, no items', async () => {
    expectUsageError(await run(['check', '4.3.1', '--runs', 'ten']), /--runs must be a positive integer, got 'ten'/);
    expectUsageError(await run(['check', '4.3.1', '--runs=0']), /--runs must be a positive integer, got '0'/);
    expectUsageError(await run(['check', '4.3.1', '--seed', '1.5']), /--seed must be an integer, got '1\.5'/);
    expectUsageError(await run(['check', '4.3.1', '--path', '3:x']), /--path must be a fast-check path/);
    expectUsageError(await run(['check', '4.3.1', '--backend', 'webgl']), /--backend must be wasm or cpu, got 'webgl'/);
    expectUsageError(await run(['check', '4.3.1', '--runs']), /--runs needs a value/);
    expectUsageError(await run(['check']), /'check' needs items/);
    expectUsageError(await run(['check', '4.3.1', '4.3.2', '--path', '0']), /--path replays one item's counterexample: name one item \(the selection has 2\)/);
    expectUsageError(await run(['check', '4.3.1', '--source', join(tmp, 'no-such-source.md')]), /--source: no file at .*no-such-source\.md/);
    expectUsageError(await run(['check', '4.3.1', '--runs', '5'], { env: { LOSSCHECK_HESSIAN_RUNS: 'x' } }), /LOSSCHECK_HESSIAN_RUNS must be a positive integer/);
  });
});

describe('losscheck list', () => {
  it('every item, as text and as JSON', async () => {
    const text = await run(['list']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^4\.3\.1\s+4\.3\.1\s+formula\s+\S+/m);
    expect(text.stdout).toMatch(new RegExp(`\\n${index.items.length} items\\n$`));
    expect(text.stdout.trim().split('\n')).toHaveLength(index.items.length + 2); // header, one line per item, count
    const items = JSON.parse((await run(['list', '--json'])).stdout) as { id: string; recordedVerdict: string; section: string; file: string }[];
    expect(items.map((it) => it.id)).toEqual(index.items.map((it) => it.id));
    expect(items.find((it) => it.id === '4.3.1')).toMatchObject({ section: '4.3.1', file: expect.stringMatching(/^spec\/items\/4\.3\.1\//) });
  });

  it('filters: a verdict name, --verdict with --section, a glob, all', async () => {
    const ids = async (argv: string[]) => (JSON.parse((await run(['list', '--json', ...argv])).stdout) as { id: string }[]).map((it) => it.id);
    const refuted = index.items.filter((it) => it.expectedVerdict === 'refuted').map((it) => it.id);
    expect(refuted.length).toBeGreaterThan(0);
    expect(await ids(['refuted'])).toEqual(refuted);
    expect(await ids(['--verdict', 'refuted', '--section', '4.3.2'])).toEqual(index.items.filter((it) => it.expectedVerdict === 'refuted' && it.section === '4.3.2').map((it) => it.id));
    expect(await ids(['4.3.*'])).toEqual(index.items.filter((it) => /^4\.3\.\d+$/.test(it.id)).map((it) => it.id));
    expect(await ids(['all'])).toHaveLength(index.items.length);
    const some = await run(['list', 'refuted']);
    expect(some.stdout).toMatch(new RegExp(`\\n${refuted.length} of ${index.items.length} items\\n$`));
  });

  it('colour only on a terminal, and never with NO_COLOR or --no-color', async () => {
    expect((await run(['list', 'refuted'], { tty: true })).stdout).toContain('\x1b[31mrefuted');
    expect((await run(['list', 'refuted'])).stdout).not.toContain('\x1b[');
    expect((await run(['list', 'refuted'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\x1b[');
    expect((await run(['list', 'refuted', '--no-color'], { tty: true })).stdout).not.toContain('\x1b[');
    expect((await run(['list', 'refuted', '--color'])).stdout).toContain('\x1b[');
  });
});

describe('losscheck check', () => {
  const refuted = first((it) => it.expectedVerdict === 'refuted' && (it.errata?.length ?? 0) > 0 && it.correction !== undefined);

  it('a refuted item: correction, errata, each check with the relation that holds, the counterexample and its replay line', async () => {
    const r = await run(['check', refuted.id, '--runs', '100']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${refuted.id} — refuted (recorded: refuted ✓)`);
    expect(r.stdout).toContain(`  correction: ${refuted.correction!.statement}`);
    for (const id of refuted.errata!) expect(r.stdout).toMatch(new RegExp(`\\n  erratum ${id} \\(\\w+\\) at `));
    expect(r.stdout).toMatch(/\n  FAIL \[claim/);
    expectHonestRelations(r.stdout);
    expect(r.stdout).toMatch(/· 100 cases · seed 20261129 · /);
    expect(r.stdout).toMatch(new RegExp(`replay: npx losscheck check ${refuted.id.replace(/\./g, '\\.')} --seed 20261129 --path \\d+(:\\d+)* --check '`));
    expect(r.stderr).toMatch(/\[1\/1\] /); // progress on stderr, not stdout
  });

  it('replays only the recorded counterexample, from the printed line; a wrong path gets one note', async () => {
    const full = await run(['check', refuted.id, '--runs', '100', '--json', '--quiet']);
    const [item] = (JSON.parse(full.stdout) as { items: { counterexample: { seed: number; path: string; check: string; shrunk: { value: number } } }[] }).items;
    const ce = item!.counterexample;
    const replay = await run(['check', refuted.id, '--seed', String(ce.seed), '--path', ce.path, '--check', ce.check]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain(`${refuted.id} — replay of seed ${ce.seed}, path ${ce.path}`);
    expect(replay.stdout.match(/^ {2}check “/gm)).toHaveLength(1); // one check, one case
    expect(replay.stdout).toContain(`note: reproduced: the case at seed ${ce.seed}, path ${ce.path} fails “${ce.check}”`);
    expect(replay.stderr).not.toMatch(/check \d+\/\d+/); // no other check ran
    const json = JSON.parse((await run(['check', refuted.id, '--seed', String(ce.seed), '--path', ce.path, '--check', ce.check, '--json', '--quiet'])).stdout) as
      { replay: { reproduced: boolean; replays: { outcome: string; case: { value: number } }[] } };
    expect(json.replay.reproduced).toBe(true);
    expect(json.replay.replays).toHaveLength(1);
    expect(json.replay.replays[0]!.case.value).toBe(ce.shrunk.value);

    // A path that leads nowhere in the check's arbitrary: one note, no second, contradictory one.
    const wrong = await run(['check', refuted.id, '--seed', String(ce.seed), '--path', `${ce.path}${':40'.repeat(40)}`, '--check', ce.check]);
    expect(wrong.code, wrong.stderr).toBe(1);
    expect(wrong.stdout.match(/note:/g)).toHaveLength(1);
    expect(wrong.stdout).toMatch(/note: not reproduced: .* is not a counterexample of “.*”: the path leads to no case of its arbitrary/);
    expectUsageError(await run(['check', refuted.id, '--path', '0', '--check', 'no such check']), /has no check named “no such check”; its checks: /);
  });

  it('a conditional item prints its condition; a not-checkable one its reason', async () => {
    const conditional = first((it) => it.expectedVerdict === 'conditional' && it.checks.every((c) => c.reference.every((r) => !r.startsWith('tfjs-hessian'))));
    const notCheckable = first((it) => it.expectedVerdict === 'not-checkable');
    const r = await run(['check', conditional.id, notCheckable.id, '--runs', '50', '--quiet']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`  condition: ${conditional.condition}`);
    expect(r.stdout).toContain(`  not checkable: ${notCheckable.reason}`);
    expectHonestRelations(r.stdout);
  });

  it('--source: each quote is looked up in the given text; one that is not there is reported, exit 1', async () => {
    const [quoted, other] = index.items.filter((it) => it.expectedVerdict === 'not-checkable');
    const source = join(tmp, 'source.md');
    writeFileSync(source, `# a made-up source\n\n${quoted!.quote}\n`);
    const r = await run(['check', quoted!.id, other!.id, '--source', source, '--quiet']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).not.toContain(`quote NOT verbatim in ${source}: ${quoted!.quote}`);
    expect(r.stdout).toContain(`quote NOT verbatim in ${source}: ${other!.quote}`);
    expect(r.stdout).toContain(`1 quote(s) not verbatim in the source: ${other!.id}`);
    expect(r.stdout).toContain('every verdict is the recorded one');
  });
});

describe('losscheck conformance', () => {
  const options: MainOptions = { itemsDir: FIXTURE_ITEMS, outDir: join(tmp, 'out') };

  it('a module with a broken function: exit 1, the function named, its counterexample and replay line; the replay reproduces it', async () => {
    const r = await run(['conformance', '--subject', BROKEN, '--runs', '100', '--quiet'], { options });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^softmax\s+FAIL\s+1\s+subject-fixture: softmax\(z\)/m);
    expect(r.stdout).toMatch(/^sigmoid\s+pass\s+1/m);
    expect(r.stdout).toMatch(/^FAIL softmax: subject-fixture: /m);
    expect(r.stdout).toMatch(/FAILED: softmax\n/);
    expectHonestRelations(r.stdout);
    const line = /replay: (npx losscheck conformance .*)/.exec(r.stdout)![1]!;
    expect(line).toMatch(new RegExp(`^npx losscheck conformance --subject ${BROKEN} --only subject-fixture --seed 20261129 --path \\d+(:\\d+)* --check '`));
    const table = JSON.parse(readFileSync(join(tmp, 'out', 'subject-test-cli-fixtures-broken-softmax-ts.json'), 'utf8')) as { functions: { name: string; status: string }[] };
    expect(table.functions.find((f) => f.name === 'softmax')?.status).toBe('fail');
    expect(readFileSync(join(tmp, 'out', 'subject-test-cli-fixtures-broken-softmax-ts.md'), 'utf8')).toMatch(/\| softmax \| \*\*fail\*\* \| 1 \|/);

    const argv = [...line.replace(/^npx losscheck /, '').matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const replay = await run([...argv, '--quiet'], { options });
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toMatch(/note: reproduced: the case at seed 20261129, path \S+ fails “softmax/);
  });

  it('impl passes; tfjs skips what its API lacks, with the reason', async () => {
    const impl = await run(['conformance', '--subject', 'impl', '--runs', '100', '--quiet'], { options });
    expect(impl.code, impl.stdout).toBe(0);
    expect(impl.stdout).toMatch(/3 functions: 3 pass, 0 fail, 0 skipped/);
    const tfjs = await run(['conformance', '--subject', 'tfjs', '--runs', '100', '--quiet'], { options });
    expect(tfjs.code, tfjs.stdout).toBe(0);
    expect(tfjs.stdout).toMatch(/^entropy\s+skipped\s+1\s+tfjs-\w+ public API \(float32\) does not provide entropy: tfjs has no entropy function/m);
  });

  it('usage errors: a missing module, an unknown item, an item without subject checks', async () => {
    expectUsageError(await run(['conformance', '--subject', 'no/such/module.ts'], { options }), /--subject: no such module 'no\/such\/module\.ts'/);
    expectUsageError(await run(['conformance', '--only', 'subject-fixtur'], { options }), /unknown item id 'subject-fixtur'; nearest: subject-fixture/);
    const notCheckable = first((it) => it.expectedVerdict === 'not-checkable');
    expectUsageError(await run(['conformance', '--only', notCheckable.id]), new RegExp(`no subject check in ${notCheckable.id}`));
  });
});

describe('losscheck report', () => {
  it('rebuilds every format from recorded results', async () => {
    const results = join(tmp, 'results'), out = join(tmp, 'report');
    mkdirSync(results);
    writeFileSync(join(results, 'conformance.json'), JSON.stringify(FIXTURE));
    const r = await run(['report', '--results', results, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['conformance.json', 'conformance.md', 'conformance.html', 'junit.xml']) expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<testcase ');
    expect(r.stdout).toMatch(/totals: 4 items/);
  });

  it('without recorded results: one line, exit 1', async () => {
    const r = await run(['report', '--results', join(tmp, 'nothing-here')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no recorded results/);
  });
});
