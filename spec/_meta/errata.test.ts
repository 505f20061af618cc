// Lints the errata (spec/errata/) and their links to items: every erratum is evidenced by at least one
// item whose checks can show it (a refuted or conditional item, or a failing check of the literal
// reading), every refuted item names the erratum it evidences, and every link resolves.
import { describe, expect, it } from 'vitest';
import { loadErrata, loadItems } from '../engine/registry.ts';
import { SEVERITIES } from '../engine/erratum.ts';

const errata = await loadErrata();
const items = (await loadItems()).map(({ item }) => item);
const known = new Set(errata.map((e) => e.id));

describe('errata', () => {
  for (const e of errata) {
    it(`${e.id}: a complete entry evidenced by an item`, () => {
      expect(e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(e.severity);
      for (const k of ['where', 'printed', 'right', 'cause'] as const) expect(e[k].length, k).toBeGreaterThan(2);
      const evidence = items.filter((it) => it.errata?.includes(e.id));
      expect(evidence.map((it) => it.id), `no item names erratum ${e.id}`).not.toEqual([]);
      const showing = evidence.filter((it) => it.expectedVerdict === 'refuted' || it.expectedVerdict === 'conditional'
        || it.checks.some((c) => c.role === 'literal'));
      expect(showing.map((it) => it.id), `erratum ${e.id} needs an item whose checks show it: refuted, conditional, or with a 'literal' check`).not.toEqual([]);
    });
  }
  it('every refuted item, and every item that checks a literal reading, names an erratum', () => {
    const missing = items.filter((it) => (it.expectedVerdict === 'refuted' || it.checks.some((c) => c.role === 'literal')) && !it.errata?.length);
    expect(missing.map((it) => it.id)).toEqual([]);
  });
  it('every erratum an item names exists', () => {
    const dangling = items.flatMap((it) => (it.errata ?? []).filter((id) => !known.has(id)).map((id) => `${it.id} → ${id}`));
    expect(dangling).toEqual([]);
  });
});
