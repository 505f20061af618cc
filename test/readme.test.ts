// The README's figures are computed, not typed: its summary of the findings must match the published
// snapshot (reports/conformance.json, written by `npm run publish-report`).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const snapshot = JSON.parse(readFileSync(`${ROOT}reports/conformance.json`, 'utf8')) as {
  errata: { severity: string }[]; items: { verdict: string }[];
};
const SEVERITIES = ['error', 'sign', 'typo', 'notation', 'imprecise'];
const VERDICTS = ['holds', 'refuted', 'conditional', 'definition', 'not-checkable'];
const count = <T>(xs: T[], key: (x: T) => string) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});

describe('README', () => {
  it('summarises the published errata and verdicts with the snapshot\'s own figures', () => {
    const bySeverity = count(snapshot.errata, (e) => e.severity);
    const byVerdict = count(snapshot.items, (i) => i.verdict);
    const severities = SEVERITIES.filter((s) => bySeverity[s]).map((s) => `${bySeverity[s]} ${s}`).join(', ');
    const verdicts = VERDICTS.filter((v) => byVerdict[v]).map((v) => `${byVerdict[v]} ${v}`).join(', ');
    expect(readme).toContain(`**${snapshot.errata.length} distinct errata** in §4.3 (${severities})`);
    expect(readme).toContain(`evidenced by **${snapshot.items.length} items** checked against the\ntext: ${verdicts}.`);
  });
});
