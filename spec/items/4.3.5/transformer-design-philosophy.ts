import { defineItem } from '../../engine/item.ts';
import { given, t } from '../../engine/text.ts';

const TRANSFORMER = 2017, CPC = 2018;

export default defineItem({
  id: 'transformer-design-philosophy', kind: 'claim', section: '4.3.5',
  quote: '这种深层的数学联系揭示了 Transformer 架构的设计哲学：它不是凭空设计的，而是从机器学习的基本原则（如最大似然、对比学习）自然涌现的结构',
  statement: 'The InfoNCE–attention connection reveals the Transformer\'s design philosophy: the architecture was not designed ad hoc but emerged '
    + 'naturally from basic principles of machine learning (maximum likelihood, contrastive learning).',
  reason: t`A claim about design intent and history ("not designed out of thin air", "emerged naturally") that names no quantity a computation could \
measure; the demonstration it announces belongs to the next section, which is not part of the audited source. Its mathematical core \
is checked elsewhere: InfoNCE is the softmax cross-entropy of the scores (infonce-softmax-cross-entropy), equals −log of an attention \
weight with τ = √d_k (infonce-attention-softmax-equivalence) and rewards positive pairs that outscore the negatives \
(infonce-positive-above-negatives), and the attention output is a similarity-weighted average (attention-similarity-weighted-average, 4.3.36). \
Read as history, which lies outside a mathematical audit, the order is the other way round: the Transformer (Vaswani et al., ${given(TRANSFORMER)}) \
predates CPC and its InfoNCE loss (van den Oord et al., ${given(CPC)}), so the architecture did not emerge from this connection, which was \
drawn after it (contrastive objectives as such are older).`,
  notes: t`Second reading: read as history, the claim meets a fact: the Transformer (${given(TRANSFORMER)}) predates CPC/InfoNCE (${given(CPC)}). \
Settled: the reason says so, as a remark outside the mathematical audit; the item stays not-checkable, since design intent names no quantity.`,
  expectedVerdict: 'not-checkable',
  checks: [],
});
