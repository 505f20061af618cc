import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between } from '../../domains/index.ts';

const printed = (p: number) => -Math.log(p);
// Two probabilities of the true class, the "more wrong" one at least 0.01 decades below the other,
// both in [1e-300, 1].
const orderedPair = fc.record({ a: between(0, 300), gap: between(0.01, 50) })
  .map(({ a, gap }) => ({ pMoreWrong: 10 ** -(a + gap), pLessWrong: 10 ** -a }))
  .filter(({ pMoreWrong }) => pMoreWrong > 0);
// Any level M ∈ [1, 700]: p̂ = e^{−M} is a normal float64 and its loss is M.
const levels = between(1, 700).map((M) => ({ M }));
// A two-class distribution putting p̂ on the true class.
const twoClass = (p: number) => [p, 1 - p];

export default defineItem({
  id: 'ce-unbounded-above', kind: 'claim', section: '4.3.2',
  quote: '交叉熵损失没有上界——模型越错误，损失越大，且可以任意大',
  statement: 'The cross-entropy has no upper bound: the smaller the probability of the true class (the more wrong the model), the larger the loss, and it exceeds any level.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'more wrong ⇒ larger: −log p₁ − (−log p₂) > 0 beyond rounding, for p₁ < p₂', role: 'claim', reference: 'printed', arbitrary: orderedPair, runs: 'default',
      // The increase equals ln(p₂/p₁) ≥ 0.01·ln 10; it must be positive beyond the rounding of two logs.
      evaluate: (cases, ctx) => cases.map(({ pMoreWrong, pLessWrong }) => ({
        value: printed(pMoreWrong) - printed(pLessWrong),
        bound: tolerance({ dtypes: ctx.dtypes, operations: 4, scale: printed(pMoreWrong) }),
        sense: 'atLeast' as const,
      })),
    }),
    check({
      name: 'any level M ∈ [1, 700] is reached: −log e^{−M} = M', role: 'claim', reference: 'closed-form', arbitrary: levels, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ M }) => agreement(printed(Math.exp(-M)), M,
        tolerance({ dtypes: ctx.dtypes, operations: 4, scale: M }))),
    }),
    check({
      name: 'crossEntropy(one-hot, [p̂, 1 − p̂]) at p̂ = e^{−M} ↔ the closed form M', role: 'subject', subject: 'crossEntropy', reference: 'closed-form',
      arbitrary: levels, runs: 'default',
      // e^{−M} carries a relative rounding, which moves its log by that much absolutely; the result has size M.
      evaluate: (cases, ctx) => cases.map(({ M }) => agreement(ctx.subject.api.crossEntropy!([1, 0], twoClass(Math.exp(-M))), M,
        tolerance({ dtypes: ctx.dtypes, operations: 4, scale: M }))),
    }),
  ],
});
