// Second-order autodiff fix for tfjs 4.22 (tensorflow/tfjs#3252 and related).
// Kernels whose stock gradient reuses their *saved output* (Exp, Sigmoid, Tanh, Softmax) save a clone
// that the outer tape of a nested tf.grad does not connect to the input: second-order terms through
// that output are silently dropped, or an error is thrown when nothing else connects. The replacement
// gradients recompute the output from the saved *input*, which keeps the tape connected.
// Stock gradients are kept so the qualification suite can measure both.
import type * as TF from '@tensorflow/tfjs';
import type { Tf } from './backend.ts';
import { assertTf } from '../errors.ts';

const PATCHED_KERNELS = ['Exp', 'Sigmoid', 'Tanh', 'Softmax'] as const;
type GradConfig = NonNullable<ReturnType<Tf['getGradient']>>;

let stock: Map<string, GradConfig> | undefined;
let patched = false;

function silently(tf: Tf, fn: () => void): void {
  // registerGradient warns "Overriding the gradient for 'Exp'" unless PROD is set.
  const wasProd = tf.env().getBool('PROD');
  tf.env().set('PROD', true);
  try { fn(); } finally { tf.env().set('PROD', wasProd); }
}

export function applyHigherOrderPatch(tf: Tf): void {
  assertTf('applyHigherOrderPatch', tf);
  if (patched) return;
  stock ??= new Map(PATCHED_KERNELS.map((k) => [k, tf.getGradient(k)!] as const));
  silently(tf, () => {
    tf.registerGradient({
      kernelName: 'Exp', inputsToSave: ['x'],
      gradFunc: (dy, saved) => ({ x: () => tf.mul(dy as TF.Tensor, tf.exp(saved[0]!)) }),
    });
    tf.registerGradient({
      kernelName: 'Sigmoid', inputsToSave: ['x'],
      gradFunc: (dy, saved) => {
        const s = tf.sigmoid(saved[0]!);
        return { x: () => tf.mul(dy as TF.Tensor, tf.mul(s, tf.sub(1, s))) };
      },
    });
    tf.registerGradient({
      kernelName: 'Tanh', inputsToSave: ['x'],
      gradFunc: (dy, saved) => {
        const t = tf.tanh(saved[0]!);
        return { x: () => tf.mul(dy as TF.Tensor, tf.sub(1, tf.square(t))) };
      },
    });
    tf.registerGradient({
      kernelName: 'Softmax', inputsToSave: ['logits'],
      gradFunc: (dy, saved, attrs) => {
        const dim = (attrs as unknown as { dim: number }).dim;
        const y = tf.softmax(saved[0]!, dim);
        const dyy = tf.mul(dy as TF.Tensor, y);
        return { logits: () => tf.sub(dyy, tf.mul(tf.sum(dyy, [dim], true), y)) };
      },
    });
  });
  patched = true;
}

export function restoreStockGradients(tf: Tf): void {
  assertTf('restoreStockGradients', tf);
  if (!patched || !stock) return;
  silently(tf, () => { for (const cfg of stock!.values()) tf.registerGradient(cfg); });
  patched = false;
}

export function isPatched(): boolean { return patched; }
export const patchedKernels: readonly string[] = PATCHED_KERNELS;
