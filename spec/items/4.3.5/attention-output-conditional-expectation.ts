import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, elementary } from '../../engine/tolerance.ts';
import { attentionCase, monteCarloSeed, type AttentionCase } from '../../domains/index.ts';
import { categorical, drawSample } from '../../../oracles/monteCarlo.ts';
import { MONTE_CARLO_LABEL, MONTE_CARLO_SAMPLES, caseSeed, monteCarloTolerance, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';
import { outputsTolerance, scoreScale, tfjsAttention, tfjsForwardLabel } from '../../support/attention.ts';

/** Row i of Softmax(QKᵀ/√d_k) as printed (float64). */
const printedRow = (c: AttentionCase, i: number) => {
  const e = c.K.map((k) => Math.exp(c.Q[i]!.reduce((s, x, l) => s + x * k[l]!, 0) / Math.sqrt(c.dk)));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
};

/** The query alone, as a one-query attention problem with the same keys and values. */
const alone = (c: AttentionCase, i: number): AttentionCase => ({ ...c, n: 1, Q: [c.Q[i]!] });

const cases = attentionCase({ n: [2, 4] });
/** A prior π over the queries (weights 1 … 4, normalised: every query keeps ≥ 1/13 of the draws) and a Monte Carlo seed. */
const withPrior = cases.chain((c) => fc.record({ c: fc.constant(c), weights: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: c.n, maxLength: c.n }), seed: monteCarloSeed() }));

export default defineItem({
  id: 'attention-output-conditional-expectation', kind: 'claim', section: '4.3.5',
  quote: String.raw`这与随机变量$Y$在条件分布$P(Y|X)$下的期望$\mathbb{E}_{y \sim P(Y|X)}[Y]$具有相同的形式`,
  statement: 'The attention output has the form of a conditional expectation E[Y | X]: the weights A_i· are a distribution of the key index J '
    + 'conditional on the query (a function of q_i and the keys alone, whatever the other queries), and o_i = E[v_J | query i]; drawing '
    + '(I, J) from the joint π_i A_ij for any prior π over the queries and keeping the draws with I = i, the mean of v_J is o_i.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'row i of tfjs Attention(Q, K, V) ↔ tfjs Attention([q_i], K, V): the output for a query does not depend on the other queries', role: 'claim',
      oracle: tfjsForwardLabel, arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => {
        const full = tfjsAttention(cs, ctx);
        const single = tfjsAttention(cs.flatMap((c) => c.Q.map((_, i) => alone(c, i))), ctx);
        let next = 0;
        return cs.map((c, b) => {
          const rows = c.Q.map(() => single[next++]!.outputs[0]!);
          // Two float32 evaluations of the same row (batched differently): the float32 side of the outputs' allowance, twice.
          const vMax = Math.max(...c.V.flat().map(Math.abs), Number.MIN_VALUE);
          return agreement(full[b]!.outputs, rows, tolerance({ dtypes: ['float32', 'float32'], operations: c.dk + 2 * c.m + elementary(1) + 3, scale: vMax,
            condition: 1 + 4 * scoreScale(c) }));
        });
      },
    }),
    check({
      name: 'E[v_J | I = i] by drawing (I, J) from the joint π_i A_ij and keeping I = i (Monte Carlo) ↔ tfjs o_i, every row and column', role: 'claim',
      oracle: (ctx) => `${MONTE_CARLO_LABEL} vs tfjs-${ctx.tfjs.runtime.backend} attention`, arbitrary: withPrior, runs: 100,
      evaluate: (cs, ctx) => {
        qualifiedMonteCarlo();
        const ref = tfjsAttention(cs.map((x) => x.c), ctx);
        return cs.map(({ c, weights, seed }, b) => {
          const total = weights.reduce((s, w) => s + w, 0);
          const rows = c.Q.map((_, i) => printedRow(c, i));
          const joint = rows.flatMap((row, i) => row.map((a) => (weights[i]! / total) * a));
          // MONTE_CARLO_SAMPLES joint draws per query; each estimate's standard error is taken over the draws it keeps.
          const draws = drawSample(categorical(joint), MONTE_CARLO_SAMPLES * c.n, caseSeed(seed));
          let worst = { value: 0, bound: Infinity, note: '' };
          rows.forEach((row, i) => {
            const kept = Array.from(draws).filter((k) => Math.floor(k / c.m) === i).map((k) => k % c.m);
            c.V[0]!.forEach((_, col) => {
              const sampled = kept.reduce((s, j) => s + c.V[j]![col]!, 0) / kept.length;
              // The standard error from the conditional distribution itself (as in 4.3.36: a near one-hot row can leave rare v_j unseen).
              const mean = row.reduce((s, a, j) => s + a * c.V[j]![col]!, 0);
              const variance = row.reduce((s, a, j) => s + a * (c.V[j]![col]! - mean) ** 2, 0);
              const e = { estimate: sampled, standardError: Math.sqrt(variance / kept.length), samples: kept.length };
              const vMax = Math.max(...c.V.map((v) => Math.abs(v[col]!)));
              const o = { value: Math.abs(sampled - ref[b]!.outputs[i]![col]!), bound: monteCarloTolerance(e, vMax) + outputsTolerance(c),
                note: `o[${i}][${col}]: ${kept.length} draws with I = ${i}, sampled ${sampled.toFixed(5)} ± ${e.standardError.toPrecision(2)}, tfjs ${ref[b]!.outputs[i]![col]!.toFixed(5)}` };
              if (o.value / o.bound > worst.value / worst.bound) worst = o;
            });
          });
          return worst;
        });
      },
    }),
  ],
});
