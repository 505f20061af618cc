import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'simplex-called-triangle',
  where: '“由坐标轴截距为 1 的超平面与第一卦限相交形成的三角形区域”',
  printed: 'Δ^{C−1}, for every C, is the triangular region (三角形区域) cut from the first orthant by the hyperplane with intercepts 1',
  right: 'the region is the (C−1)-dimensional simplex with the C vertices e_i: a triangle only for C = 3 (a segment for C = 2, a tetrahedron for C = 4)',
  severity: 'imprecise',
  cause: 'The picture of the three-class case (an equilateral triangle in ℝ³) is used for every C, where the word “simplex” is meant.',
});
