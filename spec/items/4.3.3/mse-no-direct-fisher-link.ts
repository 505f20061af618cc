import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { given, num, t } from '../../engine/text.ts';
import { between } from '../../domains/index.ts';
import { sigmoidSquaredErrorOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { gaussianRegressionSamples, gaussianRegressionTolerance, hessianFisherGap, tfjsGaussianRegressionCurvatures } from '../../support/gaussian.ts';

// C = 2 in one logit z, p̂ = σ(z) the probability of class 1: the simplex MSE (4.3.18) against the one-hot target of label y is
// ‖e_y − (p̂, 1 − p̂)‖² = 2(y − p̂)², with y = 1 for class 1 and y = 0 for class 2.
/** Its second derivative in z, in terms of q, the probability the model gives the true class: −4q(1 − q)²(1 − 3q). */
const mseLogitCurvature = (q: number) => -4 * q * (1 - q) ** 2 * (1 - 3 * q);
/** The Fisher information of the model's Bernoulli in its logit, σ(z)(1 − σ(z)) = q(1 − q) whatever the label. */
const fisherInLogit = (q: number) => q * (1 - q);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const EXAMPLE = 0.1;

/** tfjs second derivatives in z of 2(y − σ(z))² for every (z, y). */
function tfjsMseCurvatures(rows: { z: number; y: number }[], ctx: RunContext): number[] {
  const out = ctx.tfjs.derivatives(rows.map((r) => [r.z]), sigmoidSquaredErrorOfLogit(rows.map((r) => r.y), 'unhalved'), { hessian: true });
  return out.hessians!.map((h) => 2 * h[0]![0]!);
}
// A sigmoid, a difference, a square and their two backward passes in float32, on terms ≤ 2; rounding z to float32 moves σ(z)
// relatively by u·|z|.
const curvatureTolerance = (z: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: 3 * (elementary(1) + 3), scale: 2, condition: 1 + Math.abs(z) });

const logitsAndLabels = fc.record({ z: between(-6, 6), y: fc.constantFrom(0, 1) });
// Logits away from the tie z = 0 (where p̂ = ½ and the two labels' curvatures meet).
const offTie = fc.record({ a: between(0.2, 6), sign: fc.constantFrom(-1, 1) }).map(({ a, sign }) => sign * a);
// The true class below ⅓: q ∈ [0.01, 0.3], as a logit of the true class.
const lowTrueClass = fc.record({ q: between(0.01, 0.3), y: fc.constantFrom(0, 1) }).map(({ q, y }) => ({ y, z: (y === 1 ? 1 : -1) * Math.log(q / (1 - q)) }));

export default defineItem({
  id: 'mse-no-direct-fisher-link', kind: 'claim', section: '4.3.3',
  quote: '但MSE作为独立的损失函数，不具有这种与Fisher信息的直接联系',
  statement: 'Taken as a stand-alone loss, MSE has no such direct link to the Fisher information: unlike cross-entropy’s (4.3.21), its Hessian is not '
    + 'the Fisher information of the model.',
  condition: t`The classification setting of the subsection: MSE between the one-hot target and the predicted probabilities on the simplex (4.3.18). There its Hessian in the logits depends on the label and can be negative, so it is no metric: for C = 2 and q the probability of the true class it is −4q(1 − q)²(1 − 3q), ${num(mseLogitCurvature(EXAMPLE), 4)} at q = ${given(EXAMPLE)} where the Fisher information q(1 − q) is ${num(fisherInLogit(EXAMPLE), 2)}, while cross-entropy’s is the Fisher information for every label. For regression the claim fails: ½(y − ŷ)² is σ² times the negative log-likelihood of N(ŷ, σ²) up to a constant, and for a linear ŷ = wᵀx + b its Hessian x xᵀ is σ² times that model’s Fisher information — a link as direct as cross-entropy’s (item mse-gaussian-nll-hessian-fisher).`,
  notes: 'Second reading: not-checkable (“a statement about viewpoint”) was too quick; in the subsection’s own classification setting the claim can be '
    + 'checked and holds, and for regression read as a Gaussian likelihood it fails. Settled: conditional on the classification (simplex) setting.',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'C = 2: the logit Hessian of ‖e_y − p̂‖² is −4q(1 − q)²(1 − 3q), q the true class’s probability (tfjs, both labels)', role: 'condition',
      reference: ['tfjs-hessian', 'closed-form'], arbitrary: logitsAndLabels, runs: 'default',
      evaluate: (cases, ctx) => {
        const h = tfjsMseCurvatures(cases, ctx);
        return cases.map(({ z, y }, b) => {
          const q = y === 1 ? sigmoid(z) : 1 - sigmoid(z);
          return agreement(h[b]!, mseLogitCurvature(q), curvatureTolerance(z, ctx.dtypes), `q = ${q.toPrecision(4)}: H = ${h[b]!.toPrecision(4)}, I = ${fisherInLogit(q).toPrecision(4)}`);
        });
      },
    }),
    check({
      name: 'C = 2: at the same logits the two labels’ Hessians differ (the Fisher information σ(z)(1 − σ(z)) has no label), for every z off the tie z = 0 (tfjs)',
      role: 'condition', reference: 'tfjs-hessian', arbitrary: offTie, runs: 'default',
      evaluate: (cases, ctx) => {
        const h = tfjsMseCurvatures(cases.flatMap((z) => [{ z, y: 1 }, { z, y: 0 }]), ctx);
        return cases.map((z, b) => ({ value: Math.abs(h[2 * b]! - h[2 * b + 1]!), bound: 2 * curvatureTolerance(z, ctx.dtypes), sense: 'atLeast' as const,
          note: `z = ${z}: H = ${h[2 * b]!.toPrecision(4)} (y = 1), ${h[2 * b + 1]!.toPrecision(4)} (y = 0); I = ${fisherInLogit(sigmoid(z)).toPrecision(4)}` }));
      },
    }),
    check({
      name: 'C = 2: wherever the true class has q < ⅓ the Hessian is negative, below the positive Fisher information q(1 − q) (tfjs)', role: 'condition',
      reference: 'tfjs-hessian', arbitrary: lowTrueClass, runs: 'default',
      evaluate: (cases, ctx) => {
        const h = tfjsMseCurvatures(cases, ctx);
        return cases.map(({ z }, b) => ({ value: h[b]!, bound: -curvatureTolerance(z, ctx.dtypes), note: `z = ${z}: H = ${h[b]!.toPrecision(4)}` }));
      },
    }),
    check({
      name: 'regression read as N(ŷ, σ²), linear ŷ: the Hessian of ½(y − ŷ)² is not σ²·I(w) (tfjs, exact expectation)', role: 'outside-condition',
      reference: ['tfjs-hessian', 'gauss-hermite'], arbitrary: gaussianRegressionSamples, runs: 'hessian',
      evaluate: (cases, ctx) => tfjsGaussianRegressionCurvatures(cases, ctx, 'linear-mse').map((curvatures, b) => {
        const c = cases[b]!, gap = hessianFisherGap(curvatures, c.noise);
        // Both matrices are tfjs float32 computations: they differ above rounding only if the gap exceeds both errors.
        return { value: gap, bound: gaussianRegressionTolerance(c, ['float32', 'float32']), sense: 'atLeast' as const, note: `σ = ${c.noise}: max |H − σ²I| = ${gap.toExponential(2)}` };
      }),
    }),
  ],
});
