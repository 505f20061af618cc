// Cuts the audited text into the units the sentence ledger accounts for: every display formula ($$…$$)
// is one unit, every sentence of prose (ended by 。！？, or by the end of its paragraph or list item) is
// one. Headings assert nothing and are not units. A unit is named by its section, its position there
// (1-based) and a hash of its text, so the ledger can name it without copying the document, and a
// changed sentence shows up as a changed hash.
import { createHash } from 'node:crypto';

export interface SourceUnit {
  /** '4.3.1' … '4.3.6', or '4.3' for the introduction before the first subsection. */
  section: string;
  /** Position within the section, from 1. */
  at: number;
  kind: 'sentence' | 'formula';
  text: string;
  /** First 8 hex digits of SHA-256 of the text without whitespace. */
  hash: string;
}

export const normalise = (s: string): string => s.replace(/\s+/g, '');

export function unitHash(text: string): string {
  return createHash('sha256').update(normalise(text)).digest('hex').slice(0, 8);
}

/** Sentences of one paragraph or list item: cut after 。！？ (with a closing bracket or quote that follows). */
function sentencesOf(prose: string): string[] {
  const out: string[] = [];
  let current = '';
  let inMath = false;
  for (let i = 0; i < prose.length; i++) {
    const ch = prose[i]!;
    current += ch;
    if (ch === '$') inMath = !inMath;
    if (!inMath && '。！？'.includes(ch)) {
      while (i + 1 < prose.length && '”」）)'.includes(prose[i + 1]!)) current += prose[++i]!;
      out.push(current);
      current = '';
    }
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => normalise(s).length > 0);
}

/** Paragraphs and list items of a prose stretch (blank lines and `- ` items separate them). */
function blocksOf(prose: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => { if (current.length) blocks.push(current.join('\n')); current = []; };
  for (const line of prose.split('\n')) {
    if (/^\s*$/.test(line)) { flush(); continue; }
    if (/^\s*[-*] /.test(line)) { flush(); current.push(line.replace(/^\s*[-*] /, '')); continue; }
    current.push(line);
  }
  flush();
  return blocks;
}

export function segment(source: string): SourceUnit[] {
  const units: SourceUnit[] = [];
  let section = '4.3';
  let at = 0;
  const push = (kind: SourceUnit['kind'], text: string) => {
    units.push({ section, at: ++at, kind, text, hash: unitHash(text) });
  };
  // Display formulas first (they may share a line with each other), then prose line by line for headings.
  const pieces = source.split(/(\$\$[\s\S]*?\$\$)/);
  pieces.forEach((piece, k) => {
    if (k % 2 === 1) { push('formula', piece); return; }
    let prose: string[] = [];
    const flushProse = () => { for (const b of blocksOf(prose.join('\n'))) for (const s of sentencesOf(b)) push('sentence', s); prose = []; };
    for (const line of piece.split('\n')) {
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (!heading) { prose.push(line); continue; }
      flushProse();
      const numbered = /^(4\.3\.\d+)\s/.exec(heading[1]!);
      if (numbered && numbered[1] !== section) { section = numbered[1]!; at = 0; }
    }
    flushProse();
  });
  return units;
}
