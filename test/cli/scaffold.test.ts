// `losscheck new` scaffolds an item file that the header lint rejects until its TODOs are filled in, and
// that passes the lint, and runs, once they are: scaffolded into a temporary folder, filled with a trivial
// true check, linted (spec/engine/lint.ts, as spec/_meta/items.test.ts does) and run; the folder is removed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formulaBlock } from '../../cli/scaffold.ts';
import { loadIndex } from '../../cli/items.ts';
import { lintItem, lintSource } from '../../spec/engine/lint.ts';
import { loadSource, SOURCE_HINT } from '../../spec/engine/source.ts';
import type { ItemDefinition } from '../../spec/engine/item.ts';
import { createContext } from '../../spec/engine/context.ts';
import { runItem } from '../../spec/engine/run.ts';
import { expectUsageError, run } from './run.ts';

const audited = loadSource();
// Scaffolds go to one folder, their filled-in copies to another at the same depth (same relative imports).
// Made when the suite runs, not when the file loads: a skipped suite (no audited text) runs no hooks, and
// folders made at import were left behind in the temp folder.
let tmp = '', filledDir = '';

/** What a person writes in place of the TODOs: a trivial true check (2c against c + c) and a real header. */
function fillIn(text: string): string {
  return text
    .replace(/^\/\/ (\S+): TODO.*$/m, '// $1: a scaffold filled in by the test.')
    .replace(/throw new Error\(`TODO: encode [^`]*`\);/, 'return 2 * c;')
    .replace(/throw new Error\(`TODO: the reference value[^`]*`\);/, 'return c + c;')
    .replace(/statement: 'TODO: [^']*'/, "statement: 'Twice a number is that number added to itself.'")
    .replace(/name: 'TODO: stated ↔ reference'/, "name: 'stated 2c ↔ reference c + c'");
}

async function importItem(file: string): Promise<ItemDefinition> {
  return ((await import(pathToFileURL(file).href)) as { default: ItemDefinition }).default;
}

describe.skipIf(!audited)(`losscheck new${audited ? '' : ` (skipped: ${SOURCE_HINT})`}`, () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'losscheck-new-'));
    filledDir = mkdtempSync(join(tmpdir(), 'losscheck-filled-'));
  });
  afterAll(() => { for (const d of [tmp, filledDir]) if (d) rmSync(d, { recursive: true, force: true }); });
  const env = { LOSSCHECK_SOURCE: audited?.path ?? '' };
  const source = audited ? lintSource(audited.text) : undefined;

  it('takes a formula\'s printed LaTeX from its \\tag block, and its section from the heading above it', () => {
    const block = formulaBlock(audited!.text, '4.3.12')!;
    expect(block.section).toBe('4.3.2');
    expect(block.latex).toMatch(/^f\(w\) \\geq f\(w\^\*\) \+ \\frac\{\\mu\}\{2\}/);
    expect(block.latex).not.toMatch(/\\tag|\$\$/);
    expect(formulaBlock(audited!.text, '4.3.99')).toBeUndefined();
  });

  it('a formula: the scaffold fails the lint with its TODOs, passes it filled in, and runs', async () => {
    const r = await run(['new', '4.3.12', '--name', 'strong-convexity', '--dir', tmp], { env });
    expect(r.code, r.stderr).toBe(0);
    const file = join(tmp, '4.3.2', 'f4.3.12-strong-convexity.ts');
    expect(r.stdout).toContain(`wrote ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`printed: String.raw\`${formulaBlock(audited!.text, '4.3.12')!.latex}\``);
    expect(text).toMatch(/reference: 'closed-form'/);
    expect(text).toMatch(/tolerance\(\{ dtypes, operations: .*, scale: .*, condition: .* \}\)/);

    const scaffolded = await importItem(file);
    expect(lintItem(scaffolded, source)).toEqual([expect.stringMatching(/a TODO is left/)]);

    const filled = join(filledDir, '4.3.2', 'f4.3.12-strong-convexity.ts');
    mkdirSync(dirname(filled), { recursive: true });
    writeFileSync(filled, fillIn(text));
    expect(readFileSync(filled, 'utf8')).not.toMatch(/throw new Error\(`TODO/);
    const item = await importItem(filled);
    expect(lintItem(item, source)).toEqual([]);
    const result = await runItem(item, await createContext({ seed: 1, runs: 50, hessianRuns: 10 }));
    expect(result.verdict, result.reason).toBe('holds');
  });

  it('a claim: from a verbatim quote; the same lint', async () => {
    const quote = '交叉熵的强凸性取决于数据的 Fisher 信息矩阵';
    const r = await run(['new', 'a-new-claim', '--section', '4.3.2', '--quote', quote, '--dir', tmp], { env });
    expect(r.code, r.stderr).toBe(0);
    const file = join(tmp, '4.3.2', 'a-new-claim.ts');
    const filled = join(filledDir, '4.3.2', 'a-new-claim.ts');
    mkdirSync(dirname(filled), { recursive: true });
    writeFileSync(filled, fillIn(readFileSync(file, 'utf8')));
    const item = await importItem(filled);
    expect(item).toMatchObject({ id: 'a-new-claim', kind: 'claim', section: '4.3.2', quote });
    expect(lintItem(item, source)).toEqual([]);
  });

  it('refuses a quote that is not in the source, an id that exists, a formula number the source lacks', async () => {
    expectUsageError(await run(['new', 'another-claim', '--section', '4.3.2', '--quote', 'not in the book', '--dir', tmp], { env }), /the quote is not verbatim in /);
    const existing = (await loadIndex()).items.find((it) => it.id === '4.3.12')!;
    expectUsageError(await run(['new', '4.3.12'], { env }), new RegExp(`item '4\\.3\\.12' exists: ${existing.file.replace(/\./g, '\\.')}`));
    expectUsageError(await run(['new', '4.3.12', '--dir', tmp], { env }), /item '4\.3\.12' exists: /); // scaffolded above
    expectUsageError(await run(['new', '4.3.99', '--dir', tmp], { env }), /no \\tag\{4\.3\.99\} in /);
    expectUsageError(await run(['new', '4.3.13', '--section', '4.3.1', '--dir', tmp], { env }), /4\.3\.13 is printed in 4\.3\.2, not 4\.3\.1/);
  });
});
