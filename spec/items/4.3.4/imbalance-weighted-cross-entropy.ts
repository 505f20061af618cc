import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { classProbabilities, simplexPoint } from '../../domains/index.ts';
import { classWeights, imbalancedPopulation } from '../../domains/imbalance.ts';
import { klDivergence } from '../../../impl/index.ts';

/** Weighted cross-entropy of q against the class distribution p: −Σ_c w_c p_c log q_c. */
const weightedCrossEntropy = (p: number[], q: number[], w: number[]) => -p.reduce((s, pc, c) => s + w[c]! * pc * Math.log(q[c]!), 0);
/** Its minimiser over the simplex: q*_c = w_c p_c / Σ_j w_j p_j. */
const weightedMinimiser = (p: number[], w: number[]) => { const s = p.reduce((a, pc, c) => a + w[c]! * pc, 0); return p.map((pc, c) => (w[c]! * pc) / s); };
const argmax = (v: number[]) => v.reduce((best, x, c) => (x > v[best]! ? c : best), 0);

const weighted = classProbabilities().chain((p) => fc.record({ p: fc.constant(p), w: classWeights(p.length), q: simplexPoint(p.length) }));

/** Balanced 0-1 risk (1/C) Σ_c P(h(x) ≠ c | y = c) of a classifier h (one class per input). */
function balancedRisk(joint: number[][], h: number[]): number {
  const C = joint[0]!.length, prior = Array.from({ length: C }, (_, c) => joint.reduce((s, row) => s + row[c]!, 0));
  return joint.reduce((s, row, x) => s + row.reduce((t, pxc, c) => t + (h[x] === c ? 0 : pxc / (C * prior[c]!)), 0), 0);
}
/** The least balanced risk over all C^M classifiers, by enumeration. */
function leastBalancedRisk(joint: number[][]): number {
  const M = joint.length, C = joint[0]!.length;
  let best = Infinity;
  for (let code = 0; code < C ** M; code++) {
    const h = Array.from({ length: M }, (_, x) => Math.floor(code / C ** x) % C);
    best = Math.min(best, balancedRisk(joint, h));
  }
  return best;
}
const conditional = (row: number[]) => { const s = row.reduce((a, b) => a + b, 0); return row.map((v) => v / s); };
const priors = (joint: number[][]) => joint[0]!.map((_, c) => joint.reduce((s, row) => s + row[c]!, 0));
/** The decision of each cross-entropy minimiser at every input: argmax of q*(·|x) for weights w (w = 1: plain). */
const decisions = (joint: number[][], w: number[]) => joint.map((row) => argmax(weightedMinimiser(conditional(row), w)));
// Sums of at most C·M terms ≤ 1/C·(1/prior) each; the risk is compared between two such sums.
const riskTolerance = (joint: number[][], dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: 2 * joint.length * joint[0]!.length + 4,
  scale: Math.max(...priors(joint).map((p) => 1 / p)) });

export default defineItem({
  id: 'imbalance-weighted-cross-entropy', kind: 'claim', section: '4.3.4',
  quote: '如果类别不平衡，可能需要使用加权的交叉熵',
  statement: 'With imbalanced classes, a class-weighted cross-entropy may be needed: weights w_c move the minimiser of the cross-entropy from P(y|x) to q*_c ∝ w_c P(c|x), so inverse-prior weights w_c = 1/π_c make its argmax the decision of least balanced 0-1 risk, which the argmax of the plain cross-entropy minimiser is not.',
  reading: '"May be needed" when the classes matter equally, that is when the target is the balanced (class-averaged) error rather than the accuracy; for the accuracy itself, the plain cross-entropy minimiser already gives the Bayes decision (cross-entropy-minimised-by-true-conditional).',
  notes: 'The price is calibration: q* differs from P(y|x) unless the weights are equal, which conflicts with the calibration need of principle four (cross-entropy-suits-calibration).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the weighted cross-entropy exceeds its value at q* = w⊙p/Σ w⊙p by (Σ_c w_c p_c)·KL(q*‖q): q* is its unique minimiser (impl klDivergence)', role: 'claim', reference: ['closed-form', 'impl'],
      arbitrary: weighted, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ p, w, q }) => {
        const star = weightedMinimiser(p, w), s = p.reduce((a, pc, c) => a + w[c]! * pc, 0);
        const excess = weightedCrossEntropy(p, q, w) - weightedCrossEntropy(p, star, w);
        // C-term sums of w_c p_c log(·), terms ≤ max w·max|log q|, C logs each.
        const scale = Math.max(...w) * (Math.max(...q.map((x) => -Math.log(x))) + Math.max(...star.map((x) => -Math.log(x))));
        return agreement(excess, s * klDivergence(star, q), tolerance({ dtypes: ctx.dtypes, operations: elementary(2 * p.length) + 3 * p.length + 4, scale }));
      }),
    }),
    check({
      name: 'w_c = 1/π_c: the argmax of the weighted minimiser at every input attains the least balanced 0-1 risk over all C^M classifiers (exhaustive)', role: 'claim', reference: 'closed-form',
      arbitrary: imbalancedPopulation(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ joint }) => {
        const w = priors(joint).map((p) => 1 / p);
        return { value: Math.max(0, balancedRisk(joint, decisions(joint, w)) - leastBalancedRisk(joint)), bound: riskTolerance(joint, ctx.dtypes) };
      }),
    }),
    check({
      name: 'plain cross-entropy: some imbalanced population where the argmax of P(y|x) has a balanced risk clearly above the least one', role: 'claim', quantifier: 'exists',
      reference: 'closed-form', arbitrary: imbalancedPopulation(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ joint }) => {
        const plain = balancedRisk(joint, decisions(joint, joint[0]!.map(() => 1))), least = leastBalancedRisk(joint);
        return { value: plain - least, bound: riskTolerance(joint, ctx.dtypes), sense: 'atLeast' as const,
          note: `balanced risk: plain cross-entropy ${plain.toPrecision(4)}, least ${least.toPrecision(4)}; priors [${priors(joint).map((p) => p.toPrecision(2)).join(', ')}]` };
      }),
    }),
  ],
});
