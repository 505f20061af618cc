import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { eigenOracle, PRINTED_F64 } from '../../engine/labels.ts';
import { simplexPoint, simplexWithClasses } from '../../domains/index.ts';
import { affineDimension, inPrintedSimplex, simplexSumSlack } from '../../support/simplex.ts';

// 2C points of Δ^{C−1}: generic (interior, integer weights on a 10⁶ grid), so they span its affine hull.
const pointSets = fc.integer({ min: 2, max: 7 }).chain((C) =>
  fc.array(simplexPoint(C), { minLength: 2 * C, maxLength: 2 * C }).map((points) => ({ C, points })));

// Boundary points: a point of the simplex with a random non-empty set of coordinates set to 0 and the
// rest renormalised (faces, edges and vertices), so closedness is checked where it matters.
const boundaryPoints = fc.integer({ min: 2, max: 7 }).chain((C) => fc.record({
  q: simplexPoint(C), keep: fc.array(fc.boolean(), { minLength: C, maxLength: C }), anchor: fc.nat(C - 1),
}).map(({ q, keep, anchor }) => {
  const kept = q.map((qi, i) => (keep[i] && i !== anchor ? qi : i === anchor ? qi : 0));
  const dropped = kept.some((x) => x === 0);
  const s = kept.reduce((a, b) => a + b, 0);
  return { C, p: kept.map((x) => x / s), dropped };
}).filter((c) => c.dropped));

export default defineItem({
  id: 'simplex-dimension-compact', kind: 'claim', section: '4.3.3',
  quote: '这是一个$C−1$维的紧致流形（compact manifold），嵌入在$\\mathbb{R}^C$空间中',
  statement: 'The simplex Δ^{C−1} ⊂ ℝ^C is (C−1)-dimensional and compact: its points span an affine space of dimension exactly C − 1, '
    + 'it is bounded (‖p‖₂ ≤ 1) and closed (it contains its boundary faces). (It is a manifold with corners; the checks measure dimension and compactness.)',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the scatter of 2C points has exactly one null direction (dimension ≤ C − 1)', role: 'claim', oracle: eigenOracle,
      arbitrary: pointSets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ points }) => {
        const a = affineDimension(points, ctx);
        return { value: Math.abs(a.eigenvalues[0]!), bound: a.threshold, note: `eigenvalues ${a.eigenvalues.map((l) => l.toExponential(2)).join(', ')}` };
      }),
    }),
    check({
      name: 'the other C − 1 scatter eigenvalues are far above rounding (dimension ≥ C − 1)', role: 'claim', oracle: eigenOracle,
      arbitrary: pointSets, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ points }) => {
        const a = affineDimension(points, ctx);
        return { value: a.eigenvalues[1]!, bound: a.threshold, sense: 'atLeast' as const, note: `dimension ${a.dimension}` };
      }),
    }),
    check({
      name: 'bounded: ‖p‖₂² ≤ 1 (interior and near-vertex points)', role: 'claim', oracle: PRINTED_F64,
      arbitrary: simplexWithClasses(2, 10), runs: 'default',
      // Σ p_i² ≤ Σ p_i = 1; computing Σ p_i² rounds C times on terms ≤ 1.
      evaluate: (cases) => cases.map(({ C, p }) => ({ value: p.reduce((s, pi) => s + pi * pi, 0) - 1,
        bound: tolerance({ dtypes: ['float64', 'float64'], operations: 2 * C, scale: 1 }) })),
    }),
    check({
      name: 'closed: points on faces, edges and vertices satisfy the printed conditions', role: 'claim', oracle: PRINTED_F64,
      arbitrary: boundaryPoints, runs: 'default',
      evaluate: (cases) => cases.map(({ C, p }) => ({ value: inPrintedSimplex(p, simplexSumSlack(C)) ? 0 : 1, bound: 0,
        note: JSON.stringify(p.map((x) => Number(x.toPrecision(4)))) })),
    }),
  ],
});
