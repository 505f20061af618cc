// Tests the tester: the closeness helper, the tolerance model, the verdict rules and the runner.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreement, difference, differenceOf } from '../engine/close.ts';
import { REFUTATION_MARGIN, gamma, statedPrecision, tolerance, UNIT_ROUNDOFF } from '../engine/tolerance.ts';
import { check, defineItem, type RunContext } from '../engine/item.ts';
import { deriveVerdict, runCheck, runItem } from '../engine/run.ts';
import { DEFAULT_CONFIG, configFromEnv, ConfigError } from '../engine/config.ts';
import { real } from '../domains/index.ts';

const ctx = { config: { ...DEFAULT_CONFIG, runs: 200 } } as RunContext;

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
});

// Toy checks with known truth: x² ≥ 0 holds; x² ≤ x fails for |x| > 1 by a wide margin.
const square = check({
  name: 'x² ≥ 0', role: 'claim', oracle: 'exact', arbitrary: real(10), runs: 'default',
  evaluate: (xs) => xs.map((x) => ({ value: x * x, bound: 0, sense: 'atLeast' as const })),
});
const wrong = check({
  name: 'x² ≤ |x|/1000', role: 'claim', oracle: 'exact', arbitrary: real(10), runs: 'default',
  evaluate: (xs) => xs.map((x) => ({ value: x * x, bound: Math.abs(x) / 1000 })),
});
const fixedUp = check({
  name: 'x² ≤ x² + 1', role: 'correction', oracle: 'exact', arbitrary: real(10), runs: 'default',
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
});
