// Bad input to every public impl/ function: wrong shapes, NaN/±Infinity, empty arrays, non-distributions
// where a distribution is required, and values outside a function's domain. Each call must throw a
// LosscheckInputError (a LosscheckShapeError for shape mismatches) that names the public function that
// was called and the argument that was wrong (err.fn, err.argument, and the message "fn: argument 'x' …"),
// never return a silent NaN. The table BAD_INPUT is keyed by export name; the meta-test at the end fails
// when impl/index.ts exports a function that has no entry here.
import { describe, expect, it } from 'vitest';
import * as impl from '../../impl/index.ts';
import { LosscheckInputError, LosscheckShapeError } from '../../impl/index.ts';

type Category = 'shape' | 'nan' | 'infinity' | 'empty' | 'distribution' | 'domain' | 'type';

interface BadCall {
  category: Category;
  /** What is wrong, for the test name. */
  what: string;
  /** The argument the error must name. */
  argument: string;
  call: () => unknown;
  /** A fragment of the message that says what was wrong. */
  problem: RegExp;
}

// `as never` hands deliberately ill-typed values to the typed API (the point of these tests).
const bad = (x: unknown) => x as never;

/** NaN, ±Infinity, a non-number and (for entries of arrays) the index that holds it. */
function numberCases(argument: string, call: (x: number) => unknown): BadCall[] {
  return [
    { category: 'nan', what: `${argument} = NaN`, argument, call: () => call(NaN), problem: /finite|NaN|integer|must be/ },
    { category: 'infinity', what: `${argument} = Infinity`, argument, call: () => call(Infinity), problem: /finite|Infinity|integer|must be/ },
    { category: 'infinity', what: `${argument} = −Infinity`, argument, call: () => call(-Infinity), problem: /finite|Infinity|integer|must be/ },
    { category: 'type', what: `${argument} is a string`, argument, call: () => call(bad('1')), problem: /number|integer|must be/ },
  ];
}

/** Empty, not an array, NaN and Infinity at an index; `valid` is a valid value of the argument. */
function vectorCases(argument: string, valid: readonly number[], call: (v: number[]) => unknown): BadCall[] {
  const at = (i: number, x: number) => valid.map((v, j) => (j === i ? x : v));
  const last = valid.length - 1;
  return [
    { category: 'empty', what: `${argument} = []`, argument, call: () => call([]), problem: /must not be empty|at least one|non-empty/ },
    { category: 'type', what: `${argument} is not an array`, argument, call: () => call(bad(3)), problem: /array/ },
    { category: 'nan', what: `${argument} holds NaN`, argument, call: () => call(at(last, NaN)), problem: new RegExp(`NaN at index ${last}`) },
    { category: 'infinity', what: `${argument} holds Infinity`, argument, call: () => call(at(0, Infinity)), problem: /Infinity at index 0/ },
  ];
}

/** Empty, a ragged row, NaN and −Infinity in a row; `valid` has at least two rows. */
function matrixCases(argument: string, valid: readonly (readonly number[])[], call: (m: number[][]) => unknown): BadCall[] {
  const copy = () => valid.map((r) => [...r]);
  const withEntry = (x: number) => { const m = copy(); m[1]![0] = x; return m; };
  const ragged = () => { const m = copy(); m[1] = [...m[1]!, 0]; return m; };
  return [
    { category: 'empty', what: `${argument} = []`, argument, call: () => call([]), problem: /must not be empty/ },
    { category: 'shape', what: `${argument} has a ragged row`, argument, call: () => call(ragged()), problem: /row 1 has length/ },
    { category: 'nan', what: `${argument} holds NaN`, argument: `${argument}[1]`, call: () => call(withEntry(NaN)), problem: /NaN at index 0/ },
    { category: 'infinity', what: `${argument} holds −Infinity`, argument: `${argument}[1]`, call: () => call(withEntry(-Infinity)), problem: /-Infinity at index 0/ },
  ];
}

/** Vector cases plus a negative entry and entries that do not sum to 1. */
function distributionCases(argument: string, valid: readonly number[], call: (p: number[]) => unknown): BadCall[] {
  const n = valid.length;
  return [
    ...vectorCases(argument, valid, call),
    { category: 'distribution', what: `${argument} sums to 1.5`, argument, call: () => call(valid.map((x) => 1.5 * x)), problem: /not a distribution: entries sum to/ },
    { category: 'distribution', what: `${argument} has a negative entry`, argument,
      call: () => call([-0.25, 1.25, ...Array.from({ length: n - 2 }, () => 0)]), problem: /not a distribution: entry 0 is -0.25/ },
  ];
}

function shapeCase(argument: string, what: string, call: () => unknown, problem: RegExp = /length|rows|columns|multiply|square|d_k/): BadCall {
  return { category: 'shape', what, argument, call, problem };
}
function domainCase(argument: string, what: string, call: () => unknown, problem: RegExp): BadCall {
  return { category: 'domain', what, argument, call, problem };
}

// Valid operands the cases perturb.
const v3 = [0.1, -0.2, 0.3];
const p3 = [0.2, 0.3, 0.5];
const X = [[1, 2], [3, 4], [5, 6]]; // N = 3, d = 2
const w2 = [0.5, -0.5];
const y3 = [1, 0, 1];
const W = [[1, 0, -1], [0, 1, 0]]; // d = 2, C = 3
const P = [[1, 0, 0], [0, 1, 0], [0.2, 0.3, 0.5]]; // N = 3 targets over C = 3
const spd = [[2, 0.5], [0.5, 1]];
const Q = [[1, 0], [0, 1]]; // n = 2 queries, d_k = 2
const K = [[1, 1], [0, 1], [1, 0]]; // m = 3 keys
const V = [[1], [2], [3]]; // d_v = 1
const adam = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
const grads = [[1, 0], [0, 1]];

const BAD_INPUT: Record<string, BadCall[]> = {
  // errors.ts: the validators themselves
  assertFiniteNumber: numberCases('x', (x) => impl.assertFiniteNumber('assertFiniteNumber', 'x', x)),
  assertVector: [
    ...vectorCases('v', v3, (v) => impl.assertVector('assertVector', 'v', v)),
    shapeCase('v', 'v has the wrong length', () => impl.assertVector('assertVector', 'v', v3, 2)),
  ],
  assertMatrix: [
    ...matrixCases('m', X, (m) => impl.assertMatrix('assertMatrix', 'm', m)),
    shapeCase('m', 'm has the wrong number of rows', () => impl.assertMatrix('assertMatrix', 'm', X, 2)),
    shapeCase('m', 'm has the wrong number of columns', () => impl.assertMatrix('assertMatrix', 'm', X, 3, 3), /row 0 has length 2, expected 3/),
    { category: 'type', what: 'a row is not an array', argument: 'm', call: () => impl.assertMatrix('assertMatrix', 'm', bad([[1], 2])), problem: /row 1 is not an array/ },
    { category: 'type', what: 'the first row is null', argument: 'm', call: () => impl.assertMatrix('assertMatrix', 'm', bad([null, [1]])), problem: /row 0 is not an array/ },
    { category: 'type', what: 'm is not an array', argument: 'm', call: () => impl.assertMatrix('assertMatrix', 'm', bad(7)), problem: /must be an array of rows/ },
  ],
  assertSquare: [shapeCase('m', 'm is 3×2', () => impl.assertSquare('assertSquare', 'm', X), /must be square, got 3×2/)],
  assertDistribution: [
    ...distributionCases('p', p3, (p) => impl.assertDistribution('assertDistribution', 'p', p)),
    domainCase('slack', 'slack = NaN', () => impl.assertDistribution('assertDistribution', 'p', p3, NaN), /must lie in \[0, 1\)/),
    domainCase('slack', 'slack = 1', () => impl.assertDistribution('assertDistribution', 'p', p3, 1), /must lie in \[0, 1\), got 1/),
    domainCase('slack', 'slack = −0.1', () => impl.assertDistribution('assertDistribution', 'p', p3, -0.1), /must lie in \[0, 1\), got -0.1/),
    // The default slack is 4n unit roundoffs: for n = 2, a sum off by 2⁻⁵⁰ passes (below) and 2⁻⁴⁹ does not.
    { category: 'distribution', what: 'a sum 2⁻⁴⁹ above 1 (default slack 2⁻⁵⁰ for n = 2)', argument: 'p',
      call: () => impl.assertDistribution('assertDistribution', 'p', [0.5, 0.5 + 2 ** -49]), problem: /entries sum to 1.0000000000000018, not 1/ },
    { category: 'distribution', what: 'an entry above 1', argument: 'p', call: () => impl.assertDistribution('assertDistribution', 'p', [1.5, -0.5]), problem: /entry 0 is 1.5/ },
    { category: 'distribution', what: 'a sum 0.01 below 1 with an explicit slack of 10⁻³', argument: 'p',
      call: () => impl.assertDistribution('assertDistribution', 'p', [0.49, 0.5], 1e-3), problem: /entries sum to 0.99/ },
  ],
  assertSameLength: [shapeCase('b', 'b is shorter than a', () => impl.assertSameLength('assertSameLength', 'a', v3, 'b', [1]), /same length as 'a' \(3\), got 1/)],

  // linalg.ts
  dot: [...vectorCases('a', v3, (a) => impl.dot(a, v3)), ...vectorCases('b', v3, (b) => impl.dot(v3, b)), shapeCase('b', 'b is shorter', () => impl.dot(v3, [1, 2]))],
  outer: [...vectorCases('a', v3, (a) => impl.outer(a, v3)), ...vectorCases('b', v3, (b) => impl.outer(v3, b))],
  transpose: matrixCases('m', X, (m) => impl.transpose(m)),
  matMul: [...matrixCases('a', X, (a) => impl.matMul(a, W)), ...matrixCases('b', W, (b) => impl.matMul(X, b)),
    shapeCase('b', '3×2 times 3×2', () => impl.matMul(X, X), /cannot multiply a 3×2 matrix by a 3×2 matrix/)],
  matVec: [...matrixCases('a', X, (a) => impl.matVec(a, w2)), ...vectorCases('v', w2, (v) => impl.matVec(X, v)),
    shapeCase('v', '3×2 times a 3-vector', () => impl.matVec(X, v3), /cannot multiply a 3×2 matrix by a vector of length 3/)],
  diag: vectorCases('v', v3, (v) => impl.diag(v)),
  identity: [...numberCases('n', (n) => impl.identity(n)), domainCase('n', 'n = 0', () => impl.identity(0), /positive integer/),
    domainCase('n', 'n = 2.5', () => impl.identity(2.5), /positive integer/)],
  addMatrices: [...matrixCases('a', X, (a) => impl.addMatrices(a, X)), ...matrixCases('b', X, (b) => impl.addMatrices(X, b)),
    shapeCase('b', '3×2 plus 2×3', () => impl.addMatrices(X, W))],
  scaleMatrix: [...matrixCases('a', X, (a) => impl.scaleMatrix(a, 2)), ...numberCases('s', (s) => impl.scaleMatrix(X, s))],
  kron: [...matrixCases('a', X, (a) => impl.kron(a, W)), ...matrixCases('b', W, (b) => impl.kron(X, b))],
  gram: matrixCases('x', X, (x) => impl.gram(x)),
  solveSpd: [...matrixCases('a', [...spd, [0, 0]].slice(0, 2), (a) => impl.solveSpd(a, [1, 1])),
    ...vectorCases('b', [1, 1], (b) => impl.solveSpd(spd, b)),
    shapeCase('a', 'a is 3×2', () => impl.solveSpd(X, [1, 1, 1]), /must be square/),
    shapeCase('b', 'b has the wrong length', () => impl.solveSpd(spd, [1, 1, 1])),
    domainCase('a', 'a is indefinite', () => impl.solveSpd([[1, 2], [2, 1]], [1, 1]), /not positive definite \(pivot 1/),
    { category: 'type', what: 'a is undefined', argument: 'a', call: () => impl.solveSpd(bad(undefined), [1]), problem: /array of rows/ }],

  // eigen.ts
  symmetricEigen: [...matrixCases('a', spd, (a) => impl.symmetricEigen(a)),
    shapeCase('a', 'a is 3×2', () => impl.symmetricEigen(X), /must be square, got 3×2/),
    domainCase('a', 'a is not symmetric', () => impl.symmetricEigen([[1, 2], [0, 1]]), /not symmetric: a\[1\]\[0\] = 0 but a\[0\]\[1\] = 2/),
    { category: 'type', what: 'a is null', argument: 'a', call: () => impl.symmetricEigen(bad(null)), problem: /array of rows/ }],
  symmetricEigenvalues: [...matrixCases('a', spd, (a) => impl.symmetricEigenvalues(a)),
    shapeCase('a', 'a is 3×2', () => impl.symmetricEigenvalues(X), /must be square/),
    domainCase('a', 'a is not symmetric', () => impl.symmetricEigenvalues([[1, 2], [0, 1]]), /not symmetric/)],

  // activations.ts
  sigmoid: numberCases('z', (z) => impl.sigmoid(z)),
  sigmoidDerivative: numberCases('z', (z) => impl.sigmoidDerivative(z)),
  softplus: numberCases('z', (z) => impl.softplus(z)),
  logSigmoid: numberCases('z', (z) => impl.logSigmoid(z)),
  logSumExp: vectorCases('z', v3, (z) => impl.logSumExp(z)),
  logSumExpGaps: vectorCases('z', v3, (z) => impl.logSumExpGaps(z)),
  softmax: vectorCases('z', v3, (z) => impl.softmax(z)),
  logSoftmax: vectorCases('z', v3, (z) => impl.logSoftmax(z)),

  // losses.ts
  mseFactor: [domainCase('convention', 'an unknown convention', () => impl.mseFactor(bad('mean')), /must be 'half' or 'unhalved', got mean/)],
  squaredError: [...numberCases('y', (y) => impl.squaredError(y, 0, 'half')), ...numberCases('yHat', (yh) => impl.squaredError(0, yh, 'half')),
    domainCase('convention', 'an unknown convention', () => impl.squaredError(0, 1, bad('sum')), /'half' or 'unhalved'/)],
  squaredErrorGradient: [...numberCases('y', (y) => impl.squaredErrorGradient(y, 0, 'half')), ...numberCases('yHat', (yh) => impl.squaredErrorGradient(0, yh, 'half')),
    domainCase('convention', 'an unknown convention', () => impl.squaredErrorGradient(0, 1, bad(undefined)), /'half' or 'unhalved'/)],
  meanSquaredError: [...vectorCases('y', v3, (y) => impl.meanSquaredError(y, v3, 'half')), ...vectorCases('yHat', v3, (yh) => impl.meanSquaredError(v3, yh, 'half')),
    shapeCase('yHat', 'yHat is shorter', () => impl.meanSquaredError(v3, [1], 'half'), /same length as 'y' \(3\), got 1/),
    domainCase('convention', 'an unknown convention', () => impl.meanSquaredError(v3, v3, bad('l2')), /'half' or 'unhalved'/)],
  squaredDistance: [...vectorCases('p', v3, (p) => impl.squaredDistance(p, v3)), ...vectorCases('q', v3, (q) => impl.squaredDistance(v3, q)),
    shapeCase('q', 'q is shorter', () => impl.squaredDistance(v3, [1]))],
  binaryCrossEntropyFromLogit: [...numberCases('y', (y) => impl.binaryCrossEntropyFromLogit(y, 0)), ...numberCases('z', (z) => impl.binaryCrossEntropyFromLogit(1, z)),
    domainCase('y', 'y = 2', () => impl.binaryCrossEntropyFromLogit(2, 0), /must lie in \[0, 1\], got 2/)],
  binaryCrossEntropy: [...numberCases('y', (y) => impl.binaryCrossEntropy(y, 0.5)), ...numberCases('yHat', (yh) => impl.binaryCrossEntropy(1, yh)),
    domainCase('y', 'y = −0.5', () => impl.binaryCrossEntropy(-0.5, 0.5), /must lie in \[0, 1\], got -0.5/),
    domainCase('yHat', 'yHat = 1.5', () => impl.binaryCrossEntropy(1, 1.5), /must lie in \[0, 1\], got 1.5/)],
  crossEntropy: [...distributionCases('p', p3, (p) => impl.crossEntropy(p, p3)), ...distributionCases('q', p3, (q) => impl.crossEntropy(p3, q)),
    shapeCase('q', 'q has 2 classes', () => impl.crossEntropy(p3, [0.5, 0.5]), /same length as 'p'/)],
  crossEntropyFromLogits: [...distributionCases('p', p3, (p) => impl.crossEntropyFromLogits(p, v3)), ...vectorCases('z', v3, (z) => impl.crossEntropyFromLogits(p3, z)),
    shapeCase('z', 'z has 2 logits', () => impl.crossEntropyFromLogits(p3, [0, 1]), /must have length 3, got 2/)],
  entropy: distributionCases('p', p3, (p) => impl.entropy(p)),
  klDivergence: [...distributionCases('p', p3, (p) => impl.klDivergence(p, p3)), ...distributionCases('q', p3, (q) => impl.klDivergence(p3, q)),
    shapeCase('q', 'q has 2 classes', () => impl.klDivergence(p3, [0.5, 0.5]), /same length as 'p'/)],

  // models.ts
  linearPredictions: [...matrixCases('x', X, (x) => impl.linearPredictions(x, w2, 0)), ...vectorCases('w', w2, (w) => impl.linearPredictions(X, w, 0)),
    ...numberCases('b', (b) => impl.linearPredictions(X, w2, b)), shapeCase('w', 'w has 3 weights for 2 features', () => impl.linearPredictions(X, v3, 0), /must have length 2, got 3/)],
  mseLinearGradient: [...matrixCases('x', X, (x) => impl.mseLinearGradient(x, y3, w2, 0, 'half')), ...vectorCases('y', y3, (y) => impl.mseLinearGradient(X, y, w2, 0, 'half')),
    ...vectorCases('w', w2, (w) => impl.mseLinearGradient(X, y3, w, 0, 'half')), ...numberCases('b', (b) => impl.mseLinearGradient(X, y3, w2, b, 'half')),
    shapeCase('y', 'y has 2 targets for 3 rows', () => impl.mseLinearGradient(X, [1, 2], w2, 0, 'half'), /must have length 3, got 2/),
    domainCase('convention', 'an unknown convention', () => impl.mseLinearGradient(X, y3, w2, 0, bad('x')), /'half' or 'unhalved'/)],
  mseLinearHessian: [...matrixCases('x', X, (x) => impl.mseLinearHessian(x, 'half')),
    domainCase('convention', 'an unknown convention', () => impl.mseLinearHessian(X, bad('x')), /'half' or 'unhalved'/)],
  logisticCrossEntropyGradient: [...matrixCases('x', X, (x) => impl.logisticCrossEntropyGradient(x, y3, w2, 0)),
    ...vectorCases('y', y3, (y) => impl.logisticCrossEntropyGradient(X, y, w2, 0)), ...vectorCases('w', w2, (w) => impl.logisticCrossEntropyGradient(X, y3, w, 0)),
    ...numberCases('b', (b) => impl.logisticCrossEntropyGradient(X, y3, w2, b)),
    shapeCase('w', 'w has 3 weights for 2 features', () => impl.logisticCrossEntropyGradient(X, y3, v3, 0)),
    domainCase('y', 'a label of 2', () => impl.logisticCrossEntropyGradient(X, [0, 2, 1], w2, 0), /labels in \[0, 1\], got 2 at index 1/)],
  sigmoidMseGradient: [...matrixCases('x', X, (x) => impl.sigmoidMseGradient(x, y3, w2, 0, 'half')), ...vectorCases('y', y3, (y) => impl.sigmoidMseGradient(X, y, w2, 0, 'half')),
    ...vectorCases('w', w2, (w) => impl.sigmoidMseGradient(X, y3, w, 0, 'half')), ...numberCases('b', (b) => impl.sigmoidMseGradient(X, y3, w2, b, 'half')),
    shapeCase('y', 'y has 4 targets for 3 rows', () => impl.sigmoidMseGradient(X, [1, 1, 1, 1], w2, 0, 'half')),
    domainCase('convention', 'an unknown convention', () => impl.sigmoidMseGradient(X, y3, w2, 0, bad(1)), /'half' or 'unhalved'/)],
  softmaxJacobian: distributionCases('p', p3, (p) => impl.softmaxJacobian(p)),
  crossEntropyLogitGradient: [...distributionCases('p', p3, (p) => impl.crossEntropyLogitGradient(p, v3)), ...vectorCases('z', v3, (z) => impl.crossEntropyLogitGradient(p3, z)),
    shapeCase('z', 'z has 2 logits for 3 classes', () => impl.crossEntropyLogitGradient(p3, [1, 2]), /must have length 3, got 2/)],
  crossEntropyLogitHessian: vectorCases('z', v3, (z) => impl.crossEntropyLogitHessian(z)),
  softmaxRegressionLogits: [...matrixCases('w', W, (w) => impl.softmaxRegressionLogits(w, X)), ...matrixCases('x', X, (x) => impl.softmaxRegressionLogits(W, x)),
    shapeCase('x', 'x has 3 features for a 2-row W', () => impl.softmaxRegressionLogits(W, [[1, 2, 3], [4, 5, 6]]), /row 0 has length 3, expected 2/)],
  softmaxRegressionLoss: [...matrixCases('w', W, (w) => impl.softmaxRegressionLoss(w, X, P)), ...matrixCases('x', X, (x) => impl.softmaxRegressionLoss(W, x, P)),
    ...matrixCases('p', P, (p) => impl.softmaxRegressionLoss(W, X, p)),
    shapeCase('p', 'p has 2 rows for 3 samples', () => impl.softmaxRegressionLoss(W, X, P.slice(0, 2)), /must have 3 rows, got 2/),
    { category: 'distribution', what: 'a target row sums to 2', argument: 'p[1]', call: () => impl.softmaxRegressionLoss(W, X, [P[0]!, [1, 1, 0], P[2]!]), problem: /not a distribution/ }],
  softmaxRegressionGradient: [...matrixCases('w', W, (w) => impl.softmaxRegressionGradient(w, X, P)), ...matrixCases('x', X, (x) => impl.softmaxRegressionGradient(W, x, P)),
    ...matrixCases('p', P, (p) => impl.softmaxRegressionGradient(W, X, p)),
    shapeCase('p', 'p has 2 classes for a 3-column W', () => impl.softmaxRegressionGradient(W, X, [[1, 0], [0, 1], [1, 0]]), /row 0 has length 2, expected 3/),
    { category: 'distribution', what: 'a target row has a negative entry', argument: 'p[2]', call: () => impl.softmaxRegressionGradient(W, X, [P[0]!, P[1]!, [-1, 1, 1]]), problem: /not a distribution: entry 0 is -1/ }],
  softmaxRegressionHessian: [...matrixCases('w', W, (w) => impl.softmaxRegressionHessian(w, X)), ...matrixCases('x', X, (x) => impl.softmaxRegressionHessian(W, x)),
    shapeCase('x', 'x has 1 feature for a 2-row W', () => impl.softmaxRegressionHessian(W, [[1], [2]]), /row 0 has length 1, expected 2/)],

  // attention.ts
  attentionScores: [...matrixCases('Q', Q, (q) => impl.attentionScores(q, K)), ...matrixCases('K', K, (k) => impl.attentionScores(Q, k)),
    shapeCase('K', 'K has 3 columns, Q has 2', () => impl.attentionScores(Q, [[1, 2, 3], [4, 5, 6]]), /must have d_k = 2 columns like Q, got 3/)],
  attentionWeights: [...matrixCases('Q', Q, (q) => impl.attentionWeights(q, K)), ...matrixCases('K', K, (k) => impl.attentionWeights(Q, k)),
    shapeCase('K', 'K has 1 column, Q has 2', () => impl.attentionWeights(Q, [[1], [2]]), /d_k = 2/)],
  attention: [...matrixCases('Q', Q, (q) => impl.attention(q, K, V)), ...matrixCases('K', K, (k) => impl.attention(Q, k, V)),
    ...matrixCases('V', V, (v) => impl.attention(Q, K, v)),
    shapeCase('V', 'V has 2 rows for 3 keys', () => impl.attention(Q, K, [[1], [2]]), /must have 3 rows, got 2/)],
  attentionWeightsQueryJacobian: [...matrixCases('Q', Q, (q) => impl.attentionWeightsQueryJacobian(q, K)), ...matrixCases('K', K, (k) => impl.attentionWeightsQueryJacobian(Q, k)),
    shapeCase('K', 'K has 3 columns, Q has 2', () => impl.attentionWeightsQueryJacobian(Q, [[1, 2, 3]]), /d_k = 2/)],
  softmaxWithTemperature: [...vectorCases('z', v3, (z) => impl.softmaxWithTemperature(z, 1)), ...numberCases('temperature', (t) => impl.softmaxWithTemperature(v3, t)),
    domainCase('temperature', 'T = 0', () => impl.softmaxWithTemperature(v3, 0), /must be > 0, got 0/),
    domainCase('temperature', 'T = −1', () => impl.softmaxWithTemperature(v3, -1), /must be > 0, got -1/)],

  // decision.ts
  zeroOneLoss: [...numberCases('y', (y) => impl.zeroOneLoss(y, 1)), ...numberCases('yHat', (yh) => impl.zeroOneLoss(1, yh)),
    domainCase('yHat', 'a fractional label', () => impl.zeroOneLoss(1, 0.5), /integer class label, got 0.5/)],
  expectedZeroOneRisk: [...distributionCases('p', p3, (p) => impl.expectedZeroOneRisk(p, 0)), ...numberCases('c', (c) => impl.expectedZeroOneRisk(p3, c)),
    domainCase('c', 'c = 3 of 3 classes', () => impl.expectedZeroOneRisk(p3, 3), /class index in \[0, 3\), got 3/),
    domainCase('c', 'c = −1', () => impl.expectedZeroOneRisk(p3, -1), /class index in \[0, 3\), got -1/)],
  bayesZeroOneDecision: distributionCases('p', p3, (p) => impl.bayesZeroOneDecision(p)),
  sampleMean: vectorCases('y', v3, (y) => impl.sampleMean(y)),
  sampleMedian: vectorCases('y', v3, (y) => impl.sampleMedian(y)),
  gaussianNegativeLogLikelihood: [...numberCases('y', (y) => impl.gaussianNegativeLogLikelihood(y, 0, 1)), ...numberCases('mu', (m) => impl.gaussianNegativeLogLikelihood(0, m, 1)),
    ...numberCases('sigma', (s) => impl.gaussianNegativeLogLikelihood(0, 0, s)),
    domainCase('sigma', 'σ = 0', () => impl.gaussianNegativeLogLikelihood(0, 0, 0), /must be > 0, got 0/)],
  laplaceNegativeLogLikelihood: [...numberCases('y', (y) => impl.laplaceNegativeLogLikelihood(y, 0, 1)), ...numberCases('mu', (m) => impl.laplaceNegativeLogLikelihood(0, m, 1)),
    ...numberCases('b', (b) => impl.laplaceNegativeLogLikelihood(0, 0, b)),
    domainCase('b', 'b = −2', () => impl.laplaceNegativeLogLikelihood(0, 0, -2), /must be > 0, got -2/)],
  meanAbsoluteError: [...vectorCases('y', v3, (y) => impl.meanAbsoluteError(y, v3)), ...vectorCases('yHat', v3, (yh) => impl.meanAbsoluteError(v3, yh)),
    shapeCase('yHat', 'yHat is shorter', () => impl.meanAbsoluteError(v3, [1, 2]), /must have length 3, got 2/)],

  // multitask.ts
  weightedLossSum: [...vectorCases('losses', v3, (l) => impl.weightedLossSum(l, v3)), ...vectorCases('weights', v3, (w) => impl.weightedLossSum(v3, w)),
    shapeCase('weights', 'two weights for three losses', () => impl.weightedLossSum(v3, [1, 1]), /must have length 3, got 2/)],
  weightedGradientSum: [...vectorCases('gradients[1]', w2, (g) => impl.weightedGradientSum([w2, g], [1, 1])), ...vectorCases('weights', [1, 1], (w) => impl.weightedGradientSum(grads, w)),
    { category: 'empty', what: 'no gradients', argument: 'gradients', call: () => impl.weightedGradientSum([], [1]), problem: /non-empty array of vectors/ },
    shapeCase('gradients[1]', 'gradients of different lengths', () => impl.weightedGradientSum([w2, v3], [1, 1]), /must have length 2, got 3/),
    shapeCase('weights', 'three weights for two gradients', () => impl.weightedGradientSum(grads, v3), /must have length 2, got 3/)],
  euclideanNorm: vectorCases('v', v3, (v) => impl.euclideanNorm(v)),
  normalizeGradient: [...vectorCases('g', v3, (g) => impl.normalizeGradient(g)),
    domainCase('g', 'g = 0', () => impl.normalizeGradient([0, 0]), /zero vector/)],
  normalizedGradientCombination: [...vectorCases('gradients[0]', w2, (g) => impl.normalizedGradientCombination([g, w2], [1, 1])),
    ...vectorCases('weights', [1, 1], (w) => impl.normalizedGradientCombination(grads, w)),
    { category: 'empty', what: 'no gradients', argument: 'gradients', call: () => impl.normalizedGradientCombination([], []), problem: /non-empty array of vectors/ },
    domainCase('gradients[1]', 'a zero gradient', () => impl.normalizedGradientCombination([w2, [0, 0]], [1, 1]), /zero vector/)],
  minNormCombination: [...vectorCases('g1', w2, (g) => impl.minNormCombination(g, w2)), ...vectorCases('g2', w2, (g) => impl.minNormCombination(w2, g)),
    shapeCase('g2', 'g2 is longer', () => impl.minNormCombination(w2, v3), /must have length 2, got 3/)],
  mgdaTwoTasks: [...vectorCases('theta0', w2, (t) => impl.mgdaTwoTasks((x) => x, (x) => x, t, 0.1, 1)),
    ...numberCases('step', (s) => impl.mgdaTwoTasks((x) => x, (x) => x, w2, s, 1)),
    ...numberCases('iterations', (n) => impl.mgdaTwoTasks((x) => x, (x) => x, w2, 0.1, n)),
    domainCase('step', 'step = 0', () => impl.mgdaTwoTasks((x) => x, (x) => x, w2, 0, 1), /must be > 0/),
    domainCase('iterations', 'iterations = −1', () => impl.mgdaTwoTasks((x) => x, (x) => x, w2, 0.1, -1), /non-negative integer/),
    { category: 'type', what: 'gradient1 is not a function', argument: 'gradient1', call: () => impl.mgdaTwoTasks(bad([1, 2]), (x) => x, w2, 0.1, 1), problem: /must be a function/ },
    { category: 'type', what: 'gradient2 is not a function', argument: 'gradient2', call: () => impl.mgdaTwoTasks((x) => x, bad(undefined), w2, 0.1, 1), problem: /must be a function/ },
    { category: 'nan', what: 'gradient1 returns NaN', argument: 'gradient1(θ) at iteration 0', call: () => impl.mgdaTwoTasks(() => [NaN, 0], (x) => x, w2, 0.1, 1), problem: /NaN at index 0/ },
    shapeCase('gradient2(θ) at iteration 0', 'gradient2 returns the wrong length', () => impl.mgdaTwoTasks((x) => x, () => [1], w2, 0.1, 1), /must have length 2, got 1/)],

  // positional.ts
  positionFrequencies: [...numberCases('d', (d) => impl.positionFrequencies(d)), ...numberCases('base', (b) => impl.positionFrequencies(4, b)),
    domainCase('d', 'd = 3 (odd)', () => impl.positionFrequencies(3), /even integer/),
    domainCase('base', 'base = 1', () => impl.positionFrequencies(4, 1), /must be > 1/)],
  sinusoidalEncoding: [...numberCases('position', (m) => impl.sinusoidalEncoding(m, 4)), ...numberCases('d', (d) => impl.sinusoidalEncoding(1, d)),
    ...numberCases('base', (b) => impl.sinusoidalEncoding(1, 4, b)),
    domainCase('d', 'd = 0', () => impl.sinusoidalEncoding(1, 0), /even integer/)],
  rotaryEmbedding: [...vectorCases('x', [0.1, -0.2, 0.3, 0.4], (x) => impl.rotaryEmbedding(x, 1)),
    ...numberCases('position', (m) => impl.rotaryEmbedding(w2, m)), ...numberCases('base', (b) => impl.rotaryEmbedding(w2, 1, b)),
    shapeCase('x', 'x has odd length', () => impl.rotaryEmbedding(v3, 1), /even length/)],

  // contrastive.ts
  infoNceLoss: [...vectorCases('scores', v3, (s) => impl.infoNceLoss(s, 0)), ...numberCases('positive', (k) => impl.infoNceLoss(v3, k)),
    ...numberCases('temperature', (t) => impl.infoNceLoss(v3, 0, t)),
    domainCase('positive', 'positive = 3 for three candidates', () => impl.infoNceLoss(v3, 3), /candidate index in \[0, 2\], got 3/),
    domainCase('positive', 'positive = 0.5', () => impl.infoNceLoss(v3, 0.5), /candidate index in \[0, 2\], got 0.5/),
    domainCase('temperature', 'τ = 0', () => impl.infoNceLoss(v3, 0, 0), /must be > 0, got 0/),
    domainCase('temperature', 'τ so small that s/τ overflows', () => impl.infoNceLoss([1e300, 0], 0, 1e-10), /overflow/)],
  infoNceGradient: [...vectorCases('scores', v3, (s) => impl.infoNceGradient(s, 0)), ...numberCases('positive', (k) => impl.infoNceGradient(v3, k)),
    ...numberCases('temperature', (t) => impl.infoNceGradient(v3, 0, t)),
    domainCase('positive', 'positive = −1', () => impl.infoNceGradient(v3, -1), /candidate index in \[0, 2\], got -1/),
    domainCase('temperature', 'τ < 0', () => impl.infoNceGradient(v3, 0, -1), /must be > 0, got -1/),
    domainCase('temperature', 'τ so small that s/τ overflows', () => impl.infoNceGradient([1e300, 0], 0, 1e-10), /overflow/)],
  infoNceBatchLoss: [...matrixCases('critic', [[1, 0], [0, 1]], (f) => impl.infoNceBatchLoss(f)), ...numberCases('temperature', (t) => impl.infoNceBatchLoss([[1, 0], [0, 1]], t)),
    shapeCase('critic', 'a 3×2 critic matrix (N anchors need N candidates)', () => impl.infoNceBatchLoss(X), /must be square, got 3×2/),
    domainCase('temperature', 'τ = 0', () => impl.infoNceBatchLoss([[1, 0], [0, 1]], 0), /must be > 0, got 0/),
    domainCase('temperature', 'τ so small that a row of s/τ overflows', () => impl.infoNceBatchLoss([[1e300, 0], [0, 1]], 1e-10), /overflow/)],

  // estimation.ts
  olsEstimatorMatrix: [...matrixCases('X', X, (x) => impl.olsEstimatorMatrix(x)),
    domainCase('X', 'X has dependent columns', () => impl.olsEstimatorMatrix([[1, 2], [2, 4], [3, 6]]), /full column rank \(2\)/)],
  glsEstimatorMatrix: [...matrixCases('X', X, (x) => impl.glsEstimatorMatrix(x, [1, 1, 1])), ...vectorCases('noiseVariances', [1, 2, 3], (s) => impl.glsEstimatorMatrix(X, s)),
    shapeCase('noiseVariances', 'two variances for three rows', () => impl.glsEstimatorMatrix(X, [1, 1]), /must have length 3, got 2/),
    domainCase('noiseVariances', 'a zero variance', () => impl.glsEstimatorMatrix(X, [1, 0, 1]), /must be > 0 with 1\/σ² finite, got 0 at index 1/),
    domainCase('noiseVariances', 'a subnormal variance (1/σ² overflows)', () => impl.glsEstimatorMatrix(X, [1, 1, 5e-324]), /1\/σ² finite, got 5e-324 at index 2/),
    domainCase('X', 'X has a zero column', () => impl.glsEstimatorMatrix([[1, 0], [2, 0], [3, 0]], [1, 1, 1]), /full column rank/)],
  linearEstimatorCovariance: [...matrixCases('C', W, (c) => impl.linearEstimatorCovariance(c, [1, 1, 1])), ...vectorCases('noiseVariances', [1, 2, 3], (s) => impl.linearEstimatorCovariance(W, s)),
    shapeCase('noiseVariances', 'two variances for three columns', () => impl.linearEstimatorCovariance(W, [1, 1]), /must have length 3, got 2/),
    domainCase('noiseVariances', 'a negative variance', () => impl.linearEstimatorCovariance(W, [1, -1, 1]), /must be ≥ 0, got -1 at index 1/)],

  // information.ts
  categoricalFisherInLogits: distributionCases('pHat', p3, (p) => impl.categoricalFisherInLogits(p)),
  categoricalFisherInProbabilities: [...distributionCases('p', p3, (p) => impl.categoricalFisherInProbabilities(p)),
    domainCase('p', 'a zero probability', () => impl.categoricalFisherInProbabilities([0, 0.5, 0.5]), /must be > 0 everywhere, got 0 at 0/)],
  expectedLogitScoreOuterProduct: [...distributionCases('pHat', p3, (p) => impl.expectedLogitScoreOuterProduct(p, p3)),
    ...distributionCases('labels', p3, (q) => impl.expectedLogitScoreOuterProduct(p3, q)),
    shapeCase('labels', 'labels over 2 classes', () => impl.expectedLogitScoreOuterProduct(p3, [0.5, 0.5]), /same length as 'pHat'/)],
  fisherRaoDistance: [...distributionCases('p', p3, (p) => impl.fisherRaoDistance(p, p3)), ...distributionCases('q', p3, (q) => impl.fisherRaoDistance(p3, q)),
    shapeCase('q', 'q over 2 classes', () => impl.fisherRaoDistance(p3, [0.5, 0.5]), /same length as 'p'/)],
  naturalGradientStep: [...vectorCases('w', w2, (w) => impl.naturalGradientStep(w, w2, spd, 0.1)), ...vectorCases('gradient', w2, (g) => impl.naturalGradientStep(w2, g, spd, 0.1)),
    ...matrixCases('metric', spd, (m) => impl.naturalGradientStep(w2, w2, m, 0.1)), ...numberCases('learningRate', (r) => impl.naturalGradientStep(w2, w2, spd, r)),
    shapeCase('metric', 'a 3×3 metric for 2 parameters', () => impl.naturalGradientStep(w2, w2, impl.identity(3), 0.1), /must have 2 rows, got 3/),
    domainCase('metric', 'an indefinite metric', () => impl.naturalGradientStep(w2, w2, [[1, 2], [2, 1]], 0.1), /must be symmetric positive definite/),
    domainCase('learningRate', 'η = 0', () => impl.naturalGradientStep(w2, w2, spd, 0), /must be > 0, got 0/)],

  // adam.ts
  adamInitialState: vectorCases('w', w2, (w) => impl.adamInitialState(w)),
  adamStep: [...vectorCases('gradient', w2, (g) => impl.adamStep(impl.adamInitialState(w2), g, adam)),
    ...vectorCases('state.w', w2, (w) => impl.adamStep({ t: 0, w, m: [0, 0], v: [0, 0] }, w2, adam)),
    ...vectorCases('state.v', [0, 0], (v) => impl.adamStep({ t: 1, w: w2, m: [0, 0], v }, w2, adam)),
    ...numberCases('learningRate', (r) => impl.adamStep(impl.adamInitialState(w2), w2, { ...adam, learningRate: r })),
    ...numberCases('beta2', (b) => impl.adamStep(impl.adamInitialState(w2), w2, { ...adam, beta2: b })),
    domainCase('beta2', 'β₂ = 1 (no decay: v̂ divides by 1 − β₂ᵗ = 0)', () => impl.adamStep(impl.adamInitialState(w2), w2, { ...adam, beta2: 1 }), /must lie in \[0, 1\), got 1/),
    shapeCase('gradient', 'a gradient of the wrong length', () => impl.adamStep(impl.adamInitialState(w2), v3, adam), /must have length 2, got 3/),
    shapeCase('state.m', 'm shorter than w', () => impl.adamStep({ t: 1, w: w2, m: [0], v: [0, 0] }, w2, adam), /must have length 2, got 1/),
    domainCase('state.t', 'a fractional step count', () => impl.adamStep({ t: 1.5, w: w2, m: [0, 0], v: [0, 0] }, w2, adam), /non-negative integer step count/),
    domainCase('state.v', 'a negative second moment', () => impl.adamStep({ t: 1, w: w2, m: [0, 0], v: [0, -1] }, w2, adam), /must be ≥ 0 .* at index 1/),
    domainCase('state', 'no state', () => impl.adamStep(bad(null), w2, adam), /must be an Adam state/),
    domainCase('config', 'no config', () => impl.adamStep(impl.adamInitialState(w2), w2, bad(undefined)), /must be \{learningRate/),
    domainCase('beta1', 'β₁ = 1', () => impl.adamStep(impl.adamInitialState(w2), w2, { ...adam, beta1: 1 }), /must lie in \[0, 1\), got 1/),
    domainCase('epsilon', 'ε < 0', () => impl.adamStep(impl.adamInitialState(w2), w2, { ...adam, epsilon: -1 }), /must be ≥ 0, got -1/),
    domainCase('learningRate', 'η = 0', () => impl.adamStep(impl.adamInitialState(w2), w2, { ...adam, learningRate: 0 }), /must be > 0, got 0/),
    domainCase('gradient', '0/0 with ε = 0', () => impl.adamStep(impl.adamInitialState(w2), [0, 1], { ...adam, epsilon: 0 }), /0\/0 at coordinate 0/)],
  adamStepBound: [...numberCases('t', (t) => impl.adamStepBound(t, 0.9, 0.999)), ...numberCases('beta1', (b) => impl.adamStepBound(1, b, 0.999)),
    ...numberCases('beta2', (b) => impl.adamStepBound(1, 0.9, b)),
    domainCase('t', 't = 0', () => impl.adamStepBound(0, 0.9, 0.999), /positive integer, got 0/),
    domainCase('beta2', 'β₂ = 0', () => impl.adamStepBound(1, 0.9, 0), /must be > 0 for a bound to exist/)],
  adamTrajectory: [...vectorCases('w0', w2, (w) => impl.adamTrajectory(w, grads, adam)),
    ...vectorCases('gradients[1]', w2, (g) => impl.adamTrajectory(w2, [w2, g], adam)),
    ...numberCases('beta1', (b) => impl.adamTrajectory(w2, grads, { ...adam, beta1: b })),
    { category: 'empty', what: 'no gradients', argument: 'gradients', call: () => impl.adamTrajectory(w2, [], adam), problem: /at least one gradient/ },
    shapeCase('gradients[1]', 'a gradient of the wrong length', () => impl.adamTrajectory(w2, [w2, v3], adam), /must have length 2, got 3/)],
};

/** The categories each function's entry must include, unless listed here with the reason. */
const NO_NUMERIC_ARGUMENT: Record<string, string> = {
  mseFactor: 'takes only the convention name',
  assertSquare: 'checks shape only; its matrix was validated by assertMatrix',
  assertSameLength: 'checks lengths only; its vectors were validated by assertVector',
};

describe('bad input to impl/: a typed error naming the function and the argument, never a silent NaN', () => {
  for (const [fn, cases] of Object.entries(BAD_INPUT)) {
    describe(fn, () => {
      for (const c of cases) {
        it(`rejects ${c.what} (${c.category})`, () => {
          let thrown: unknown;
          let returned: unknown;
          try { returned = c.call(); } catch (e) { thrown = e; }
          expect(thrown, `${fn} returned ${JSON.stringify(returned)} instead of throwing`).toBeInstanceOf(LosscheckInputError);
          const err = thrown as LosscheckInputError;
          if (c.category === 'shape') expect(err, err.message).toBeInstanceOf(LosscheckShapeError);
          expect({ fn: err.fn, argument: err.argument }).toEqual({ fn, argument: c.argument });
          expect(err.message.startsWith(`${fn}: argument '${c.argument}' `), err.message).toBe(true);
          expect(err.message).toMatch(c.problem);
        });
      }
    });
  }
});

describe('what the validators accept (the other side of each boundary)', () => {
  it('distributions: zeros and ones are entries, and sums within the slack pass', () => {
    expect(() => impl.assertDistribution('f', 'p', [0, 1])).not.toThrow();
    expect(() => impl.assertDistribution('f', 'p', [1])).not.toThrow();
    expect(() => impl.assertDistribution('f', 'p', [0.5, 0.5 + 2 ** -50])).not.toThrow();
    expect(() => impl.assertDistribution('f', 'p', [0.5, 0.5 - 2 ** -50])).not.toThrow();
    expect(() => impl.assertDistribution('f', 'p', [0.5, 0.5], 0)).not.toThrow();
    expect(() => impl.assertDistribution('f', 'p', [0.49, 0.5], 0.02)).not.toThrow();
  });
  it('vectors and matrices of the stated size pass; a length of 0 is not "no length"', () => {
    expect(() => impl.assertVector('f', 'v', [1, 2], 2)).not.toThrow();
    expect(() => impl.assertMatrix('f', 'm', [[1, 2], [3, 4]], 2, 2)).not.toThrow();
    expect(() => impl.assertMatrix('f', 'm', [[1, 2]], undefined, 2)).not.toThrow();
    expect(() => impl.assertSquare('f', 'm', [[1, 2], [3, 4]])).not.toThrow();
    expect(() => impl.assertSameLength('f', 'a', [1], 'b', [2])).not.toThrow();
  });
  it('domains: boundary values that are inside pass', () => {
    expect(impl.adamStepBound(1, 0, 0.5)).toBeGreaterThan(0);
    expect(() => impl.adamStep(impl.adamInitialState([1]), [1], { learningRate: 1, beta1: 0, beta2: 0, epsilon: 0 })).not.toThrow();
    expect(impl.binaryCrossEntropy(0, 0)).toBe(0);
    expect(impl.binaryCrossEntropyFromLogit(0, 0)).toBeCloseTo(Math.LN2, 15);
    expect(impl.expectedZeroOneRisk([0.2, 0.8], 1)).toBeCloseTo(0.2, 15);
    expect(impl.zeroOneLoss(-3, -3)).toBe(0);
    expect(impl.linearEstimatorCovariance([[1, 1]], [0, 0])).toEqual([[0]]);
    expect(impl.mgdaTwoTasks((x) => x, (x) => x, [1], 0.5, 0)).toEqual([1]);
  });
});

describe('bad-input coverage of impl/index.ts (meta)', () => {
  const isClass = (f: unknown) => typeof f === 'function' && /^class\b/.test(Function.prototype.toString.call(f));
  const publicFunctions = Object.entries(impl).filter(([, v]) => typeof v === 'function' && !isClass(v)).map(([k]) => k).sort();

  it('every exported function has bad-input cases', () => {
    const missing = publicFunctions.filter((f) => !(f in BAD_INPUT));
    expect(missing, `impl/index.ts exports ${missing.join(', ')} without bad-input tests. Add an entry `
      + `'${missing[0] ?? 'name'}: [...]' to BAD_INPUT in test/impl/bad-input.test.ts: numberCases/vectorCases/matrixCases/`
      + 'distributionCases for each argument (NaN, ±Infinity, empty, non-distribution), shapeCase for each pair of '
      + 'arguments whose sizes must agree, and domainCase for values outside the domain (σ ≤ 0, labels ∉ [0, 1], …). '
      + 'The function must throw LosscheckInputError/LosscheckShapeError naming itself and the argument.').toEqual([]);
  });

  it('the table lists no function that impl/ no longer exports', () => {
    const stale = Object.keys(BAD_INPUT).filter((f) => !publicFunctions.includes(f));
    expect(stale, `remove ${stale.join(', ')} from BAD_INPUT (no longer exported by impl/index.ts)`).toEqual([]);
  });

  it('every entry covers NaN and ±Infinity (functions without numeric arguments are listed with a reason)', () => {
    const thin = Object.entries(BAD_INPUT).filter(([fn, cases]) => !(fn in NO_NUMERIC_ARGUMENT)
      && !(cases.some((c) => c.category === 'nan') && cases.some((c) => c.category === 'infinity'))).map(([fn]) => fn);
    expect(thin, `add NaN and Infinity cases (numberCases/vectorCases/matrixCases) for: ${thin.join(', ')}`).toEqual([]);
  });
});
