import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { attentionCase, monteCarloSeed, type AttentionCase } from '../../domains/index.ts';
import { categorical, drawSample, meanOf } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_SAMPLES, caseSeed, monteCarloTolerance, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';
import { outputsTolerance, tfjsAttention } from '../../support/attention.ts';

/** The distribution A_{i·} of 4.3.36 as printed in the text: row i of Softmax(QKᵀ/√d_k). */
function printedWeights(c: AttentionCase): number[][] {
  return c.Q.map((q) => {
    const e = c.K.map((k) => Math.exp(q.reduce((s, x, l) => s + x * k[l]!, 0) / Math.sqrt(c.dk)));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / z);
  });
}

const cases = fc.record({ c: attentionCase({ n: [1, 3] }), seed: monteCarloSeed() });

export default defineItem({
  id: '4.3.36', kind: 'formula', section: '4.3.5',
  quote: String.raw`o_i = \mathbb{E}_{j \sim A_{i\cdot}}[v_j]\tag{4.3.36}`,
  printed: String.raw`o_i = \mathbb{E}_{j \sim A_{i\cdot}}[v_j]`,
  statement: 'The attention output for query i is the expectation of the value vectors v_j with the index j drawn from the attention distribution A_i·.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'E_{j∼A_i·}[v_j] by sampling j (Monte Carlo) ↔ tfjs attention output o_i, every row and column', role: 'claim',
      reference: ['monte-carlo', 'tfjs-forward'], arbitrary: cases, runs: 100,
      evaluate: (cs, ctx) => {
        qualifiedMonteCarlo();
        const ref = tfjsAttention(cs.map((x) => x.c), ctx);
        return cs.map(({ c, seed }, b) => {
          let worst = { value: 0, bound: Infinity, note: '' };
          printedWeights(c).forEach((ai, i) => {
            const j = drawSample(categorical(ai), MONTE_CARLO_SAMPLES, caseSeed(seed, i));
            c.V[0]!.forEach((_, col) => {
              const sampled = meanOf(j.map((idx) => c.V[idx]![col]!));
              // Near one-hot rows make some v_j rare: a sample can miss them and show a zero spread. The standard
              // error is therefore taken from the distribution sampled, √(Var_{A_i·}[v_j]/n), not from the sample.
              const mean = ai.reduce((s, a, jj) => s + a * c.V[jj]![col]!, 0);
              const variance = Math.max(0, ai.reduce((s, a, jj) => s + a * (c.V[jj]![col]! - mean) ** 2, 0));
              const e = { ...sampled, standardError: Math.sqrt(variance / sampled.samples) };
              const vMax = Math.max(...c.V.map((v) => Math.abs(v[col]!)));
              // Two parts: the estimate's z·SE and float64 sum (the Monte Carlo model), and the reference's rounding of o_i (ctx.dtypes).
              const o = { value: Math.abs(e.estimate - ref[b]!.outputs[i]![col]!), bound: monteCarloTolerance(e, vMax) + outputsTolerance(c, ctx.dtypes),
                note: `o[${i}][${col}]: sampled ${e.estimate.toFixed(5)} ± ${e.standardError.toPrecision(2)}, tfjs ${ref[b]!.outputs[i]![col]!.toFixed(5)}` };
              if (o.value / o.bound > worst.value / worst.bound) worst = o;
            });
          });
          return worst;
        });
      },
    }),
  ],
});
