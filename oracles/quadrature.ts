// Exact Gaussian expectations by quadrature: E[f(Z)], Z ~ N(0, 1), for polynomial f. The probabilists'
// Gauss–Hermite rule with n nodes is exact for polynomials of degree ≤ 2n − 1. Scores and Hessians of
// a Gaussian log-density are polynomials in the sample of degree ≤ 2, their outer products of degree
// ≤ 4, so the 3-node rule (exact to degree 5) gives the Fisher information exactly, with no sampling
// error. qualifyGaussHermite() measures the rule on the known moments E[Zᵏ] = (k − 1)!! (k even), 0 (odd).

import { OracleInputError, assertFinite, assertFunction } from './errors.ts';

export interface QuadratureRule { nodes: readonly number[]; weights: readonly number[]; exactDegree: number }

/** Nodes ±√3, 0 with weights 1/6, 2/3, 1/6 (the roots of He₃(x) = x³ − 3x). */
export const GAUSS_HERMITE_3: QuadratureRule = {
  nodes: [-Math.sqrt(3), 0, Math.sqrt(3)],
  weights: [1 / 6, 2 / 3, 1 / 6],
  exactDegree: 5,
};

function assertRule(fn: string, rule: QuadratureRule): void {
  const ok = typeof rule === 'object' && rule !== null && Array.isArray(rule.nodes) && Array.isArray(rule.weights)
    && rule.nodes.length > 0 && rule.nodes.length === rule.weights.length && [...rule.nodes, ...rule.weights].every(Number.isFinite);
  if (!ok) throw new OracleInputError(fn, 'rule', 'must have as many finite weights as finite nodes (at least one)');
}

function assertGaussian(fn: string, rule: QuadratureRule, mu: number, sigma: number): void {
  assertRule(fn, rule);
  assertFinite(fn, 'mu', mu);
  assertFinite(fn, 'sigma', sigma);
  if (!(sigma >= 0)) throw new OracleInputError(fn, 'sigma', `must be ≥ 0, got ${sigma}`);
}

/** E[f(μ + σZ)] by the rule. */
export function gaussianExpectation(rule: QuadratureRule, mu: number, sigma: number, f: (x: number) => number): number {
  assertGaussian('gaussianExpectation', rule, mu, sigma);
  assertFunction('gaussianExpectation', 'f', f);
  return rule.nodes.reduce((s, z, k) => s + rule.weights[k]! * f(mu + sigma * z), 0);
}

/** The sample points μ + σ z_k of the rule. */
export function gaussianNodes(rule: QuadratureRule, mu: number, sigma: number): number[] {
  assertGaussian('gaussianNodes', rule, mu, sigma);
  return rule.nodes.map((z) => mu + sigma * z);
}

export interface MomentMeasurement { k: number; expected: number; got: number }

/** E[Zᵏ] for k = 0 … maxDegree by the rule, against (k − 1)!! / 0. */
export function qualifyGaussHermite(rule: QuadratureRule, maxDegree: number): MomentMeasurement[] {
  assertRule('qualifyGaussHermite', rule);
  if (!Number.isSafeInteger(maxDegree) || maxDegree < 0) throw new OracleInputError('qualifyGaussHermite', 'maxDegree', `must be an integer ≥ 0, got ${maxDegree}`);
  const doubleFactorial = (k: number): number => (k <= 0 ? 1 : k * doubleFactorial(k - 2));
  return Array.from({ length: maxDegree + 1 }, (_, k) => ({
    k, expected: k % 2 === 1 ? 0 : doubleFactorial(k - 1), got: gaussianExpectation(rule, 0, 1, (x) => x ** k),
  }));
}
