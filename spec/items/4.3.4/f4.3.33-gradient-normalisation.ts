import { check, defineItem } from '../../engine/item.ts';
import { agreement, differenceOf } from '../../engine/close.ts';
import { tolerance, type Dtype } from '../../engine/tolerance.ts';
import { weightedTaskGradients, weightedTaskGradientsWithZero } from '../../domains/index.ts';
import { LosscheckInputError, normalizedGradientCombination } from '../../../impl/index.ts';

/** 4.3.33 as printed: ĝ_k = g_k/‖g_k‖, g_total = Σ_k w_k ĝ_k. */
const printedUnit = (g: number[]) => { const norm = Math.sqrt(g.reduce((s, x) => s + x * x, 0)); return g.map((x) => x / norm); };
const printedTotal = (gs: number[][], w: number[]) => gs[0]!.map((_, i) => gs.reduce((s, g, k) => s + w[k]! * printedUnit(g)[i]!, 0));
const normOf = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

// A d-term squared norm, a square root and a division per entry, then a K-term weighted sum of unit vectors:
// terms of size ≤ w_k (unit vectors), so S = Σ w_k.
const combinationTolerance = (g: number[][], w: number[], dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: g[0]!.length + g.length + 3, scale: w.reduce((a, b) => a + b, 0) });
const unitTolerance = (d: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: 2 * d + 3, scale: 1 });

export default defineItem({
  id: '4.3.33', kind: 'formula', section: '4.3.4', definition: true,
  quote: String.raw`\hat{g}_k = \frac{g_k}{\|g_k\|}, \quad g_{total} = \sum_k w_k \hat{g}_k\tag{4.3.33}`,
  printed: String.raw`\hat{g}_k = \frac{g_k}{\|g_k\|}, \quad g_{total} = \sum_k w_k \hat{g}_k`,
  statement: 'Defines gradient normalisation: each task gradient g_k ≠ 0 is rescaled to unit norm and the unit vectors are combined with the task weights.',
  notes: 'Second reading: the condition g_k ≠ 0 is the domain of the division g_k/‖g_k‖, not a condition the book omits, so the formula is a definition, not a conditional statement. Settled: definition, checked on its domain (‖ĝ_k‖ = 1, and the combination as printed agrees with the audit\'s reference); off the domain the reference refuses a zero gradient with a typed error (kept as a support check), where the printed ĝ_k would be 0/0.',
  expectedVerdict: 'definition',
  checks: [
    check({
      name: 'g_k ≠ 0: ‖ĝ_k‖ = 1 for every task (printed)', role: 'claim', reference: 'printed', arbitrary: weightedTaskGradients(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ g }) => {
        const worst = Math.max(...g.map((gk) => differenceOf(normOf(printedUnit(gk)), 1)));
        return { value: worst, bound: unitTolerance(g[0]!.length, ctx.dtypes) };
      }),
    }),
    check({
      name: 'g_k ≠ 0: printed g_total ↔ impl normalizedGradientCombination', role: 'claim', reference: 'impl', arbitrary: weightedTaskGradients(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ g, w }) => agreement(printedTotal(g, w), normalizedGradientCombination(g, w), combinationTolerance(g, w, ctx.dtypes))),
    }),
    check({
      name: 'off the domain, some g_k = 0: impl refuses with LosscheckInputError instead of returning NaN', role: 'support', reference: 'impl',
      arbitrary: weightedTaskGradientsWithZero(), runs: 'default',
      evaluate: (cs) => cs.map(({ g, w, zero }) => {
        try {
          normalizedGradientCombination(g, w);
          return { value: 1, bound: 0, note: 'returned a value' };
        } catch (e) {
          const typed = e instanceof LosscheckInputError && e.message.includes('zero vector');
          return { value: typed ? 0 : 1, bound: 0, note: `task ${zero}: ${e instanceof Error ? e.message : String(e)}` };
        }
      }),
    }),
  ],
});
