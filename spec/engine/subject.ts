// The implementation under test. Checks of role 'subject' call its functions through `ctx.subject.api`
// and compare them with an independent reference; the audit of the book never calls the subject, so a
// buggy subject cannot move a verdict about the text. LossApi is the surface impl/index.ts exports (the
// default subject is impl/ itself); another subject provides any subset of those names, with the same
// signatures, and what it lacks is skipped with a reason.
import * as impl from '../../impl/index.ts';
import type { Dtype } from './tolerance.ts';

type Impl = typeof impl;
/** The names of impl/'s public functions. */
export type LossFunctionName = { [K in keyof Impl]: Impl[K] extends (...args: never[]) => unknown ? (Impl[K] extends abstract new (...args: never[]) => unknown ? never : K) : never }[keyof Impl];
/** The implementation under test: any subset of impl/'s functions, with impl/'s signatures. */
export type LossApi = Partial<Pick<Impl, LossFunctionName>>;

/** What a function computes: a loss or other value, a gradient, or a Hessian. */
export type Capability = 'value' | 'gradient' | 'hessian';

export interface Subject {
  /** 'impl', 'tfjs', or the module path. */
  id: string;
  label: string;
  dtype: Dtype;
  api: LossApi;
  /** Capabilities the subject lacks, with the reason (e.g. tfjs cannot differentiate a customGrad op twice). */
  lacks: Partial<Record<Capability, string>>;
  /** Functions the subject does not provide on purpose, with the reason (the rest of what it lacks is "not exported"). */
  notProvided?: Partial<Record<LossFunctionName, string>>;
  /** Whether this subject is the audit's own float64 reference (impl/): then a failing subject check also breaks the audit. */
  isAuditReference: boolean;
}

/** The capability each function needs: gradients and Hessians by name, everything else a value. */
export function capabilityOf(name: string): Capability {
  if (/Hessian/.test(name)) return 'hessian';
  if (/Gradient|Jacobian|Derivative/.test(name)) return 'gradient';
  return 'value';
}

export const IMPL_SUBJECT: Subject = {
  id: 'impl', label: 'impl (float64)', dtype: 'float64', api: impl, lacks: {}, isAuditReference: true,
};

/** Why the subject cannot run a check of these functions, or undefined when it can. */
export function whyNotRunnable(subject: Subject, names: readonly LossFunctionName[]): string | undefined {
  for (const name of names) {
    const lack = subject.lacks[capabilityOf(name)];
    if (lack) return `${subject.label} has no ${capabilityOf(name)} capability: ${lack}`;
    if (typeof subject.api[name] !== 'function') return `${subject.label} does not provide ${name}${subject.notProvided?.[name] ? `: ${subject.notProvided[name]}` : ''}`;
  }
  return undefined;
}

/** A subject from a module exporting impl/'s names (`losscheck conformance --subject PATH`). */
export function moduleSubject(id: string, module: Record<string, unknown>, dtype: Dtype = 'float64'): Subject {
  const api: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(module)) if (typeof v === 'function' && k in impl) api[k] = v;
  return { id, label: `${id} (${dtype})`, dtype, api: api as LossApi, lacks: {}, isAuditReference: false };
}
