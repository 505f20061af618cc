import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64 } from '../../engine/labels.ts';
import { between, classProbabilities } from '../../domains/index.ts';
import { crossEntropy, entropy, expectedZeroOneRisk, softmax } from '../../../impl/index.ts';

const argmax = (v: number[]) => v.reduce((best, x, c) => (x > v[best]! ? c : best), 0);
// A miscalibrated forecast with the same ranking as p: q = softmax(β·log p), β ≠ 1 (β > 1 over-confident, β < 1 under-confident).
const miscalibrated = fc.record({ p: classProbabilities(), log2Beta: fc.oneof(between(-3, -0.5), between(0.5, 3)) })
  .map(({ p, log2Beta }) => ({ p, q: softmax(p.map((x) => 2 ** log2Beta * Math.log(x))), beta: 2 ** log2Beta }))
  .filter(({ p }) => new Set(p).size === p.length); // distinct probabilities: the ranking is strict, the order of q the same

export default defineItem({
  id: 'cross-entropy-suits-calibration', kind: 'claim', section: '4.3.4',
  quote: '对于校准需求，交叉熵是更好的选择',
  statement: 'For calibrated probabilities cross-entropy is the better choice: it is a strictly proper scoring rule, so a forecast q that ranks the classes like the true P(y|x) but is miscalibrated has strictly larger expected cross-entropy, while a ranking-level criterion (the 0-1 risk of argmax q) cannot tell them apart.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'same ranking, miscalibrated q: E_p[−log q_y] − E_p[−log p_y] > 0 (strictly, beyond rounding)', role: 'claim', oracle: IMPL_F64,
      arbitrary: miscalibrated, runs: 'default',
      evaluate: (cs) => cs.map(({ p, q, beta }) => ({
        value: crossEntropy(p, q) - entropy(p), sense: 'atLeast' as const,
        // Two C-term sums of p log(·) (each ≤ max|log q| in size) after C exps and logs.
        bound: tolerance({ dtypes: ['float64', 'float64'], operations: elementary(2 * p.length) + 2 * p.length, scale: Math.max(...q.map((x) => -Math.log(x)), 1) }),
        note: `β = ${beta.toFixed(3)}`,
      })),
    }),
    check({
      name: 'same ranking, miscalibrated q: the 0-1 risk of argmax q equals that of argmax p (exactly)', role: 'claim', oracle: IMPL_F64,
      arbitrary: miscalibrated, runs: 'default',
      evaluate: (cs) => cs.map(({ p, q }) => ({ value: Math.abs(expectedZeroOneRisk(p, argmax(q)) - expectedZeroOneRisk(p, argmax(p))), bound: 0 })),
    }),
  ],
});
