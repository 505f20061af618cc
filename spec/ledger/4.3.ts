// Sentence ledger of §4.3 (see spec/ledger/entry.ts). Units by position and hash; items or a classification.
import { ledger } from './entry.ts';

export default ledger('4.3', [
  { at: 1, hash: '4d7b813c', words: "在前两节中，我们分别深入", class: 'todo' as never, reason: 'TODO' },
  { at: 2, hash: '23b11166', words: "这两种损失函数分别适用于", class: 'todo' as never, reason: 'TODO' },
  { at: 3, hash: '1ab2d6ee', words: "本节将从多个维度对不同损", class: 'todo' as never, reason: 'TODO' },
  { at: 4, hash: '6f368294', words: "这种对比不仅有助于深入理", class: 'todo' as never, reason: 'TODO' },
]);
