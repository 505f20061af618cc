import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { given, num, t } from '../../engine/text.ts';
import { between } from '../../domains/index.ts';
import { negativeLogOfParameter } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { tfjsScalar } from '../../support/sigmoidUnit.ts';

/**
 * "交叉熵的对数增长对应于L0范数的某种极端形式，它对大误差的敏感度更高". The one standard link between the
 * logarithm and the L0 "norm" (the count of nonzero entries) runs through penalties of one error e ≥ 0:
 * the Lp penalties |e|^p as p → 0 ((|e|^p − 1)/p → log|e|, and |e|^p → 1 for e ≠ 0, the L0 count), and the
 * log-sum penalty log(ε + |e|), the usual smooth surrogate of L0. Their slopes p·e^{p−1} and 1/(ε + e)
 * decrease in e: they are the robust penalties, less sensitive to large errors than L2. The cross-entropy
 * −log p̂ of the probability error e = 1 − p̂ is −log(1 − e), whose slope 1/(1 − e) increases without
 * bound. The correspondence is checked as the shared trait: a slope that does not increase in the error.
 */
// Pairs of probability errors e₁ < e₂ in [0.01, 0.99], at least 0.01 apart.
const errorPairs = fc.record({ e1: between(0.01, 0.98), gap: between(0.01, 0.98) })
  .map(({ e1, gap }) => ({ e1, e2: Math.min(0.99, e1 + gap) }))
  .filter(({ e1, e2 }) => e2 - e1 >= 0.01);
// The L0-type penalties' parameters: ε ∈ [0.01, 1] (log-sum), p ∈ [0.1, 0.9] (|e|^p).
const penaltyPairs = fc.record({ pair: errorPairs, epsilon: between(0.01, 1), p: between(0.1, 0.9) });
// Errors e = 1 − 10^{−k}, k ∈ [1, 6]: p̂ = 10^{−k} is a normal float32.
const nearOne = between(1, 6).map((k) => ({ k, pHat: 10 ** -k }));

/** Slopes in e of the cross-entropy −log(1 − e) at p̂ = 1 − e, from tfjs autodiff of −log p̂ (d/de = −d/dp̂). */
const slopesAt = (pHats: number[], ctx: Parameters<typeof tfjsScalar>[0]) =>
  tfjsScalar(ctx, pHats, negativeLogOfParameter()).derivatives.map((g) => -g);
const ceSlopes = (errors: number[], ctx: Parameters<typeof tfjsScalar>[0]) => slopesAt(errors.map((e) => 1 - e), ctx);
/** A float32 slope 1/p̂: p̂ is rounded (relative u), and 1/p̂ inherits it; a few roundings on a value of size 1/p̂. */
const slopeTol = (dtypes: Parameters<typeof tolerance>[0]['dtypes'], pHat: number) => tolerance({ dtypes, operations: 4, scale: 1 / pHat });

/** The cross-entropy's slope at both errors of each pair, and the float32 rounding of their difference. */
function pairSlopes(cases: { e1: number; e2: number }[], ctx: Parameters<typeof tfjsScalar>[0]) {
  const s1 = ceSlopes(cases.map((c) => c.e1), ctx), s2 = ceSlopes(cases.map((c) => c.e2), ctx);
  return cases.map(({ e1, e2 }, b) => ({ rise: s2[b]! - s1[b]!, tol: slopeTol(ctx.dtypes, 1 - e1) + slopeTol(ctx.dtypes, 1 - e2),
    note: `slope ${s1[b]!.toPrecision(4)} at e = ${e1.toFixed(3)}, ${s2[b]!.toPrecision(4)} at e = ${e2.toFixed(3)}` }));
}

/** Slopes of the L0-type penalties, written out: d/de log(ε + e) = 1/(ε + e), d/de e^p = p·e^{p−1}. */
const logSumSlope = (epsilon: number, e: number) => 1 / (epsilon + e);
const powerSlope = (p: number, e: number) => p * e ** (p - 1);

// The sentence's scale, with ε = 0.1 for the log-sum penalty: at e = 0.9 and e = 0.99.
const EPSILON = 0.1, E_LARGE = 0.9, E_LARGER = 0.99;

export default defineItem({
  id: 'ce-l0-norm-analogy', kind: 'claim', section: '4.3.2',
  quote: String.raw`交叉熵的对数增长对应于$L_0$范数的某种极端形式`,
  statement: 'The logarithmic growth of the cross-entropy corresponds to some extreme form of the L0 norm: its penalty of the probability error e, −log(1 − e), grows like the penalties that link the logarithm to L0 (|e|^p as p → 0, and the log-sum surrogate log(ε + e)), whose slope does not increase in the error.',
  reading: '"对应于L0范数的某种极端形式" names no construction, and the L0 "norm" (a count of nonzero entries) has no growth of its own; the one standard link between the logarithm and L0 is the family of penalties |e|^p as p → 0 ((|e|^p − 1)/p → log|e|) and the log-sum penalty log(ε + |e|), the usual smooth surrogate of L0. What they share, and what makes them "extreme", is a slope that decreases in the error: they penalise large errors less than L2 does (the robust penalties). The correspondence is read as that trait, for the cross-entropy as a function of the probability error e = 1 − p̂ of this paragraph. The same sentence goes on to say that the cross-entropy is more sensitive to large errors, the opposite trait (ce-more-sensitive-to-large-errors).',
  correction: {
    statement: t`The correspondence is backwards. The cross-entropy's slope in the probability error, 1/(1 − e), increases without bound as e → 1, while the slopes of the L0-type penalties decrease: with ε = ${given(EPSILON)}, at e = ${given(E_LARGE)} the log-sum slope 1/(ε + e) is ${num(logSumSlope(EPSILON, E_LARGE), 2)} against the cross-entropy's ${num(1 / (1 - E_LARGE), 3)}, and at e = ${given(E_LARGER)} it is ${num(logSumSlope(EPSILON, E_LARGER), 3)} against ${num(1 / (1 - E_LARGER), 3)}. The cross-entropy is the opposite of the L0-like, robust penalties: more sensitive to large errors, which is what the rest of the sentence says.`,
    latex: String.raw`\frac{d}{de}\bigl(-\log(1-e)\bigr) = \frac{1}{1-e}\uparrow\infty,\qquad \frac{d}{de}\log(\varepsilon+e) = \frac{1}{\varepsilon+e}\downarrow,\qquad \frac{d}{de}e^{p} = p\,e^{p-1}\downarrow\ (0<p<1)`,
  },
  errata: ['l0-analogy-backwards'],
  notes: 'Second reading: not-checkable is too lenient; the one standard link between the logarithm and L0 (the p → 0 limit of |e|^p, the log-sum surrogates of L0) goes through penalties whose slopes decrease in the error, while the cross-entropy\'s slope 1/(1 − e) increases, so "对应于L0范数的某种极端形式" contradicts "它对大误差的敏感度更高" in the same sentence. Settled (the lead\'s call): refuted, on a claim check of the shared trait (a slope non-increasing in the error) that fails clearly, with a correction whose checks pass, and a new erratum of severity error, l0-analogy-backwards.',
  expectedVerdict: 'refuted',
  checks: [
    check({
      name: 'like the L0-type penalties, the cross-entropy\'s slope in the error does not increase: slope(e₂) ≤ slope(e₁) for e₁ < e₂ (tfjs)', role: 'claim',
      reference: 'tfjs-grad', arbitrary: errorPairs, runs: 'default',
      evaluate: (cases, ctx) => pairSlopes(cases, ctx).map(({ rise, tol, note }) => ({ value: Math.max(0, rise), bound: tol, note })),
    }),
    check({
      name: 'correction: the cross-entropy\'s slope increases: slope(e₂) − slope(e₁) > 0 beyond rounding for e₁ < e₂ (tfjs)', role: 'correction',
      reference: 'tfjs-grad', arbitrary: errorPairs, runs: 'default',
      evaluate: (cases, ctx) => pairSlopes(cases, ctx).map(({ rise, tol, note }) => ({ value: rise, bound: tol, sense: 'atLeast' as const, note })),
    }),
    check({
      name: 'correction: and without bound: the slope at e = 1 − 10^-k is 10^k, k ∈ [1, 6] (tfjs)', role: 'correction', reference: ['tfjs-grad', 'closed-form'],
      arbitrary: nearOne, runs: 'default',
      evaluate: (cases, ctx) => slopesAt(cases.map((c) => c.pHat), ctx).map((s, b) => {
        const { pHat } = cases[b]!;
        return agreement(s, 1 / pHat, slopeTol(ctx.dtypes, pHat), `slope ${s.toPrecision(4)} at p̂ = ${pHat.toExponential(2)}`);
      }),
    }),
    check({
      name: 'correction: the L0-type penalties\' slopes decrease: 1/(ε + e) and p·e^{p−1} are smaller at e₂ than at e₁', role: 'correction', reference: 'closed-form',
      arbitrary: penaltyPairs, runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ pair: { e1, e2 }, epsilon, p }) => {
        const drops = [logSumSlope(epsilon, e1) - logSumSlope(epsilon, e2), powerSlope(p, e1) - powerSlope(p, e2)];
        // Each slope: a division, or a power (exp and log) and a product; values ≤ 1/ε and ≤ p·e₁^{p−1}.
        const tol = tolerance({ dtypes: ctx.dtypes, operations: 6, scale: Math.max(1 / epsilon, powerSlope(p, e1)) });
        return { value: Math.min(...drops), bound: tol, sense: 'atLeast' as const, note: `drops ${drops.map((x) => x.toExponential(3)).join(', ')}` };
      }),
    }),
  ],
});
