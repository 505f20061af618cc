// Public surface of the from-scratch float64 implementation.
export * from './errors.ts';
export * from './linalg.ts';
export * from './eigen.ts';
export * from './activations.ts';
export * from './losses.ts';
export * from './models.ts';
export * from './attention.ts';
export * from './decision.ts';
export * from './multitask.ts';
export * from './estimation.ts';
export * from './information.ts';
export * from './adam.ts';
export * from './positional.ts';
export * from './contrastive.ts';
