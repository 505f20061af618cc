import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { TAYLOR_RATE_TOLERANCE, tolerance } from '../../engine/tolerance.ts';
import { eigenOracle, IMPL_F64, TAYLOR_F64 } from '../../engine/labels.ts';
import { distinctSimplexPair, logitsWithClasses, tangentPerturbation } from '../../domains/index.ts';
import { categoricalFisherInLogits, fisherRaoDistance, softmax } from '../../../impl/index.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';
import { logitFisherTolerance, tfjsCategoricalInLogits } from '../../support/information.ts';

// The minimal chart of the simplex by C − 1 free logits (z_C = 0): its Fisher matrix is the leading
// (C−1)×(C−1) block of diag(p̂) − p̂p̂ᵀ.
const minimalChart = logitsWithClasses(3, 6, 6).map(({ C, z }) => ({ C, z: z.map((zi, i) => (i === C - 1 ? 0 : zi)) }));
const leadingBlock = (m: number[][]) => m.slice(0, -1).map((row) => row.slice(0, -1));
// Backward-stable symmetric eigensolver on entries ≤ ¼: C² roundings of ‖A‖ ≤ 1.
const eigenTolerance = (C: number) => tolerance({ dtypes: ['float64', 'float64'], operations: C * C, scale: 1 });
const ratioOf = (p: number[], q: number[]) => fisherRaoDistance(p, q) / Math.hypot(...p.map((pi, i) => pi - q[i]!));

export default defineItem({
  id: 'fisher-riemannian-metric', kind: 'claim', section: '4.3.3',
  quote: 'Fisher 信息矩阵定义了概率流形上的**黎曼度量**（Riemannian Metric）。在这个度量下，两个概率分布之间的"距离"不是欧几里得距离，而是由 Fisher 信息加权的距离',
  statement: 'The Fisher matrix is a Riemannian metric on the manifold of distributions (symmetric positive definite in a chart of it), and the distance it '
    + 'induces (the Fisher–Rao distance) is not the Euclidean one: locally it is the Fisher-weighted norm √(δᵀ I δ).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'positive definite in the chart of C − 1 free logits: λ_min > 0', role: 'claim', oracle: eigenOracle, arbitrary: minimalChart, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, z }) => {
        const lambda = ctx.eigen.values(leadingBlock(categoricalFisherInLogits(softmax(z))));
        return { value: lambda[0]!, bound: eigenTolerance(C), sense: 'atLeast' as const, note: `λ = ${lambda.map((l) => l.toExponential(2)).join(', ')}` };
      }),
    }),
    check({
      name: 'impl diag(p̂) − p̂p̂ᵀ ↔ tfjs Fisher by 4.3.20 (the metric used above)', role: 'support', oracle: (ctx) => ctx.tfjs.label('grad'),
      arbitrary: minimalChart, runs: 'default',
      evaluate: (cases, ctx) => tfjsCategoricalInLogits(cases, ctx, false).map((f, b) =>
        agreement(categoricalFisherInLogits(softmax(cases[b]!.z)), f.fisherFromScores, logitFisherTolerance(cases[b]!.z, ['float32', 'float64']))),
    }),
    check({
      name: 'for the record: in all C logits I(z)·1 = 0 (that over-complete parameterisation is not a chart)', role: 'support', oracle: IMPL_F64,
      arbitrary: logitsWithClasses(2, 6, 6), runs: 'default',
      // Row sums p_i − p_i Σ_j p_j: C products and a C-term sum of terms ≤ 1 (Σ p rounds to 1 within C·u).
      evaluate: (cases) => cases.map(({ C, z }) => {
        const rowSums = categoricalFisherInLogits(softmax(z)).map((row) => row.reduce((s, x) => s + x, 0));
        return { value: Math.max(...rowSums.map(Math.abs)), bound: tolerance({ dtypes: ['float64', 'float64'], operations: 2 * C + 2, scale: 1 }) };
      }),
    }),
    check({
      name: 'the induced distance is Fisher-weighted: d_FR(P, P + hδ)² = h² δᵀ diag(1/P) δ + O(h³) (Taylor rate ≥ 3)', role: 'claim', oracle: TAYLOR_F64,
      arbitrary: tangentPerturbation(2, 6), runs: 'default',
      evaluate: (cases) => cases.map(({ P, delta }) => {
        const f = (q: number[]) => fisherRaoDistance(P, q) ** 2;
        const quadratic = delta.reduce((s, d, i) => s + (d * d) / P[i]!, 0);
        // |h| < 1 keeps P + hδ in the open simplex (|δ_i| ≤ P_i); the model is 0 + h·0 + ½h²·(2 δᵀIδ).
        const rates = taylorRates(f, P, delta, 0, 2 * quadratic, { h0: 0.5 });
        return { value: rates.exact ? 0 : Math.max(0, 3 - rates.observedRate), bound: TAYLOR_RATE_TOLERANCE, note: `observed rate ${rates.observedRate.toFixed(3)}` };
      }),
    }),
    check({
      name: 'not Euclidean: d_FR/‖p − q‖ differs between pairs', role: 'claim', oracle: IMPL_F64, quantifier: 'exists',
      arbitrary: fc.record({ first: distinctSimplexPair(2, 4), second: distinctSimplexPair(2, 4) }), runs: 'default',
      evaluate: (cases) => cases.map(({ first, second }) => ({
        value: Math.abs(ratioOf(first.p, first.q) - ratioOf(second.p, second.q)),
        bound: tolerance({ dtypes: ['float64', 'float64'], operations: 16, scale: ratioOf(first.p, first.q) + ratioOf(second.p, second.q) }),
        sense: 'atLeast' as const, note: `ratios ${ratioOf(first.p, first.q).toPrecision(4)} and ${ratioOf(second.p, second.q).toPrecision(4)}`,
      })),
    }),
  ],
});
