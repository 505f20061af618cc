import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, tfjsGrad } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { confidentPrediction, type ConfidentCase } from '../../domains/confident.ts';
import { crossEntropyLogitGradient, softmax } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

/** 1 − p̂_lead, formed as the sum of the other probabilities (no cancellation near p̂_lead = 1). */
const rest = (c: ConfidentCase) => softmax(c.z).reduce((s, q, i) => (i === c.lead ? s : s + q), 0);
const speed = (c: ConfidentCase) => Math.max(...crossEntropyLogitGradient(c.p, c.z).map(Math.abs));

// ‖p̂ − p‖∞ ≤ 1 − p̂_lead in float64: entries of size ≤ 1 from C exps, a C-term sum and a division, and the
// other C − 1 probabilities summed; the logits' size enters through the exps' argument reduction (κ = 1 + 2 max|z|).
const float64Tolerance = (c: ConfidentCase) => tolerance({
  dtypes: ['float64', 'float64'], operations: 2 * c.z.length + elementary(c.z.length + 1), scale: 1, condition: 1 + 2 * Math.max(...c.z.map(Math.abs)),
});

function tfjsLogitGradients(all: ConfidentCase[], ctx: RunContext): number[][] {
  return batchedByShape(all, (c) => String(c.z.length), (group) => {
    const z = group.map((c) => c.z);
    return ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z)).gradients;
  });
}

const correct = confidentPrediction('lead');
const wrong = confidentPrediction('other');

export default defineItem({
  id: 'ce-confident-optimisation-slows', kind: 'claim', section: '4.3.1',
  quote: '曲率变小（优化变慢）',
  statement: 'When the predicted probability p̂_k of a class approaches 1, optimisation on the sample slows: the logit gradient p̂ − p, '
    + 'which sets the speed of first-order optimisation, vanishes, ‖p̂ − p‖∞ ≤ 1 − p̂_k.',
  reading: '优化变慢 is read as the speed of first-order optimisation on the sample: along the gradient flow the loss falls at the rate '
    + '‖∇L‖², and one gradient step of size η lowers it by about η‖∇L‖²; in the logits ∇L = p̂ − p (in W, x(p̂ − p)ᵀ: the same factor). '
    + 'The parenthesis attributes the slowing to the small curvature, but the speed of a first-order method is set by the gradient, '
    + 'which the curvature does not determine (and a curvature-scaled, Newton step grows as the curvature vanishes).',
  condition: 'The class whose probability approaches 1 is the true class (a confident correct prediction). At a confident wrong prediction '
    + 'the curvature vanishes just the same, but the gradient tends to e_k − e_y, of norm √2, and the loss grows without bound: '
    + 'first-order optimisation is at its fastest there, not slow.',
  errata: ['confident-read-as-correct'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'confident class = true class: ‖p̂ − p‖∞ ≤ 1 − p̂_k (violation, float64)', role: 'condition', oracle: IMPL_F64, arbitrary: correct, runs: 'default',
      evaluate: (cases) => cases.map((c) => notAbove(speed(c), rest(c), float64Tolerance(c), `p̂_k = ${(1 - rest(c)).toPrecision(8)}`)),
    }),
    check({
      name: 'confident class ≠ true class: ‖p̂ − p‖∞ ≤ 1 − p̂_k (violation, float64)', role: 'outside-condition', oracle: IMPL_F64, arbitrary: wrong, runs: 'default',
      evaluate: (cases) => cases.map((c) => notAbove(speed(c), rest(c), float64Tolerance(c), `p̂_k = ${(1 - rest(c)).toPrecision(8)}, ‖p̂ − p‖∞ = ${speed(c).toPrecision(4)}`)),
    }),
    check({
      name: 'impl crossEntropyLogitGradient ↔ tfjs autodiff gradient, right and wrong confident predictions', role: 'support', oracle: tfjsGrad,
      arbitrary: fc.oneof(correct, wrong), runs: 'default',
      evaluate: (cases, ctx) => {
        const ref = tfjsLogitGradients(cases, ctx);
        // Entries in [−1, 1]; float32 rounding of z moves p̂ by ≤ 2u·max|z| relative (κ = 1 + 2 max|z|).
        return cases.map((c, b) => agreement(crossEntropyLogitGradient(c.p, c.z), ref[b]!, tolerance({
          dtypes: ['float32', 'float64'], operations: c.z.length + elementary(c.z.length + 1), scale: 1, condition: 1 + 2 * Math.max(...c.z.map(Math.abs)) })));
      },
    }),
  ],
});
