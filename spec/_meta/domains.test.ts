// Tests the generators: every exported arbitrary of spec/domains stays inside its domain and reaches the
// edges of that domain in a sample of reasonable size. These are the two assertions of fast-check's own
// arbitrary tests (assertProduceCorrectValues, assertProduceSomeSpecificValues) and of array-api-tests'
// meta_tests/test_hypothesis_helpers.py (`test_symmetric_matrices` asserts m == m.mT). DOMAINS is keyed
// by export name; the meta-test at the end fails when spec/domains/index.ts exports an arbitrary that
// has no entry here, as test/impl/bad-input.test.ts does for impl/. A sample can show that an edge is
// reached or a value is out of domain, never that no value is: the seed is fixed, so a failure replays.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as domains from '../domains/index.ts';
import { tolerance } from '../engine/tolerance.ts';
import { DEFAULT_CONFIG } from '../engine/config.ts';
import { symmetricEigenvalues } from '../../impl/index.ts';

const SEED = DEFAULT_CONFIG.seed;
/** Cases per arbitrary: enough to reach edges drawn with a chance of ≳ 1%, small enough for the whole file to take ~1 s. */
const RUNS = 400;

// ---- Domain predicates -------------------------------------------------------------------------------

const finite = (xs: readonly number[]) => xs.every(Number.isFinite);
const within = (xs: readonly number[], lo: number, hi: number) => xs.every((x) => x >= lo && x <= hi);
const isInteger = (x: number, lo: number, hi: number) => Number.isInteger(x) && x >= lo && x <= hi;
const hasShape = (m: readonly (readonly number[])[], rows: number, cols: number) => m.length === rows && m.every((r) => r.length === cols);
const equal = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** Σ p rounds to 1 within the float64 rounding of normalising and summing C terms ≤ 1. */
const sumsToOne = (p: readonly number[]) => Math.abs(p.reduce((s, x) => s + x, 0) - 1)
  <= tolerance({ dtypes: ['float64', 'float64'], operations: 2 * p.length + 2, scale: 1 });
/** A point of the probability simplex; `interior`: every entry > 0. */
const onSimplex = (p: readonly number[], interior = true) => finite(p) && p.every((x) => (interior ? x > 0 : x >= 0) && x <= 1) && sumsToOne(p);
const isOneHot = (p: readonly number[]) => p.filter((x) => x === 1).length === 1 && p.every((x) => x === 0 || x === 1);
const spread = (z: readonly number[]) => Math.max(...z) - Math.min(...z);
const maxAbs = (xs: readonly number[]) => Math.max(...xs.map(Math.abs));
const norm = (v: readonly number[]) => Math.hypot(...v);
const gram = (X: readonly (readonly number[])[]) => X[0]!.map((_, i) => X[0]!.map((__, j) => X.reduce((s, x) => s + x[i]! * x[j]!, 0)));
/** κ(XᵀX) from the (qualified-elsewhere) impl eigensolver; Infinity when singular. */
const gramCondition = (X: readonly (readonly number[])[]) => {
  const l = symmetricEigenvalues(gram(X));
  return l[0]! > 0 ? l.at(-1)! / l[0]! : Infinity;
};
const isRegressionCase = (c: domains.RegressionCase) => hasShape(c.X, c.N, c.d) && c.y.length === c.N && c.w.length === c.d
  && finite([...c.X.flat(), ...c.y, ...c.w, c.b]);

// ---- The table ---------------------------------------------------------------------------------------

interface DomainCase<T> {
  /** The call tested, e.g. "simplexPoint(4, { nearVertex: true })". */
  call: string;
  arbitrary: fc.Arbitrary<T>;
  /** The domain in words, and the predicate every value must satisfy. */
  domain: string;
  inside: (v: T) => boolean;
  /** Edges of the domain a sample of RUNS values must reach (each at least once). */
  edges: Record<string, (v: T) => boolean>;
}

const entry = <T>(c: DomainCase<T>): DomainCase<unknown> => c as DomainCase<unknown>;

const DOMAINS: Record<string, DomainCase<unknown>[]> = {
  real: [entry({
    call: 'real(3)', arbitrary: domains.real(3), domain: 'x ∈ [−3, 3]', inside: (x) => x >= -3 && x <= 3,
    // The exact ends ±3 come once in ~700 draws; within 10⁻⁴ of them, once in ~35.
    edges: { 'x ≤ −3(1 − 10⁻⁴)': (x) => x <= -3 * (1 - 1e-4), 'x ≥ 3(1 − 10⁻⁴)': (x) => x >= 3 * (1 - 1e-4), 'x = 0': (x) => x === 0, '0 < |x| < 10⁻⁴': (x) => x !== 0 && Math.abs(x) < 1e-4 },
  })],
  between: [entry({
    call: 'between(−2, 5)', arbitrary: domains.between(-2, 5), domain: 'x ∈ [−2, 5]', inside: (x) => x >= -2 && x <= 5,
    edges: { 'x = −2': (x) => x === -2, 'x = 5': (x) => x === 5, 'x inside': (x) => x > 0 && x < 4 },
  })],
  vector: [entry({
    call: 'vector(4, 2)', arbitrary: domains.vector(4, 2), domain: 'length 4, entries in [−2, 2]',
    inside: (v) => v.length === 4 && within(v, -2, 2),
    edges: { 'an entry at ±2': (v) => v.some((x) => Math.abs(x) === 2), 'a zero entry': (v) => v.includes(0), 'entries of both signs': (v) => v.some((x) => x > 0) && v.some((x) => x < 0) },
  })],
  nonZeroVector: [entry({
    call: 'nonZeroVector(2, 1)', arbitrary: domains.nonZeroVector(2, 1), domain: 'length 2, entries in [−1, 1], v ≠ 0',
    inside: (v) => v.length === 2 && within(v, -1, 1) && v.some((x) => x !== 0),
    edges: { 'a zero entry': (v) => v.includes(0), '‖v‖ < 10⁻⁴': (v) => norm(v) < 1e-4, '‖v‖ > 1.4': (v) => norm(v) > 1.4 },
  })],
  matrix: [entry({
    call: 'matrix(3, 2, 1)', arbitrary: domains.matrix(3, 2, 1), domain: '3×2, entries in [−1, 1]',
    inside: (m) => hasShape(m, 3, 2) && within(m.flat(), -1, 1),
    edges: { 'an entry at ±1': (m) => m.flat().some((x) => Math.abs(x) === 1), 'a zero entry': (m) => m.flat().includes(0) },
  })],
  logits: [entry({
    call: 'logits(5)', arbitrary: domains.logits(5), domain: 'length 5, finite, |z| ≤ 8',
    inside: (z) => z.length === 5 && finite(z) && within(z, -8, 8),
    edges: { 'spread > 12 (softmax near one-hot)': (z) => spread(z) > 12, 'a near-tie (two logits within 10⁻²)': (z) => z.some((x, i) => z.some((y, j) => i !== j && Math.abs(x - y) < 1e-2)), 'an entry at 0': (z) => z.includes(0) },
  })],
  oneHot: [entry({
    call: 'oneHot(4)', arbitrary: domains.oneHot(4), domain: 'length 4, exactly one 1, the rest 0',
    inside: (p) => p.length === 4 && isOneHot(p),
    edges: { 'class 0': (p) => p[0] === 1, 'class 3': (p) => p[3] === 1 },
  })],
  simplexPoint: [
    entry({
      call: 'simplexPoint(4)', arbitrary: domains.simplexPoint(4), domain: 'Δ³: 4 entries > 0 summing to 1',
      inside: (p) => p.length === 4 && onSimplex(p),
      edges: {
        'near the centre (every |p_i − ¼| < 0.05)': (p) => p.every((x) => Math.abs(x - 0.25) < 0.05),
        'near a vertex (max p_i > 0.99)': (p) => Math.max(...p) > 0.99,
        'a tiny entry (< 10⁻⁵)': (p) => Math.min(...p) < 1e-5,
      },
    }),
    entry({
      call: 'simplexPoint(3, { nearVertex: true })', arbitrary: domains.simplexPoint(3, { nearVertex: true }), domain: 'Δ²: 3 entries > 0 summing to 1, one ≥ 0.9',
      inside: (p) => p.length === 3 && onSimplex(p) && Math.max(...p) >= 0.9,
      edges: {
        'within 10⁻¹¹ of a vertex': (p) => 1 - Math.max(...p) < 1e-11,
        'only 10⁻¹…10⁻² from the vertex': (p) => 1 - Math.max(...p) > 1e-2,
        'an entry below 10⁻¹⁵': (p) => Math.min(...p) < 1e-15,
      },
    }),
  ],
  dimensions: [entry({
    call: 'dimensions()', arbitrary: domains.dimensions(), domain: 'd ∈ [1, 5], C ∈ [2, 5], N ∈ [1, 6]',
    inside: ({ d, C, N }) => isInteger(d, 1, 5) && isInteger(C, 2, 5) && isInteger(N, 1, 6),
    edges: { 'd = 1': (x) => x.d === 1, 'd = 5': (x) => x.d === 5, 'C = 2': (x) => x.C === 2, 'C = 5': (x) => x.C === 5, 'N = 1': (x) => x.N === 1, 'N = 6': (x) => x.N === 6 },
  })],
  softmaxRegressionCase: [entry({
    call: 'softmaxRegressionCase()', arbitrary: domains.softmaxRegressionCase(), domain: 'W d×C in [−2, 2], X N×d in [−2, 2], P N one-hot rows over C',
    inside: (c) => hasShape(c.W, c.d, c.C) && hasShape(c.X, c.N, c.d) && c.P.length === c.N && c.P.every((p) => p.length === c.C && isOneHot(p))
      && within(c.W.flat(), -2, 2) && within(c.X.flat(), -2, 2),
    edges: { 'd = 1, C = 2': (c) => c.d === 1 && c.C === 2, 'd = 5, C = 5': (c) => c.d === 5 && c.C === 5, 'N = 6': (c) => c.N === 6, 'every row the same class (N ≥ 2)': (c) => c.N >= 2 && c.P.every((p) => equal(p, c.P[0]!)) },
  })],
  regressionCase: [entry({
    call: 'regressionCase()', arbitrary: domains.regressionCase(), domain: 'X N×d in [−2, 2], y ∈ [−3, 3]^N, w ∈ [−2, 2]^d, b ∈ [−2, 2]',
    inside: (c) => isRegressionCase(c) && within(c.X.flat(), -2, 2) && within(c.y, -3, 3) && within(c.w, -2, 2) && Math.abs(c.b) <= 2,
    edges: { 'N < d': (c) => c.N < c.d, 'N > d': (c) => c.N > c.d, 'N = 8': (c) => c.N === 8 },
  })],
  binaryClassificationCase: [entry({
    call: 'binaryClassificationCase()', arbitrary: domains.binaryClassificationCase(), domain: 'as regressionCase with y ∈ {0, 1}^N',
    inside: (c) => isRegressionCase(c) && c.y.every((y) => y === 0 || y === 1),
    edges: { 'both labels in one batch': (c) => c.y.includes(0) && c.y.includes(1), 'one label only (N ≥ 3)': (c) => c.N >= 3 && c.y.every((y) => y === c.y[0]) },
  })],

  // saturation.ts
  binaryLabel: [entry({
    call: 'binaryLabel()', arbitrary: domains.binaryLabel(), domain: 'y ∈ {0, 1}', inside: (y) => y === 0 || y === 1,
    edges: { 'y = 0': (y) => y === 0, 'y = 1': (y) => y === 1 },
  })],
  saturatedProbability: [entry({
    call: 'saturatedProbability(1, 16)', arbitrary: domains.saturatedProbability(1, domains.MAX_SATURATION_DECADES),
    domain: 'ŷ ∈ (0, 1) within distance 10^{−k}, k ∈ [1, 16], of its end',
    inside: ({ yHat, distance, end }) => yHat > 0 && yHat < 1 && distance >= 1e-16 && distance <= 0.1
      && (end === 0 ? yHat === distance : Math.abs(1 - yHat - distance) <= 2 ** -53),
    edges: { 'ŷ < 10⁻¹⁵': (s) => s.yHat < 1e-15, 'ŷ > 1 − 10⁻¹⁵': (s) => s.yHat > 1 - 1e-15, 'ŷ = 0.9 (k = 1)': (s) => s.yHat === 0.9 },
  })],
  sigmoidOutput: [entry({
    call: 'sigmoidOutput(12)', arbitrary: domains.sigmoidOutput(12), domain: 'z ∈ [−12, 12]', inside: ({ z }) => Math.abs(z) <= 12,
    edges: { 'z ≤ −11.99 (σ ≈ 6·10⁻⁶)': ({ z }) => z <= -11.99, 'z ≥ 11.99': ({ z }) => z >= 11.99, '|z| < 10⁻³': ({ z }) => Math.abs(z) < 1e-3 },
  })],
  saturatedLogit: [entry({
    call: 'saturatedLogit(5, 30)', arbitrary: domains.saturatedLogit(5, 30), domain: '|z| ∈ [5, 30]', inside: (z) => Math.abs(z) >= 5 && Math.abs(z) <= 30,
    edges: { 'z ≤ −29.99': (z) => z <= -29.99, 'z ≥ 29.99': (z) => z >= 29.99, 'z = ±5': (z) => Math.abs(z) === 5 },
  })],
  sigmoidUnitSample: [entry({
    call: 'sigmoidUnitSample()', arbitrary: domains.sigmoidUnitSample(), domain: 'd ∈ [1, 5], x ∈ [−2, 2]^d, w ∈ [−3, 3]^d, y ∈ {0, 1}',
    inside: (s) => isInteger(s.d, 1, 5) && s.x.length === s.d && s.w.length === s.d && within(s.x, -2, 2) && within(s.w, -3, 3) && (s.y === 0 || s.y === 1),
    edges: { 'd = 1': (s) => s.d === 1, 'd = 5': (s) => s.d === 5, '|wᵀx| > 10 (saturated unit)': (s) => Math.abs(s.w.reduce((t, wi, i) => t + wi * s.x[i]!, 0)) > 10 },
  })],

  // convexity.ts
  chord: [entry({
    call: 'chord(3, 4)', arbitrary: domains.chord(3, 4), domain: 'a, b ∈ [−4, 4]³, λ ∈ [0, 1]',
    inside: (c) => c.a.length === 3 && c.b.length === 3 && within([...c.a, ...c.b], -4, 4) && c.lambda >= 0 && c.lambda <= 1,
    edges: { 'λ = 0': (c) => c.lambda === 0, 'λ = 1': (c) => c.lambda === 1, '‖a − b‖ > 8': (c) => norm(c.a.map((x, i) => x - c.b[i]!)) > 8 },
  })],
  regressionChord: [entry({
    call: 'regressionChord()', arbitrary: domains.regressionChord(), domain: 'X N×d, y ∈ [−3, 3]^N, a chord in [−3, 3]^d',
    inside: (c) => c.X.length === c.y.length && c.X.every((x) => x.length === c.chord.a.length) && c.chord.b.length === c.chord.a.length && within(c.y, -3, 3)
      && within([...c.chord.a, ...c.chord.b], -3, 3),
    edges: { 'd = 5': (c) => c.chord.a.length === 5, 'N = 1': (c) => c.X.length === 1 },
  })],
  softmaxRegressionChord: [entry({
    call: 'softmaxRegressionChord()', arbitrary: domains.softmaxRegressionChord(), domain: 'X N×d, one-hot P N×C, a chord in [−3, 3]^{d·C}',
    inside: (c) => c.X.every((x) => x.length === c.d) && c.P.length === c.X.length && c.P.every((p) => p.length === c.C && isOneHot(p))
      && c.chord.a.length === c.d * c.C && c.chord.b.length === c.d * c.C,
    edges: { 'd·C = 16': (c) => c.d * c.C === 16, 'd·C = 2': (c) => c.d * c.C === 2 },
  })],
  simplexChord: [entry({
    call: 'simplexChord()', arbitrary: domains.simplexChord(), domain: 'p, a, b ∈ interior of Δ^{C−1}, C ∈ [2, 5], λ ∈ [0, 1]',
    inside: (c) => [c.p, c.chord.a, c.chord.b].every((x) => x.length === c.p.length && onSimplex(x)) && c.chord.lambda >= 0 && c.chord.lambda <= 1,
    edges: { 'C = 2': (c) => c.p.length === 2, 'C = 5': (c) => c.p.length === 5, 'an endpoint near a vertex (> 0.99)': (c) => Math.max(...c.chord.a, ...c.chord.b) > 0.99 },
  })],
  overdeterminedRegression: [entry({
    call: 'overdeterminedRegression()', arbitrary: domains.overdeterminedRegression(),
    domain: `N ∈ [d + 1, d + 5], XᵀX positive definite with κ ≤ MAX_GRAM_CONDITION (${domains.MAX_GRAM_CONDITION.toExponential(1)})`,
    inside: (c) => isRegressionCase(c) && c.N > c.d && c.N <= c.d + 5 && c.b === 0 && gramCondition(c.X) <= domains.MAX_GRAM_CONDITION,
    edges: { 'N = d + 1': (c) => c.N === c.d + 1, 'N = d + 5': (c) => c.N === c.d + 5, 'κ(XᵀX) > 10⁶ (a tiny column)': (c) => gramCondition(c.X) > 1e6 },
  })],
  underdeterminedRegression: [entry({
    call: 'underdeterminedRegression()', arbitrary: domains.underdeterminedRegression(), domain: 'N ∈ [1, d − 1]: XᵀX (rank ≤ N < d) singular',
    inside: (c) => isRegressionCase(c) && c.N >= 1 && c.N < c.d && c.b === 0,
    edges: { 'N = 1': (c) => c.N === 1, 'N = d − 1 with d = 5': (c) => c.d === 5 && c.N === 4 },
  })],

  // decision.ts
  monteCarloSeed: [entry({
    call: 'monteCarloSeed()', arbitrary: domains.monteCarloSeed(), domain: 'an integer in [0, 2³¹ − 2]', inside: (s) => isInteger(s, 0, 2 ** 31 - 2),
    edges: { 'seed 0': (s) => s === 0, 'seed > 2³⁰': (s) => s > 2 ** 30 },
  })],
  noiseSpec: [
    entry({
      call: 'noiseSpec()', arbitrary: domains.noiseSpec(), domain: 'kind ∈ {gaussian, laplace, exponential}, sd ∈ [0.2, 3], mean 0',
      inside: (n) => ['gaussian', 'laplace', 'exponential'].includes(n.kind) && n.sd >= 0.2 && n.sd <= 3 && n.mean === 0,
      edges: { gaussian: (n) => n.kind === 'gaussian', laplace: (n) => n.kind === 'laplace', exponential: (n) => n.kind === 'exponential', 'sd = 0.2': (n) => n.sd === 0.2, 'sd = 3': (n) => n.sd === 3 },
    }),
    entry({
      call: 'noiseSpec({ nonzeroMean: true })', arbitrary: domains.noiseSpec({ nonzeroMean: true }), domain: '|mean|/sd ∈ [1, 3]',
      inside: (n) => Math.abs(n.mean) / n.sd >= 1 - 1e-12 && Math.abs(n.mean) / n.sd <= 3 + 1e-12,
      edges: { 'mean < 0': (n) => n.mean < 0, 'mean > 0': (n) => n.mean > 0, '|mean| = 3 sd': (n) => Math.abs(Math.abs(n.mean) / n.sd - 3) < 1e-12 },
    }),
  ],
  targetPoint: [entry({
    call: 'targetPoint()', arbitrary: domains.targetPoint(), domain: 'x, w ∈ [−2, 2]^d, d ∈ [1, 4], b ∈ [−2, 2]',
    inside: (t) => t.x.length === t.w.length && isInteger(t.x.length, 1, 4) && within([...t.x, ...t.w, t.b], -2, 2),
    edges: { 'd = 1': (t) => t.x.length === 1, 'd = 4': (t) => t.x.length === 4 },
  })],
  taskGradients: [entry({
    call: 'taskGradients()', arbitrary: domains.taskGradients(), domain: 'K ∈ [2, 4] gradients in R^d, d ∈ [1, 6], each non-zero, |entries| ≤ 10³',
    inside: (g) => isInteger(g.length, 2, 4) && g.every((gk) => gk.length === g[0]!.length && finite(gk) && gk.some((x) => x !== 0) && maxAbs(gk) <= 1e3),
    edges: {
      'norms 10⁴ apart (task losses of different scales)': (g) => Math.max(...g.map(norm)) / Math.min(...g.map(norm)) > 1e4,
      'a norm < 10⁻³': (g) => g.some((gk) => norm(gk) < 1e-3), 'a norm > 10²': (g) => g.some((gk) => norm(gk) > 1e2),
    },
  })],
  taskWeights: [entry({
    call: 'taskWeights(3)', arbitrary: domains.taskWeights(3), domain: '3 weights in [0.1, 10]', inside: (w) => w.length === 3 && within(w, 0.1, 10),
    edges: { 'w = 0.1': (w) => w.includes(0.1), 'w = 10': (w) => w.includes(10) },
  })],
  classProbabilities: [entry({
    call: 'classProbabilities()', arbitrary: domains.classProbabilities(), domain: 'Δ^{C−1}, C ∈ [2, 6], every entry ≥ 1/(100·C)',
    inside: (p) => isInteger(p.length, 2, 6) && onSimplex(p) && p.every((x) => x >= 1 / (100 * p.length)),
    edges: { 'uniform': (p) => p.every((x) => x === p[0]), 'an entry at the floor (< 1/(50·C))': (p) => p.some((x) => x < 1 / (50 * p.length)), 'C = 6': (p) => p.length === 6 },
  })],
  twoTaskCase: [entry({
    call: 'twoTaskCase()', arbitrary: domains.twoTaskCase(), domain: 'w ∈ R^d, regression and logistic batches over d features, two weights in [0.1, 10]',
    inside: (c) => c.w.length === c.d && c.xReg.length === c.yReg.length && c.xCls.length === c.yCls.length && [...c.xReg, ...c.xCls].every((x) => x.length === c.d)
      && c.yCls.every((y) => y === 0 || y === 1) && c.taskWeights.length === 2 && within(c.taskWeights, 0.1, 10),
    edges: { 'd = 4': (c) => c.d === 4, 'one sample per task': (c) => c.xReg.length === 1 && c.xCls.length === 1 },
  })],
  weightedTaskGradients: [entry({
    call: 'weightedTaskGradients()', arbitrary: domains.weightedTaskGradients(), domain: 'non-zero task gradients with one weight in [0.1, 10] each',
    inside: ({ g, w }) => g.length === w.length && g.every((gk) => gk.some((x) => x !== 0)) && within(w, 0.1, 10),
    edges: { 'K = 2': ({ g }) => g.length === 2, 'K = 4': ({ g }) => g.length === 4 },
  })],
  weightedTaskGradientsWithZero: [entry({
    call: 'weightedTaskGradientsWithZero()', arbitrary: domains.weightedTaskGradientsWithZero(), domain: 'as weightedTaskGradients, with g_zero = 0 and the others non-zero',
    inside: ({ g, w, zero }) => g.length === w.length && isInteger(zero, 0, g.length - 1) && g.every((gk, k) => (k === zero) === gk.every((x) => x === 0)),
    edges: { 'the first task at 0': ({ zero }) => zero === 0, 'the last of 4 at 0': ({ g, zero }) => g.length === 4 && zero === 3 },
  })],

  // attention.ts
  attentionCase: [
    entry({
      call: 'attentionCase()', arbitrary: domains.attentionCase(), domain: 'Q n×d_k, K m×d_k, V m×d_v, entries in [−2, 2], n, m ∈ [1, 5], d_k ∈ [1, 8], d_v ∈ [1, 4]',
      inside: (c) => hasShape(c.Q, c.n, c.dk) && hasShape(c.K, c.m, c.dk) && hasShape(c.V, c.m, c.dv) && isInteger(c.n, 1, 5) && isInteger(c.m, 1, 5)
        && isInteger(c.dk, 1, 8) && isInteger(c.dv, 1, 4) && within([...c.Q.flat(), ...c.K.flat(), ...c.V.flat()], -2, 2),
      edges: { 'n ≠ m': (c) => c.n !== c.m, 'm = 1 (one key)': (c) => c.m === 1, 'd_k = 8': (c) => c.dk === 8, 'a score q·k/√d_k > 4': (c) => c.Q.some((q) => c.K.some((k) => q.reduce((s, x, l) => s + x * k[l]!, 0) / Math.sqrt(c.dk) > 4)) },
    }),
    entry({
      call: 'attentionCase({ square: true })', arbitrary: domains.attentionCase({ square: true }), domain: 'm = n',
      inside: (c) => c.m === c.n && hasShape(c.K, c.n, c.dk) && hasShape(c.V, c.n, c.dv), edges: { 'n = 5': (c) => c.n === 5 },
    }),
  ],

  // geometry.ts
  simplexWithClasses: [entry({
    call: 'simplexWithClasses(2, 6)', arbitrary: domains.simplexWithClasses(2, 6), domain: 'C ∈ [2, 6], p ∈ interior of Δ^{C−1}',
    inside: ({ C, p }) => isInteger(C, 2, 6) && p.length === C && onSimplex(p),
    edges: { 'C = 2': ({ C }) => C === 2, 'C = 6': ({ C }) => C === 6, 'within 10⁻¹¹ of a vertex': ({ p }) => 1 - Math.max(...p) < 1e-11, 'near the centre': ({ C, p }) => p.every((x) => Math.abs(x - 1 / C) < 0.05) },
  })],
  simplexPair: [entry({
    call: 'simplexPair(2, 4)', arbitrary: domains.simplexPair(2, 4), domain: 'p, q ∈ interior of the same Δ^{C−1}, C ∈ [2, 4]',
    inside: ({ C, p, q }) => isInteger(C, 2, 4) && p.length === C && q.length === C && onSimplex(p) && onSimplex(q),
    edges: { 'both near the same vertex (‖p − q‖ < 10⁻⁶)': ({ p, q }) => norm(p.map((x, i) => x - q[i]!)) < 1e-6, 'far apart (‖p − q‖ > 1)': ({ p, q }) => norm(p.map((x, i) => x - q[i]!)) > 1 },
  })],
  distinctSimplexPair: [entry({
    call: 'distinctSimplexPair(2, 4)', arbitrary: domains.distinctSimplexPair(2, 4), domain: 'as simplexPair, with p ≠ q',
    inside: ({ C, p, q }) => p.length === C && q.length === C && onSimplex(p) && onSimplex(q) && !equal(p, q),
    edges: { 'close but distinct (‖p − q‖ < 10⁻⁶)': ({ p, q }) => norm(p.map((x, i) => x - q[i]!)) < 1e-6, 'C = 4': ({ C }) => C === 4 },
  })],
  logitsWithClasses: [entry({
    call: 'logitsWithClasses(2, 6)', arbitrary: domains.logitsWithClasses(2, 6), domain: 'C ∈ [2, 6], z ∈ [−6, 6]^C',
    inside: ({ C, z }) => isInteger(C, 2, 6) && z.length === C && within(z, -6, 6),
    edges: { 'spread > 10': ({ z }) => spread(z) > 10, 'spread < 0.5': ({ z }) => spread(z) < 0.5, 'C = 6': ({ C }) => C === 6 },
  })],
  tangentPerturbation: [
    entry({
      call: 'tangentPerturbation(2, 6)', arbitrary: domains.tangentPerturbation(2, 6),
      domain: 'P interior, Σ δ = 0, |δ_i| ≤ P_i (P ± δ stays in the closed simplex), max_i |δ_i|/P_i = 1',
      inside: ({ C, P, delta }) => P.length === C && delta.length === C && onSimplex(P)
        && Math.abs(delta.reduce((s, d) => s + d, 0)) <= tolerance({ dtypes: ['float64', 'float64'], operations: C, scale: maxAbs(delta) })
        && delta.every((d, i) => Math.abs(d) <= P[i]! * (1 + 1e-12)) && Math.abs(Math.max(...delta.map((d, i) => Math.abs(d) / P[i]!)) - 1) < 1e-9,
      edges: { 'C = 2': ({ C }) => C === 2, 'C = 6': ({ C }) => C === 6, 'P with an entry < 10⁻⁵': ({ P }) => Math.min(...P) < 1e-5 },
    }),
    entry({
      call: 'tangentPerturbation(3, 3, { nearVertex: true })', arbitrary: domains.tangentPerturbation(3, 3, { nearVertex: true }), domain: 'P may sit near a vertex',
      inside: ({ P, delta }) => onSimplex(P) && delta.every((d, i) => Math.abs(d) <= P[i]! * (1 + 1e-12)),
      edges: { 'P within 10⁻¹⁰ of a vertex': ({ P }) => 1 - Math.max(...P) < 1e-10 },
    }),
  ],
  twoClassPrediction: [entry({
    call: 'twoClassPrediction()', arbitrary: domains.twoClassPrediction(), domain: 'p̂ ∈ (0, 1)', inside: (p) => p > 0 && p < 1,
    edges: { 'p̂ ≤ 10⁻¹¹': (p) => p <= 1e-11, 'p̂ ≥ 1 − 10⁻¹¹': (p) => p >= 1 - 1e-11, 'p̂ ∈ [0.4, 0.6]': (p) => p >= 0.4 && p <= 0.6 },
  })],
  adamRun: [
    entry({
      call: 'adamRun()', arbitrary: domains.adamRun(), domain: 'a setting of ADAM_SETTINGS, n ∈ [1, 4], T ∈ [1, 12] gradients in R^n, |g| ≤ 10², w₀ ∈ [−2, 2]^n',
      inside: (r) => isInteger(r.setting, 0, domains.ADAM_SETTINGS.length - 1) && isInteger(r.n, 1, 4) && r.w0.length === r.n && within(r.w0, -2, 2)
        && isInteger(r.gradients.length, 1, 12) && r.gradients.every((g) => g.length === r.n && within(g, -100, 100)),
      edges: {
        ...Object.fromEntries(domains.ADAM_SETTINGS.map((_, k) => [`setting ${k}`, (r: domains.AdamRun) => r.setting === k])),
        'T = 1': (r) => r.gradients.length === 1, 'T = 12': (r) => r.gradients.length === 12,
        'gradients ≤ 10⁻³ (below ε of setting 2)': (r) => maxAbs(r.gradients.flat()) < 1e-3, 'a gradient > 10': (r) => maxAbs(r.gradients.flat()) > 10,
        'a zero gradient coordinate': (r) => r.gradients.flat().includes(0),
      },
    }),
    entry({
      call: 'adamRun({ steps: [2, 3], nonZero: true })', arbitrary: domains.adamRun({ steps: [2, 3], nonZero: true }), domain: 'T ∈ [2, 3], every gradient coordinate ≠ 0',
      inside: (r) => isInteger(r.gradients.length, 2, 3) && r.gradients.every((g) => g.every((x) => x !== 0)),
      edges: { 'T = 2': (r) => r.gradients.length === 2, 'T = 3': (r) => r.gradients.length === 3 },
    }),
  ],
  spdMetric: [
    entry({
      call: 'spdMetric([2, 5], 2)', arbitrary: domains.spdMetric([2, 5], 2),
      domain: 'G = Gᵀ exactly, G q_k = λ_k q_k with orthonormal q_k, λ_k ∈ [10⁻², 10²] (κ ≤ 10⁴), g ≠ 0',
      inside: (m) => isSpdMetric(m, 2),
      edges: { 'κ > 10³': (m) => condition(m) > 1e3, 'κ < 3': (m) => condition(m) < 3, 'n = 2': (m) => m.n === 2, 'n = 5': (m) => m.n === 5 },
    }),
    entry({
      call: 'spdMetric([2, 5], 3)', arbitrary: domains.spdMetric([2, 5], 3), domain: 'λ_k ∈ [10⁻³, 10³] (κ ≤ 10⁶)',
      inside: (m) => isSpdMetric(m, 3),
      edges: { 'κ > 10⁵ (the stated range edge is 10⁶)': (m) => condition(m) > 1e5 },
    }),
  ],

  // extreme.ts
  signedMagnitude: [entry({
    call: 'signedMagnitude(−8, 4)', arbitrary: domains.signedMagnitude(-8, 4), domain: '|x| ∈ [10⁻⁸, 10⁴], either sign',
    inside: (x) => Math.abs(x) >= 1e-8 * (1 - 1e-12) && Math.abs(x) <= 1e4 * (1 + 1e-12),
    edges: { 'x ≥ 0.999·10⁴': (x) => x >= 9990, 'x ≤ −0.999·10⁴': (x) => x <= -9990, '|x| = 10⁻⁸': (x) => Math.abs(x) === 1e-8 },
  })],
  extremeLogit: [entry({
    call: 'extremeLogit()', arbitrary: domains.extremeLogit(), domain: `|z| ≤ EXTREME_LOGIT = ${domains.EXTREME_LOGIT}, finite`,
    inside: (z) => Number.isFinite(z) && Math.abs(z) <= domains.EXTREME_LOGIT * (1 + 1e-12),
    edges: { 'z = 10⁴': (z) => z === domains.EXTREME_LOGIT, 'z = −10⁴': (z) => z === -domains.EXTREME_LOGIT, 'z = 0': (z) => z === 0, '0 < |z| < 10⁻⁷': (z) => z !== 0 && Math.abs(z) < 1e-7 },
  })],
  mixedScaleLogits: [entry({
    call: 'mixedScaleLogits()', arbitrary: domains.mixedScaleLogits(), domain: 'C ∈ [2, 6] extreme logits',
    inside: (z) => isInteger(z.length, 2, 6) && finite(z) && maxAbs(z) <= domains.EXTREME_LOGIT * (1 + 1e-12),
    edges: { 'mixed scales (|z_i| ≥ 10³ and |z_j| ≤ 10⁻³ in one vector)': (z) => z.some((x) => Math.abs(x) >= 1e3) && z.some((x) => Math.abs(x) <= 1e-3), 'both ±10⁴': (z) => z.includes(1e4) && z.includes(-1e4) },
  })],
  saturatingLogits: [entry({
    call: 'saturatingLogits()', arbitrary: domains.saturatingLogits(), domain: 'z_leader − max_{j≠leader} z_j ≥ 1, |z| ≤ 10⁴ + 5·10³',
    inside: ({ z, leader }) => isInteger(leader, 0, z.length - 1) && z.every((x, j) => j === leader || z[leader]! - x >= 1 - 1e-9) && maxAbs(z) <= 1.5e4,
    edges: { 'gap ≥ 10³': ({ z, leader }) => z.every((x, j) => j === leader || z[leader]! - x >= 1e3), 'gap < 2': ({ z, leader }) => z.some((x, j) => j !== leader && z[leader]! - x < 2) },
  })],
  boundaryProbability: [entry({
    call: 'boundaryProbability()', arbitrary: domains.boundaryProbability(), domain: 'p ∈ [0, 1]', inside: (p) => p >= 0 && p <= 1,
    edges: { 'p = 0': (p) => p === 0, 'p = 1': (p) => p === 1, 'the smallest subnormal 2⁻¹⁰⁷⁴': (p) => p === 2 ** -1074, 'p = 1 − 2⁻⁵³': (p) => p === 1 - 2 ** -53, 'p < 10⁻²⁰⁰': (p) => p > 0 && p < 1e-200 },
  })],
  underflowDistribution: [entry({
    call: 'underflowDistribution()', arbitrary: domains.underflowDistribution(), domain: 'Δ^{C−1} (entries ≥ 0, Σ = 1), C ∈ [2, 6]',
    inside: (p) => isInteger(p.length, 2, 6) && onSimplex(p, false),
    edges: { 'an exact zero': (p) => p.includes(0), 'a subnormal entry': (p) => p.some((x) => x > 0 && x < 2 ** -1022), 'an entry in (10⁻³⁰⁰, 10⁻¹⁰⁰)': (p) => p.some((x) => x > 1e-300 && x < 1e-100) },
  })],
  oneHotWithClass: [entry({
    call: 'oneHotWithClass(3)', arbitrary: domains.oneHotWithClass(3), domain: 'p one-hot at index c', inside: ({ p, c }) => p.length === 3 && isOneHot(p) && p[c] === 1,
    edges: { 'c = 0': ({ c }) => c === 0, 'c = 2': ({ c }) => c === 2 },
  })],
  underflowDistributionOf: [entry({
    call: 'underflowDistributionOf(4)', arbitrary: domains.underflowDistributionOf(4), domain: 'Δ³ with zeros', inside: (p) => p.length === 4 && onSimplex(p, false),
    edges: { 'three exact zeros (a vertex)': (p) => p.filter((x) => x === 0).length === 3 },
  })],
  extremeClassificationCase: [entry({
    call: 'extremeClassificationCase()', arbitrary: domains.extremeClassificationCase(), domain: 'z and p over the same C classes, p ∈ Δ^{C−1}',
    inside: ({ z, p }) => z.length === p.length && finite(z) && onSimplex(p, false),
    edges: { 'p = 0 where z = 10⁴': ({ z, p }) => z.some((x, i) => x === 1e4 && p[i] === 0) },
  })],
  float32BoundaryProbability: [entry({
    call: 'float32BoundaryProbability()', arbitrary: domains.float32BoundaryProbability(), domain: 'p ∈ (0, 1) and fround(p) ∈ (0, 1) (float32 keeps it off the ends)',
    inside: (p) => p > 0 && p < 1 && Math.fround(p) > 0 && Math.fround(p) < 1,
    edges: { 'p < 10⁻³⁶': (p) => p < 1e-36, 'p > 1 − 10⁻⁶': (p) => p > 1 - 1e-6 },
  })],

  // contrastive.ts
  contrastiveCase: [entry({
    call: 'contrastiveCase()', arbitrary: domains.contrastiveCase(), domain: 'N ∈ [2, 16] scores in [−5, 5], positive ∈ [0, N), τ ∈ [0.2, 2]: |s/τ| ≤ 25',
    inside: (c) => isInteger(c.scores.length, 2, 16) && within(c.scores, -5, 5) && isInteger(c.positive, 0, c.scores.length - 1)
      && c.temperature >= 0.2 && c.temperature <= 2 && maxAbs(c.scores) / c.temperature <= 25,
    edges: { 'N = 2': (c) => c.scores.length === 2, 'N = 16': (c) => c.scores.length === 16, 'τ = 0.2': (c) => c.temperature === 0.2, 'τ = 2': (c) => c.temperature === 2 },
  })],
  critic: [entry({
    call: 'critic()', arbitrary: domains.critic(), domain: 'one of five critic kinds with its parameter in range',
    inside: (c) => (c.kind === 'optimal') || (c.kind === 'scaled' && c.alpha >= 0.1 && c.alpha <= 3) || (c.kind === 'misspecified' && Math.abs(c.rhoPrime) <= 0.95)
      || (c.kind === 'shifted' && Math.abs(c.gamma) <= 0.4) || (c.kind === 'bilinear' && Math.abs(c.beta) <= 3),
    edges: Object.fromEntries(['optimal', 'scaled', 'misspecified', 'shifted', 'bilinear'].map((k) => [k, (c: domains.Critic) => c.kind === k])),
  })],
  mutualInformationCase: [
    entry({
      call: 'mutualInformationCase()', arbitrary: domains.mutualInformationCase(), domain: 'ρ ∈ [−0.95, 0.95], N ∈ [2, 16], the optimal critic, a seed',
      inside: (c) => Math.abs(c.rho) <= 0.95 && isInteger(c.batch, 2, 16) && c.critic.kind === 'optimal' && isInteger(c.seed, 0, 2 ** 31 - 2),
      edges: { 'ρ = −0.95': (c) => c.rho === -0.95, 'ρ = 0.95': (c) => c.rho === 0.95, 'N = 16': (c) => c.batch === 16 },
    }),
    entry({
      call: 'mutualInformationCase({ anyCritic: true })', arbitrary: domains.mutualInformationCase({ anyCritic: true }), domain: 'any critic',
      inside: (c) => Math.abs(c.rho) <= 0.95, edges: { 'a non-optimal critic': (c) => c.critic.kind !== 'optimal' },
    }),
  ],

  // sinusoids.ts
  transformerWindow: [entry({
    call: 'transformerWindow()', arbitrary: domains.transformerWindow(), domain: 'd even in [4, 12], L ∈ [16, 1024]',
    inside: (w) => w.family === 'transformer' && w.d % 2 === 0 && isInteger(w.d, 4, 12) && isInteger(w.length, 16, 1024),
    edges: { 'd = 4': (w) => w.d === 4, 'd = 12': (w) => w.d === 12, 'L = 16': (w) => w.length === 16, 'L = 1024': (w) => w.length === 1024 },
  })],
  harmonicWindow: [entry({
    call: 'harmonicWindow()', arbitrary: domains.harmonicWindow(), domain: 'L ∈ [8, 256], 1–8 distinct harmonics 0 < k < L/2',
    inside: (w) => w.family === 'harmonic' && isInteger(w.length, 8, 256) && isInteger(w.harmonics.length, 1, 8)
      && new Set(w.harmonics).size === w.harmonics.length && w.harmonics.every((k) => Number.isInteger(k) && k > 0 && 2 * k < w.length),
    edges: { 'k = 1': (w) => w.harmonics.includes(1), 'k = ⌊(L − 1)/2⌋ (just below Nyquist)': (w) => w.harmonics.includes(Math.floor((w.length - 1) / 2)), '8 harmonics': (w) => w.harmonics.length === 8 },
  })],
};

/** Exports that are not arbitraries, with what they are. */
const CONSTANTS: Record<string, string> = {
  ADAM_SETTINGS: 'the Adam hyperparameter settings adamRun draws from',
  EXTREME_LOGIT: 'the largest logit magnitude of extremeLogit',
  MAX_GRAM_CONDITION: 'the largest κ(XᵀX) overdeterminedRegression allows',
  MAX_SATURATION_DECADES: 'the largest kMax saturatedProbability accepts',
};

const condition = (m: domains.SpdMetric) => Math.max(...m.eigenvalues) / Math.min(...m.eigenvalues);
function isSpdMetric(m: domains.SpdMetric, spread: number): boolean {
  const { n, G, eigenvalues: lambda, eigenvectors: q } = m;
  if (!(isInteger(n, 2, 5) && hasShape(G, n, n) && lambda.length === n && hasShape(q, n, n) && m.g.length === n && m.w.length === n)) return false;
  if (!G.every((row, i) => row.every((x, j) => x === G[j]![i]))) return false;
  if (!lambda.every((l) => l >= 10 ** -spread * (1 - 1e-12) && l <= 10 ** spread * (1 + 1e-12))) return false;
  if (m.g.every((x) => x === 0)) return false;
  // Orthonormal rows (a Householder reflection: a few roundings per entry) and G q_k = λ_k q_k to the rounding of n-term sums of size ≤ λ_max.
  const orthoTol = tolerance({ dtypes: ['float64', 'float64'], operations: 4 * n, scale: 1 });
  const pairTol = tolerance({ dtypes: ['float64', 'float64'], operations: 4 * n, scale: n * Math.max(...lambda) });
  const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
  return q.every((qk, k) => q.every((ql, l) => Math.abs(dot(qk, ql) - (k === l ? 1 : 0)) <= orthoTol))
    && q.every((qk, k) => G.every((row, i) => Math.abs(dot(row, qk) - lambda[k]! * qk[i]!) <= pairTol))
    && symmetricEigenvalues(G)[0]! > 0;
}

// ---- The assertions ----------------------------------------------------------------------------------

const samples = new Map<DomainCase<unknown>, unknown[]>();
const sampleOf = (c: DomainCase<unknown>) => {
  if (!samples.has(c)) samples.set(c, fc.sample(c.arbitrary, { seed: SEED, numRuns: RUNS }));
  return samples.get(c)!;
};

/** fast-check's assertProduceCorrectValues: every value is in the domain (the first one that is not is shrunk for the message). */
function assertProduceCorrectValues(c: DomainCase<unknown>): void {
  if (sampleOf(c).every(c.inside)) return;
  fc.assert(fc.property(c.arbitrary, c.inside), { seed: SEED, numRuns: RUNS });
}

/** fast-check's assertProduceSomeSpecificValues: each named edge is reached by some value of the sample. */
function assertProduceSomeSpecificValues(c: DomainCase<unknown>): void {
  const values = sampleOf(c);
  const missed = Object.entries(c.edges).filter(([, reached]) => !values.some(reached)).map(([what]) => what);
  expect(missed, `${c.call} never reached: ${missed.join('; ')} (in ${RUNS} cases, seed ${SEED})`).toEqual([]);
}

describe('domain generators (spec/domains)', () => {
  for (const [name, cases] of Object.entries(DOMAINS)) {
    describe(name, () => {
      for (const c of cases) {
        it(`${c.call} stays in its domain: ${c.domain}`, () => assertProduceCorrectValues(c));
        it(`${c.call} reaches ${Object.keys(c.edges).join('; ')}`, () => assertProduceSomeSpecificValues(c));
      }
    });
  }
});

describe('known degenerate draws stay excluded', () => {
  // Regression fixtures: draws the plain generators do make, and which the guarded ones must not. If the
  // first expectation of a pair fails, fast-check's stream changed: find a new (seed, index) by sampling.
  it('simplexPair draws p = q at seed 128, case 836; distinctSimplexPair draws a distinct pair there', () => {
    const plain = fc.sample(domains.simplexPair(2, 4), { seed: 128, numRuns: 837 })[836]!;
    expect(equal(plain.p, plain.q), JSON.stringify(plain)).toBe(true);
    const guarded = fc.sample(domains.distinctSimplexPair(2, 4), { seed: 128, numRuns: 837 });
    expect(guarded.filter(({ p, q }) => equal(p, q))).toEqual([]);
    // Every other case is the plain one: the filter draws again only where it rejects.
    const plainAll = fc.sample(domains.simplexPair(2, 4), { seed: 128, numRuns: 837 });
    expect(guarded.map((g, i) => (JSON.stringify(g) === JSON.stringify(plainAll[i]) ? -1 : i)).filter((i) => i >= 0)).toEqual([836]);
  });
  it('vector(2, 1) draws 0 at seed 10, case 1522; nonZeroVector(2, 1) draws again there and only there', () => {
    const plain = fc.sample(domains.vector(2, 1), { seed: 10, numRuns: 1523 });
    expect(plain[1522]).toEqual([0, 0]);
    const guarded = fc.sample(domains.nonZeroVector(2, 1), { seed: 10, numRuns: 1523 });
    expect(guarded.map((v, i) => (equal(v, plain[i]!) ? -1 : i)).filter((i) => i >= 0)).toEqual([1522]);
    expect(guarded[1522]!.some((x) => x !== 0)).toBe(true);
  });
  it('a zero gradient is drawn by vector(n, 1) at seed 47, case 82 of spdMetric; spdMetric redraws it', () => {
    const metrics = fc.sample(domains.spdMetric([2, 5], 2), { seed: 47, numRuns: 83 });
    expect(metrics.every((m) => m.g.some((x) => x !== 0))).toBe(true);
    // The same stream without the guard: the record spdMetric draws, with g as vector(n, 1) draws it.
    const unguarded = fc.sample(fc.integer({ min: 2, max: 5 }).chain((n) => fc.record({
      logLambda: fc.array(domains.between(-2, 2), { minLength: n, maxLength: n }),
      v: domains.vector(n, 1).filter((v) => v.some((x) => Math.abs(x) > 1e-3)),
      g: domains.vector(n, 1),
    })), { seed: 47, numRuns: 83 })[82]!;
    expect(unguarded.g.every((x) => x === 0), JSON.stringify(unguarded.g)).toBe(true);
  });
  it('saturatedProbability refuses kMax beyond MAX_SATURATION_DECADES, where 1 − 10^−k rounds to 1', () => {
    expect(1 - 10 ** -(domains.MAX_SATURATION_DECADES + 1)).toBe(1);
    expect(1 - 10 ** -domains.MAX_SATURATION_DECADES).toBeLessThan(1);
    expect(() => domains.saturatedProbability(1, domains.MAX_SATURATION_DECADES + 1)).toThrow(RangeError);
  });
});

describe('meta', () => {
  const exported = Object.entries(domains);
  const arbitraries = exported.filter(([, v]) => typeof v === 'function').map(([k]) => k).sort();
  it('every exported arbitrary has domain and edge cases', () => {
    const missing = arbitraries.filter((name) => !(name in DOMAINS));
    expect(missing, `spec/domains exports ${missing.join(', ')} without meta-tests. Add an entry '${missing[0] ?? 'name'}: [entry({ call, arbitrary, `
      + 'domain, inside, edges })]` to DOMAINS in spec/_meta/domains.test.ts: the predicate every value satisfies, and the edges of its domain a '
      + `sample of ${RUNS} must reach (both ends of each range, near-degenerate values, the extreme a claim is about).`).toEqual([]);
  });
  it('the table lists nothing spec/domains no longer exports, and every constant is named', () => {
    expect(Object.keys(DOMAINS).filter((name) => !arbitraries.includes(name))).toEqual([]);
    expect(exported.filter(([k, v]) => typeof v !== 'function' && !(k in CONSTANTS)).map(([k]) => k)).toEqual([]);
  });
  it('every entry names at least one edge', () => {
    expect(Object.entries(DOMAINS).filter(([, cases]) => cases.some((c) => Object.keys(c.edges).length === 0)).map(([k]) => k)).toEqual([]);
  });
});
