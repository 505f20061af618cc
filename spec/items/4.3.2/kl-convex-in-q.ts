import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { PRINTED_F64, eigenOracle } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { simplexChord } from '../../domains/index.ts';
import { klDivergence } from '../../../impl/index.ts';
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
      name: 'chord inequality in q on the simplex (printed KL)', role: 'claim', oracle: PRINTED_F64, arbitrary: data, runs: 'default',
      evaluate: (cases) => cases.map(({ p, chord: { a, b, lambda } }) => {
        const { gap, tolerance: tol } = chordGap(printed(p), a, b, lambda, p.length * 4, terms(p));
        return { value: Math.max(0, gap), bound: tol, note: `gap ${gap.toExponential(3)}` };
      }),
    }),
    check({
      name: 'Hessian in q (tfjs, of −Σ p log q) is PSD: λ_min ≥ 0', role: 'claim',
      oracle: (ctx) => `${eigenOracle(ctx)} of ${ctx.tfjs.label('hessian')}`, arbitrary: data, runs: 'hessian',
      evaluate: (cases, ctx) => {
        // D_KL(p ‖ q) = Σ p log p − Σ p log q: only the second part depends on q.
        const hessians = batchedByShape(cases, (c) => String(c.p.length), (group) => ctx.tfjs.derivatives(
          group.map((c) => c.chord.a), crossEntropyOfProbabilities(group.map((c) => c.p)), { hessian: true }).hessians!);
        return eigenvaluesOf(ctx, hessians).map((lambda, b) => {
          const { p, chord: { a: q } } = cases[b]!;
          // Entries p_i/q_i²: float32 rounding of q is relative u, so 2u relative in 1/q² (κ = 3), a few roundings.
          const entry = tolerance({ dtypes: ['float32', 'float64'], operations: 6, scale: Math.max(...p.map((pi, i) => pi / q[i]! ** 2)), condition: 3 });
          return { value: Math.max(0, -lambda[0]!), bound: eigenvalueTolerance(p.length, entry, p.length * Math.max(...p.map((pi, i) => pi / q[i]! ** 2))),
            note: `λ_min = ${lambda[0]!.toExponential(3)}` };
        });
      },
    }),
    check({
      name: 'printed KL ↔ impl klDivergence', role: 'support', oracle: 'impl (float64)', arbitrary: data, runs: 'default',
      evaluate: (cases) => cases.map(({ p, chord: { a } }) => ({ value: Math.abs(printed(p)(a) - klDivergence(p, a)),
        bound: tolerance({ dtypes: ['float64', 'float64'], operations: 4 * p.length, scale: terms(p)(a) }) })),
    }),
  ],
});
