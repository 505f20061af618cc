// One vitest test per discovered item: it runs the item's checks, derives the verdict from the
// evidence, records the result and asserts that the verdict is the one recorded in the item file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from './engine/config.ts';
import { createContext, type OracleContext } from './engine/context.ts';
import { loadItems } from './engine/registry.ts';
import { runItem } from './engine/run.ts';
import { itemRecord, writeResults, type ItemRecord } from './engine/results.ts';

const config = configFromEnv();
const only = process.env.LOSSCHECK_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
// scripts/backends.ts records other backends' full runs under their own name (backend-node-cpu).
const resultsName = process.env.LOSSCHECK_RESULTS_NAME || 'conformance';
if (!/^[\w-]+$/.test(resultsName)) throw new Error(`LOSSCHECK_RESULTS_NAME must be a plain file name, got '${resultsName}'`);
const registered = (await loadItems()).filter(({ item }) => !only || only.includes(item.id));
const records: ItemRecord[] = [];
let ctx: OracleContext;

beforeAll(async () => { ctx = await createContext(config); });
afterAll(() => { if (ctx && records.length) writeResults(only ? 'selected' : resultsName, ctx, records); });

describe(`conformance (seed ${config.seed}, ${config.runs} cases, ${config.hessianRuns} for Hessians)`, () => {
  for (const { file, item } of registered) {
    it(`${item.id} · ${item.statement}`, async () => {
      const result = await runItem(item, ctx);
      records.push(itemRecord(item, file, result));
      const evidence = result.checks.map((c) =>
        `  ${c.passed ? 'pass' : 'FAIL'} [${c.role}] ${c.name}: ${c.maxError} vs ${c.tolerance} (${c.cases} cases, ${c.oracle})`).join('\n');
      expect(result.verdict, `${item.id}: ${result.reason}\n${evidence}`).toBe(item.expectedVerdict);
    });
  }
});
