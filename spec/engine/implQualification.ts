// impl/ as the audit's float64 reference is qualified like every other reference: on values known in
// closed form, each derived by hand here (not by impl), held to the float64 tolerance of its few
// roundings. (impl is also held to tfjs and finite differences by the subject checks when it is the
// subject, and to its own unit and mutation tests.)
import {
  crossEntropy, crossEntropyFromLogits, entropy, klDivergence, logSumExp, sigmoid, sigmoidDerivative, softmax,
  softmaxJacobian, symmetricEigenvalues,
} from '../../impl/index.ts';
import { difference } from './close.ts';
import { elementary, tolerance } from './tolerance.ts';
import type { QualificationCase } from './references.ts';

interface Known { case: string; got: () => number | number[] | number[][]; want: number | number[] | number[][]; operations: number; scale: number }

const KNOWN: Known[] = [
  { case: 'softmax(0, 0, 0, 0) = (¼, ¼, ¼, ¼)', got: () => softmax([0, 0, 0, 0]), want: [0.25, 0.25, 0.25, 0.25], operations: elementary(4) + 5, scale: 1 },
  { case: 'softmax(ln 1, ln 2, ln 3) = (1, 2, 3)/6', got: () => softmax([0, Math.LN2, Math.log(3)]), want: [1 / 6, 2 / 6, 3 / 6], operations: elementary(4) + 4, scale: 1 },
  { case: 'σ(0) = ½, σ(ln 3) = ¾', got: () => [sigmoid(0), sigmoid(Math.log(3))], want: [0.5, 0.75], operations: elementary(2) + 2, scale: 1 },
  { case: "σ'(0) = ¼, σ'(ln 3) = 3/16", got: () => [sigmoidDerivative(0), sigmoidDerivative(Math.log(3))], want: [0.25, 3 / 16], operations: elementary(2) + 4, scale: 1 },
  { case: 'log-sum-exp(a, a) = a + ln 2 (a = 700: no overflow)', got: () => logSumExp([700, 700]), want: 700 + Math.LN2, operations: elementary(2) + 3, scale: 701 },
  { case: 'cross-entropy of a one-hot target against uniform over 3 = ln 3', got: () => crossEntropy([0, 1, 0], [1 / 3, 1 / 3, 1 / 3]), want: Math.log(3), operations: elementary(3) + 3, scale: 2 },
  { case: 'cross-entropy from logits (0, ln 2), class 1 = ln 3', got: () => crossEntropyFromLogits([1, 0], [0, Math.LN2]), want: Math.log(3), operations: elementary(3) + 3, scale: 2 },
  { case: 'entropy of uniform over 5 = ln 5', got: () => entropy([0.2, 0.2, 0.2, 0.2, 0.2]), want: Math.log(5), operations: elementary(5) + 5, scale: 2 },
  { case: 'KL((½, ½) ‖ (¼, ¾)) = ½ ln(4/3), KL(p ‖ p) = 0', got: () => [klDivergence([0.5, 0.5], [0.25, 0.75]), klDivergence([0.3, 0.7], [0.3, 0.7])], want: [0.5 * Math.log(4 / 3), 0], operations: elementary(2) + 4, scale: 1 },
  { case: 'diag(p) − ppᵀ at p = (½, ½) = [[¼, −¼], [−¼, ¼]]', got: () => softmaxJacobian([0.5, 0.5]), want: [[0.25, -0.25], [-0.25, 0.25]], operations: 2, scale: 1 },
  { case: 'eigenvalues of [[2, 1], [1, 2]] and of diag(3, 1, 2)', got: () => [...symmetricEigenvalues([[2, 1], [1, 2]]), ...symmetricEigenvalues([[3, 0, 0], [0, 1, 0], [0, 0, 2]])], want: [1, 3, 1, 2, 3], operations: 9 * 9, scale: 3 },
];

export function implClosedForms(): QualificationCase[] {
  return KNOWN.map((k) => {
    const tol = tolerance({ dtypes: ['float64', 'float64'], operations: k.operations, scale: k.scale });
    let error: number | null;
    let note: string | undefined;
    try { error = difference(k.got(), k.want).maxAbs; } catch (e) { error = null; note = e instanceof Error ? e.message : String(e); }
    return { case: k.case, error, tolerance: tol, passed: error !== null && error <= tol, ...(note ? { note } : {}) };
  });
}
