import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { eigenTolerance, softmaxOutputs as points } from '../../support/softmaxJacobian.ts';
import { matVec, softmaxJacobian } from '../../../impl/index.ts';

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
      name: 'largest eigenvalue ≤ 0', role: 'claim', reference: ['eigen', 'impl'], arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => {
        const lambda = ctx.eigen.values(softmaxJacobian(p));
        return { value: lambda[lambda.length - 1]!, bound: eigenTolerance(p, ctx.dtypes), note: `eigenvalues ${lambda.map((l) => l.toPrecision(3)).join(', ')}` };
      }),
    }),
    check({
      name: 'correction: smallest eigenvalue ≥ 0 (within rounding)', role: 'correction', reference: ['eigen', 'impl'], arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => ({ value: Math.max(0, -ctx.eigen.values(softmaxJacobian(p))[0]!), bound: eigenTolerance(p, ctx.dtypes) })),
    }),
    check({
      name: 'correction: (diag(p̂) − p̂p̂ᵀ) 𝟙 = 0', role: 'correction', reference: 'impl', arbitrary: points, runs: 'default',
      // Row sums p_i − p_i Σ_j p_j: C roundings on terms of size ≤ p_i.
      evaluate: (cases, ctx) => cases.map((p) => agreement(matVec(softmaxJacobian(p), p.map(() => 1)), p.map(() => 0),
        tolerance({ dtypes: ctx.dtypes, operations: 2 * p.length, scale: Math.max(...p) }))),
    }),
    check({
      name: 'symmetricEigenvalues ↔ eigenvalue oracle, on diag(p̂) − p̂p̂ᵀ', role: 'subject', subject: 'symmetricEigenvalues', reference: 'eigen',
      arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => {
        // The matrix written out here, so the subject's eigenvalues are compared on an input it did not build.
        const m = p.map((pi, i) => p.map((pj, j) => (i === j ? pi : 0) - pi * pj));
        return agreement(ctx.subject.api.symmetricEigenvalues!(m), ctx.eigen.values(m), 2 * eigenTolerance(p, ctx.dtypes));
      }),
    }),
  ],
});
