import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tfjsHessian } from '../../engine/labels.ts';
import { between, logitsWithClasses, real } from '../../domains/index.ts';
import { categoricalFisherInLogits, softmax } from '../../../impl/index.ts';
import { GAUSS_HERMITE_LABEL, logitFisherTolerance, tfjsCategoricalInLogits } from '../../support/information.ts';
import { gaussianFisherTolerance, tfjsGaussianFisher } from '../../support/gaussian.ts';

const logits = logitsWithClasses(2, 6, 6);
const gaussians = fc.record({ mu: real(3), sigma: between(0.2, 5) });
const categoricalOracle = (ctx: Parameters<typeof tfjsHessian>[0]) => `${tfjsHessian(ctx)}; exact Σ over the C labels`;
const gaussianOracle = (ctx: Parameters<typeof tfjsHessian>[0]) => `${tfjsHessian(ctx)}; ${GAUSS_HERMITE_LABEL}`;

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
      name: 'categorical in logits: E[s sᵀ] = −E[∇² log p̂_x] (tfjs, exact Σ over x)', role: 'claim', oracle: categoricalOracle,
      arbitrary: logits, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, true).map((f, b) =>
        agreement(f.fisherFromScores, f.fisherFromHessians!, logitFisherTolerance(cases[b]!.z, ['float32', 'float32']))),
    }),
    check({
      name: 'Gaussian in (μ, σ): E[s sᵀ] = −E[∇² log N(x; μ, σ²)] (tfjs, quadrature)', role: 'claim', oracle: gaussianOracle,
      arbitrary: gaussians, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsGaussianFisher(cases, ctx).map((f, b) =>
        agreement(f.fromScores, f.fromHessians, gaussianFisherTolerance(cases[b]!, ['float32', 'float32']))),
    }),
    check({
      name: 'categorical: tfjs E[s sᵀ] ↔ impl diag(p̂) − p̂p̂ᵀ', role: 'support', oracle: categoricalOracle, arbitrary: logits, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, false).map((f, b) =>
        agreement(f.fisherFromScores, categoricalFisherInLogits(softmax(cases[b]!.z)), logitFisherTolerance(cases[b]!.z, ['float32', 'float64']))),
    }),
    check({
      name: 'Gaussian: both sides ↔ closed form diag(1/σ², 2/σ²)', role: 'support', oracle: gaussianOracle, arbitrary: gaussians, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsGaussianFisher(cases, ctx).map((f, b) => {
        const s2 = cases[b]!.sigma ** 2, closed = [[1 / s2, 0], [0, 2 / s2]];
        return agreement([f.fromScores, f.fromHessians], [closed, closed], gaussianFisherTolerance(cases[b]!, ['float32', 'float64']));
      }),
    }),
  ],
});
