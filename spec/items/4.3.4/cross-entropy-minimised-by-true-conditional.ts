import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { magnitude, notBelow } from '../../engine/close.ts';
import { classProbabilities, monteCarloSeed, simplexPoint } from '../../domains/index.ts';
import { bayesZeroOneDecision, expectedZeroOneRisk, klDivergence, softmax } from '../../../impl/index.ts';
import { categorical, drawSample, meanOf } from '../../../oracles/monteCarlo.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';
import { caseSeed, mapSample, MONTE_CARLO_SAMPLES, monteCarloTolerance, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';

const argmax = (v: number[]) => v.reduce((best, x, c) => (x > v[best]! ? c : best), 0);

// q is any interior point of the simplex with as many classes as p.
const pAndQ = fc.record({ p: classProbabilities(), seed: monteCarloSeed() })
  .chain(({ p, seed }) => simplexPoint(p.length).map((q) => ({ p, q, seed })));
const probabilities = classProbabilities();

export default defineItem({
  id: 'cross-entropy-minimised-by-true-conditional', kind: 'claim', section: '4.3.4',
  quote: '如果交叉熵损失达到最小，则条件众数预测也是最优的',
  statement: 'The expected cross-entropy E_{y∼P(y|x)}[−log q_y] is minimised exactly at q = P(·|x) (its excess over the minimum is KL(P‖q) ≥ 0), so the argmax of the cross-entropy minimiser is the conditional mode, the Bayes decision under 0-1 loss.',
  reading: 'In the Bayes-decision framework of 4.3.30 and 4.3.31: the minimum over all predicted distributions q(·|x), pointwise in x (the population minimiser). This is the property surrogate-loss theory calls classification calibration (Fisher consistency).',
  notes: 'Second reading: no check showed the "exactly at q = P" part, that every other q has a strictly larger expected cross-entropy. Settled: a claim check now shows the excess KL(P‖q) strictly positive for q ≠ P, quantitatively: KL(P‖q) ≥ ½‖P − q‖₁² (Pinsker). Scope: the property is the loss\'s, not a trained model\'s. Over a restricted model class that does not contain P(y|x) (a misspecified model), the cross-entropy minimiser need not predict the conditional mode, as the squared-loss minimiser need not be E[y|x] in 4.3.30; the sentence, like 4.3.30, is read in the unrestricted setting of the surrounding formulas.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'E_y[−log q_y] − E_y[−log p_y] = KL(p‖q) ≥ 0 (Monte Carlo over y ∼ p vs impl klDivergence)', role: 'claim', reference: ['monte-carlo', 'impl'],
      arbitrary: pAndQ, runs: 200,
      evaluate: (cs) => {
        qualifiedMonteCarlo();
        return cs.map(({ p, q, seed }) => {
          const labels = drawSample(categorical(p), MONTE_CARLO_SAMPLES, caseSeed(seed));
          // −log q_y + log p_y of each class once; each draw looks its class up (the same numbers, 20 000 logs fewer).
          const term = p.map((_, y) => -Math.log(q[y]!) + Math.log(p[y]!));
          const e = meanOf(mapSample(labels, (y) => term[y]!));
          const kl = klDivergence(p, q);
          const scale = Math.max(...q.map((x) => Math.abs(Math.log(x)))) + Math.max(...p.map((x) => Math.abs(Math.log(x))));
          return { value: Math.abs(e.estimate - kl), bound: monteCarloTolerance(e, scale), note: `excess ≈ ${e.estimate.toPrecision(4)} ± ${e.standardError.toPrecision(2)}, KL = ${kl.toPrecision(4)}` };
        });
      },
    }),
    check({
      name: 'exactly at q = P: the excess KL(p‖q) is strictly positive for q ≠ p, at least ½‖p − q‖₁² (Pinsker), beyond rounding', role: 'claim', reference: 'impl',
      arbitrary: pAndQ, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ p, q }) => {
        const kl = klDivergence(p, q), l1 = p.reduce((s, pc, c) => s + Math.abs(pc - q[c]!), 0);
        // C terms p_c log(p_c/q_c), each a division and a log, of size ≤ p_c |log(p_c/q_c)|.
        const scale = p.reduce((s, pc, c) => s + pc * Math.abs(Math.log(pc / q[c]!)), 0) + l1;
        return notBelow(kl, 0.5 * l1 * l1, tolerance({ dtypes: ctx.dtypes, operations: elementary(p.length) + 2 * p.length + 2, scale }),
          `KL = ${kl.toPrecision(4)}, ½‖p − q‖₁² = ${(0.5 * l1 * l1).toPrecision(4)}`);
      }),
    }),
    check({
      name: 'the gradient in the logits of the expected cross-entropy vanishes at softmax(z) = p, z = log p (tfjs autodiff)', role: 'claim', reference: 'tfjs-grad',
      arbitrary: probabilities, runs: 'default',
      evaluate: (cs, ctx) => {
        const z = cs.map((p) => p.map(Math.log));
        const grads = batchedByShape(cs.map((p, i) => ({ p, z: z[i]! })), ({ p }) => String(p.length), (group) =>
          ctx.tfjs.derivatives(group.map((g) => g.z), tfjsLosses.crossEntropyFromLogitsLoss(group.map((g) => g.p), group.map((g) => g.z))).gradients);
        // Entries softmax(z)_k − p_k of size ≤ 1: C exps, a C-term sum and a division; float32 rounding of z moves
        // softmax by ≲ u·max|z| relative.
        return cs.map((p, i) => ({ value: magnitude(grads[i]!), bound: tolerance({
          dtypes: ctx.dtypes, operations: elementary(p.length) + p.length + 2, scale: 1, condition: 1 + magnitude(z[i]!) }) }));
      },
    }),
    check({
      name: 'argmax of the minimiser softmax(log p) has the Bayes 0-1 risk min_c (1 − p_c)', role: 'claim', reference: 'impl',
      arbitrary: probabilities, runs: 'default',
      evaluate: (cs, ctx) => cs.map((p) => ({
        value: Math.abs(expectedZeroOneRisk(p, argmax(softmax(p.map(Math.log)))) - expectedZeroOneRisk(p, bayesZeroOneDecision(p))),
        // softmax(log p) reproduces p up to C logs, C exps and a normalisation; a near-tie may flip by that much.
        bound: tolerance({ dtypes: ctx.dtypes, operations: elementary(2 * p.length) + 2 * p.length, scale: 1 }),
      })),
    }),
  ],
});
