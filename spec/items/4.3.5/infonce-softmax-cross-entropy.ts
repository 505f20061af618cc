import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { contrastiveCase, type ContrastiveCase } from '../../domains/index.ts';
import { infoNceGradient, infoNceLoss } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

// The text prints no InfoNCE formula; this is the loss of van den Oord et al. (2018, eq. 4) with the
// critic f = exp(s/τ): the positive's share of Σ_j f(x, y_j), as a ratio, evaluated naively.
const ratioForm = (c: ContrastiveCase) => {
  const f = c.scores.map((s) => Math.exp(s / c.temperature));
  return -Math.log(f[c.positive]! / f.reduce((a, b) => a + b, 0));
};

const logitsOf = (c: ContrastiveCase) => c.scores.map((s) => s / c.temperature);
const oneHot = (c: ContrastiveCase) => c.scores.map((_, j) => (j === c.positive ? 1 : 0));
const zMax = (c: ContrastiveCase) => Math.max(...logitsOf(c).map(Math.abs));

/** Softmax cross-entropy of the logits s/τ with the positive as the label: value and ∇_z, one tfjs call per N. */
function tfjsCrossEntropy(cases: ContrastiveCase[], ctx: RunContext): { value: number; gradient: number[] }[] {
  return batchedByShape(cases, (c) => String(c.scores.length), (group) => {
    const z = group.map(logitsOf);
    const r = ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map(oneHot), z));
    return group.map((_, b) => ({ value: r.values[b]!, gradient: r.gradients[b]! }));
  });
}

// Loss: log-sum-exp of N logits of size ≤ Z minus z_+: terms up to Z + log N; the float32 rounding of each
// logit (relative u) moves the loss by ≤ 2u·Z, a condition of 2 on that scale.
const lossTolerance = (dtypes: readonly [Dtype, Dtype], c: ContrastiveCase) => tolerance({ dtypes, operations: c.scores.length + elementary(2) + 2,
  scale: 2 * zMax(c) + Math.log(c.scores.length), condition: 2 });
// Gradient entries (p_j − [j = +])/τ of size ≤ 1/τ; softmax moves by 2u·Z relative under a relative rounding u of the logits.
const gradientTolerance = (dtypes: readonly [Dtype, Dtype], c: ContrastiveCase) => tolerance({ dtypes, operations: c.scores.length + elementary(1) + 3,
  scale: 1 / c.temperature, condition: 1 + 2 * zMax(c) });

export default defineItem({
  id: 'infonce-softmax-cross-entropy', kind: 'claim', section: '4.3.5',
  quote: '其中也涉及 Softmax 变换',
  statement: 'The InfoNCE loss of one positive among N candidates, −log(f(x, y₊)/Σ_j f(x, y_j)) with f = exp(s/τ), is the softmax cross-entropy '
    + 'of the similarity scores s/τ with the positive as the label; its gradient in the scores is (softmax(s/τ) − e₊)/τ.',
  formula: String.raw`L_{\text{InfoNCE}} = -\log \frac{\exp(s_+/\tau)}{\sum_{j=1}^{N} \exp(s_j/\tau)} = -\log\,\text{Softmax}(s/\tau)_+`,
  notes: 'Second reading: the book prints no such formula, so `printed` was not the book\'s LaTeX. Settled: it moves to `formula`, shown as '
    + 'the formula the item checks, not as printed.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'InfoNCE (impl infoNceLoss) ↔ tfjs softmax cross-entropy of s/τ with the positive as label', role: 'claim', reference: ['impl', 'tfjs-grad'],
      arbitrary: contrastiveCase(), runs: 'default',
      evaluate: (cs, ctx) => {
        const ref = tfjsCrossEntropy(cs, ctx);
        return cs.map((c, b) => agreement(infoNceLoss(c.scores, c.positive, c.temperature), ref[b]!.value, lossTolerance(ctx.dtypes, c)));
      },
    }),
    check({
      name: '∂L/∂s = (softmax(s/τ) − e₊)/τ (impl infoNceGradient) ↔ tfjs autodiff of the cross-entropy (÷ τ)', role: 'claim', reference: ['impl', 'tfjs-grad'],
      arbitrary: contrastiveCase(), runs: 'default',
      evaluate: (cs, ctx) => {
        const ref = tfjsCrossEntropy(cs, ctx);
        return cs.map((c, b) => agreement(infoNceGradient(c.scores, c.positive, c.temperature), ref[b]!.gradient.map((g) => g / c.temperature), gradientTolerance(ctx.dtypes, c)));
      },
    }),
    check({
      name: 'subject infoNceLoss ↔ ratio form −log(f₊/Σf_j), f = e^{s/τ} (van den Oord et al., eq. 4; naive float64)', role: 'subject',
      subject: 'infoNceLoss', reference: 'closed-form', arbitrary: contrastiveCase(), runs: 'default',
      // N exponentials of arguments ≤ Z (rounded relative to Z: condition 2Z on scale 1), a sum, a quotient and a log.
      evaluate: (cs, ctx) => cs.map((c) => {
        const reference = ratioForm(c);
        return agreement(ctx.subject.api.infoNceLoss!(c.scores, c.positive, c.temperature), reference,
          tolerance({ dtypes: ctx.dtypes, operations: c.scores.length + elementary(2) + 2, scale: 1 + reference, condition: 1 + 2 * zMax(c) }));
      }),
    }),
  ],
});
