import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { softmaxRegressionCase, type SoftmaxRegressionCase } from '../../domains/index.ts';
import { tfjsSoftmaxRegressionValues } from '../../support/convexity.ts';

// One sample (N = 1) with a one-hot target y*: W ∈ [−2, 2]^{d×C}, x ∈ [−2, 2]^d, so |logits| ≤ 4d ≤ 20
// and the printed exponentials neither overflow nor underflow to 0.
const sample = softmaxRegressionCase({ d: [1, 5], C: [2, 5], N: [1, 1] });

const logits = (c: SoftmaxRegressionCase) => Array.from({ length: c.C }, (_, k) => c.X[0]!.reduce((s, xi, i) => s + xi * c.W[i]![k]!, 0));
/** As printed (right-hand side): −log( exp(w_{y*}ᵀx) / Σ_j exp(w_jᵀx) ). */
function printed(c: SoftmaxRegressionCase): number {
  const z = logits(c), target = c.P[0]!.indexOf(1);
  return -Math.log(Math.exp(z[target]!) / z.reduce((s, zj) => s + Math.exp(zj), 0));
}

export default defineItem({
  id: 'ce-softmax-log-ratio-form', kind: 'claim', section: '4.3.2',
  quote: String.raw`f(w) = -\log \text{Softmax}(w^T x)_{y^*} = -\log \frac{\exp(w_{y^*}^T x)}{\sum_j \exp(w_j^T x)}`,
  printed: String.raw`f(w) = -\log \text{Softmax}(w^T x)_{y^*} = -\log \frac{\exp(w_{y^*}^T x)}{\sum_j \exp(w_j^T x)}`,
  statement: 'The one-sample softmax-regression cross-entropy is −log Softmax(Wᵀx)_{y*} = −log(exp(w_{y*}ᵀx)/Σ_j exp(w_jᵀx)).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed log-ratio ↔ tfjs cross-entropy value (shifted log-sum-exp form)', role: 'claim', reference: 'tfjs-grad', arbitrary: sample, runs: 'default',
      evaluate: (cases, ctx) => {
        const values = tfjsSoftmaxRegressionValues(cases, ctx);
        return cases.map((c, b) => {
          const z = logits(c), zMax = Math.max(...z.map(Math.abs));
          const terms = c.X[0]!.reduce((s, xi, i) => s + Math.abs(xi) * Math.max(...c.W[i]!.map(Math.abs)), 0);
          // Terms of size ≤ 2·max|z| + log C; the float32 logits are off by u·Σ|W x|, which moves the loss
          // by at most twice that (|∂L/∂z_k| summed ≤ 2); the printed exp/sum/divide/log adds C + 4 roundings.
          return agreement(printed(c), values[b]!, tolerance({
            dtypes: ctx.dtypes, operations: c.d + c.C + elementary(2) + 4, scale: 2 * zMax + Math.log(c.C), condition: 1 + 2 * terms,
          }));
        });
      },
    }),
  ],
});
