import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'missing-kronecker',
  where: '4.3.8, the sentence after it (∂p̂/∂w), 4.3.9 and 4.3.10',
  printed: String.raw`$\frac{\partial \hat{p}}{\partial w} = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)\, x$ and $H^{(n)} = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)\, x x^T$: the $C\times C$ softmax Jacobian juxtaposed with $x$ or $x x^T$`,
  right: String.raw`$\frac{\partial \hat{p}}{\partial w} = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T) \otimes x$ and $H^{(n)} = (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T) \otimes x x^T$, a $dC\times dC$ matrix for $\text{vec}(W)$ stacked class by class (equivalently $x x^T \otimes (\text{diag}(\hat{p}) - \hat{p}\hat{p}^T)$ row by row)`,
  severity: 'typo',
  cause: 'The weights W of the C-class model are d×C, so the softmax Jacobian (C×C) and x xᵀ (d×d) combine by a Kronecker product; the slip starts at ∂z/∂w, written x (as for one output) where I_C ⊗ x, the Jacobian of z = Wᵀx in vec(W), is meant, and carries into ∂p̂/∂w and the two Hessians derived from it. Read as a matrix product the formulas do not multiply unless C = d, and then give a d×d matrix instead of the dC×dC Hessian. (4.3.28 in §4.3.3, where the factor x xᵀ is absent altogether, is a different error with its own erratum, fisher-metric-logits-for-weights.)',
});
