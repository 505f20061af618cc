// Runs an item's checks and derives its verdict from the evidence alone.
// Cases come from fc.sample(arbitrary, {seed, numRuns}), which yields exactly the cases fc.check
// would generate with the same seed (case i is path "i"), so all cases are measured in one batched
// call and a failure is handed to fc.check at its path for shrinking and a replayable record.
import fc from 'fast-check';
import type { CheckDefinition, ComputedVerdict, ItemDefinition, Outcome, RunContext } from './item.ts';
import { REFUTATION_MARGIN } from './tolerance.ts';

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
  oracle: string;
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
}

const passes = (o: Outcome) => ((o.sense ?? 'atMost') === 'atMost' ? o.value <= o.bound : o.value >= o.bound);
function marginOf(o: Outcome): number {
  const atMost = (o.sense ?? 'atMost') === 'atMost';
  if (Number.isNaN(o.value)) return 0;
  // A passing value at or below zero (e.g. a chord inequality with slack) is infinitely far inside.
  if (atMost) return o.value <= 0 && o.value <= o.bound ? Infinity : o.bound / o.value;
  return o.bound === 0 ? (o.value > 0 ? Infinity : 0) : o.value / o.bound;
}

function numRuns(check: CheckDefinition<unknown>, ctx: RunContext): number {
  if (check.runs === 'default') return ctx.config.runs;
  if (check.runs === 'hessian') return ctx.config.hessianRuns;
  return check.runs;
}

async function measure<I>(check: CheckDefinition<I>, cases: I[], ctx: RunContext): Promise<Outcome[]> {
  const outcomes = await check.evaluate(cases, ctx);
  if (outcomes.length !== cases.length) {
    throw new Error(`check '${check.name}' returned ${outcomes.length} outcomes for ${cases.length} cases`);
  }
  return outcomes;
}

const record = (input: unknown, o: Outcome): CaseRecord => ({ input, value: o.value, bound: o.bound, ...(o.note ? { note: o.note } : {}) });

export async function runCheck<I>(check: CheckDefinition<I>, ctx: RunContext, replayPath?: string): Promise<CheckResult> {
  const seed = ctx.config.seed;
  const runs = numRuns(check as CheckDefinition<unknown>, ctx);
  const quantifier = check.quantifier ?? 'forall';
  const cases = fc.sample(check.arbitrary, { seed, numRuns: runs });
  const outcomes = await measure(check, cases, ctx);
  let decidingIndex = 0;
  outcomes.forEach((o, i) => {
    const better = marginOf(o) > marginOf(outcomes[decidingIndex]!);
    const worse = marginOf(o) < marginOf(outcomes[decidingIndex]!);
    if (quantifier === 'forall' ? worse : better) decidingIndex = i;
  });
  const deciding = outcomes[decidingIndex]!;
  const passed = quantifier === 'forall' ? outcomes.every(passes) : outcomes.some(passes);
  const result: CheckResult = {
    name: check.name, role: check.role,
    oracle: typeof check.oracle === 'function' ? check.oracle(ctx) : check.oracle,
    quantifier, cases: cases.length,
    maxError: deciding.value, tolerance: deciding.bound, sense: deciding.sense ?? 'atMost',
    margin: marginOf(deciding), passed, decidingCase: record(cases[decidingIndex], deciding), seed,
  };
  if (!passed && quantifier === 'forall') {
    const firstFailure = outcomes.findIndex((o) => !passes(o));
    result.counterexample = await shrink(check, ctx, replayPath ?? String(firstFailure), runs,
      record(cases[decidingIndex], deciding));
  }
  return result;
}

async function shrink<I>(check: CheckDefinition<I>, ctx: RunContext, path: string, runs: number,
  worstBeforeShrinking: CaseRecord): Promise<Counterexample> {
  const seed = ctx.config.seed;
  const last: { input?: I; outcome?: Outcome } = {};
  const details = await fc.check(
    fc.asyncProperty(check.arbitrary, async (input) => {
      const [o] = await measure(check, [input], ctx);
      if (!passes(o!)) { last.input = input; last.outcome = o!; }
      return passes(o!);
    }),
    { seed, path, numRuns: runs, endOnFailure: false },
  );
  if (!details.failed || details.counterexample === null) {
    throw new Error(`check '${check.name}': case at path ${path} failed in the batch but passed alone`);
  }
  const [shrunkInput] = details.counterexample;
  const [shrunkOutcome] = await measure(check, [shrunkInput], ctx);
  return {
    check: check.name, seed, path: details.counterexamplePath ?? path,
    shrunk: record(shrunkInput, shrunkOutcome!), worstBeforeShrinking, shrinkSteps: details.numShrinks,
  };
}

/** The verdict the evidence supports, and why. */
export function deriveVerdict(item: ItemDefinition, checks: CheckResult[]): { verdict: ComputedVerdict; reason: string } {
  if (item.checks.length === 0) {
    return item.reason
      ? { verdict: 'not-checkable', reason: item.reason }
      : { verdict: 'inconclusive', reason: 'no checks and no reason why it cannot be checked' };
  }
  const mustPass = checks.filter((c) => c.role === 'support' || c.role === 'correction' || c.role === 'condition');
  const broken = mustPass.filter((c) => !c.passed);
  if (broken.length) return { verdict: 'inconclusive', reason: `must-pass checks failed: ${broken.map((c) => c.name).join('; ')}` };
  const claims = checks.filter((c) => c.role === 'claim');
  const failedClaims = claims.filter((c) => !c.passed);
  if (failedClaims.length) {
    // forall: the worst case; exists: even the best case. Either must miss by the refutation margin.
    const weak = failedClaims.filter((c) => !(1 / c.margin >= REFUTATION_MARGIN));
    if (weak.length) return { verdict: 'borderline', reason: `failure within ${REFUTATION_MARGIN}× of tolerance: ${weak.map((c) => c.name).join('; ')}` };
    const corrections = checks.filter((c) => c.role === 'correction');
    if (!item.correction || corrections.length === 0) return { verdict: 'inconclusive', reason: 'refuted, but no checked correction' };
    return { verdict: 'refuted', reason: `claim fails by ${(1 / failedClaims[0]!.margin).toPrecision(3)}× its tolerance; correction holds` };
  }
  if (item.condition !== undefined) {
    const inside = checks.filter((c) => c.role === 'condition');
    const outside = checks.filter((c) => c.role === 'outside-condition');
    if (!inside.length || !outside.length) return { verdict: 'inconclusive', reason: 'a conditional needs checks on both sides of its condition' };
    const stillHolds = outside.filter((c) => c.passed);
    if (stillHolds.length) return { verdict: 'holds', reason: `holds even without the condition: ${stillHolds.map((c) => c.name).join('; ')}` };
    const weak = outside.filter((c) => !(1 / c.margin >= REFUTATION_MARGIN));
    if (weak.length) return { verdict: 'borderline', reason: `outside the condition, failure within ${REFUTATION_MARGIN}× of tolerance` };
    return { verdict: 'conditional', reason: 'holds under the condition and fails clearly without it' };
  }
  return item.definition
    ? { verdict: 'definition', reason: 'its stated properties hold' }
    : { verdict: 'holds', reason: 'every check passes' };
}

export async function runItem(item: ItemDefinition, ctx: RunContext): Promise<ItemResult> {
  const checks: CheckResult[] = [];
  for (const check of item.checks) checks.push(await runCheck(check, ctx));
  const { verdict, reason } = deriveVerdict(item, checks);
  const counterexample = checks.find((c) => c.counterexample && (c.role === 'claim' || c.role === 'outside-condition'))?.counterexample;
  return { id: item.id, verdict, reason, checks, ...(counterexample ? { counterexample } : {}) };
}
