// Sentence ledger of §4.3.6 (see spec/ledger/entry.ts). Units by position and hash; items or a classification.
import { ledger } from './entry.ts';

export default ledger('4.3.6', [
  { at: 1, hash: '143cd6b4', words: "本节从多个维度系统性地对", class: 'todo' as never, reason: 'TODO' },
  { at: 2, hash: '179c63e9', words: "我们发现，虽然两种损失函", class: 'todo' as never, reason: 'TODO' },
  { at: 3, hash: 'daa7c53a', words: "本节还讨论了损失函数与注", class: 'todo' as never, reason: 'TODO' },
  { at: 4, hash: '3efbb8fc', words: "这些分析为后续章节（特别", class: 'todo' as never, reason: 'TODO' },
]);
