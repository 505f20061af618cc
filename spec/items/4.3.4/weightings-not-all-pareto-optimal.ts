import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { notAbove } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, real } from '../../domains/index.ts';
import { weightedParetoCase } from '../../domains/pareto.ts';
import { dominationOf } from '../../support/pareto.ts';

const cases = weightedParetoCase();

// Zero weight: tasks L₁ = ½(θ₁ − a)², L₂ = ½(θ₂ − b)² on R²; with w = (1, 0) the point (a, b + t) minimises the
// weighted sum (value 0) but (a, b) is as good in task 1 and better by ½t² in task 2.
const zeroWeight = fc.record({ a: real(3), b: real(3), t: between(0.1, 3), sign: fc.constantFrom(-1, 1) });
// Non-convex front: L₁ = 1 − e^{−(θ−1)²}, L₂ = 1 − e^{−(θ+1)²} on R; θ = 0 is Pareto optimal (L₁ falls only on
// (0, 2), where L₂ rises) yet minimises no weighted sum with w ≥ 0, w ≠ 0: one of θ = ±1 always does better.
const l1 = (t: number) => -Math.expm1(-((t - 1) ** 2)), l2 = (t: number) => -Math.expm1(-((t + 1) ** 2));
const lossTol = (t: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: elementary(1) + 3, scale: 1 + (Math.abs(t) + 1) ** 2 });
const frontProbe = between(-3, 3);
const anyWeights = fc.record({ w1: between(0, 1), w2: between(0, 1) }).filter(({ w1, w2 }) => w1 + w2 > 0);

export default defineItem({
  id: 'weightings-not-all-pareto-optimal', kind: 'claim', section: '4.3.4',
  quote: '并非所有权重组合都能产生帕累托最优解',
  statement: 'Not every combination of task weights yields a Pareto-optimal solution: for some positive weights w_k, a minimiser of L_total = Σ_k w_k L_k (4.3.32) is dominated by another solution.',
  reading: 'The weights are the task weights of 4.3.32, positive; "yields" is the minimiser of the weighted sum. The sentence quantifies over weight combinations (some weighting fails to give a Pareto-optimal solution), not over Pareto-optimal solutions.',
  correction: {
    statement: 'For strictly positive weights every minimiser of Σ_k w_k L_k is Pareto optimal: a solution that dominated it would have a smaller weighted sum. With a zero weight the minimiser is only weakly Pareto optimal. What does fail is the converse: when the Pareto front is not convex, some Pareto-optimal solutions minimise no weighted sum — for L₁ = 1 − e^{−(θ−1)²} and L₂ = 1 − e^{−(θ+1)²}, θ = 0 is Pareto optimal, yet θ = 1 or θ = −1 has a smaller weighted sum for every choice of weights.',
  },
  errata: ['weighted-sum-pareto-converse'],
  notes: 'Second reading: the note said that only a zero weight makes the sentence true, but the reading where "产生" means what local optimisation of the weighted sum reaches makes it true as well, for non-convex losses. Settled: two readings make the sentence true, and both are rejected. (1) "产生" as what local optimisation reaches: with non-convex task losses a local minimiser or stationary point of Σ w_k L_k can be dominated (for the tilted double wells f_k = θ⁴/4 − θ²/2 + c_kθ with every c_k > 0, the local minimiser near θ = 1 of every positively weighted sum is dominated by θ = −1), but that failure does not depend on the weights — every positive weighting has it — and MGDA, which the next sentence contrasts with weightings, shares it (mgda-pareto-front: its limit can be dominated for non-convex losses), so it is not what "并非所有权重组合" singles out. (2) A zero weight: then a minimiser of the weighted sum may be only weakly Pareto optimal (the correction\'s first check), but a task weight of 0 drops the task, which the multi-task setting of 4.3.32 does not intend, and other minimisers of the same sum can still be Pareto optimal. A reader who knows linear scalarisation may instead take the sentence for the well-known converse (not every Pareto-optimal solution is reachable by a weighting); the sentence does not say that, and the next one (MGDA "ensures" the Pareto front) shows the intended contrast is that weightings miss Pareto optimality.',
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'some positive weighting: a solution y dominates the weighted-sum minimiser x* (as good in every task, better in one)', role: 'claim', quantifier: 'exists',
      reference: ['solve', 'closed-form'], arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => { const m = dominationOf(c, ctx.dtypes); return { value: m.domination, bound: m.dominationBound, sense: 'atLeast' as const, note: m.note }; }),
    }),
    check({
      name: 'negation: for every positive weighting, no y dominates x* — convex quadratic tasks in R^d and tilted double wells in R (non-convex), y at 10⁻⁴…10 from x*', role: 'negation',
      reference: ['solve', 'closed-form'], arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => { const m = dominationOf(c, ctx.dtypes); return { value: m.domination, bound: m.dominationBound, note: m.note }; }),
    }),
    check({
      name: 'negation, the identity behind it: Σ_k w_k (L_k(y) − L_k(x*)) ≥ 0 for every y, and w_k > 0, so y cannot be as good in every task and better in one', role: 'negation',
      reference: ['solve', 'closed-form'], arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => { const m = dominationOf(c, ctx.dtypes); return { value: m.undercut, bound: m.undercutBound, note: m.note }; }),
    }),
    check({
      name: 'correction: with w = (1, 0) the minimiser (a, b + t) of the weighted sum is dominated by (a, b) (only weakly Pareto optimal)', role: 'correction',
      reference: 'closed-form', arbitrary: zeroWeight, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ a, b, t, sign }) => {
        const L = ([x1, x2]: number[]) => [0.5 * (x1! - a) ** 2, 0.5 * (x2! - b) ** 2];
        const minimiser = [a, b + sign * t], better = [a, b];
        const [m1, m2] = L(minimiser), [b1, b2] = L(better);
        // Task 1 is exactly 0 at both points; the improvement in task 2 is ½t², held above the rounding of two squares.
        const tol = tolerance({ dtypes: ctx.dtypes, operations: 4, scale: 0.5 * (Math.abs(b) + t + 3) ** 2 });
        return { value: m1! - b1! === 0 && 1 * m1! + 0 * m2! === 0 ? m2! - b2! : -Infinity, bound: tol, sense: 'atLeast' as const,
          note: `L at the minimiser (${m1}, ${m2!.toPrecision(4)}), at (a, b) (${b1}, ${b2})` };
      }),
    }),
    check({
      name: 'correction: θ = 0 is Pareto optimal for L₁ = 1 − e^{−(θ−1)²}, L₂ = 1 − e^{−(θ+1)²}: no y ∈ [−3, 3] is as good in both and better in one', role: 'correction',
      reference: 'closed-form', arbitrary: frontProbe, runs: 'default',
      evaluate: (cs, ctx) => cs.map((y) => {
        const d1 = l1(y) - l1(0), d2 = l2(y) - l2(0), t1 = lossTol(y, ctx.dtypes) + lossTol(0, ctx.dtypes), t2 = t1;
        const asGood = d1 <= t1 && d2 <= t2;
        return { value: asGood ? Math.max(-d1, -d2, 0) : 0, bound: t1, note: `y = ${y}: ΔL₁ = ${d1.toExponential(2)}, ΔL₂ = ${d2.toExponential(2)}` };
      }),
    }),
    check({
      name: 'correction: θ = 0 minimises no weighted sum w₁L₁ + w₂L₂ (w ≥ 0, w ≠ 0): min(F(1), F(−1)) < F(0)', role: 'correction',
      reference: 'closed-form', arbitrary: anyWeights, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ w1, w2 }) => {
        const F = (t: number) => w1 * l1(t) + w2 * l2(t);
        return { value: F(0) - Math.min(F(1), F(-1)), sense: 'atLeast' as const,
          bound: (w1 + w2) * (lossTol(0, ctx.dtypes) + lossTol(1, ctx.dtypes)) + tolerance({ dtypes: ctx.dtypes, operations: 3, scale: w1 + w2 }),
          note: `F(0) = ${F(0).toPrecision(4)}, F(1) = ${F(1).toPrecision(4)}, F(−1) = ${F(-1).toPrecision(4)}` };
      }),
    }),
  ],
});
