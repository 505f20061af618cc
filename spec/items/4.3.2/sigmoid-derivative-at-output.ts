import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { num, t } from '../../engine/text.ts';
import { sigmoidOutput } from '../../domains/index.ts';
import { sigmoidOfParameter } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';
import { sigmoidDerivative } from '../../../impl/index.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
/**
 * Where the literal σ'(ŷ) meets ŷ(1 − ŷ): the roots of g(p) = p(1 − p) − σ'(p) on (0, 1), by bisection.
 * g(0) = −¼ < 0, g(½) = ¼ − σ'(½) > 0, g(1) = −σ'(1) < 0: one root in (0, ½), one in (½, 1).
 */
function crossing(lo: number, hi: number): number {
  const g = (p: number) => p * (1 - p) - sigmoidDerivative(p);
  const rising = g(lo) < 0;
  for (let i = 0; i < 60; i++) { const mid = (lo + hi) / 2; if ((g(mid) < 0) === rising) lo = mid; else hi = mid; }
  return (lo + hi) / 2;
}
const CROSSINGS = [crossing(0, 0.5), crossing(0.5, 1)];
// ŷ = σ(z) over z ∈ [−12, 12]: ŷ from 6e-6 to 1 − 6e-6.
const outputs = sigmoidOutput(12);

export default defineItem({
  id: 'sigmoid-derivative-at-output', kind: 'claim', section: '4.3.2',
  quote: String.raw`$\sigma'(\hat{y}) = \hat{y}(1-\hat{y})$接近 0`,
  printed: String.raw`\sigma'(\hat{y}) = \hat{y}(1-\hat{y})`,
  statement: 'The sigmoid derivative at the logit, written σ\'(ŷ), equals ŷ(1 − ŷ), and it tends to 0 as ŷ → 0 or 1: σ\'(z) = ŷ(1 − ŷ) ≤ min(ŷ, 1 − ŷ).',
  reading: t`σ'(ŷ) names σ' at the logit z = wᵀx expressed through the output ŷ = σ(z): 4.3.14, one line above, writes σ'(wᵀx), and ŷ(1 − ŷ) is σ'(z). Read literally, σ'(ŷ) = σ(ŷ)(1 − σ(ŷ)) at the output ŷ ∈ (0, 1) lies in (σ'(1), σ'(0)) = (${num(sigmoidDerivative(1), 4)}, ${num(sigmoidDerivative(0), 2)}), so it never approaches 0 as ŷ → 0 or 1; it equals ŷ(1 − ŷ) only where the two curves cross, at ŷ ≈ ${num(CROSSINGS[0]!, 4)} and ŷ ≈ ${num(CROSSINGS[1]!, 4)}, and differs from it everywhere else (the literal check).`,
  notes: t`Second reading: the reading said the literal σ'(ŷ) "is never ŷ(1 − ŷ)", which is false: the two are equal at ŷ ≈ ${num(CROSSINGS[0]!, 4)} and ŷ ≈ ${num(CROSSINGS[1]!, 4)} (roots of p(1 − p) − σ'(p), by bisection). Settled: the reading now says that the literal σ'(ŷ) lies in (σ'(1), σ'(0)) for ŷ ∈ (0, 1) and so never approaches 0, and names the two crossings; the literal check is unchanged (it fails clearly away from them).`,
  errata: ['sigma-prime-of-output'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'σ\'(z) at the logit z (tfjs) ↔ ŷ(1 − ŷ)', role: 'claim', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => {
          const p = sigma(c.z);
          return agreement(derivatives[b]!, p * (1 - p), sigmoidTolerance(c.z, p * (1 - p), 0, ctx.dtypes));
        });
      },
    }),
    check({
      name: '→ 0 at the ends: σ\'(z) (tfjs) ≤ min(ŷ, 1 − ŷ) = 1/(1 + e^{|z|})', role: 'claim', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      // ŷ(1 − ŷ) = m(1 − m) ≤ m for m = min(ŷ, 1 − ŷ): the bound is sharp only at m → 0, where both sides
      // vanish; the float32 derivative is held to its own rounding (as in the check above).
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => {
          const m = 1 / (1 + Math.exp(Math.abs(c.z)));
          return notAbove(derivatives[b]!, m, sigmoidTolerance(c.z, m, 0, ctx.dtypes), `σ'(z) = ${derivatives[b]!.toExponential(3)}, m = ${m.toExponential(3)}`);
        });
      },
    }),
    check({
      name: 'sigmoidDerivative(z) ↔ tfjs autodiff σ\'(z)', role: 'subject', subject: 'sigmoidDerivative', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const { derivatives } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => {
          const p = sigma(c.z);
          return agreement(ctx.subject.api.sigmoidDerivative!(c.z), derivatives[b]!, sigmoidTolerance(c.z, p * (1 - p), 0, ctx.dtypes));
        });
      },
    }),
    check({
      name: 'sigmoid(z) ↔ tfjs σ(z)', role: 'subject', subject: 'sigmoid', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const { values } = tfjsScalar(ctx, cases.map((c) => c.z), sigmoidOfParameter());
        return cases.map((c, b) => agreement(ctx.subject.api.sigmoid!(c.z), values[b]!, sigmoidTolerance(c.z, sigma(c.z), 0, ctx.dtypes)));
      },
    }),
    check({
      name: 'literal: σ\' at the output, σ\'(ŷ) (tfjs derivative of σ at ŷ) ↔ ŷ(1 − ŷ)', role: 'literal', reference: 'tfjs-grad', arbitrary: outputs, runs: 'default',
      evaluate: (cases, ctx) => {
        const yHat = cases.map((c) => sigma(c.z));
        const { derivatives } = tfjsScalar(ctx, yHat, sigmoidOfParameter());
        // σ'(t) ≤ ¼ at t = ŷ ∈ (0, 1), so |t| ≤ 1 sets the float32 conditioning.
        return yHat.map((p, b) => agreement(derivatives[b]!, p * (1 - p),
          tolerance({ dtypes: ctx.dtypes, operations: 8, scale: 0.25, condition: 2 }), `σ'(ŷ) = ${derivatives[b]!.toFixed(4)} at ŷ = ${p.toPrecision(4)}`));
      },
    }),
  ],
});
