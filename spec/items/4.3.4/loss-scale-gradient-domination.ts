import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { notAbove } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between, weightedTaskGradients } from '../../domains/index.ts';
import { euclideanNorm, weightedGradientSum } from '../../../impl/index.ts';

// A task's loss rescaled by c > 0 (a unit change, a different reduction, …) has gradient c·g_k. c spans 10^{−3}…10^{6}.
const rescaled = fc.record({ gw: weightedTaskGradients(), pick: fc.nat(100), log10C: between(-3, 6) })
  .map(({ gw: { g, w }, pick, log10C }) => ({ g, w, k: pick % g.length, c: 10 ** log10C }));
const scaleTask = (g: number[][], k: number, c: number) => g.map((gk, j) => (j === k ? gk.map((x) => c * x) : gk));

/** sin of the angle between a and b: ‖a − (a·b̂)b̂‖/‖a‖ (no cancellation in 1 − cos²). */
function sinAngle(a: number[], b: number[]): number {
  const nb = euclideanNorm(b), unit = b.map((x) => x / nb);
  const along = a.reduce((s, x, i) => s + x * unit[i]!, 0);
  return euclideanNorm(a.map((x, i) => x - along * unit[i]!)) / euclideanNorm(a);
}

export default defineItem({
  id: 'loss-scale-gradient-domination', kind: 'claim', section: '4.3.4',
  quote: '当不同任务的损失函数具有不同的尺度时，直接加权可能导致某些任务的梯度主导训练',
  statement: 'With a plain weighted sum of task losses of different scales, the task of larger scale can dominate: rescaling one task loss by c makes the combined gradient turn toward that task\'s gradient, the sine of the angle between them falling at least as fast as 1/c.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'plain sum: sin∠(Σ_j w_j g_j, g_k) ≤ ‖Σ_{j≠k} w_j g_j‖/(c·w_k‖g_k‖) after scaling task k by c — task k takes over its direction (a sharp bound, so the violation is measured)', role: 'claim',
      reference: 'impl', arbitrary: rescaled, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ g, w, k, c }) => {
        const scaled = scaleTask(g, k, c);
        const plain = weightedGradientSum(scaled, w);
        const others = weightedGradientSum(g.map((gj, j) => (j === k ? gj.map(() => 0) : gj)), w);
        const dominant = w[k]! * euclideanNorm(scaled[k]!);
        // sin∠(a + b, a) ≤ ‖b‖/‖a‖ (triangle inequality); roundings of the sums and norms on top, relative to the angle's scale 1.
        const ratio = euclideanNorm(others) / dominant;
        return notAbove(sinAngle(plain, g[k]!), ratio, tolerance({ dtypes: ctx.dtypes, operations: 3 * g[0]!.length + g.length + 6, scale: 1, condition: 1 + ratio }),
          `c = ${c.toExponential(2)}, ‖others‖/‖w_k c g_k‖ = ${ratio.toExponential(2)}`);
      }),
    }),
  ],
});
