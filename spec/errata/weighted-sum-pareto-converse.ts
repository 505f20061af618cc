import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'weighted-sum-pareto-converse',
  where: '§4.3.4, 帕累托最优性: 并非所有权重组合都能产生帕累托最优解',
  printed: 'not every combination of task weights yields a Pareto-optimal solution',
  right: 'every minimiser of $\\sum_k w_k L_k$ with all $w_k > 0$ is Pareto optimal (with a zero weight, weakly Pareto optimal); the limitation of weighted sums is the converse: when the Pareto front is not convex, some Pareto-optimal solutions minimise no weighted sum',
  severity: 'error',
  cause: 'The known limitation of linear scalarisation (it cannot reach every Pareto-optimal point) is stated the other way round (some weightings do not reach a Pareto-optimal point).',
});
