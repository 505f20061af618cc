import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { binaryClassificationCase, type RegressionCase } from '../../domains/index.ts';
import { linearPredictions, logisticCrossEntropyGradient, sigmoid } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

/** p̂⁽ⁿ⁾ = σ(wᵀx⁽ⁿ⁾ + b). */
const probabilities = (c: RegressionCase) => linearPredictions(c.X, c.w, c.b).map(sigmoid);

/** The last line of 4.3.5 as printed: −(1/N) Σ (p̂⁽ⁿ⁾ − y⁽ⁿ⁾) x⁽ⁿ⁾. */
function printedLastLine(c: RegressionCase): number[] {
  const p = probabilities(c);
  return c.w.map((_, i) => -c.X.reduce((s, x, n) => s + (p[n]! - c.y[n]!) * x[i]!, 0) / c.N);
}

/** The middle line of 4.3.5: −(1/N) Σ (y/p̂ − (1−y)/(1−p̂)) ∂p̂/∂w, with ∂p̂/∂w = p̂(1 − p̂) x. */
function printedMiddleLine(c: RegressionCase): number[] {
  const p = probabilities(c);
  return c.w.map((_, i) => -c.X.reduce((s, x, n) => {
    const pn = p[n]!, yn = c.y[n]!;
    return s + (yn / pn - (1 - yn) / (1 - pn)) * pn * (1 - pn) * x[i]!;
  }, 0) / c.N);
}

/** Correction: +(1/N) Σ (p̂⁽ⁿ⁾ − y⁽ⁿ⁾) x⁽ⁿ⁾. */
function corrected(c: RegressionCase): number[] {
  return printedLastLine(c).map((g) => -g);
}

// Entries are (1/N) Σ_n (p̂ − y) x_i with |p̂ − y| ≤ 1: terms of size ≤ max|x|. The logit wᵀx + b
// (d + 1 terms) is rounded to float32 with error u·Σ|w_i x_i|, which moves p̂ by at most ¼ of that.
function tol32(c: RegressionCase, dtypes: readonly [Dtype, Dtype]): number {
  const xMax = Math.max(...c.X.flat().map(Math.abs));
  const logitScale = Math.max(...c.X.map((x) => Math.abs(c.b) + x.reduce((s, xi, i) => s + Math.abs(xi * c.w[i]!), 0)));
  return tolerance({ dtypes, operations: c.d + c.N + elementary(2), scale: xMax, condition: 1 + logitScale });
}

// Middle line divides by p̂ and 1 − p̂, which are rounded: relative error u/p̂(1−p̂)·… — only its float64
// evaluation is compared, against the float64 closed form.
function tol64(c: RegressionCase, dtypes: readonly [Dtype, Dtype]): number {
  const p = probabilities(c);
  const spread = Math.max(...p.map((pn) => 1 / Math.min(pn, 1 - pn)));
  const xMax = Math.max(...c.X.flat().map(Math.abs));
  return tolerance({ dtypes, operations: c.d + c.N + elementary(2), scale: xMax, condition: spread });
}

function tfjsGradients(cases: RegressionCase[], ctx: RunContext): number[][] {
  return batchedByShape(cases, (c) => `${c.N}x${c.d}`, (group) => ctx.tfjs.derivatives(
    group.map((c) => c.w),
    tfjsLosses.logisticCrossEntropyLoss(group.map((c) => c.X), group.map((c) => c.y), group.map((c) => c.b)),
  ).gradients);
}

const data = binaryClassificationCase();

export default defineItem({
  id: '4.3.5', kind: 'formula', section: '4.3.1',
  quote: String.raw`&= -\frac{1}{N} \sum_n (\hat{p}^{(n)} - y^{(n)}) x^{(n)} \end{align}\tag{4.3.5}`,
  printed: String.raw`\begin{align}
\frac{\partial L_{CE}}{\partial w} &= \frac{\partial}{\partial w} \left[ -\frac{1}{N} \sum_n (y^{(n)} \log \hat{p}^{(n)} + (1-y^{(n)}) \log (1-\hat{p}^{(n)})) \right] \\ &= -\frac{1}{N} \sum_n \left( \frac{y^{(n)}}{\hat{p}^{(n)}} - \frac{1-y^{(n)}}{1-\hat{p}^{(n)}} \right) \frac{\partial \hat{p}^{(n)}}{\partial w} \\ &= -\frac{1}{N} \sum_n (\hat{p}^{(n)} - y^{(n)}) x^{(n)} \end{align}`,
  statement: 'The gradient in w of the mean binary cross-entropy of p̂ = σ(wᵀx + b) is −(1/N) Σ (p̂ − y) x.',
  correction: {
    statement: 'The sign is wrong in the last line: the gradient is +(1/N) Σ (p̂ − y) x (the middle line of 4.3.5 is right).',
    latex: String.raw`\frac{\partial L_{CE}}{\partial w} = \frac{1}{N} \sum_n (\hat{p}^{(n)} - y^{(n)}) x^{(n)}`,
  },
  errata: ['gradient-sign-flipped'],
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'printed last line ↔ tfjs autodiff gradient', role: 'claim', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsGradients(cases, ctx);
        return cases.map((c, b) => agreement(printedLastLine(c), reference[b]!, tol32(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'correction +(1/N) Σ (p̂ − y) x ↔ tfjs autodiff gradient', role: 'correction', reference: ['tfjs-grad', 'impl'], arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsGradients(cases, ctx);
        return cases.map((c, b) => agreement(corrected(c), reference[b]!, tol32(c, ctx.dtypes)));
      },
    }),
    check({
      name: 'printed middle line ↔ impl logisticCrossEntropyGradient', role: 'correction', reference: 'impl', arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => agreement(printedMiddleLine(c), logisticCrossEntropyGradient(c.X, c.y, c.w, c.b).w, tol64(c, ctx.dtypes))),
    }),
    check({
      name: 'logisticCrossEntropyGradient ↔ tfjs autodiff gradient', role: 'subject', subject: 'logisticCrossEntropyGradient', reference: 'tfjs-grad',
      arbitrary: data, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsGradients(cases, ctx);
        return cases.map((c, b) => agreement(ctx.subject.api.logisticCrossEntropyGradient!(c.X, c.y, c.w, c.b).w, reference[b]!, tol32(c, ctx.dtypes)));
      },
    }),
  ],
});
