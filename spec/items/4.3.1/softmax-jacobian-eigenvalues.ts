import { check, defineItem } from '../../engine/item.ts';
import { eigenTolerance, softmaxOutputs as points } from '../../support/softmaxJacobian.ts';
import { softmaxJacobian } from '../../../impl/index.ts';

/** The eigenvalues as printed: p̂_i(1 − p̂_i) ≥ 0 and −p̂_i. */
const printedEigenvalues = (p: number[]) => [...p.map((pi) => pi * (1 - pi)), ...p.map((pi) => -pi)];

export default defineItem({
  id: 'softmax-jacobian-eigenvalues', kind: 'claim', section: '4.3.1',
  quote: String.raw`（其特征值为$\hat{p}_i^{(n)}(1-\hat{p}_i^{(n)}) \geq 0$和$-\hat{p}_i^{(n)}$，后者为负或零）`,
  statement: 'The eigenvalues of diag(p̂) − p̂p̂ᵀ are the numbers p̂_i(1 − p̂_i) and −p̂_i.',
  correction: {
    statement: 'diag(p̂) − p̂p̂ᵀ is a rank-one downdate of diag(p̂): its eigenvalues λ₁ ≤ … ≤ λ_C are λ₁ = 0 and interlace the sorted '
      + 'probabilities, p̂₍ᵢ₋₁₎ ≤ λᵢ ≤ p̂₍ᵢ₎; they sum to 1 − ‖p̂‖². (p̂_i(1 − p̂_i) are its diagonal entries, not its eigenvalues.)',
    latex: String.raw`\lambda_1 = 0,\quad \hat{p}_{(i-1)} \le \lambda_i \le \hat{p}_{(i)}\ (i \ge 2),\quad \textstyle\sum_i \lambda_i = 1 - \|\hat{p}\|^2`,
  },
  errata: ['softmax-jacobian-spectrum'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'every eigenvalue is one of p̂_i(1 − p̂_i), −p̂_i', role: 'claim', reference: ['eigen', 'impl'], arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => {
        const lambda = ctx.eigen.values(softmaxJacobian(p));
        const candidates = printedEigenvalues(p);
        const distance = Math.max(...lambda.map((l) => Math.min(...candidates.map((c) => Math.abs(l - c)))));
        return { value: distance, bound: eigenTolerance(p, ctx.dtypes),
          note: `eigenvalues ${lambda.map((l) => l.toPrecision(4)).join(', ')}; printed candidates ${candidates.map((c) => c.toPrecision(4)).join(', ')}` };
      }),
    }),
    check({
      name: 'correction: λ₁ = 0 and p̂₍ᵢ₋₁₎ ≤ λᵢ ≤ p̂₍ᵢ₎', role: 'correction', reference: ['eigen', 'impl'], arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => {
        const lambda = ctx.eigen.values(softmaxJacobian(p));
        const sorted = [...p].sort((a, b) => a - b);
        // Violation of λ₁ = 0 and of each interlacing inequality; 0 when all hold.
        let violation = Math.abs(lambda[0]!);
        for (let i = 1; i < lambda.length; i++) {
          violation = Math.max(violation, sorted[i - 1]! - lambda[i]!, lambda[i]! - sorted[i]!);
        }
        return { value: violation, bound: eigenTolerance(p, ctx.dtypes) };
      }),
    }),
    check({
      name: 'correction: Σ λ = 1 − ‖p̂‖²', role: 'correction', reference: ['eigen', 'impl'], arbitrary: points, runs: 'default',
      evaluate: (cases, ctx) => cases.map((p) => {
        const sum = ctx.eigen.values(softmaxJacobian(p)).reduce((a, b) => a + b, 0);
        return { value: Math.abs(sum - (1 - p.reduce((s, pi) => s + pi * pi, 0))), bound: (p.length + 1) * eigenTolerance(p, ctx.dtypes) };
      }),
    }),
  ],
});
