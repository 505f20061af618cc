// `npm run test:browser`: the conformance items on the backends `npm test` does not use, for the
// cross-backend agreement table (reports/backends.ts). Steps, in order:
//   node-wasm the Node suite on wasm (as `npm test`) → reports/.results/backend-node-wasm.json, so the
//             four columns come from one tree even when conformance.json is older or partial
//   node-cpu  the Node suite with LOSSCHECK_BACKEND=cpu → reports/.results/backend-node-cpu.json
//   browser   headless Chromium (scripts/chromium.ts), tfjs webgl then wasm (vitest.config.ts, project browser-oracle)
//             → reports/.results/backend-browser-{webgl,wasm}.json
//   report    rebuilds reports/out/conformance.{json,md,html} when the main run (`npm test`) is recorded
//             (the committed snapshot in reports/ is written by `npm run publish-report` only)
// `npx losscheck backends browser` (or `tsx scripts/backends.ts browser`) runs only the named steps; the
// arguments are parsed by cli/args.ts. Returns (exits with) the first failing status.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromiumLaunch } from './chromium.ts';
import { BACKEND_STEPS, UsageError, parseBackendsArgs, type BackendStep } from '../cli/args.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = join(ROOT, 'reports', '.results');
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

/** Runs the steps in order (all of BACKEND_STEPS by default) and returns the first failing status. */
export async function backends(steps: readonly BackendStep[] = BACKEND_STEPS): Promise<number> {
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
      const r = run(['vitest', 'run', '--project', 'browser-oracle']);
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
  return status;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exit(await backends(parseBackendsArgs(process.argv.slice(2)).steps));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`backends: ${e.message}`);
    process.exit(2);
  }
}
