import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { oneHot, simplexPoint } from '../../domains/index.ts';
import { klDivergence } from '../../../impl/index.ts';
import { crossEntropyTolerance, tfjsCrossEntropy } from '../../support/crossEntropy.ts';

const point = (C: number) => fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true }));
// A target p and two predictions q, q′ of the same simplex.
const triples = fc.integer({ min: 2, max: 8 }).chain((C) => fc.record({ p: point(C), q: point(C), q2: point(C) }));
const oneHotPairs = fc.integer({ min: 2, max: 8 }).chain((C) => fc.record({ p: oneHot(C), q: point(C) }));

export default defineItem({
  id: 'ce-corresponds-to-kl', kind: 'claim', section: '4.3.3',
  quote: '在概率单纯形上，交叉熵对应于**KL散度**（相对熵）',
  statement: 'As a function of the prediction, cross-entropy is the KL divergence plus a constant: CE(p, q) − KL(p ‖ q) = H(p) does not depend on q '
    + '(same gradient, same minimiser q = p), and for a one-hot p the two are equal.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'CE(p, q) − KL(p ‖ q) = CE(p, q′) − KL(p ‖ q′) (tfjs CE, impl KL)', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: triples, runs: 'default',
      evaluate: (cases, ctx) => {
        const ce = tfjsCrossEntropy(cases.flatMap(({ p, q, q2 }) => [{ p, q }, { p, q: q2 }]), ctx);
        return cases.map(({ p, q, q2 }, b) => agreement(ce[2 * b]! - klDivergence(p, q), ce[2 * b + 1]! - klDivergence(p, q2),
          // Two float32 CE values and two float64 KL values (whose terms are no larger than CE's plus H's), each pair ctx.dtypes.
          2 * (crossEntropyTolerance(p, q, ctx.dtypes) + crossEntropyTolerance(p, q2, ctx.dtypes) + crossEntropyTolerance(p, p, ctx.dtypes))));
      },
    }),
    check({
      name: 'one-hot p: CE(p, q) = KL(p ‖ q) (tfjs CE, impl KL)', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: oneHotPairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const ce = tfjsCrossEntropy(cases, ctx);
        return cases.map(({ p, q }, b) => agreement(ce[b]!, klDivergence(p, q), 2 * crossEntropyTolerance(p, q, ctx.dtypes)));
      },
    }),
  ],
});
