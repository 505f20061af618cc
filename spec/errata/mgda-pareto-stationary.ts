import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'mgda-pareto-stationary',
  where: '§4.3.4: 使用 Multi-Task Gradient Descent 可以确保优化过程收敛到帕累托前沿',
  printed: 'MGDA ensures that optimisation converges to the Pareto front',
  right: 'MGDA (with a small enough step) converges to Pareto-stationary points, where a convex combination of the task gradients vanishes; these lie on the Pareto front when the task losses are strictly convex, while plain convexity gives weak Pareto optimality only (no point is better in every task, but one can be as good in all and better in one), and with non-convex losses (deep networks) they can be dominated',
  severity: 'imprecise',
  cause: 'Pareto stationarity, the first-order condition MGDA reaches, is stated as Pareto optimality, which it implies only for strictly convex tasks.',
});
