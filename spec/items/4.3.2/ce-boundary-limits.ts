import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between } from '../../domains/index.ts';
import { negativeLogOfParameter } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { tfjsScalar } from '../../support/sigmoidUnit.ts';

// p̂_{c*} → 1 on the exact ladder 1 − 2^{−k}, k = 1..52; p̂_{c*} → 0 as 10^{−k}, k ∈ [1, 300] (float64)
// and k ∈ [1, 37] (float32 normal range, for the tfjs oracle).
const towardOne = fc.integer({ min: 1, max: 52 }).map((k) => ({ k, p: 1 - 2 ** -k, distance: 2 ** -k }));
const towardZero = between(1, 300).map((k) => ({ k, p: 10 ** -k }));
const towardZeroFloat32 = between(1, 37).map((k) => ({ k, p: 10 ** -k }));
const printed = (p: number) => -Math.log(p);

export default defineItem({
  id: 'ce-boundary-limits', kind: 'claim', section: '4.3.2',
  quote: String.raw`当$\hat{p}_{c^*} \to 1$时，$L_{CE} = -\log \hat{p}_{c^*} \to 0$；当$\hat{p}_{c^*} \to 0$时，$L_{CE} \to +\infty$`,
  // The book prints the two limits inline, each in its own clause of the quoted sentence; this is their assembly.
  formula: String.raw`\hat{p}_{c^*} \to 1:\ -\log \hat{p}_{c^*} \to 0,\qquad \hat{p}_{c^*} \to 0:\ L_{CE} \to +\infty`,
  statement: 'The cross-entropy −log p̂_{c*} tends to 0 as p̂_{c*} → 1 and to +∞ as p̂_{c*} → 0.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: '→ 0: δ ≤ −log(1 − δ) ≤ δ/(1 − δ) on δ = 2^-k, k = 1..52', role: 'claim', reference: 'closed-form', arbitrary: towardOne, runs: 'default',
      // The squeeze bounds are elementary (log(1 − δ) ≤ −δ and log(1 + t) ≤ t with t = δ/(1 − δ)); both
      // sides tend to 0 with δ. Float64: one log of a number near 1, relative error a few u of the result.
      evaluate: (cases, ctx) => cases.map(({ p, distance }) => {
        const L = printed(p);
        const tol = tolerance({ dtypes: ctx.dtypes, operations: 4, scale: distance, condition: 1 / distance });
        const outside = Math.max(0, distance - L, L - distance / (1 - distance));
        return { value: outside, bound: tol, note: `L = ${L.toExponential(3)} at δ = ${distance.toExponential(2)}` };
      }),
    }),
    check({
      name: '→ +∞: −log(10^-k) = k·ln 10 for k ∈ [1, 300] (float64)', role: 'claim', reference: 'closed-form', arbitrary: towardZero, runs: 'default',
      // 10^{−k} carries a relative rounding (pow), which shifts the log by that much absolutely; the
      // result has size k·ln 10.
      evaluate: (cases, ctx) => cases.map(({ k, p }) => agreement(printed(p), k * Math.LN10,
        tolerance({ dtypes: ctx.dtypes, operations: 4, scale: k * Math.LN10, condition: 1 }))),
    }),
    check({
      name: '→ +∞: tfjs −log(10^-k) = k·ln 10 for k ∈ [1, 37]', role: 'support', reference: ['tfjs-grad', 'closed-form'], arbitrary: towardZeroFloat32, runs: 'default',
      evaluate: (cases, ctx) => {
        const { values } = tfjsScalar(ctx, cases.map((c) => c.p), negativeLogOfParameter());
        // float32 rounds 10^{−k} relatively (absolute u in the log) and rounds the result of size k·ln 10.
        return cases.map(({ k }, b) => agreement(values[b]!, k * Math.LN10,
          tolerance({ dtypes: ctx.dtypes, operations: 4, scale: k * Math.LN10, condition: 1 })));
      },
    }),
  ],
});
