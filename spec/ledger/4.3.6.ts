// Sentence ledger of §4.3.6 (see spec/ledger/entry.ts). Units by position and hash; items or a classification.
import { ledger } from './entry.ts';

export default ledger('4.3.6', [
  { at: 1, hash: '143cd6b4', words: "本节从多个维度系统性地对", class: 'no-math',
    reason: 'Lists the topics the section covered (gradients, convexity, curvature, geometry); each has its items in §4.3.1–§4.3.3.' },
  { at: 2, hash: '179c63e9', words: "我们发现，虽然两种损失函", class: 'restates', restates: 'gradient-forms-similar',
    reason: 'Restates findings of §4.3.1 and §4.3.3. "源自不同的理论框架" repeats the framing of §4.3.1 (quadratic loss vs relative entropy), '
      + 'no mathematics. The similar concise gradients are gradient-forms-similar ((ŷ − y)x and (p̂ − y)x for the linear and the logistic '
      + 'model); §4.3.1 itself calls the similarity superficial once MSE is composed with a sigmoid (4.3.6, mse-sigmoid-gradient-vanishes), '
      + 'a qualification the summary drops. The geometry clause: cross-entropy is the KL divergence up to a constant and its Hessian is the '
      + 'Fisher information (ce-corresponds-to-kl, 4.3.21, 4.3.22); MSE is the squared Euclidean distance on the simplex '
      + '(mse-squared-euclidean-distance) and, read as a Gaussian negative log-likelihood, has the Fisher information as its Hessian '
      + '(mse-gaussian-nll-hessian-fisher) — the only reading under which "都…紧密相关" holds for MSE, as §4.3.3 says MSE alone has no direct '
      + 'Fisher link (mse-no-direct-fisher-link).' },
  { at: 3, hash: 'daa7c53a', words: "本节还讨论了损失函数与注", class: 'restates', restates: 'attention-classification-same-form',
    reason: 'Restates §4.3.5: the softmax of attention and of classification is one map (attention-classification-same-form); the encoding as '
      + 'a designed feature that supplies order (positional-encoding-supplies-order) and its interaction with the loss (position-error-propagation, '
      + 'conditional; positional-prior-loss-dynamics and rope-learning-efficiency, not checkable).' },
  { at: 4, hash: '3efbb8fc', words: "这些分析为后续章节（特别", class: 'forward-reference',
    reason: 'Points to §4.4 ("InfoNCE与注意力的Softmax统一"), outside the audited source; "核心地位" is an appraisal with nothing to compute.' },
]);
