// The oracles qualify on known closed forms: these tests pin what qualification found, so a change in
// tfjs, numeric or ml-matrix (or in the patch) shows up here first.
import { describe, expect, it } from 'vitest';
import { tfjsOracle } from '../../oracles/tfjs/index.ts';
import { acceptTfjsMeasurement, qualifyEigenLibraries } from '../../spec/engine/context.ts';
import { centralGradient, taylorRates } from '../../oracles/finiteDifference.ts';
import { TAYLOR_RATE_TOLERANCE } from '../../spec/engine/tolerance.ts';
import { KRONECKER_CASES } from '../../oracles/linalg.ts';

describe('tfjs autodiff oracle', () => {
  it('with the higher-order patch, tf.grad and nested tf.grad reproduce every known closed form', async () => {
    const { qualification } = await tfjsOracle(acceptTfjsMeasurement);
    expect(qualification.qualified).toEqual({ grad: true, hessian: true });
    for (const m of qualification.patched) expect(m.passed, `${m.method} ${m.case}: ${m.relativeError ?? m.error}`).toBe(true);
  });
  it('stock tfjs 4.22 nested gradients throw or drop terms (tensorflow/tfjs#3252): the reason for the patch', async () => {
    const { qualification } = await tfjsOracle(acceptTfjsMeasurement);
    const stockHessians = qualification.stock.filter((m) => m.method === 'hessian');
    const broken = stockHessians.filter((m) => !m.passed).map((m) => m.case);
    expect(broken).toEqual(expect.arrayContaining(['Σ exp(x)', 'Σ σ(x)', 'Σ tanh(x)', 'mean((σ(z) − t)²) at z = [2, 3], t = [1, 0]']));
    expect(qualification.stock.filter((m) => m.method === 'grad').every((m) => m.passed)).toBe(true);
  });
});

describe('eigenvalue oracles on known spectra', () => {
  it('the tridiagonal QL and ml-matrix qualify; numeric is measured (its failures are reported as an oracle finding)', () => {
    const [numeric, mlMatrix, tridiagonal] = qualifyEigenLibraries(30, 7);
    expect([numeric!.library, mlMatrix!.library, tridiagonal!.library]).toEqual(['numeric', 'ml-matrix', 'tridiagonal-ql']);
    expect(mlMatrix!.qualified).toBe(true);
    expect(tridiagonal!.qualified).toBe(true);
    // 30 random matrices and the 40×40 Kronecker-structured ones.
    expect(numeric!.cases).toBe(30 + KRONECKER_CASES);
    // Qualified exactly when it neither threw nor missed a known eigenvalue.
    expect(numeric!.qualified).toBe(numeric!.threw + numeric!.inaccurate === 0);
  });
});

describe('finite-difference oracle', () => {
  const f = (x: number[]) => Math.exp(x[0]!) * Math.sin(x[1]!) + x[0]! ** 3;
  const grad = (x: number[]) => [Math.exp(x[0]!) * Math.sin(x[1]!) + 3 * x[0]! ** 2, Math.exp(x[0]!) * Math.cos(x[1]!)];
  const hess = (x: number[]) => [[Math.exp(x[0]!) * Math.sin(x[1]!) + 6 * x[0]!, Math.exp(x[0]!) * Math.cos(x[1]!)],
    [Math.exp(x[0]!) * Math.cos(x[1]!), -Math.exp(x[0]!) * Math.sin(x[1]!)]];
  const x = [0.3, -1.1], v = [0.6, 0.8];
  const dot = (a: number[], b: number[]) => a.reduce((s, ai, i) => s + ai * b[i]!, 0);

  it('central differences match the analytic gradient to O(u^{2/3})', () => {
    const fd = centralGradient(f, x);
    // Error ≤ h²|f'''|/6 + u|f|/h with h = u^{1/3}: u^{2/3}(|f'''|/6 + |f|) ≤ 4·u^{2/3} here (|f'''| ≤ 8, |f| ≤ 2).
    const tol = 4 * (2 ** -53) ** (2 / 3);
    fd.forEach((g, i) => expect(Math.abs(g - grad(x)[i]!)).toBeLessThan(tol));
  });
  it('Taylor rates: 2 for the right gradient, 1 for a wrong one, 3 with the right curvature term', () => {
    const g = dot(grad(x), v);
    const vHv = dot(v, hess(x).map((row) => dot(row, v)));
    expect(Math.abs(taylorRates(f, x, v, g).observedRate - 2)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(taylorRates(f, x, v, -g).observedRate - 1)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(taylorRates(f, x, v, g, vHv).observedRate - 3)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(taylorRates(f, x, v, g, -vHv).observedRate - 2)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
  });
  it('two-sided Taylor rates: the same integers, and no dip where the h³ and h⁴ terms cancel', () => {
    const g = dot(grad(x), v);
    const vHv = dot(v, hess(x).map((row) => dot(row, v)));
    const twoSided = (d: number, c?: number) => taylorRates(f, x, v, d, c, { twoSided: true }).observedRate;
    expect(Math.abs(twoSided(g) - 2)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(twoSided(-g) - 1)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(twoSided(g, vHv) - 3)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(twoSided(g, -vHv) - 2)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    // softplus at z₀ = 0.05 along −1: the remainder's h³ coefficient σ''(z₀)/6 ≈ −z₀/48 is small (σ''(0) = 0) and
    // cancels the h⁴ term σ'''(z₀)h⁴/24 ≈ −h⁴/192 near h = 4z₀ = 0.2, inside the ladder 0.25 … 0.03125.
    const z0 = 0.05, p = 1 / (1 + Math.exp(-z0)), softplus = (z: number[]) => Math.log1p(Math.exp(z[0]!));
    const rate = (slope: number, curvature: number, twoSided: boolean) =>
      taylorRates(softplus, [z0], [-1], -slope, curvature, { h0: 0.25, levels: 4, twoSided }).observedRate;
    expect(3 - rate(p, p * (1 - p), false)).toBeGreaterThan(TAYLOR_RATE_TOLERANCE); // one-sided: the right model reads as wrong
    expect(3 - rate(p, p * (1 - p), true)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(rate(p, 1.1 * p * (1 - p), true) - 2)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
    expect(Math.abs(rate(1.1 * p, p * (1 - p), true) - 1)).toBeLessThan(TAYLOR_RATE_TOLERANCE);
  });
  it('Taylor rates at the noise floor: exact when only the largest step is above rounding, not for a wrong slope', () => {
    // f(t) = c·t² with c·h0² just above the noise floor 64u and c·(h0/2)² below it: the right slope 0 is
    // "exact"; a slope off by 10⁻¹² leaves residuals ≈ 10⁻¹² h, far above the floor at every step.
    const c = 2e-14, quadratic = (t: number[]) => c * t[0]! ** 2;
    const right = taylorRates(quadratic, [0], [1], 0, undefined, { h0: 1 });
    expect(right.residuals[0]).toBeGreaterThan(64 * 2 ** -53);
    expect(right.exact).toBe(true);
    expect(taylorRates(quadratic, [0], [1], 1e-12, undefined, { h0: 1 }).exact).toBe(false);
  });
});
