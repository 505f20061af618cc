// Report labels for the reference a check compares against.
import type { RunContext } from './item.ts';

export const IMPL_F64 = 'impl (float64)';
export const PRINTED_F64 = 'printed formula (float64)';
export const TAYLOR_F64 = 'Taylor remainder rates (float64 finite differences)';
export const tfjsGrad = (ctx: RunContext) => ctx.tfjs.label('grad');
export const tfjsHessian = (ctx: RunContext) => ctx.tfjs.label('hessian');
export const eigenOracle = (ctx: RunContext) => ctx.eigen.label;
