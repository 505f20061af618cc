// `npm run test:browser`: the conformance items on the backends `npm test` does not use, for the
// cross-backend agreement table (reports/backends.ts). Steps, in order:
//   node-wasm the Node suite on wasm (as `npm test`) → reports/.results/backend-node-wasm.json, so the
//             four columns come from one tree even when conformance.json is older or partial; not run
//             again when conformance.json is a complete run of this very tree (clean, same commit) on
//             wasm at the same configuration: `npm test` recorded it, and the table takes it from there
//   node-cpu  the Node suite with LOSSCHECK_BACKEND=cpu → reports/.results/backend-node-cpu.json
//   browser   headless Chromium (scripts/chromium.ts), tfjs webgl then wasm (vitest.config.ts, project browser-oracle)
//             → reports/.results/backend-browser-{webgl,wasm}.json
//   report    rebuilds reports/out/conformance.{json,md,html} when the main run (`npm test`) is recorded
//             (the committed snapshot in reports/ is written by `npm run publish-report` only)
// `npx losscheck backends browser` (or `tsx scripts/backends.ts browser`) runs only the named steps; the
// arguments are parsed by cli/args.ts. Returns (exits with) the first failing status.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { chromiumLaunch } from './chromium.ts';
import { BACKEND_STEPS, UsageError, parseBackendsArgs, type BackendStep } from '../cli/args.ts';
import { configFromEnv } from '../spec/engine/config.ts';
import { provenance } from '../spec/engine/results.ts';

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

/**
 * Why the main run (reports/.results/conformance.json, written by `npm test`) already is the node-wasm
 * column, or undefined when it is not: it must be complete, on wasm, at this run's configuration, and
 * recorded from this commit with a clean tree (a dirty tree may have changed since).
 */
export function mainRunIsNodeWasm(file = join(RESULTS, 'conformance.json'), env: Record<string, string | undefined> = process.env, current = provenance().commit): string | undefined {
  if (env.LOSSCHECK_ONLY || env.LOSSCHECK_BACKEND || !existsSync(file) || !current || current.endsWith('+dirty')) return undefined;
  const main = JSON.parse(readFileSync(file, 'utf8')) as { generated: { backend: string; seed: number; runs: number; hessianRuns: number; commit?: string }; missing?: string[] };
  const g = main.generated, config = configFromEnv(env);
  const same = g.backend === 'tfjs-wasm' && g.commit === current && !main.missing?.length
    && g.seed === config.seed && g.runs === config.runs && g.hessianRuns === config.hessianRuns;
  return same ? `recorded by \`npm test\` at ${current.slice(0, 12)} (seed ${g.seed}, ${g.runs} cases), not run again` : undefined;
}

/** Runs the steps in order (all of BACKEND_STEPS by default) and returns the first failing status. */
export async function backends(steps: readonly BackendStep[] = BACKEND_STEPS): Promise<number> {
  let status = 0;
  const summary: string[] = [];
  for (const step of steps) {
    const recorded = step === 'node-wasm' ? mainRunIsNodeWasm() : undefined;
    if (recorded) {
      // An explicit node-wasm file would win over the main run in the table; one left by an older tree must not.
      rmSync(join(RESULTS, 'backend-node-wasm.json'), { force: true });
      summary.push(`node-wasm: ${recorded}`);
    } else if (step === 'node-wasm' || step === 'node-cpu') {
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
