// The conformance suite: one vitest test per discovered item. It runs the item's checks, derives the
// verdict from the evidence, records the result and asserts that the verdict is the one recorded in
// the item file. The items are dealt round-robin (in registry order) to CONFORMANCE_PARTS test files
// under spec/conformance/, so vitest spreads them over its workers; each part records its results in
// reports/.results/parts/ and the global setup (spec/engine/globalSetup.ts) merges a complete set
// into one results file. Adding an item touches none of this.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { configFromEnv } from './config.ts';
import { createContext, type OracleContext } from './context.ts';
import { loadErrata, loadItems, loadLedger } from './registry.ts';
import { loadSource } from './source.ts';
import { segment } from '../ledger/segment.ts';
import { ledgerPlaces } from '../ledger/places.ts';
import { runItem } from './run.ts';
import { itemRecord, writeEmptyResultsPart, writeResultsPart, type ItemRecord } from './results.ts';

/** Test files the items are dealt to; ≥ the worker count, so a slow part does not leave a worker idle. */
export const CONFORMANCE_PARTS = 4;

/** The results name of this run: `conformance`, `selected` (LOSSCHECK_ONLY), or LOSSCHECK_RESULTS_NAME. */
export function resultsName(env: Record<string, string | undefined> = process.env): string {
  // scripts/backends.ts and scripts/soak.ts record their runs under their own names (backend-node-cpu, soak).
  const name = env.LOSSCHECK_RESULTS_NAME || 'conformance';
  if (!/^[\w-]+$/.test(name)) throw new Error(`LOSSCHECK_RESULTS_NAME must be a plain file name, got '${name}'`);
  return selectedIds(env) ? 'selected' : name;
}

export function selectedIds(env: Record<string, string | undefined> = process.env): string[] | undefined {
  return env.LOSSCHECK_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
}

/** The items of part `index` (1-based): every CONFORMANCE_PARTS-th item of the list, starting at the index-th. */
export function dealtTo<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, k) => k % CONFORMANCE_PARTS === index - 1);
}

/** Registers the tests of part `index` (1-based) of the suite. */
export async function defineConformancePart(index: number): Promise<void> {
  const config = configFromEnv();
  const only = selectedIds();
  const name = resultsName();
  const mine = dealtTo((await loadItems()).filter(({ item }) => !only || only.includes(item.id)), index);
  const records: ItemRecord[] = [];
  let ctx: OracleContext | undefined;
  const [ledgers, errata] = await Promise.all([loadLedger(), loadErrata()]);
  const source = loadSource();
  const units = source ? segment(source.text) : undefined;

  beforeAll(async () => { ctx = await createContext(config); });
  // Results are recorded only under the global setup that merges them (vitest.config.ts). Other configs
  // (mutation testing) run the same tests without recording, and without measuring the oracle findings.
  const run = inject('losscheckRun');
  if (run && !mine.length) writeEmptyResultsPart(run, name, { index, count: CONFORMANCE_PARTS });
  afterAll(() => { if (ctx && run) writeResultsPart(run, name, { index, count: CONFORMANCE_PARTS }, ctx, records, undefined, errata); });

  describe(`conformance part ${index}/${CONFORMANCE_PARTS} (seed ${config.seed}, ${config.runs} cases, ${config.hessianRuns} for Hessians)`, () => {
    if (!mine.length) it.skip('no selected item in this part', () => {});
    for (const { file, item } of mine) {
      it(`${item.id} is ${item.expectedVerdict} · ${item.statement}`, async () => {
        const result = await runItem(item, ctx!);
        records.push(itemRecord(item, file, result, ledgerPlaces(item.id, item.quote, ledgers, units)));
        const evidence = result.checks.map((c) =>
          `  ${c.passed ? 'pass' : 'FAIL'} [${c.role}] ${c.name}: ${c.maxError} vs ${c.tolerance} (${c.cases} cases, ${c.oracle})`).join('\n');
        expect(result.verdict, `${item.id}: ${result.reason}\n${evidence}`).toBe(item.expectedVerdict);
      });
    }
  });
}
