import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'hessian-fisher-canonical-only',
  where: '4.3.21 (“其Hessian恰好是Fisher信息矩阵”)',
  printed: 'H_{CE}(\\theta) = I(\\theta) for the negative log-likelihood L_{CE}(\\theta) = -\\log P_\\theta(y), with no condition on θ',
  right: 'H_{CE}(\\theta) = I(\\theta) when θ are canonical parameters (the logits, or weights the logits are linear in, as in softmax regression); '
    + 'in general only \\mathbb{E}_{y \\sim P_\\theta}[\\nabla^2(-\\log P_\\theta(y))] = I(\\theta) (4.3.20): in the mean parameter, or with logits '
    + 'non-linear in θ (a network), the Hessian at the observed label differs from I(θ)',
  severity: 'imprecise',
  cause: 'An identity of exponential families in their natural parameters (the Hessian of −log p does not depend on the label) is stated for '
    + 'every parameterisation θ of P_θ.',
});
