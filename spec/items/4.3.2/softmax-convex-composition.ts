import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { softmax, squaredDistance } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { logPartitionHessianPsd, logitTargets, mix } from '../../support/logPartition.ts';

/**
 * The inference of the sentence: the cross-entropy is convex in w "directly" because D_KL(p ‖ Q) is convex
 * in Q and convexity is kept when Q = Softmax(wᵀx) is composed in. As a rule, "a convex function of Q stays
 * convex in the logits", it is tested on another convex function of Q, the squared error ‖p − Q‖² (the MSE
 * on probabilities): Softmax is nonlinear, and the composition rule needs an outer function that is
 * nondecreasing, which neither ‖p − Q‖² nor D_KL(p ‖ Q) (decreasing in each Q_i) is. The conclusion —
 * cross-entropy convex in w — is true (ce-convex-in-w), for the reason the correction gives.
 */
export default defineItem({
  id: 'softmax-convex-composition', kind: 'claim', section: '4.3.2',
  quote: '复合后仍保持凸性',
  statement: 'The convexity of the cross-entropy in w follows directly from the convexity of D_KL(p ‖ Q) in Q ("这可以从 KL 散度的凸性直接推导"): convexity in Q is kept when Q = Softmax(wᵀx) is composed in, i.e. a convex function of Q stays convex in the logits.',
  correction: {
    statement: 'Convexity in Q does not carry through the nonlinear Softmax: ‖p − Q‖² is convex in Q, yet ‖p − Softmax(z)‖² violates the chord inequality in z. The cross-entropy is convex in w for another reason: H(p, Softmax(z)) = log Σ_j e^{z_j} − pᵀz is the convex log-partition function (Hessian diag(q) − qqᵀ ⪰ 0) minus a linear term, and the logits z = wᵀx are linear in w (a convex function of an affine map is convex).',
    latex: String.raw`L_{CE} = \log\sum_j e^{z_j} - p^T z,\quad \nabla^2_z \log\sum_j e^{z_j} = \operatorname{diag}(q) - qq^T \succeq 0,\quad z = w^T x`,
  },
  errata: ['convexity-through-softmax'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'a convex function of Q stays convex in z: ‖p − Softmax(z)‖² satisfies the chord inequality (float64)', role: 'claim',
      reference: 'impl', arbitrary: logitTargets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, c: { a, b, lambda } }) => {
        const f = (z: number[]) => squaredDistance(p, softmax(z));
        const gap = f(mix(a, b, lambda)) - (lambda * f(a) + (1 - lambda) * f(b));
        // Float64 values ≤ 2 from C exps, a sum, a division and a C-term sum of squares, at three points.
        const tol = 3 * tolerance({ dtypes: ctx.dtypes, operations: 2 * a.length + elementary(1) + 4, scale: 2, condition: 1 + Math.max(...a.map(Math.abs), ...b.map(Math.abs)) });
        return { value: Math.max(0, gap), bound: tol, note: `chord gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'correction: −Σ p log Softmax(z) (printed, float64) = log Σ e^z − pᵀz (tfjs)', role: 'correction', reference: ['tfjs-grad', 'impl'], arbitrary: logitTargets, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = batchedByShape(cases, (s) => String(s.p.length), (group) => ctx.tfjs.derivatives(group.map((s) => s.c.a),
          tfjsLosses.crossEntropyFromLogitsLoss(group.map((s) => s.p), group.map((s) => s.c.a))).values);
        return cases.map(({ p, c: { a: z } }, b) => {
          const q = softmax(z);
          const zMax = Math.max(...z.map(Math.abs));
          return agreement(-p.reduce((s, pi, i) => s + pi * Math.log(q[i]!), 0), values[b]!,
            tolerance({ dtypes: ctx.dtypes, operations: 2 * p.length + elementary(2), scale: 2 * zMax + Math.log(p.length), condition: 1 + 2 * zMax }));
        });
      },
    }),
    logPartitionHessianPsd('correction'),
  ],
});
