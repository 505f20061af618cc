// `npm run test:browser`: the conformance items on the backends `npm test` does not use, for the
// cross-backend agreement table (reports/backends.ts). Steps, in order:
//   node-wasm the Node suite on wasm (as `npm test`) → reports/.results/backend-node-wasm.json, so the
//             four columns come from one tree even when conformance.json is older or partial
//   node-cpu  the Node suite with LOSSCHECK_BACKEND=cpu → reports/.results/backend-node-cpu.json
//   browser   headless Chromium (scripts/chromium.ts), tfjs webgl then wasm (vitest.oracle-browser.config.ts)
//             → reports/.results/backend-browser-{webgl,wasm}.json
//   report    rebuilds reports/out/conformance.{json,md,html} when the main run (`npm test`) is recorded
//             (the committed snapshot in reports/ is written by `npm run publish-report` only)
// `tsx scripts/backends.ts browser` runs only the named steps. Exits with the first failing status.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromiumLaunch } from './chromium.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = join(ROOT, 'reports', '.results');
const STEPS = ['node-wasm', 'node-cpu', 'browser', 'report'] as const;
type Step = (typeof STEPS)[number];

const requested = process.argv.slice(2);
const unknown = requested.filter((s) => !(STEPS as readonly string[]).includes(s));
if (unknown.length) {
  console.error(`usage: tsx scripts/backends.ts [${STEPS.join('|')}]…  (unknown: ${unknown.join(', ')})`);
  process.exit(2);
}
const steps: Step[] = requested.length ? (requested as Step[]) : [...STEPS];

function run(args: string[], env: Record<string, string> = {}): { status: number; seconds: number } {
  const started = performance.now();
  const r = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return { status: r.status ?? 1, seconds: (performance.now() - started) / 1000 };
}

/** Adds the wall time to a recorded run, so the agreement table can show what each backend cost. */
function stampTiming(file: string, timing: Record<string, number>): void {
  if (!existsSync(file)) return;
  const payload = JSON.parse(readFileSync(file, 'utf8')) as { generated: { timing?: Record<string, number> } };
  payload.generated.timing = { ...payload.generated.timing, ...timing };
  writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
}

let status = 0;
const summary: string[] = [];
for (const step of steps) {
  if (step === 'node-wasm' || step === 'node-cpu') {
    const backend = step.slice('node-'.length);
    const r = run(['vitest', 'run', 'spec/conformance/'], { LOSSCHECK_BACKEND: backend, LOSSCHECK_RESULTS_NAME: `backend-${step}` });
    if (!process.env.LOSSCHECK_ONLY) stampTiming(join(RESULTS, `backend-${step}.json`), { wallMs: Math.round(r.seconds * 1000) });
    summary.push(`${step}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s`);
    status ||= r.status;
  } else if (step === 'browser') {
    let browser: string;
    try {
      browser = (await chromiumLaunch()).source;
    } catch (e) {
      console.error(`no Chromium: ${e instanceof Error ? e.message : String(e)}`);
      summary.push('browser: not run (no Chromium)');
      status ||= 1;
      continue;
    }
    const r = run(['vitest', 'run', '--config', 'vitest.oracle-browser.config.ts']);
    summary.push(`browser (webgl, wasm; ${browser}): ${r.status === 0 ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s`);
    status ||= r.status;
  } else if (!existsSync(join(RESULTS, 'conformance.json'))) {
    summary.push('report: not rebuilt (no main run recorded: run `npm test` first)');
  } else {
    const r = run(['tsx', 'reports/build.ts']);
    summary.push(`report: ${r.status === 0 ? 'rebuilt' : 'FAILED'}`);
    status ||= r.status;
  }
}
console.log(summary.map((s) => `test:browser · ${s}`).join('\n'));
process.exit(status);
