import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { logitsWithClasses } from '../../domains/index.ts';
import { categoricalFisherInLogits, softmax } from '../../../impl/index.ts';
import { logitFisherTolerance, tfjsCategoricalInLogits } from '../../support/information.ts';
import { fisherInProbabilityChart, probabilityChartJacobian, pullback } from '../../support/fisherCharts.ts';

// The minimal chart of the simplex by C − 1 free logits (z_C = 0): its Fisher matrix is the leading
// (C−1)×(C−1) block of diag(p̂) − p̂p̂ᵀ.
const minimalChart = logitsWithClasses(3, 6, 6).map(({ C, z }) => ({ C, z: z.map((zi, i) => (i === C - 1 ? 0 : zi)) }));
const leadingBlock = (m: number[][]) => m.slice(0, -1).map((row) => row.slice(0, -1));
// Backward-stable symmetric eigensolver on entries ≤ ¼: C² roundings of ‖A‖ ≤ 1.
const eigenTolerance = (C: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: C * C, scale: 1 });

export default defineItem({
  id: 'fisher-riemannian-metric', kind: 'claim', section: '4.3.3',
  quote: 'Fisher 信息矩阵定义了概率流形上的**黎曼度量**（Riemannian Metric）',
  statement: 'The Fisher information defines a Riemannian metric on the manifold of (categorical) distributions: in a chart of it the matrix is symmetric '
    + 'positive definite, and the matrices of two different charts are the same tensor (they transform by the chain rule, I_z = Jᵀ I_p J).',
  notes: 'The distance this metric induces (sentence after) is item fisher-rao-distance-weighted. The over-complete parameterisation by all C logits '
    + 'is not a chart: there I(z)·1 = 0 (recorded below), which is why the checks use C − 1 free logits.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'positive definite in the chart of C − 1 free logits: λ_min > 0', role: 'claim', reference: ['eigen', 'impl'], arbitrary: minimalChart, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, z }) => {
        const lambda = ctx.eigen.values(leadingBlock(categoricalFisherInLogits(softmax(z))));
        return { value: lambda[0]!, bound: eigenTolerance(C, ctx.dtypes), sense: 'atLeast' as const, note: `λ = ${lambda.map((l) => l.toExponential(2)).join(', ')}` };
      }),
    }),
    check({
      name: 'one tensor in two charts: I in the C − 1 free logits = Jᵀ I_p J, I_p the Fisher in the chart (p₁, …, p_{C−1}), J = ∂p/∂z',
      role: 'claim', reference: ['closed-form', 'impl'], arbitrary: minimalChart, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, z }) => {
        const p = softmax(z);
        const { matrix, termSize } = pullback(probabilityChartJacobian(p), fisherInProbabilityChart(p));
        // Each entry sums (C − 1)² triple products (3 roundings each, after the 2 of I_p's entries) whose sizes add to
        // termSize (up to ~1/p_C: the 1/p_C of I_p meets two J columns that nearly cancel); the logit side rounds ≤ 3 times.
        return agreement(matrix, leadingBlock(categoricalFisherInLogits(p)),
          tolerance({ dtypes: ctx.dtypes, operations: 3 * C * C + 5, scale: termSize + 1 }));
      }),
    }),
    check({
      name: 'subject categoricalFisherInLogits(softmax(z)) ↔ tfjs Fisher by 4.3.20 (the metric used above)', role: 'subject',
      subject: ['categoricalFisherInLogits', 'softmax'], reference: 'tfjs-grad', arbitrary: minimalChart, runs: 'default',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, false).map((f, b) => agreement(
        ctx.subject.api.categoricalFisherInLogits!(ctx.subject.api.softmax!(cases[b]!.z)), f.fisherFromScores, logitFisherTolerance(cases[b]!.z, ctx.dtypes))),
    }),
    check({
      name: 'for the record: in all C logits I(z)·1 = 0 (that over-complete parameterisation is not a chart; subject categoricalFisherInLogits against the closed-form row sums p_i − p_i Σ_j p_j = 0)',
      role: 'subject', subject: ['categoricalFisherInLogits', 'softmax'], reference: 'closed-form', arbitrary: logitsWithClasses(2, 6, 6), runs: 'default',
      // Row sums p_i − p_i Σ_j p_j: C products and a C-term sum of terms ≤ 1 (Σ p rounds to 1 within C·u).
      evaluate: (cases, ctx) => cases.map(({ C, z }) => {
        const rowSums = ctx.subject.api.categoricalFisherInLogits!(ctx.subject.api.softmax!(z)).map((row) => row.reduce((s, x) => s + x, 0));
        return { value: Math.max(...rowSums.map(Math.abs)), bound: tolerance({ dtypes: ctx.dtypes, operations: 2 * C + 2, scale: 1 }) };
      }),
    }),
  ],
});
