// The cross-backend agreement table: the same items and checks recorded on node-wasm, node-cpu,
// browser-webgl and browser-wasm (reports/.results/backend-<name>.json, all four written by
// `npm run test:browser`; node-wasm falls back to the main run), compared check by check for every
// check whose reference is the tfjs oracle. node-wasm, the backend `npm test` uses, is the reference.
// It asserts nothing: a backend whose check passes or fails differently, or whose verdict differs, is
// listed as a finding; the browser suite itself fails on a changed verdict.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckRecord, Generated, Num } from './model.ts';

export const BACKEND_COLUMNS = ['node-wasm', 'node-cpu', 'browser-webgl', 'browser-wasm'] as const;
export type BackendColumn = (typeof BACKEND_COLUMNS)[number];

/** Full backend runs only; `backend-<name>.selected.json` (LOSSCHECK_ONLY) is never compared. */
const BACKEND_FILE = /^backend-([a-z0-9]+-[a-z0-9]+)\.json$/;
/** Files reports/build.ts must not merge into the main items (they are other backends' runs of the same items). */
export const isBackendResultsFile = (file: string): boolean => file.startsWith('backend-');

interface RecordedItem { id: string; expectedVerdict: string; result: { verdict: string; checks: CheckRecord[] } }
interface RecordedRun {
  generated: Generated & { environment?: Record<string, unknown>; timing?: Record<string, number> };
  oracleFindings?: { tfjs?: { qualified?: Record<string, boolean> } };
  items: RecordedItem[];
  skipped?: { file: string; id?: string; reason: string }[];
}

export interface BackendRun {
  name: BackendColumn;
  /** The results file it came from; absent when this backend has not been recorded. */
  source?: string;
  tfjsBackend?: string;
  seed?: number; runs?: number; hessianRuns?: number;
  /** Same seed and case counts as the reference (node-wasm): only then are the cases, hence the numbers, comparable. */
  comparable: boolean;
  qualified?: Record<string, boolean>;
  environment?: Record<string, unknown>;
  timing?: Record<string, number>;
  skipped: { file: string; id?: string; reason: string }[];
}

export interface BackendMeasurement {
  maxError: Num; tolerance: Num; passed: boolean; verdict: string;
  /** tolerance/measured (passing side) or measured/tolerance, as recorded by the engine. */
  margin?: Num;
}

export interface AgreementRow {
  id: string;
  check: string;
  role: string;
  /** null: the backend did not record this item (not run, skipped, or a newer item). */
  perBackend: Record<BackendColumn, BackendMeasurement | null>;
  /**
   * max/min of the margins over the backends that recorded them (finite, non-zero). Margins, not raw
   * values: the deciding case can differ between backends, and with it the scale of the measured value.
   */
  spread: number | null;
  /** Pass/fail and the item's verdict are the same on every recorded backend. */
  agrees: boolean;
}

export interface BackendAgreement {
  backends: BackendRun[];
  rows: AgreementRow[];
  /** Items with a tfjs-oracle check. */
  items: number;
  /** Items whose tfjs checks and verdict agree on all four backends (all recorded and comparable). */
  itemsAgreeingOnAll: number;
  findings: string[];
  notes: string[];
}

const isTfjsCheck = (c: CheckRecord) => c.oracle.includes('tfjs-');
const num = (x: Num): number => (typeof x === 'number' ? x : Number(x));

function readRun(file: string): RecordedRun {
  return JSON.parse(readFileSync(file, 'utf8')) as RecordedRun;
}

/** Builds the table from the main run (its own backend's column) and the recorded backend runs in `dir`. */
export function loadBackendAgreement(dir: string, main: { generated: Generated; items: RecordedItem[]; oracleFindings?: RecordedRun['oracleFindings'] }): BackendAgreement {
  const runs = new Map<BackendColumn, { run: RecordedRun; source: string }>();
  const mainColumn = `node-${main.generated.backend.replace(/^tfjs-/, '')}` as BackendColumn;
  if (BACKEND_COLUMNS.includes(mainColumn)) runs.set(mainColumn, { run: { ...main, items: main.items }, source: 'conformance.json' });
  const notes: string[] = [];
  for (const f of existsSync(dir) ? readdirSync(dir).sort() : []) {
    const m = BACKEND_FILE.exec(f);
    if (!m) continue;
    if (!BACKEND_COLUMNS.includes(m[1] as BackendColumn)) { notes.push(`${f}: unknown backend '${m[1]}', ignored`); continue; }
    runs.set(m[1] as BackendColumn, { run: readRun(join(dir, f)), source: f }); // an explicit backend run wins over the main run
  }

  const reference = runs.get('node-wasm')?.run ?? main;
  const g = reference.generated;
  const backends: BackendRun[] = BACKEND_COLUMNS.map((name) => {
    const r = runs.get(name);
    if (!r) return { name, comparable: false, skipped: [] };
    const rg = r.run.generated;
    return {
      name, source: r.source, tfjsBackend: rg.backend, seed: rg.seed, runs: rg.runs, hessianRuns: rg.hessianRuns,
      comparable: rg.seed === g.seed && rg.runs === g.runs && rg.hessianRuns === g.hessianRuns,
      ...(r.run.oracleFindings?.tfjs?.qualified ? { qualified: r.run.oracleFindings.tfjs.qualified } : {}),
      ...(rg.environment ? { environment: rg.environment } : {}),
      ...(rg.timing ? { timing: rg.timing } : {}),
      skipped: r.run.skipped ?? [],
    };
  });

  const findings: string[] = [];
  for (const b of backends) {
    if (!b.source) notes.push(`${b.name}: not recorded (run \`npm run test:browser\`)`);
    else if (!b.comparable) notes.push(`${b.name}: recorded with seed ${b.seed}, ${b.runs}/${b.hessianRuns} cases, node-wasm with seed ${g.seed}, ${g.runs}/${g.hessianRuns}: its numbers are not compared case for case`);
    else if (b.tfjsBackend !== `tfjs-${b.name.split('-')[1]}`) findings.push(`${b.name}: the oracle ran on ${b.tfjsBackend}, not on the backend this column names`);
    for (const [method, ok] of Object.entries(b.qualified ?? {})) if (!ok) findings.push(`${b.name}: tfjs method '${method}' failed qualification`);
    for (const s of b.skipped) notes.push(`${b.name}: skipped ${s.id ?? s.file}: ${s.reason}`);
  }

  const byBackend = new Map(BACKEND_COLUMNS.map((name) => {
    const r = runs.get(name);
    const b = backends.find((x) => x.name === name)!;
    return [name, new Map((r && b.comparable ? r.run.items : []).map((it) => [it.id, it] as const))] as const;
  }));

  const rows: AgreementRow[] = [];
  const itemIds = new Set<string>();
  const agreeingItems = new Set<string>();
  const disagreeingItems = new Set<string>();
  for (const it of reference.items) {
    const tfjsChecks = it.result.checks.map((c, i) => ({ c, i })).filter(({ c }) => isTfjsCheck(c));
    if (!tfjsChecks.length) continue;
    itemIds.add(it.id);
    const verdicts = BACKEND_COLUMNS.map((name) => byBackend.get(name)!.get(it.id)?.result.verdict).filter((v): v is string => v !== undefined);
    if (new Set(verdicts).size > 1) {
      findings.push(`${it.id}: the verdict differs across backends (${BACKEND_COLUMNS.map((name) => `${name} ${byBackend.get(name)!.get(it.id)?.result.verdict ?? '—'}`).join(', ')})`);
    }
    for (const { c, i } of tfjsChecks) {
      const perBackend = Object.fromEntries(BACKEND_COLUMNS.map((name) => {
        const other = byBackend.get(name)!.get(it.id);
        // Checks are matched by position and name: labels carry the backend ("tfjs-webgl tf.grad …").
        const oc = other?.result.checks[i];
        return [name, other && oc && oc.name === c.name
          ? { maxError: oc.maxError, tolerance: oc.tolerance, passed: oc.passed, verdict: other.result.verdict, margin: oc.margin } : null];
      })) as Record<BackendColumn, BackendMeasurement | null>;
      const recorded = BACKEND_COLUMNS.map((name) => [name, perBackend[name]] as const).filter((e): e is readonly [BackendColumn, BackendMeasurement] => e[1] !== null);
      const values = recorded.map(([, m]) => num(m.margin ?? NaN)).filter((v) => Number.isFinite(v) && v > 0);
      const spread = values.length >= 2 ? Math.max(...values) / Math.min(...values) : null;
      const agrees = new Set(recorded.map(([, m]) => m.passed)).size <= 1 && new Set(recorded.map(([, m]) => m.verdict)).size <= 1;
      if (new Set(recorded.map(([, m]) => m.passed)).size > 1) {
        const odd = recorded.filter(([, m]) => m.passed !== c.passed); // relative to node-wasm, the backend CI asserts
        findings.push(`${it.id} · “${c.name}”: ${recorded.map(([name, m]) => `${name} ${m.passed ? 'passes' : 'FAILS'} (${String(m.maxError)} vs ${String(m.tolerance)})`).join(', ')}` +
          (odd.length ? ` — disagreeing beyond tolerance: ${odd.map(([name]) => name).join(', ')}` : ''));
      }
      if (recorded.length === BACKEND_COLUMNS.length && agrees) agreeingItems.add(it.id); else disagreeingItems.add(it.id);
      rows.push({ id: it.id, check: c.name, role: c.role, perBackend, spread, agrees });
    }
  }
  const itemsAgreeingOnAll = [...agreeingItems].filter((id) => !disagreeingItems.has(id)).length;
  return { backends, rows, items: itemIds.size, itemsAgreeingOnAll, findings, notes };
}

function fmtNum(x: Num): string {
  if (typeof x === 'string') return x === 'Infinity' ? '∞' : x;
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(2) : Number(x.toPrecision(3)).toString();
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const TIMING_LABELS: Record<string, string> = {
  wallMs: 'wall time (vitest)', contextAndQualificationMs: 'oracle set-up and qualification', totalMs: 'all items in the page',
};

function describeRun(b: BackendRun): string {
  if (!b.source) return `- **${b.name}**: not recorded`;
  const env = b.environment ?? {};
  const details = [
    b.tfjsBackend, `seed ${b.seed}`, `${b.runs}/${b.hessianRuns} cases`,
    ...(typeof env.renderer === 'string' ? [`WebGL${String(env.webglVersion)} on ${env.renderer}, float32 render targets ${String(env.renderFloat32)}, shape uniforms ${String(env.shapesUniforms)}`] : []),
    ...('simd' in env ? [`SIMD ${String(env.simd)}, threads ${String(env.threads)}`] : []),
    ...(b.timing ? [Object.entries(b.timing).map(([k, v]) => `${TIMING_LABELS[k] ?? k} ${(v / 1000).toFixed(1)} s`).join(', ')] : []),
  ].filter(Boolean);
  return `- **${b.name}** (\`${b.source}\`): ${details.join(' · ')}${b.comparable ? '' : ' — **not comparable** (different seed or case counts)'}`;
}

/** The Markdown section; empty when no backend run beyond the main one was recorded. */
export function renderAgreementMarkdown(agreement: BackendAgreement | undefined): string {
  if (!agreement) return '';
  const out: string[] = ['## Cross-backend agreement', ''];
  if (agreement.backends.filter((b) => b.source).length < 2) {
    out.push(`Only ${agreement.backends.find((b) => b.source)?.name ?? 'no backend'} is recorded. \`npm run test:browser\` runs the same checks ` +
      `on ${BACKEND_COLUMNS.filter((n) => !agreement.backends.find((b) => b.name === n)?.source).join(', ')} and fills this table.`, '');
    return out.join('\n');
  }
  out.push('Every check whose reference is the tfjs oracle, measured on each backend with the same seed, cases, tolerance model and ' +
    'qualified (patched) oracle methods. Each cell is the measured value of the deciding case against its tolerance (✓ passes, ✗ fails). ' +
    '*spread* is the largest over the smallest margin across backends (1 = equally far from the tolerance everywhere); *agrees*: pass/fail and the item’s verdict are the same ' +
    'on every backend that recorded it. Browser runs: `npm run test:browser`.', '');
  for (const b of agreement.backends) out.push(describeRun(b));
  const comparable = agreement.backends.filter((b) => b.source && b.comparable).length;
  out.push('', comparable === BACKEND_COLUMNS.length
    ? `${agreement.itemsAgreeingOnAll} of ${agreement.items} items with a tfjs-oracle check agree on all ${BACKEND_COLUMNS.length} backends.`
    : `Only ${comparable} of ${BACKEND_COLUMNS.length} backends were recorded with the reference's seed and case counts; ` +
      'the others are not compared (see below).', '');
  out.push(agreement.findings.length ? '**Findings** (a backend disagreeing beyond tolerance):' : 'Findings: none — no backend disagrees beyond tolerance.', '');
  for (const f of agreement.findings) out.push(`- ${cell(f)}`);
  if (agreement.findings.length) out.push('');
  if (agreement.notes.length) { for (const n of agreement.notes) out.push(`- ${cell(n)}`); out.push(''); }
  out.push(`| item | check | role | ${BACKEND_COLUMNS.join(' | ')} | spread | agrees |`, `|---|---|---|${BACKEND_COLUMNS.map(() => '---').join('|')}|---|---|`);
  let last = '';
  for (const r of agreement.rows) {
    const cells = BACKEND_COLUMNS.map((name) => {
      const m = r.perBackend[name];
      return m ? `${fmtNum(m.maxError)} / ${fmtNum(m.tolerance)} ${m.passed ? '✓' : '✗'}` : '—';
    });
    out.push(`| ${r.id === last ? '' : r.id} | ${cell(r.check)} | ${r.role} | ${cells.join(' | ')} | ${r.spread === null ? '—' : fmtNum(r.spread)} | ${r.agrees ? 'yes' : '**no**'} |`);
    last = r.id;
  }
  out.push('');
  return out.join('\n');
}
