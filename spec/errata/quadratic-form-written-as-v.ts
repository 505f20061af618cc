import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'quadratic-form-written-as-v',
  where: '§4.3.2 凸性分析, the parenthesis after “其Hessian矩阵为$xx^T$”',
  printed: '$v = (v^T x)^2 \\geq 0$',
  right: '$v^T (x x^T) v = (v^T x)^2 \\geq 0$',
  severity: 'typo',
  cause: 'The quadratic form vᵀ(xxᵀ)v is written as v, which equates a vector with a scalar; the argument for positive semidefiniteness is otherwise right.',
});
