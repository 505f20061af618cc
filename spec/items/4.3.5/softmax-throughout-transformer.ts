import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'softmax-throughout-transformer', kind: 'claim', section: '4.3.5',
  quote: 'Softmax 操作贯穿了整个 Transformer 架构',
  statement: 'The softmax operation runs through the whole Transformer architecture (a core finding of the chapters on attention and position encoding).',
  reason: 'A statement about where an architecture uses softmax, and a summary of chapters outside the audited source; the architecture is not '
    + 'specified here, so there is nothing to compute: a check would test the losscheck construction, not the book. Read as a competent reader '
    + 'would (softmax normalises the scores of every attention head of every layer and, in a language model, gives the output distribution; '
    + 'the feed-forward, normalisation and residual parts do not use it), it describes the standard Transformer. What it leads to in this '
    + 'section is checked: the attention weights of 4.3.34 and the class probabilities of 4.3.35 are one and the same map '
    + '(attention-classification-same-form).',
  expectedVerdict: 'not-checkable',
  checks: [],
});
