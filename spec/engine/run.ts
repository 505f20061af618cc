// Runs an item's checks and derives its verdict from the evidence alone.
// Cases come from fc.sample(arbitrary, {seed, numRuns}), which yields exactly the cases fc.check
// would generate with the same seed (case i is path "i"), so all cases are measured in one batched
// call and a failure is handed to fc.check at its path for shrinking and a replayable record.
import fc from 'fast-check';
import type { CheckDefinition, CheckRole, ComputedVerdict, ItemDefinition, Outcome, RunContext } from './item.ts';
import { REFUTATION_MARGIN, UNIT_ROUNDOFF, type Dtype } from './tolerance.ts';
import { withDeclared, type ReferenceId } from './references.ts';
import { whyNotRunnable, type LossFunctionName } from './subject.ts';

export interface CaseRecord { input: unknown; value: number; bound: number; note?: string }

export interface Counterexample {
  check: string;
  seed: number;
  /** fast-check path; `{seed, path, endOnFailure: true}` replays the shrunk case. */
  path: string;
  shrunk: CaseRecord;
  /** The worst case before shrinking (shrinking drifts toward the boundary, where a real error looks like rounding). */
  worstBeforeShrinking: CaseRecord;
  shrinkSteps: number;
}

export interface CheckResult {
  name: string;
  role: CheckDefinition<unknown>['role'];
  /** The label of what it was compared with (from the reference handles). */
  oracle: string;
  /** The reference handles, and the dtype pair its tolerance was derived for (absent for a skipped check). */
  reference?: { ids: ReferenceId[]; dtypes: [Dtype, Dtype] };
  /** For a subject check: the subject and the functions it called. */
  subject?: { id: string; functions: LossFunctionName[] };
  /** Set when the check did not run, with why (a subject without the function or capability). */
  skipped?: string;
  quantifier: 'forall' | 'exists';
  cases: number;
  /** The measured value of the deciding case (forall: the worst; exists: the best). */
  maxError: number;
  /** The tolerance (bound) that case was held to. */
  tolerance: number;
  sense: 'atMost' | 'atLeast';
  /** How far the deciding case is on its side: tol/value for atMost, value/tol for atLeast (>1 passes). */
  margin: number;
  passed: boolean;
  decidingCase: CaseRecord;
  counterexample?: Counterexample;
  seed: number;
}

export interface ItemResult {
  id: string;
  verdict: ComputedVerdict;
  /** Why the verdict is what it is, in one line. */
  reason: string;
  checks: CheckResult[];
  counterexample?: Counterexample;
  /** Wall time of the item's checks (for junit.xml; never part of a published report). */
  durationMs?: number;
  /** CPU time of the item's checks in its worker (user + system): its cost whatever else the machine runs. */
  cpuMs?: number;
}

const passes = (o: Outcome) => ((o.sense ?? 'atMost') === 'atMost' ? o.value <= o.bound : o.value >= o.bound);

/**
 * THE margin of a case, the one definition used by the JSON, the reports, the CLI, the soak and the README:
 * how far the measured value lies on its side of the bound, as a ratio. For "value ≤ bound" checks it is
 * bound/value, for "value ≥ bound" checks value/bound. Above 1 the case passes, below 1 it fails, and it
 * then misses its bound by 1/margin times. A passing value at or below zero against a non-negative bound
 * (an exact result, or a chord inequality with slack) has margin +∞; NaN has margin 0.
 */
export function marginOf(o: Pick<Outcome, 'value' | 'bound' | 'sense'>): number {
  const atMost = (o.sense ?? 'atMost') === 'atMost';
  if (Number.isNaN(o.value) || Number.isNaN(o.bound)) return 0;
  if (atMost) {
    if (o.value <= 0 && o.value <= o.bound) return Infinity;
    return o.bound <= 0 ? 0 : o.bound / o.value;
  }
  // "at least": a value at or below zero against a positive bound misses it infinitely (not a negative ratio).
  if (o.bound <= 0) return o.value >= o.bound ? Infinity : 0;
  return o.value <= 0 ? 0 : o.value / o.bound;
}

/** A check measured something undefined: a defect to fix, not evidence about the book. */
export class MeasurementError extends Error {
  constructor(message: string) { super(message); this.name = 'MeasurementError'; }
}

/** A case is a witness of an existential claim only when it clears its bound by the refutation margin. */
export const WITNESS_MARGIN = REFUTATION_MARGIN;

function numRuns(check: CheckDefinition<unknown>, ctx: RunContext): number {
  if (check.runs === 'default') return ctx.config.runs;
  if (check.runs === 'hessian') return ctx.config.hessianRuns;
  return check.runs;
}

const list = <T>(x: T | readonly T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? [...(x as T[])] : [x as T]);

/** The less precise of two dtypes (float32 if either is). */
const coarser = (a: Dtype, b: Dtype): Dtype => (UNIT_ROUNDOFF[a] >= UNIT_ROUNDOFF[b] ? a : b);

/**
 * The context a check's evaluate sees: its declared references (qualified) and its dtype pair —
 * [the subject's dtype for a subject check, else float64 (printed formula, closed forms, impl)],
 * [the coarsest declared reference].
 */
async function checkContext(check: CheckDefinition<unknown>, ctx: RunContext): Promise<RunContext> {
  const ids = list(check.reference);
  const handles = await ctx.refs.qualify(ids);
  const checked: Dtype = check.role === 'subject' ? ctx.subject.dtype : 'float64';
  const against = handles.filter((h) => h.id !== 'printed').reduce<Dtype>((d, h) => coarser(d, h.dtype), 'float64');
  return { ...ctx, dtypes: [checked, against] };
}

async function measure<I>(check: CheckDefinition<I>, cases: I[], ctx: RunContext): Promise<Outcome[]> {
  const outcomes = await withDeclared(list(check.reference), () => check.evaluate(cases, ctx));
  if (outcomes.length !== cases.length) {
    throw new Error(`check '${check.name}' returned ${outcomes.length} outcomes for ${cases.length} cases`);
  }
  // A NaN is a defect of the check (an undefined quantity measured), never evidence: it would read as
  // margin 0, a clear refutation. Overflow in a compared value shows as an infinite difference instead.
  const nan = outcomes.findIndex((o) => Number.isNaN(o.value) || Number.isNaN(o.bound));
  if (nan >= 0) {
    throw new MeasurementError(`check '${check.name}' measured NaN (value ${outcomes[nan]!.value}, bound ${outcomes[nan]!.bound}) for case ${JSON.stringify(cases[nan], (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)).slice(0, 300)}`);
  }
  return outcomes;
}

const record = (input: unknown, o: Outcome): CaseRecord => ({ input, value: o.value, bound: o.bound, ...(o.note ? { note: o.note } : {}) });

/** The report label of a check's reference: its handles' labels. */
function referenceLabel(check: CheckDefinition<unknown>, ctx: RunContext): string {
  const ids = list(check.reference);
  if (!ids.length) throw new Error(`check '${check.name}' names no reference`);
  return ids.map((id) => ctx.refs.handle(id).label).join(' · ');
}

export async function runCheck<I>(check: CheckDefinition<I>, runCtx: RunContext, replayPath?: string): Promise<CheckResult> {
  const seed = runCtx.config.seed;
  const runs = numRuns(check as CheckDefinition<unknown>, runCtx);
  const quantifier = check.quantifier ?? 'forall';
  const functions = list(check.subject);
  if (check.role === 'subject') {
    const why = functions.length ? whyNotRunnable(runCtx.subject, functions) : 'a subject check must name the LossApi functions it calls';
    if (why) {
      return {
        name: check.name, role: check.role, oracle: referenceLabel(check as CheckDefinition<unknown>, runCtx), quantifier, cases: 0,
        maxError: NaN, tolerance: NaN, sense: 'atMost', margin: NaN, passed: true, skipped: why,
        decidingCase: { input: null, value: NaN, bound: NaN }, seed, subject: { id: runCtx.subject.id, functions },
      };
    }
  }
  const ctx = await checkContext(check as CheckDefinition<unknown>, runCtx);
  const cases = fc.sample(check.arbitrary, { seed, numRuns: runs });
  const outcomes = await measure(check, cases, ctx);
  let decidingIndex = 0;
  outcomes.forEach((o, i) => {
    const better = marginOf(o) > marginOf(outcomes[decidingIndex]!);
    const worse = marginOf(o) < marginOf(outcomes[decidingIndex]!);
    if (quantifier === 'forall' ? worse : better) decidingIndex = i;
  });
  const deciding = outcomes[decidingIndex]!;
  // forall: every case passes. exists: some case is a clear witness (float32 noise on a quantity that is
  // exactly 0 must not pass for one), so the best case must clear its bound by WITNESS_MARGIN.
  const passed = quantifier === 'forall' ? outcomes.every(passes) : marginOf(deciding) >= WITNESS_MARGIN;
  const ids = list(check.reference);
  const result: CheckResult = {
    name: check.name, role: check.role,
    oracle: referenceLabel(check as CheckDefinition<unknown>, ctx),
    reference: { ids, dtypes: [...ctx.dtypes] as [Dtype, Dtype] },
    ...(check.role === 'subject' ? { subject: { id: ctx.subject.id, functions } } : {}),
    quantifier, cases: cases.length,
    maxError: deciding.value, tolerance: deciding.bound, sense: deciding.sense ?? 'atMost',
    margin: marginOf(deciding), passed, decidingCase: record(cases[decidingIndex], deciding), seed,
  };
  if (!passed && quantifier === 'forall') {
    const firstFailure = outcomes.findIndex((o) => !passes(o));
    result.counterexample = await shrink(check, ctx, replayPath ?? String(firstFailure), runs,
      record(cases[decidingIndex], deciding), replayPath === undefined ? record(cases[firstFailure], outcomes[firstFailure]!) : undefined);
  }
  return result;
}

/**
 * A case that failed when measured with the whole batch passed when measured alone: the reference computes
 * a different value for the same input depending on the batch around it. Says which reference (and so
 * which backend), which case, and both values against their bounds, so the discrepancy can be acted on.
 */
export class BatchDependenceError extends Error {
  constructor(readonly check: string, readonly oracle: string, readonly path: string,
    readonly inBatch: CaseRecord & { batch: number }, readonly alone: CaseRecord | undefined) {
    const show = (r: CaseRecord) => `value ${r.value} vs bound ${r.bound}${r.note ? ` (${r.note})` : ''}`;
    super(`check '${check}' (${oracle}): the case at path ${path}, ${JSON.stringify(inBatch.input)}, failed in the batch of ${inBatch.batch} with ${show(inBatch)}`
      + (alone ? ` but passed alone with ${show(alone)}` : ' but passed alone')
      + ': the reference gives a different value for the same input depending on the batch it is computed in');
    this.name = 'BatchDependenceError';
  }
}

async function shrink<I>(check: CheckDefinition<I>, ctx: RunContext, path: string, runs: number,
  worstBeforeShrinking: CaseRecord, inBatch?: CaseRecord): Promise<Counterexample> {
  const seed = ctx.config.seed;
  // The first case fast-check hands over is the one at `path`: its value alone, for the error below.
  const first: { record?: CaseRecord } = {};
  const details = await fc.check(
    fc.asyncProperty(check.arbitrary, async (input) => {
      const [o] = await measure(check, [input], ctx);
      first.record ??= record(input, o!);
      return passes(o!);
    }),
    { seed, path, numRuns: runs, endOnFailure: false },
  );
  if (!details.failed || details.counterexample === null) {
    throw new BatchDependenceError(check.name, referenceLabel(check as CheckDefinition<unknown>, ctx), path,
      { ...(inBatch ?? worstBeforeShrinking), batch: runs }, first.record);
  }
  const [shrunkInput] = details.counterexample;
  const [shrunkOutcome] = await measure(check, [shrunkInput], ctx);
  return {
    check: check.name, seed, path: details.counterexamplePath ?? path,
    shrunk: record(shrunkInput, shrunkOutcome!), worstBeforeShrinking, shrinkSteps: details.numShrinks,
  };
}

/**
 * The verdict the evidence supports, and why. The logic of the claim decides what a sample can show:
 * a case can refute a universal claim (a counterexample) and prove an existential one (a witness), never
 * the reverse. So a failing existential claim check is absence of evidence, and refutes nothing unless
 * a check of its universal negation (role 'negation', backed by an identity) passes.
 */
export function deriveVerdict(item: ItemDefinition, checks: CheckResult[], subjectIsAuditReference = true): { verdict: ComputedVerdict; reason: string } {
  if (item.checks.length === 0) {
    return item.reason
      ? { verdict: 'not-checkable', reason: item.reason }
      : { verdict: 'inconclusive', reason: 'no checks and no reason why it cannot be checked' };
  }
  const names = (cs: CheckResult[]) => cs.map((c) => c.name).join('; ');
  const mustPass = checks.filter((c) => c.role === 'support' || c.role === 'correction' || c.role === 'condition');
  const broken = mustPass.filter((c) => !c.passed);
  if (broken.length) return { verdict: 'inconclusive', reason: `must-pass checks failed: ${names(broken)}` };
  // The subject's conformance is reported apart; only when the subject is the audit's own reference
  // (impl/) does its failure break the audit, since the claim checks then compare with broken code.
  const brokenReference = subjectIsAuditReference ? checks.filter((c) => c.role === 'subject' && !c.skipped && !c.passed) : [];
  if (brokenReference.length) return { verdict: 'inconclusive', reason: `the audit's reference (impl) fails its own checks: ${names(brokenReference)}` };
  const claims = checks.filter((c) => c.role === 'claim');
  const negations = checks.filter((c) => c.role === 'negation');
  const failedUniversal = claims.filter((c) => !c.passed && c.quantifier === 'forall');
  const failedExistential = claims.filter((c) => !c.passed && c.quantifier === 'exists');
  const witnessed = claims.filter((c) => c.passed && c.quantifier === 'exists');
  if (negations.length && witnessed.length) {
    return { verdict: 'inconclusive', reason: `a witness and a passing negation contradict each other: ${names(witnessed)} vs ${names(negations)}` };
  }
  if (failedUniversal.length || failedExistential.length) {
    // forall: the worst case must miss its bound by the refutation margin.
    const weak = failedUniversal.filter((c) => !(1 / c.margin >= REFUTATION_MARGIN));
    if (weak.length) return { verdict: 'borderline', reason: `failure within ${REFUTATION_MARGIN}× of tolerance: ${names(weak)}` };
    if (failedExistential.length) {
      const best = failedExistential.map((c) => `${c.name} (best of ${c.cases} cases: margin ${formatMargin(c.margin)})`).join('; ');
      if (!negations.length) {
        return { verdict: 'inconclusive', reason: `no witness found in the sample, which does not show that none exists: ${best}; an existential claim is refuted only by a passing check of its negation` };
      }
      const failedNegations = negations.filter((c) => !c.passed);
      if (failedNegations.length) return { verdict: 'inconclusive', reason: `no witness found, and the negation does not hold either: ${names(failedNegations)}` };
    }
    const corrections = checks.filter((c) => c.role === 'correction');
    if (!item.correction || corrections.length === 0) return { verdict: 'inconclusive', reason: 'refuted, but no checked correction' };
    const by = failedUniversal.length
      ? `claim fails by ${formatMargin(1 / failedUniversal[0]!.margin)}× its tolerance`
      : `its negation holds in every case: ${names(negations)}`;
    return { verdict: 'refuted', reason: `${by}; correction holds` };
  }
  if (negations.length) return { verdict: 'inconclusive', reason: `negation checks without a failing existential claim: ${names(negations)}` };
  if (item.condition !== undefined) {
    const inside = checks.filter((c) => c.role === 'condition');
    const outside = checks.filter((c) => c.role === 'outside-condition');
    if (!inside.length || !outside.length) return { verdict: 'inconclusive', reason: 'a conditional needs checks on both sides of its condition' };
    const stillHolds = outside.filter((c) => c.passed);
    if (stillHolds.length) return { verdict: 'holds', reason: `holds even without the condition: ${names(stillHolds)}` };
    const weak = outside.filter((c) => !(1 / c.margin >= REFUTATION_MARGIN));
    if (weak.length) return { verdict: 'borderline', reason: `outside the condition, failure within ${REFUTATION_MARGIN}× of tolerance` };
    return { verdict: 'conditional', reason: 'holds under the condition and fails clearly without it' };
  }
  return item.definition
    ? { verdict: 'definition', reason: 'its stated properties hold' }
    : { verdict: 'holds', reason: 'every check passes' };
}

/** A margin or miss factor for a reason line: 3 significant digits, ∞ for an exact result. */
export function formatMargin(m: number): string {
  return Number.isFinite(m) ? m.toPrecision(3) : m > 0 ? '∞' : 'NaN';
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 1000);
}

/** What runItems reports before each check runs (no result yet) and after it (its result and wall time). */
export interface CheckProgress {
  item: ItemDefinition;
  check: CheckDefinition<unknown>;
  /** 0-based position of the check among the ones that run for this item, and their count. */
  index: number;
  total: number;
  result?: CheckResult;
  replay?: CheckReplay;
  ms?: number;
}

/**
 * Replay of a recorded counterexample: only the case at `path` (fast-check, seed = ctx.config.seed) of
 * one check is measured — `{seed, path, endOnFailure: true}` — nothing is shrunk or sampled.
 */
export interface Replay {
  path: string;
  /** The check whose counterexample it is; without it every replayable check of the item is tried. */
  check?: string;
  /** The candidates when `check` is not named (default REPLAYABLE_ROLES, universal checks only). */
  roles?: readonly CheckRole[];
}

export interface RunOptions {
  onCheck?: (progress: CheckProgress) => void;
  replay?: Replay;
}

/** The roles whose failure is an item's counterexample (see runItems): the candidates of a replay by default. */
export const REPLAYABLE_ROLES: readonly CheckRole[] = ['claim', 'outside-condition'];

/**
 * One check's case at a path: `fails` reproduces a counterexample, `passes` means the case there is not
 * one, `no-case` that the path leads to no case of this check's arbitrary (a mistyped path, or another
 * check's), `threw` that measuring it threw, `skipped` that the subject cannot run the check.
 */
export interface CheckReplay {
  check: string;
  role: CheckRole;
  oracle: string;
  seed: number;
  path: string;
  outcome: 'fails' | 'passes' | 'no-case' | 'threw' | 'skipped';
  case?: CaseRecord;
  sense?: 'atMost' | 'atLeast';
  margin?: number;
  /** Why there is no case (fast-check's message, the error thrown, or the skip reason). */
  message?: string;
}

export interface ItemReplay {
  id: string;
  seed: number;
  path: string;
  /** Every check tried, in item order. */
  replays: CheckReplay[];
}

/** A replay asked for something the item does not have (an unknown check name, no replayable check). */
export class ReplayError extends Error {
  constructor(message: string) { super(message); this.name = 'ReplayError'; }
}

/** The checks a replay tries: the named one, else the item's universal checks of the replayable roles. */
export function replayCandidates(item: ItemDefinition, replay: Replay): CheckDefinition<unknown>[] {
  const checks = item.checks as CheckDefinition<unknown>[];
  if (replay.check !== undefined) {
    const named = checks.find((c) => c.name === replay.check);
    if (!named) {
      throw new ReplayError(`${item.id} has no check named “${replay.check}”; its checks: ${checks.map((c) => `“${c.name}”`).join(', ') || 'none'}`);
    }
    return [named];
  }
  const roles = replay.roles ?? REPLAYABLE_ROLES;
  const candidates = checks.filter((c) => roles.includes(c.role) && (c.quantifier ?? 'forall') === 'forall');
  if (!candidates.length) throw new ReplayError(`${item.id} has no check that can have a counterexample (roles ${roles.join(', ')}, universal)`);
  return candidates;
}

/** Measures the one case at `path` of a check (seed = ctx.config.seed), without shrinking. */
export async function replayCheck<I>(check: CheckDefinition<I>, runCtx: RunContext, path: string): Promise<CheckReplay> {
  const seed = runCtx.config.seed;
  const base = { check: check.name, role: check.role, oracle: referenceLabel(check as CheckDefinition<unknown>, runCtx), seed, path };
  if (check.role === 'subject') {
    const functions = list(check.subject);
    const why = functions.length ? whyNotRunnable(runCtx.subject, functions) : 'a subject check must name the LossApi functions it calls';
    if (why) return { ...base, outcome: 'skipped', message: why };
  }
  const ctx = await checkContext(check as CheckDefinition<unknown>, runCtx);
  // fast-check walks to the path and, when that case passes, would go on to its siblings and later cases:
  // only the first case it hands over is the one at the path, so only that one is measured.
  let first = true;
  const seen: { input?: I; outcome?: Outcome; error?: unknown } = {};
  try {
    await fc.check(fc.asyncProperty(check.arbitrary, async (input) => {
      if (!first) return true;
      first = false;
      seen.input = input;
      try {
        [seen.outcome] = await measure(check, [input], ctx);
      } catch (e) {
        seen.error = e;
        throw e;
      }
      return passes(seen.outcome!);
    }), { seed, path, numRuns: numRuns(check as CheckDefinition<unknown>, runCtx), endOnFailure: true });
  } catch (e) {
    // fast-check throws when the path does not exist in this arbitrary's shrink tree.
    return { ...base, outcome: 'no-case', message: e instanceof Error ? e.message : String(e) };
  }
  if (seen.error !== undefined) return { ...base, outcome: 'threw', message: seen.error instanceof Error ? seen.error.message : String(seen.error) };
  if (!seen.outcome) return { ...base, outcome: 'no-case', message: `fast-check produced no case at path ${path}` };
  const o = seen.outcome;
  return { ...base, outcome: passes(o) ? 'passes' : 'fails', case: record(seen.input, o), sense: o.sense ?? 'atMost', margin: marginOf(o) };
}

async function replayItem(item: ItemDefinition, ctx: RunContext, replay: Replay, onCheck?: RunOptions['onCheck']): Promise<ItemReplay> {
  const candidates = replayCandidates(item, replay);
  const replays: CheckReplay[] = [];
  for (const [index, check] of candidates.entries()) {
    const started = performance.now();
    onCheck?.({ item, check, index, total: candidates.length });
    const r = await replayCheck(check, ctx, replay.path);
    replays.push(r);
    onCheck?.({ item, check, index, total: candidates.length, replay: r, ms: performance.now() - started });
  }
  return { id: item.id, seed: ctx.config.seed, path: replay.path, replays };
}

async function runOneItem(item: ItemDefinition, ctx: RunContext, onCheck?: RunOptions['onCheck']): Promise<ItemResult> {
  const started = performance.now();
  const cpu = typeof process !== 'undefined' && process.cpuUsage ? process.cpuUsage() : undefined;
  const checks: CheckResult[] = [];
  for (const [index, check] of (item.checks as CheckDefinition<unknown>[]).entries()) {
    const t0 = performance.now();
    onCheck?.({ item, check, index, total: item.checks.length });
    const result = await runCheck(check, ctx);
    checks.push(result);
    onCheck?.({ item, check, index, total: item.checks.length, result, ms: performance.now() - t0 });
  }
  const { verdict, reason } = deriveVerdict(item, checks, ctx.subject.isAuditReference);
  const counterexample = checks.find((c) => c.counterexample && REPLAYABLE_ROLES.includes(c.role))?.counterexample;
  return { id: item.id, verdict, reason, checks, ...(counterexample ? { counterexample } : {}), durationMs: Math.round(performance.now() - started),
    ...(cpu ? { cpuMs: cpuMsSince(cpu) } : {}) };
}

/**
 * THE runner (vitest, the CLI, the browser suite): runs the items one after another, each check in
 * order, and derives each verdict from its evidence. With `replay`, measures instead only the case at the
 * replay path of the named check (or of each replayable check), and derives no verdict.
 */
export async function runItems(items: readonly ItemDefinition[], ctx: RunContext, options?: RunOptions & { replay?: undefined }): Promise<ItemResult[]>;
export async function runItems(items: readonly ItemDefinition[], ctx: RunContext, options: RunOptions & { replay: Replay }): Promise<ItemReplay[]>;
export async function runItems(items: readonly ItemDefinition[], ctx: RunContext, options: RunOptions = {}): Promise<ItemResult[] | ItemReplay[]> {
  const { onCheck, replay } = options;
  if (replay) {
    const out: ItemReplay[] = [];
    for (const item of items) out.push(await replayItem(item, ctx, replay, onCheck));
    return out;
  }
  const out: ItemResult[] = [];
  for (const item of items) out.push(await runOneItem(item, ctx, onCheck));
  return out;
}

/** One item through runItems. */
export async function runItem(item: ItemDefinition, ctx: RunContext): Promise<ItemResult> {
  const [result] = await runItems([item], ctx);
  return result!;
}
