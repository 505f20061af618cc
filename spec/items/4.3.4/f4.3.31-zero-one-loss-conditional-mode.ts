import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { classProbabilities, monteCarloSeed } from '../../domains/index.ts';
import { bayesZeroOneDecision, zeroOneLoss } from '../../../impl/index.ts';
import { categorical, drawSample, meanOf } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_SAMPLES, caseSeed, mapSample, monteCarloTolerance, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';

/** 4.3.31 as printed: ŷ* = argmax_c P(y = c | x) (the first maximiser on ties). */
const printed = (p: number[]) => p.reduce((best, pc, c) => (pc > p[best]! ? c : best), 0);

const probabilities = classProbabilities();
const withSeed = fc.record({ p: probabilities, seed: monteCarloSeed() });
const MC_CASES = 200;

const labelsOf = (p: number[], seed: number) => drawSample(categorical(p), MONTE_CARLO_SAMPLES, caseSeed(seed));
/**
 * impl's zeroOneLoss(y, c) for every pair of the C labels: a pure function of two labels, so each draw's
 * loss is looked up rather than computed again for each of the 20 000 draws (the same values).
 */
const zeroOneTable = (classes: number) => Array.from({ length: classes }, (_, y) => Array.from({ length: classes }, (_, c) => zeroOneLoss(y, c)));

export default defineItem({
  id: '4.3.31', kind: 'formula', section: '4.3.4',
  quote: String.raw`\hat{y}^* = \arg\max_c P(y=c|x)\tag{4.3.31}`,
  printed: String.raw`\hat{y}^* = \arg\max_c P(y=c|x)`,
  statement: 'Under 0-1 loss the Bayes-optimal prediction is the conditional mode, the class of largest conditional probability.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'printed argmax attains the least expected 0-1 risk Σ_{y≠c} P(y) (impl bayesZeroOneDecision)', role: 'claim', reference: 'impl',
      arbitrary: probabilities, runs: 'default',
      evaluate: (cs, ctx) => cs.map((p) => ({
        // The two may pick different classes only on a tie up to the rounding of the C-term risk sums.
        value: Math.abs(p[printed(p)]! - p[bayesZeroOneDecision(p)]!),
        bound: tolerance({ dtypes: ctx.dtypes, operations: p.length, scale: 1 }),
      })),
    }),
    check({
      name: 'E[1{y ≠ c}] = 1 − P(c|x) for every c (Monte Carlo over y ∼ P(y|x))', role: 'claim', reference: ['monte-carlo', 'impl'],
      arbitrary: withSeed, runs: MC_CASES,
      evaluate: (cs) => {
        qualifiedMonteCarlo();
        return cs.map(({ p, seed }) => {
          const labels = labelsOf(p, seed), loss = zeroOneTable(p.length);
          let worst = { value: 0, bound: Infinity, note: '' };
          p.forEach((pc, c) => {
            const e = meanOf(mapSample(labels, (y) => loss[y]![c]!));
            const o = { value: Math.abs(e.estimate - (1 - pc)), bound: monteCarloTolerance(e, 1), note: `c = ${c}: ${e.estimate.toFixed(4)} ± ${e.standardError.toPrecision(2)} vs ${(1 - pc).toFixed(4)}` };
            if (o.value / o.bound > worst.value / worst.bound) worst = o;
          });
          return worst;
        });
      },
    }),
    check({
      name: 'no class has a lower Monte Carlo 0-1 risk than the printed argmax (paired, shortfall ≤ z·SE)', role: 'claim', reference: ['monte-carlo', 'impl'],
      arbitrary: withSeed, runs: MC_CASES,
      evaluate: (cs) => {
        qualifiedMonteCarlo();
        return cs.map(({ p, seed }) => {
          const labels = labelsOf(p, seed), mode = printed(p), loss = zeroOneTable(p.length);
          let worst = { value: 0, bound: Infinity, note: '', standardised: -Infinity };
          p.forEach((_, c) => {
            if (c === mode) return;
            const e = meanOf(mapSample(labels, (y) => loss[y]![c]! - loss[y]![mode]!));
            const bound = monteCarloTolerance(e, 1);
            if (-e.estimate / bound > worst.standardised) {
              worst = { value: Math.max(0, -e.estimate), bound, standardised: -e.estimate / bound,
                note: `risk(c = ${c}) − risk(mode = ${mode}) ≈ ${e.estimate.toFixed(4)} ± ${e.standardError.toPrecision(2)}` };
            }
          });
          return { value: worst.value, bound: worst.bound, note: worst.note };
        });
      },
    }),
  ],
});
