import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { TAYLOR_RATE_TOLERANCE, elementary, tolerance } from '../../engine/tolerance.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';
import { attentionCase, between, logits, monteCarloSeed } from '../../domains/index.ts';
import { entropy, softmaxWithTemperature } from '../../../impl/index.ts';
import { drawSample, rng, varianceOf } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_SAMPLES, caseSeed, monteCarloTolerance, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';
import { scoreScale, tfjsAttention, weightsTolerance } from '../../support/attention.ts';

const rawScores = (q: number[], k: number[][]) => k.map((kj) => q.reduce((s, x, l) => s + x * kj[l]!, 0));
const temperaturePair = fc.record({ z: fc.integer({ min: 2, max: 8 }).chain((c) => logits(c)), t1: between(0.05, 20), t2: between(0.05, 20) });
// For the derivative: T ≥ 0.5 keeps z/T ≤ 16, so the entropy (≳ 10⁻⁶) stays far above rounding noise and the
// remainder ladder has informative rungs.
const temperature = fc.record({ z: fc.integer({ min: 2, max: 8 }).chain((c) => logits(c)), t: between(0.5, 20) });
const keyWidth = fc.record({ dk: fc.integer({ min: 1, max: 512 }), seed: monteCarloSeed() });
/**
 * Gaussian products drawn per case: a score at width d_k costs 2·d_k draws, so a fixed budget keeps
 * every case equally cheap; the sample shrinks with d_k but never below 2000 scores, whose standard
 * error (≈ √(2/2000) ≈ 0.03 for the variance) still separates 1 from the unscaled d_k ≥ 2 by far.
 */
const PRODUCTS_PER_CASE = 1 << 18;
const scoresFor = (dk: number) => Math.max(2000, Math.min(MONTE_CARLO_SAMPLES, Math.floor(PRODUCTS_PER_CASE / dk)));

export default defineItem({
  id: 'sqrt-dk-temperature', kind: 'claim', section: '4.3.5',
  quote: String.raw`缩放因子$\sqrt{d_k}$实际上就是一种温度调节`,
  statement: 'The scaling by √d_k is a softmax temperature adjustment: A_i = softmax(K q_i/T) with T = √d_k, a temperature that flattens the '
    + 'weights as it grows (their entropy does not decrease with T) and that grows with d_k just enough to keep the score variance at 1 for '
    + 'q, k with i.i.d. unit-variance entries, whatever d_k.',
  reading: '"温度调节" is read as a temperature that is adjusted (here to d_k), so the item checks both that √d_k acts as a temperature and '
    + 'what it is adjusted for: the unscaled score qᵀk has variance d_k, the scaled one 1, so the sharpness of the weights does not grow with the width.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs Softmax(QKᵀ/√d_k) row i ↔ impl softmax of the raw scores K q_i at temperature T = √d_k', role: 'claim', reference: ['tfjs-forward', 'impl'],
      arbitrary: attentionCase(), runs: 'default',
      evaluate: (cs, ctx) => tfjsAttention(cs, ctx).map(({ weights }, b) => {
        const c = cs[b]!;
        return agreement(c.Q.map((q) => softmaxWithTemperature(rawScores(q, c.K), Math.sqrt(c.dk))), weights, weightsTolerance(c, ctx.dtypes));
      }),
    }),
    check({
      name: 'entropy of softmax(z/T) is non-decreasing in T (shortfall H(T_lo) − H(T_hi) within rounding)', role: 'claim', reference: 'impl',
      arbitrary: temperaturePair, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ z, t1, t2 }) => {
        const [lo, hi] = t1 <= t2 ? [t1, t2] : [t2, t1];
        const hLo = entropy(softmaxWithTemperature(z, lo)), hHi = entropy(softmaxWithTemperature(z, hi));
        // Two entropies of C terms p log p (≤ log C in total), each after C exps at arguments up to max|z|/T.
        const zMax = Math.max(...z.map(Math.abs));
        return { value: Math.max(0, hLo - hHi), bound: tolerance({ dtypes: ctx.dtypes, operations: elementary(2 * z.length) + 2 * z.length + 2,
          scale: Math.log(z.length) + 1, condition: 1 + 2 * zMax / lo }), note: `H(${lo.toFixed(3)}) = ${hLo.toFixed(6)}, H(${hi.toFixed(3)}) = ${hHi.toFixed(6)}` };
      }),
    }),
    check({
      name: 'dH/dT = Var_{j∼softmax(z/T)}(z_j)/T³ ≥ 0 (Taylor remainder rate ≥ 2 along T)', role: 'claim', reference: ['taylor', 'impl'],
      arbitrary: temperature, runs: 'default',
      evaluate: (cs) => cs.map(({ z, t: t1 }) => {
        const h = (t: number[]) => entropy(softmaxWithTemperature(z, t[0]!));
        const p = softmaxWithTemperature(z, t1);
        const mean = p.reduce((s, pi, i) => s + pi * z[i]!, 0);
        const slope = p.reduce((s, pi, i) => s + pi * (z[i]! - mean) ** 2, 0) / t1 ** 3;
        // Step ladder from T/4 down: T − h stays positive.
        const rates = taylorRates(h, [t1], [1], slope, undefined, { h0: t1 / 4 });
        // A right slope leaves an O(h²) remainder — or O(h³) and faster where H'' vanishes (rates 3–4 are seen near
        // inflections) — while a wrong one leaves O(h): the test is one-sided, rate ≥ 2.
        return { value: rates.exact ? 0 : Math.max(0, 2 - rates.observedRate), bound: TAYLOR_RATE_TOLERANCE,
          note: `dH/dT = ${slope.toExponential(3)}, observed rate ${rates.observedRate.toFixed(3)}` };
      }),
    }),
    check({
      name: 'q, k ∼ N(0, I_{d_k}): Var(qᵀk/√d_k) = 1 for d_k ∈ [1, 512] (Monte Carlo)', role: 'claim', reference: 'monte-carlo',
      arbitrary: keyWidth, runs: 20,
      evaluate: (cs) => {
        qualifiedMonteCarlo();
        return cs.map(({ dk, seed }) => {
          const r = rng(caseSeed(seed, 2));
          const sample = drawSample(() => { let s = 0; for (let l = 0; l < dk; l++) s += r.gaussian() * r.gaussian(); return s / Math.sqrt(dk); }, scoresFor(dk), caseSeed(seed));
          const e = varianceOf(sample);
          return { value: Math.abs(e.estimate - 1), bound: monteCarloTolerance(e, 100), note: `d_k = ${dk}: ${e.estimate.toFixed(4)} ± ${e.standardError.toPrecision(2)}` };
        });
      },
    }),
  ],
});
