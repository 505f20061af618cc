import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between } from '../../domains/index.ts';
import { logSumExp, sigmoid, softmax } from '../../../impl/index.ts';
import { logitTargets, softmaxTol, tfjsLogSumExp } from '../../support/logPartition.ts';

/**
 * "（实际上是对数-分割函数的对偶）": Softmax and the log-partition function A(z) = log Σ_j e^{z_j} are tied
 * by Legendre duality. Softmax is ∇A: it sends the logits z (natural parameters) to the dual (mean)
 * parameters q = Softmax(z), the point at which z attains the convex conjugate A*(q) = sup_z' (qᵀz' − A(z')),
 * and A*(q) = Σ_i q_i log q_i (the negative entropy): A(z) + A*(q) = qᵀz, and qᵀz' − A(z') ≤ A*(q) for every z'.
 */
const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);
const negativeEntropy = (q: number[]) => q.reduce((s, qi) => s + (qi > 0 ? qi * Math.log(qi) : 0), 0);
// float64: log-sum-exp (C exps, a C-term sum, log1p) on terms ≤ max|z| + log C; qᵀz (C terms ≤ max|z|);
// Σ q log q (C logs, terms ≤ |log q_i| ≤ 2 max|z| + log C); Softmax itself is relative u per entry, which
// moves qᵀz and Σ q log q by at most that fraction of their terms.
const dualityTol = (z: number[], zPrime: number[], dtypes: readonly [Dtype, Dtype]) => {
  const zMax = Math.max(...z.map(Math.abs), ...zPrime.map(Math.abs));
  return tolerance({ dtypes, operations: 2 * z.length + elementary(z.length + 2) + 4, scale: 4 * zMax + 2 * Math.log(z.length) + 1 });
};

/**
 * The literal reading, "Softmax is the convex conjugate A*", is well typed only for C = 2, where both are
 * functions of one number: along t = z₁ − z₂, A is log(1 + e^t) and Softmax(z)₁ = σ(t), and the conjugate
 * of log(1 + e^t) is A*(q) = q log q + (1 − q) log(1 − q) on [0, 1] (0 log 0 = 0). There σ is compared with A*.
 */
const binaryConjugate = (q: number) => (q > 0 ? q * Math.log(q) : 0) + (q < 1 ? (1 - q) * Math.log(1 - q) : 0);
const conjugateDomain = between(0, 1).map((q) => ({ q }));

export default defineItem({
  id: 'softmax-log-partition-dual', kind: 'claim', section: '4.3.2',
  quote: '实际上是对数-分割函数的对偶',
  statement: 'Softmax is (in fact) the dual of the log-partition function A(z) = log Σ_j e^{z_j}.',
  reading: 'Legendre duality, as in exponential families: Softmax is the gradient of A, mapping the logits z (natural parameters) to the dual (mean) parameters q = ∇A(z) = Softmax(z), the point at which the convex conjugate A*(q) = Σ_i q_i log q_i (the negative entropy) is attained by z. Read literally, "Softmax is the dual (the convex conjugate A*) of A": the conjugate of A is the negative entropy, a scalar function on the simplex, not Softmax; the two can be compared only for C = 2, where both are functions of one number, and there σ(t) differs from A*(t) = t log t + (1 − t) log(1 − t) at every t of A*\'s domain [0, 1] (the literal check). The parenthesis is offered as the reason Softmax is convex, which it is not (softmax-is-convex).',
  errata: ['softmax-not-convex'],
  notes: 'Second reading: the item\'s own reading admits the literal slip ("the conjugate of A" is the negative entropy, not Softmax), yet no check or erratum recorded it. Settled: a \'literal\' check compares Softmax with the conjugate A* where the comparison is well typed (C = 2), and the item names softmax-not-convex, whose printed text includes the parenthesis.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'Softmax = ∇A (tfjs gradient of log Σ e^z ↔ impl softmax)', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: logitTargets, runs: 'default',
      evaluate: (cases, ctx) => tfjsLogSumExp(cases.map((s) => s.c.a), ctx, false).map(({ gradient }, b) =>
        agreement(gradient, softmax(cases[b]!.c.a), 2 * softmaxTol(cases[b]!.c.a, ctx.dtypes))),
    }),
    check({
      name: 'Fenchel–Young equality at q = Softmax(z): A(z) + Σ q log q = qᵀz', role: 'claim', reference: 'impl', arbitrary: logitTargets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ c: { a: z } }) => {
        const q = softmax(z);
        return agreement(logSumExp(z) + negativeEntropy(q), dot(q, z), dualityTol(z, z, ctx.dtypes));
      }),
    }),
    check({
      name: 'z attains the conjugate: qᵀz\' − A(z\') ≤ qᵀz − A(z) for every z\' (q = Softmax(z))', role: 'claim', reference: 'impl', arbitrary: logitTargets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ c: { a: z, b: zPrime } }) => {
        const q = softmax(z);
        return notAbove(dot(q, zPrime) - logSumExp(zPrime), dot(q, z) - logSumExp(z), 2 * dualityTol(z, zPrime, ctx.dtypes));
      }),
    }),
    check({
      name: 'literal: Softmax is the conjugate A* of A; for C = 2, σ(t) ↔ A*(t) = t log t + (1 − t) log(1 − t) on A*\'s domain t ∈ [0, 1]', role: 'literal',
      reference: ['impl', 'closed-form'], arbitrary: conjugateDomain, runs: 'default',
      // σ (an exp, an add, a division) and A* (two logs, two products, a sum): values ≤ 1 in size.
      evaluate: (cases, ctx) => cases.map(({ q }) => agreement(sigmoid(q), binaryConjugate(q),
        tolerance({ dtypes: ctx.dtypes, operations: elementary(3) + 6, scale: 1 }), `σ(${q.toFixed(3)}) = ${sigmoid(q).toFixed(4)}, A* = ${binaryConjugate(q).toFixed(4)}`)),
    }),
  ],
});
