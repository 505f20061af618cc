// The soak's judgement on synthetic recorded results: its seeds and case counts, what would change a verdict
// for each role and quantifier, each item's closest call, the headroom floor, NaN measurements, missing
// results, verdict changes, and the Monte Carlo rule (judged by the chance of the largest deviation).
import { describe, expect, it } from 'vitest';
import {
  HEADROOM_FLOOR, JUDGEMENT, MONTE_CARLO_FAMILY_ALPHA, SOAK_SEED_BASE, UnknownRoleError, WITNESS_MARGIN, closestCallRecords, closestCallTable,
  describeMargin, headroomOf, judgeSeed, judgeSoak, judgementOf, soakPlan, type RecordedCheck, type RecordedItem,
} from '../../scripts/soakJudge.ts';
import { REFUTATION_MARGIN } from '../../spec/engine/tolerance.ts';
import { MONTE_CARLO_LABEL, MONTE_CARLO_Z } from '../../spec/support/monteCarlo.ts';
import { chanceOfMaximum } from '../../scripts/normalTail.ts';

const check = (over: Partial<RecordedCheck> & Pick<RecordedCheck, 'role' | 'margin'>): RecordedCheck => {
  const margin = Number(over.margin);
  return { name: `${over.role} check`, quantifier: 'forall', oracle: 'impl (float64)', cases: 4000, maxError: 1, tolerance: margin, sense: 'atMost',
    passed: (over.quantifier ?? 'forall') === 'exists' ? margin >= WITNESS_MARGIN : margin >= 1, ...over };
};
const item = (id: string, checks: RecordedCheck[], verdict = 'holds', expectedVerdict = verdict): RecordedItem =>
  ({ id, expectedVerdict, result: { verdict, reason: `because ${verdict}`, checks } });

describe('soak plan', () => {
  it('draws the same seeds and case counts from the same base, new ones from another, all in range and distinct', () => {
    const plan = soakPlan(SOAK_SEED_BASE, 20, 4000);
    expect(soakPlan(SOAK_SEED_BASE, 20, 4000)).toEqual(plan);
    expect(new Set(plan.map((r) => r.seed)).size).toBe(20);
    for (const { seed, cases } of plan) {
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31).toBe(true);
      expect(Number.isInteger(cases) && cases >= 4000 && cases < 8000).toBe(true);
    }
    // The case count varies with the seed (20 draws from [4000, 8000) spread over more than half of it).
    const counts = plan.map((r) => r.cases);
    expect(Math.max(...counts) - Math.min(...counts)).toBeGreaterThan(2000);
    const other = soakPlan(7, 20, 4000);
    expect(other.filter((r) => plan.some((p) => p.seed === r.seed))).toEqual([]);
    // More seeds extend the plan: the first N are the same.
    expect(soakPlan(SOAK_SEED_BASE, 25, 4000).slice(0, 20)).toEqual(plan);
    expect(() => soakPlan(1.5, 2, 10)).toThrow(RangeError);
    expect(() => soakPlan(1, 0, 10)).toThrow(RangeError);
  });
});

describe('what would change the verdict', () => {
  it('a passing universal claim must stay passing; a failing one must keep missing by the refutation margin', () => {
    expect(judgementOf('claim', 'forall', true)).toMatchObject({ keep: 'above', threshold: 1 });
    expect(judgementOf('claim', 'forall', false)).toMatchObject({ keep: 'below', threshold: 1 / REFUTATION_MARGIN });
    // Fails by 20×: twice the refutation margin. Fails by 12.5×: headroom 1.25.
    expect(headroomOf(1 / 20, judgementOf('claim', 'forall', false)!)).toBeCloseTo(2, 12);
    expect(headroomOf(1 / 12.5, judgementOf('claim', 'forall', false)!)).toBeCloseTo(1.25, 12);
    expect(headroomOf(3, judgementOf('claim', 'forall', true)!)).toBe(3);
    expect(headroomOf(Infinity, judgementOf('claim', 'forall', true)!)).toBe(Infinity);
  });
  it('an existential claim is judged by the witness margin on both sides; its negation must hold for a refutation', () => {
    expect(judgementOf('claim', 'exists', true)).toMatchObject({ keep: 'above', threshold: WITNESS_MARGIN });
    expect(headroomOf(7.22, judgementOf('claim', 'exists', true)!)).toBeCloseTo(0.722, 12);
    // No witness: the best case at margin 0.0064 is 10/0.0064 = 1562.5× from becoming one.
    expect(headroomOf(0.0064, judgementOf('claim', 'exists', false)!)).toBeCloseTo(1562.5, 9);
    expect(judgementOf('negation', 'forall', true)).toMatchObject({ keep: 'above', threshold: 1 });
    expect(judgementOf('negation', 'forall', false)).toMatchObject({ keep: 'below', threshold: 1 });
  });
  it('must-pass roles stay above their pass threshold whether or not they pass now; outside-condition must fail clearly; literal is ignored', () => {
    for (const role of ['support', 'correction', 'condition', 'subject']) {
      expect(judgementOf(role, 'forall', true)).toMatchObject({ keep: 'above', threshold: 1 });
      expect(judgementOf(role, 'forall', false)).toMatchObject({ keep: 'above', threshold: 1 });
      expect(judgementOf(role, 'exists', true)).toMatchObject({ keep: 'above', threshold: WITNESS_MARGIN });
    }
    expect(judgementOf('outside-condition', 'forall', false)).toMatchObject({ keep: 'below', threshold: 1 / REFUTATION_MARGIN });
    expect(judgementOf('outside-condition', 'forall', true)).toMatchObject({ keep: 'above', threshold: 1 });
    expect(judgementOf('literal', 'forall', false)).toBeNull();
    expect(judgementOf('literal', 'exists', true)).toBeNull();
  });
  it('an unknown role, or a quantifier the table lacks for a role, is an error that names it', () => {
    expect(() => judgementOf('witness', 'forall', true, 'item-x · its check')).toThrow(UnknownRoleError);
    expect(() => judgementOf('witness', 'forall', true, 'item-x · its check')).toThrow(/'witness'.*item-x · its check/);
    expect(() => judgementOf('negation', 'exists', true)).toThrow(/'negation\/exists'/);
    expect(() => judgeSeed(1, 10, [item('a', [check({ role: 'mystery', margin: 5 })])], ['a'])).toThrow(/'mystery'/);
    expect(Object.keys(JUDGEMENT).every((k) => /^[a-z-]+\/(forall|exists)$/.test(k))).toBe(true);
  });
});

describe('judging seeds', () => {
  const ids = ['holds-item', 'refuted-item', 'witness-item', 'literal-item', 'gone-item'];
  const seedA = judgeSeed(11, 4100, [
    item('holds-item', [check({ role: 'claim', margin: 3 }), check({ role: 'support', margin: 'Infinity' })]),
    item('refuted-item', [check({ role: 'claim', margin: 1 / 40, name: 'misses' }), check({ role: 'correction', margin: 50 })], 'refuted'),
    item('witness-item', [check({ role: 'claim', quantifier: 'exists', margin: 30, name: 'some case' })]),
    item('literal-item', [check({ role: 'literal', margin: 1e-6 }), check({ role: 'claim', margin: 'Infinity' }),
      check({ role: 'subject', margin: 'NaN', maxError: 'NaN', skipped: 'the subject lacks this function' })]),
  ], ids);
  const seedB = judgeSeed(22, 7900, [
    item('holds-item', [check({ role: 'claim', margin: 1.5, name: 'claim check' }), check({ role: 'support', margin: 'Infinity' })]),
    item('refuted-item', [check({ role: 'claim', margin: 1 / 12.5, name: 'misses' }), check({ role: 'correction', margin: 50 })], 'refuted'),
    // Recorded as a pass by an engine that took any margin ≥ 1 as a witness: 7.22 is below the witness margin.
    item('witness-item', [check({ role: 'claim', quantifier: 'exists', margin: 7.22, name: 'some case', passed: true })], 'holds'),
    item('literal-item', [check({ role: 'claim', margin: 'NaN', maxError: 'NaN', name: 'degenerate' })], 'inconclusive', 'holds'),
  ], ids);
  const verdict = judgeSoak([seedA, seedB], ids);

  it('records verdict changes, items without a result, and NaN measurements, with their seeds', () => {
    expect(Object.keys(verdict.verdictChanges)).toEqual(['literal-item']);
    expect(verdict.verdictChanges['literal-item']![0]).toMatch(/^seed 22 \(7900 cases\): inconclusive \(recorded holds\)/);
    expect(verdict.missingResults).toEqual({ 'gone-item': [11, 22] });
    expect(verdict.nanMeasurements).toEqual({ 'literal-item · degenerate': [22] });
    expect(verdict.passed).toBe(false);
  });
  it('the closest call per item is its smallest headroom under any seed, with the seed and its case count', () => {
    expect(verdict.closestCalls['holds-item']).toMatchObject({ check: 'claim check', seed: 22, cases: 4000, margin: 1.5, headroom: 1.5 });
    expect(verdict.closestCalls['refuted-item']).toMatchObject({ check: 'misses', seed: 22, role: 'claim' });
    expect(verdict.closestCalls['refuted-item']!.headroom).toBeCloseTo(1.25, 12);
    expect(verdict.closestCalls['witness-item']).toMatchObject({ seed: 22, quantifier: 'exists' });
    expect(verdict.closestCalls['witness-item']!.headroom).toBeCloseTo(0.722, 12);
    // A literal check and a skipped check never decide; the NaN claim is the literal item's closest call (headroom 0).
    expect(verdict.closestCalls['literal-item']).toMatchObject({ check: 'degenerate', headroom: 0 });
    expect(verdict.closestCalls['gone-item']).toBeNull();
  });
  it('flags every judged check below the headroom floor under some seed, with the worst seed', () => {
    expect(Object.keys(verdict.belowFloor).sort()).toEqual(['holds-item · claim check', 'literal-item · degenerate', 'refuted-item · misses', 'witness-item · some case']);
    expect(verdict.belowFloor['refuted-item · misses']).toMatchObject({ seeds: [22] });
    // Seed 11's refutation misses by 40× (headroom 4) and its witness clears by 30× (headroom 3): above the floor.
    expect(verdict.belowFloor['witness-item · some case']!.seeds).toEqual([22]);
    expect(HEADROOM_FLOOR).toBe(2);
  });
  it('a clean soak passes', () => {
    const present = ids.filter((id) => id !== 'gone-item');
    const clean = judgeSoak([{ ...seedA, missing: [] }], present);
    const { verdictChanges, missingResults, nanMeasurements, belowFloor, passed } = clean;
    expect({ verdictChanges, missingResults, nanMeasurements, belowFloor, passed }).toEqual({ verdictChanges: {}, missingResults: {}, nanMeasurements: {}, belowFloor: {}, passed: true });
    expect(clean.closestCalls['literal-item']).toMatchObject({ margin: Infinity, headroom: Infinity });
  });
  it('prints a table sorted by headroom and JSON records without raw Infinity', () => {
    const table = closestCallTable(verdict.closestCalls);
    expect(table[0]).toMatch(/^item\s+headroom/);
    expect(table[1]).toMatch(/^literal-item\s+0\.00×\s+NaN/);
    expect(table[2]).toMatch(/^witness-item\s+0\.722×\s+margin 7\.22 \(≥ 10\)\s+seed 22, 4000 cases\s+some case \[claim\/exists\]/);
    expect(table.at(-1)).toMatch(/^gone-item\s+—/);
    const records = closestCallRecords(judgeSoak([seedA], ['literal-item']).closestCalls);
    expect(JSON.stringify(records)).toContain('"headroom":"Infinity"');
    expect(describeMargin(0.02)).toBe('margin 0.0200 (misses by 50.0×)');
    expect(describeMargin(Infinity)).toBe('exact (margin ∞)');
  });
});

describe('the Monte Carlo rule', () => {
  const mc = (margin: number, cases: number) => check({ role: 'claim', margin, cases, oracle: MONTE_CARLO_LABEL, name: 'sampled mean' });
  it('exempts Monte Carlo checks from the floor and flags one only when its largest deviation is improbable as noise', () => {
    // margin 1.6 over 1000 comparisons: |Z| = 6.54/1.6 ≈ 4.09, P(max ≥ 4.09 | 1000) ≈ 4·10⁻², noise.
    const noise = judgeSoak([judgeSeed(1, 4000, [item('mc', [mc(1.6, 1000)])], ['mc'])], ['mc']);
    expect(noise.belowFloor).toEqual({});
    expect(noise.monteCarlo.flagged).toEqual([]);
    expect(noise.monteCarlo.checks['mc · sampled mean']).toMatchObject({ atSeed: 1, seedsBelowFloor: [1] });
    expect(noise.monteCarlo.checks['mc · sampled mean']!.smallestChance).toBeCloseTo(chanceOfMaximum(MONTE_CARLO_Z / 1.6, 1000), 12);
    expect(noise.passed).toBe(true);
    // margin 1.05 over 10 comparisons: |Z| ≈ 6.2 in 10 tries: chance ~10⁻⁸, below 0.01 / (1 check × 1 seed).
    const bias = judgeSoak([judgeSeed(2, 4000, [item('mc', [mc(1.05, 10)])], ['mc'])], ['mc']);
    expect(bias.monteCarlo.flagged).toEqual(['mc · sampled mean']);
    expect(bias.monteCarlo.level).toBe(MONTE_CARLO_FAMILY_ALPHA);
    expect(bias.passed).toBe(false);
    // It is still the item's closest call (tagged), judged by its margin like any claim.
    expect(bias.closestCalls.mc).toMatchObject({ monteCarlo: true, headroom: 1.05 });
  });
});
