import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { tolerance, elementary } from '../../engine/tolerance.ts';
import { attentionCase, type AttentionCase } from '../../domains/index.ts';
import { scoreCondition, tfjsAttention } from '../../support/attention.ts';

/** The query alone, as a one-query attention problem with the same keys and values. */
const alone = (c: AttentionCase, i: number): AttentionCase => ({ ...c, n: 1, Q: [c.Q[i]!] });

const cases = attentionCase({ n: [2, 4] });

export default defineItem({
  id: 'attention-output-conditional-expectation', kind: 'claim', section: '4.3.5',
  quote: String.raw`这与随机变量$Y$在条件分布$P(Y|X)$下的期望$\mathbb{E}_{y \sim P(Y|X)}[Y]$具有相同的形式`,
  statement: 'The attention output has the form of a conditional expectation E[Y | X]: the weights A_i· are a distribution of the key index J '
    + 'conditional on the query (a function of q_i and the keys alone, whatever the other queries), and o_i is the expectation of v_J under it '
    + '(4.3.36), i.e. E[v_J | query i].',
  notes: 'Second reading: the check that drew (I, J) from a joint π_i A_ij and kept the draws with I = i was redundant with 4.3.36, since '
    + 'conditioning π_i A_ij on I = i returns A_i· by construction. Settled: dropped; it sampled the same distribution as 4.3.36\'s check, '
    + 'so it showed nothing more. The expectation o_i = E_{J∼A_i·}[v_J] is 4.3.36\'s check; this item checks what 4.3.36 does not: that A_i· '
    + 'is conditional on the query alone.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'row i of tfjs Attention(Q, K, V) ↔ tfjs Attention([q_i], K, V): the output for a query does not depend on the other queries', role: 'claim',
      reference: 'tfjs-forward', arbitrary: cases, runs: 'default',
      evaluate: (cs, ctx) => {
        const full = tfjsAttention(cs, ctx);
        const single = tfjsAttention(cs.flatMap((c) => c.Q.map((_, i) => alone(c, i))), ctx);
        let next = 0;
        return cs.map((c, b) => {
          const rows = c.Q.map(() => single[next++]!.outputs[0]!);
          // Two evaluations of the same row by the one reference (batched differently): its dtype on both sides, not float64 on one.
          const vMax = Math.max(...c.V.flat().map(Math.abs), Number.MIN_VALUE);
          return agreement(full[b]!.outputs, rows, tolerance({ dtypes: [ctx.dtypes[1], ctx.dtypes[1]], operations: 2 * c.m + elementary(1) + 3, scale: vMax,
            condition: 1 + scoreCondition(c) }));
        });
      },
    }),
  ],
});
