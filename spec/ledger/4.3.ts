// Sentence ledger of §4.3 (see spec/ledger/entry.ts). Units by position and hash; items or a classification.
import { ledger } from './entry.ts';

export default ledger('4.3', [
  { at: 1, hash: '4d7b813c', words: "在前两节中，我们分别深入", class: 'no-math',
    reason: 'Refers back to the two preceding sections on MSE and cross-entropy (outside the audited source), not forward; "最常用" is a claim '
      + 'about practice, not a mathematical one.' },
  { at: 2, hash: '23b11166', words: "这两种损失函数分别适用于", class: 'restates', restates: 'gaussian-noise-mse-optimal',
    reason: 'Announces what §4.3.1–§4.3.4 check. MSE suits regression: with Gaussian noise it is the likelihood loss and estimates the '
      + 'conditional mean (gaussian-noise-mse-optimal, 4.3.30); cross-entropy suits classification: its minimiser is the conditional '
      + 'distribution (cross-entropy-minimised-by-true-conditional). The "essential differences in mathematical structure" are the '
      + 'comparisons of §4.3.1–§4.3.2, each with its items (e.g. mse-hessian-constant vs ce-hessian-parameter-dependent, '
      + 'mse-sigmoid-gradient-vanishes vs ce-gradient-no-sigmoid-factor).' },
  { at: 3, hash: '1ab2d6ee', words: "本节将从多个维度对不同损", class: 'no-math',
    reason: 'The plan of the section (a comparison along several dimensions and a link to the attention chapters); the items of each subsection check what it delivers.' },
  { at: 4, hash: '6f368294', words: "这种对比不仅有助于深入理", class: 'motivation',
    reason: 'Why the comparison is useful (understanding design principles, guidance in choosing a loss); it asserts nothing a computation could check.' },
]);
