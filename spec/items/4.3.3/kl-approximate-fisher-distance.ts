import { check, defineItem } from '../../engine/item.ts';
import { TAYLOR_RATE_TOLERANCE } from '../../engine/tolerance.ts';
import { tangentPerturbation } from '../../domains/index.ts';
import { fisherRaoDistance, klDivergence } from '../../../impl/index.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';

function thirdOrder(rates: ReturnType<typeof taylorRates>) {
  return { value: rates.exact ? 0 : Math.max(0, 3 - rates.observedRate), bound: TAYLOR_RATE_TOLERANCE, note: `observed rate ${rates.observedRate.toFixed(3)}` };
}
const perturbations = tangentPerturbation(2, 8);

export default defineItem({
  id: 'kl-approximate-fisher-distance', kind: 'claim', section: '4.3.3',
  quote: 'KL 散度$D_{KL}(P \\parallel Q)$可以视为两个分布在Fisher信息度量下的"近似距离"',
  statement: 'Locally, KL divergence behaves like a (half squared) distance of the Fisher metric: KL(P ‖ Q) = ½ d_FR(P, Q)² + O(d³), '
    + 'and its asymmetry KL(P ‖ Q) − KL(Q ‖ P) is only third order.',
  reading: '“近似距离” (in quotes) read loosely, as the next sentences make precise: locally KL is half the squared Fisher–Rao distance and symmetric '
    + 'to second order. Globally it is no distance (KL(p ‖ q) = +∞ for a q with a zero where p has mass, while d_FR ≤ π).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'KL(P ‖ P + hδ) − ½ d_FR(P, P + hδ)² = O(h³) (Taylor rate ≥ 3)', role: 'claim', reference: ['taylor', 'impl'], arbitrary: perturbations, runs: 'default',
      evaluate: (cases) => cases.map(({ P, delta }) =>
        thirdOrder(taylorRates((q) => klDivergence(P, q) - 0.5 * fisherRaoDistance(P, q) ** 2, P, delta, 0, 0, { h0: 0.5 }))),
    }),
    check({
      name: 'KL(P ‖ P + hδ) − KL(P + hδ ‖ P) = O(h³) (Taylor rate ≥ 3)', role: 'claim', reference: ['taylor', 'impl'], arbitrary: perturbations, runs: 'default',
      evaluate: (cases) => cases.map(({ P, delta }) =>
        thirdOrder(taylorRates((q) => klDivergence(P, q) - klDivergence(q, P), P, delta, 0, 0, { h0: 0.5 }))),
    }),
  ],
});
