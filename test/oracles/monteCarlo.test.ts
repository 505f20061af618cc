// The Monte Carlo oracle: deterministic, qualified on known expectations, and able to reject a wrong value.
import { describe, expect, it } from 'vitest';
import { drawSample, expectation, gaussian, laplace, meanOf, medianOf, rng } from '../../oracles/monteCarlo.ts';
import { MONTE_CARLO_Z, monteCarloTolerance } from '../../spec/support/monteCarlo.ts';
import { monteCarloZ } from '../../spec/engine/tolerance.ts';
import { References } from '../../spec/engine/references.ts';

describe('Monte Carlo oracle', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = rng(7), b = rng(7), c = rng(8);
    const xs = [a.uniform(), a.gaussian(), a.laplace()], ys = [b.uniform(), b.gaussian(), b.laplace()];
    expect(xs).toEqual(ys);
    expect(c.uniform()).not.toBe(xs[0]);
  });
  it('draws uniforms strictly inside (0, 1)', () => {
    const r = rng(1);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) { const u = r.uniform(); if (!(u > 0 && u < 1)) outside++; }
    expect(outside).toBe(0);
  });
  it('qualifies on known means, variances and medians (through the one reference registry)', async () => {
    const refs = new References();
    await refs.qualify(['monte-carlo']);
    const [finding] = refs.findings();
    expect(finding!.cases.length).toBeGreaterThanOrEqual(12);
    for (const m of finding!.cases) expect(m.error, m.case).toBeLessThanOrEqual(MONTE_CARLO_Z);
  });
  it('rejects a mean that is off by a few standard deviations of the estimate (the test can fail)', () => {
    const e = expectation(gaussian(2, 1).sample, 20_000, 11);
    expect(Math.abs(e.estimate - 2)).toBeLessThanOrEqual(monteCarloTolerance(e, 10));
    expect(Math.abs(e.estimate - (2 + 0.1))).toBeGreaterThan(monteCarloTolerance(e, 10));
  });
  it('estimates the median of a Laplace with a sectioning standard error close to the asymptotic b/√n', () => {
    const x = drawSample(laplace(0, 2).sample, 40_000, 5);
    const m = medianOf(x);
    expect(m.standardError / (2 / Math.sqrt(40_000))).toBeGreaterThan(0.6);
    expect(m.standardError / (2 / Math.sqrt(40_000))).toBeLessThan(1.6);
  });
  it('mean standard error is s/√n', () => {
    expect(meanOf([1, 3]).standardError).toBeCloseTo(Math.SQRT2 / Math.SQRT2, 12);
  });
  it('z rule: Bonferroni with the 2e^{−z²/2} tail bound', () => {
    expect(2 * Math.exp(-(monteCarloZ(1e6, 1e-3) ** 2) / 2) * 1e6).toBeCloseTo(1e-3, 15);
    expect(MONTE_CARLO_Z).toBeCloseTo(6.5447, 3);
  });
});
