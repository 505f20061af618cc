import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { between, simplexPoint } from '../../domains/index.ts';

/** 4.3.18 as printed. */
const mse = (p: number[], q: number[]) => p.reduce((s, pi, i) => s + (pi - q[i]!) ** 2, 0);
const distance = (p: number[], q: number[]) => Math.sqrt(mse(p, q));

const triples = fc.integer({ min: 2, max: 8 }).chain((C) => {
  const point = fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true }));
  return fc.record({ p: point, q: point, r: point, s: between(0, 1) }).map((t) => ({ C, ...t }));
});
// √ of a C-term sum of squares of differences of entries ≤ 1: the distance is ≤ √2, and its rounding
// error is a few u of it (the square root halves the sum's relative error).
const distanceTolerance = (C: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: 2 * C + 3, scale: Math.SQRT2 });

export default defineItem({
  id: 'mse-squared-euclidean-distance', kind: 'claim', section: '4.3.3',
  quote: '在概率单纯形上，均方误差对应于**欧几里得距离**的平方。它测量的是两个概率向量之间的直线距离',
  statement: '√L_MSE is the Euclidean (straight-line) distance on the simplex: symmetric, it satisfies the triangle inequality, '
    + 'and it grows linearly along the straight segment between the two points.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'symmetric: L_MSE(p, q) = L_MSE(q, p) exactly', role: 'claim', reference: 'printed', arbitrary: triples, runs: 'default',
      // (p_i − q_i)² and (q_i − p_i)² are the same float: exact equality is the right test.
      evaluate: (cases) => cases.map(({ p, q }) => ({ value: Math.abs(mse(p, q) - mse(q, p)), bound: 0 })),
    }),
    check({
      name: 'triangle inequality: √L(p, r) ≤ √L(p, q) + √L(q, r)', role: 'claim', reference: 'printed', arbitrary: triples, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, p, q, r }) => ({ value: distance(p, r) - distance(p, q) - distance(q, r), bound: 3 * distanceTolerance(C, ctx.dtypes) })),
    }),
    check({
      name: 'straight line: √L(p, p + s(q − p)) = s·√L(p, q)', role: 'claim', reference: 'printed', arbitrary: triples, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, p, q, s }) => {
        const onSegment = p.map((pi, i) => pi + s * (q[i]! - pi));
        return agreement(distance(p, onSegment), s * distance(p, q), 3 * distanceTolerance(C, ctx.dtypes));
      }),
    }),
  ],
});
