import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, oneHot, simplexPair, simplexPoint } from '../../domains/index.ts';
import { klDivergence } from '../../../impl/index.ts';
import { crossEntropyTolerance, tfjsCrossEntropy } from '../../support/crossEntropy.ts';

const pairs = simplexPair(2, 8);
// The mirror pairs (a, 1 − a), (1 − a, a) of C = 2, on which KL happens to be symmetric.
const mirrorPairs = between(0.01, 0.99).map((a) => ({ C: 2, p: [a, 1 - a], q: [1 - a, a] }));
// Error of KL(p ‖ q) computed in float64: terms p_i log(p_i/q_i), sized like the two cross-entropies it combines.
// The section's setting: p the one-hot target, p̂ an interior prediction (possibly near a vertex).
const targetAndPrediction = fc.integer({ min: 2, max: 8 }).chain((C) => fc.record({ p: oneHot(C), q: fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true })) }));
const klTolerance = (p: number[], q: number[], dtypes: readonly [Dtype, Dtype]) => crossEntropyTolerance(p, q, dtypes) + crossEntropyTolerance(p, p, dtypes);

export default defineItem({
  id: 'kl-not-symmetric', kind: 'claim', section: '4.3.3',
  quote: '它不是对称的——从$p$到$\\hat{p}$的 KL 散度与从$\\hat{p}$到$p$的 KL 散度不同',
  statement: 'KL divergence is not symmetric: there are distributions with KL(p ‖ p̂) ≠ KL(p̂ ‖ p); in the section’s own setting (p the one-hot target, '
    + 'p̂ an interior prediction) the two always differ: KL(p ‖ p̂) = −log p̂_c is finite while KL(p̂ ‖ p) = +∞. (They can coincide on special pairs, '
    + 'e.g. the C = 2 mirror pairs, so “not symmetric” means “not always equal”.)',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'some pair has |KL(p ‖ q) − KL(q ‖ p)| far above rounding', role: 'claim', reference: 'impl', quantifier: 'exists',
      arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, q }) => ({ value: Math.abs(klDivergence(p, q) - klDivergence(q, p)), bound: klTolerance(p, q, ctx.dtypes) + klTolerance(q, p, ctx.dtypes),
        sense: 'atLeast' as const, note: `KL(p‖q) = ${klDivergence(p, q).toPrecision(4)}, KL(q‖p) = ${klDivergence(q, p).toPrecision(4)}` })),
    }),
    check({
      name: 'one-hot p, interior p̂: KL(p ‖ p̂) = −log p̂_c is finite and KL(p̂ ‖ p) = +∞', role: 'claim', reference: 'impl',
      arbitrary: targetAndPrediction, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, q }) => {
        const forward = klDivergence(p, q), backward = klDivergence(q, p), c = p.indexOf(1);
        // forward is the single term 1·log(1/p̂_c): the division rounds its argument by u relative, an absolute u in the log
        // (what matters near p̂_c = 1, where log p̂_c is tiny), and the log rounds relative to |log p̂_c|.
        const forwardRight = Math.abs(forward + Math.log(q[c]!)) <= tolerance({ dtypes: ctx.dtypes, operations: 4, scale: 1 + Math.abs(Math.log(q[c]!)) });
        return { value: forwardRight && Number.isFinite(forward) && backward === Infinity ? 0 : 1, bound: 0,
          note: `KL(p‖p̂) = ${forward.toPrecision(4)}, KL(p̂‖p) = ${backward}` };
      }),
    }),
    check({
      name: 'subject klDivergence(p, q) ↔ tfjs CE(p, q) − CE(p, p)', role: 'subject', subject: 'klDivergence', reference: 'tfjs-grad', arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const ce = tfjsCrossEntropy(cases.flatMap(({ p, q }) => [{ p, q }, { p, q: p }]), ctx);
        return cases.map(({ p, q }, b) => agreement(ctx.subject.api.klDivergence!(p, q), ce[2 * b]! - ce[2 * b + 1]!, klTolerance(p, q, ctx.dtypes)));
      },
    }),
    check({
      name: 'the C = 2 mirror pairs are symmetric (so "not symmetric" means "not always")', role: 'support', reference: 'impl',
      arbitrary: mirrorPairs, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, q }) => agreement(klDivergence(p, q), klDivergence(q, p), klTolerance(p, q, ctx.dtypes) + klTolerance(q, p, ctx.dtypes))),
    }),
  ],
});
