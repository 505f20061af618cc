import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between, simplexPoint } from '../../domains/index.ts';
import { inPrintedSimplex, simplexSumSlack } from '../../support/simplex.ts';

// Points of Δ¹: interior, near either vertex, and the vertices themselves.
const points = fc.oneof(simplexPoint(2), simplexPoint(2, { nearVertex: true }), fc.constantFrom([1, 0], [0, 1]));
const segmentPoints = fc.oneof(between(0, 1), fc.constantFrom(0, 1));

export default defineItem({
  id: 'simplex-two-classes-segment', kind: 'claim', section: '4.3.3',
  quote: '概率单纯形退化为一条线段，从$(1,0)$ 到 $(0,1)$',
  statement: 'For C = 2 the simplex is the segment from (1, 0) to (0, 1): every p ∈ Δ¹ is (1 − t)(1, 0) + t(0, 1) with t = p₂ ∈ [0, 1], and every such point is in Δ¹.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'every p ∈ Δ¹ is (1 − t)(1, 0) + t(0, 1) with t = p₂ ∈ [0, 1]', role: 'claim', reference: 'closed-form',
      arbitrary: points, runs: 'default',
      // (1 − t) is one rounding away from p₁ = 1 − p₂ (p₁ + p₂ = 1 to one rounding): two roundings of size ≤ 1.
      evaluate: (cases, ctx) => cases.map((p) => {
        const t = p[1]!;
        const onSegment = [(1 - t) * 1 + t * 0, (1 - t) * 0 + t * 1];
        const outside = t < 0 || t > 1 ? Infinity : 0;
        return { value: Math.max(Math.abs(onSegment[0]! - p[0]!), Math.abs(onSegment[1]! - p[1]!)) + outside,
          bound: tolerance({ dtypes: ctx.dtypes, operations: 2, scale: 1 }) };
      }),
    }),
    check({
      name: 'every point (1 − t, t), t ∈ [0, 1], satisfies the printed conditions of Δ¹', role: 'claim', reference: 'printed',
      arbitrary: segmentPoints, runs: 'default',
      evaluate: (cases) => cases.map((t) => ({ value: inPrintedSimplex([1 - t, t], simplexSumSlack(2)) ? 0 : 1, bound: 0 })),
    }),
  ],
});
