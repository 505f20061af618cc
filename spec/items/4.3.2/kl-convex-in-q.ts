import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { simplexChord } from '../../domains/index.ts';
import { crossEntropyOfProbabilities } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { chordGap, eigenvalueTolerance, eigenvaluesOf } from '../../support/convexity.ts';

/** As printed: D_KL(p ‖ q) = Σ p_i log(p_i / q_i). */
const printed = (p: number[]) => (q: number[]) => p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.log(pi / q[i]!) : 0), 0);
// Terms p_i |log(p_i/q_i)| ≤ |log p_i| + |log q_i|.
const terms = (p: number[]) => (q: number[]) => p.reduce((s, pi, i) => s + pi * (Math.abs(Math.log(pi)) + Math.abs(Math.log(q[i]!))), 0);
const data = simplexChord();

export default defineItem({
  id: 'kl-convex-in-q', kind: 'claim', section: '4.3.2',
  quote: String.raw`KL 散度$D_{KL}(P \parallel Q(w))$关于$Q(w)$是凸的`,
  statement: 'The KL divergence D_KL(P ‖ Q) is convex in its second argument Q.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'chord inequality in q on the simplex (printed KL)', role: 'claim', reference: 'printed', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, chord: { a, b, lambda } }) => {
        const { gap, tolerance: tol } = chordGap(printed(p), a, b, lambda, p.length * 4, terms(p), ctx.dtypes);
        return { value: Math.max(0, gap), bound: tol, note: `gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'Hessian in q (tfjs, of −Σ p log q) is PSD: λ_min ≥ 0', role: 'claim',
      reference: ['eigen', 'tfjs-hessian'], arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        // D_KL(p ‖ q) = Σ p log p − Σ p log q: only the second part depends on q.
        const hessians = batchedByShape(cases, (c) => String(c.p.length), (group) => ctx.tfjs.derivatives(
          group.map((c) => c.chord.a), crossEntropyOfProbabilities(group.map((c) => c.p)), { hessian: true }).hessians!);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => {
          const { p, chord: { a: q } } = cases[b]!;
          // Entries p_i/q_i²: float32 rounding of q is relative u, so 2u relative in 1/q² (κ = 3), a few roundings.
          const entry = tolerance({ dtypes: ctx.dtypes, operations: 6, scale: Math.max(...p.map((pi, i) => pi / q[i]! ** 2)), condition: 3 });
          return { value: Math.max(0, -lambda[0]!), bound: eigenvalueTolerance(p.length, entry, p.length * Math.max(...p.map((pi, i) => pi / q[i]! ** 2))),
            note: `λ_min = ${lambda[0]!.toExponential(3)}` };
        });
      },
    }),
    check({
      name: 'klDivergence(p, q) ↔ H(p, q) − H(p), the cross-entropy −Σ p log q from tfjs and the entropy written out', role: 'subject', subject: 'klDivergence',
      reference: ['tfjs-grad', 'closed-form'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const crossEntropies = batchedByShape(cases, (c) => String(c.p.length), (group) => ctx.tfjs.derivatives(
          group.map((c) => c.chord.a), crossEntropyOfProbabilities(group.map((c) => c.p))).values);
        return cases.map(({ p, chord: { a: q } }, b) => {
          const entropy = -p.reduce((s, pi) => s + pi * Math.log(pi), 0);
          // Terms p_i|log p_i| and p_i|log q_i|; rounding q to float32 moves each log q_i by u, Σ p_i·u in all (the + 1).
          return agreement(ctx.subject.api.klDivergence!(p, q), crossEntropies[b]! - entropy,
            tolerance({ dtypes: ctx.dtypes, operations: 4 * p.length, scale: terms(p)(q) + 1 }));
        });
      },
    }),
  ],
});
