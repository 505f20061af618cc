import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between, simplexPoint, simplexWithClasses, vector } from '../../domains/index.ts';
import { affineDimension, inPrintedSimplex, simplexSumSlack } from '../../support/simplex.ts';

// 2C points of Δ^{C−1}: generic (interior, integer weights on a 10⁶ grid), so they span its affine hull.
const pointSets = fc.integer({ min: 2, max: 7 }).chain((C) =>
  fc.array(simplexPoint(C), { minLength: 2 * C, maxLength: 2 * C }).map((points) => ({ C, points })));

// Boundary points: a point of the simplex with a random non-empty set of coordinates set to 0 and the
// rest renormalised (faces, edges and vertices), so closedness is checked where it matters.
function boundaryPoint(C: number): fc.Arbitrary<number[]> {
  return fc.record({ q: simplexPoint(C), keep: fc.array(fc.boolean(), { minLength: C, maxLength: C }), anchor: fc.nat(C - 1) }).map(({ q, keep, anchor }) => {
    const kept = q.map((qi, i) => (keep[i] || i === anchor ? qi : 0));
    const s = kept.reduce((a, b) => a + b, 0);
    return kept.map((x) => x / s);
  });
}
const boundaryPoints = fc.integer({ min: 2, max: 7 }).chain((C) => fc.record({
  q: simplexPoint(C), keep: fc.array(fc.boolean(), { minLength: C, maxLength: C }), anchor: fc.nat(C - 1),
}).map(({ q, keep, anchor }) => {
  const kept = q.map((qi, i) => (keep[i] && i !== anchor ? qi : i === anchor ? qi : 0));
  const dropped = kept.some((x) => x === 0);
  const s = kept.reduce((a, b) => a + b, 0);
  return { C, p: kept.map((x) => x / s), dropped };
}).filter((c) => c.dropped));

// Pairs of points of Δ (interior, near a vertex, or on a face) and a weight λ ∈ [0, 1], for convexity.
const anyPoint = (C: number) => fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true }), boundaryPoint(C));
const convexCombinations = fc.integer({ min: 2, max: 7 }).chain((C) => fc.record({ p: anyPoint(C), q: anyPoint(C), lambda: between(0, 1) }).map((r) => ({ C, ...r })));
// The barycentre b = (1/C, …, 1/C), a tangent unit direction u (Σ u = 0, ‖u‖ = 1) and a radius r ∈ [0, 1/C].
const barycentreBall = fc.integer({ min: 2, max: 7 }).chain((C) => fc.record({ v: vector(C, 1), s: between(0, 1) }).map(({ v, s }) => {
  const mean = v.reduce((a, b) => a + b, 0) / C, w = v.map((x) => x - mean), n = Math.hypot(...w);
  return { C, u: w.map((x) => x / n), r: s / C, n };
}).filter((c) => c.n > 1e-3));

export default defineItem({
  id: 'simplex-dimension-compact', kind: 'claim', section: '4.3.3',
  quote: '这是一个$C−1$维的紧致流形（compact manifold），嵌入在$\\mathbb{R}^C$空间中',
  statement: 'The simplex Δ^{C−1} ⊂ ℝ^C is a compact (C−1)-dimensional manifold: its points span an affine space of dimension exactly C − 1, '
    + 'it is bounded (‖p‖₂ ≤ 1) and closed (it contains its boundary faces), and it is a (C−1)-manifold with boundary.',
  reading: '“流形” read as a manifold with boundary (with corners), the only sense in which a compact simplex is one: Δ^{C−1} is a compact convex set '
    + 'with non-empty interior in its (C−1)-dimensional affine hull, hence homeomorphic to the closed (C−1)-ball. Read strictly, a manifold (every '
    + 'point with a neighbourhood like ℝ^{C−1}) fails at every boundary point; the open simplex, where the information geometry of the next '
    + 'paragraphs lives, is such a manifold but is not compact.',
  errata: ['simplex-compact-manifold'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the scatter of 2C points has exactly one null direction (dimension ≤ C − 1)', role: 'claim', reference: 'eigen',
      arbitrary: pointSets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ points }) => {
        const a = affineDimension(points, ctx);
        return { value: Math.abs(a.eigenvalues[0]!), bound: a.threshold, note: `eigenvalues ${a.eigenvalues.map((l) => l.toExponential(2)).join(', ')}` };
      }),
    }),
    check({
      name: 'the other C − 1 scatter eigenvalues are far above rounding (dimension ≥ C − 1)', role: 'claim', reference: 'eigen',
      arbitrary: pointSets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ points }) => {
        const a = affineDimension(points, ctx);
        return { value: a.eigenvalues[1]!, bound: a.threshold, sense: 'atLeast' as const, note: `dimension ${a.dimension}` };
      }),
    }),
    check({
      name: 'bounded: ‖p‖₂² ≤ 1 (interior and near-vertex points)', role: 'claim', reference: 'printed',
      arbitrary: simplexWithClasses(2, 10), runs: 'default',
      // Σ p_i² ≤ Σ p_i = 1; computing Σ p_i² rounds C times on terms ≤ 1.
      evaluate: (cases, ctx) => cases.map(({ C, p }) => ({ value: p.reduce((s, pi) => s + pi * pi, 0) - 1,
        bound: tolerance({ dtypes: ctx.dtypes, operations: 2 * C, scale: 1 }) })),
    }),
    check({
      name: 'closed: points on faces, edges and vertices satisfy the printed conditions', role: 'claim', reference: 'printed',
      arbitrary: boundaryPoints, runs: 'default',
      evaluate: (cases) => cases.map(({ C, p }) => ({ value: inPrintedSimplex(p, simplexSumSlack(C)) ? 0 : 1, bound: 0,
        note: JSON.stringify(p.map((x) => Number(x.toPrecision(4)))) })),
    }),
    check({
      name: 'convex: λp + (1 − λ)q ∈ Δ for p, q ∈ Δ (interior, near-vertex and boundary points)', role: 'claim', reference: 'printed',
      arbitrary: convexCombinations, runs: 'default',
      // Each entry λp_i + (1 − λ)q_i is ≥ 0 exactly (products and sums of non-negative numbers); the sum carries C + 3 roundings.
      evaluate: (cases, ctx) => cases.map(({ C, p, q, lambda }) => ({
        value: inPrintedSimplex(p.map((pi, i) => lambda * pi + (1 - lambda) * q[i]!), tolerance({ dtypes: ctx.dtypes, operations: 2 * C + 3, scale: 1 })) ? 0 : 1,
        bound: 0 })),
    }),
    check({
      name: 'non-empty interior in its hull: b + r·u ∈ Δ for the barycentre b, every tangent unit u and r ≤ 1/C', role: 'claim', reference: 'printed',
      arbitrary: barycentreBall, runs: 'default',
      // Entries 1/C + r·u_i ≥ 1/C − r ≥ 0 up to two roundings of size 1/C. Σ u = 0 only up to the rounding of the tangent projection
      // v − mean(v) (C + 1 roundings of entries ≤ 1 per coordinate) magnified by the normalisation 1/‖v − mean‖: a scale of r·C/n on the sum.
      evaluate: (cases, ctx) => cases.map(({ C, u, r, n }) => {
        const x = u.map((ui) => 1 / C + r * ui);
        const entrySlack = tolerance({ dtypes: ctx.dtypes, operations: 2, scale: 1 });
        const sumSlack = tolerance({ dtypes: ctx.dtypes, operations: 2 * C + 4, scale: 1 + (r * C) / n });
        return { value: x.every((xi) => xi >= -entrySlack) && Math.abs(x.reduce((a, b) => a + b, 0) - 1) <= sumSlack ? 0 : 1, bound: 0 };
      }),
    }),
    check({
      name: 'literal (a manifold without boundary): every point of Δ has a neighbourhood in its hull inside Δ — fails on the faces', role: 'literal',
      reference: 'printed', arbitrary: boundaryPoints, runs: 'default',
      // At p with p_i = 0 < p_j, the hull point p + h(e_j − e_i) has entry i equal to −h: outside Δ for every h > 0, however small.
      evaluate: (cases) => cases.map(({ C, p }) => {
        const i = p.findIndex((x) => x === 0), j = p.findIndex((x) => x > 0), h = Number.MIN_VALUE;
        const nearby = p.map((x, k) => x + (k === j ? h : 0) - (k === i ? h : 0));
        return { value: inPrintedSimplex(nearby, simplexSumSlack(C)) ? 0 : 1, bound: 0, note: `p + h(e_${j + 1} − e_${i + 1}) leaves Δ for h = ${h}` };
      }),
    }),
  ],
});
