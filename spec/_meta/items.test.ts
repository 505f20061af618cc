// Lints every item header: required fields, id form, verbatim quote, formula numbers that exist in the
// source, and the fields each verdict needs. The quotes need the audited text (spec/engine/source.ts);
// without it those assertions are skipped with one line saying how to provide it.
import { describe, expect, it } from 'vitest';
import { loadItems } from '../engine/registry.ts';
import { CHECK_ROLES, VERDICTS } from '../engine/item.ts';
import { REFERENCE_IDS } from '../engine/references.ts';
import * as impl from '../../impl/index.ts';
import { loadSource, SOURCE_HINT } from '../engine/source.ts';

const audited = loadSource();
const registered = await loadItems();
const normalise = (s: string) => s.replace(/\s+/g, '');

describe('item headers', () => {
  if (!audited) it.skip(`quotes not verified: ${SOURCE_HINT}`, () => {});
  const source = audited ? normalise(audited.text) : '';
  const tags = new Set([...source.matchAll(/\\tag\{(4\.3\.\d+)\}/g)].map((m) => m[1]));

  for (const { file, item } of registered) {
    it(`${item.id} (${file}) has a valid header`, () => {
      expect(['formula', 'claim']).toContain(item.kind);
      expect(VERDICTS).toContain(item.expectedVerdict);
      expect(item.section).toMatch(/^4\.3\.[1-6]$/);
      expect(item.statement.length, 'statement').toBeGreaterThan(10);
      expect(item.quote.length, 'quote').toBeGreaterThan(3);
      if (audited) expect(source.includes(normalise(item.quote)), `quote of ${item.id} is not verbatim in the source: ${item.quote}`).toBe(true);
      // "As printed" means the book's own LaTeX; a formula the item derives or states goes in `formula`.
      if (audited && item.printed !== undefined) {
        expect(source.includes(normalise(item.printed)), `printed of ${item.id} is not the source's LaTeX (put a formula the book does not print in 'formula'): ${item.printed}`).toBe(true);
      }
      if (item.kind === 'formula') {
        expect(item.id).toMatch(/^4\.3\.\d+$/);
        if (audited) expect(tags.has(item.id), `${item.id} is not a \\tag in the source`).toBe(true);
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
      for (const c of item.checks) expect(CHECK_ROLES, `role of check '${c.name}'`).toContain(c.role);
      // A negation check is the universal negation of an existential claim of the same item.
      const negations = item.checks.filter((c) => c.role === 'negation');
      if (negations.length) {
        expect(item.checks.some((c) => c.role === 'claim' && c.quantifier === 'exists'), 'a negation check needs an existential claim').toBe(true);
        for (const c of negations) expect(c.quantifier ?? 'forall', `negation check '${c.name}' is universal`).toBe('forall');
      }
      if (item.checks.some((c) => c.role === 'literal')) expect(item.reading, 'an item that checks a literal reading states the reading it takes instead').toBeDefined();
      for (const c of item.checks) {
        const ids = Array.isArray(c.reference) ? c.reference : [c.reference];
        expect(ids.length, `check '${c.name}' names its references by handle`).toBeGreaterThan(0);
        for (const id of ids) expect(REFERENCE_IDS, `check '${c.name}': reference`).toContain(id);
        // The audit is judged against trusted references only; the subject is called by subject checks alone.
        const body = c.evaluate.toString();
        if (c.role === 'subject') {
          const fns = Array.isArray(c.subject) ? c.subject : c.subject ? [c.subject] : [];
          expect(fns.length, `subject check '${c.name}' names the LossApi functions it calls`).toBeGreaterThan(0);
          for (const fn of fns) expect(typeof (impl as Record<string, unknown>)[fn], `subject check '${c.name}': ${fn} is not a LossApi function`).toBe('function');
          expect(ids, `subject check '${c.name}' compares with an independent reference, not impl or the printed formula`).not.toContain('impl');
          expect(ids).not.toContain('printed');
        } else {
          expect(body.includes('.subject'), `audit check '${c.name}' (${c.role}) must not call the subject`).toBe(false);
          expect(c.subject, `only subject checks name LossApi functions ('${c.name}')`).toBeUndefined();
        }
      }
    });
  }
});
