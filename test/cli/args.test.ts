// The argument rules and the item selection, in-process (losscheck.test.ts runs the commands).
import { describe, expect, it } from 'vitest';
import {
  BACKEND_STEPS, UsageError, assertKnownIds, colorFlag, editDistance, nearest, parseArgs, parseBackendsArgs, parseSoakArgs, type Selection,
} from '../../cli/args.ts';
import { globToRegExp, select } from '../../cli/select.ts';

const none: Selection = { selectors: [], verdicts: [], sections: [], all: false };

describe('losscheck arguments', () => {
  it('parses check options in both --flag value and --flag=value forms', () => {
    expect(parseArgs(['check', '4.3.5', '4.3.9', '4.3.5', '--runs=50', '--seed', '-3', '--path', '0:1:2', '--check', 'a claim', '--backend', 'cpu', '--json']))
      .toEqual({ command: 'check', options: { selection: { ...none, selectors: ['4.3.5', '4.3.9'] }, runs: 50, seed: -3, path: '0:1:2', check: 'a claim', backend: 'cpu', json: true, quiet: false } });
    expect(parseArgs(['check', '4.3.5', '--source=../book/4.3.md'])).toEqual({ command: 'check', options: { selection: { ...none, selectors: ['4.3.5'] }, source: '../book/4.3.md', json: false, quiet: false } });
  });

  it('parses selections: positional names, --verdict and --section lists, --all', () => {
    expect(parseArgs(['list', 'refuted', '4.3.*', '--verdict', 'holds,conditional', '--section=4.3.2'])).toEqual({
      command: 'list', json: false, selection: { selectors: ['refuted', '4.3.*'], verdicts: ['holds', 'conditional'], sections: ['4.3.2'], all: false },
    });
    expect(parseArgs(['check', '--all']).command).toBe('check');
    expect(parseArgs(['check', '--section', '4.3.1'])).toMatchObject({ options: { selection: { sections: ['4.3.1'] } } });
    expect(parseArgs(['list'])).toEqual({ command: 'list', json: false, selection: none });
  });

  it('parses the other commands', () => {
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
    expect(parseArgs(['-v'])).toEqual({ command: 'version' });
    expect(parseArgs([])).toEqual({ command: 'help' });
    expect(parseArgs(['conformance', '--subject', 'my.ts', '--only', 'a,b', '--runs', '10'])).toEqual({
      command: 'conformance', options: { subject: 'my.ts', only: ['a', 'b'], runs: 10, json: false, quiet: false },
    });
    expect(parseArgs(['conformance'])).toMatchObject({ options: { subject: 'impl' } });
    expect(parseArgs(['new', '4.3.12', '--name', 'strong-convexity'])).toEqual({ command: 'new', options: { id: '4.3.12', name: 'strong-convexity' } });
    expect(parseArgs(['new', 'my-claim', '--section', '4.3.2', '--quote', '凸性'])).toEqual({ command: 'new', options: { id: 'my-claim', section: '4.3.2', quote: '凸性' } });
    expect(parseArgs(['soak', '--seeds', '3', '--only', 'a, b', '--summarise'])).toEqual({
      command: 'soak', argv: ['--seeds', '3', '--only', 'a, b', '--summarise'], options: { seeds: 3, only: 'a,b', quick: false, summarise: true },
    });
    expect(parseSoakArgs(['--runs', '4000', '--seed-base', '0', '--quick'])).toEqual({ runs: 4000, seedBase: 0, quick: true, summarise: false });
    expect(parseBackendsArgs([])).toEqual({ steps: [...BACKEND_STEPS] });
    expect(parseBackendsArgs(['browser', 'report'])).toEqual({ steps: ['browser', 'report'] });
  });

  it('takes --color / --no-color on any command', () => {
    expect(colorFlag(['list', '--no-color'])).toEqual({ argv: ['list'], color: 'never' });
    expect(colorFlag(['--color', 'check', 'x'])).toEqual({ argv: ['check', 'x'], color: 'always' });
    expect(colorFlag(['help'])).toEqual({ argv: ['help'], color: 'auto' });
  });

  it('rejects what it cannot use, with a UsageError', () => {
    for (const argv of [['check', 'x', '--runs', '1e3'], ['check', 'x', '--runs', '-1'], ['check', 'x', '--hessian-runs', '2.5'],
      ['check', 'x', '--seed', '9007199254740993'], ['check', 'x', '--backend', 'CPU'], ['report', 'extra'], ['report', '--out'], ['check', 'x', '--source'],
      ['list', '--source', 'x.md'], ['lst'], ['check'], ['check', 'x', '--check', 'a claim'], ['list', '--verdict', 'hold'], ['list', '--section', '4.4'],
      ['conformance', '--path', '0'], ['new'], ['new', 'Bad_Id'], ['new', 'a-claim'], ['new', 'a-claim', '--section', '4.3.9', '--quote', 'x'],
      ['soak', '--seeds', '0'], ['soak', 'extra'], ['backends', 'brwser']]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
    expect(() => parseArgs(['check', 'x', '--run', '5'])).toThrow(/unknown option '--run' for 'check' \(did you mean '--runs'\?\)/);
    expect(() => parseArgs(['list', '--verdict', 'refutd'])).toThrow(/unknown verdict 'refutd'; nearest: refuted \(verdicts: /);
  });
});

describe('suggestions for a typo', () => {
  const known = ['4.3.1', '4.3.5', '4.3.15', 'ce-gradient-example', 'mse-hessian-constant', 'softmax-jacobian-eigenvalues', 'softmax-is-convex', 'ce-softmax-log-ratio-form'];

  it('match on edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(nearest('4.3.51', known, 2)).toEqual(['4.3.5', '4.3.1']); // 4.3.5 is contained in it; 4.3.1 one edit away
    expect(nearest('mse-hesian-constant', known, 1)).toEqual(['mse-hessian-constant']);
  });

  it('match on substrings: every id containing the word, shortest first', () => {
    expect(nearest('softmax', known)).toEqual(['softmax-is-convex', 'ce-softmax-log-ratio-form', 'softmax-jacobian-eigenvalues']);
    expect(nearest('jacobian', known)).toEqual(['softmax-jacobian-eigenvalues']);
  });

  it('match on words, a typo in one of them allowed', () => {
    expect(nearest('gradient-exampel-ce', known, 1)).toEqual(['ce-gradient-example']);
    expect(nearest('hessian-constant-mse', known, 1)).toEqual(['mse-hessian-constant']);
  });

  it('name nothing when nothing is close', () => {
    expect(nearest('zzzzzz', known)).toEqual([]);
    expect(() => assertKnownIds(['zzzzzz'], known)).toThrow(/^unknown item id 'zzzzzz' \(`npx losscheck list` shows all\)$/);
    expect(() => assertKnownIds(['4.3.5', 'ce-gradient-exampel'], known)).toThrow(/unknown item id 'ce-gradient-exampel'; nearest: ce-gradient-example/);
    expect(() => assertKnownIds(['4.3.5'], known)).not.toThrow();
  });
});

describe('item selection', () => {
  const items = [
    { id: '4.3.1', section: '4.3.1', expectedVerdict: 'definition' },
    { id: '4.3.5', section: '4.3.1', expectedVerdict: 'refuted' },
    { id: 'softmax-is-convex', section: '4.3.2', expectedVerdict: 'refuted' },
    { id: 'ce-convex-in-w', section: '4.3.2', expectedVerdict: 'holds' },
    { id: 'softmax-jacobian-eigenvalues', section: '4.3.1', expectedVerdict: 'refuted' },
  ];
  const ids = (sel: Partial<Selection>, lastRun?: Map<string, string>) => select(items, { ...none, ...sel }, lastRun).map((it) => it.id);

  it('by id, all, verdict name, glob; in index order, each once', () => {
    expect(ids({ selectors: ['ce-convex-in-w', '4.3.1'] })).toEqual(['4.3.1', 'ce-convex-in-w']);
    expect(ids({ selectors: ['all'] })).toHaveLength(items.length);
    expect(ids({})).toHaveLength(items.length);
    expect(ids({ selectors: ['refuted'] })).toEqual(['4.3.5', 'softmax-is-convex', 'softmax-jacobian-eigenvalues']);
    expect(ids({ selectors: ['4.3.*'] })).toEqual(['4.3.1', '4.3.5']);
    expect(ids({ selectors: ['*softmax*', 'softmax-is-convex'] })).toEqual(['softmax-is-convex', 'softmax-jacobian-eigenvalues']);
    expect(globToRegExp('4.3.?').test('4.3.1')).toBe(true);
    expect(globToRegExp('4.3.?').test('4.3.10')).toBe(false);
  });

  it('narrowed by --verdict and --section; inconclusive and borderline by the last run', () => {
    expect(ids({ verdicts: ['refuted'], sections: ['4.3.1'] })).toEqual(['4.3.5', 'softmax-jacobian-eigenvalues']);
    expect(ids({ selectors: ['softmax-is-convex', '4.3.1'], verdicts: ['refuted'] })).toEqual(['softmax-is-convex']);
    expect(ids({ sections: ['4.3'] })).toHaveLength(items.length);
    expect(ids({ verdicts: ['inconclusive'] }, new Map([['4.3.5', 'inconclusive']]))).toEqual(['4.3.5']);
  });

  it('a name that matches nothing is a usage error naming the nearest ids', () => {
    expect(() => ids({ selectors: ['softmax'] })).toThrow(/^unknown item id 'softmax'; nearest: softmax-is-convex, softmax-jacobian-eigenvalues/);
    expect(() => ids({ selectors: ['refutd'] })).toThrow(/nearest: refuted/);
    expect(() => ids({ selectors: ['5.*'] })).toThrow(/no item id matches '5\.\*'/);
    expect(() => ids({ sections: ['4.3.9'] })).toThrow(/no item in section 4\.3\.9; sections: 4\.3\.1, 4\.3\.2/);
  });
});
