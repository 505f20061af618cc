// Shared by the items about the spectrum of diag(p̂) − p̂p̂ᵀ.
import fc from 'fast-check';
import { tolerance, type Dtype } from '../engine/tolerance.ts';
import { simplexPoint } from '../domains/index.ts';

/** Probability vectors, C = 2…8, interior and near a vertex (saturated predictions). */
export const softmaxOutputs = fc.integer({ min: 2, max: 8 }).chain((C) => fc.oneof(simplexPoint(C), simplexPoint(C, { nearVertex: true })));

/**
 * Backward-stable symmetric eigensolvers: |λ̂ − λ| ≤ C²·u·‖A‖, with ‖A‖ ≤ max p (entries are
 * p_i(1 − p_i) and −p_i p_j).
 */
export const eigenTolerance = (p: number[], dtypes: readonly [Dtype, Dtype] = ['float64', 'float64']) => tolerance({ dtypes, operations: p.length ** 2, scale: Math.max(...p) });
