// vitest global setup (main process). Gives the run an id (this process's pid) that the conformance
// parts write their results under, and after the run merges each complete set of parts into
// reports/.results/<name>.json (see results.ts).
import type { TestProject } from 'vitest/node';
import { clearStaleResultParts, mergeResultParts } from './results.ts';
import { loadSource, sourceRequired, SOURCE_HINT } from './source.ts';

declare module 'vitest' {
  export interface ProvidedContext { losscheckRun: string }
}

/** Set on the process once the hint is shown (each vitest project loads this module afresh). */
const HINT_SHOWN = Symbol.for('losscheck.sourceHintShown');

export default function setup(project: TestProject): () => void {
  clearStaleResultParts();
  // Said once per run (setup runs once per vitest project): the tests that need the audited text are
  // skipped (spec/_meta), or fail under LOSSCHECK_REQUIRE_SOURCE.
  const shown = globalThis as { [HINT_SHOWN]?: boolean };
  if (!shown[HINT_SHOWN] && !sourceRequired() && !loadSource()) console.warn(`losscheck: quote and completeness checks skipped: ${SOURCE_HINT}`);
  shown[HINT_SHOWN] = true;
  const run = String(process.pid);
  project.provide('losscheckRun', run);
  return () => {
    const { incomplete } = mergeResultParts(run);
    // A part that was filtered out (e.g. `vitest run spec/conformance/part-1`) or whose worker died.
    for (const line of incomplete) console.warn(`losscheck: results not merged, incomplete run (${line})`);
  };
}
