import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { regressionCase } from '../../domains/index.ts';
import { mseHessianEntryTolerance, tfjsMseHessians } from '../../support/convexity.ts';

// One sample (N = 1): f(w) = ½(y − wᵀx)², x ∈ [−2, 2]^d, d ∈ [1, 6].
const sample = regressionCase({ d: [1, 6], N: [1, 1] });
/** As printed: the Hessian is x xᵀ. */
const printed = (x: number[]) => x.map((xi) => x.map((xj) => xi * xj));

export default defineItem({
  id: 'mse-hessian-xxt', kind: 'claim', section: '4.3.2',
  quote: String.raw`考虑函数$f(w) = \frac{1}{2}(y - w^T x)^2$。其Hessian矩阵为$xx^T$`,
  // The book prints f(w) and its Hessian xx^T inline in two places of the sentence; this is the equation they make.
  formula: String.raw`\nabla^2_w \tfrac{1}{2}(y - w^T x)^2 = x x^T`,
  statement: 'The Hessian in w of f(w) = ½(y − wᵀx)² is x xᵀ (independent of w and y).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed x xᵀ ↔ tfjs Hessian of ½(y − wᵀx)²', role: 'claim', reference: 'tfjs-hessian', arbitrary: sample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsMseHessians(cases, ctx);
        return cases.map((c, b) => agreement(printed(c.X[0]!), hessians[b]!, mseHessianEntryTolerance(c.X, ctx.dtypes)));
      },
    }),
  ],
});
