import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { IMPL_F64, tfjsGrad } from '../../engine/labels.ts';
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
      name: 'printed −Σ p log p̂ ↔ printed H(p) + KL(p ‖ p̂) (impl entropy, klDivergence)', role: 'claim', oracle: IMPL_F64, arbitrary: pairs, runs: 'default',
      // The right side adds Σ p|log p| of entropy terms to the cross-entropy terms; both sums round C + 2 times.
      evaluate: (cases) => cases.map(({ p, q }) => agreement(printedRight(p, q), printedLeft(p, q),
        2 * crossEntropyTolerance(p, q, ['float64', 'float64']) + crossEntropyTolerance(p, p, ['float64', 'float64']))),
    }),
    check({
      name: 'printed −Σ p log p̂ ↔ tfjs', role: 'support', oracle: tfjsGrad, arbitrary: pairs, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsCrossEntropy(cases, ctx);
        return cases.map(({ p, q }, b) => agreement(printedLeft(p, q), reference[b]!, crossEntropyTolerance(p, q, ['float32', 'float64']),
          `terms of size ${crossEntropyTermSize(p, q).toPrecision(3)}`));
      },
    }),
  ],
});
