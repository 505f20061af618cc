import { check, defineItem } from '../../engine/item.ts';
import { elementary, tolerance, type Dtype } from '../../engine/tolerance.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { logitsWithClasses, simplexWithClasses } from '../../domains/index.ts';
import { softmax } from '../../../impl/index.ts';
import { softmaxRows } from '../../../oracles/tfjs/information.ts';
import { inPrintedSimplex } from '../../support/simplex.ts';

/** max_i |softmax(log p)_i − p_i|: softmax(log p) = p exactly. */
const softmaxOfLogError = (f: (z: number[]) => number[], p: number[]) => { const q = f(p.map(Math.log)); return Math.max(...q.map((qi, i) => Math.abs(qi - p[i]!))); };
// Each entry carries a log, an exp of an argument of size ≤ |log p_i| (relative error u·|log p_i|, absolutely ≤ u·p_i|log p_i|
// ≤ u/e) and the C-term normalisation.
const softmaxOfLogTolerance = (C: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: C + elementary(2) + 1, scale: 1, condition: 2 });

/** How far p is from the printed set: the largest negative entry and |Σ p − 1|. */
const violation = (p: number[]) => Math.max(0, ...p.map((pi) => -pi), Math.abs(p.reduce((s, pi) => s + pi, 0) - 1));

export default defineItem({
  id: '4.3.17', kind: 'formula', section: '4.3.3', definition: true,
  quote: String.raw`\Delta^{C-1} = \left\{ p \in \mathbb{R}^C \mid p_i \geq 0, \sum_{i=1}^C p_i = 1 \right\}`,
  printed: String.raw`\Delta^{C-1} = \left\{ p \in \mathbb{R}^C \mid p_i \geq 0, \sum_{i=1}^C p_i = 1 \right\}`,
  statement: 'Defines the probability simplex, the output space of a classifier: vectors with non-negative entries summing to 1. '
    + 'Checked: every softmax output lies in it, and every interior point of it is a softmax output.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'softmax outputs (tfjs) satisfy the printed conditions', role: 'claim', reference: 'tfjs-forward',
      arbitrary: logitsWithClasses(2, 8, 20), runs: 'default',
      evaluate: (cases, ctx) => {
        const outputs = batchedByShape(cases, (c) => String(c.C), (group) => softmaxRows(ctx.tfjs.runtime.tf, group.map((c) => c.z)));
        // C exps, a C-term sum and a division per entry, in float32 (against the exact conditions: ctx.dtypes); the sum of C
        // rounded entries adds C more roundings.
        return cases.map((c, b) => {
          const slack = tolerance({ dtypes: ctx.dtypes, operations: 2 * c.C + elementary(1) + 1, scale: 1 });
          const p = outputs[b]!;
          return { value: violation(p), bound: slack, note: inPrintedSimplex(p, slack) ? 'in Δ' : `outside Δ: ${JSON.stringify(p)}` };
        });
      },
    }),
    check({
      name: 'every interior point p is the softmax of log p (impl, float64)', role: 'claim', reference: 'impl',
      arbitrary: simplexWithClasses(2, 8), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, p }) => ({ value: softmaxOfLogError(softmax, p), bound: softmaxOfLogTolerance(C, ctx.dtypes) })),
    }),
    check({
      name: 'subject softmax(log p) = p for every interior point p (closed form)', role: 'subject', subject: 'softmax', reference: 'closed-form',
      arbitrary: simplexWithClasses(2, 8), runs: 'default',
      evaluate: (cases, ctx) => cases.map(({ C, p }) => ({ value: softmaxOfLogError(ctx.subject.api.softmax!, p), bound: softmaxOfLogTolerance(C, ctx.dtypes) })),
    }),
  ],
});
