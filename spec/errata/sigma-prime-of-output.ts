import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'sigma-prime-of-output',
  where: "4.3.6, and the sentences after 4.3.6, 4.3.14 and 4.3.16 (σ'(ŷ), σ'(0.99))",
  printed: "$\\sigma'(\\hat{y})$, with $\\hat{y}$ the sigmoid's output",
  right: "$\\sigma'(z) = \\hat{y}(1-\\hat{y})$ at the pre-activation $z = w^Tx$ (σ' is evaluated at the input of the sigmoid, and expressed through its output)",
  severity: 'notation',
  cause: "The sigmoid's derivative is written with the output ŷ as its argument, σ'(ŷ), where σ' at the pre-activation z is meant; read literally, σ'(ŷ) = σ(ŷ)(1 − σ(ŷ)) with ŷ ∈ (0, 1) is never small.",
});
