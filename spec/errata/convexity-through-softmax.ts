import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'convexity-through-softmax',
  where: '§4.3.2 凸性分析 “这可以从 KL 散度的凸性直接推导 … 复合后仍保持凸性”',
  printed: 'the cross-entropy is convex in w because D_KL(p ‖ Q) is convex in Q and convexity is kept when Q = Softmax(wᵀx) is composed in',
  right: 'convexity in Q does not carry through the nonlinear Softmax (‖p − Softmax(z)‖² is convex in Q, not in z); the composition rule needs a convex outer function that is nondecreasing, and D_KL(p ‖ Q) decreases in each Q_i. The cross-entropy is convex in w because H(p, Softmax(z)) = log Σ_j e^{z_j} − pᵀz is convex in the logits z = wᵀx, which are linear in w.',
  severity: 'error',
  cause: 'The derivation composes a convex function with a nonlinear map as if composition always kept convexity.',
});
