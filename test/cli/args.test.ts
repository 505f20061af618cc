// Argument rules of the CLI, in-process (the spawned tests in losscheck.test.ts cover the exit codes).
import { describe, expect, it } from 'vitest';
import { UsageError, assertKnownIds, editDistance, nearest, parseArgs } from '../../cli/args.ts';

describe('losscheck arguments', () => {
  it('parses check options in both --flag value and --flag=value forms', () => {
    expect(parseArgs(['check', '4.3.5', '4.3.9', '4.3.5', '--runs=50', '--seed', '-3', '--path', '0:1:2', '--backend', 'cpu', '--json']))
      .toEqual({ command: 'check', options: { ids: ['4.3.5', '4.3.9'], runs: 50, seed: -3, path: '0:1:2', backend: 'cpu', json: true, quiet: false } });
    expect(parseArgs(['check', '4.3.5', '--source=../book/4.3.md'])).toEqual({ command: 'check', options: { ids: ['4.3.5'], source: '../book/4.3.md', json: false, quiet: false } });
  });

  it('rejects what it cannot use, with a UsageError', () => {
    for (const argv of [['check', 'x', '--runs', '1e3'], ['check', 'x', '--runs', '-1'], ['check', 'x', '--hessian-runs', '2.5'],
      ['check', 'x', '--seed', '9007199254740993'], ['check', 'x', '--backend', 'CPU'], ['list', 'extra'], ['report', '--out'], ['check', 'x', '--source'], ['list', '--source', 'x.md'], ['lst']]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('suggests the nearest ids for a typo', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    const known = ['4.3.1', '4.3.5', '4.3.15', 'ce-gradient-example', 'mse-hessian-constant'];
    expect(nearest('4.3.51', known, 2)).toEqual(['4.3.1', '4.3.5']); // both one edit away; ties keep list order
    expect(nearest('mse-hesian-constant', known, 1)).toEqual(['mse-hessian-constant']);
    expect(() => assertKnownIds(['4.3.5', 'ce-gradient-exampel'], known)).toThrow(/unknown item id 'ce-gradient-exampel'; nearest: ce-gradient-example/);
    expect(() => assertKnownIds(['4.3.5'], known)).not.toThrow();
  });
});
