// `npm run publish-report`: writes the snapshot committed for readers, reports/conformance.{json,md} (the
// report the README links to) and reports/screenshot.png, from the recorded results in reports/.results
// (`npm test`; the cross-backend agreement: `npm run test:browser`). Nothing else writes them: `npm test`
// and `npm run report` write to the ignored reports/out/, so a test run leaves the tree clean.
// What the snapshot leaves out (timings, the Node version) and when it keeps the agreement table of the
// snapshot before: reports/snapshot.ts. Steps: build the snapshot's reports in reports/out/publish/,
// open its HTML page in Chromium with test/browser/report.test.ts (which takes the screenshot), and only
// when that passes copy the json, md and screenshot to reports/.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, loadResults, writeReports } from '../reports/build.ts';
import { snapshotResults } from '../reports/snapshot.ts';
import type { BackendAgreement } from '../reports/backends.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const REPORTS = join(ROOT, 'reports');
const STAGE = join(OUT, 'publish');
const PUBLISHED = ['conformance.json', 'conformance.md', 'screenshot.png'];

const committed = join(REPORTS, 'conformance.json');
const previous = existsSync(committed) ? JSON.parse(readFileSync(committed, 'utf8')) as { backendAgreement?: BackendAgreement } : undefined;
const { results, kept } = snapshotResults(loadResults(), previous);
rmSync(STAGE, { recursive: true, force: true });
await writeReports(results, STAGE);

const browser = spawnSync('npx', ['vitest', 'run', '--project', 'report'],
  { cwd: ROOT, stdio: 'inherit', env: { ...process.env, LOSSCHECK_REPORT_DIR: STAGE } });
if (browser.status !== 0) {
  console.error(`publish-report: the snapshot's page failed its browser test; nothing published (staged in ${STAGE})`);
  process.exit(browser.status ?? 1);
}
for (const f of PUBLISHED) copyFileSync(join(STAGE, f), join(REPORTS, f));
rmSync(STAGE, { recursive: true, force: true });
console.log(`publish-report: wrote ${PUBLISHED.map((f) => `reports/${f}`).join(', ')} (${results.items.length} items)` +
  (kept ? '; cross-backend table kept from the snapshot before (fewer than four backends recorded: `npm run test:browser`)' : ''));
