import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { logSumExp, sigmoid, softmax } from '../../../impl/index.ts';
import { logPartitionHessianPsd, softmaxChords, softmaxTol, tfjsSoftmaxChords } from '../../support/logPartition.ts';

/**
 * The premise of the composition argument (softmax-convex-composition): "Softmax 是凸函数". Softmax maps
 * R^C into the simplex; for such a map, convexity means convexity of every component (the order of R^C
 * is componentwise), so the claim is the chord inequality 4.3.11 for each Softmax(z)_k.
 */
export default defineItem({
  id: 'softmax-is-convex', kind: 'claim', section: '4.3.2',
  quote: '由于 Softmax 是凸函数',
  statement: 'Softmax is a convex function of the logits: each component Softmax(z)_k satisfies the chord inequality 4.3.11 in z (for a map into R^C, convexity of each component is the only standard sense).',
  correction: {
    statement: 'Softmax is not convex: along its own logit each component is a sigmoid, Softmax(z)_k = σ(z_k − log Σ_{j≠k} e^{z_j}), convex below its midpoint and concave above it. What is convex is the log-partition function log Σ_j e^{z_j}, whose Hessian diag(q) − qqᵀ (q = Softmax(z)) is positive semidefinite; Softmax is its gradient (softmax-log-partition-dual).',
    latex: String.raw`\text{Softmax}(z)_k = \sigma\Big(z_k - \log\sum_{j\neq k} e^{z_j}\Big),\qquad \nabla^2_z \log\sum_j e^{z_j} = \operatorname{diag}(q) - qq^T \succeq 0`,
  },
  errata: ['softmax-not-convex'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'Softmax(z)_k satisfies the chord inequality (tfjs values)', role: 'claim', reference: 'tfjs-grad', arbitrary: softmaxChords, runs: 'default',
      evaluate: (cases, ctx) => tfjsSoftmaxChords(cases, ctx).map(({ fa, fb, fm }, i) => {
        const { c } = cases[i]!;
        const gap = fm - (c.lambda * fa + (1 - c.lambda) * fb);
        // Three float32 Softmax values, each within softmaxTol of the exact one.
        const tol = 3 * Math.max(softmaxTol(c.a, ctx.dtypes), softmaxTol(c.b, ctx.dtypes));
        return { value: Math.max(0, gap), bound: tol, note: `chord gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'correction: Softmax(z)_k = σ(z_k − log Σ_{j≠k} e^{z_j}) (impl softmax ↔ impl sigmoid of a log-sum-exp)', role: 'correction', reference: 'impl',
      arbitrary: softmaxChords, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ c: { a: z }, k }) => {
        const others = z.filter((_, j) => j !== k);
        const argument = z[k]! - logSumExp(others);
        // Softmax: C exps, a C-term sum, a division (values ≤ 1). The sigmoid's argument carries the
        // log-sum-exp's rounding on terms ≤ max|z| + log C; σ' ≤ ¼ passes a quarter of it on.
        const zMax = Math.max(...z.map(Math.abs));
        const tol = tolerance({ dtypes: ctx.dtypes, operations: z.length + elementary(2) + 2, scale: 1 })
          + tolerance({ dtypes: ctx.dtypes, operations: z.length + elementary(2) + 2, scale: (2 * zMax + Math.log(z.length)) / 4 });
        return agreement(softmax(z)[k]!, sigmoid(argument), tol);
      }),
    }),
    logPartitionHessianPsd('correction'),
  ],
});
