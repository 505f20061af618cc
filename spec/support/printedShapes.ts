// For formulas printed with operands whose shapes do not fit: evaluate the printed expression with
// impl's shape-checked matrix products and turn the outcome into evidence. When the shapes do not
// multiply, the typed shape error is the evidence; when they happen to (e.g. C = d), the note shows
// what the printed expression gives instead of the quantity it claims to be.
import { LosscheckShapeError } from '../../impl/index.ts';
import type { Outcome } from '../engine/item.ts';

function describeMatrix(m: number[][]): string {
  const rows = m.length, cols = m[0]?.length ?? 0;
  let asym = 0;
  if (rows === cols) for (let i = 0; i < rows; i++) for (let j = 0; j < i; j++) asym = Math.max(asym, Math.abs(m[i]![j]! - m[j]![i]!));
  const preview = m.slice(0, 3).map((r) => r.slice(0, 3).map((x) => Number(x.toPrecision(4))));
  return `${rows}×${cols} matrix ${JSON.stringify(preview)}${rows > 3 || cols > 3 ? '…' : ''}${rows === cols ? `, max |Aᵢⱼ − Aⱼᵢ| = ${asym.toPrecision(3)}` : ''}`;
}

/**
 * Evidence that `printed()` is (or is not) an n×n matrix equal to `expected` within `tol`.
 * A shape error or a wrong shape is an infinite error.
 */
export function printedMatrixOutcome(printed: () => number[][], expected: number[][], tol: number, what: string): Outcome {
  let value: number[][];
  try {
    value = printed();
  } catch (e) {
    if (e instanceof LosscheckShapeError) return { value: Infinity, bound: tol, note: `the printed expression cannot be evaluated: ${e.message}` };
    throw e;
  }
  const n = expected.length;
  if (value.length !== n || value[0]?.length !== n) {
    return { value: Infinity, bound: tol, note: `the printed expression evaluates to a ${describeMatrix(value)}, but ${what} is ${n}×${n}` };
  }
  let worst = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(value[i]![j]! - expected[i]![j]!));
  return { value: Number.isNaN(worst) ? Infinity : worst, bound: tol };
}
