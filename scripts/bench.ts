// `npm run bench`: throughput of each property family (gradient, full Hessian, Hessian-vector product,
// spectrum, Monte Carlo) for impl (float64 loops) and the tfjs oracle on cpu and wasm, batched vs one
// call per case, at three sizes d·C, plus the wall time of the whole `npm test`. A benchmark, not a
// test: it prints figures and the targets of the speed issue, and writes reports/bench.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { tfjsRuntime } from '../oracles/tfjs/backend.ts';
import { applyHigherOrderPatch } from '../oracles/tfjs/higherOrderPatch.ts';
import { batchedDerivatives, batchedHessianVectorProducts } from '../oracles/tfjs/autodiff.ts';
import { softmaxRegressionLoss } from '../oracles/tfjs/losses.ts';
import { eigenvaluesMlMatrix, eigenvaluesNumeric } from '../oracles/linalg.ts';
import { expectation, gaussian } from '../oracles/monteCarlo.ts';
import { matVec, softmaxRegressionGradient, softmaxRegressionHessian, symmetricEigenvalues } from '../impl/index.ts';
import { mulberry32 } from '../oracles/random.ts';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SIZES: [number, number][] = [[2, 2], [5, 3], [8, 5]];
const BATCH = QUICK ? 200 : 1000;
const HESSIAN_BATCH = QUICK ? 50 : 200;
const ONE_BY_ONE = QUICK ? 20 : 100;

/** A seeded generator, so every run benchmarks the same cases. */
const uniform = mulberry32;

interface Case { W: number[][]; X: number[][]; P: number[][]; flat: number[]; v: number[] }
function cases(d: number, c: number, count: number, seed: number): Case[] {
  const r = uniform(seed);
  return Array.from({ length: count }, () => {
    const W = Array.from({ length: d }, () => Array.from({ length: c }, () => 4 * r() - 2));
    const X = [Array.from({ length: d }, () => 4 * r() - 2)];
    const k = Math.floor(r() * c);
    return { W, X, P: [Array.from({ length: c }, (_, i) => (i === k ? 1 : 0))], flat: W.flat(), v: Array.from({ length: d * c }, () => r() - 0.5) };
  });
}

/** Cases per second: best of three timed runs after one warm-up. */
function rate(count: number, run: () => void): number {
  run();
  let best = Infinity;
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); run(); best = Math.min(best, performance.now() - t0); }
  return count / (best / 1000);
}

/** Cases per second of a single timed run (for methods too slow to repeat). */
function once(count: number, run: () => void): number {
  const t0 = performance.now(); run(); return count / ((performance.now() - t0) / 1000);
}

const { tf } = await tfjsRuntime();
applyHigherOrderPatch(tf);
type Row = { family: string; dC: number; impl: number; cpuBatched?: number; cpuOneByOne?: number; wasmBatched?: number; wasmOneByOne?: number };
const rows: Row[] = [];
const progress = (s: string) => process.stderr.write(`bench: ${s}\n`);
// Throughput figures mean little on a busy machine: the load at the start is printed and recorded.
const loadAtStart = os.loadavg()[0]!;
if (loadAtStart > 0.5) progress(`the 1-minute load average is ${loadAtStart.toFixed(2)}: other work is running, figures will be low`);

for (const [d, c] of SIZES) {
  const n = d * c;
  const grad = cases(d, c, BATCH, 1), hess = cases(d, c, HESSIAN_BATCH, 2);
  const build = (cs: Case[]) => softmaxRegressionLoss(cs.map((k) => k.X), cs.map((k) => k.P), cs.map((k) => k.flat));
  const families = {
    gradient: { impl: () => grad.forEach((k) => softmaxRegressionGradient(k.W, k.X, k.P)), set: grad,
      tf: (cs: Case[]) => batchedDerivatives(tf, cs.map((k) => k.flat), build(cs), false) },
    'Hessian-vector product': { impl: () => grad.forEach((k) => matVec(softmaxRegressionHessian(k.W, k.X), k.v)), set: grad,
      tf: (cs: Case[]) => batchedHessianVectorProducts(tf, cs.map((k) => k.flat), build(cs), cs.map((k) => k.v)) },
    'full Hessian': { impl: () => hess.forEach((k) => softmaxRegressionHessian(k.W, k.X)), set: hess,
      tf: (cs: Case[]) => batchedDerivatives(tf, cs.map((k) => k.flat), build(cs), true) },
  };
  for (const [family, f] of Object.entries(families)) {
    progress(`${family}, d·C = ${n}`);
    const row: Row = { family, dC: n, impl: rate(f.set.length, f.impl) };
    for (const backend of ['cpu', 'wasm'] as const) {
      await tf.setBackend(backend); await tf.ready();
      row[`${backend}Batched`] = rate(f.set.length, () => f.tf(f.set));
      const few = f.set.slice(0, ONE_BY_ONE);
      row[`${backend}OneByOne`] = rate(few.length, () => few.forEach((k) => f.tf([k])));
    }
    rows.push(row);
  }
  progress(`spectrum, n = ${n}`);
  const hessians = hess.slice(0, 50).map((k) => softmaxRegressionHessian(k.W, k.X));
  rows.push({ family: 'spectrum (impl Jacobi | ml-matrix | numeric)', dC: n, impl: rate(hessians.length, () => hessians.forEach((h) => symmetricEigenvalues(h))),
    cpuBatched: rate(hessians.length, () => hessians.forEach((h) => eigenvaluesMlMatrix(h))),
    // numeric.eig takes seconds on some rank-deficient 40×40 Hessians: timed once on five matrices.
    wasmBatched: once(5, () => hessians.slice(0, 5).forEach((h) => { try { eigenvaluesNumeric(h); } catch { /* failures are counted by qualification */ } })) });
}
progress('Monte Carlo');
const mc = gaussian(0, 1);
rows.push({ family: 'Monte Carlo (10⁴-sample expectations)', dC: 1, impl: rate(50, () => { for (let i = 0; i < 50; i++) expectation(mc.sample, 10_000, i); }) });
await tf.setBackend('wasm');

let suiteSeconds: number | undefined;
let suitePhases: { name: string; seconds: number }[] | undefined;
let costliest: { totalSeconds: number; items: { id: string; ms: number }[] } | undefined;
if (!args.has('--no-suite')) {
  progress('whole `npm test` (wall time)…');
  const t0 = performance.now();
  const run = spawnSync('npm', ['test'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  suiteSeconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) progress(`npm test exited with ${run.status}`);
  // Where the time goes: scripts/test.sh ends with one line that splits its wall time into the suite (vitest,
  // whose reporter also builds the report, which prints its own time; tsc alongside) and the report test in Chromium.
  const out = (run.stdout ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  const line = /^npm test: ([\d.]+) s wall — suite and report build ([\d.]+) s, report in Chromium ([\d.]+) s; tsc ([\d.]+) s alongside/m.exec(out);
  const build = Number(/^report: built in ([\d.]+) s/m.exec(out)?.[1] ?? NaN);
  if (line) {
    const [, , vitest, chromium, tsc] = line.map(Number);
    suitePhases = [
      { name: 'vitest: items, meta-tests, tool tests (2 workers), process start-up', seconds: vitest! - (build || 0) },
      { name: 'report build (in the vitest process, after the run)', seconds: build },
      { name: 'vitest --project report: the HTML report in Chromium', seconds: chromium! },
      { name: 'tsc, alongside the vitest run (not added)', seconds: tsc! },
    ];
  }
  // The costliest items of that run, by the CPU time of their checks in their worker (what the parts are dealt by).
  const recorded = fileURLToPath(new URL('../reports/.results/conformance.json', import.meta.url));
  if (existsSync(recorded)) {
    const items = (JSON.parse(readFileSync(recorded, 'utf8')) as { items: { id: string; result: { cpuMs?: number } }[] }).items;
    const cpu = items.map((it) => ({ id: it.id, ms: it.result.cpuMs ?? 0 })).sort((a, b) => b.ms - a.ms);
    costliest = { totalSeconds: cpu.reduce((s, x) => s + x.ms, 0) / 1000, items: cpu.slice(0, 10) };
  }
}

const fmt = (x?: number) => (x === undefined ? '—' : x >= 1e4 ? `${(x / 1000).toFixed(0)}k` : x.toFixed(0));
console.log(`cases/s (batch ${BATCH}, Hessians ${HESSIAN_BATCH}, one-by-one on ${ONE_BY_ONE} cases; best of 3)`);
console.log('spectrum row: "cpu batch" = ml-matrix, "wasm batch" = numeric (five matrices, one run); Monte Carlo has no tfjs path.');
console.log('family'.padEnd(46) + 'd·C'.padStart(4) + 'impl'.padStart(9) + 'cpu batch'.padStart(11) + 'cpu 1×1'.padStart(9) + 'wasm batch'.padStart(12) + 'wasm 1×1'.padStart(10));
for (const r of rows) {
  console.log(r.family.padEnd(46) + String(r.dC).padStart(4) + fmt(r.impl).padStart(9) + fmt(r.cpuBatched).padStart(11) + fmt(r.cpuOneByOne).padStart(9) + fmt(r.wasmBatched).padStart(12) + fmt(r.wasmOneByOne).padStart(10));
}
const at = (family: string) => rows.find((r) => r.family === family && r.dC === 15)!;
const targets = [
  { name: 'batched gradient oracle on wasm at d = 5, C = 3 (cases/s)', target: 150_000, measured: at('gradient').wasmBatched!, higherIsBetter: true },
  { name: 'full-Hessian oracle on wasm at d = 5, C = 3 (cases/s)', target: 5_000, measured: at('full Hessian').wasmBatched!, higherIsBetter: true },
  ...(suiteSeconds === undefined ? [] : [{ name: 'whole `npm test` wall time (s)', target: 20, measured: suiteSeconds, higherIsBetter: false }]),
];
if (suitePhases) {
  console.log('\nwhole `npm test`:');
  for (const p of suitePhases) console.log(`  ${p.seconds.toFixed(1).padStart(6)} s  ${p.name}`);
}
if (costliest) {
  console.log(`\nconformance items: ${costliest.totalSeconds.toFixed(1)} CPU-s in all; the costliest:`);
  for (const it of costliest.items) console.log(`  ${(it.ms / 1000).toFixed(2).padStart(6)} s  ${it.id}`);
}
console.log('\ntargets:');
for (const t of targets) {
  const ok = t.higherIsBetter ? t.measured >= t.target : t.measured <= t.target;
  const by = t.higherIsBetter ? t.target / t.measured : t.measured / t.target;
  console.log(`  ${ok ? 'met   ' : 'MISSED'} ${t.name}: ${fmt(t.measured)} vs ${t.target}${ok ? '' : ` (short by ${by.toFixed(2)}×)`}`);
}
const out = fileURLToPath(new URL('../reports/bench.json', import.meta.url));
writeFileSync(out, `${JSON.stringify({ machine: { node: process.version, cores: os.cpus().length, loadAverageAtStart: loadAtStart }, batch: BATCH, hessianBatch: HESSIAN_BATCH, rows, suiteSeconds, suitePhases, costliest, targets }, null, 2)}\n`);
console.log(`\nwrote ${out}`);
