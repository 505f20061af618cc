// `losscheck new <id>`: scaffolds spec/items/<section>/<file>.ts from the source. A formula number
// (`new 4.3.12`) takes its \tag block from the audited text as the printed LaTeX (and its section from
// the heading above it); a claim (`new my-claim --section 4.3.2 --quote '…'`) takes the quote, checked
// verbatim against the text. The file has the typed header, one claim check naming a reference, a
// tolerance derived with spec/engine/tolerance.ts, and TODOs where a person must decide; the header lint
// (spec/engine/lint.ts) fails until the TODOs of the header are gone. Guide: docs/adding-an-item.md.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { UsageError, type NewOptions } from './args.ts';
import type { Io } from './io.ts';
import { loadIndex, ROOT } from './items.ts';

export interface FormulaBlock { latex: string; section: string }

/** The LaTeX of formula `id` as printed (from the `$$` that opens its block to its \tag), and its section. */
export function formulaBlock(text: string, id: string): FormulaBlock | undefined {
  const tag = text.indexOf(`\\tag{${id}}`);
  if (tag < 0) return undefined;
  const open = text.lastIndexOf('$$', tag);
  if (open < 0) return undefined;
  const latex = text.slice(open + 2, tag).trim();
  const headings = [...text.slice(0, tag).matchAll(/^##\s+(4\.3\.\d+)\b/gm)];
  const section = headings.at(-1)?.[1];
  return section && latex ? { latex, section } : undefined;
}

/** A TypeScript string literal that reads back as `s` exactly: String.raw`…` when it can be, else JSON. */
function literal(s: string): string {
  return /`|\$\{|\\$/.test(s) ? JSON.stringify(s) : `String.raw\`${s}\``;
}

/** A relative import specifier from the new file's folder to a file of the repository. */
function importPath(fromDir: string, repoFile: string): string {
  const rel = relative(fromDir, join(ROOT, repoFile)).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

export interface ScaffoldInput { id: string; kind: 'formula' | 'claim'; section: string; quote: string; printed?: string }

/** The text of a new item file at `file`. */
export function scaffoldText(input: ScaffoldInput, file: string): string {
  const dir = dirname(file);
  const imp = (f: string) => importPath(dir, f);
  const { id, kind, section, quote, printed } = input;
  const subject = kind === 'formula' ? `${id} as printed` : 'the claim as stated';
  return `// ${id}: TODO one line on what this item checks and how (the statement says what the book asserts).
import { check, defineItem } from '${imp('spec/engine/item.ts')}';
import { agreement } from '${imp('spec/engine/close.ts')}';
import { tolerance, type Dtype } from '${imp('spec/engine/tolerance.ts')}';
import { real } from '${imp('spec/domains/index.ts')}';

/**
 * One case: TODO the inputs ${subject} takes. Take the generator from spec/domains/ (named for the
 * math; add one there if none fits), e.g. fc.record({ y: real(10), yHat: real(10) }) with fast-check's fc.
 */
type Case = number;
const cases = real(10);

/** ${kind === 'formula' ? `${id} as printed, encoded as code: do not fix a sign or a shape while encoding it.` : 'The quantity the claim is about, as the text states it.'} */
function stated(c: Case): number {
  throw new Error(\`TODO: encode ${subject} (case \${c})\`);
}

/**
 * The reference: an independent computation of the same quantity, named by the check's \`reference\`
 * (spec/engine/references.ts: 'closed-form' for a closed form written out here, 'impl' for impl/,
 * 'tfjs-grad' for tfjs autodiff through ctx.tfjs, 'monte-carlo', …). Never the same code as \`stated\`.
 */
function reference(c: Case): number {
  throw new Error(\`TODO: the reference value (case \${c})\`);
}

/**
 * THE tolerance model (spec/engine/tolerance.ts): |stated − reference| ≤ Σ_d (γ_n(u_d) + κ·u_d)·S.
 *   operations n  roundings on the longest path to one output: one per +, −, ×, ÷ and per term of a sum
 *                 or dot product, plus elementary(k) for k calls of exp / log / sigmoid / …
 *   scale S       the magnitude of the terms combined (Σ|terms|, not |result|: covers cancellation)
 *   condition κ   the relative condition number of the output in the inputs (a float32 reference rounds
 *                 its inputs: κ·u); 1 when rounding the inputs cannot be amplified
 *   dtypes        ctx.dtypes, set by the engine from the references the check declares
 * Say in a comment why each value is what it is; never widen it to make a check pass.
 */
const tol = (c: Case, dtypes: readonly [Dtype, Dtype]) =>
  tolerance({ dtypes, operations: 1, scale: Math.abs(c), condition: 1 }); // TODO: operations, scale, condition for this formula

export default defineItem({
  id: '${id}', kind: '${kind}', section: '${section}',
  quote: ${literal(quote)},
${printed !== undefined ? `  printed: ${literal(printed)},\n` : `  // printed: the book's own LaTeX when it prints the formula this claim is about (verbatim); else formula: your LaTeX.\n`}  statement: 'TODO: one English sentence saying what the item asserts (numbers through t\`…\` / num(), never typed).',
  // reading: 'TODO: only when the sentence needs one (a hedge, notation defined nearby): docs/reading-policy.md',
  // errata: ['TODO: the spec/errata/<slug>.ts ids the evidence shows, when the book prints something wrong'],
  // correction (refuted), condition (conditional), reason and no checks (not-checkable), definition: true (definition)
  expectedVerdict: 'holds', // TODO: the verdict the evidence gives (\`npx losscheck check ${id}\`); never set to make a test pass
  checks: [
    check({
      name: 'TODO: stated ↔ reference', role: 'claim', reference: 'closed-form', arbitrary: cases, runs: 'default',
      evaluate: (all, ctx) => all.map((c) => agreement(stated(c), reference(c), tol(c, ctx.dtypes))),
    }),
  ],
});
`;
}

export async function scaffold(options: NewOptions, io: Io): Promise<number> {
  const { loadSource, SOURCE_HINT } = await import('../spec/engine/source.ts');
  const audited = loadSource(io.env ?? process.env);
  const formula = /^4\.3\.\d+$/.test(options.id);
  let section = options.section;
  let quote = options.quote;
  let printed: string | undefined;
  if (formula) {
    if (!audited) throw new UsageError(`a formula is scaffolded from the audited text, which is missing: ${SOURCE_HINT}`);
    const block = formulaBlock(audited.text, options.id);
    if (!block) throw new UsageError(`no \\tag{${options.id}} in ${audited.path}`);
    if (section !== undefined && section !== block.section) throw new UsageError(`${options.id} is printed in ${block.section}, not ${section}`);
    section = block.section;
    printed = block.latex;
    quote ??= block.latex;
  }
  if (audited && quote !== undefined && !audited.text.replace(/\s+/g, '').includes(quote.replace(/\s+/g, ''))) {
    throw new UsageError(`the quote is not verbatim in ${audited.path} (whitespace aside): ${quote}`);
  }
  if (!audited) io.stderr.write(`losscheck: the quote is not checked: ${SOURCE_HINT}\n`);
  const base = options.dir ? resolve(io.cwd ?? process.cwd(), options.dir) : join(ROOT, 'spec', 'items');
  // The id must be new among the items of the folder it goes into.
  const existing = existsSync(base) ? (await loadIndex(base)).items.find((it) => it.id === options.id) : undefined;
  if (existing) throw new UsageError(`item '${options.id}' exists: ${existing.file}`);
  const name = formula ? `f${options.id.replace(/^4\.3\.(\d+)$/, (_, k: string) => `4.3.${k.padStart(2, '0')}`)}${options.name ? `-${options.name}` : ''}` : options.name ?? options.id;
  const file = join(base, section!, `${name}.ts`);
  if (existsSync(file)) throw new UsageError(`${file} exists`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, scaffoldText({ id: options.id, kind: formula ? 'formula' : 'claim', section: section!, quote: quote!, ...(printed !== undefined ? { printed } : {}) }, file));
  const shown = file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
  io.stdout.write(`wrote ${shown}\nnext: fill in every TODO (docs/adding-an-item.md), then \`npx losscheck check ${options.id}\` and \`npx vitest run spec/_meta/items.test.ts\`\n`);
  return 0;
}
