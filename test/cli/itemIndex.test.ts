// The CLI's item index is rebuilt when a file an item header depends on changes (cli/itemIndex.ts), and
// answers as the registry does.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexKey, lastRunVerdicts, readIndex, writeIndex } from '../../cli/itemIndex.ts';
import { loadIndex, recordedCheckAt } from '../../cli/items.ts';
import { loadItems } from '../../spec/engine/registry.ts';

const root = mkdtempSync(join(tmpdir(), 'losscheck-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('item index', () => {
  it('is current until an item, a support module or impl/ changes, is added or removed', () => {
    mkdirSync(join(root, 'spec', 'items', '4.3.1'), { recursive: true });
    mkdirSync(join(root, 'impl'), { recursive: true });
    writeFileSync(join(root, 'spec', 'items', '4.3.1', 'a.ts'), 'export default 1;\n');
    writeFileSync(join(root, 'impl', 'x.ts'), 'export const x = 1;\n');
    const key = indexKey(root);
    writeIndex(root, key, []);
    expect(readIndex(root)?.key).toBe(key);
    utimesSync(join(root, 'impl', 'x.ts'), new Date(), new Date(Date.now() + 5000));
    expect(readIndex(root)).toBeUndefined();
    writeIndex(root, indexKey(root), []);
    writeFileSync(join(root, 'spec', 'items', '4.3.1', 'b.ts'), 'export default 2;\n');
    expect(readIndex(root)).toBeUndefined();
    writeFileSync(join(root, 'spec', 'items', '4.3.1', 'b.test.ts'), '// not an item\n');
    writeIndex(root, indexKey(root), []);
    writeFileSync(join(root, 'spec', 'items', '4.3.1', 'c.test.ts'), '// not an item either\n');
    expect(readIndex(root)).toBeDefined();
  });

  it('reads the last recorded verdicts, and none when nothing is recorded', () => {
    expect(lastRunVerdicts(root).size).toBe(0);
    mkdirSync(join(root, 'reports', '.results'), { recursive: true });
    writeFileSync(join(root, 'reports', '.results', 'conformance.json'), JSON.stringify({ items: [{ id: 'a', result: { verdict: 'holds' } }] }));
    writeFileSync(join(root, 'reports', '.results', 'selected.json'), JSON.stringify({ items: [{ id: 'a', result: { verdict: 'refuted' } }] }));
    expect([...lastRunVerdicts(root)]).toEqual([['a', 'holds']]);
  });

  it('lists the registry: the same ids, order, files and checks', async () => {
    const [index, registered] = await Promise.all([loadIndex(), loadItems()]);
    expect(index.items.map((it) => [it.id, it.file, it.expectedVerdict, it.checks.map((c) => c.role)]))
      .toEqual(registered.map(({ file, item }) => [item.id, file, item.expectedVerdict, item.checks.map((c) => c.role)]));
  });

  it('finds the check whose counterexample a recorded run has at a seed and path (replay without --check)', () => {
    const dir = join(root, 'results-for-replay');
    mkdirSync(dir, { recursive: true });
    const ce = (path: string) => ({ check: 'c', seed: 7, path, shrunk: { input: 0, value: 1, bound: 0 }, worstBeforeShrinking: { input: 0, value: 1, bound: 0 }, shrinkSteps: 0 });
    writeFileSync(join(dir, 'selected.json'), JSON.stringify({ items: [{ id: 'x', result: { checks: [{ name: 'first' }, { name: 'second', counterexample: ce('3:1') }] } }] }));
    expect(recordedCheckAt('x', 7, '3:1', dir)).toBe('second');
    expect(recordedCheckAt('x', 8, '3:1', dir)).toBeUndefined();
    expect(recordedCheckAt('x', 7, '3:2', dir)).toBeUndefined();
    expect(recordedCheckAt('y', 7, '3:1', dir)).toBeUndefined();
    expect(recordedCheckAt('x', 7, '3:1', join(root, 'nothing'))).toBeUndefined();
  });
});
