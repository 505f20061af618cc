import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, notAbove } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { IMPL_F64, tfjsHessian } from '../../engine/labels.ts';
import { batchedByShape } from '../../engine/batch.ts';
import { confidentPrediction, type ConfidentCase } from '../../domains/confident.ts';
import { crossEntropyFromLogits, crossEntropyLogitHessian } from '../../../impl/index.ts';
import { tfjsLosses } from '../../../oracles/tfjs/index.ts';

/** Total curvature of the sample in its logits: tr(diag(p̂) − p̂p̂ᵀ) = 1 − ‖p̂‖². */
const curvature = (c: ConfidentCase) => crossEntropyLogitHessian(c.z).reduce((s, row, i) => s + row[i]!, 0);
const loss = (c: ConfidentCase) => crossEntropyFromLogits(c.p, c.z);

// Loss and trace in float64: log-sum-exp of C terms (values up to max|z| + log C) and a C-term trace of
// entries ≤ ¼; the logits' size enters through the exps' argument reduction (κ = 1 + 2 max|z|).
const float64Tolerance = (c: ConfidentCase) => tolerance({
  dtypes: ['float64', 'float64'], operations: 2 * c.z.length + elementary(c.z.length + 1),
  scale: 1 + Math.max(...c.z.map(Math.abs)) + Math.log(c.z.length), condition: 1 + 2 * Math.max(...c.z.map(Math.abs)),
});

// Confident predictions, p̂_lead > ½ (margin ≥ 6, see confidentPrediction), right or wrong.
const easy = confidentPrediction('lead', [6, 16]);
const hard = confidentPrediction('other', [6, 16]);

export default defineItem({
  id: 'ce-curvature-easy-hard-samples', kind: 'claim', section: '4.3.1',
  quote: '这反映了分类任务中"容易样本"和"困难样本"的区分',
  statement: 'The curvature of cross-entropy, which vanishes at a confident prediction, reflects the distinction between easy and hard samples: '
    + 'a sample of small curvature is an easy one, of small loss, −log p̂_y ≤ 2·tr(diag(p̂) − p̂p̂ᵀ).',
  reading: 'Easy and hard samples as classification practice uses the words: an easy sample has a small loss (its true class gets a high '
    + 'probability), a hard one a large loss. For the curvature to reflect the distinction, small curvature must mean an easy sample; the '
    + 'inequality −log p̂_y ≤ 2·tr(diag(p̂) − p̂p̂ᵀ) makes “small curvature ⇒ small loss” precise (it holds whenever the true class has p̂_y ≥ ½).',
  condition: 'The confidently predicted class is the true class (p̂_y ≥ ½). The curvature diag(p̂) − p̂p̂ᵀ does not depend on the label, so a '
    + 'confidently wrong sample, the hardest kind (loss −log p̂_y without bound), has the same vanishing curvature as a confidently right one.',
  errata: ['confident-read-as-correct'],
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'confident correct samples: −log p̂_y ≤ 2·tr(diag(p̂) − p̂p̂ᵀ) (violation, float64)', role: 'condition', oracle: IMPL_F64, arbitrary: easy, runs: 'default',
      evaluate: (cases) => cases.map((c) => notAbove(loss(c), 2 * curvature(c), float64Tolerance(c))),
    }),
    check({
      name: 'confident wrong samples: −log p̂_y ≤ 2·tr(diag(p̂) − p̂p̂ᵀ) (violation, float64)', role: 'outside-condition', oracle: IMPL_F64, arbitrary: hard, runs: 'default',
      evaluate: (cases) => cases.map((c) => notAbove(loss(c), 2 * curvature(c), float64Tolerance(c),
        `loss ${loss(c).toPrecision(4)}, curvature tr = ${curvature(c).toExponential(3)}`)),
    }),
    check({
      name: 'impl loss and logit Hessian ↔ tfjs value and Hessian, right and wrong confident predictions', role: 'support', oracle: tfjsHessian,
      arbitrary: fc.oneof(easy, hard), runs: 'default',
      evaluate: (cases, ctx) => {
        const ref = batchedByShape(cases, (c) => String(c.z.length), (group) => {
          const z = group.map((c) => c.z);
          const out = ctx.tfjs.derivatives(z, tfjsLosses.crossEntropyFromLogitsLoss(group.map((c) => c.p), z), { hessian: true });
          return group.map((_, b) => ({ value: out.values[b]!, hessian: out.hessians![b]! }));
        });
        // Loss values up to max|z| + log C and Hessian entries ≤ ¼, float32 against float64; float32 rounding of z moves
        // them by ≤ 2u·max|z| relative (κ = 1 + 2 max|z|); the backward passes mirror the forward one (2×).
        return cases.map((c, b) => agreement([loss(c), ...crossEntropyLogitHessian(c.z).flat()], [ref[b]!.value, ...ref[b]!.hessian.flat()],
          tolerance({ dtypes: ['float32', 'float64'], operations: 2 * (c.z.length + elementary(c.z.length + 2)),
            scale: 1 + Math.max(...c.z.map(Math.abs)) + Math.log(c.z.length), condition: 1 + 2 * Math.max(...c.z.map(Math.abs)) })));
      },
    }),
  ],
});
