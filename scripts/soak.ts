// Seed soak (`npm run soak`): runs the conformance suite under 20 seeds with at least 4000 cases per property
// and fails when any verdict differs from the one recorded in its item, when an item records no result (its
// test threw) or measures NaN, when any check comes within 2× of changing its item's verdict under some seed
// (a pass within 2× of its tolerance, a refutation within 2× of the refutation margin, a witness within 2×
// of the witness margin), or when a Monte Carlo deviation is improbable as noise. The judging is
// scripts/soakJudge.ts (pure, tested in test/scripts/soakJudge.test.ts); this file runs and records.
//
//   npm run soak                                   20 seeds from mulberry32(20261129), cases ∈ [4000, 8000) per seed
//   npm run soak -- --seeds 20 --runs 4000         the same, explicitly
//   npm run soak -- --seed-base 7                  20 new seeds (and case counts) from mulberry32(7)
//   npm run soak -- --only id1,id2                 only these items (LOSSCHECK_ONLY)
//   npm run soak -- --quick --seeds 2 --runs 200   a quick look below 4000 cases (not a soak: a warning says so)
//   npm run soak -- --summarise                    judge the recorded per-seed results again, without re-running
//
// Each seed is one `vitest run spec/conformance/` with LOSSCHECK_SEED/LOSSCHECK_RUNS set and
// LOSSCHECK_RESULTS_NAME=soak; its reports/.results/soak.json (selected.json with --only) is moved to
// reports/.results/soak/seed-<seed>-cases-<cases>.json, where reports/build.ts does not read it. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadItems } from '../spec/engine/registry.ts';
import {
  HEADROOM_FLOOR, SOAK_MIN_RUNS, SOAK_SEEDS, SOAK_SEED_BASE, WITNESS_MARGIN, closestCallRecords, closestCallTable, describeMargin,
  judgeSeed, judgeSoak, soakPlan, type RecordedItem, type SeedJudgement,
} from './soakJudge.ts';
import { UsageError, parseSoakArgs, type SoakOptions } from '../cli/args.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS = join(ROOT, 'reports', '.results');
const SOAK_DIR = join(RESULTS, 'soak');

// One argument parser for every command (cli/args.ts): `npm run soak -- …` and `npx losscheck soak …` alike.
function soakArgs(argv: string[]): SoakOptions {
  try { return parseSoakArgs(argv); } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`soak: ${e.message}`);
    process.exit(2);
  }
}
const args = soakArgs(process.argv.slice(2));
const seedCount = args.seeds ?? SOAK_SEEDS;
const runs = args.runs ?? SOAK_MIN_RUNS;
const seedBase = args.seedBase ?? SOAK_SEED_BASE;
const only = args.only ?? '';
const quick = args.quick;
/** --summarise: judge the per-seed results already recorded in reports/.results/soak/ without running them again. */
const summariseOnly = args.summarise;
if (runs < SOAK_MIN_RUNS && !quick) {
  console.error(`soak: --runs ${runs} is below the soak's ${SOAK_MIN_RUNS} cases per property; add --quick for a quick look (which is not a soak)`);
  process.exit(2);
}
const quickLook = runs < SOAK_MIN_RUNS || quick;
/** Only a full soak (every item, ≥ 20 seeds, ≥ 4000 cases) replaces the committed reports/soak-summary.json. */
const fullSoak = !quickLook && !only && seedCount >= SOAK_SEEDS;
const plan = soakPlan(seedBase, seedCount, runs);
const WARNING = `soak: WARNING: ${runs} cases per property is a quick look, not a soak (a soak runs ≥ ${SOAK_MIN_RUNS}); nothing it passes is evidence of stability`;

if (quickLook) console.log(WARNING);
console.log(`soak: ${plan.length} seeds drawn from mulberry32(${seedBase}) (--seed-base), cases per property drawn from [${runs}, ${2 * runs}) (--runs; Hessian properties 1/5 of it):`);
console.log(`  ${plan.map((r) => `${r.seed} × ${r.cases}`).join(', ')}`);

const started = Date.now();
mkdirSync(SOAK_DIR, { recursive: true });
const selected = only ? only.split(',').map((s) => s.trim()) : undefined;
const expectedIds = (await loadItems()).map(({ item }) => item.id).filter((id) => !selected || selected.includes(id));
const judged: SeedJudgement[] = [];

for (const [k, { seed, cases }] of plan.entries()) {
  const t0 = Date.now();
  process.stdout.write(`soak: seed ${k + 1}/${plan.length} (LOSSCHECK_SEED=${seed}, LOSSCHECK_RUNS=${cases}) … `);
  const kept = join(SOAK_DIR, `seed-${seed}-cases-${cases}.json`);
  if (!summariseOnly) {
    const run = spawnSync('npx', ['vitest', 'run', 'spec/conformance/'], {
      cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20,
      env: { ...process.env, LOSSCHECK_SEED: String(seed), LOSSCHECK_RUNS: String(cases), LOSSCHECK_RESULTS_NAME: 'soak', ...(only ? { LOSSCHECK_ONLY: only } : {}) },
    });
    const written = join(RESULTS, only ? 'selected.json' : 'soak.json');
    if (!existsSync(written)) {
      console.log('no results written');
      console.error(run.stdout.slice(-4000), run.stderr.slice(-4000));
      process.exit(1);
    }
    renameSync(written, kept);
  }
  if (!existsSync(kept)) { console.log(`no recorded run in ${kept}: run the soak without --summarise`); process.exit(1); }
  const recorded = JSON.parse(readFileSync(kept, 'utf8')) as { generated: { seed: number; runs: number }; items: RecordedItem[] };
  if (recorded.generated.seed !== seed || recorded.generated.runs !== cases) {
    console.log(`${kept} records seed ${recorded.generated.seed} with ${recorded.generated.runs} cases, not ${seed} with ${cases}`);
    process.exit(1);
  }
  const j = judgeSeed(seed, cases, recorded.items, expectedIds);
  judged.push(j);
  const thin = j.calls.filter((c) => c.judgement && !c.monteCarlo && c.headroom < HEADROOM_FLOOR).length;
  console.log(`${recorded.items.length} items in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${j.verdictChanges.length} verdict changes, ${thin} checks with headroom < ${HEADROOM_FLOOR}`
    + (j.nan.length ? `, NaN measured by ${j.nan.map((n) => `${n.item} · ${n.check}`).join('; ')}` : '')
    + (j.missing.length ? `, NO RESULT for ${j.missing.join(', ')} (its test threw: LOSSCHECK_SEED=${seed} LOSSCHECK_RUNS=${cases} LOSSCHECK_ONLY=${j.missing[0]} npx vitest run spec/conformance/)` : ''));
}

const verdict = judgeSoak(judged, expectedIds);
const finite = (x: number) => (Number.isFinite(x) ? x : String(x));
const summary = {
  seedBase: seedBase, generator: `mulberry32(${seedBase}) (oracles/monteCarlo.ts rng): per seed, LOSSCHECK_SEED = ⌊2³¹u₁⌋, LOSSCHECK_RUNS = runs + ⌊runs·u₂⌋`,
  runs, seeds: plan.map((r) => ({ seed: r.seed, cases: r.cases })), only: only || undefined,
  ...(quickLook ? { quickLook: WARNING } : {}),
  minutes: Number(((Date.now() - started) / 60000).toFixed(1)),
  mode: summariseOnly ? 're-judged the recorded per-seed results (--summarise)' : 'ran every seed',
  margin: 'tolerance/measured for "at most" checks, measured/tolerance for "at least" checks (> 1 passes; a failure misses by 1/margin); '
    + `headroom: how far the margin may move before the item's verdict changes (scripts/soakJudge.ts JUDGEMENT; refutation and witness margin ${WITNESS_MARGIN}); floor ${HEADROOM_FLOOR}`,
  verdictChanges: verdict.verdictChanges,
  missingResults: verdict.missingResults,
  nanMeasurements: verdict.nanMeasurements,
  belowFloor: Object.fromEntries(Object.entries(verdict.belowFloor).map(([k, v]) => [k, {
    seeds: v.seeds, worstHeadroom: finite(v.worst.headroom), worst: `${describeMargin(v.worst.margin)} [${v.worst.role}/${v.worst.quantifier}] seed ${v.worst.seed}, ${v.worst.cases} cases: ${v.worst.judgement!.change}`,
  }])),
  monteCarlo: {
    rule: verdict.monteCarlo.rule,
    checks: Object.fromEntries(Object.entries(verdict.monteCarlo.checks).map(([k, v]) => [k, { ...v, smallestChance: finite(v.smallestChance) }])),
  },
  closestCalls: closestCallRecords(verdict.closestCalls),
  passed: verdict.passed,
};
writeFileSync(join(SOAK_DIR, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
// The full soak's outcome is kept with the project (reports/soak-summary.json), as the mutation summary is.
if (fullSoak) writeFileSync(join(ROOT, 'reports', 'soak-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
rmSync(join(RESULTS, 'soak.json'), { force: true });

console.log(`\nsoak: ${plan.length} seeds, ${Math.min(...plan.map((r) => r.cases))}–${Math.max(...plan.map((r) => r.cases))} cases per property, in ${summary.minutes} min (details: reports/.results/soak/summary.json${fullSoak ? ', reports/soak-summary.json' : ''})`);
console.log('\nclosest call per item (margin = tolerance/measured or measured/tolerance, > 1 passes; headroom = how far it may move before the verdict changes):');
for (const line of closestCallTable(verdict.closestCalls)) console.log(`  ${line}`);
console.log('');
for (const [id, list] of Object.entries(verdict.verdictChanges)) for (const line of list) console.log(`  VERDICT CHANGED ${id}: ${line}`);
for (const [id, list] of Object.entries(verdict.missingResults)) console.log(`  NO RESULT ${id}: its test threw under seeds ${list.join(', ')}`);
for (const [key, list] of Object.entries(verdict.nanMeasurements)) console.log(`  NaN MEASURED ${key}: under seeds ${list.join(', ')}`);
for (const [key, v] of Object.entries(verdict.belowFloor).sort((a, b) => a[1].worst.headroom - b[1].worst.headroom)) {
  console.log(`  HEADROOM < ${HEADROOM_FLOOR}: ${key}: ${summary.belowFloor[key]!.worst}; under ${v.seeds.length} of ${plan.length} seeds`);
}
const mc = verdict.monteCarlo;
for (const key of mc.flagged) {
  const v = mc.checks[key]!;
  console.log(`  MONTE CARLO DEVIATION NOT NOISE: ${key}: ${v.detail} at seed ${v.atSeed}: chance ${v.smallestChance.toExponential(2)} < ${mc.level.toExponential(2)}`);
}
const noisy = Object.entries(mc.checks).filter(([k, v]) => v.seedsBelowFloor.length && !mc.flagged.includes(k));
if (noisy.length) {
  console.log(`  Monte Carlo checks with headroom below ${HEADROOM_FLOOR} under some seed, each within sampling noise (smallest chance ≥ ${mc.level.toExponential(2)}):`);
  for (const [key, v] of noisy) console.log(`    ${key}: under ${v.seedsBelowFloor.length} of ${plan.length} seeds; worst ${v.detail}, chance ${v.smallestChance.toExponential(2)}`);
}
if (quickLook) console.log(WARNING);
if (!verdict.passed) {
  console.log('soak: FAILED');
  process.exit(1);
}
console.log(`soak: every verdict is stable, every judged check keeps ≥ ${HEADROOM_FLOOR}× headroom under every seed, and every Monte Carlo deviation is within sampling noise`);
