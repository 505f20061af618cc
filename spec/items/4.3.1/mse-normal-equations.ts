import { check, defineItem } from '../../engine/item.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { regressionCase, type RegressionCase } from '../../domains/index.ts';
import { gram, matVec, solveSpd, symmetricEigenvalues, transpose } from '../../../impl/index.ts';
import { linearGradientTolerance, tfjsLinearModel } from '../../support/linearModels.ts';

// Full column rank with a moderate condition number, so XᵀX w = Xᵀy has one well-determined solution
// (rank-deficient X has a family of minimisers; the text's "closed-form solution" presumes invertibility).
const data = regressionCase({ d: [1, 4], N: [5, 10] }).filter((c) => {
  const lambda = symmetricEigenvalues(gram(c.X));
  return lambda[0]! > 1e-3 * lambda[lambda.length - 1]!;
});

/** The normal-equation solution w* (model without bias, as in the 4.3.7 derivation). */
function normalEquationSolution(c: RegressionCase): RegressionCase {
  return { ...c, b: 0, w: solveSpd(gram(c.X), matVec(transpose(c.X), c.y)) };
}

export default defineItem({
  id: 'mse-normal-equations', kind: 'claim', section: '4.3.1',
  quote: String.raw`具有封闭形式的解（正规方程$X^T X w = X^T y$）`,
  statement: 'The least-squares problem has a closed-form solution: w solving XᵀXw = Xᵀy minimises the MSE (its gradient vanishes there).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs gradient of the MSE at the normal-equation solution is 0', role: 'claim', oracle: tfjsGrad, arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const solved = cases.map(normalEquationSolution);
        const reference = tfjsLinearModel(solved, ctx, 'linear-mse', 'half');
        // The gradient is a sum of residual-weighted inputs that cancels to 0; its float32 noise scales with
        // the terms' size, which linearGradientTolerance takes from the solved w.
        return solved.map((c, b) => ({ value: Math.max(...reference[b]!.gradient.map(Math.abs)), bound: linearGradientTolerance(c) }));
      },
    }),
  ],
});
