import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { squaredDistanceOfProbabilities } from '../../../oracles/tfjs/information.ts';
import { inPrintedSimplex } from '../../support/simplex.ts';

const VERTICES = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
const SIDES = [[0, 1], [1, 2], [0, 2]] as const;

export default defineItem({
  id: 'simplex-equilateral-triangle', kind: 'claim', section: '4.3.3',
  quote: '三维情况下是一个等边三角形',
  statement: 'For C = 3 the simplex is an equilateral triangle: its vertices e₁, e₂, e₃ lie in it and all three sides have length √2 (its 2-dimensionality is checked in simplex-orthant-triangle).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the vertices lie in Δ² and the three sides all have squared length 2 (tfjs)', role: 'claim', reference: 'tfjs-grad',
      arbitrary: fc.constant(SIDES), runs: 1,
      evaluate: (cases, ctx) => cases.map((sides) => {
        const { values } = ctx.tfjs.derivatives(sides.map(([, j]) => VERTICES[j]!), squaredDistanceOfProbabilities(sides.map(([i]) => VERTICES[i]!)));
        const inside = VERTICES.every((v) => inPrintedSimplex(v, 0));
        // 0/1 entries: every operation is exact in float32.
        return { ...agreement(values, [2, 2, 2], 0), ...(inside ? {} : { value: Infinity, note: 'a vertex is not in Δ²' }),
          note: `squared sides ${values.join(', ')}` };
      }),
    }),
  ],
});
