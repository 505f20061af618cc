// Bad input to every public oracle function (every function exported by a module under oracles/):
// wrong shapes, NaN/±Infinity, empty batches, non-distributions where a distribution is required,
// values outside the domain, and a tfjs namespace that is not one. Each must throw (or, for the async
// tfjsOracle, reject with) an OracleInputError whose message is "fn: argument 'x' …": it names the
// function and the argument and says what was wrong. The meta-test at the end scans oracles/ and fails
// when a module exports a function that has no entry in BAD_INPUT.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { OracleInputError, assertBatch, assertBatch3, assertConvention, assertDistributions, assertFinite, assertFunction, assertLabels, assertPositiveInteger, assertTf } from '../../oracles/errors.ts';
import { centralGradient, taylorRates } from '../../oracles/finiteDifference.ts';
import * as linalg from '../../oracles/linalg.ts';
import * as mc from '../../oracles/monteCarlo.ts';
import * as random from '../../oracles/random.ts';
import * as eigen from '../../oracles/symmetricEigen.ts';
import { GAUSS_HERMITE_3, gaussianExpectation, gaussianNodes, qualifyGaussHermite } from '../../oracles/quadrature.ts';
import { tfjsAdamTrajectory } from '../../oracles/tfjs/adam.ts';
import * as attention from '../../oracles/tfjs/attention.ts';
import { batchedDerivatives, batchedHessianVectorProducts, replicating } from '../../oracles/tfjs/autodiff.ts';
import { tfjsRuntime, useBackend, type Tf } from '../../oracles/tfjs/backend.ts';
import { applyHigherOrderPatch, restoreStockGradients } from '../../oracles/tfjs/higherOrderPatch.ts';
import { tfjsOracle } from '../../oracles/tfjs/index.ts';
import * as information from '../../oracles/tfjs/information.ts';
import * as losses from '../../oracles/tfjs/losses.ts';
import { twoTaskWeightedLoss } from '../../oracles/tfjs/multitask.ts';
import { measureKnownCases, measureLibraryDefects } from '../../oracles/tfjs/qualification.ts';
import * as unit from '../../oracles/tfjs/sigmoidUnit.ts';
import { packed, packedMatrices, packedRows, tidyData, unpacked } from '../../oracles/tfjs/tensors.ts';
import * as trig from '../../oracles/trigonometricSums.ts';

type Category = 'shape' | 'nan' | 'infinity' | 'empty' | 'distribution' | 'domain' | 'type';
interface BadCall { category: Category; what: string; argument: string; call: () => unknown; problem: RegExp }

const bad = (x: unknown) => x as never;
let tf: Tf;
beforeAll(async () => { tf = (await tfjsRuntime()).tf; });

const nan = (argument: string, call: () => unknown, problem: RegExp = /NaN|finite/): BadCall => ({ category: 'nan', what: `${argument} holds NaN`, argument, call, problem });
const inf = (argument: string, call: () => unknown, problem: RegExp = /Infinity|finite/): BadCall => ({ category: 'infinity', what: `${argument} holds Infinity`, argument, call, problem });
const empty = (argument: string, call: () => unknown, problem: RegExp = /non-empty|at least|needs/): BadCall => ({ category: 'empty', what: `${argument} is empty`, argument, call, problem });
const shape = (argument: string, what: string, call: () => unknown, problem: RegExp = /length|rows|square|cases|must be|matrix/): BadCall => ({ category: 'shape', what, argument, call, problem });
const domain = (argument: string, what: string, call: () => unknown, problem: RegExp): BadCall => ({ category: 'domain', what, argument, call, problem });
const type = (argument: string, what: string, call: () => unknown, problem: RegExp): BadCall => ({ category: 'type', what, argument, call, problem });
const distribution = (argument: string, what: string, call: () => unknown): BadCall => ({ category: 'distribution', what, argument, call, problem: /not a distribution/ });
const notTf = (fn: (t: Tf) => unknown): BadCall => type('tf', 'tf is not the tfjs namespace', () => fn(bad({})), /tfjs namespace/);

/** The usual four for a batch argument [[…]]: empty, NaN, Infinity, a ragged case. */
function batchCases(argument: string, valid: number[][], call: (rows: number[][]) => unknown): BadCall[] {
  const withEntry = (x: number) => valid.map((r, b) => (b === valid.length - 1 ? r.map((v, i) => (i === 0 ? x : v)) : r));
  return [
    empty(argument, () => call([])),
    nan(argument, () => call(withEntry(NaN)), /holds NaN at index 0/),
    inf(argument, () => call(withEntry(-Infinity)), /holds -Infinity at index 0/),
    shape(argument, `${argument} has a ragged case`, () => call([...valid, [...valid[0]!, 1]]), /must be an array of length/),
  ];
}
/** Vector arguments (one case): empty, NaN, Infinity. */
function vectorCases(argument: string, valid: number[], call: (v: number[]) => unknown): BadCall[] {
  return [
    empty(argument, () => call([]), /non-empty|must be an array of length/),
    nan(argument, () => call(valid.map((v, i) => (i === 0 ? NaN : v))), /holds NaN at index 0/),
    inf(argument, () => call(valid.map((v, i) => (i === 0 ? Infinity : v))), /holds Infinity at index 0/),
  ];
}
function numberCases(argument: string, call: (x: number) => unknown, problem: RegExp = /finite|integer|> 0|must/): BadCall[] {
  return [nan(argument, () => call(NaN), problem), inf(argument, () => call(Infinity), problem)];
}

// Valid operands.
const f = (x: number[]) => x[0]! ** 2 + x[1]!;
const x2 = [1, 2], v2 = [1, 0];
const sym = [[2, 1], [1, 2]];
const p = [[0.25, 0.75]], z = [[1, 2]];
const X = [[[1, 2], [3, 4]]], Y = [[1, 0]], bias = [0.5]; // B = 1, N = 2, d = 2
const P3 = [[[1, 0], [0, 1]]]; // B = 1, N = 2, C = 2
const Wflat = [[1, 0, 0, 1]]; // d·C = 4
const Q = [[[1, 0]]], K = [[[1, 1], [0, 1]]], V = [[[1], [2]]]; // n = 1, m = 2, d_k = 2, d_v = 1
const adam = { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
const twoTask = { xReg: X, yReg: Y, xCls: X, yCls: Y, taskWeights: [[1, 1]] };
const build = losses.squaredErrorLoss([1], 'half');
const r = () => mc.rng(1);

const BAD_INPUT: Record<string, BadCall[]> = {
  'errors.ts#assertBatch': batchCases('rows', z, (rows) => assertBatch('assertBatch', 'rows', rows)),
  'errors.ts#assertBatch3': [empty('t', () => assertBatch3('assertBatch3', 't', [])), nan('t[0]', () => assertBatch3('assertBatch3', 't', [[[NaN]]]), /NaN at index 0/),
    inf('t[0]', () => assertBatch3('assertBatch3', 't', [[[Infinity]]]), /Infinity at index 0/), shape('t', 'cases of different row counts', () => assertBatch3('assertBatch3', 't', [[[1]], [[1], [2]]]), /case 1 must be a matrix of 1 rows/)],
  'errors.ts#assertDistributions': [...batchCases('p', p, (q) => assertDistributions('assertDistributions', 'p', q)),
    distribution('p', 'entries sum to 1.5', () => assertDistributions('assertDistributions', 'p', [[0.75, 0.75]])),
    distribution('p', 'a negative entry', () => assertDistributions('assertDistributions', 'p', [[-0.5, 1.5]]))],
  'errors.ts#assertFinite': numberCases('x', (x) => assertFinite('assertFinite', 'x', x)),
  'errors.ts#assertFunction': [type('f', 'f is a number', () => assertFunction('assertFunction', 'f', 3), /must be a function, got number/)],
  'errors.ts#assertPositiveInteger': [...numberCases('n', (n) => assertPositiveInteger('assertPositiveInteger', 'n', n)), domain('n', 'n = 0', () => assertPositiveInteger('assertPositiveInteger', 'n', 0), /integer ≥ 1, got 0/)],
  'errors.ts#assertTf': [notTf((t) => assertTf('assertTf', t))],
  'errors.ts#assertLabels': [nan('y', () => assertLabels('assertLabels', 'y', [NaN]), /NaN at index 0/), inf('y', () => assertLabels('assertLabels', 'y', [0, Infinity]), /Infinity at index 1/),
    domain('y', 'a label of 2', () => assertLabels('assertLabels', 'y', [2]), /labels in \[0, 1\], got 2/)],
  'errors.ts#assertConvention': [domain('convention', 'an unknown convention', () => assertConvention('assertConvention', 'mean'), /'half' or 'unhalved', got mean/)],

  'finiteDifference.ts#centralGradient': [...vectorCases('x', x2, (x) => centralGradient(f, x)),
    type('f', 'f is not a function', () => centralGradient(bad(null), x2), /must be a function/)],
  'finiteDifference.ts#taylorRates': [...vectorCases('x', x2, (x) => taylorRates(f, x, v2, 2)), ...vectorCases('v', v2, (v) => taylorRates(f, x2, v, 2)),
    ...numberCases('directional', (d) => taylorRates(f, x2, v2, d)), ...numberCases('curvature', (c) => taylorRates(f, x2, v2, 2, c)),
    shape('v', 'v shorter than x', () => taylorRates(f, x2, [1], 2), /length 2/),
    domain('v', 'v = 0', () => taylorRates(f, x2, [0, 0], 2), /nonzero direction/),
    domain('options.h0', 'h0 = 0', () => taylorRates(f, x2, v2, 2, undefined, { h0: 0 }), /finite and > 0/),
    domain('options.levels', 'one level (no rate)', () => taylorRates(f, x2, v2, 2, undefined, { levels: 1 }), /integer ≥ 2/),
    type('options.twoSided', 'twoSided is a string', () => taylorRates(f, x2, v2, 2, undefined, { twoSided: bad('yes') }), /must be a boolean/),
    type('f', 'f is not a function', () => taylorRates(bad('f'), x2, v2, 2), /must be a function/)],

  'linalg.ts#eigenvaluesMlMatrix': [...batchCases('a', sym, (a) => linalg.eigenvaluesMlMatrix(a)).filter((c) => c.category !== 'shape'),
    shape('a', 'a is 1×2', () => linalg.eigenvaluesMlMatrix([[1, 2]]), /must be square, got 1×2/),
    domain('a', 'a is not symmetric', () => linalg.eigenvaluesMlMatrix([[1, 2], [0, 1]]), /not symmetric/),
    type('a', 'a is null', () => linalg.eigenvaluesMlMatrix(bad(null)), /non-empty array/)],
  'linalg.ts#eigenvaluesNumeric': [...batchCases('a', sym, (a) => linalg.eigenvaluesNumeric(a)).filter((c) => c.category !== 'shape'),
    shape('a', 'a is 2×1', () => linalg.eigenvaluesNumeric([[1], [2]]), /must be square, got 2×1/),
    domain('a', 'a is not symmetric', () => linalg.eigenvaluesNumeric([[1, 2], [0, 1]]), /not symmetric/)],
  'linalg.ts#symmetricEigenvalues': [...batchCases('a', sym, (a) => linalg.symmetricEigenvalues(a, 'ml-matrix')).filter((c) => c.category !== 'shape'),
    domain('library', 'an unknown library', () => linalg.symmetricEigenvalues(sym, bad('lapack')), /one of 'tridiagonal-ql', 'ml-matrix', 'numeric', got lapack/)],
  'linalg.ts#eigenvaluesTridiagonalQl': [...batchCases('a', sym, (a) => linalg.eigenvaluesTridiagonalQl(a)).filter((c) => c.category !== 'shape'),
    shape('a', 'a is 1×2', () => linalg.eigenvaluesTridiagonalQl([[1, 2]]), /must be square, got 1×2/),
    domain('a', 'a is not symmetric', () => linalg.eigenvaluesTridiagonalQl([[1, 2], [0, 1]]), /not symmetric/)],
  'linalg.ts#solveLinear': [...batchCases('a', sym, (a) => linalg.solveLinear(a, [1, 1])).filter((c) => c.category !== 'shape'),
    ...vectorCases('b', [1, 1], (b) => linalg.solveLinear(sym, b)),
    shape('a', 'a is 1×2', () => linalg.solveLinear([[1, 2]], [1]), /must be square/), shape('b', 'b too long', () => linalg.solveLinear(sym, [1, 2, 3]), /length 2/)],
  'linalg.ts#matrixWithSpectrum': [...vectorCases('lambda', [1, 2], (l) => linalg.matrixWithSpectrum(l, 1)), ...numberCases('seed', (s) => linalg.matrixWithSpectrum([1], s))],
  'linalg.ts#spectrumQualificationCases': [...numberCases('count', (c) => linalg.spectrumQualificationCases(c, 1)), ...numberCases('seed', (s) => linalg.spectrumQualificationCases(1, s)),
    domain('count', 'count = 0', () => linalg.spectrumQualificationCases(0, 1), /integer ≥ 1, got 0/)],

  'symmetricEigen.ts#symmetricEigenvaluesFlat': [...flatEigenCases(eigen.symmetricEigenvaluesFlat),
    shape('out', 'out of the wrong length', () => eigen.symmetricEigenvaluesFlat([2, 1, 1, 2], 2, new Float64Array(3)), /Float64Array of length n = 2/),
    type('out', 'out is a number array', () => eigen.symmetricEigenvaluesFlat([2, 1, 1, 2], 2, bad([0, 0])), /Float64Array of length n = 2/)],
  'symmetricEigen.ts#symmetricEigenFlat': flatEigenCases(eigen.symmetricEigenFlat),

  'random.ts#mulberry32': [...numberCases('seed', (s) => random.mulberry32(s), /integer/), domain('seed', 'a fractional seed', () => random.mulberry32(0.5), /integer, got 0.5/)],
  'monteCarlo.ts#rng': [...numberCases('seed', (s) => mc.rng(s), /integer/), domain('seed', 'a fractional seed', () => mc.rng(0.5), /integer, got 0.5/)],
  'monteCarlo.ts#gaussian': [...numberCases('mu', (m) => mc.gaussian(m, 1)), ...numberCases('sigma', (s) => mc.gaussian(0, s)), domain('sigma', 'σ = 0', () => mc.gaussian(0, 0), /finite and > 0, got 0/)],
  'monteCarlo.ts#laplace': [...numberCases('mu', (m) => mc.laplace(m, 1)), ...numberCases('b', (b) => mc.laplace(0, b)), domain('b', 'b < 0', () => mc.laplace(0, -1), /> 0, got -1/)],
  'monteCarlo.ts#shiftedExponential': [...numberCases('shift', (s) => mc.shiftedExponential(s, 1)), ...numberCases('rate', (k) => mc.shiftedExponential(0, k)),
    domain('rate', 'rate = 0', () => mc.shiftedExponential(0, 0), /> 0, got 0/)],
  'monteCarlo.ts#categorical': [empty('p', () => mc.categorical([]), /non-empty/), nan('p', () => mc.categorical([NaN, 1]), /finite non-negative/), inf('p', () => mc.categorical([Infinity]), /finite non-negative/),
    domain('p', 'a negative weight', () => mc.categorical([-1, 2]), /non-negative/), domain('p', 'no mass', () => mc.categorical([0, 0]), /positive total mass/)],
  'monteCarlo.ts#meanOf': [empty('values', () => mc.meanOf([]), /at least 2 samples, got 0/), nan('values', () => mc.meanOf([1, NaN]), /NaN at index 1/), inf('values', () => mc.meanOf([Infinity, 1]), /Infinity at index 0/),
    type('values', 'values is undefined', () => mc.meanOf(bad(undefined)), /array of samples/)],
  'monteCarlo.ts#expectation': [...numberCases('samples', (n) => mc.expectation((g) => g.uniform(), n, 1), /integer ≥ 2/), ...numberCases('seed', (s) => mc.expectation((g) => g.uniform(), 10, s), /integer/),
    domain('samples', 'one sample', () => mc.expectation((g) => g.uniform(), 1, 1), /integer ≥ 2, got 1/),
    type('draw', 'draw is not a function', () => mc.expectation(bad(1), 10, 1), /must be a function/),
    nan('draw', () => mc.expectation(() => NaN, 10, 1), /returned NaN at sample 0/)],
  'monteCarlo.ts#drawSample': [...numberCases('samples', (n) => mc.drawSample((g) => g.uniform(), n, 1), /integer ≥ 2/), ...numberCases('seed', (s) => mc.drawSample((g) => g.uniform(), 10, s), /integer/),
    type('draw', 'draw is not a function', () => mc.drawSample(bad(undefined), 10, 1), /must be a function/)],
  'monteCarlo.ts#varianceOf': [empty('values', () => mc.varianceOf([]), /at least 2 samples/), nan('values', () => mc.varianceOf([NaN, 1]), /NaN at index 0/), inf('values', () => mc.varianceOf([1, -Infinity]), /-Infinity at index 1/)],
  'monteCarlo.ts#medianOf': [empty('values', () => mc.medianOf([]), /at least 80 samples, got 0/), nan('values', () => mc.medianOf(Array.from({ length: 80 }, (_, i) => (i === 7 ? NaN : i))), /NaN at index 7/),
    inf('values', () => mc.medianOf(Array.from({ length: 80 }, (_, i) => (i === 3 ? Infinity : i))), /Infinity at index 3/),
    ...numberCases('sections', (s) => mc.medianOf([1, 2, 3, 4], s), /integer ≥ 2/), domain('sections', 'one section', () => mc.medianOf([1, 2, 3, 4], 1), /integer ≥ 2, got 1/)],
  'monteCarlo.ts#qualifyMonteCarlo': [...numberCases('samples', (n) => mc.qualifyMonteCarlo(n, 1), /integer ≥ 80/), ...numberCases('seed', (s) => mc.qualifyMonteCarlo(100, s), /integer/),
    domain('samples', 'too few samples for the median', () => mc.qualifyMonteCarlo(50, 1), /integer ≥ 80, got 50/)],

  'trigonometricSums.ts#cosineSum': [...numberCases('theta', (t) => trig.cosineSum(t, 4)), ...numberCases('length', (n) => trig.cosineSum(1, n), /integer ≥ 1/),
    domain('theta', 'θ = 2π (outside |θ| < 2π)', () => trig.cosineSum(2 * Math.PI, 4), /\|θ\| < 2π/), domain('length', 'L = 0', () => trig.cosineSum(1, 0), /integer ≥ 1, got 0/)],
  'trigonometricSums.ts#sineSum': [...numberCases('theta', (t) => trig.sineSum(t, 4)), ...numberCases('length', (n) => trig.sineSum(1, n), /integer ≥ 1/),
    domain('theta', 'θ = −7', () => trig.sineSum(-7, 4), /\|θ\| < 2π .*got -7/), domain('length', 'L = 2.5', () => trig.sineSum(1, 2.5), /integer ≥ 1, got 2.5/)],
  'trigonometricSums.ts#sinusoidGram': [...vectorCases('frequencies', [0.5, 1], (w) => trig.sinusoidGram(w, 8)), ...numberCases('length', (n) => trig.sinusoidGram([1], n), /integer ≥ 1/),
    domain('frequencies', 'ω = π', () => trig.sinusoidGram([0.5, Math.PI], 8), /must lie in \(0, π\), got 3.14\d* at index 1/),
    domain('frequencies', 'ω = 0', () => trig.sinusoidGram([0], 8), /must lie in \(0, π\), got 0 at index 0/)],

  'quadrature.ts#gaussianExpectation': [...numberCases('mu', (m) => gaussianExpectation(GAUSS_HERMITE_3, m, 1, (x) => x)), ...numberCases('sigma', (s) => gaussianExpectation(GAUSS_HERMITE_3, 0, s, (x) => x)),
    domain('sigma', 'σ < 0', () => gaussianExpectation(GAUSS_HERMITE_3, 0, -1, (x) => x), /≥ 0, got -1/),
    type('f', 'f is not a function', () => gaussianExpectation(GAUSS_HERMITE_3, 0, 1, bad(2)), /must be a function/),
    shape('rule', 'weights shorter than nodes', () => gaussianExpectation({ nodes: [0, 1], weights: [1], exactDegree: 1 }, 0, 1, (x) => x), /as many finite weights as finite nodes/)],
  'quadrature.ts#gaussianNodes': [...numberCases('mu', (m) => gaussianNodes(GAUSS_HERMITE_3, m, 1)), ...numberCases('sigma', (s) => gaussianNodes(GAUSS_HERMITE_3, 0, s)),
    empty('rule', () => gaussianNodes({ nodes: [], weights: [], exactDegree: 0 }, 0, 1), /at least one/)],
  'quadrature.ts#qualifyGaussHermite': [...numberCases('maxDegree', (k) => qualifyGaussHermite(GAUSS_HERMITE_3, k), /integer ≥ 0/),
    nan('rule', () => qualifyGaussHermite({ nodes: [NaN], weights: [1], exactDegree: 1 }, 2), /finite/)],

  'tfjs/adam.ts#tfjsAdamTrajectory': [notTf((t) => tfjsAdamTrajectory(t, adam, x2, [x2])),
    ...vectorCases('w0', x2, (w) => tfjsAdamTrajectory(tf, adam, w, [[1, 1]])).map((c) => ({ ...c, problem: /NaN|Infinity|non-empty/ })),
    ...batchCases('gradients', [x2], (g) => tfjsAdamTrajectory(tf, adam, x2, g)),
    ...numberCases('beta1', (b) => tfjsAdamTrajectory(tf, { ...adam, beta1: b }, x2, [x2])),
    domain('beta2', 'β₂ = 1', () => tfjsAdamTrajectory(tf, { ...adam, beta2: 1 }, x2, [x2]), /\[0, 1\), got 1/),
    domain('learningRate', 'η < 0', () => tfjsAdamTrajectory(tf, { ...adam, learningRate: -1 }, x2, [x2]), /> 0, got -1/),
    domain('epsilon', 'ε < 0', () => tfjsAdamTrajectory(tf, { ...adam, epsilon: -1 }, x2, [x2]), /≥ 0, got -1/),
    type('config', 'no config', () => tfjsAdamTrajectory(tf, bad(null), x2, [x2]), /must be \{learningRate/)],

  'tfjs/attention.ts#attentionForward': [notTf((t) => attention.attentionForward(t, Q, K, V)),
    empty('Q', () => attention.attentionForward(tf, [], K, V), /non-empty batch/),
    nan('Q', () => attention.attentionForward(tf, [[[NaN, 0]]], K, V), /finite/), inf('K', () => attention.attentionForward(tf, Q, [[[1, Infinity], [0, 1]]], V), /finite/),
    shape('K', 'K narrower than Q', () => attention.attentionForward(tf, Q, [[[1], [0]]], V), /share the batch/)],
  'tfjs/attention.ts#attentionWeightsProjectionLoss': [empty('K', () => attention.attentionWeightsProjectionLoss([], 1, [[[1, 1]]]), /non-empty batch/),
    nan('u', () => attention.attentionWeightsProjectionLoss(K, 1, [[[NaN, 1]]]), /finite/), inf('K', () => attention.attentionWeightsProjectionLoss([[[Infinity, 1], [0, 1]]], 1, [[[1, 1]]]), /finite/),
    ...numberCases('n', (n) => attention.attentionWeightsProjectionLoss(K, n, [[[1, 1]]]), /integer ≥ 1/),
    shape('u', 'u of the wrong shape', () => attention.attentionWeightsProjectionLoss(K, 1, [[[1, 1, 1]]]), /must be 1×1×2/)],
  'tfjs/attention.ts#logSoftmaxEntryLoss': [...batchCases('s', z, (s) => attention.logSoftmaxEntryLoss([0], s)).filter((c) => c.category !== 'shape'),
    shape('y', 'two labels for one case', () => attention.logSoftmaxEntryLoss([0, 1], z), /one label per case/),
    domain('y', 'label 2 of 2 classes', () => attention.logSoftmaxEntryLoss([2], z), /case 0: 2 is not a class index/),
    nan('y', () => attention.logSoftmaxEntryLoss([NaN], z), /NaN is not a class index/)],
  'tfjs/attention.ts#qualifyAttentionForward': [notTf((t) => attention.qualifyAttentionForward(t))],
  'tfjs/attention.ts#softmaxForward': [notTf((t) => attention.softmaxForward(t, z)), ...batchCases('z', z, (s) => attention.softmaxForward(tf, s))],

  'tfjs/autodiff.ts#batchedDerivatives': [notTf((t) => batchedDerivatives(t, [[1]], build, false)), ...batchCases('params', [[1]], (q) => batchedDerivatives(tf, q, build, false)),
    type('build', 'build is not a function', () => batchedDerivatives(tf, [[1]], bad(undefined), false), /must be a function/)],
  'tfjs/autodiff.ts#batchedHessianVectorProducts': [notTf((t) => batchedHessianVectorProducts(t, [[1]], build, [[1]])),
    ...batchCases('params', [[1]], (q) => batchedHessianVectorProducts(tf, q, build, q.map(() => [1]))),
    ...batchCases('directions', [[1]], (d) => batchedHessianVectorProducts(tf, [[1]], build, d)).filter((c) => c.category !== 'shape'),
    shape('directions', 'two directions for one case', () => batchedHessianVectorProducts(tf, [[1]], build, [[1], [1]]), /one direction per case \(1\), got 2/),
    type('build', 'build is not a function', () => batchedHessianVectorProducts(tf, [[1]], bad(1), [[1]]), /must be a function/)],

  'tfjs/autodiff.ts#replicating': [type('build', 'build is not a function', () => replicating(bad('loss')), /must be a function, got string/)],
  'tfjs/backend.ts#useBackend': [domain('name', 'an unknown backend', () => useBackend(bad('gpu')), /'wasm', 'cpu' or 'webgl', got 'gpu'/),
    domain('name', 'switching after initialisation', () => useBackend(tf.getBackend() === 'cpu' ? 'wasm' : 'cpu'), /already initialised/)],
  'tfjs/tensors.ts#packed': [notTf((t) => packed(t, z)),
    ...batchCases('x', z, (rows) => packed(tf, rows)).filter((c) => c.category !== 'nan' && c.category !== 'infinity' && c.category !== 'shape'),
    nan('x', () => packed(tf, [[1, NaN]]), /holds NaN at \[0\]\[1\]/), inf('x', () => packed(tf, [[[Infinity]]]), /holds Infinity at \[0\]\[0\]\[0\]/),
    shape('x', 'a ragged row', () => packed(tf, [[1, 2], [3]]), /must be rectangular: \[1\] is not an array of length 2/),
    type('x', 'a string entry', () => packed(tf, bad([['1']])), /holds 1 at \[0\]\[0\]/)],
  'tfjs/tensors.ts#packedRows': [...batchCases('rows', z, (rows) => packedRows('packedRows', 'rows', rows)),
    shape('rows', 'rows narrower than the width asked for', () => packedRows('packedRows', 'rows', [[1, 2]], 3), /case 0 must be an array of length 3/),
    type('rows', 'rows is a number', () => packedRows('packedRows', 'rows', 3), /non-empty array of cases/)],
  'tfjs/tensors.ts#packedMatrices': [empty('t', () => packedMatrices('packedMatrices', 't', [])), nan('t[0]', () => packedMatrices('packedMatrices', 't', [[[NaN]]]), /NaN at index 0/),
    inf('t[1]', () => packedMatrices('packedMatrices', 't', [[[1, 2]], [[3, Infinity]]]), /Infinity at index 1/),
    shape('t', 'cases of different row counts', () => packedMatrices('packedMatrices', 't', [[[1]], [[1], [2]]]), /case 1 must be a matrix of 1 rows/),
    shape('t[0]', 'a ragged row', () => packedMatrices('packedMatrices', 't', [[[1, 2], [3]]]), /case 1 must be an array of length 2/)],
  'tfjs/tensors.ts#unpacked': [type('t', 'a number array, not a tensor', () => unpacked(bad([1, 2])), /must be a tfjs tensor/)],
  'tfjs/tensors.ts#tidyData': [notTf((t) => tidyData(t, () => 1)), type('compute', 'compute is not a function', () => tidyData(tf, bad(1)), /must be a function/)],
  'tfjs/higherOrderPatch.ts#applyHigherOrderPatch': [notTf((t) => applyHigherOrderPatch(t))],
  'tfjs/higherOrderPatch.ts#restoreStockGradients': [notTf((t) => restoreStockGradients(t))],
  'tfjs/index.ts#tfjsOracle': [type('accept', 'accept is not a function', () => tfjsOracle(bad(undefined)), /must be a function/)],

  'tfjs/information.ts#squaredDistanceOfProbabilities': [...batchCases('p', p, (q) => information.squaredDistanceOfProbabilities(q)),
    distribution('p', 'a case sums to 2', () => information.squaredDistanceOfProbabilities([[1, 1]]))],
  'tfjs/information.ts#gaussianNegativeLogDensity': vectorCases('x', [1, 2], (x) => information.gaussianNegativeLogDensity(x)),
  'tfjs/information.ts#softmaxRows': [notTf((t) => information.softmaxRows(t, z)), ...batchCases('z', z, (s) => information.softmaxRows(tf, s))],

  'tfjs/losses.ts#crossEntropyFromLogitsLoss': [...batchCases('p', p, (q) => losses.crossEntropyFromLogitsLoss(q, z)), ...batchCases('z', z, (s) => losses.crossEntropyFromLogitsLoss(p, s)).filter((c) => c.category !== 'empty'),
    shape('z', 'z narrower than p', () => losses.crossEntropyFromLogitsLoss(p, [[1]]), /length 2/)],
  'tfjs/losses.ts#softmaxRegressionLoss': [empty('x', () => losses.softmaxRegressionLoss([], P3, Wflat), /non-empty batch/),
    nan('x[0]', () => losses.softmaxRegressionLoss([[[NaN, 1], [1, 1]]], P3, Wflat), /NaN at index 0/), inf('W', () => losses.softmaxRegressionLoss(X, P3, [[Infinity, 0, 0, 1]]), /Infinity at index 0/),
    shape('W', 'W of the wrong width', () => losses.softmaxRegressionLoss(X, P3, [[1, 0]]), /length 4/),
    shape('p', 'two cases of p for one of x', () => losses.softmaxRegressionLoss(X, [...P3, ...P3], Wflat), /same number of cases/),
    distribution('p[0]', 'a target that sums to 2', () => losses.softmaxRegressionLoss(X, [[[1, 1], [0, 1]]], Wflat))],
  'tfjs/losses.ts#linearMseLoss': [...regressionCases('linearMseLoss', (x, y, b) => losses.linearMseLoss(x, y, b, 'half')),
    domain('convention', 'an unknown convention', () => losses.linearMseLoss(X, Y, bias, bad('mean')), /'half' or 'unhalved'/)],
  'tfjs/losses.ts#logisticCrossEntropyLoss': [...regressionCases('logisticCrossEntropyLoss', (x, y, b) => losses.logisticCrossEntropyLoss(x, y, b)),
    domain('y[0]', 'a label of 3', () => losses.logisticCrossEntropyLoss(X, [[3, 0]], bias), /labels in \[0, 1\], got 3/)],
  'tfjs/losses.ts#sigmoidMseLoss': [...regressionCases('sigmoidMseLoss', (x, y, b) => losses.sigmoidMseLoss(x, y, b, 'unhalved')),
    domain('convention', 'an unknown convention', () => losses.sigmoidMseLoss(X, Y, bias, bad(2)), /'half' or 'unhalved'/)],
  'tfjs/losses.ts#squaredErrorLoss': [...vectorCases('y', [1, 2], (y) => losses.squaredErrorLoss(y, 'half')),
    domain('convention', 'an unknown convention', () => losses.squaredErrorLoss([1], bad('x')), /'half' or 'unhalved'/)],
  'tfjs/losses.ts#softmaxProjectionLoss': batchCases('u', z, (u) => losses.softmaxProjectionLoss(u)),

  'tfjs/multitask.ts#twoTaskWeightedLoss': [empty('xReg', () => twoTaskWeightedLoss({ ...twoTask, xReg: [] }), /non-empty batch/),
    nan('xCls[0]', () => twoTaskWeightedLoss({ ...twoTask, xCls: [[[NaN, 1], [1, 1]]] }), /NaN at index 0/),
    inf('taskWeights', () => twoTaskWeightedLoss({ ...twoTask, taskWeights: [[1, Infinity]] }), /Infinity at index 1/),
    shape('taskWeights', 'three task weights', () => twoTaskWeightedLoss({ ...twoTask, taskWeights: [[1, 1, 1]] }), /length 2/),
    shape('yCls', 'two cases of yCls for one of xReg', () => twoTaskWeightedLoss({ ...twoTask, yCls: [[1, 0], [0, 1]], xCls: X }), /must hold 1 cases like xReg, got 2/),
    domain('yCls[0]', 'a class label of −1', () => twoTaskWeightedLoss({ ...twoTask, yCls: [[-1, 0]] }), /labels in \[0, 1\]/),
    type('data', 'no data', () => twoTaskWeightedLoss(bad(null)), /must be \{xReg/)],

  'tfjs/qualification.ts#measureKnownCases': [notTf((t) => measureKnownCases(t))],
  'tfjs/qualification.ts#measureLibraryDefects': [notTf((t) => measureLibraryDefects(t))],

  'tfjs/sigmoidUnit.ts#sigmoidSquaredErrorOfLogit': [...vectorCases('y', [1, 0], (y) => unit.sigmoidSquaredErrorOfLogit(y, 'half')),
    domain('convention', 'an unknown convention', () => unit.sigmoidSquaredErrorOfLogit([1], bad('x')), /'half' or 'unhalved'/)],
  'tfjs/sigmoidUnit.ts#binaryCrossEntropyOfLogit': [...vectorCases('y', [1, 0], (y) => unit.binaryCrossEntropyOfLogit(y, y.map(() => 0))),
    ...vectorCases('z', [1, 0], (s) => unit.binaryCrossEntropyOfLogit([1, 0], s)).filter((c) => c.category !== 'empty'),
    shape('z', 'one logit for two targets', () => unit.binaryCrossEntropyOfLogit([1, 0], [1]), /one logit per target/),
    domain('y', 'a label of 2', () => unit.binaryCrossEntropyOfLogit([2], [0]), /labels in \[0, 1\], got 2/)],
  'tfjs/sigmoidUnit.ts#binaryCrossEntropyOfProbability': [...vectorCases('y', [1, 0], (y) => unit.binaryCrossEntropyOfProbability(y)),
    domain('y', 'a label of −1', () => unit.binaryCrossEntropyOfProbability([-1]), /labels in \[0, 1\], got -1/)],
  'tfjs/sigmoidUnit.ts#squaredErrorOfProbability': [...vectorCases('y', [1, 0], (y) => unit.squaredErrorOfProbability(y, 'half')),
    domain('convention', 'an unknown convention', () => unit.squaredErrorOfProbability([1], bad(null)), /'half' or 'unhalved'/)],
  'tfjs/sigmoidUnit.ts#crossEntropyOfProbabilities': [...batchCases('p', p, (q) => unit.crossEntropyOfProbabilities(q)),
    distribution('p', 'a case with a negative entry', () => unit.crossEntropyOfProbabilities([[-0.5, 1.5]]))],
  'tfjs/sigmoidUnit.ts#logisticRegressionLogSumExpLoss': [empty('x', () => unit.logisticRegressionLogSumExpLoss([], Y, [x2]), /non-empty batch/),
    nan('x[0]', () => unit.logisticRegressionLogSumExpLoss([[[1, NaN], [1, 1]]], Y, [x2]), /NaN at index 1/),
    inf('w', () => unit.logisticRegressionLogSumExpLoss(X, Y, [[Infinity, 1]]), /Infinity at index 0/),
    shape('w', 'w of the wrong width', () => unit.logisticRegressionLogSumExpLoss(X, Y, [[1]]), /length 2/),
    shape('y', 'two cases of y for one of x', () => unit.logisticRegressionLogSumExpLoss(X, [[1, 0], [0, 1]], [x2]), /same number of cases/),
    domain('y[0]', 'a label of 2', () => unit.logisticRegressionLogSumExpLoss(X, [[2, 0]], [x2]), /labels in \[0, 1\], got 2/)],
};

/** A flat n×n matrix and its size: n, empty, NaN, ±Infinity, a length that is not n·n, asymmetry, nested rows, not an array. */
function flatEigenCases(fn: (a: ArrayLike<number>, n: number) => unknown): BadCall[] {
  return [
    ...numberCases('n', (n) => fn([1], n), /integer ≥ 1/),
    domain('n', 'n = 0', () => fn([], 0), /integer ≥ 1, got 0/),
    empty('a', () => fn(new Float64Array(0), 1), /must hold n·n = 1 entries \(row-major\), got 0/),
    nan('a', () => fn([2, NaN, 1, 2], 2), /holds NaN at \[0\]\[1\]/),
    inf('a', () => fn(new Float32Array([2, 1, 1, -Infinity]), 2), /holds -Infinity at \[1\]\[1\]/),
    shape('a', 'a holds 3 entries for n = 2', () => fn([1, 2, 3], 2), /must hold n·n = 4 entries/),
    shape('a', 'nested rows instead of a flat array', () => fn(bad([[2, 1], [1, 2], [0, 0], [0, 0]]), 2), /holds an array at \[0\]\[0\]; a flat array of numbers/),
    domain('a', 'a is not symmetric', () => fn([1, 2, 0, 1], 2), /is not symmetric: a\[1\]\[0\] = 0 but a\[0\]\[1\] = 2/),
    type('a', 'a is a string', () => fn(bad('1234'), 2), /must be a flat array/),
    type('a', 'a is null', () => fn(bad(null), 1), /must be a flat array/),
  ];
}

/** x [B][N][d], y [B][N], bias [B] for the regression builders. */
function regressionCases(fn: string, call: (x: number[][][], y: number[][], b: number[]) => unknown): BadCall[] {
  return [
    empty('x', () => call([], Y, bias), /non-empty batch/),
    nan('x[0]', () => call([[[1, 2], [NaN, 4]]], Y, bias), /NaN at index 0/),
    inf('bias', () => call(X, Y, [Infinity]), /Infinity at index 0/),
    shape('y', 'y with 3 targets for 2 rows', () => call(X, [[1, 0, 1]], bias), /length 2/),
    shape('y', `${fn}: bias for two cases, x for one`, () => call(X, Y, [0, 1]), /same number of cases/),
  ];
}

/** Oracle functions whose only argument is the tfjs namespace, or that take none: no NaN/Infinity case applies. */
const NO_NUMERIC_ARGUMENT: Record<string, string> = {
  'errors.ts#assertTf': 'takes the tfjs namespace',
  'errors.ts#assertFunction': 'takes a function',
  'errors.ts#assertConvention': 'takes a convention name',
  'tfjs/attention.ts#qualifyAttentionForward': 'takes the tfjs namespace',
  'tfjs/backend.ts#useBackend': 'takes a backend name',
  'tfjs/higherOrderPatch.ts#applyHigherOrderPatch': 'takes the tfjs namespace',
  'tfjs/higherOrderPatch.ts#restoreStockGradients': 'takes the tfjs namespace',
  'tfjs/index.ts#tfjsOracle': 'takes an acceptance function',
  'tfjs/autodiff.ts#replicating': 'takes a loss builder',
  'tfjs/qualification.ts#measureKnownCases': 'takes the tfjs namespace',
  'tfjs/qualification.ts#measureLibraryDefects': 'takes the tfjs namespace',
  'tfjs/tensors.ts#unpacked': 'takes a tensor (its values come from a kernel, not from a caller)',
  'tfjs/tensors.ts#tidyData': 'takes the tfjs namespace and a function',
};
/** Oracle functions with no arguments at all: nothing can be bad. */
const NO_ARGUMENTS: Record<string, string> = {
  'tfjs/backend.ts#tfjsRuntime': 'no arguments (the backend comes from LOSSCHECK_BACKEND, tested in useBackend/CLI tests)',
  'tfjs/higherOrderPatch.ts#isPatched': 'no arguments',
  'trigonometricSums.ts#qualifyTrigonometricSums': 'no arguments: fixed windows whose sums are known exactly',
  'tfjs/sigmoidUnit.ts#sigmoidOfParameter': 'no arguments: a fixed per-case loss σ(θ)',
  'tfjs/sigmoidUnit.ts#negativeLogOfParameter': 'no arguments: a fixed per-case loss −log θ',
};

describe('bad input to oracles/: an OracleInputError naming the function and the argument', () => {
  for (const [key, cases] of Object.entries(BAD_INPUT)) {
    const fn = key.split('#')[1]!;
    describe(key, () => {
      for (const c of cases) {
        it(`rejects ${c.what} (${c.category})`, async () => {
          let thrown: unknown, returned: unknown;
          try { returned = await c.call(); } catch (e) { thrown = e; }
          expect(thrown, `${fn} returned ${String(returned)} instead of throwing`).toBeInstanceOf(OracleInputError);
          const message = (thrown as Error).message;
          expect(message.startsWith(`${fn}: argument '${c.argument}' `), message).toBe(true);
          expect(message).toMatch(c.problem);
        });
      }
    });
  }
});

describe('bad-input coverage of oracles/ (meta)', () => {
  const root = fileURLToPath(new URL('../../oracles/', import.meta.url));
  const modules = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => relative(root, join(root, f))).sort();
  const isClass = (v: unknown) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));

  it('every function exported by a module under oracles/ has bad-input cases (or is listed as taking no arguments)', async () => {
    const missing: string[] = [];
    for (const file of modules) {
      const exports = await import(join(root, file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exports)) {
        const key = `${file}#${name}`;
        if (typeof value === 'function' && !isClass(value) && !(key in BAD_INPUT) && !(key in NO_ARGUMENTS)) missing.push(key);
      }
    }
    expect(missing, `oracle functions without bad-input tests: ${missing.join(', ')}. Add an entry '${missing[0] ?? 'file.ts#name'}': [...] `
      + 'to BAD_INPUT in test/oracles/bad-input.test.ts (batchCases/vectorCases/numberCases for NaN, ±Infinity and empty '
      + 'batches, shape() for sizes that must agree, distribution() where rows must be probability vectors, domain() for '
      + 'values outside the domain, notTf() for a tfjs namespace argument). The function must throw OracleInputError '
      + "with the message \"fn: argument 'name' …\" (helpers in oracles/errors.ts).").toEqual([]);
  });

  it('the table lists nothing that is no longer exported', async () => {
    const stale: string[] = [];
    for (const key of [...Object.keys(BAD_INPUT), ...Object.keys(NO_ARGUMENTS)]) {
      const [file, name] = key.split('#') as [string, string];
      const exports = modules.includes(file) ? await import(join(root, file)) as Record<string, unknown> : {};
      if (typeof exports[name] !== 'function') stale.push(key);
    }
    expect(stale, `remove from BAD_INPUT/NO_ARGUMENTS: ${stale.join(', ')}`).toEqual([]);
  });

  it('every entry covers NaN and Infinity unless its arguments are not numbers', () => {
    const thin = Object.entries(BAD_INPUT).filter(([key, cases]) => !(key in NO_NUMERIC_ARGUMENT)
      && !(cases.some((c) => c.category === 'nan') && cases.some((c) => c.category === 'infinity'))).map(([key]) => key);
    expect(thin, `add NaN and Infinity cases for: ${thin.join(', ')}`).toEqual([]);
  });
});
