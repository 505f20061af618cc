import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { M, optimum, overlapLevels, tfjsAt, tfjsTol } from '../../support/overlap.ts';

/**
 * "其值与样本的'分离度'相关": on the one-number overlap family of spec/support/overlap.ts, the local
 * coefficient (the curvature at the optimum) is a function of the separation s = |2q − 1| of the two
 * classes alone: q(1 − q) = (1 − s²)/4, from ¼ at total overlap down to 0 as the classes separate. Which
 * way it goes is the next clause (ce-overlap-curvature).
 */

export default defineItem({
  id: 'ce-strong-convexity-separation', kind: 'claim', section: '4.3.2',
  quote: '其值与样本的"分离度"相关',
  statement: 'The (local) strong-convexity coefficient of the cross-entropy depends on how separated the classes are.',
  reading: 'The coefficient is the curvature at the optimum; on a family of binary datasets whose class separation is one number s (the total-variation distance of the class-conditional laws), it is a function of s alone, (1 − s²)/4.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'curvature at the optimum (tfjs Hessian) = (1 − s²)/4, s = |2q − 1| the separation', role: 'claim', reference: 'tfjs-hessian', arbitrary: overlapLevels, runs: 'default',
      evaluate: (cases, ctx) => tfjsAt(cases.map(({ k }) => ({ k, w: optimum(k) })), ctx, true).map(({ curvature }, b) => {
        const s = Math.abs(2 * cases[b]!.k / M - 1);
        return agreement(curvature!, (1 - s * s) / 4, tfjsTol(optimum(cases[b]!.k), ctx.dtypes), `s = ${s.toFixed(2)}: curvature ${curvature!.toFixed(5)}`);
      }),
    }),
  ],
});
