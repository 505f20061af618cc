import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { spdMetric, vector } from '../../domains/index.ts';
import { dot, norm, solveTolerance, solveWith } from '../../support/naturalGradient.ts';

const metrics = spdMetric([2, 5], 2);
const withDirection = metrics.chain((m) => vector(m.n, 1).filter((u) => norm(u) > 1e-3).map((u) => ({ ...m, u })));
const conditionOf = (eigenvalues: number[]) => Math.max(...eigenvalues) / Math.min(...eigenvalues);

export default defineItem({
  id: 'natural-gradient-rescales-directions', kind: 'claim', section: '4.3.3',
  quote: '在 Fisher 信息较大的方向上（数据变化敏感的方向），梯度被压缩；在 Fisher 信息较小的方向上，梯度被放大',
  statement: 'The natural gradient G⁻¹∇L shrinks the gradient along directions of large Fisher information and enlarges it along directions of small Fisher information.',
  condition: 'The directions are the eigenvectors q_k of G: there the component is divided by the eigenvalue, q_kᵀG⁻¹g = (q_kᵀg)/λ_k (shrunk for λ_k > 1, '
    + 'enlarged for λ_k < 1). Along other directions u the component is not a rescaled gradient component: it can change sign, and along a direction of '
    + 'large Fisher information uᵀGu it can be amplified, not compressed.',
  notes: 'Second reading (on the sentence’s ledger entry): its parenthesis “（数据变化敏感的方向）” misdescribes the Fisher information, which measures how '
    + 'sensitive the model’s distribution is to its parameters (KL(P_θ ‖ P_{θ+δ}) ≈ ½δᵀIδ, 4.3.22), not sensitivity to changes of the data; and the clause '
    + 'before it equates the Fisher information with the loss’s curvature, which needs G ≈ H. Settled: both recorded in the ledger entry, the second '
    + 'pointing to natural-gradient-accelerates-anisotropic, whose condition it is; this item checks the rescaling itself.',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'eigen-directions: q_kᵀ G⁻¹g = (q_kᵀ g)/λ_k for every k', role: 'condition', reference: 'solve', arbitrary: metrics, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ n, G, g, eigenvalues, eigenvectors }) => {
        const natural = solveWith(G, g);
        return agreement(eigenvectors.map((q) => dot(q, natural)), eigenvectors.map((q, k) => dot(q, g) / eigenvalues[k]!),
          solveTolerance(n, conditionOf(eigenvalues), norm(g) / Math.min(...eigenvalues), ctx.dtypes));
      }),
    }),
    check({
      name: 'any direction u: the natural-gradient component uᵀG⁻¹g has the sign of uᵀg', role: 'outside-condition', reference: 'solve',
      arbitrary: withDirection, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ n, G, g, u, eigenvalues }) => {
        const natural = solveWith(G, g);
        const along = dot(u, natural) / norm(u), gradientAlong = dot(u, g) / norm(u);
        // Opposite signs are measured by −(uᵀG⁻¹g)(uᵀg), relative to ‖G⁻¹g‖‖g‖ (0 when the signs agree).
        return { value: Math.max(0, -along * gradientAlong) / (norm(natural) * norm(g)), bound: solveTolerance(n, conditionOf(eigenvalues), 1, ctx.dtypes),
          note: `uᵀg = ${gradientAlong.toPrecision(3)}, uᵀG⁻¹g = ${along.toPrecision(3)}, λ ∈ [${Math.min(...eigenvalues).toPrecision(3)}, ${Math.max(...eigenvalues).toPrecision(3)}]` };
      }),
    }),
    check({
      name: 'directions u of large Fisher information (uᵀGu ≥ ‖u‖², where G⁻¹ compresses its eigen-directions): |uᵀG⁻¹g| ≤ |uᵀg|', role: 'outside-condition',
      reference: 'solve', arbitrary: withDirection.filter(({ G, u }) => dot(u, G.map((row) => dot(row, u))) >= dot(u, u)), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ n, G, g, u, eigenvalues }) => {
        const natural = solveWith(G, g);
        const along = Math.abs(dot(u, natural)) / norm(u), gradientAlong = Math.abs(dot(u, g)) / norm(u);
        const fisherAlong = dot(u, G.map((row) => dot(row, u))) / dot(u, u);
        return { value: along - gradientAlong, bound: solveTolerance(n, conditionOf(eigenvalues), norm(g) / Math.min(...eigenvalues), ctx.dtypes),
          note: `uᵀGu/‖u‖² = ${fisherAlong.toPrecision(3)}: |uᵀg| = ${gradientAlong.toPrecision(3)}, |uᵀG⁻¹g| = ${along.toPrecision(3)}` };
      }),
    }),
  ],
});
