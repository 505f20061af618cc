// The vitest reporter that records a conformance run. Each conformance test attaches its item's record
// to its task meta, and each part's last test attaches what its worker knows about the run (the oracle
// findings, the references it qualified, the ids dealt to it); at the end of the run this reporter, in
// the main process, assembles them into reports/.results/<name>.json. Nothing else writes results, and
// nothing travels through the file system between workers.
import type { Reporter, TestModule } from 'vitest/node';
import { assembleResults, writeResults, type ContextRecord, type ItemRecord } from './results.ts';
import { resultsName } from './runName.ts';
import { loadSource, sourceRequired, SOURCE_HINT } from './source.ts';

/** What a conformance test attaches to its task meta. */
export type LosscheckMeta = { kind: 'item'; record: ItemRecord } | { kind: 'context'; record: ContextRecord };

declare module '@vitest/runner' {
  interface TaskMeta { losscheck?: LosscheckMeta }
}

/** The item and context records of a finished run, in the order vitest reports them. */
export function collectRecords(modules: ReadonlyArray<TestModule>): { items: ItemRecord[]; contexts: ContextRecord[] } {
  const items: ItemRecord[] = [], contexts: ContextRecord[] = [];
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      const meta = test.meta().losscheck;
      if (meta?.kind === 'item') items.push(meta.record);
      else if (meta?.kind === 'context') contexts.push(meta.record);
    }
  }
  return { items, contexts };
}

export default class LosscheckResultsReporter implements Reporter {
  onInit(): void {
    // Said once per run: the tests that need the audited text are skipped (spec/_meta), or fail under
    // LOSSCHECK_REQUIRE_SOURCE (vitest's reporter does not print the names of skipped tests).
    if (!sourceRequired() && !loadSource()) console.warn(`losscheck: quote, ledger and completeness checks skipped: ${SOURCE_HINT}`);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const { items, contexts } = collectRecords(modules);
    if (!contexts.length) return; // no conformance part ran
    const results = assembleResults(contexts, items);
    if (!results) {
      // A part that was filtered out (e.g. `vitest run spec/conformance/part-1`) or whose worker died.
      console.warn(`losscheck: results not recorded, incomplete run (${contexts.length} of ${contexts[0]!.part.count} parts)`);
      return;
    }
    writeResults(resultsName(), results);
  }
}
