import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'convexity-existence-of-minimum',
  where: '§4.3.2 凸性分析 “这意味着函数具有全局最小值” and 强凸性与条件数 “凸性保证了全局最小值的存在”',
  printed: 'convexity (chords above the graph) means, and guarantees, that the function has a global minimum',
  right: 'convexity makes every local minimum global, but does not make a minimum exist: −log σ(w) = log(1 + e^{−w}) is convex, tends to its infimum 0 and never reaches it (the cross-entropy of a logistic model on separable data). Existence needs more, e.g. strong convexity or coercivity.',
  severity: 'error',
  cause: 'The existence of a minimiser is attributed to convexity, which only guarantees that a minimum, where there is one, is global.',
});
