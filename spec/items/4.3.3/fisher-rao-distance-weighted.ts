import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { TAYLOR_RATE_TOLERANCE, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { simplexPair, tangentPerturbation } from '../../domains/index.ts';
import { fisherRaoDistance } from '../../../impl/index.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';

const euclidean = (p: number[], q: number[]) => Math.hypot(...p.map((pi, i) => pi - q[i]!));
/**
 * Pairs whose two points are apart, ‖p − q‖ ≥ 10⁻³: a ratio d_FR/‖p − q‖ needs distinct points, and a wider
 * gap keeps ‖p − q‖ (a difference of entries ≤ 1) accurate to a few ulps relative. (simplexPair itself can
 * return p = q; this item guards against it on its own, whatever the generator does.)
 */
const apart = simplexPair(2, 4).filter(({ p, q }) => euclidean(p, q) >= 1e-3);
// ‖p − q‖: C differences, squares and a sum, relative error ≤ (2C + 2)u·κ with κ = (‖p‖ + ‖q‖)/‖p − q‖ for the
// differences; d_FR: C square roots and differences, a sum, a root and an arcsin (well conditioned below 1/√2).
function ratioTolerance(p: number[], q: number[], dtypes: readonly [Dtype, Dtype]): number {
  const C = p.length, e = euclidean(p, q), ratio = fisherRaoDistance(p, q) / e;
  return tolerance({ dtypes, operations: 4 * C + 8, scale: ratio, condition: 2 + (Math.hypot(...p) + Math.hypot(...q)) / e });
}

export default defineItem({
  id: 'fisher-rao-distance-weighted', kind: 'claim', section: '4.3.3',
  quote: '在这个度量下，两个概率分布之间的"距离"不是欧几里得距离，而是由 Fisher 信息加权的距离',
  statement: 'Under the Fisher metric the distance between two distributions (the Fisher–Rao distance d_FR = 2 arccos Σ√(p_i q_i)) is not the Euclidean '
    + 'distance but a Fisher-weighted one: locally d_FR(P, P + hδ)² = h² δᵀ diag(1/P) δ + O(h³); it is never the Euclidean distance '
    + '(d_FR ≥ √2·‖p − q‖ for every pair) nor a fixed multiple of it (the ratio d_FR/‖p − q‖ varies with the pair).',
  notes: 'Split from fisher-riemannian-metric (which keeps the sentence before). The bound: on a tangent vector δ (Σδ = 0) with positive part '
    + 'and negative part each summing to s, Cauchy–Schwarz gives δᵀ diag(1/P) δ ≥ s²(1/A + 1/B) ≥ 4s² ≥ 2‖δ‖² (A, B the masses of P on the two parts); '
    + 'so every curve is at least √2 times longer in the Fisher metric than in the Euclidean one, and so is the shortest.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'Fisher-weighted: d_FR(P, P + hδ)² = h² δᵀ diag(1/P) δ + O(h³) (Taylor rate ≥ 3)', role: 'claim', reference: ['taylor', 'impl'],
      arbitrary: tangentPerturbation(2, 6), runs: 'default',
      evaluate: (cases) => cases.map(({ P, delta }) => {
        const f = (q: number[]) => fisherRaoDistance(P, q) ** 2;
        const quadratic = delta.reduce((s, d, i) => s + (d * d) / P[i]!, 0);
        // |h| < 1 keeps P + hδ in the open simplex (|δ_i| ≤ P_i); the model is 0 + h·0 + ½h²·(2 δᵀIδ).
        const rates = taylorRates(f, P, delta, 0, 2 * quadratic, { h0: 0.5 });
        return { value: rates.exact ? 0 : Math.max(0, 3 - rates.observedRate), bound: TAYLOR_RATE_TOLERANCE, note: `observed rate ${rates.observedRate.toFixed(3)}` };
      }),
    }),
    check({
      name: 'never Euclidean: d_FR(p, q) ≥ √2·‖p − q‖ for every pair (interior and near-vertex points)', role: 'claim', reference: 'impl',
      arbitrary: simplexPair(2, 8), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, q }) => {
        const d = fisherRaoDistance(p, q), e = euclidean(p, q);
        // Both sides round a few times per coordinate on terms of size ≤ d + √2·e (≤ π + 2).
        return { value: Math.SQRT2 * e - d, bound: tolerance({ dtypes: ctx.dtypes, operations: 4 * p.length + 8, scale: d + Math.SQRT2 * e }),
          note: `d_FR = ${d.toPrecision(6)}, √2‖p − q‖ = ${(Math.SQRT2 * e).toPrecision(6)}` };
      }),
    }),
    check({
      name: 'not a fixed multiple of the Euclidean distance: d_FR/‖p − q‖ differs between two pairs (points ≥ 10⁻³ apart)', role: 'claim',
      reference: 'impl', quantifier: 'exists', arbitrary: fc.record({ first: apart, second: apart }), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ first, second }) => {
        const r1 = fisherRaoDistance(first.p, first.q) / euclidean(first.p, first.q);
        const r2 = fisherRaoDistance(second.p, second.q) / euclidean(second.p, second.q);
        return { value: Math.abs(r1 - r2), bound: ratioTolerance(first.p, first.q, ctx.dtypes) + ratioTolerance(second.p, second.q, ctx.dtypes), sense: 'atLeast' as const,
          note: `ratios ${r1.toPrecision(6)} and ${r2.toPrecision(6)}` };
      }),
    }),
    check({
      name: 'subject fisherRaoDistance(p, q): cos(d_FR/2) = Σ√(p_i q_i), the Bhattacharyya coefficient (closed form)', role: 'subject', subject: 'fisherRaoDistance',
      reference: 'closed-form', arbitrary: simplexPair(2, 8), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ p, q }) => {
        const d = ctx.subject.api.fisherRaoDistance!(p, q), coefficient = p.reduce((s, pi, i) => s + Math.sqrt(pi * q[i]!), 0);
        // cos(d/2) moves by at most half the error of d (≤ π, from C roots, differences and squares, a sum, a root and an arcsin);
        // the coefficient is a C-term sum of roots of products, of size ≤ 1.
        return agreement(Math.cos(d / 2), coefficient, tolerance({ dtypes: ctx.dtypes, operations: 4 * p.length + 8, scale: Math.PI }), `d_FR = ${d}`);
      }),
    }),
  ],
});
