// The conformance suite: one vitest test per discovered item. It runs the item's checks, derives the
// verdict from the evidence, attaches the item's record to the test (task meta) and asserts that the
// verdict is the one recorded in the item file. The items are dealt round-robin (in registry order) to
// CONFORMANCE_PARTS test files under spec/conformance/, because vitest spreads files, not tests, over its
// workers; each part's last test attaches what its worker knows about the run, and the reporter
// (spec/engine/reporter.ts) assembles the records into one results file. Adding an item touches none of this.
import { beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from './config.ts';
import { createContext, type OracleContext } from './context.ts';
import { loadErrata, loadItems, loadLedger } from './registry.ts';
import { runItem } from './run.ts';
import { contextRecord, itemRecord, recorded } from './results.ts';
import { loadSource } from './source.ts';
import { segment } from '../ledger/segment.ts';
import { ledgerPlaces } from '../ledger/places.ts';
import { selectedIds } from './runName.ts';
import type {} from './reporter.ts';

/** Test files the items are dealt to; ≥ the worker count, so a slow part does not leave a worker idle. */
export const CONFORMANCE_PARTS = 4;

/** The items of part `index` (1-based): every CONFORMANCE_PARTS-th item of the list, starting at the index-th. */
export function dealtTo<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, k) => k % CONFORMANCE_PARTS === index - 1);
}

/** Registers the tests of part `index` (1-based) of the suite. */
export async function defineConformancePart(index: number): Promise<void> {
  const config = configFromEnv();
  const only = selectedIds();
  const mine = dealtTo((await loadItems()).filter(({ item }) => !only || only.includes(item.id)), index);
  const [ledgers, errata] = await Promise.all([loadLedger(), loadErrata()]);
  const source = loadSource();
  const units = source ? segment(source.text) : undefined;
  let ctx: OracleContext | undefined;

  beforeAll(async () => { if (mine.length) ctx = await createContext(config); });

  describe(`conformance part ${index}/${CONFORMANCE_PARTS} (seed ${config.seed}, ${config.runs} cases, ${config.hessianRuns} for Hessians)`, () => {
    for (const { file, item } of mine) {
      it(`${item.id} is ${item.expectedVerdict} · ${item.statement}`, async ({ task }) => {
        const result = await runItem(item, ctx!);
        task.meta.losscheck = { kind: 'item', record: recorded(itemRecord(item, file, result, ledgerPlaces(item.id, item.quote, ledgers, units))) };
        const evidence = result.checks.map((c) =>
          `  ${c.skipped ? 'skip' : c.passed ? 'pass' : 'FAIL'} [${c.role}] ${c.name}: ${c.maxError} vs ${c.tolerance} (${c.cases} cases, ${c.oracle})`).join('\n');
        expect(result.verdict, `${item.id}: ${result.reason}\n${evidence}`).toBe(item.expectedVerdict);
      });
    }
    // Last in the file, so it sees every reference this worker qualified for the part's items.
    it(`records the run: oracle findings and the references part ${index} qualified`, async ({ task }) => {
      ctx ??= await createContext(config);
      const record = contextRecord(ctx, { index, count: CONFORMANCE_PARTS }, mine.map(({ item }) => item.id), errata);
      task.meta.losscheck = { kind: 'context', record };
      const unqualified = record.oracleFindings.references.filter((r) => !r.qualified).map((r) => r.label);
      expect(unqualified, 'every reference used was qualified').toEqual([]);
    });
  });
}
