import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { given, num, t } from '../../engine/text.ts';
import { confidentPrediction, type ConfidentCase } from '../../domains/confident.ts';
import { crossEntropyLogitGradient, crossEntropyLogitHessian, softmax } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

/** 1 − p̂_lead, formed as the sum of the other probabilities (no cancellation near p̂_lead = 1). */
const rest = (c: ConfidentCase) => softmax(c.z).reduce((s, q, i) => (i === c.lead ? s : s + q), 0);
const speed = (c: ConfidentCase) => Math.max(...crossEntropyLogitGradient(c.p, c.z).map(Math.abs));

// Entries of size ≤ 1 from C exps, a C-term sum and a division, and the other C − 1 probabilities summed; the
// logits' size enters through the exps' argument reduction (κ = 1 + 2 max|z|).
const valueTolerance = (c: ConfidentCase, dtypes: readonly [Dtype, Dtype]) => tolerance({
  dtypes, operations: 2 * c.z.length + elementary(c.z.length + 1), scale: 1, condition: 1 + 2 * Math.max(...c.z.map(Math.abs)),
});

function tfjsLogitGradients(all: ConfidentCase[], ctx: RunContext): number[][] {
  return batchedByShape(all, (c) => String(c.z.length), (group) => {
    const z = group.map((c) => c.z);
    return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z)).gradients;
  });
}

const correct = confidentPrediction('lead');
const wrong = confidentPrediction('other');

/** The Newton step in the logit of the confident class, |∂L/∂z_k| / ∂²L/∂z_k² = (1 − p̂_k)/(p̂_k(1 − p̂_k)) = 1/p̂_k. */
const newtonStep = (pk: number) => (1 - pk) / (pk * (1 - pk));

export default defineItem({
  id: 'ce-confident-optimisation-slows', kind: 'claim', section: '4.3.1',
  quote: '曲率变小（优化变慢）',
  statement: 'When the predicted probability p̂_k of a class approaches 1, the curvature along it becomes small and optimisation on the sample slows: '
    + 'the curvature p̂_k(1 − p̂_k) and the logit gradient p̂ − p, which sets the speed of first-order optimisation, vanish together, ‖p̂ − p‖∞ ≤ 1 − p̂_k.',
  reading: '优化变慢 is read as the speed of first-order optimisation on the sample: along the gradient flow the loss falls at the rate '
    + '‖∇L‖², and one gradient step of size η lowers it by about η‖∇L‖²; in the logits ∇L = p̂ − p (in W, x(p̂ − p)ᵀ: the same factor). '
    + 'The parenthesis gives the small curvature as the cause: along z_k the curvature p̂_k(1 − p̂_k) and the gradient −(1 − p̂_k) vanish together, '
    + 'so the loss surface flattens and first-order steps slow. The cause holds for first-order steps only: a curvature-scaled (Newton) step in z_k is '
    + '(1 − p̂_k)/(p̂_k(1 − p̂_k)) = 1/p̂_k, which tends to 1, so a Newton step does not slow down.',
  condition: 'The class whose probability approaches 1 is the true class (a confident correct prediction). At a confident wrong prediction '
    + 'the curvature vanishes just the same, but the gradient tends to e_k − e_y, of norm √2, and the loss grows without bound: '
    + 'first-order optimisation is at its fastest there, not slow.',
  notes: t`Second reading: the sentence states a cause, 曲率变小（优化变慢）, which the item did not carry. Settled: still conditional; a condition check now shows that along the confident correct direction z_k the curvature p̂_k(1 − p̂_k) and the gradient −(1 − p̂_k) vanish together (the surface flattens, first-order steps slow), and the reading records that a curvature-scaled (Newton) step, (1 − p̂_k)/(p̂_k(1 − p̂_k)) = 1/p̂_k, does not slow down (${num(newtonStep(0.999), 4)} at p̂_k = ${given(0.999)}).`,
  errata: ['confident-read-as-correct'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'confident class = true class: ‖p̂ − p‖∞ ≤ 1 − p̂_k (violation, float64)', role: 'condition', reference: 'impl', arbitrary: correct, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => notAbove(speed(c), rest(c), valueTolerance(c, ctx.dtypes), `p̂_k = ${(1 - rest(c)).toPrecision(8)}`)),
    }),
    check({
      name: 'confident class = true class: along z_k the gradient −(1 − p̂_k) and the curvature p̂_k(1 − p̂_k) vanish together (float64)', role: 'condition',
      reference: 'impl', arbitrary: correct, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => {
        const g = crossEntropyLogitGradient(c.p, c.z)[c.lead]!, h = crossEntropyLogitHessian(c.z)[c.lead]![c.lead]!, r = rest(c);
        // 1 − p̂_k from the other probabilities, so both closed forms are exact to a few roundings; impl forms p̂_k − 1 and
        // p̂_k − p̂_k², whose absolute error is a few u on terms of size 1.
        return agreement([g, h], [-r, (1 - r) * r], valueTolerance(c, ctx.dtypes),
          `1 − p̂_k = ${r.toExponential(3)}: gradient ${g.toExponential(3)}, curvature ${h.toExponential(3)}, Newton step ${(Math.abs(g) / h).toPrecision(6)}`);
      }),
    }),
    check({
      name: 'confident class ≠ true class: ‖p̂ − p‖∞ ≤ 1 − p̂_k (violation, float64)', role: 'outside-condition', reference: 'impl', arbitrary: wrong, runs: 'default',
      evaluate: (cases, ctx) => cases.map((c) => notAbove(speed(c), rest(c), valueTolerance(c, ctx.dtypes), `p̂_k = ${(1 - rest(c)).toPrecision(8)}, ‖p̂ − p‖∞ = ${speed(c).toPrecision(4)}`)),
    }),
    check({
      name: 'crossEntropyLogitGradient ↔ tfjs autodiff gradient, right and wrong confident predictions', role: 'subject', subject: 'crossEntropyLogitGradient',
      reference: 'tfjs-grad', arbitrary: fc.oneof(correct, wrong), runs: 'default',
      evaluate: (cases, ctx) => {
        const ref = tfjsLogitGradients(cases, ctx);
        // Entries in [−1, 1]; float32 rounding of z moves p̂ by ≤ 2u·max|z| relative (κ = 1 + 2 max|z|).
        return cases.map((c, b) => agreement(ctx.subject.api.crossEntropyLogitGradient!(c.p, c.z), ref[b]!, tolerance({
          dtypes: ctx.dtypes, operations: c.z.length + elementary(c.z.length + 1), scale: 1, condition: 1 + 2 * Math.max(...c.z.map(Math.abs)) })));
      },
    }),
  ],
});
