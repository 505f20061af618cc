import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { between, logitsWithClasses, real } from '../../domains/index.ts';
import { logitFisherTolerance, tfjsCategoricalInLogits } from '../../support/information.ts';
import { gaussianFisherTolerance, tfjsGaussianFisher } from '../../support/gaussian.ts';

const logits = logitsWithClasses(2, 6, 6);
const gaussians = fc.record({ mu: real(3), sigma: between(0.2, 5) });
// Both sides of the two claims are tfjs float32 computations (scores and Hessians of the same autodiff), so their
// tolerances charge float32 twice rather than ctx.dtypes' float32-against-float64.
const BOTH_TFJS = ['float32', 'float32'] as const;

export default defineItem({
  id: '4.3.20', kind: 'formula', section: '4.3.3',
  quote: String.raw`I(\theta)_{ij} = \mathbb{E}_{x \sim P_\theta} \left[ \frac{\partial \log P_\theta(x)}{\partial \theta_i} \frac{\partial \log P_\theta(x)}{\partial \theta_j} \right] = -\mathbb{E}_{x \sim P_\theta} \left[ \frac{\partial^2 \log P_\theta(x)}{\partial \theta_i \partial \theta_j} \right]`,
  printed: String.raw`I(\theta)_{ij} = \mathbb{E}_{x \sim P_\theta} \left[ \frac{\partial \log P_\theta(x)}{\partial \theta_i} \frac{\partial \log P_\theta(x)}{\partial \theta_j} \right] = -\mathbb{E}_{x \sim P_\theta} \left[ \frac{\partial^2 \log P_\theta(x)}{\partial \theta_i \partial \theta_j} \right]`,
  statement: 'The Fisher information is the expected outer product of the score and equals minus the expected Hessian of the log-likelihood '
    + '(x drawn from the model itself); checked for the categorical family in its logits and the Gaussian family in (μ, σ), with exact expectations.',
  notes: 'Scope: the second equality needs the usual regularity (the support of P_θ does not depend on θ, so the derivative passes under the expectation); '
    + 'it fails e.g. for the uniform distribution on (0, θ). Every family of the section (categorical, Gaussian) is regular, and the item reads the formula within that scope.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'categorical in logits: E[s sᵀ] = −E[∇² log p̂_x] (tfjs, exact Σ over x)', role: 'claim', reference: 'tfjs-hessian',
      arbitrary: logits, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, true).map((f, b) =>
        agreement(f.fisherFromScores, f.fisherFromHessians!, logitFisherTolerance(cases[b]!.z, BOTH_TFJS))),
    }),
    check({
      name: 'Gaussian in (μ, σ): E[s sᵀ] = −E[∇² log N(x; μ, σ²)] (tfjs, quadrature)', role: 'claim', reference: ['tfjs-hessian', 'gauss-hermite'],
      arbitrary: gaussians, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsGaussianFisher(cases, ctx).map((f, b) =>
        agreement(f.fromScores, f.fromHessians, gaussianFisherTolerance(cases[b]!, BOTH_TFJS))),
    }),
    check({
      name: 'subject categoricalFisherInLogits(softmax(z)) ↔ tfjs E[s sᵀ] by 4.3.20 (exact Σ over the labels)', role: 'subject',
      subject: ['categoricalFisherInLogits', 'softmax'], reference: 'tfjs-grad', arbitrary: logits, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, false).map((f, b) => agreement(
        ctx.subject.api.categoricalFisherInLogits!(ctx.subject.api.softmax!(cases[b]!.z)), f.fisherFromScores, logitFisherTolerance(cases[b]!.z, ctx.dtypes))),
    }),
    check({
      name: 'Gaussian: both sides ↔ closed form diag(1/σ², 2/σ²)', role: 'support', reference: ['tfjs-hessian', 'gauss-hermite', 'closed-form'],
      arbitrary: gaussians, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsGaussianFisher(cases, ctx).map((f, b) => {
        const s2 = cases[b]!.sigma ** 2, closed = [[1 / s2, 0], [0, 2 / s2]];
        return agreement([f.fromScores, f.fromHessians], [closed, closed], gaussianFisherTolerance(cases[b]!, ctx.dtypes));
      }),
    }),
  ],
});
