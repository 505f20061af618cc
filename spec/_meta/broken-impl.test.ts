// A hand-broken impl must turn verdicts red. impl/models.ts is replaced for this file only with
// versions that carry classic slips (a sign, a missing factor); the items that rely on them must no
// longer produce their recorded verdicts.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { configFromEnv } from '../engine/config.ts';
import { createContext, type OracleContext } from '../engine/context.ts';
import { loadItems } from '../engine/registry.ts';
import { runItem } from '../engine/run.ts';

vi.mock('../../impl/models.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../impl/models.ts')>();
  return {
    ...original,
    // Sign slip: p − softmax(z) instead of softmax(z) − p.
    crossEntropyLogitGradient: (p: number[], z: number[]) => original.crossEntropyLogitGradient(p, z).map((g) => -g),
    // Dropped 1/N: the sum instead of the mean.
    logisticCrossEntropyGradient: (...args: Parameters<typeof original.logisticCrossEntropyGradient>) => {
      const g = original.logisticCrossEntropyGradient(...args);
      return { w: g.w.map((x) => x * args[0].length), b: g.b * args[0].length };
    },
  };
});

const config = { ...configFromEnv(), runs: 200, hessianRuns: 40 };
let ctx: OracleContext;
beforeAll(async () => { ctx = await createContext(config); });

describe('a broken impl turns verdicts red', () => {
  for (const id of ['ce-logit-gradient', '4.3.5']) {
    it(`${id} no longer gets its recorded verdict`, async () => {
      const found = (await loadItems()).find(({ item }) => item.id === id);
      expect(found, `item ${id} exists`).toBeDefined();
      const result = await runItem(found!.item, ctx);
      expect(result.verdict).not.toBe(found!.item.expectedVerdict);
      // The broken function is caught by a check of impl against an independent reference: a 'subject' check (impl is the
      // default subject and the audit's own reference, so its failure breaks the audit) or a 'support' check.
      expect(result.checks.some((c) => (c.role === 'subject' || c.role === 'support') && !c.passed)).toBe(true);
    });
  }
});
