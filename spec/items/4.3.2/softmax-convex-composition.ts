import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { REFUTATION_MARGIN, elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, eigenOracle, tfjsGrad } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { chord, simplexPoint } from '../../domains/index.ts';
import { softmax, squaredDistance } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { eigenvalueTolerance, eigenvaluesOf } from '../../support/convexity.ts';

// Chords in logit space z ∈ [−6, 6]^C, C ∈ [2, 5], and a component k of the softmax.
const softmaxChords = fc.integer({ min: 2, max: 5 }).chain((C) => fc.record({ c: chord(C, 6), k: fc.nat(C - 1) }));
// A target p and logits z for the correction.
const targets = fc.integer({ min: 2, max: 5 }).chain((C) => fc.record({ p: simplexPoint(C), c: chord(C, 6) }));

const mix = (a: number[], b: number[], l: number) => a.map((ai, i) => l * ai + (1 - l) * b[i]!);
const unit = (C: number, k: number) => Array.from({ length: C }, (_, i) => (i === k ? 1 : 0));

/** softmax(z)_k at z = a, b and the mixed point, from tfjs (one call per C over all three points of every case). */
function tfjsSoftmaxChords(cases: { c: { a: number[]; b: number[]; lambda: number }; k: number }[], ctx: RunContext) {
  return batchedByShape(cases, (s) => String(s.c.a.length), (group) => {
    const points = group.flatMap(({ c }) => [c.a, c.b, mix(c.a, c.b, c.lambda)]);
    const u = group.flatMap(({ c, k }) => [unit(c.a.length, k), unit(c.a.length, k), unit(c.a.length, k)]);
    const { values } = ctx.tfjs.derivatives(points, tfjsLosses.softmaxProjectionLoss(u));
    return group.map((_, g) => ({ fa: values[3 * g]!, fb: values[3 * g + 1]!, fm: values[3 * g + 2]! }));
  });
}
/** Logit vectors z at which LSE is differentiated: p = 0 turns log Σ exp z − p·z into log Σ exp z. */
function tfjsLogSumExp(zs: number[][], ctx: RunContext, hessian: boolean) {
  return batchedByShape(zs.map((z, i) => ({ z, i })), (s) => String(s.z.length), (group) => {
    const out = ctx.tfjs.derivatives(group.map((s) => s.z), tfjsLosses.crossEntropyFromLogitsLoss(group.map((s) => s.z.map(() => 0)), group.map((s) => s.z)), { hessian });
    return group.map((_, g) => ({ gradient: out.gradients[g]!, hessian: out.hessians?.[g] }));
  });
}
// A float32 softmax value (≤ 1) from C exps, a C-term sum and a division; logits are rounded (κ = 1 + max|z|).
const softmaxTol = (z: number[]) => tolerance({ dtypes: ['float32', 'float64'], operations: z.length + elementary(2) + 2, scale: 1, condition: 1 + Math.max(...z.map(Math.abs)) });

export default defineItem({
  id: 'softmax-convex-composition', kind: 'claim', section: '4.3.2',
  quote: '由于 Softmax 是凸函数（实际上是对数-分割函数的对偶），复合后仍保持凸性',
  statement: 'Softmax is a convex function (the dual of the log-partition function), so composing the convex KL divergence with it keeps the cross-entropy convex.',
  correction: {
    statement: 'Softmax components are not convex (they are sigmoid-shaped along lines), and a convex function of a softmax need not be convex (‖p − softmax(z)‖² is not). Cross-entropy is convex because CE(p, softmax(z)) = log Σ_j e^{z_j} − pᵀz: the log-partition function is convex (Hessian diag(q) − qqᵀ ⪰ 0) and z = Wᵀx is linear in W. Softmax is the gradient of the log-partition function (its convex dual is the negative entropy on the simplex).',
    latex: String.raw`L_{CE} = \log\sum_j e^{z_j} - p^T z,\quad \nabla^2_z \log\sum_j e^{z_j} = \operatorname{diag}(q) - qq^T \succeq 0,\quad \nabla_z \log\sum_j e^{z_j} = \text{Softmax}(z)`,
  },
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed: softmax(z)_k satisfies the chord inequality (tfjs values)', role: 'claim', oracle: tfjsGrad, arbitrary: softmaxChords, runs: 'default',
      evaluate: (cases, ctx) => tfjsSoftmaxChords(cases, ctx).map(({ fa, fb, fm }, i) => {
        const { c } = cases[i]!;
        const gap = fm - (c.lambda * fa + (1 - c.lambda) * fb);
        // Three float32 softmax values, each within softmaxTol of the exact one.
        const tol = 3 * Math.max(softmaxTol(c.a), softmaxTol(c.b));
        return { value: Math.max(0, gap), bound: tol, note: `chord gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'correction: −Σ p log softmax(z) (printed, float64) = log Σ e^z − pᵀz (tfjs)', role: 'correction', oracle: tfjsGrad, arbitrary: targets, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = batchedByShape(cases, (s) => String(s.p.length), (group) => ctx.tfjs.derivatives(group.map((s) => s.c.a),
          tfjsLosses.crossEntropyFromLogitsLoss(group.map((s) => s.p), group.map((s) => s.c.a))).values);
        return cases.map(({ p, c: { a: z } }, b) => {
          const q = softmax(z);
          const zMax = Math.max(...z.map(Math.abs));
          return agreement(-p.reduce((s, pi, i) => s + pi * Math.log(q[i]!), 0), values[b]!,
            tolerance({ dtypes: ['float32', 'float64'], operations: 2 * p.length + elementary(2), scale: 2 * zMax + Math.log(p.length), condition: 1 + 2 * zMax }));
        });
      },
    }),
    check({
      name: 'correction: Hessian of log Σ e^z (tfjs) is PSD: λ_min ≥ 0', role: 'correction',
      oracle: (ctx) => `${eigenOracle(ctx)} of ${ctx.tfjs.label('hessian')}`, arbitrary: targets, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsLogSumExp(cases.map((s) => s.c.a), ctx, true).map((r) => r.hessian!);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => {
          const z = cases[b]!.c.a;
          // Entries q_i δ_ij − q_i q_j ≤ ¼ in size: a softmax value's tolerance, doubled for the backward pass.
          return { value: Math.max(0, -lambda[0]!), bound: eigenvalueTolerance(z.length, 2 * softmaxTol(z), z.length * 0.25),
            note: `λ_min = ${lambda[0]!.toExponential(3)}` };
        });
      },
    }),
    check({
      name: 'correction: softmax = ∇ log Σ e^z (tfjs gradient ↔ impl softmax)', role: 'correction', oracle: tfjsGrad, arbitrary: targets, runs: 'default',
      evaluate: (cases, ctx) => tfjsLogSumExp(cases.map((s) => s.c.a), ctx, false).map(({ gradient }, b) =>
        agreement(gradient, softmax(cases[b]!.c.a), 2 * softmaxTol(cases[b]!.c.a))),
    }),
    check({
      name: 'correction: "convex ∘ softmax" is not convex in general: ‖p − softmax(z)‖² violates the chord inequality on some chord', role: 'correction',
      oracle: IMPL_F64, arbitrary: targets, runs: 'default', quantifier: 'exists',
      evaluate: (cases) => cases.map(({ p, c: { a, b, lambda } }) => {
        const f = (z: number[]) => squaredDistance(p, softmax(z));
        const gap = f(mix(a, b, lambda)) - (lambda * f(a) + (1 - lambda) * f(b));
        // Float64 values ≤ 2 from C exps, a sum, a division and a C-term sum of squares, at three points.
        const tol = 3 * tolerance({ dtypes: ['float64', 'float64'], operations: 2 * a.length + elementary(1) + 4, scale: 2, condition: 1 + Math.max(...a.map(Math.abs), ...b.map(Math.abs)) });
        return { value: gap, bound: REFUTATION_MARGIN * tol, sense: 'atLeast' as const, note: `chord gap ${gap.toExponential(3)}` };
      }),
    }),
  ],
});
