import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { oneHot, simplexPoint } from '../../domains/index.ts';
import { entropy, klDivergence } from '../../../impl/index.ts';
import { crossEntropyTermSize, crossEntropyTolerance, tfjsCrossEntropy } from '../../support/crossEntropy.ts';

/** 4.3.19 as printed, left: −Σ p_i log p̂_i (0·log = 0). */
const printedLeft = (p: number[], q: number[]) => -p.reduce((s, pi, i) => s + (pi > 0 ? pi * Math.log(q[i]!) : 0), 0);
/** 4.3.19 as printed, right: H(p) + D_KL(p ‖ p̂). */
const printedRight = (p: number[], q: number[]) => entropy(p) + klDivergence(p, q);

// Targets: one-hot (the classification case) and general distributions (soft labels); predictions
// anywhere in the open simplex, half of them within 10⁻¹²…10⁻¹ of a vertex.
const pairs = fc.integer({ min: 2, max: 8 }).chain((C) => fc.record({
  p: fc.oneof(oneHot(C), simplexPoint(C), simplexPoint(C, { nearVertex: true })),
  q: fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true })),
}));

export default defineItem({
  id: '4.3.19', kind: 'formula', section: '4.3.3',
  quote: String.raw`L_{CE}(p, \hat{p}) = -\sum_{i=1}^C p_i \log \hat{p}_i = H(p) + D_{KL}(p \parallel \hat{p})`,
  printed: String.raw`L_{CE}(p, \hat{p}) = -\sum_{i=1}^C p_i \log \hat{p}_i = H(p) + D_{KL}(p \parallel \hat{p})`,
  statement: 'Cross-entropy equals the entropy of the target plus the KL divergence from target to prediction, for every target distribution p (not only one-hot).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed −Σ p log p̂ ↔ printed H(p) + KL(p ‖ p̂) (impl entropy, klDivergence)', role: 'claim', reference: 'impl', arbitrary: pairs, runs: 'default',
      // The right side adds Σ p|log p| of entropy terms to the cross-entropy terms; both sums round C + 2 times.
      evaluate: (cases, ctx) => cases.map(({ p, q }) => agreement(printedRight(p, q), printedLeft(p, q),
        2 * crossEntropyTolerance(p, q, ctx.dtypes) + crossEntropyTolerance(p, p, ctx.dtypes))),
    }),
    check({
      name: 'printed −Σ p log p̂ ↔ tfjs', role: 'support', reference: 'tfjs-grad', arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsCrossEntropy(cases, ctx);
        return cases.map(({ p, q }, b) => agreement(printedLeft(p, q), reference[b]!, crossEntropyTolerance(p, q, ctx.dtypes),
          `terms of size ${crossEntropyTermSize(p, q).toPrecision(3)}`));
      },
    }),
    check({
      name: 'subject crossEntropy(p, p̂) ↔ tfjs −Σ p log p̂', role: 'subject', subject: 'crossEntropy', reference: 'tfjs-grad', arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsCrossEntropy(cases, ctx);
        return cases.map(({ p, q }, b) => agreement(ctx.subject.api.crossEntropy!(p, q), reference[b]!, crossEntropyTolerance(p, q, ctx.dtypes)));
      },
    }),
    check({
      name: 'subject entropy(p) ↔ tfjs −Σ p log p (the cross-entropy of p with itself), the H(p) of the claim', role: 'subject', subject: 'entropy',
      reference: 'tfjs-grad', arbitrary: pairs.filter(({ p }) => p.every((pi) => pi > 0)), runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsCrossEntropy(cases.map(({ p }) => ({ p, q: p })), ctx);
        return cases.map(({ p }, b) => agreement(ctx.subject.api.entropy!(p), reference[b]!, crossEntropyTolerance(p, p, ctx.dtypes)));
      },
    }),
  ],
});
