import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, differenceOf } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between, weightedTaskGradients } from '../../domains/index.ts';
import { euclideanNorm, normalizedGradientCombination } from '../../../impl/index.ts';

// A task's loss rescaled by c > 0 (a unit change, a different reduction, …) has gradient c·g_k. c spans 10^{−3}…10^{6}.
const rescaled = fc.record({ gw: weightedTaskGradients(), pick: fc.nat(100), log10C: between(-3, 6) })
  .map(({ gw: { g, w }, pick, log10C }) => ({ g, w, k: pick % g.length, c: 10 ** log10C }));
const scaleTask = (g: number[][], k: number, c: number) => g.map((gk, j) => (j === k ? gk.map((x) => c * x) : gk));

export default defineItem({
  id: 'gradient-normalisation-prevents-domination', kind: 'claim', section: '4.3.4',
  quote: '梯度归一化方法通过调整每个任务的梯度范数来实现平衡',
  statement: 'Gradient normalisation (4.3.33) balances the tasks by their gradient norms: each task contributes a vector of norm w_k whatever the scale of its loss, so the combination is invariant to rescaling any task loss by c > 0.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'normalised combination Σ w_k g_k/‖g_k‖ is unchanged when one task gradient is scaled by c ∈ [10⁻³, 10⁶]', role: 'claim', reference: 'impl',
      arbitrary: rescaled, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ g, w, k, c }) => agreement(normalizedGradientCombination(scaleTask(g, k, c), w), normalizedGradientCombination(g, w),
        // Two evaluations, each a d-term norm, a division and a K-term sum of unit vectors (terms ≤ w_k), plus the rounding of c·g_k.
        tolerance({ dtypes: ctx.dtypes, operations: g[0]!.length + g.length + 4, scale: w.reduce((a, b) => a + b, 0) }))),
    }),
    check({
      name: 'each task\'s contribution to the normalised combination has norm w_k, whatever its loss scale c (one task at a time: the others\' weights set to 0)', role: 'claim', reference: 'impl',
      arbitrary: rescaled, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ g, w, k, c }) => {
        const alone = w.map((wj, j) => (j === k ? wj : 0));
        // A d-term norm of a d-term-normalised vector, times w_k.
        return { value: differenceOf(euclideanNorm(normalizedGradientCombination(scaleTask(g, k, c), alone)), w[k]!),
          bound: tolerance({ dtypes: ctx.dtypes, operations: 2 * g[0]!.length + g.length + 4, scale: w[k]! }) };
      }),
    }),
  ],
});
