import fc from 'fast-check';
import { check, defineItem } from '../../engine/item.ts';
import { tfjsGrad } from '../../engine/labels.ts';
import { tfjsTwoClass, twoClassCeTolerance } from '../../support/twoClass.ts';

const TEXT_POINTS = [0.1, 0.9];
// "严重得多" (much more severe) is read as: at least an order of magnitude.
const MUCH_WORSE_FACTOR = 10;

export default defineItem({
  id: 'ce-rates-low-prediction-worse', kind: 'claim', section: '4.3.3',
  quote: '而交叉熵认为$\\hat{p}=0.1$比$\\hat{p}=0.9$严重得多',
  statement: 'Cross-entropy rates p̂ = 0.1 as much worse than p̂ = 0.9 (read as: at least 10 times the loss).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'L_CE(0.1)/L_CE(0.9) ≥ 10 (tfjs)', role: 'claim', oracle: tfjsGrad, arbitrary: fc.constant(TEXT_POINTS), runs: 1,
      evaluate: (cases, ctx) => cases.map((qs) => {
        const [c1, c9] = tfjsTwoClass(ctx, qs, 'ce').values as [number, number];
        // The ratio's own float32 error (relative errors of both values added) is subtracted before comparing.
        const ratio = c1 / c9, err = ratio * (twoClassCeTolerance(0.1) / c1 + twoClassCeTolerance(0.9) / c9);
        return { value: ratio - err, bound: MUCH_WORSE_FACTOR, sense: 'atLeast' as const, note: `L(0.1) = ${c1.toPrecision(4)}, L(0.9) = ${c9.toPrecision(4)}, ratio ${ratio.toPrecision(4)}` };
      }),
    }),
  ],
});
