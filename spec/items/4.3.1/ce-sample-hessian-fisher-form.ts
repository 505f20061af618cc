import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { softmax, softmaxRegressionHessian, softmaxRegressionLogits } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { hessianTolerance, tfjsSoftmaxRegression, vecW } from '../../support/softmaxRegression.ts';

const oneSample = softmaxRegressionCase({ d: [1, 3], C: [2, 4], N: [1, 1] });

/**
 * Fisher information of the model p(y | x; W) = softmax(Wᵀx)_y in vec(W): Σ_y p̂_y ∇log p̂_y ∇log p̂_yᵀ, with the score
 * ∇_W log p̂_y of every label y from tfjs autodiff (one batched gradient call per label).
 */
function tfjsFisher(cases: SoftmaxRegressionCase[], ctx: RunContext): number[][][] {
  return batchedByShape(cases, (c) => `${c.d}x${c.C}`, (group) => {
    const { d, C } = group[0]!, n = d * C;
    const fisher = group.map(() => Array.from({ length: n }, () => new Array<number>(n).fill(0)));
    const probabilities = group.map((c) => softmax(softmaxRegressionLogits(c.W, c.X)[0]!));
    for (let y = 0; y < C; y++) {
      const label = Array.from({ length: C }, (_, k) => (k === y ? 1 : 0));
      const params = group.map((c) => vecW(c.W));
      const { gradients } = ctx.tfjs.derivatives(params, tfjsLosses.softmaxRegressionLoss(group.map((c) => c.X), group.map(() => [label]), params));
      gradients.forEach((g, b) => { for (let r = 0; r < n; r++) for (let s = 0; s < n; s++) fisher[b]![r]![s]! += probabilities[b]![y]! * g[r]! * g[s]!; });
    }
    return fisher;
  });
}

export default defineItem({
  id: 'ce-sample-hessian-fisher-form', kind: 'claim', section: '4.3.1',
  quote: '首先计算单个样本的Hessian（Fisher 信息矩阵的形式）',
  statement: 'The Hessian of one sample’s cross-entropy in the weights has the form of the Fisher information matrix: it equals the Fisher information '
    + 'Σ_y p̂_y ∇_W log p̂_y ∇_W log p̂_yᵀ of the model p(y | x) = softmax(Wᵀx)_y, whatever the observed label.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'Fisher information from tfjs scores of every label ↔ impl softmaxRegressionHessian (one sample)', role: 'claim', reference: ['tfjs-grad', 'impl'],
      arbitrary: oneSample, runs: 'hessian',
      // Entries Σ_y p̂_y x_i x_j (e_y − p̂)_k (e_y − p̂)_l: terms of size ≤ max|x|² (the Hessian's), C of them with weights summing to 1;
      // each score carries a float32 gradient's error, hence twice the Hessian tolerance.
      evaluate: (cases, ctx) => {
        const fisher = tfjsFisher(cases, ctx);
        return cases.map((c, b) => agreement(fisher[b]!, softmaxRegressionHessian(c.W, c.X), 2 * hessianTolerance(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'softmaxRegressionHessian ↔ tfjs Hessian', role: 'subject', subject: 'softmaxRegressionHessian', reference: 'tfjs-hessian',
      arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const reference = tfjsSoftmaxRegression(cases, ctx, true);
        return cases.map((c, b) => agreement(ctx.subject.api.softmaxRegressionHessian!(c.W, c.X), reference[b]!.hessian!, hessianTolerance(c, ctx.dtypes)));
      },
    }),
  ],
});
