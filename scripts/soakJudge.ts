// The pure part of `npm run soak` (scripts/soak.ts runs vitest and reads and writes the files): which seeds
// and case counts a soak uses, and how it judges the recorded per-seed results — verdict changes, items
// without a result, NaN measurements, each item's closest call, and the Monte Carlo rule.
//
// Margins are the project's one definition (spec/engine/run.ts marginOf): tolerance/measured for "at most"
// checks, measured/tolerance for "at least" checks; above 1 the case passes, below 1 it fails and misses its
// bound by 1/margin times. What would change an item's verdict depends on the check's role and quantifier
// and on which side of its bound it is: JUDGEMENT below says, for each, the margin the verdict needs. The
// headroom of a check is how far its margin may still move before the verdict changes (≥ 1: unchanged).
import { rng } from '../oracles/monteCarlo.ts';
import { REFUTATION_MARGIN } from '../spec/engine/tolerance.ts';
import { MONTE_CARLO_LABEL, MONTE_CARLO_Z } from '../spec/support/monteCarlo.ts';
import { chanceOfMaximum } from './normalTail.ts';

/** The default base seed of the soak's seed stream (the default LOSSCHECK_SEED); --seed-base draws others. */
export const SOAK_SEED_BASE = 20261129;
/** Seeds in a full soak (--seeds). */
export const SOAK_SEEDS = 20;
/** Cases per property below which a run is a quick look, not a soak (--runs). */
export const SOAK_MIN_RUNS = 4000;
/**
 * Every judged check must keep this much headroom under every seed: a pass within 2× of its tolerance, a
 * refutation within 2× of the refutation margin or a witness within 2× of the witness margin is one that
 * another sample could turn, so it is not yet evidence.
 */
export const HEADROOM_FLOOR = 2;
/**
 * A case is a witness of an existential claim only when it clears its bound by the refutation margin
 * (issue 18; spec/engine/run.ts WITNESS_MARGIN on the branch that adds the 'negation' role).
 */
export const WITNESS_MARGIN = REFUTATION_MARGIN;
/**
 * Monte Carlo checks are held to z·SE (z = MONTE_CARLO_Z): their margin is z/|Z| for the largest
 * standardised deviation |Z| among the check's comparisons, and |Z| > z/2 ≈ 3.3 happens by chance about
 * once per thousand comparisons, so a headroom floor would test the sampling noise, not the claim. Such a
 * check is flagged instead when its largest deviation is improbable as noise: when the chance of a
 * maximum that large over its comparisons, P = 1 − (1 − 2Φ̄(|Z|))^cases, is below this family-wise level
 * divided among all Monte Carlo checks and seeds (a systematic bias shows as such a maximum). A case that
 * records the worst of several comparisons (4.3.31: one per class) counts once here, which understates P:
 * the rule errs towards flagging, never towards hiding a bias.
 */
export const MONTE_CARLO_FAMILY_ALPHA = 0.01;

// ---- Seeds ---------------------------------------------------------------------------------------------

export interface SoakRun { seed: number; cases: number }

/**
 * The soak's seeds and case counts: `count` draws from mulberry32(base), the project's seeded PRNG (the
 * uniforms of oracles/monteCarlo.ts rng, k/2³² + 2⁻³³ for mulberry32's 32-bit output k). Each draw takes
 * two uniforms u₁, u₂: LOSSCHECK_SEED = ⌊2³¹·u₁⌋ and
 * LOSSCHECK_RUNS = runs + ⌊runs·u₂⌋ ∈ [runs, 2·runs), so the case count varies with the seed as well
 * (Hessian properties get 1/5 of it, as in spec/engine/config.ts). The same base gives the same plan;
 * another base gives new seeds. A seed drawn twice is drawn again (it would only repeat a run).
 */
export function soakPlan(base: number, count: number, runs: number): SoakRun[] {
  if (!Number.isSafeInteger(base)) throw new RangeError(`soakPlan: base must be an integer, got ${base}`);
  if (!(Number.isSafeInteger(count) && count >= 1)) throw new RangeError(`soakPlan: count must be a positive integer, got ${count}`);
  if (!(Number.isSafeInteger(runs) && runs >= 1)) throw new RangeError(`soakPlan: runs must be a positive integer, got ${runs}`);
  const next = rng(base).uniform;
  const plan: SoakRun[] = [];
  while (plan.length < count) {
    const seed = Math.floor(next() * 2 ** 31), cases = runs + Math.floor(next() * runs);
    if (!plan.some((r) => r.seed === seed)) plan.push({ seed, cases });
  }
  return plan;
}

// ---- What would change the verdict ---------------------------------------------------------------------

/**
 * What the verdict needs of a check's margin: `keep: 'above'` — it must stay at or above `threshold`;
 * `keep: 'below'` — at or below. `change` says what crossing it would do.
 */
export interface Judgement { keep: 'above' | 'below'; threshold: number; change: string }

type Side = { passing: Judgement | null; failing: Judgement | null };
const mustPass = (what: string, threshold = 1): Side => ({
  passing: { keep: 'above', threshold, change: `it would fail: ${what} → inconclusive` },
  failing: { keep: 'above', threshold, change: `it fails: ${what} → inconclusive` },
});
const ignored: Side = { passing: null, failing: null };
const clearFailure = (what: string): Judgement => ({ keep: 'below', threshold: 1 / REFUTATION_MARGIN, change: `it would miss its bound by less than ${REFUTATION_MARGIN}×: ${what} → borderline` });

/**
 * The verdict rules (spec/engine/run.ts deriveVerdict) as seen from one check: for its role and quantifier,
 * and for whether it passes now, the margin the item's verdict needs of it. An existential check passes
 * only with a witness that clears its bound by WITNESS_MARGIN, so that is its threshold either way. A role
 * the table does not know is an error (soakJudge names it), never a silent pass.
 */
export const JUDGEMENT: Readonly<Record<string, Side>> = {
  'claim/forall': {
    passing: { keep: 'above', threshold: 1, change: 'a case would fail: holds → refuted (or borderline)' },
    failing: clearFailure('refuted'),
  },
  'claim/exists': {
    passing: { keep: 'above', threshold: WITNESS_MARGIN, change: `the best witness would clear its bound by less than ${WITNESS_MARGIN}×: no witness` },
    failing: { keep: 'below', threshold: WITNESS_MARGIN, change: `a case would clear its bound by ${WITNESS_MARGIN}×: a witness, the claim shown` },
  },
  // The universal negation of an existential claim: it must hold in every case for the claim to be refuted.
  'negation/forall': {
    passing: { keep: 'above', threshold: 1, change: 'a case would fail the negation: refuted → inconclusive' },
    failing: { keep: 'below', threshold: 1, change: 'the negation would hold in every case: the existential claim refuted' },
  },
  'outside-condition/forall': {
    passing: { keep: 'above', threshold: 1, change: 'it would fail without the condition: holds → conditional' },
    failing: clearFailure('conditional'),
  },
  'support/forall': mustPass('the machinery the verdict relies on'),
  'support/exists': mustPass('the machinery the verdict relies on', WITNESS_MARGIN),
  'correction/forall': mustPass('the correction'),
  'correction/exists': mustPass('the correction', WITNESS_MARGIN),
  'condition/forall': mustPass('the statement under its condition'),
  'condition/exists': mustPass('the statement under its condition', WITNESS_MARGIN),
  // The implementation under test against a reference: breaks the audit only when it is the audit's own reference (impl/, the soak's case).
  'subject/forall': mustPass('the audit’s own reference (impl)'),
  'subject/exists': mustPass('the audit’s own reference (impl)', WITNESS_MARGIN),
  // The literal reading of a sentence: its failure is evidence of an erratum, and the verdict ignores it.
  'literal/forall': ignored,
  'literal/exists': ignored,
};

export class UnknownRoleError extends Error {
  constructor(role: string, quantifier: string, where: string) {
    super(`soak: no judgement for check role '${role}' with quantifier '${quantifier}' (${where}): add '${role}/${quantifier}' to JUDGEMENT in scripts/soakJudge.ts`);
    this.name = 'UnknownRoleError';
  }
}

export function judgementOf(role: string, quantifier: string, passed: boolean, where = ''): Judgement | null {
  const side = JUDGEMENT[`${role}/${quantifier}`];
  if (!side) throw new UnknownRoleError(role, quantifier, where);
  return passed ? side.passing : side.failing;
}

/** How far the margin may still move before the verdict changes: margin/threshold or threshold/margin (< 1: it has). */
export function headroomOf(margin: number, j: Judgement): number {
  if (Number.isNaN(margin)) return 0;
  if (j.keep === 'above') return margin / j.threshold;
  return margin === 0 ? Infinity : j.threshold / margin;
}

// ---- Recorded results ----------------------------------------------------------------------------------

/** A check as reports/.results/*.json records it (±Infinity and NaN are written as strings). */
export interface RecordedCheck {
  name: string; role: string; quantifier?: string; oracle: string; reference?: { ids: string[] }; passed: boolean; cases: number;
  margin: number | string; maxError: number | string; tolerance: number | string; sense?: string; skipped?: string;
}
export interface RecordedItem { id: string; expectedVerdict: string; result: { verdict: string; reason: string; checks: RecordedCheck[] } }

const num = (x: number | string) => (typeof x === 'number' ? x : Number(x));
/** A check held to z standard errors: it declares the Monte Carlo reference (results recorded before handles: by its label). */
export const isMonteCarlo = (c: Pick<RecordedCheck, 'oracle' | 'reference'>) =>
  c.reference ? c.reference.ids.includes('monte-carlo') : c.oracle.startsWith(MONTE_CARLO_LABEL);

/** One judged check of one seed. */
export interface CheckCall {
  item: string; check: string; role: string; quantifier: string; seed: number; cases: number;
  passed: boolean; margin: number; measured: number; tolerance: number; sense: string;
  /** null: the verdict ignores this check (literal). */
  judgement: Judgement | null;
  headroom: number;
  monteCarlo: boolean;
}

export interface SeedJudgement {
  seed: number; cases: number;
  verdictChanges: { item: string; got: string; expected: string; reason: string }[];
  /** Items expected but without a result (their test threw). */
  missing: string[];
  /** Checks whose measured value is NaN (a degenerate case the check could not measure). */
  nan: { item: string; check: string }[];
  calls: CheckCall[];
}

/** Judges one seed's recorded items. */
export function judgeSeed(seed: number, cases: number, items: RecordedItem[], expectedIds: readonly string[]): SeedJudgement {
  const got = new Set(items.map((i) => i.id));
  const out: SeedJudgement = { seed, cases, verdictChanges: [], missing: expectedIds.filter((id) => !got.has(id)), nan: [], calls: [] };
  for (const item of items) {
    if (item.result.verdict !== item.expectedVerdict) {
      out.verdictChanges.push({ item: item.id, got: item.result.verdict, expected: item.expectedVerdict, reason: item.result.reason });
    }
    for (const c of item.result.checks) {
      if (c.skipped) continue;
      const quantifier = c.quantifier ?? 'forall';
      const judgement = judgementOf(c.role, quantifier, c.passed, `${item.id} · ${c.name}`);
      const measured = num(c.maxError), margin = num(c.margin);
      if (Number.isNaN(measured)) out.nan.push({ item: item.id, check: c.name });
      out.calls.push({
        item: item.id, check: c.name, role: c.role, quantifier, seed, cases: c.cases, passed: c.passed, margin, measured,
        tolerance: num(c.tolerance), sense: c.sense ?? 'atMost', judgement,
        headroom: judgement ? headroomOf(margin, judgement) : Infinity, monteCarlo: isMonteCarlo(c),
      });
    }
  }
  return out;
}

// ---- Across seeds --------------------------------------------------------------------------------------

export interface MonteCarloEntry { smallestChance: number; atSeed: number; detail: string; seedsBelowFloor: number[] }

export interface SoakVerdict {
  verdictChanges: Record<string, string[]>;
  missingResults: Record<string, number[]>;
  nanMeasurements: Record<string, number[]>;
  /** Per item, the judged check that came closest to changing its verdict under any seed (null: no judged check). */
  closestCalls: Record<string, CheckCall | null>;
  /** Deterministic checks with headroom below HEADROOM_FLOOR under some seed: the worst call and the seeds. */
  belowFloor: Record<string, { seeds: number[]; worst: CheckCall }>;
  monteCarlo: { level: number; rule: string; checks: Record<string, MonteCarloEntry>; flagged: string[] };
  passed: boolean;
}

const keyOf = (c: Pick<CheckCall, 'item' | 'check'>) => `${c.item} · ${c.check}`;

/** Combines the seeds' judgements: closest calls, the headroom floor, and the Monte Carlo rule. */
export function judgeSoak(seeds: readonly SeedJudgement[], expectedIds: readonly string[]): SoakVerdict {
  const verdictChanges: Record<string, string[]> = {}, missingResults: Record<string, number[]> = {}, nanMeasurements: Record<string, number[]> = {};
  const closestCalls: Record<string, CheckCall | null> = Object.fromEntries(expectedIds.map((id) => [id, null]));
  const belowFloor: Record<string, { seeds: number[]; worst: CheckCall }> = {};
  const mc = new Map<string, MonteCarloEntry>();
  for (const s of seeds) {
    for (const v of s.verdictChanges) (verdictChanges[v.item] ??= []).push(`seed ${s.seed} (${s.cases} cases): ${v.got} (recorded ${v.expected}): ${v.reason}`);
    for (const id of s.missing) (missingResults[id] ??= []).push(s.seed);
    for (const n of s.nan) (nanMeasurements[keyOf(n)] ??= []).push(s.seed);
    for (const c of s.calls) {
      if (!c.judgement) continue;
      const best = closestCalls[c.item];
      if (!best || c.headroom < best.headroom) closestCalls[c.item] = c;
      if (c.monteCarlo && c.passed) {
        const z = MONTE_CARLO_Z / c.margin, p = Number.isFinite(z) ? chanceOfMaximum(z, c.cases) : 1;
        const e = mc.get(keyOf(c)) ?? { smallestChance: Infinity, atSeed: c.seed, detail: '', seedsBelowFloor: [] };
        if (c.headroom < HEADROOM_FLOOR) e.seedsBelowFloor.push(c.seed);
        if (p < e.smallestChance) Object.assign(e, { smallestChance: p, atSeed: c.seed, detail: `|Z| = ${z.toFixed(2)} over ${c.cases} cases (margin ${c.margin.toPrecision(3)})` });
        mc.set(keyOf(c), e);
        continue;
      }
      if (!(c.headroom < HEADROOM_FLOOR)) continue;
      const entry = belowFloor[keyOf(c)] ??= { seeds: [], worst: c };
      entry.seeds.push(c.seed);
      if (c.headroom < entry.worst.headroom) entry.worst = c;
    }
  }
  const level = MONTE_CARLO_FAMILY_ALPHA / Math.max(1, mc.size * seeds.length);
  const flagged = [...mc].filter(([, e]) => e.smallestChance < level).map(([k]) => k);
  const failed = [verdictChanges, missingResults, nanMeasurements, belowFloor].some((r) => Object.keys(r).length) || flagged.length > 0;
  return {
    verdictChanges, missingResults, nanMeasurements, closestCalls, belowFloor,
    monteCarlo: {
      level, flagged, checks: Object.fromEntries(mc),
      rule: `flagged when P(max |Z| this large by chance) < ${MONTE_CARLO_FAMILY_ALPHA} / (${mc.size} checks × ${seeds.length} seeds) = ${level.toExponential(2)}`,
    },
    passed: !failed,
  };
}

// ---- Words ---------------------------------------------------------------------------------------------

/** A margin in the one definition's words: "margin 3.2", "margin 0.02 (misses by 50×)", "exact". */
export function describeMargin(m: number): string {
  if (Number.isNaN(m)) return 'NaN';
  if (m === Infinity) return 'exact (margin ∞)';
  return m >= 1 ? `margin ${m.toPrecision(3)}` : `margin ${m.toPrecision(3)} (misses by ${(1 / m).toPrecision(3)}×)`;
}

const needs = (j: Judgement) => `${j.keep === 'above' ? '≥' : '≤'} ${j.threshold}`;
const headroomText = (h: number) => (h === Infinity ? '∞' : `${h.toPrecision(3)}×`);

/** One line per item, closest call first: headroom, margin, what the verdict needs, the seed, the check. */
export function closestCallTable(closest: Record<string, CheckCall | null>, width = 60): string[] {
  const rows = Object.entries(closest).sort(([, a], [, b]) => (a?.headroom ?? Infinity) - (b?.headroom ?? Infinity));
  const idWidth = Math.max(4, ...rows.map(([id]) => id.length));
  const lines = [`${'item'.padEnd(idWidth)}  headroom  margin (the verdict needs)              seed, cases of the check   check [role/quantifier]`];
  for (const [id, c] of rows) {
    if (!c) { lines.push(`${id.padEnd(idWidth)}  —         no check decides its verdict`); continue; }
    const margin = `${describeMargin(c.margin)} (${needs(c.judgement!)})`;
    const name = c.check.length > width ? `${c.check.slice(0, width - 1)}…` : c.check;
    lines.push(`${id.padEnd(idWidth)}  ${headroomText(c.headroom).padEnd(8)}  ${margin.padEnd(38)} ${`seed ${c.seed}, ${c.cases} cases`.padEnd(26)} ${name} [${c.role}/${c.quantifier}]${c.monteCarlo ? ' (Monte Carlo)' : ''}`);
  }
  return lines;
}

/** The closest calls as JSON-safe records (no ±Infinity). */
export function closestCallRecords(closest: Record<string, CheckCall | null>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(closest).map(([id, c]) => [id, c && {
    check: c.check, role: c.role, quantifier: c.quantifier, seed: c.seed, cases: c.cases,
    margin: finiteOr(c.margin), measured: finiteOr(c.measured), tolerance: finiteOr(c.tolerance), sense: c.sense,
    needs: `margin ${needs(c.judgement!)}`, wouldChange: c.judgement!.change, headroom: finiteOr(c.headroom), monteCarlo: c.monteCarlo,
  }]));
}

const finiteOr = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
