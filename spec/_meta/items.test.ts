// Lints every item header: required fields, id form, verbatim quote, formula numbers that exist in the
// source, and the fields each verdict needs. Reads the source from ../shared (the audited text).
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadItems } from '../engine/registry.ts';
import { VERDICTS } from '../engine/item.ts';

const SOURCE = fileURLToPath(new URL('../../../shared/source/4.3-loss-functions.md', import.meta.url));
const registered = await loadItems();
const normalise = (s: string) => s.replace(/\s+/g, '');

describe('item headers', () => {
  it('the audited source is present beside the checkout', () => {
    expect(existsSync(SOURCE), `expected the source at ${SOURCE}`).toBe(true);
  });
  const source = existsSync(SOURCE) ? normalise(readFileSync(SOURCE, 'utf8')) : '';
  const tags = new Set([...source.matchAll(/\\tag\{(4\.3\.\d+)\}/g)].map((m) => m[1]));

  for (const { file, item } of registered) {
    it(`${item.id} (${file}) has a valid header`, () => {
      expect(['formula', 'claim']).toContain(item.kind);
      expect(VERDICTS).toContain(item.expectedVerdict);
      expect(item.section).toMatch(/^4\.3\.[1-6]$/);
      expect(item.statement.length, 'statement').toBeGreaterThan(10);
      expect(item.quote.length, 'quote').toBeGreaterThan(3);
      expect(source.includes(normalise(item.quote)), `quote of ${item.id} is not verbatim in the source: ${item.quote}`).toBe(true);
      if (item.kind === 'formula') {
        expect(item.id).toMatch(/^4\.3\.\d+$/);
        expect(tags.has(item.id), `${item.id} is not a \\tag in the source`).toBe(true);
      } else {
        expect(item.id, 'claim ids are stable slugs').toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
      if (item.expectedVerdict === 'refuted') expect(item.correction, 'a refuted item carries a correction').toBeDefined();
      if (item.expectedVerdict === 'conditional') expect(item.condition, 'a conditional item names its condition').toBeDefined();
      if (item.expectedVerdict === 'not-checkable') {
        expect(item.reason, 'a not-checkable item says why').toBeDefined();
        expect(item.checks).toHaveLength(0);
      } else {
        expect(item.checks.length, 'checks').toBeGreaterThan(0);
      }
      if (item.expectedVerdict === 'definition') expect(item.definition).toBe(true);
      const names = item.checks.map((c) => c.name);
      expect(new Set(names).size, 'check names are unique within an item').toBe(names.length);
    });
  }
});
