// Records what each conformance item costs, for dealing the items to the parts (spec/engine/suite.ts):
// reads the CPU milliseconds of every item from a recorded full run at the default configuration
// (reports/.results/conformance.json, or the file named) and writes spec/conformance/costs.json.
// Run it after `npm test` when items were added or made faster: `npx tsx scripts/conformance-costs.ts`.
// CPU time rather than wall time, so a busy machine records about the same costs as an idle one.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../spec/engine/config.ts';
import { COSTS_FILE } from '../spec/engine/suite.ts';

const from = process.argv[2] ?? fileURLToPath(new URL('../reports/.results/conformance.json', import.meta.url));
const run = JSON.parse(readFileSync(from, 'utf8')) as {
  generated: { seed: number; runs: number; hessianRuns: number; backend: string };
  items: { id: string; result: { cpuMs?: number } }[];
};
const { seed, runs, hessianRuns, backend } = run.generated;
if (runs !== DEFAULT_CONFIG.runs || hessianRuns !== DEFAULT_CONFIG.hessianRuns) {
  console.error(`conformance-costs: ${from} ran ${runs} cases (${hessianRuns} for Hessians), not the default ${DEFAULT_CONFIG.runs} (${DEFAULT_CONFIG.hessianRuns})`);
  process.exit(2);
}
const missing = run.items.filter((it) => it.result.cpuMs === undefined).map((it) => it.id);
if (missing.length) { console.error(`conformance-costs: no cpuMs for ${missing.join(', ')}`); process.exit(2); }
const items: Record<string, number> = Object.fromEntries(run.items.map((it) => [it.id, it.result.cpuMs!]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));
const total = Object.values(items).reduce((s, x) => s + x, 0);
writeFileSync(COSTS_FILE, `${JSON.stringify({ about: 'CPU ms per conformance item (scripts/conformance-costs.ts); spec/engine/suite.ts deals the parts by it', seed, backend, items }, null, 2)}\n`);
console.log(`conformance-costs: ${run.items.length} items, ${(total / 1000).toFixed(1)} CPU-s, written to ${fileURLToPath(COSTS_FILE)}`);
