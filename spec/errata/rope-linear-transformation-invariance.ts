import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'rope-linear-transformation-invariance',
  where: 'the sentence on RoPE in §4.3.5 (线性变换不变性)',
  printed: 'RoPE 具有“线性变换不变性” (invariance under linear transformations)',
  right: 'RoPE is itself a linear orthogonal transformation (a rotation R_m of each coordinate pair): inner products and norms are invariant under it, '
    + 'and R_mᵀR_n = R_{n−m}, which makes the score depend on the relative position; it is not invariant under (it does not commute with) '
    + 'a linear map of its input, R_m(Wx) ≠ W R_m x in general',
  severity: 'imprecise',
  cause: 'A property is misnamed: "invariance under linear transformations" is written for "a linear transformation that leaves inner products '
    + 'invariant", and the text does not state that true content (an orthogonal linear map); the sentence is true only under that unstated reading.',
});
