import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'rope-learning-efficiency', kind: 'claim', section: '4.3.5',
  quote: '这使得模型能够更有效地学习位置相关的模式，从而间接影响损失函数的收敛速度和最终性能',
  statement: 'Because of these properties, a model with RoPE learns position-dependent patterns more effectively than with the sinusoidal encoding, '
    + 'which indirectly affects the convergence speed of the loss and the final performance.',
  reason: 'An empirical claim about training that names no task, model, data, budget or metric: "more effectively" compares learning under two '
    + 'encodings, and "indirectly affects the convergence speed and final performance" gives neither a direction nor a size, so no computation '
    + 'can confirm or refute it in general; reported results (faster convergence in the RoFormer experiments) measure particular setups. The '
    + 'premise it draws on is checked: the RoPE score depends on the relative position alone, unlike the additive score (rope-relative-position), '
    + 'so one query–key pair expresses the same offset pattern at every position; and RoPE is an orthogonal linear map (rope-orthogonal-linear-map).',
  expectedVerdict: 'not-checkable',
  checks: [],
});
