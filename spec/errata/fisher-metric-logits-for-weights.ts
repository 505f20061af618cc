import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'fisher-metric-logits-for-weights',
  where: '4.3.28',
  printed: 'G(w) = I(w) = \\mathbb{E}_{x,y}\\left[(\\hat{p} - p)(\\hat{p} - p)^T\\right], a C×C matrix, as the metric of the weights w in 4.3.27',
  right: 'I(W) = \\mathbb{E}_{x}\\left[(x x^T) \\otimes (\\operatorname{diag}(\\hat{p}) - \\hat{p}\\hat{p}^T)\\right] (dC×dC): the score in the weights is x ⊗ (p̂ − e_y); '
    + '(p̂ − e_y)(p̂ − e_y)ᵀ, averaged over y ∼ p̂, is the Fisher information in the logits z = Wᵀx only',
  severity: 'error',
  cause: 'The gradient of the cross-entropy in the logits, p̂ − p, is used as the score in the weights: the chain rule through z = Wᵀx, which '
    + 'multiplies the score by x (and the outer product by x xᵀ, a Kronecker factor), is left out, so a logit-space matrix is given as the weight-space metric.',
});
