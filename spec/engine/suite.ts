// The conformance suite: one vitest test per discovered item. It runs the item's checks, derives the
// verdict from the evidence, attaches the item's record to the test (task meta) and asserts that the
// verdict is the one recorded in the item file. The items are dealt to CONFORMANCE_PARTS test files under
// spec/conformance/ by their recorded cost (spec/conformance/costs.json), so the parts cost about the same:
// vitest spreads files, not tests, over its workers (and over CI machines with --shard). Each part's last
// test attaches what its worker knows about the run, and the reporter (spec/engine/reporter.ts) assembles
// the records into one results file. Adding an item touches none of this.
import { readFileSync } from 'node:fs';
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

/**
 * Test files the items are dealt to (spec/conformance/part-1 … part-N): enough that two workers finish
 * within a small item of each other, and that a soak can be split over up to this many CI machines.
 */
export const CONFORMANCE_PARTS = 8;

/** What the parts are dealt by: CPU milliseconds per item at the default configuration, from a recorded run. */
export const COSTS_FILE = new URL('../conformance/costs.json', import.meta.url);

/** The recorded cost of each item (ms of CPU; `npx tsx scripts/conformance-costs.ts` records them anew). */
export function recordedCosts(): Record<string, number> {
  return (JSON.parse(readFileSync(COSTS_FILE, 'utf8')) as { items: Record<string, number> }).items;
}

/**
 * The part-1 work besides its items: it alone measures numeric's eigenvalues on the known-spectrum
 * matrices for the oracle findings (≈ 4 s) and computes the report's plot data.
 */
export const PART_ONE_EXTRA_MS = 4500;

/**
 * The ids of part `index` (1-based) of `parts`: the items by recorded cost, costliest first, each to the part
 * with the least cost so far (part 1 starts with its extra work; an item without a recorded cost counts
 * as the median). Deterministic: it depends only on the ids and the committed costs, never on the
 * machine or an earlier run, so every CI shard deals the same parts.
 */
export function dealtTo(ids: readonly string[], index: number, costs: Record<string, number> = recordedCosts(), parts = CONFORMANCE_PARTS): string[] {
  const known = Object.values(costs).sort((a, b) => a - b);
  const median = known.length ? known[known.length >> 1]! : 1;
  const cost = (id: string) => costs[id] ?? median;
  const load: number[] = Array.from({ length: parts }, (_, k) => (k === 0 ? PART_ONE_EXTRA_MS : 0));
  const part = new Map<string, number>();
  for (const id of [...new Set(ids)].sort((a, b) => cost(b) - cost(a) || (a < b ? -1 : a > b ? 1 : 0))) {
    const k = load.indexOf(Math.min(...load));
    part.set(id, k + 1);
    load[k]! += cost(id);
  }
  return ids.filter((id) => part.get(id) === index);
}

/** The ledger, the errata and the audited text's units: the same for every part, read once per worker. */
async function loadRunInputs() {
  const [ledgers, errata] = await Promise.all([loadLedger(), loadErrata()]);
  const source = loadSource();
  return { ledgers, errata, units: source ? segment(source.text) : undefined };
}
let runInputs: ReturnType<typeof loadRunInputs> | undefined;

/** Registers the tests of part `index` (1-based) of the suite. */
export async function defineConformancePart(index: number): Promise<void> {
  const config = configFromEnv();
  const only = selectedIds();
  const all = (await loadItems()).filter(({ item }) => !only || only.includes(item.id));
  const ids = new Set(dealtTo(all.map(({ item }) => item.id), index));
  const mine = all.filter(({ item }) => ids.has(item.id));
  const { ledgers, errata, units } = await (runInputs ??= loadRunInputs());
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
