// Node-only vitest config for mutation testing (`npm run mutate`, stryker.config.json): the tests that
// exercise impl/ — test/impl (bad input, extreme inputs, numerics, impl vs tfjs) and the conformance
// items, which compare impl/ with the oracles. No browser project. The conformance items run with fewer
// cases than `npm test` (LOSSCHECK_RUNS=100, 20 for Hessians): a mutant that changes a formula fails on
// almost any case, and Stryker re-runs every covering test for every mutant, so 10× fewer cases is the
// difference between an hour and a day on two cores.
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * test/impl first, the conformance suite last. Stryker stops at the first failing test (bail), and the
 * fast impl/ properties kill most mutants in milliseconds, while the conformance file costs seconds to
 * load (item scan, tfjs and eigen qualification) before its first test. Vitest's default order puts
 * the slowest file first.
 */
class ImplFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const last = (f: TestSpecification) => (f.moduleId.includes('conformance') ? 1 : 0);
    return [...files].sort((a, b) => last(a) - last(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/impl/**/*.test.ts', 'spec/conformance/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { LOSSCHECK_RUNS: '100', LOSSCHECK_HESSIAN_RUNS: '20' },
    sequence: { sequencer: ImplFirst },
    // Stryker runs one worker and re-runs the covering tests of every mutant. Each conformance part loads
    // all items, tfjs and the eigen oracle before its first test; sharing one module graph pays that once
    // instead of once per part per mutant. Mutants are switched at run time (__stryker__.activeMutant),
    // so cached modules still execute the active mutant.
    isolate: false,
  },
});
