import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { simplexPoint } from '../../domains/index.ts';
import { affineDimension, inPrintedSimplex } from '../../support/simplex.ts';

// The C vertices e_i of Δ^{C−1} (points of the printed set) and C generic interior points, for a given
// set of class counts. The vertices keep the set from degenerating while a counterexample shrinks.
const vertices = (C: number) => Array.from({ length: C }, (_, i) => Array.from({ length: C }, (_, j) => (i === j ? 1 : 0)));
const pointSets = (counts: number[]) => fc.constantFrom(...counts).chain((C) =>
  fc.array(simplexPoint(C), { minLength: C, maxLength: C }).map((points) => ({ C, points: [...vertices(C), ...points] })));

// Points t·e_i on coordinate axis i: t = 1, t = 1 ± 2^{−k} (k ≤ 52, exactly representable) and t ∈ [−2, 3].
const axisPoints = fc.record({
  C: fc.integer({ min: 2, max: 7 }), axis: fc.nat(6),
  t: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 52 }).chain((k) => fc.constantFrom(1 + 2 ** -k, 1 - 2 ** -k)),
    fc.integer({ min: -2_000_000, max: 3_000_000 }).map((i) => i / 1_000_000)),
}).map(({ C, axis, t }) => ({ C, axis: axis % C, t }));

// A triangle is a 2-dimensional polytope with 3 vertices; the set's vertices are the C axis intercepts e_i.
const TRIANGLE_DIMENSION = 2;

export default defineItem({
  id: 'simplex-orthant-triangle', kind: 'claim', section: '4.3.3',
  quote: '由坐标轴截距为 1 的超平面与第一卦限相交形成的三角形区域',
  statement: 'Δ^{C−1} is the part of the hyperplane with intercept 1 on every coordinate axis that lies in the first orthant, and this region is a “triangle”: '
    + 'the (C−1)-dimensional simplex spanned by the C axis intercepts e_i, an actual triangle for C = 3.',
  reading: '“三角形区域” is read as the simplex, the (C−1)-dimensional analogue of a triangle with the C vertices e_i: the parenthesis that follows '
    + '(“三维情况下是一个等边三角形”) singles out C = 3 as the case where it is a triangle in the plane sense. Read literally — a triangle, a '
    + '2-dimensional region with three vertices, for every C — it holds only for C = 3 (for C = 2 a segment, for C = 4 a tetrahedron).',
  errata: ['simplex-called-triangle'],
  notes: 'Formerly conditional on C = 3; the condition is now the literal reading, checked as such, and the item holds under the reading above.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the printed set meets every coordinate axis exactly at t = 1 (intercept 1)', role: 'claim', reference: 'printed',
      arbitrary: axisPoints, runs: 'default',
      // t·e_i has one non-zero entry, so Σ p = t exactly: no slack is needed.
      evaluate: (cases) => cases.map(({ C, axis, t }) => {
        const accepted = inPrintedSimplex(Array.from({ length: C }, (_, i) => (i === axis ? t : 0)), 0);
        return { value: accepted === (t === 1) ? 0 : 1, bound: 0, note: `t = ${t}: ${accepted ? 'in' : 'not in'} Δ` };
      }),
    }),
    check({
      name: 'C ∈ {2, …, 6}: the region is the (C−1)-simplex on the C intercepts e_i (its affine dimension is C − 1; the e_i lie in it)', role: 'claim',
      reference: 'eigen', arbitrary: pointSets([2, 3, 4, 5, 6]), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, points }) => {
        const a = affineDimension(points, ctx);
        const verticesIn = vertices(C).every((v) => inPrintedSimplex(v, 0));
        return { value: Math.abs(a.dimension - (C - 1)) + (verticesIn ? 0 : 1), bound: 0, note: `C = ${C}: dimension ${a.dimension}` };
      }),
    }),
    check({
      name: 'C = 3: the region is 2-dimensional (a triangle with vertices e₁, e₂, e₃)', role: 'claim', reference: 'eigen',
      arbitrary: pointSets([3]), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ points }) => {
        const a = affineDimension(points, ctx);
        return { value: Math.abs(a.dimension - TRIANGLE_DIMENSION), bound: 0, note: `dimension ${a.dimension}` };
      }),
    }),
    check({
      name: 'literal: for every C the region is a triangle, 2-dimensional (C ∈ {2, 4, 5, 6})', role: 'literal', reference: 'eigen',
      arbitrary: pointSets([2, 4, 5, 6]), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, points }) => {
        const a = affineDimension(points, ctx);
        return { value: Math.abs(a.dimension - TRIANGLE_DIMENSION), bound: 0, note: `C = ${C}: dimension ${a.dimension}, ${C} vertices` };
      }),
    }),
  ],
});
