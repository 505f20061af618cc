// `npm run bench`: the two oracle pipelines of the speed issue (#16: P1, P2, scripts/benchShapes.ts) against
// the PyTorch baseline; throughput of each property family (gradient, full Hessian, Hessian-vector product,
// spectrum, Monte Carlo) for impl (float64 loops) and the tfjs oracle on cpu and wasm, batched vs one
// call per case, at three sizes d·C; the eigensolvers side by side; the CLI's start-up times; and the wall
// time of the whole `npm test`. A benchmark, not a test: it prints figures and the issue's targets (met or
// missed, by what factor), and writes reports/bench.json. Flags: --quick (fewer cases in the family
// table), --no-suite, --no-cli, --shapes (P1/P2 only).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { tfjsRuntime } from '../oracles/tfjs/backend.ts';
import { applyHigherOrderPatch } from '../oracles/tfjs/higherOrderPatch.ts';
import { batchedDerivatives, batchedHessianVectorProducts } from '../oracles/tfjs/autodiff.ts';
import { softmaxRegressionLoss } from '../oracles/tfjs/losses.ts';
import { eigenvaluesMlMatrix, eigenvaluesNumeric } from '../oracles/linalg.ts';
import { symmetricEigenvaluesFlat } from '../oracles/symmetricEigen.ts';
import { createContext } from '../spec/engine/context.ts';
import { DEFAULT_CONFIG } from '../spec/engine/config.ts';
import { SHAPE, gradientPipeline, hessianPipeline, shapeCases, type PipelineOutcome, type ShapeCase } from './benchShapes.ts';
import { expectation, gaussian } from '../oracles/monteCarlo.ts';
import { matVec, softmaxRegressionGradient, softmaxRegressionHessian, symmetricEigenvalues } from '../impl/index.ts';
import { mulberry32 } from '../oracles/random.ts';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const SHAPES_ONLY = args.has('--shapes');
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

const load = () => os.loadavg()[0]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const progress = (s: string) => process.stderr.write(`bench: ${s}\n`);
// Throughput figures mean little on a busy machine: the load is printed and recorded with every figure.
const loadAtStart = load();
if (loadAtStart > 1.5) progress(`the 1-minute load average is ${loadAtStart.toFixed(2)}: other work is running, figures will be low`);

// ---- P1 and P2 (issue #16), through the run context the checks use: qualified tfjs (wasm) and eigen oracles.
interface ShapeResult {
  name: string; cases: number; runs: number[]; median: number; target: number; baseline: [number, number];
  load: [number, number]; worstRatio: number; failures: number;
  /** Where the time goes: each stage alone on the same cases, µs per case (median of 3). */
  stages: { stage: string; microseconds: number }[];
}
/** µs per case of `run` over `count` cases: median of three timed runs after one warm-up. */
function perCase(count: number, run: () => unknown): number {
  run();
  const ts = [0, 1, 2].map(() => { const t0 = performance.now(); run(); return performance.now() - t0; });
  return (median(ts) / count) * 1000;
}
const ctx = await createContext(DEFAULT_CONFIG);
const shapes: ShapeResult[] = [];
{
  const p1 = shapeCases(1000, 16), p2 = shapeCases(200, 17);
  const loss = (cs: ShapeCase[]) => softmaxRegressionLoss(cs.map((c) => c.X), cs.map((c) => c.P), cs.map((c) => c.flat));
  const p2Flat = p2.map((c) => Float64Array.from(softmaxRegressionHessian(c.W, c.X).flat())), lambda = new Float64Array(SHAPE.d * SHAPE.C);
  const definitions: { name: string; set: ShapeCase[]; run: (cs: ShapeCase[]) => PipelineOutcome; target: number; baseline: [number, number];
    stages: Record<string, () => unknown> }[] = [
    { name: 'P1: ∇_W mean CE, softmax regression d = 8, C = 5, N = 16 (tfjs-wasm autodiff vs closed form)', set: p1,
      run: (cs) => gradientPipeline(ctx, cs), target: 55_000, baseline: [53_000, 55_000],
      stages: {
        'tfjs gradients (loss built, inputs packed, one call, read back)': () => ctx.tfjs.derivatives(p1.map((c) => c.flat), loss(p1)).flat,
        'impl softmaxRegressionGradient': () => p1.forEach((c) => softmaxRegressionGradient(c.W, c.X, c.P)),
      } },
    { name: 'P2: 40×40 Hessian by nested autodiff vs closed form, eigenvalues (PSD, null space)', set: p2,
      run: (cs) => hessianPipeline(ctx, cs), target: 2_700, baseline: [2_500, 2_700],
      stages: {
        'tfjs Hessians (nested tf.grad, stacked)': () => ctx.tfjs.derivatives(p2.map((c) => c.flat), loss(p2), { hessian: true }).flat,
        'impl softmaxRegressionHessian': () => p2.forEach((c) => softmaxRegressionHessian(c.W, c.X)),
        [`eigenvalues (${ctx.eigen.label})`]: () => p2Flat.forEach((h) => ctx.eigen.valuesFlat(h, SHAPE.d * SHAPE.C, lambda)),
      } },
  ];
  for (const def of definitions) {
    progress(`${def.name.slice(0, 2)} (${def.set.length} cases, median of 3 warm runs)`);
    const before = load();
    let outcome = def.run(def.set); // warm-up
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      outcome = def.run(def.set);
      runs.push(def.set.length / ((performance.now() - t0) / 1000));
    }
    // A pipeline that found a failure is not a rate: it is a bug in an oracle, impl or a tolerance.
    if (outcome.failures) throw new Error(`${def.name}: ${outcome.failures} of ${outcome.cases} cases failed their comparison (worst ratio ${outcome.worstRatio})`);
    const after = load();
    const stages = Object.entries(def.stages).map(([stage, run]) => ({ stage, microseconds: perCase(def.set.length, run) }));
    const whole = 1e6 / median(runs);
    stages.push({ stage: 'the rest: tolerances, comparisons, PSD and null-space checks, garbage collection', microseconds: whole - stages.reduce((a, x) => a + x.microseconds, 0) });
    shapes.push({ name: def.name, cases: def.set.length, runs, median: median(runs), target: def.target, baseline: def.baseline,
      load: [before, after], worstRatio: outcome.worstRatio, failures: outcome.failures, stages });
  }
}

// ---- The property families (impl vs tfjs cpu/wasm, batched vs one by one) and the eigensolvers.
const { tf } = await tfjsRuntime();
applyHigherOrderPatch(tf);
type Row = { family: string; dC: number; impl: number; cpuBatched?: number; cpuOneByOne?: number; wasmBatched?: number; wasmOneByOne?: number };
const rows: Row[] = [];
type SpectrumRow = { n: number; jacobi: number; mlMatrix: number; numeric: number; tridiagonalQl: number };
const spectra: SpectrumRow[] = [];
const familiesLoad: [number, number] = [load(), 0];
if (!SHAPES_ONLY) {
  for (const [d, c] of SIZES) {
    const n = d * c;
    const grad = cases(d, c, BATCH, 1), hess = cases(d, c, HESSIAN_BATCH, 2);
    const build = (cs: Case[]) => softmaxRegressionLoss(cs.map((k) => k.X), cs.map((k) => k.P), cs.map((k) => k.flat));
    const families = {
      gradient: { impl: () => grad.forEach((k) => softmaxRegressionGradient(k.W, k.X, k.P)), set: grad,
        tf: (cs: Case[]) => batchedDerivatives(tf, cs.map((k) => k.flat), build(cs), false).gradients },
      'Hessian-vector product': { impl: () => grad.forEach((k) => matVec(softmaxRegressionHessian(k.W, k.X), k.v)), set: grad,
        tf: (cs: Case[]) => batchedHessianVectorProducts(tf, cs.map((k) => k.flat), build(cs), cs.map((k) => k.v)) },
      'full Hessian': { impl: () => hess.forEach((k) => softmaxRegressionHessian(k.W, k.X)), set: hess,
        tf: (cs: Case[]) => batchedDerivatives(tf, cs.map((k) => k.flat), build(cs), true).hessians },
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
    const flats = hessians.map((h) => Float64Array.from(h.flat())), out = new Float64Array(n);
    const jacobi = rate(hessians.length, () => hessians.forEach((h) => symmetricEigenvalues(h)));
    const mlMatrix = rate(hessians.length, () => hessians.forEach((h) => eigenvaluesMlMatrix(h)));
    // numeric.eig takes seconds on some rank-deficient 40×40 Hessians: timed once on five matrices.
    const numericRate = once(5, () => hessians.slice(0, 5).forEach((h) => { try { eigenvaluesNumeric(h); } catch { /* failures are counted by qualification */ } }));
    const tridiagonalQl = rate(flats.length, () => flats.forEach((h) => symmetricEigenvaluesFlat(h, n, out)));
    rows.push({ family: 'spectrum (impl Jacobi | ml-matrix | numeric)', dC: n, impl: jacobi, cpuBatched: mlMatrix, wasmBatched: numericRate });
    spectra.push({ n, jacobi, mlMatrix, numeric: numericRate, tridiagonalQl });
  }
  progress('Monte Carlo');
  const mc = gaussian(0, 1);
  rows.push({ family: 'Monte Carlo (10⁴-sample expectations)', dC: 1, impl: rate(50, () => { for (let i = 0; i < 50; i++) expectation(mc.sample, 10_000, i); }) });
  await tf.setBackend('wasm');
}
familiesLoad[1] = load();

// ---- The CLI's start-up: `node bin/losscheck.js …`, median of 5 (`check`: of 3).
interface CliTiming { command: string; seconds: number; runs: number[]; target: number; status: number | null; load: [number, number] }
const cli: CliTiming[] = [];
if (!SHAPES_ONLY && !args.has('--no-cli')) {
  const bin = fileURLToPath(new URL('../bin/losscheck.js', import.meta.url));
  const commands: { argv: string[]; target: number; repeat: number }[] = [
    { argv: ['help'], target: 0.5, repeat: 5 },
    { argv: ['list'], target: 0.5, repeat: 5 },
    { argv: ['check', 'no-such-item'], target: 0.5, repeat: 5 },
    { argv: ['check', '4.3.9', '--runs', '100'], target: 2, repeat: 3 },
  ];
  for (const c of commands) {
    progress(`losscheck ${c.argv.join(' ')}`);
    const before = load(), runs: number[] = [];
    let status: number | null = null;
    for (let i = 0; i < c.repeat; i++) {
      const t0 = performance.now();
      status = spawnSync(process.execPath, [bin, ...c.argv], { stdio: 'ignore', env: process.env }).status;
      runs.push((performance.now() - t0) / 1000);
    }
    cli.push({ command: `node bin/losscheck.js ${c.argv.join(' ')}`, seconds: median(runs), runs, target: c.target, status, load: [before, load()] });
  }
}

// ---- The whole `npm test`.
let suiteSeconds: number | undefined;
let suitePhases: { name: string; seconds: number }[] | undefined;
let costliest: { totalSeconds: number; items: { id: string; ms: number }[] } | undefined;
let suiteLoad: [number, number] | undefined;
if (!SHAPES_ONLY && !args.has('--no-suite')) {
  progress('whole `npm test` (wall time)…');
  const before = load();
  const t0 = performance.now();
  const run = spawnSync('npm', ['test'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  suiteSeconds = (performance.now() - t0) / 1000;
  suiteLoad = [before, load()];
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

// ---- Output.
const fmt = (x?: number) => (x === undefined ? '—' : x >= 1e4 ? `${(x / 1000).toFixed(0)}k` : x >= 100 ? x.toFixed(0) : x.toPrecision(3));
const loads = (l: [number, number]) => `load ${l[0].toFixed(2)}→${l[1].toFixed(2)}`;
console.log('P1 and P2 (issue #16): cases/s, median of 3 warm runs; the baseline is PyTorch 1.13 + functorch vmap, one thread');
for (const s of shapes) {
  const ok = s.median >= s.target;
  console.log(`  ${ok ? 'met   ' : 'MISSED'} ${s.name}`);
  console.log(`         ${fmt(s.median)} cases/s (runs ${s.runs.map(fmt).join(', ')}; ${s.cases} cases; ${loads(s.load)}) vs target ${fmt(s.target)}, `
    + `baseline ${fmt(s.baseline[0])}–${fmt(s.baseline[1])}: ${(s.median / s.baseline[1]).toFixed(2)}–${(s.median / s.baseline[0]).toFixed(2)}× the baseline`
    + `${ok ? '' : `, short of the target by ${(s.target / s.median).toFixed(2)}×`}; worst error/tolerance ${s.worstRatio.toExponential(2)}`);
  const budget = 1e6 / s.target;
  console.log(`         where the time goes (µs per case; the target allows ${budget.toFixed(1)} in all):`);
  for (const st of s.stages) console.log(`           ${st.microseconds.toFixed(1).padStart(7)}  ${st.stage}`);
}
if (rows.length) {
  console.log(`\ncases/s (batch ${BATCH}, Hessians ${HESSIAN_BATCH}, one-by-one on ${ONE_BY_ONE} cases; best of 3; ${loads(familiesLoad)})`);
  console.log('spectrum row: "cpu batch" = ml-matrix, "wasm batch" = numeric (five matrices, one run); Monte Carlo has no tfjs path.');
  console.log('family'.padEnd(46) + 'd·C'.padStart(4) + 'impl'.padStart(9) + 'cpu batch'.padStart(11) + 'cpu 1×1'.padStart(9) + 'wasm batch'.padStart(12) + 'wasm 1×1'.padStart(10));
  for (const r of rows) {
    console.log(r.family.padEnd(46) + String(r.dC).padStart(4) + fmt(r.impl).padStart(9) + fmt(r.cpuBatched).padStart(11) + fmt(r.cpuOneByOne).padStart(9) + fmt(r.wasmBatched).padStart(12) + fmt(r.wasmOneByOne).padStart(10));
  }
  console.log('\nsymmetric eigenvalues of softmax-regression Hessians, matrices/s (best of 3; numeric: five matrices, one run)');
  console.log('n'.padStart(4) + 'impl Jacobi'.padStart(13) + 'ml-matrix'.padStart(11) + 'numeric'.padStart(9) + 'tridiagonal QL (Float64Array, values only)'.padStart(44));
  for (const r of spectra) console.log(String(r.n).padStart(4) + fmt(r.jacobi).padStart(13) + fmt(r.mlMatrix).padStart(11) + fmt(r.numeric).padStart(9) + fmt(r.tridiagonalQl).padStart(44));
}
if (cli.length) {
  console.log('\nCLI start-up (median of 5; check: of 3):');
  for (const c of cli) console.log(`  ${c.seconds.toFixed(2).padStart(5)} s  ${c.command} (exit ${c.status}; ${loads(c.load)})`);
}
if (suitePhases || suiteSeconds !== undefined) {
  console.log(`\nwhole \`npm test\`: ${suiteSeconds!.toFixed(1)} s (${loads(suiteLoad!)})`);
  for (const p of suitePhases ?? []) console.log(`  ${p.seconds.toFixed(1).padStart(6)} s  ${p.name}`);
}
const at = (family: string) => rows.find((r) => r.family === family && r.dC === 15);
const targets = [
  ...shapes.map((s) => ({ name: `${s.name.slice(0, 2)} pipeline (cases/s)`, target: s.target, measured: s.median, higherIsBetter: true })),
  ...(at('gradient') ? [
    { name: 'batched gradient oracle on wasm at d = 5, C = 3 (cases/s)', target: 150_000, measured: at('gradient')!.wasmBatched!, higherIsBetter: true },
    { name: 'full-Hessian oracle on wasm at d = 5, C = 3 (cases/s)', target: 5_000, measured: at('full Hessian')!.wasmBatched!, higherIsBetter: true },
  ] : []),
  ...cli.map((c) => ({ name: `${c.command} (s)`, target: c.target, measured: c.seconds, higherIsBetter: false })),
  ...(suiteSeconds === undefined ? [] : [{ name: 'whole `npm test` wall time (s)', target: 20, measured: suiteSeconds, higherIsBetter: false }]),
];
if (costliest) {
  console.log(`\nconformance items: ${costliest.totalSeconds.toFixed(1)} CPU-s in all; the costliest:`);
  for (const it of costliest.items) console.log(`  ${(it.ms / 1000).toFixed(2).padStart(6)} s  ${it.id}`);
}
console.log('\ntargets:');
for (const t of targets) {
  const ok = t.higherIsBetter ? t.measured >= t.target : t.measured <= t.target;
  const by = t.higherIsBetter ? t.target / t.measured : t.measured / t.target;
  console.log(`  ${ok ? 'met   ' : 'MISSED'} ${t.name}: ${fmt(t.measured)} vs ${fmt(t.target)}${ok ? '' : ` (short by ${by.toFixed(2)}×)`}`);
}
const outFile = fileURLToPath(new URL('../reports/bench.json', import.meta.url));
writeFileSync(outFile, `${JSON.stringify({
  machine: { node: process.version, cores: os.cpus().length, loadAverageAtStart: loadAtStart },
  eigenOracle: ctx.eigen.label, shapes, batch: BATCH, hessianBatch: HESSIAN_BATCH, familiesLoad, rows, spectra, cli,
  suiteSeconds, suitePhases, suiteLoad, costliest, targets,
}, null, 2)}\n`);
console.log(`\nwrote ${outFile}`);
