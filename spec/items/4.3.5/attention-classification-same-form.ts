import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { attentionCase } from '../../domains/index.ts';
import { attentionScores, softmax } from '../../../impl/index.ts';
import { tfjsAttention, weightsTolerance } from '../../support/attention.ts';

export default defineItem({
  id: 'attention-classification-same-form', kind: 'claim', section: '4.3.5',
  quote: '两种应用在数学形式上完全相同——都是将一个向量（注意力分数或 logits）通过 Softmax 变换映射到概率单纯形上',
  statement: 'Each row of the attention weights is the classification softmax (4.3.35) applied to that row\'s score vector s_i = K q_i/√d_k, i.e. a point of the probability simplex.',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'tfjs attention weights row i ↔ impl classification softmax(s_i), s_i = K q_i/√d_k', role: 'claim', reference: ['tfjs-forward', 'impl'],
      arbitrary: attentionCase(), runs: 'default',
      evaluate: (cs, ctx) => tfjsAttention(cs, ctx).map(({ weights }, b) => {
        const c = cs[b]!;
        return agreement(attentionScores(c.Q, c.K).map((s) => softmax(s)), weights, weightsTolerance(c, ctx.dtypes));
      }),
    }),
  ],
});
