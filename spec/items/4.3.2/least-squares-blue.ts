import fc from 'fast-check';
import { check, defineItem, type RunContext } from '../../engine/item.ts';
import { tolerance } from '../../engine/tolerance.ts';
import { between, matrix, monteCarloSeed, vector } from '../../domains/index.ts';
import { glsEstimatorMatrix, gram, linearEstimatorCovariance, matMul, olsEstimatorMatrix } from '../../../impl/index.ts';
import { meanOf, rng } from '../../../oracles/monteCarlo.ts';
import { caseSeed, monteCarloTolerance, qualifiedMonteCarlo } from '../../support/monteCarlo.ts';

interface Design { d: number; N: number; X: number[][]; beta: number[]; M: number[][]; sigma: number }

/** Hadamard ratio det(G)/Π G_ii ∈ (0, 1] of the Gram matrix by Cholesky pivots: 1 for orthogonal columns, → 0 when nearly dependent. */
function hadamardRatio(x: number[][]): number {
  const g = gram(x), d = g.length, l = g.map((r) => r.map(() => 0));
  let ratio = 1;
  for (let i = 0; i < d; i++) for (let j = 0; j <= i; j++) {
    let s = g[i]![j]!;
    for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
    if (i === j) { if (!(s > 0)) return 0; l[i]![i] = Math.sqrt(s); ratio *= s / g[i]![i]!; } else l[i]![j] = s / l[j]![j]!;
  }
  return ratio;
}

// Designs with N > d and columns far from dependent (Hadamard ratio ≥ 0.05), a true β, noise scale σ, and a
// d×N matrix M that makes the competitor C̃ = C_ols + M(I − H), linear and unbiased (C̃X = I) like OLS.
const designs: fc.Arbitrary<Design> = fc.record({ d: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 1, max: 5 }) })
  .chain(({ d, extra }) => fc.record({ X: matrix(d + extra, d, 2), beta: vector(d, 2), M: matrix(d, d + extra, 1), sigma: between(0.1, 2) })
    .map((r) => ({ d, N: d + extra, ...r })))
  .filter((c) => hadamardRatio(c.X) >= 0.05);

/** C̃ = C + M(I − XC): another linear unbiased estimator (C̃X = CX + M(X − X·CX) = I). */
function competitor(c: Design, ols: number[][]): number[][] {
  const h = matMul(c.X, ols); // N×N hat matrix
  const residualMaker = h.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v));
  const extra = matMul(c.M, residualMaker);
  return ols.map((row, i) => row.map((v, j) => v + extra[i]![j]!));
}

const subtract = (a: number[][], b: number[][]) => a.map((r, i) => r.map((v, j) => v - b[i]![j]!));
const sym = (a: number[][]) => a.map((r, i) => r.map((v, j) => 0.5 * (v + a[j]![i]!)));
const maxAbs = (a: number[][]) => Math.max(...a.flat().map(Math.abs));

/** Tolerance for entries of C Σ Cᵀ: Cholesky solves (d³), N-term products, scale max|C|²·max σ², conditioned by κ(XᵀX). */
function covarianceTolerance(c: Design, ctx: RunContext, estimators: number[][][], variances: number[]): number {
  const ev = ctx.eigen.values(gram(c.X));
  return tolerance({ dtypes: ctx.dtypes, operations: c.d ** 3 + 3 * c.N, scale: Math.max(...estimators.map(maxAbs)) ** 2 * c.N * Math.max(...variances),
    condition: ev[ev.length - 1]! / ev[0]! });
}

/** How far Cov(C̃) − Cov(C_ols) is from PSD: max(0, −λ_min), λ from the eigenvalue oracle. */
function notPsd(ctx: RunContext, difference: number[][]): number {
  return Math.max(0, -ctx.eigen.values(sym(difference))[0]!);
}

const heteroscedastic = fc.record({ design: designs, log10Variances: fc.array(between(-2, 2), { minLength: 8, maxLength: 8 }) })
  .map(({ design, log10Variances }) => ({ design, variances: log10Variances.slice(0, design.N).map((e) => 10 ** e) }));
const REPLICATES = 20_000;

export default defineItem({
  id: 'least-squares-blue', kind: 'claim', section: '4.3.2',
  quote: '最小二乘估计的优良性质（如BLUE——最佳线性无偏估计）',
  statement: 'The least-squares (MSE-minimising) estimator of a linear model is BLUE: unbiased, and of least covariance among linear unbiased estimators.',
  condition: 'the Gauss–Markov assumptions: y = Xβ + ε with X of full column rank, E[ε] = 0 and Cov(ε) = σ²I (homoscedastic, uncorrelated errors)',
  expectedVerdict: 'conditional',
  checks: [
    check({
      name: 'Cov(ε) = σ²I: Cov(C̃y) − Cov(β̂_ols) is PSD for linear unbiased C̃ = C_ols + M(I − H) (eigenvalue oracle)', role: 'condition', reference: ['eigen', 'impl'],
      arbitrary: designs, runs: 'default',
      evaluate: (cs, ctx) => cs.map((c) => {
        const ols = olsEstimatorMatrix(c.X), other = competitor(c, ols), variances = c.X.map(() => c.sigma ** 2);
        const diff = subtract(linearEstimatorCovariance(other, variances), linearEstimatorCovariance(ols, variances));
        return { value: notPsd(ctx, diff), bound: covarianceTolerance(c, ctx, [ols, other], variances) };
      }),
    }),
    check({
      name: 'Cov(ε) = σ²I: β̂_ols unbiased, and E[(c̃_lᵀy − β_l)² − (c_lᵀy − β_l)²] = σ²‖c̃_l − c_l‖² ≥ 0 (Monte Carlo over ε ∼ N(0, σ²I))', role: 'condition',
      reference: ['monte-carlo', 'impl'], arbitrary: fc.record({ c: designs, seed: monteCarloSeed() }), runs: 50,
      evaluate: (cs) => {
        qualifiedMonteCarlo();
        return cs.map(({ c, seed }) => {
          const ols = olsEstimatorMatrix(c.X), other = competitor(c, ols), r = rng(caseSeed(seed));
          const mean = c.X.map((row) => row.reduce((s, x, l) => s + x * c.beta[l]!, 0));
          const olsErr = c.beta.map(() => new Float64Array(REPLICATES)), excess = c.beta.map(() => new Float64Array(REPLICATES));
          for (let k = 0; k < REPLICATES; k++) {
            const y = mean.map((m) => m + c.sigma * r.gaussian());
            c.beta.forEach((b, l) => {
              const e1 = ols[l]!.reduce((s, v, n) => s + v * y[n]!, 0) - b, e2 = other[l]!.reduce((s, v, n) => s + v * y[n]!, 0) - b;
              olsErr[l]![k] = e1; excess[l]![k] = e2 * e2 - e1 * e1;
            });
          }
          let worst = { value: 0, bound: Infinity, note: '' };
          c.beta.forEach((_, l) => {
            const bias = meanOf(olsErr[l]!), ex = meanOf(excess[l]!);
            const expected = c.sigma ** 2 * other[l]!.reduce((s, v, n) => s + (v - ols[l]![n]!) ** 2, 0);
            const scale = (maxAbs([ols[l]!, other[l]!]) * c.N * (c.sigma * 10 + maxAbs(c.X) * 2 * c.d)) ** 2;
            for (const o of [
              { value: Math.abs(bias.estimate), bound: monteCarloTolerance(bias, Math.sqrt(scale)), note: `bias of β̂_${l} ≈ ${bias.estimate.toExponential(2)} ± ${bias.standardError.toPrecision(2)}` },
              { value: Math.abs(ex.estimate - expected), bound: monteCarloTolerance(ex, scale), note: `excess risk of C̃ in β_${l} ≈ ${ex.estimate.toPrecision(4)} ± ${ex.standardError.toPrecision(2)}, σ²‖c̃ − c‖² = ${expected.toPrecision(4)}` },
            ]) if (o.value / o.bound > worst.value / worst.bound) worst = o;
          });
          return worst;
        });
      },
    }),
    check({
      name: 'heteroscedastic Cov(ε) = diag(σ_n²), σ_n² ∈ [10⁻², 10²]: Cov(β̂_gls) − Cov(β̂_ols) PSD (OLS best) — fails', role: 'outside-condition', reference: ['eigen', 'impl'],
      arbitrary: heteroscedastic, runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ design: c, variances }) => {
        const ols = olsEstimatorMatrix(c.X), gls = glsEstimatorMatrix(c.X, variances);
        const diff = subtract(linearEstimatorCovariance(gls, variances), linearEstimatorCovariance(ols, variances));
        return { value: notPsd(ctx, diff), bound: covarianceTolerance(c, ctx, [ols, gls], variances),
          note: 'the GLS estimator (XᵀΣ⁻¹X)⁻¹XᵀΣ⁻¹y is linear and unbiased too' };
      }),
    }),
  ],
});
