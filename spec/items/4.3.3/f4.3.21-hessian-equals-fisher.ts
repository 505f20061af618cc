import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { curvedModel } from '../../domains/naturalGradient.ts';
import { curvedClosedFormOutcome, curvedCurvatures, curvedProbe } from '../../support/naturalGradientRuns.ts';
import { between, binaryLabel, logitsWithClasses, softmaxRegressionCase } from '../../domains/index.ts';
import { binaryCrossEntropyOfProbability } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { logitFisherTolerance, tfjsCategoricalInLogits, tfjsSoftmaxRegressionFisher } from '../../support/information.ts';
import { hessianTolerance, tfjsSoftmaxRegression } from '../../support/softmaxRegression.ts';

// Logits with the observed label y (the Hessian is taken at the data's label, the Fisher over y ~ p̂).
const labelled = logitsWithClasses(2, 6, 6).chain((c) => fc.nat(c.C - 1).map((y) => ({ ...c, y })));
// One sample (x, y) of softmax regression: the loss −log p̂_y(x; W) in vec(W).
const oneSample = softmaxRegressionCase({ d: [1, 3], C: [2, 3], N: [1, 1] });
// Bernoulli parameterised by its mean θ = P(y = 1) (not by its logit), and an observed label.
const bernoulliMean = fc.record({ theta: between(0.05, 0.95), y: binaryLabel() });
// Hessians by nested tfjs autodiff, the Fisher by 4.3.20 from tfjs scores with the exact Σ over labels: both float32, so the
// tolerances below charge float32 on both sides rather than ctx.dtypes' float32-against-float64.
const BOTH_TFJS = ['float32', 'float32'] as const;

/** Hessian of −log P_θ(y) at the observed y, and the Fisher Σ_{y'} P_θ(y') s_{y'}², for the mean-parameterised Bernoulli. */
function bernoulliMeanHessianAndFisher(cases: { theta: number; y: 0 | 1 }[], ctx: RunContext): { hessian: number; fisher: number }[] {
  // Rows 3b, 3b+1: labels 0 and 1 (for the scores); row 3b+2: the observed label (for the Hessian).
  const labels = cases.flatMap((c) => [0, 1, c.y]);
  const out = ctx.tfjs.derivatives(cases.flatMap((c) => [[c.theta], [c.theta], [c.theta]]), binaryCrossEntropyOfProbability(labels), { hessian: true });
  return cases.map((c, b) => ({
    hessian: out.hessians![3 * b + 2]![0]![0]!,
    fisher: (1 - c.theta) * out.gradients[3 * b]![0]! ** 2 + c.theta * out.gradients[3 * b + 1]![0]! ** 2,
  }));
}

export default defineItem({
  id: '4.3.21', kind: 'formula', section: '4.3.3',
  quote: String.raw`H_{CE}(\theta) = I(\theta)`,
  printed: String.raw`H_{CE}(\theta) = I(\theta)`,
  statement: 'The Hessian of the cross-entropy (negative log-likelihood) −log P_θ(y) at an observed label equals the Fisher information I(θ).',
  condition: 'θ are canonical (natural) parameters of the output distribution: the logits of a softmax/sigmoid output, or the weights of a model '
    + 'whose logits are linear in them (softmax regression, z = Wᵀx). Then ∇²(−log p̂_y) does not depend on y and equals I(θ). Otherwise — the '
    + 'probability θ = p̂ itself, or logits non-linear in θ as in a network, where the Hessian adds Σ_k (p̂_k − y_k)∇²z_k to I(θ) — only the expected '
    + 'Hessian E_{y∼P_θ}[∇²(−log P_θ(y))] equals I(θ) (4.3.20).',
  errata: ['hessian-fisher-canonical-only'],
  notes: 'Second reading: there is a second sufficient case besides canonical parameters — zero residuals, p̂ = y (soft targets the model fits '
    + 'exactly), where the term Σ_k (p̂_k − y_k)∇²z_k vanishes in any parameterisation. Settled: noted here; the condition keeps the canonical case, the '
    + 'one where the identity holds at every label, which is how 4.3.21 is stated (for −log P_θ(y) at an observed label).',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'logits: ∇²_z(−log p̂_y) at the observed y = I(z) (tfjs)', role: 'condition', reference: 'tfjs-hessian', arbitrary: labelled, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, true).map((f, b) =>
        agreement(f.negLogHessians![cases[b]!.y]!, f.fisherFromScores, logitFisherTolerance(cases[b]!.z, BOTH_TFJS))),
    }),
    check({
      name: 'softmax regression: ∇²_W(−log p̂_y(x)) = I(W) of p(y | x; W) (tfjs)', role: 'condition', reference: ['tfjs-hessian', 'tfjs-grad'],
      arbitrary: oneSample, runs: 'hessian',
      evaluate: (cases, ctx) => {
        const hessians = tfjsSoftmaxRegression(cases, ctx, true);
        const fisher = tfjsSoftmaxRegressionFisher(cases, ctx);
        // Both sides are float32 computations of the same float64 quantity: twice the one-sided tolerance.
        return cases.map((c, b) => agreement(hessians[b]!.hessian!, fisher[b]!, 2 * hessianTolerance(c)));
      },
    }),
    check({
      name: 'mean parameter θ = P(y = 1): ∇²_θ(−log P_θ(y)) at the observed y = I(θ) (tfjs)', role: 'outside-condition', reference: 'tfjs-hessian',
      arbitrary: bernoulliMean, runs: 'hessian',
      evaluate: (cases, ctx) => bernoulliMeanHessianAndFisher(cases, ctx).map(({ hessian, fisher }, b) => {
        const { theta, y } = cases[b]!;
        // Entries of size ≤ 1/θ² + 1/(1 − θ)²; a log, a division and their backward passes in float32, both sides.
        const tol = tolerance({ dtypes: BOTH_TFJS, operations: 8, scale: 1 / theta ** 2 + 1 / (1 - theta) ** 2, condition: 2 });
        return agreement(hessian, fisher, tol, `θ = ${theta}, y = ${y}: Hessian ${hessian.toPrecision(4)}, Fisher 1/(θ(1−θ)) = ${fisher.toPrecision(4)}`);
      }),
    }),
    check({
      name: 'logits non-linear in the parameter (z = w₂ ± c·w₂²): the Hessian at the observed labels = I(w) at the minimiser w* = 0 (closed form)',
      role: 'outside-condition', reference: 'closed-form', arbitrary: curvedModel(), runs: 'default',
      evaluate: (cases, ctx) => cases.map((m) => {
        const { hessian, fisher } = curvedCurvatures(m, [0, 0]);
        // Entries are sums of four terms of size ≤ s²/4 + |c| (products of σ'(0) = ¼, exact inputs and the labels).
        return agreement(hessian, fisher, tolerance({ dtypes: ctx.dtypes, operations: 8, scale: m.s * m.s + Math.abs(m.c) }),
          `s = ${m.s}, c = ${m.c}: H = diag(${hessian[0]![0]!.toPrecision(4)}, ${hessian[1]![1]!.toPrecision(4)}), I = diag(${fisher[0]![0]!.toPrecision(4)}, ${fisher[1]![1]!.toPrecision(4)})`);
      }),
    }),
    check({
      name: 'the curved model: closed-form gradient and Hessian ↔ Taylor remainder of the loss (rate ≥ 3)', role: 'support', reference: 'taylor',
      arbitrary: curvedProbe(curvedModel()), runs: 'default', evaluate: (cases) => cases.map(curvedClosedFormOutcome),
    }),
  ],
});
