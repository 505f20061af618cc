import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { logits } from '../../domains/index.ts';
import { tfjsSoftmax } from '../../support/attention.ts';

/** 4.3.35 as printed: p̂_i = exp(z_i)/Σ_j exp(z_j). */
const printed = (z: number[]) => { const e = z.map(Math.exp); const s = e.reduce((a, b) => a + b, 0); return e.map((x) => x / s); };
/** Softmax in another closed form, p_i = 1/Σ_j exp(z_j − z_i): exps of differences ≤ 2·max|z| (no overflow for these logits). */
const reciprocalForm = (z: number[]) => z.map((zi) => 1 / z.reduce((s, zj) => s + Math.exp(zj - zi), 0));

const z = fc.integer({ min: 2, max: 8 }).chain((c) => logits(c));
const maxAbs = (v: number[]) => Math.max(...v.map(Math.abs));
// C exps, a C-term sum and a division; rounding the logits (to float32, or exp's argument in float64) moves
// each probability relatively by ≲ 2u·max|z|.
const tol = (v: number[], dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: elementary(v.length) + v.length + 1, scale: 1, condition: 1 + 2 * maxAbs(v) });

export default defineItem({
  id: '4.3.35', kind: 'formula', section: '4.3.5', definition: true,
  quote: String.raw`\hat{p}_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)} = \text{Softmax}(z)_i\tag{4.3.35}`,
  printed: String.raw`\hat{p}_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)} = \text{Softmax}(z)_i`,
  statement: 'Defines softmax, which maps logits to a probability distribution over the classes (entries positive, summing to 1).',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'printed ↔ tfjs tf.softmax', role: 'claim', reference: 'tfjs-forward', arbitrary: z, runs: 'default',
      evaluate: (cs, ctx) => { const ref = tfjsSoftmax(cs, ctx); return cs.map((v, b) => agreement(printed(v), ref[b]!, tol(v, ctx.dtypes))); },
    }),
    check({
      name: 'subject softmax(z) ↔ closed form 1/Σ_j exp(z_j − z_i)', role: 'subject', subject: 'softmax', reference: 'closed-form',
      arbitrary: z, runs: 'default',
      evaluate: (cs, ctx) => cs.map((v) => agreement(ctx.subject.api.softmax!(v), reciprocalForm(v), tol(v, ctx.dtypes))),
    }),
    check({
      name: 'printed lies on the simplex: min p̂_i > 0 and |Σ p̂_i − 1| within rounding', role: 'claim', reference: 'printed', arbitrary: z, runs: 'default',
      evaluate: (cs, ctx) => cs.map((v) => {
        const p = printed(v);
        const positive = Math.min(...p) > 0;
        return { value: positive ? Math.abs(p.reduce((a, b) => a + b, 0) - 1) : Infinity,
          bound: tolerance({ dtypes: ctx.dtypes, operations: 2 * v.length + 1, scale: 1 }), note: `min p̂ = ${Math.min(...p).toExponential(2)}` };
      }),
    }),
  ],
});
