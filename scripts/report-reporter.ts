// A vitest reporter that renders reports/out/ (reports/build.ts) at the end of a run that recorded the main
// results: reports/.results/conformance.json, written in this same process by spec/engine/reporter.ts (listed
// before this one in vitest.config.ts). So `npm test` builds the report without another process, and the
// report modules (vega, temml, the font subsetter) load while the workers are still running the items.
// Partial and named runs (selected.json, soak, backend-*) leave the report alone, as does a shard that writes
// a blob report; `vitest --merge-reports` of the shards builds it from the merged results.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Reporter } from 'vitest/node';

const MAIN_RESULTS = fileURLToPath(new URL('../reports/.results/conformance.json', import.meta.url));
type Build = typeof import('../reports/build.ts');

export default class ReportReporter implements Reporter {
  private started = Date.now();
  private build: Promise<Build> | undefined;

  onInit(): void {
    this.started = Date.now();
  }

  /** After the first file: the workers' start-up (the main process transforms their modules) is over. */
  onTestModuleEnd(): void {
    this.build ??= import('../reports/build.ts');
    this.build.catch(() => { /* reported at the end, if a report is due */ });
  }

  async onTestRunEnd(): Promise<void> {
    if (!existsSync(MAIN_RESULTS) || statSync(MAIN_RESULTS).mtimeMs < this.started) return;
    const t0 = performance.now();
    try {
      const { consoleSummary, loadResults, writeReports } = await (this.build ??= import('../reports/build.ts'));
      const results = loadResults();
      const [, , html] = await writeReports(results);
      console.log(`${consoleSummary(results, html)}\nreport: built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (e) {
      console.error(`report: not built: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      process.exitCode = 1;
    }
  }
}
