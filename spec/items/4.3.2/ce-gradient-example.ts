import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { agreement, magnitude } from '../../engine/close.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { vector } from '../../domains/index.ts';
import { binaryCrossEntropyOfLogit } from '../../../oracles/tfjs/sigmoidUnit.ts';
import { sigmoidTolerance, tfjsScalar } from '../../support/sigmoidUnit.ts';
import { given, t } from '../../engine/text.ts';

// The book's example (y = 1, ŷ = 0.99, i.e. wᵀx = log 99) for inputs x ∈ [−2, 2]^d, d ∈ [1, 5]. The
// text states equalities here ("误差为 0.01，梯度仍为 0.01·x"), not approximations, and the inputs are
// exact, so the rounding model (not a stated precision) is the tolerance.
const Z = Math.log(99);
const example = fc.integer({ min: 1, max: 5 }).chain((d) => vector(d, 2)).map((x) => ({ x, y: 1, yHat: 0.99 }));

/** ∂L/∂w = (∂L/∂z) x: the logit derivative from tfjs, times x. */
function tfjsGradients(cases: { x: number[]; y: number }[], ctx: Parameters<typeof tfjsScalar>[0]): number[][] {
  const { derivatives } = tfjsScalar(ctx, cases.map(() => Z), binaryCrossEntropyOfLogit(cases.map((c) => c.y), cases.map(() => Z)));
  return cases.map((c, b) => c.x.map((xi) => derivatives[b]! * xi));
}

export default defineItem({
  id: 'ce-gradient-example', kind: 'claim', section: '4.3.2',
  quote: String.raw`误差为 0.01，梯度仍为$0.01 \cdot x$`,
  printed: String.raw`0.01 \cdot x`,
  statement: t`With ŷ = ${given(0.99)} and y = 1 the error is 0.01 and the cross-entropy gradient still has the size 0.01·x: the error times x, with no σ' factor to shrink it.`,
  reading: 'The sentence compares sizes (the next one sets this gradient against the MSE\'s), and the error it names is y − ŷ = 0.01: "梯度仍为0.01·x" is read as the size of the gradient, |∂L/∂w| = 0.01·|x| entrywise. By 4.3.16, printed just above, the gradient itself is (ŷ − y)x = −0.01·x; read literally, the printed +0.01·x has the wrong sign (the literal check).',
  errata: ['ce-gradient-sign-dropped'],
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'error y − ŷ = 0.01', role: 'claim', reference: 'printed', arbitrary: fc.constant({ y: 1, yHat: 0.99 }), runs: 1,
      // One float64 subtraction of numbers ≤ 1 (0.99 is not exact in binary).
      evaluate: (cases, ctx) => cases.map((c) => agreement(c.y - c.yHat, 0.01, tolerance({ dtypes: ctx.dtypes, operations: 2, scale: 1 }))),
    }),
    check({
      name: 'size: |tfjs gradient| ↔ 0.01·|x| entrywise at ŷ = 0.99, y = 1', role: 'claim', reference: 'tfjs-grad', arbitrary: example, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsGradients(cases, ctx);
        return cases.map((c, b) => agreement(c.x.map((xi) => 0.01 * Math.abs(xi)), reference[b]!.map(Math.abs), sigmoidTolerance(Z, 0.01 * magnitude(c.x), 1, ctx.dtypes)));
      },
    }),
    check({
      name: 'literal: the printed +0.01·x ↔ tfjs gradient at ŷ = 0.99, y = 1', role: 'literal', reference: 'tfjs-grad', arbitrary: example, runs: 'default',
      evaluate: (cases, ctx) => {
        const reference = tfjsGradients(cases, ctx);
        return cases.map((c, b) => agreement(c.x.map((xi) => 0.01 * xi), reference[b]!, sigmoidTolerance(Z, 0.01 * magnitude(c.x), 1, ctx.dtypes)));
      },
    }),
  ],
});
