import { check, defineItem } from '../../engine/item.ts';
import fc from 'fast-check';
import { oneHot, simplexPoint, softmaxRegressionCase, softmaxRegressionChord } from '../../domains/index.ts';
import { softmaxRegressionLoss } from '../../../impl/index.ts';
import {
  chordGap, eigenvalueTolerance, eigenvaluesOf, entryNorm, softmaxHessianEntryTolerance, tfjsSoftmaxHessians,
} from '../../support/convexity.ts';

// The text's f: one sample (N = 1), W ∈ [−3, 3]^{d×C} on chords, [−2, 2] for Hessians. The target is one-hot
// (−log Softmax(Wᵀx)_{y*}) or a soft p from the interior of the simplex (H(p) ≠ 0, as in the decomposition
// H(p) + D_KL(p ‖ Softmax(wᵀx)) of the same paragraph).
const target = (C: number) => fc.oneof(oneHot(C), simplexPoint(C));
const chords = softmaxRegressionChord({ N: [1, 1] }).chain((c) => target(c.C).map((p) => ({ ...c, P: [p] })));
const points = softmaxRegressionCase({ d: [1, 4], C: [2, 4], N: [1, 1] }).chain((c) => target(c.C).map((p) => ({ ...c, P: [p] })));
const rows = (flat: number[], d: number, C: number) => Array.from({ length: d }, (_, i) => flat.slice(i * C, (i + 1) * C));

export default defineItem({
  id: 'ce-convex-in-w', kind: 'claim', section: '4.3.2',
  quote: '交叉熵损失函数关于参数$w$是**凸函数**',
  statement: 'The one-sample softmax-regression cross-entropy H(p, Softmax(Wᵀx)) = −Σ_k p_k log Softmax(Wᵀx)_k is convex in the parameters W, for a one-hot target (−log Softmax(Wᵀx)_{y*}) and for a soft target p alike.',
  notes: 'Second reading: the checks sampled one-hot targets only, while the paragraph\'s own decomposition L_CE = H(p) + D_KL(p ‖ Softmax(wᵀx)) takes a general p with H(p) ≠ 0. Settled: the target is now drawn one-hot or from the interior of the simplex, in both checks.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'chord inequality in vec(W)', role: 'claim', reference: 'impl', arbitrary: chords, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ d, C, X, P, chord: { a, b, lambda } }) => {
        const f = (w: number[]) => softmaxRegressionLoss(rows(w, d, C), X, P);
        // Terms: logits ≤ Σ|W_ik x_i|, twice (log-sum-exp and Σ_k p_k z_k ≤ max|z|), plus log C.
        const terms = (w: number[]) => Math.log(C) + 2 * Math.max(...Array.from({ length: C }, (_, k) => X[0]!.reduce((s, xi, i) => s + Math.abs(xi * w[i * C + k]!), 0)));
        const { gap, tolerance } = chordGap(f, a, b, lambda, d + 2 * C + 5, terms, ctx.dtypes);
        return { value: Math.max(0, gap), bound: tolerance, note: `gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'Hessian in vec(W) (tfjs) is PSD: λ_min ≥ 0', role: 'claim', reference: ['eigen', 'tfjs-hessian'],
      arbitrary: points, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const data = cases.map((c) => ({ ...c, W: c.W.flat() }));
        const hessians = tfjsSoftmaxHessians(data, ctx);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => {
          const n = data[b]!.d * data[b]!.C;
          return { value: Math.max(0, -lambda[0]!), bound: eigenvalueTolerance(n, softmaxHessianEntryTolerance(data[b]!, ctx.dtypes), n * entryNorm(hessians[b]!)),
            note: `λ_min = ${lambda[0]!.toExponential(3)}` };
        });
      },
    }),
  ],
});
