import { defineErratum } from '../engine/erratum.ts';
import { num, t } from '../engine/text.ts';
import { RATIOS, TWO_CLASS } from '../support/twoClassNumbers.ts';

export default defineErratum({
  id: 'mse-quadratic-read-as-linear',
  where: '§4.3.3, the two-class example: “变化是对称的（p̂从1到0.5的变化量等于0.5到0的变化量）” and “均方误差认为0.1的预测误差和0.9的预测误差在严重程度上是相近的”',
  printed: 'the two-class MSE 2(1 − p̂)² changes by equal amounts from p̂ = 1 to 0.5 and from 0.5 to 0, and rates the prediction errors 0.1 and 0.9 as similarly severe, unlike cross-entropy',
  right: t`the changes are ${num(TWO_CLASS.mseChangeFirst, 1)} and ${num(TWO_CLASS.mseChangeSecond, 2)}; MSE rates p̂ = 0.1 as ${num(RATIOS.mse, 2)} times worse than p̂ = 0.9, more lopsided than cross-entropy’s ${num(RATIOS.ce, 3)}. Both statements fit the Euclidean distance √L = √2(1 − p̂), which is linear in the error (equal changes of ${num(TWO_CLASS.distanceChangeFirst, 4)}; ratio ${num(RATIOS.distance, 1)}, below cross-entropy’s), not the loss, its square`,
  severity: 'error',
  cause: 'The MSE on the simplex is the square of the Euclidean distance (4.3.18 and the sentence after it), quadratic in the error 1 − p̂; the two statements describe a quantity linear in the error — the distance, not the loss.',
});
