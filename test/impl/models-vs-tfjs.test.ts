// impl/'s softmax-regression loss, gradient and Hessian (models.ts) against tfjs autodiff of the same
// loss written in tfjs ops (oracles/tfjs/losses.ts softmaxRegressionLoss), all cases of one shape in one
// batched call with nested (qualified) gradients. Several samples per case (N > 1), so the 1/N averaging
// is pinned as well as the per-sample terms. Mutation testing showed no other test fixed these values.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as impl from '../../impl/index.ts';
import { tfjsOracle, type TfjsOracle } from '../../oracles/tfjs/index.ts';
import { softmaxRegressionLoss } from '../../oracles/tfjs/losses.ts';
import { acceptTfjsMeasurement } from '../../spec/engine/context.ts';
import { configFromEnv } from '../../spec/engine/config.ts';
import { elementary, tolerance } from '../../spec/engine/tolerance.ts';
import { simplexPoint, softmaxRegressionCase } from '../../spec/domains/index.ts';

const SEED = configFromEnv().seed;
const dtypes = ['float64', 'float32'] as const;
let oracle: TfjsOracle;
beforeAll(async () => { oracle = await tfjsOracle(acceptTfjsMeasurement); });

describe('softmax regression: impl vs tfjs autodiff', () => {
  for (const [d, C, N] of [[2, 3, 3], [3, 2, 4], [1, 4, 2]] as const) {
    it(`d = ${d}, C = ${C}, N = ${N}: loss, ∇_W and ∇²_W agree (soft and one-hot targets)`, () => {
      const cases = fc.sample(softmaxRegressionCase({ d: [d, d], C: [C, C], N: [N, N] }, { w: 2, x: 2 }).chain((c) =>
        fc.array(simplexPoint(C), { minLength: N, maxLength: N }).map((soft) => ({ ...c, P: c.N % 2 ? c.P : soft }))), { seed: SEED, numRuns: 60 });
      const flat = cases.map((c) => c.W.flat());
      const reference = oracle.derivatives(flat, softmaxRegressionLoss(cases.map((c) => c.X), cases.map((c) => c.P), flat), { hessian: true });
      cases.forEach((c, b) => {
        const xMax = Math.max(...c.X.flat().map(Math.abs), 1);
        // Logit terms Σ_i |x_i W_ik|: float32 rounds them, moving softmax by κ = 2·zMax relative.
        const zMax = Math.max(...c.X.map((x) => Math.max(...Array.from({ length: C }, (_, k) => x.reduce((s, xi, i) => s + Math.abs(xi * c.W[i]![k]!), 0)))));
        const ops = d + C + elementary(2) + N;
        const lossTol = tolerance({ dtypes, operations: ops, scale: 2 * zMax + Math.log(C) });
        const gradTol = tolerance({ dtypes, operations: ops, scale: 2 * xMax, condition: 2 * (1 + zMax) });
        const hessTol = tolerance({ dtypes, operations: ops + 2, scale: xMax * xMax, condition: 4 * (1 + zMax) });
        expect(Math.abs(impl.softmaxRegressionLoss(c.W, c.X, c.P) - reference.values[b]!), `loss, case ${b}`).toBeLessThanOrEqual(lossTol);
        impl.softmaxRegressionGradient(c.W, c.X, c.P).flat().forEach((g, i) =>
          expect(Math.abs(g - reference.gradients[b]![i]!), `∇ entry ${i}, case ${b}`).toBeLessThanOrEqual(gradTol));
        impl.softmaxRegressionHessian(c.W, c.X).forEach((row, i) => row.forEach((h, j) =>
          expect(Math.abs(h - reference.hessians![b]![i]![j]!), `∇² entry (${i}, ${j}), case ${b}`).toBeLessThanOrEqual(hessTol)));
      });
    });
  }
});
