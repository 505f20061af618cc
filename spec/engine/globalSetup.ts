// vitest global setup (main process). Gives the run an id (this process's pid) that the conformance
// parts write their results under, and after the run merges each complete set of parts into
// reports/.results/<name>.json (see results.ts).
import type { TestProject } from 'vitest/node';
import { clearStaleResultParts, mergeResultParts } from './results.ts';

declare module 'vitest' {
  export interface ProvidedContext { losscheckRun: string }
}

export default function setup(project: TestProject): () => void {
  clearStaleResultParts();
  const run = String(process.pid);
  project.provide('losscheckRun', run);
  return () => {
    const { incomplete } = mergeResultParts(run);
    // A part that was filtered out (e.g. `vitest run spec/conformance/part-1`) or whose worker died.
    for (const line of incomplete) console.warn(`losscheck: results not merged, incomplete run (${line})`);
  };
}
