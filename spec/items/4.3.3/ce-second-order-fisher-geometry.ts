import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, logitsWithClasses, vector } from '../../domains/index.ts';
import { klDivergence, softmax } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { logitFisherTolerance, oneHotRow } from '../../support/information.ts';

// Logits z, a label y and a step δ (not small: the identity in the logits is exact).
const logitSteps = logitsWithClasses(2, 6, 6).chain((c) => fc.record({ y: fc.nat(c.C - 1), delta: vector(c.C, 3) }).map((r) => ({ ...c, ...r })));
// Bernoulli in its mean θ = P(y = 1), a step δ with θ + δ ∈ [0.05, 0.95], and an observed label.
const meanSteps = fc.record({ theta: between(0.05, 0.95), target: between(0.05, 0.95), y: fc.constantFrom(0, 1) })
  .map(({ theta, target, y }) => ({ theta, delta: target - theta, y }));

/** −log P_θ(y) of the mean-parameterised Bernoulli, and its derivative in θ. */
const bernoulliNll = (theta: number, y: number) => -(y === 1 ? Math.log(theta) : Math.log(1 - theta));
const bernoulliNllSlope = (theta: number, y: number) => (y === 1 ? -1 / theta : 1 / (1 - theta));
/** The second-order remainder of the loss: L(θ + δ) − L(θ) − L'(θ)δ. */
const meanRemainder = (theta: number, delta: number, y: number) => bernoulliNll(theta + delta, y) - bernoulliNll(theta, y) - bernoulliNllSlope(theta, y) * delta;
const bernoulliKl = (a: number, b: number) => klDivergence([a, 1 - a], [b, 1 - b]);
/** Both sides combine logs, a division and a product (a few roundings each) on terms of the sizes summed here. */
const meanTolerance = (theta: number, delta: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: elementary(4) + 8,
  scale: 2 * (Math.abs(Math.log(theta)) + Math.abs(Math.log(1 - theta)) + Math.abs(Math.log(theta + delta)) + Math.abs(Math.log(1 - theta - delta)))
    + Math.abs(delta) * (1 / theta + 1 / (1 - theta)) });

export default defineItem({
  id: 'ce-second-order-fisher-geometry', kind: 'claim', section: '4.3.3',
  quote: '这意味着交叉熵优化的二阶信息直接对应于 Fisher 信息几何',
  statement: 'Because H_CE = I (4.3.21), the second-order information of cross-entropy optimisation is the Fisher geometry: the part of the loss change '
    + 'beyond first order, L(θ + δ) − L(θ) − ∇Lᵀδ ≈ ½δᵀHδ, is the Fisher form ½δᵀIδ, i.e. the KL divergence KL(P_θ ‖ P_{θ+δ}) between the model’s '
    + 'predictions (4.3.22).',
  condition: 'θ are canonical parameters, as for 4.3.21. In the logits the identity is even exact for every step δ and label y: '
    + 'CE(z + δ; y) − CE(z; y) − (p̂ − e_y)ᵀδ = KL(softmax z ‖ softmax(z + δ)). In the mean parameter of a Bernoulli the remainder at the observed '
    + 'label is not the KL divergence; only its average over y ∼ P_θ is.',
  errata: ['hessian-fisher-canonical-only'],
  notes: 'Formerly not-checkable (“an interpretation of 4.3.21”). The consequence the sentence draws (这意味着) is checkable: the curvature part of the '
    + 'loss is the information-geometric divergence between predictions. Second reading: the check “Bernoulli mean, averaged over y ∼ P_θ” '
    + 'lies outside the canonical condition it was filed under. Settled: it is a support check (what survives in the mean parameter), not a condition check.',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'logits, any label y and step δ: CE(z + δ; y) − CE(z; y) − ∇CEᵀδ = KL(softmax z ‖ softmax(z + δ)) (tfjs CE, impl KL)', role: 'condition',
      reference: ['tfjs-grad', 'impl'], arbitrary: logitSteps, runs: 'default',
      evaluate: (cases, ctx) => {
        const rows = cases.flatMap(({ z, delta }) => [z, z.map((zi, i) => zi + delta[i]!)]);
        const targets = cases.flatMap(({ C, y }) => [oneHotRow(C, y), oneHotRow(C, y)]);
        const out = batchByClasses(ctx, rows, targets);
        return cases.map(({ C, z, delta }, b) => {
          const [before, after] = [out[2 * b]!, out[2 * b + 1]!];
          const remainder = after.value - before.value - before.gradient.reduce((s, g, i) => s + g * delta[i]!, 0);
          const zz = z.map((zi, i) => zi + delta[i]!);
          const size = Math.max(...z.map(Math.abs), ...zz.map(Math.abs));
          // Two float32 CE values (a C-term log-sum-exp and a logit, terms of size ≤ 2 max|z| + log C) and a C-term product with
          // the float32 gradient (each entry within logitFisherTolerance of p̂ − e_y); the float64 KL adds nothing comparable.
          const valueTol = tolerance({ dtypes: ctx.dtypes, operations: 2 * C + elementary(C + 1) + 2, scale: 1 + 2 * size + Math.log(C) });
          const tol = 2 * valueTol + logitFisherTolerance(z, ctx.dtypes) * delta.reduce((s, d) => s + Math.abs(d), 0);
          return agreement(remainder, klDivergence(softmax(z), softmax(zz)), tol);
        });
      },
    }),
    check({
      name: 'for the record, outside the canonical condition: in the Bernoulli mean θ the average over y ∼ P_θ of the remainder is KL(P_θ ‖ P_{θ+δ})',
      role: 'support', reference: 'impl',
      arbitrary: meanSteps, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ theta, delta }) => agreement(
        theta * meanRemainder(theta, delta, 1) + (1 - theta) * meanRemainder(theta, delta, 0), bernoulliKl(theta, theta + delta), meanTolerance(theta, delta, ctx.dtypes))),
    }),
    check({
      name: 'Bernoulli mean θ: the remainder at the observed label y is KL(P_θ ‖ P_{θ+δ})', role: 'outside-condition', reference: 'impl',
      arbitrary: meanSteps, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ theta, delta, y }) => agreement(meanRemainder(theta, delta, y), bernoulliKl(theta, theta + delta), meanTolerance(theta, delta, ctx.dtypes),
        `θ = ${theta}, δ = ${delta.toPrecision(4)}, y = ${y}`)),
    }),
  ],
});

/** Values and gradients of −log softmax(z)_y from tfjs, one call per class count. */
function batchByClasses(ctx: RunContext, rows: number[][], targets: number[][]): { value: number; gradient: number[] }[] {
  return batchedByShape(rows.map((z, i) => ({ z, p: targets[i]! })), (r) => String(r.z.length), (group) => {
    const z = group.map((r) => r.z);
    const res = ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((r) => r.p), z));
    return group.map((_, k) => ({ value: res.values[k]!, gradient: res.gradients[k]! }));
  });
}
