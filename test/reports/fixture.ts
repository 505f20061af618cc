// A small, hand-made recorded-results file for testing the renderers and `losscheck report`: one item
// per kind of rendering (a holding formula, a refuted formula with a counterexample and a typeset
// correction, a not-checkable claim, an item whose verdict changed, text that needs escaping), subject
// checks of the implementation under test (passing, failing with a counterexample, skipped), and the
// places of the items in the sentence ledger (a whole sentence, part of one, not compared).
// It is test input for the report code only; no verdict here is evidence about the book.
import type { CheckRecord, ItemRecord, ResultsFile } from '../../reports/model.ts';

const check = (over: Partial<CheckRecord>): CheckRecord => ({
  name: 'printed ↔ impl', role: 'claim', oracle: 'impl (float64)', quantifier: 'forall', cases: 100,
  maxError: 1e-16, tolerance: 1e-14, sense: 'atMost', margin: 100, passed: true, seed: 7,
  decidingCase: { input: { x: 1 }, value: 1e-16, bound: 1e-14 }, ...over,
});

const item = (over: Partial<ItemRecord> & Pick<ItemRecord, 'id' | 'result'>): ItemRecord => ({
  kind: 'formula', section: '4.3.1', quote: 'L = \\frac{1}{2}(y - \\hat{y})^2', statement: 'A statement.',
  expectedVerdict: over.result.verdict, file: `spec/items/4.3.1/${over.id}.ts`, ...over,
});

const subjectCheck = (functions: string[], over: Partial<CheckRecord>): CheckRecord =>
  check({ role: 'subject', oracle: 'central finite differences (float64)', subject: { id: 'tfjs', functions }, ...over });

export const FIXTURE_ITEMS: ItemRecord[] = [
  item({
    id: '4.3.1', printed: 'L_{MSE}(y, \\hat{y}) = \\frac{1}{2}(y - \\hat{y})^2',
    sentences: [{ section: '4.3.1', at: 4, words: '均方误差', whole: true, others: [] }],
    result: {
      id: '4.3.1', verdict: 'holds', reason: 'every check passes', checks: [
        check({}),
        subjectCheck(['crossEntropy'], { name: 'crossEntropy ↔ closed form' }),
        subjectCheck(['mse'], { name: 'mse ↔ closed form' }),
        subjectCheck(['mseGradient', 'mse'], { name: 'mseGradient ↔ finite differences', passed: false, maxError: 3e-3, tolerance: 3e-7, margin: 1e-4,
          counterexample: {
            check: 'mseGradient ↔ finite differences', seed: 7, path: '5:1', shrinkSteps: 3,
            shrunk: { input: { y: [1], yHat: [0.5] }, value: 3e-3, bound: 3e-7, note: 'factor 2 missing' },
            worstBeforeShrinking: { input: { y: [0.2], yHat: [0.9] }, value: 0.7, bound: 3e-7 },
          } }),
        subjectCheck(['mseHessian'], { name: 'mseHessian ↔ finite differences', cases: 0, maxError: 'NaN', tolerance: 'NaN', margin: 'NaN',
          skipped: 'tfjs (float32) has no hessian capability: customGrad ops cannot be differentiated twice' }),
      ],
    },
  }),
  item({
    id: '4.3.5', printed: '\\frac{\\partial L}{\\partial w} = -\\frac{1}{N}\\sum_n (\\hat{p} - y) x',
    errata: ['toy-sign'], reading: 'The gradient in $w$, as the surrounding formulas define it.',
    sentences: [{ section: '4.3.1', at: 18, words: '(4.3.5)', whole: false, others: ['gradient-forms-similar'], rest: { class: 'motivation', reason: 'a lead-in' } }],
    quote: '&= -\\frac{1}{N} \\sum_n (\\hat{p}^{(n)} - y^{(n)}) x^{(n)} \\end{align}\\tag{4.3.5}',
    correction: { statement: 'The sign is wrong.', latex: '\\frac{\\partial L}{\\partial w} = \\frac{1}{N}\\sum_n (\\hat{p} - y) x' },
    result: {
      id: '4.3.5', verdict: 'refuted', reason: 'claim fails by 1e6× its tolerance; correction holds',
      checks: [check({ passed: false, maxError: 0.5, tolerance: 5e-7, margin: 1e-6 }), check({ role: 'correction', name: 'correction ↔ tfjs', maxError: 0, margin: 'Infinity' })],
      counterexample: {
        check: 'printed ↔ impl', seed: 7, path: '3:0:1', shrinkSteps: 2,
        shrunk: { input: { x: [[2e-6]] }, value: 2e-6, bound: 8e-13 },
        worstBeforeShrinking: { input: { x: [[0.3]] }, value: 0.5, bound: 5e-7, note: 'sign flipped' },
      },
    },
  }),
  item({
    id: 'a-prose-claim', kind: 'claim', section: '4.3.2', quote: '当$\\hat{y}$接近0或1时，**梯度**接近0',
    statement: 'Escapes <b>tags</b> & "quotes" in text.', reason: 'a matter of opinion',
    sentences: [{ section: '4.3.2', at: 7, words: '当', others: [] }],
    result: { id: 'a-prose-claim', verdict: 'not-checkable', reason: 'a matter of opinion', checks: [] },
  }),
  item({
    id: 'changed-claim', kind: 'claim', section: '4.3.2', quote: 'an excerpt that cuts $x + y in half',
    expectedVerdict: 'holds',
    result: { id: 'changed-claim', verdict: 'borderline', reason: 'failure within 10× of tolerance', checks: [check({ passed: false, maxError: 2e-14, margin: 0.5 })] },
  }),
];

export const FIXTURE: ResultsFile = {
  generated: {
    seed: 7, runs: 100, hessianRuns: 20, backend: 'tfjs-wasm', versions: { node: 'v20', tfjs: '4.22.0' }, subject: 'tfjs',
    commit: '0123456789abcdef0123456789abcdef01234567+dirty', date: '2026-11-30T10:43:26Z',
    toleranceModel: { formula: 'tol = …', refutationMargin: 10 },
  },
  oracleFindings: {
    tfjs: {
      backend: 'wasm', version: '4.22.0', patchedKernels: ['Exp'],
      stock: [{ case: 'Σ exp(x)', method: 'hessian', relativeError: null, error: 'Cannot compute gradient', passed: false }],
      patched: [{ case: 'Σ exp(x)', method: 'hessian', relativeError: 1e-8, tolerance: 5e-7, passed: true }],
      libraryDefects: [{ name: 'tf.logSumExp', outcome: 'second order throws' }], qualified: { grad: true, hessian: true },
    },
    eigen: [{ library: 'ml-matrix', cases: 60, threw: 0, inaccurate: 0, worstRelativeError: 1e-15, tolerance: 1e-13, qualified: true, examples: [] }],
    eigenOracle: 'ml-matrix symmetric eigenvalues (float64)',
  },
  errata: [{ id: 'toy-sign', where: '4.3.5', printed: '$-\\frac{1}{N}\\sum_n (\\hat{p} - y) x$', right: '$+\\frac{1}{N}\\sum_n (\\hat{p} - y) x$', severity: 'sign', cause: 'a sign dropped in the last step' }],
  items: FIXTURE_ITEMS,
};
