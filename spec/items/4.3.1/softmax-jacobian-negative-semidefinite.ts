import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, eigenOracle } from '../../engine/labels.ts';
import { eigenTolerance, softmaxOutputs as points } from '../../support/softmaxJacobian.ts';
import { matVec, softmaxJacobian, symmetricEigenvalues } from '../../../impl/index.ts';

export default defineItem({
  id: 'softmax-jacobian-negative-semidefinite', kind: 'claim', section: '4.3.1',
  quote: String.raw`$\text{diag}(\hat{p}^{(n)}) - \hat{p}^{(n)} \hat{p}^{(n)T}$——这是一个**半负定矩阵**`,
  statement: 'The matrix diag(p̂) − p̂p̂ᵀ is negative semidefinite.',
  correction: {
    statement: 'diag(p̂) − p̂p̂ᵀ is positive semidefinite (it is the covariance of a one-hot draw from p̂): its smallest eigenvalue is 0, '
      + 'with eigenvector 𝟙, and the others are ≥ 0 — which is what makes cross-entropy convex in the logits.',
    latex: String.raw`v^T(\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)v = \sum_i \hat{p}_i v_i^2 - \Big(\sum_i \hat{p}_i v_i\Big)^2 \ge 0,\qquad (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)\mathbf{1} = 0`,
  },
  errata: ['softmax-jacobian-definiteness'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'largest eigenvalue ≤ 0', role: 'claim', oracle: eigenOracle, arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => {
        const lambda = ctx.eigen.values(softmaxJacobian(p));
        return { value: lambda[lambda.length - 1]!, bound: eigenTolerance(p), note: `eigenvalues ${lambda.map((l) => l.toPrecision(3)).join(', ')}` };
      }),
    }),
    check({
      name: 'correction: smallest eigenvalue ≥ 0 (within rounding)', role: 'correction', oracle: eigenOracle, arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => ({ value: Math.max(0, -ctx.eigen.values(softmaxJacobian(p))[0]!), bound: eigenTolerance(p) })),
    }),
    check({
      name: 'correction: (diag(p̂) − p̂p̂ᵀ) 𝟙 = 0', role: 'correction', oracle: IMPL_F64, arbitrary: points, runs: 'default',
      // Row sums p_i − p_i Σ_j p_j: C roundings on terms of size ≤ p_i.
      evaluate: (cases) => cases.map((p) => agreement(matVec(softmaxJacobian(p), p.map(() => 1)), p.map(() => 0),
        tolerance({ dtypes: ['float64', 'float64'], operations: 2 * p.length, scale: Math.max(...p) }))),
    }),
    check({
      name: 'impl symmetricEigenvalues (Jacobi) ↔ eigenvalue oracle', role: 'support', oracle: eigenOracle, arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => agreement(symmetricEigenvalues(softmaxJacobian(p)), ctx.eigen.values(softmaxJacobian(p)), 2 * eigenTolerance(p))),
    }),
  ],
});
