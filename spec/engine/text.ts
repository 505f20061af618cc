// Numbers in an item's words are computed, never typed. An item writes its statement, correction,
// condition, reading and notes with the `t` template tag; every number in them is either
//   ${num(value, digits)}  computed by code when the item loads (the value, rounded to `digits`
//                          significant digits), or
//   ${given(x)}            an input the item chose (a sampled range, an example's parameter), or
//   a number of the item's own quote (the book's numbers, quoted, not ours), a formula or section number
//   (4.3.22), or a single digit (a dimension, a count, an exponent).
// spec/_meta/numbers.test.ts scans every item and erratum and fails on any other number.

/** text → the substrings of it that `t` produced from num() and given(). */
const registered = new Map<string, Set<string>>();

class Piece {
  constructor(readonly text: string) {}
  toString(): string { return this.text; }
}
/** A number computed by code. */
export class Computed extends Piece {
  constructor(readonly value: number, text: string) { super(text); }
}
/** A number the item chose as an input (not a result). */
export class Given extends Piece {}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '+': '', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** value to `digits` significant digits; 10⁻³ ≤ |value| < 10⁵ in positional notation, otherwise m·10ᵏ. */
export function formatSignificant(value: number, digits: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : 'NaN';
  if (value === 0) return '0';
  const a = Math.abs(value);
  if (a >= 1e-3 && a < 1e5) return value.toPrecision(digits).replace(/^-/, '−');
  const [m, e] = value.toExponential(digits - 1).split('e');
  return `${m!.replace(/^-/, '−')}·10${[...String(Number(e))].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

export interface NumOptions {
  /** Significant digits (default 3). */
  digits?: number;
  /** Decimal places instead of significant digits. */
  decimals?: number;
  /** Show as a percentage (value 0.86 → "86%"), with `decimals` places (default 0). */
  percent?: boolean;
}

/** A computed number for a `t` text. */
export function num(value: number, options: NumOptions | number = {}): Computed {
  const o = typeof options === 'number' ? { digits: options } : options;
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`num: a computed number must be a number, got ${String(value)}`);
  let text: string;
  if (o.percent) text = `${(value * 100).toFixed(o.decimals ?? 0)}%`;
  else if (o.decimals !== undefined) text = value.toFixed(o.decimals).replace(/^-/, '−');
  else text = formatSignificant(value, o.digits ?? 3);
  return new Computed(value, text);
}

/** An input the item chose. */
export function given(value: number | string): Given {
  return new Given(typeof value === 'number' ? String(value).replace(/^-/, '−') : value);
}

/** The template tag for an item's words: a plain string, with its computed and given numbers recorded. */
export function t(strings: TemplateStringsArray, ...values: (Piece | string | number)[]): string {
  const pieces: string[] = [];
  let out = strings[0]!;
  values.forEach((v, i) => {
    if (typeof v === 'number') throw new TypeError(`t: wrap the number ${v} in num() (computed) or given() (an input): a bare number is typed`);
    if (v instanceof Piece) pieces.push(v.text);
    out += String(v) + strings[i + 1]!;
  });
  const known = registered.get(out) ?? new Set<string>();
  for (const p of pieces) known.add(p);
  registered.set(out, known);
  return out;
}

/** The substrings of `text` that came from num() or given() (empty for a plain string). */
export function registeredNumbers(text: string): string[] {
  return [...(registered.get(text) ?? [])];
}

/**
 * The numbers of `text` a person typed: every numeral except those from num()/given(), those in `allowed`
 * (the item's quote), formula and section numbers (4.3.k), digits inside a name (L2, x1) and single digits.
 */
export function typedNumbers(text: string, allowed: string = ''): string[] {
  let rest = text;
  for (const p of registeredNumbers(text).sort((a, b) => b.length - a.length)) rest = rest.split(p).join(' ');
  rest = rest.replace(/4\.3(\.\d+)?/g, ' ');
  const allowedNumbers = new Set(numerals(allowed));
  return numerals(rest).filter((n) => !allowedNumbers.has(n) && !/^\d$/.test(n));
}

function numerals(text: string): string[] {
  return [...text.matchAll(/(?<![A-Za-z_\d.])\d+(?:\.\d+)?(?![A-Za-z_])/g)].map((m) => m[0]);
}
