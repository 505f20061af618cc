import { check, defineItem } from '../../engine/item.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';
import { gram, matVec, solveSpd, symmetricEigen, symmetricEigenvalues, transpose } from '../../../impl/index.ts';
import { linearGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

// Full column rank with a moderate condition number, so XᵀX w = Xᵀy has one well-determined solution
// (rank-deficient X has a family of minimisers; the text's "closed-form solution" presumes invertibility).
const data = regressionCase({ d: [1, 4], N: [5, 10] }).filter((c) => {
  const lambda = symmetricEigenvalues(gram(c.X));
  return lambda[0]! > 1e-3 * lambda[lambda.length - 1]!;
});

// More weights than samples (d > N): XᵀX is singular and the normal equations have a family of solutions. The nonzero
// eigenvalues are kept well away from 0 (≥ 10⁻³ λ_max), so the pseudo-inverse solution is well determined.
const wide = regressionCase({ d: [2, 5], N: [1, 4] }).filter((c) => {
  if (c.d <= c.N) return false;
  const lambda = symmetricEigenvalues(gram(c.X)), top = lambda[lambda.length - 1]!;
  return top > 0 && lambda.every((l) => Math.abs(l) < 1e-12 * top || l > 1e-3 * top);
});

/** The minimum-norm solution of XᵀX w = Xᵀy, (XᵀX)⁺Xᵀy, from impl's eigendecomposition (eigenvalues below 10⁻⁹ λ_max count as 0). */
function pseudoInverseSolution(c: RegressionCase): RegressionCase {
  const { values, vectors } = symmetricEigen(gram(c.X));
  const rhs = matVec(transpose(c.X), c.y), top = values[values.length - 1]!;
  const w = new Array<number>(c.d).fill(0);
  values.forEach((l, k) => {
    if (l < 1e-9 * top) return;
    const u = vectors[k]!, coefficient = u.reduce((s, ui, i) => s + ui * rhs[i]!, 0) / l;
    u.forEach((ui, i) => { w[i]! += coefficient * ui; });
  });
  return { ...c, b: 0, w };
}

/** The normal-equation solution w* (model without bias, as in the 4.3.7 derivation). */
function normalEquationSolution(c: RegressionCase): RegressionCase {
  return { ...c, b: 0, w: solveSpd(gram(c.X), matVec(transpose(c.X), c.y)) };
}

export default defineItem({
  id: 'mse-normal-equations', kind: 'claim', section: '4.3.1',
  quote: String.raw`具有封闭形式的解（正规方程$X^T X w = X^T y$）`,
  statement: 'The least-squares problem has a closed-form solution: the normal equations XᵀXw = Xᵀy always have a solution ((XᵀX)⁻¹Xᵀy, or '
    + '(XᵀX)⁺Xᵀy when XᵀX is singular), and a solution minimises the MSE (its gradient vanishes there).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs gradient of the MSE at the normal-equation solution is 0', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const solved = cases.map(normalEquationSolution);
        const reference = tfjsLinearModel(solved, ctx, 'linear-mse', 'half');
        // The gradient is a sum of residual-weighted inputs that cancels to 0; its float32 noise scales with
        // the terms' size, which linearGradientTolerance takes from the solved w.
        return solved.map((c, b) => ({ value: Math.max(...reference[b]!.gradient.map(Math.abs)), bound: linearGradientTolerance(c) }));
      },
    }),
    check({
      name: 'd > N (XᵀX singular): tfjs gradient of the MSE at the pseudo-inverse solution (XᵀX)⁺Xᵀy is 0', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: wide, runs: 'default',
      evaluate: (cases, ctx) => {
        const solved = cases.map(pseudoInverseSolution);
        const reference = tfjsLinearModel(solved, ctx, 'linear-mse', 'half');
        // As above: a cancelling sum of residual-weighted inputs, held to the float32 noise of its terms at the solved w.
        return solved.map((c, b) => ({ value: Math.max(...reference[b]!.gradient.map(Math.abs)), bound: linearGradientTolerance(c) }));
      },
    }),
  ],
});
