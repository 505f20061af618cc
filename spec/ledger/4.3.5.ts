// Sentence ledger of §4.3.5 (see spec/ledger/entry.ts). Units by position and hash; items or a classification.
import { ledger } from './entry.ts';

export default ledger('4.3.5', [
  { at: 1, hash: '674d69b9', words: "在第五章和第六章中，我们", class: 'forward-reference',
    reason: 'Points to the chapters on attention and position encoding, outside the audited source.' },
  { at: 2, hash: '5c1e8fdc', words: "一个核心发现是：Soft", items: ['softmax-throughout-transformer'] },
  { at: 3, hash: 'd7c020ca', words: "在注意力机制中：", class: 'no-math', reason: 'Lead-in to formula 4.3.34.' },
  { at: 4, hash: '55b8fe9f', words: "(4.3.34)", items: ['4.3.34'] },
  { at: 5, hash: 'db35626b', words: "这里Softmax将Qu", class: 'restates', restates: 'attention-rows-normalised',
    reason: 'Says what 4.3.34 does with the scores: the weights it produces are normalised (checked by attention-rows-normalised); the '
      + '"similarity scores" are the scaled query–key inner products of 4.3.34.' },
  { at: 6, hash: '7afafba3', words: "在分类任务中：", class: 'no-math', reason: 'Lead-in to formula 4.3.35.' },
  { at: 7, hash: '6871b159', words: "(4.3.35)", items: ['4.3.35'] },
  { at: 8, hash: 'd229268d', words: "这里Softmax将lo", class: 'restates', restates: '4.3.35',
    reason: 'Softmax turns logits into a class distribution: the simplex property checked with 4.3.35.' },
  { at: 9, hash: 'ae742f79', words: "数学上的统一性：两种应用", items: ['attention-classification-same-form'] },
  { at: 10, hash: 'babf1309', words: "区别仅在于输入向量的来源", class: 'restates', restates: 'attention-classification-same-form',
    reason: 'That the two differ only in where the input vector comes from is the identity of the map itself (a row of attention weights is the '
      + 'classification softmax of its score vector, attention-classification-same-form); where the vectors come from (scaled query–key inner '
      + 'products, network outputs) is the definition in 4.3.34 and 4.3.35.' },
  { at: 11, hash: '084af2ef', words: "这种数学统一性意味着，两", class: 'restates', restates: 'attention-classification-same-form',
    reason: 'A consequence of the identity of the map (any analysis of the softmax applies to both); the tools it means are the two examples of '
      + 'the next sentence, checked by attention-softmax-stability and sqrt-dk-temperature. "许多" claims nothing beyond them.' },
  { at: 12, hash: '48988dc3', words: "例如，注意力权重的稳定性", items: ['attention-softmax-stability', 'sqrt-dk-temperature'] },
  { at: 13, hash: '015441fd', words: "注意力权重矩阵…具有若干", class: 'no-math',
    reason: 'Defines A = Softmax(QKᵀ/√d_k) and announces the properties of the following sentences, which have their items.' },
  { at: 14, hash: '2268d683', words: "归一化性质：对于每个Qu", items: ['attention-rows-normalised'] },
  { at: 15, hash: '82a64121', words: "这与概率分布的归一化约束", class: 'restates', restates: 'attention-rows-normalised',
    reason: 'Each row of A is a probability distribution (non-negative, summing to 1): checked by attention-rows-normalised.' },
  { at: 16, hash: 'fbcb87f8', words: "边际化解释：注意力输出…", class: 'restates', restates: '4.3.36',
    reason: 'Lead-in to 4.3.36, which checks it: o_i = Σ_j A_ij v_j is row i of 4.3.34, and its reading as an expectation under A_i· is 4.3.36. '
      + '"边际化" (hedged by 可以理解为) is read as summing the key index out, o_i = Σ_j P(j | i) v_j; it is a marginal distribution only when '
      + 'the values are themselves distributions.' },
  { at: 17, hash: '29421ea1', words: "(4.3.36)", items: ['4.3.36'] },
  { at: 18, hash: '3f03fdcc', words: "这与随机变量…在条件分布", items: ['attention-output-conditional-expectation'] },
  { at: 19, hash: '6e2ffd8a', words: "KL散度的类比：在分类任", class: 'restates', restates: 'ce-corresponds-to-kl',
    reason: 'Minimising the cross-entropy is minimising D_KL(p ‖ p̂) in the stated direction (target first): the two differ by H(p), which does not '
      + 'depend on the prediction (ce-corresponds-to-kl, §4.3.3; ce-entropy-plus-kl, §4.3.2).' },
  { at: 20, hash: '4ad65647', words: "在对比学习（如InfoN", items: ['infonce-mutual-information-bound', 'infonce-softmax-cross-entropy'],
    class: 'no-math', reason: 'The opening clause (contrastive learning minimises the InfoNCE loss) only names the loss the two items check.' },
  { at: 21, hash: 'a62ea950', words: "下一节将从InfoNCE", items: ['infonce-attention-softmax-equivalence'], class: 'forward-reference',
    reason: 'The demonstration is announced for the next section, outside the audited source; the equivalence it announces is checked by the item.' },
  { at: 22, hash: 'e9e003f0', words: "InfoNCE的目标是学", items: ['infonce-positive-above-negatives'] },
  { at: 23, hash: 'e911392d', words: "Attention的目标", items: ['attention-similarity-weighted-average'] },
  { at: 24, hash: '32937185', words: "这种深层的数学联系揭示了", items: ['transformer-design-philosophy'] },
  { at: 25, hash: 'aad331d5', words: "在第六章中，我们分析了位", class: 'forward-reference',
    reason: 'Points to the chapter on position encodings, outside the audited source. (The group property behind RoPE, R_mᵀR_n = R_{n−m}, is '
      + 'what rope-relative-position checks.)' },
  { at: 26, hash: '186ba2c8', words: "从损失函数的角度，位置编", items: ['positional-encoding-supplies-order'], class: 'motivation',
    reason: 'Calling the encoding a form of feature engineering ("可以被视为") is a framing: the encoding is a fixed, designed input feature. '
      + 'What it supplies, information on the order of the tokens, is checked by the item.' },
  { at: 27, hash: '5fb560ba', words: "这种先验信息与损失函数的", items: ['positional-prior-loss-dynamics'] },
  { at: 28, hash: '229e15ab', words: "例如，如果使用正弦余弦位", items: ['sinusoidal-orthogonal-basis', 'sinusoidal-multiscale-position'] },
  { at: 29, hash: 'b4dc264e', words: "损失函数对不同位置误差的", items: ['position-error-propagation'] },
  { at: 30, hash: '3358dd9a', words: "如果使用RoPE，位置编", items: ['rope-relative-position', 'rope-orthogonal-linear-map', 'rope-learning-efficiency'] },
  { at: 31, hash: 'fb4148f0', words: "总结：损失函数的数学结构", class: 'motivation',
    reason: 'A summary: the "intrinsic connections" are the ones this section states and its items check (the softmax shared by attention and '
      + 'classification, attention-classification-same-form; InfoNCE as −log of an attention weight, infonce-attention-softmax-equivalence; the '
      + 'position encodings and the loss, position-error-propagation). "在更深层次上" adds no checkable content.' },
  { at: 32, hash: '92b6ee71', words: "Softmax操作作为统", class: 'restates', restates: 'attention-classification-same-form',
    reason: 'Three summary clauses. The softmax shared by both: attention-classification-same-form (and InfoNCE as a softmax cross-entropy, '
      + 'infonce-softmax-cross-entropy). The probability-distribution analogy for attention weights: attention-rows-normalised, 4.3.36, '
      + 'attention-output-conditional-expectation (and the softmax Jacobian of attention, attention-jacobian-fisher-structure in §4.3.1). '
      + 'Entropy and KL as a "common language" is a framing; where the section uses them, they are checked: the entropy of the attention weights '
      + 'against the temperature (sqrt-dk-temperature), KL for classification (ce-corresponds-to-kl), mutual information for InfoNCE '
      + '(infonce-mutual-information-bound).' },
  { at: 33, hash: 'd4772b3a', words: "这种跨章节的联系体现了T", class: 'motivation',
    reason: 'An appraisal ("mathematical consistency" of the design, "a holistic perspective") that names no quantity; the connections it '
      + 'appraises are the items of this section.' },
]);
