// Tests the tester: the closeness helper, the tolerance model, the verdict rules and the runner.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, difference, differenceOf } from '../engine/close.ts';
import { REFUTATION_MARGIN, gamma, statedPrecision, tolerance, UNIT_ROUNDOFF } from '../engine/tolerance.ts';
import { check, defineItem, type RunContext } from '../engine/item.ts';
import { deriveVerdict, marginOf, MeasurementError, runCheck, runItem } from '../engine/run.ts';
import { DEFAULT_CONFIG, configFromEnv, ConfigError } from '../engine/config.ts';
import { real } from '../domains/index.ts';
import { assertDeclared, References } from '../engine/references.ts';
import { IMPL_SUBJECT, moduleSubject } from '../engine/subject.ts';
import { runSubjectConformance } from '../engine/conformance.ts';
import { createContext } from '../engine/context.ts';

const ctx = { config: { ...DEFAULT_CONFIG, runs: 200 }, subject: IMPL_SUBJECT, refs: new References(), dtypes: ['float64', 'float64'] } as unknown as RunContext;

describe('close', () => {
  it('rejects NaN against anything, +Inf against −Inf, and finite against infinite', () => {
    expect(differenceOf(NaN, NaN)).toBe(Infinity);
    expect(differenceOf(NaN, 1)).toBe(Infinity);
    expect(differenceOf(Infinity, -Infinity)).toBe(Infinity);
    expect(differenceOf(Infinity, 1e308)).toBe(Infinity);
    expect(differenceOf(Infinity, Infinity)).toBe(0);
  });
  it('reports the largest entrywise difference and its index; shape mismatch is infinite', () => {
    expect(difference([[1, 2], [3, 4]], [[1, 2], [3, 4.5]])).toEqual({ maxAbs: 0.5, index: 3 });
    expect(difference([1, 2], [1, 2, 3]).maxAbs).toBe(Infinity);
  });
  it('a value just past the tolerance fails, one at it passes', () => {
    const tol = 2 ** -30; // 2 + tol and 2 + 2·tol are exact in float64
    const at = agreement(2 + tol, 2, tol);
    expect(at.value <= at.bound).toBe(true);
    const past = agreement(2 + 2 * tol, 2, tol);
    expect(past.value <= past.bound).toBe(false);
  });
});

describe('tolerance model', () => {
  it('γ_n follows n·u/(1 − n·u) and refuses n·u ≥ 1', () => {
    expect(gamma(1, 'float64')).toBeCloseTo(UNIT_ROUNDOFF.float64, 30);
    expect(gamma(10, 'float32')).toBeCloseTo((10 * 2 ** -24) / (1 - 10 * 2 ** -24), 20);
    expect(() => gamma(2 ** 24, 'float32')).toThrow(RangeError);
  });
  it('float32 comparisons get ≈ 2^29 times the float64 tolerance, and tolerance scales with S and κ', () => {
    const t64 = tolerance({ dtypes: ['float64', 'float64'], operations: 4, scale: 1 });
    const t32 = tolerance({ dtypes: ['float32', 'float64'], operations: 4, scale: 1 });
    expect(t32 / t64).toBeGreaterThan(2 ** 27);
    expect(tolerance({ dtypes: ['float32', 'float64'], operations: 4, scale: 3 })).toBeCloseTo(3 * t32, 20);
    expect(tolerance({ dtypes: ['float32', 'float64'], operations: 4, scale: 1, condition: 10 })).toBeGreaterThan(t32);
    expect(() => tolerance({ dtypes: ['float64', 'float64'], operations: 1, scale: NaN })).toThrow(RangeError);
  });
  it('a stated approximation is held to half a unit of its last stated digit', () => {
    expect(statedPrecision(0.01, 1)).toBeCloseTo(0.005, 15);
    expect(statedPrecision(100, 1)).toBeCloseTo(50, 12);
    expect(statedPrecision(0.99, 2)).toBeCloseTo(0.005, 15);
  });
});

describe('config', () => {
  it('reads seed and runs from the environment and rejects bad numbers', () => {
    expect(configFromEnv({})).toEqual(DEFAULT_CONFIG);
    expect(configFromEnv({ LOSSCHECK_SEED: '7', LOSSCHECK_RUNS: '50' })).toEqual({ seed: 7, runs: 50, hessianRuns: 10 });
    expect(() => configFromEnv({ LOSSCHECK_RUNS: '0' })).toThrow(ConfigError);
    expect(() => configFromEnv({ LOSSCHECK_SEED: 'abc' })).toThrow(ConfigError);
  });

  it('a context runs with the configuration it was asked for, whatever another caller in the worker set up first', async () => {
    // The test files share one module graph per worker (isolate: false): a CLI or scaffold test that set up
    // 50 cases at seed 1 must not hand its configuration to the conformance parts that follow it.
    const small = await createContext({ seed: 1, runs: 50, hessianRuns: 10 });
    const full = await createContext(DEFAULT_CONFIG);
    expect(small.config).toEqual({ seed: 1, runs: 50, hessianRuns: 10 });
    expect(full.config).toEqual(DEFAULT_CONFIG);
    expect((await createContext({ ...DEFAULT_CONFIG, runs: 7 })).config.runs).toBe(7);
    // The oracles are set up once per seed, not once per caller.
    expect((await createContext(DEFAULT_CONFIG)).refs).toBe(full.refs);
  });
});

// Toy checks with known truth: x² ≥ 0 holds; x² ≤ x fails for |x| > 1 by a wide margin.
const square = check({
  name: 'x² ≥ 0', role: 'claim', reference: 'closed-form', arbitrary: real(10), runs: 'default',
  evaluate: (xs) => xs.map((x) => ({ value: x * x, bound: 0, sense: 'atLeast' as const })),
});
const wrong = check({
  name: 'x² ≤ |x|/1000', role: 'claim', reference: 'closed-form', arbitrary: real(10), runs: 'default',
  evaluate: (xs) => xs.map((x) => ({ value: x * x, bound: Math.abs(x) / 1000 })),
});
const fixedUp = check({
  name: 'x² ≤ x² + 1', role: 'correction', reference: 'closed-form', arbitrary: real(10), runs: 'default',
  evaluate: (xs) => xs.map((x) => ({ value: x * x, bound: x * x + 1 })),
});

describe('runner and verdicts', () => {
  it('a passing forall check records the worst case and its margin', async () => {
    const r = await runCheck(square, ctx);
    expect(r.passed).toBe(true);
    expect(r.cases).toBe(200);
    expect(r.counterexample).toBeUndefined();
  });
  it('a failing check is shrunk and replays from its seed and path', async () => {
    const r = await runCheck(wrong, ctx);
    expect(r.passed).toBe(false);
    const ce = r.counterexample!;
    expect(Math.abs(ce.shrunk.input as number)).toBeGreaterThan(0.001);
    expect(Math.abs(ce.worstBeforeShrinking.input as number)).toBeGreaterThanOrEqual(Math.abs(ce.shrunk.input as number));
    const replay = await fc.check(fc.property(real(10), (x) => x * x <= Math.abs(x) / 1000), { seed: ce.seed, path: ce.path, endOnFailure: true });
    expect(replay.counterexample?.[0]).toBe(ce.shrunk.input);
  });
  it('refuted needs a correction that passes; without one the verdict is inconclusive', async () => {
    const base = { kind: 'claim', section: '4.3.1', quote: 'q', statement: 'toy statement', expectedVerdict: 'refuted' } as const;
    const withFix = await runItem(defineItem({ ...base, id: 'toy', correction: { statement: 'fixed' }, checks: [wrong, fixedUp] }), ctx);
    expect(withFix.verdict).toBe('refuted');
    expect(withFix.counterexample).toBeDefined();
    const without = await runItem(defineItem({ ...base, id: 'toy', checks: [wrong] }), ctx);
    expect(without.verdict).toBe('inconclusive');
  });
  it('a failure within the refutation margin is borderline, not refuted', () => {
    const item = defineItem({ id: 'toy', kind: 'claim', section: '4.3.1', quote: 'q', statement: 'toy statement',
      expectedVerdict: 'refuted', correction: { statement: 'c' }, checks: [wrong, fixedUp] });
    const failing = { name: 'x² ≤ |x|/1000', role: 'claim', quantifier: 'forall', passed: false, margin: 1 / (REFUTATION_MARGIN / 2) };
    const fix = { name: 'x² ≤ x² + 1', role: 'correction', quantifier: 'forall', passed: true, margin: 2 };
    expect(deriveVerdict(item, [failing, fix] as never).verdict).toBe('borderline');
  });
  it('conditional needs the condition side to pass and the other side to fail', () => {
    const item = defineItem({ id: 'toy', kind: 'claim', section: '4.3.1', quote: 'q', statement: 'toy statement',
      expectedVerdict: 'conditional', condition: 'c', checks: [square, wrong] });
    const inside = { name: 'in', role: 'condition', quantifier: 'forall', passed: true, margin: 5 };
    const outside = { name: 'out', role: 'outside-condition', quantifier: 'forall', passed: false, margin: 1e-6 };
    expect(deriveVerdict(item, [inside, outside] as never).verdict).toBe('conditional');
    expect(deriveVerdict(item, [inside, { ...outside, passed: true, margin: 2 }] as never).verdict).toBe('holds');
    expect(deriveVerdict(item, [{ ...inside, passed: false, margin: 0.5 }, outside] as never).verdict).toBe('inconclusive');
  });
  it('a NaN measurement is a typed error naming the check and the case, never a refutation', async () => {
    const nan = check({ name: 'measures 0/0', role: 'claim', reference: 'impl', arbitrary: real(1), runs: 5,
      evaluate: (xs: number[]) => xs.map((x) => ({ value: (x - x) / 0, bound: 1 })) });
    await expect(runCheck(nan, ctx)).rejects.toThrow(MeasurementError);
    await expect(runCheck(nan, ctx)).rejects.toThrow(/check 'measures 0\/0' measured NaN/);
  });
  it('THE margin: a ratio on the passing side above 1, never negative; ∞ for exact, 0 for NaN or a value on the wrong side of zero', () => {
    expect(marginOf({ value: 1, bound: 4 })).toBe(4);
    expect(marginOf({ value: 4, bound: 1 })).toBe(0.25);
    expect(marginOf({ value: 0, bound: 1 })).toBe(Infinity);
    expect(marginOf({ value: 1, bound: 0 })).toBe(0);
    expect(marginOf({ value: NaN, bound: 1 })).toBe(0);
    expect(marginOf({ value: 8, bound: 2, sense: 'atLeast' })).toBe(4);
    expect(marginOf({ value: -3, bound: 2, sense: 'atLeast' })).toBe(0);
    expect(marginOf({ value: 0, bound: 2, sense: 'atLeast' })).toBe(0);
    expect(marginOf({ value: 1, bound: 0, sense: 'atLeast' })).toBe(Infinity);
  });
  describe('existential claims: a sample shows a witness, never the absence of one', () => {
    // An item built to break the rule: its only evidence against the claim is an existential check that
    // found no witness. Before the rule, this item was `refuted`.
    const noWitness = check({ name: 'some x has x² + 1 ≤ 0', role: 'claim', quantifier: 'exists', reference: 'closed-form', arbitrary: real(10), runs: 200,
      evaluate: (xs: number[]) => xs.map((x) => ({ value: x * x + 1, bound: 0, sense: 'atMost' as const })) });
    const negation = check({ name: 'every x has x² ≥ 0 (identity)', role: 'negation', reference: 'closed-form', arbitrary: real(10), runs: 200,
      evaluate: (xs: number[]) => xs.map((x) => ({ value: Math.max(0, -(x * x)), bound: 0 })) });
    const fix = check({ name: 'x² ≥ 0', role: 'correction', reference: 'closed-form', arbitrary: real(10), runs: 200,
      evaluate: (xs: number[]) => xs.map((x) => ({ value: Math.max(0, -(x * x)), bound: 0 })) });
    const base = { id: 'toy', kind: 'claim', section: '4.3.1', quote: 'q', statement: 'toy statement', expectedVerdict: 'refuted', correction: { statement: 'c' } } as const;
    it('is not refuted by failing existential checks alone', async () => {
      const r = await runItem(defineItem({ ...base, checks: [noWitness, fix] }), ctx);
      expect(r.verdict).not.toBe('refuted');
      expect(r.verdict).toBe('inconclusive');
      expect(r.reason).toMatch(/no witness found/);
    });
    it('is refuted when a check of its universal negation passes', async () => {
      const r = await runItem(defineItem({ ...base, checks: [noWitness, negation, fix] }), ctx);
      expect(r.verdict).toBe('refuted');
      expect(r.reason).toMatch(/negation holds/);
    });
    it('a witness must clear its bound by the refutation margin: rounding noise on an exact 0 is no witness', async () => {
      // Every case measures 1e-17 against a bound of 1e-17·(1 + tiny): it passes the bound, but not clearly.
      const noise = check({ name: 'some x has λ ≥ tol', role: 'claim', quantifier: 'exists', reference: 'closed-form', arbitrary: real(10), runs: 50,
        evaluate: (xs: number[]) => xs.map((x) => ({ value: 1e-17 * (1 + Math.abs(x) * 1e-3), bound: 1e-17, sense: 'atLeast' as const })) });
      const clear = check({ ...noise, name: 'some x has x² ≥ 1', evaluate: (xs: number[]) => xs.map((x) => ({ value: x * x, bound: 1, sense: 'atLeast' as const })) });
      expect((await runCheck(noise, ctx)).passed).toBe(false);
      expect((await runCheck(clear, ctx)).passed).toBe(true);
    });
    it('a witness and a passing negation contradict each other', () => {
      const item = defineItem({ ...base, checks: [noWitness, negation, fix] });
      const witness = { name: 'w', role: 'claim', quantifier: 'exists', passed: true, margin: 20 };
      const neg = { name: 'n', role: 'negation', quantifier: 'forall', passed: true, margin: 5 };
      const corr = { name: 'c', role: 'correction', quantifier: 'forall', passed: true, margin: 5 };
      expect(deriveVerdict(item, [witness, neg, corr] as never).verdict).toBe('inconclusive');
    });
    it('literal checks are evidence of an erratum and do not decide the verdict', () => {
      const item = defineItem({ ...base, expectedVerdict: 'holds', checks: [noWitness] });
      const claim = { name: 'charitable', role: 'claim', quantifier: 'forall', passed: true, margin: 5 };
      const literal = { name: 'literal', role: 'literal', quantifier: 'forall', passed: false, margin: 1e-6 };
      expect(deriveVerdict({ ...item, correction: undefined }, [claim, literal] as never).verdict).toBe('holds');
    });
  });
  describe('references and the subject', () => {
    const value = check({ name: 'x² ≥ 0 against impl', role: 'claim', reference: 'impl', arbitrary: real(10), runs: 20,
      evaluate: (xs: number[]) => xs.map((x) => ({ value: Math.max(0, -(x * x)), bound: 0 })) });
    it('a check names its reference by handle: label and dtypes come from it, and it is qualified first', async () => {
      const refs = new References();
      const r = await runCheck(value, { ...ctx, refs } as RunContext);
      expect(r.oracle).toBe('impl (float64)');
      expect(r.reference).toEqual({ ids: ['impl'], dtypes: ['float64', 'float64'] });
      expect(refs.findings().map((f) => [f.id, f.qualified])).toEqual([['impl', true]]);
    });
    it('an oracle call the check did not declare throws', async () => {
      const refs = new References();
      const sneaky = check({ ...value, name: 'uses Monte Carlo undeclared', evaluate: (xs: number[]) => { assertDeclared('monte-carlo'); return xs.map(() => ({ value: 0, bound: 0 })); } });
      await expect(runCheck(sneaky, { ...ctx, refs } as RunContext)).rejects.toThrow(/without declaring it/);
    });
    const subjectCheck = check({ name: 'subject sigmoid(0) = ½', role: 'subject', subject: 'sigmoid', reference: 'closed-form', arbitrary: real(1), runs: 5,
      evaluate: (xs: number[], c) => xs.map(() => ({ value: Math.abs(c.subject.api.sigmoid!(0) - 0.5), bound: 1e-15 })) });
    it('a subject without the function skips its checks, with the reason', async () => {
      const partial = moduleSubject('user.ts', {});
      const r = await runCheck(subjectCheck, { ...ctx, subject: partial } as RunContext);
      expect(r.skipped).toMatch(/does not provide sigmoid/);
      expect(r.cases).toBe(0);
    });
    it('a broken subject fails its checks but moves no verdict, unless it is the audit reference', async () => {
      const broken = moduleSubject('broken.ts', { sigmoid: (z: number) => 1 / (1 + Math.exp(z)) + 0.1 });
      const item = defineItem({ id: 'toy', kind: 'claim', section: '4.3.1', quote: 'q', statement: 'toy statement', expectedVerdict: 'holds', checks: [value, subjectCheck] });
      const other = await runItem(item, { ...ctx, subject: broken } as RunContext);
      expect(other.checks.find((c) => c.role === 'subject')!.passed).toBe(false);
      expect(other.verdict).toBe('holds');
      const asReference = await runItem(item, { ...ctx, subject: { ...broken, isAuditReference: true } } as RunContext);
      expect(asReference.verdict).toBe('inconclusive');
    });
    it('the subject conformance table: per function pass, fail or skipped', async () => {
      const broken = moduleSubject('broken.ts', { sigmoid: (z: number) => 1 / (1 + Math.exp(-z)) + 0.1 });
      const item = defineItem({ id: 'toy', kind: 'claim', section: '4.3.1', quote: 'q', statement: 'toy statement', expectedVerdict: 'holds', checks: [value, subjectCheck] });
      const table = await runSubjectConformance([item], { ...ctx, subject: broken } as RunContext);
      expect(table.functions).toEqual([{ name: 'sigmoid', status: 'fail', checks: 1, failing: ['toy: subject sigmoid(0) = ½'] }]);
      expect(table.rows[0]!.counterexample?.path).toBeDefined();
      const none = await runSubjectConformance([item], { ...ctx, subject: moduleSubject('empty.ts', {}) } as RunContext);
      expect(none.functions[0]).toMatchObject({ name: 'sigmoid', status: 'skipped' });
      const good = await runSubjectConformance([item], ctx);
      expect(good.functions[0]).toMatchObject({ name: 'sigmoid', status: 'pass' });
    });
  });
});