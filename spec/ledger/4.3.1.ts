// Sentence ledger of §4.3.1 (see spec/ledger/entry.ts). Units by position and hash; items or a classification.
import { ledger } from './entry.ts';

export default ledger('4.3.1', [
  { at: 1, hash: '746ad996', words: '均方误差和交叉熵虽然都是', class: 'no-math',
    reason: 'Framing: both losses measure prediction error but come from different theories; the origin of a definition is history, not a checkable property.' },
  { at: 2, hash: 'c872adec', words: '均方误差源于统计学中的二', class: 'restates', restates: '4.3.19',
    reason: 'The origins (statistics, information theory) are history. The mathematical links it names are checked elsewhere: cross-entropy is the '
      + 'entropy plus the relative entropy (4.3.19, ce-corresponds-to-kl in §4.3.3), and the MSE is half the squared Euclidean distance of '
      + 'prediction and target (4.3.1 as printed; mse-squared-euclidean-distance in §4.3.3).' },
  { at: 3, hash: 'b659c983', words: '定义4.3.1（均方误差', class: 'no-math',
    reason: 'Lead-in of definition 4.3.1: the task (regression) and the symbols y, ŷ ∈ ℝ that item 4.3.1 uses.' },
  { at: 4, hash: '69fd5e98', words: '(4.3.1)', items: ['4.3.1'] },
  { at: 5, hash: '6a8f3ef8', words: '或者在批量形式下：', items: ['4.3.2'],
    reason: 'It asserts that 4.3.2 is the batch form of 4.3.1, which item 4.3.2 checks (it is, only without the ½).' },
  { at: 6, hash: '132a4914', words: '(4.3.2)', items: ['4.3.2'] },
  { at: 7, hash: 'c4811610', words: '均方误差的数学结构具有几',
    items: ['mse-graph-parabolic-cylinder', 'mse-convex-in-prediction', 'mse-convex-unique-minimum', 'mse-gradient-linear-in-error', 'mse-gd-iterates-closed-form', 'mse-hessian-constant'],
    class: 'restates', restates: '4.3.1',
    reason: '“它是一个二次函数”: 4.3.1 is a degree-2 polynomial in ŷ, and the batch loss of a linear model is quadratic in w (its Hessian is constant: '
      + 'mse-hessian-constant). “这使得优化过程具有可预测的动态特性” (a gradient affine in the error makes gradient descent a linear recursion) is '
      + 'checked by mse-gd-iterates-closed-form.' },
  { at: 8, hash: 'a2c274c9', words: '定义4.3.2（交叉熵）', class: 'no-math',
    reason: 'Lead-in of definition 4.3.2: the task (multi-class), the one-hot target p of class c* and p̂ = Softmax(z), the symbols item 4.3.3 uses.' },
  { at: 9, hash: 'c5b90335', words: '(4.3.3)', items: ['4.3.3'] },
  { at: 10, hash: '6feaf4cd', words: '交叉熵的数学结构同样具有',
    items: ['4.3.3', 'ce-logit-gradient', 'mse-gradient-linear-in-error'],
    class: 'motivation',
    reason: '第一: “非线性程度比二次函数更高” states no measure, and the two natural ones disagree: by how much the Hessian varies (not at all for '
      + 'a quadratic: mse-hessian-constant, ce-hessian-parameter-dependent) it holds; by growth in the logits it is false, since ‖p̂ − p‖₂ ≤ √2 '
      + 'makes the loss grow at most linearly, slower than a quadratic. So it is motivation, not counted as checked. 第二 (it acts on '
      + 'distributions) describes the arguments of 4.3.3. 第三 (softmax makes the output a probability distribution) is the softmax definition '
      + '4.3.35 of §4.3.5. 第四: the logit gradient p̂ − p is ce-logit-gradient; the MSE side, ŷ − y, is mse-gradient-linear-in-error.' },
  { at: 11, hash: '61b44a9a', words: '两种损失函数的梯度结构反', class: 'motivation',
    reason: 'Topic sentence announcing the comparison of the gradients; “本质差异” is made concrete, and checked, by 4.3.4–4.3.6, '
      + 'mse-gradient-modulated-by-activation-derivative and sigmoid-derivative-vanishes-away-from-zero.' },
  { at: 12, hash: '5698aa02', words: '考虑一个简单的线性模型…', class: 'no-math',
    reason: 'Sets up the linear model ŷ = wᵀx + b used by 4.3.4–4.3.6.' },
  { at: 13, hash: 'aa714126', words: '对于均方误差：', class: 'no-math', reason: 'Lead-in of formula 4.3.4.' },
  { at: 14, hash: 'a86e861d', words: '(4.3.4)', items: ['4.3.4'] },
  { at: 15, hash: '1ba53ea5', words: '其中…是预测误差。', class: 'no-math', reason: 'Defines the symbol ε = y − ŷ of 4.3.4.' },
  { at: 16, hash: '2473ed18', words: '均方误差的梯度与误差项和', items: ['4.3.4', 'mse-gradient-linear-in-error'],
    reason: 'Proportional to Σ ε x: the last line of 4.3.4; linear in the errors: a fixed linear map, −Xᵀ/N, applied to ε (and, in ŷ, mse-gradient-linear-in-error).' },
  { at: 17, hash: 'f69721e4', words: '对于交叉熵损失，考虑二分', class: 'no-math', reason: 'Lead-in of formula 4.3.5 (binary case, sigmoid output).' },
  { at: 18, hash: 'b3db6c84', words: '(4.3.5)', items: ['4.3.5'] },
  { at: 19, hash: '140e79d7', words: '这表明交叉熵的梯度与预测', items: ['gradient-forms-similar', '4.3.5'],
    reason: 'Per sample the gradient is (p̂ − y)x (gradient-forms-similar); the sign of 4.3.5 does not affect proportionality.' },
  { at: 20, hash: '874b8175', words: '关键发现：虽然均方误差和', items: ['gradient-forms-similar'], class: 'no-math',
    reason: '“源自完全不同的数学框架” is history (as unit 1); the similarity of the two gradients is gradient-forms-similar.' },
  { at: 21, hash: '7275fe68', words: '均方误差梯度：…', items: ['gradient-forms-similar'] },
  { at: 22, hash: 'f74a5744', words: '交叉熵梯度：…', items: ['gradient-forms-similar'] },
  { at: 23, hash: 'a99ef637', words: '然而，这只是表面上的相似', items: ['mse-gradient-modulated-by-activation-derivative'],
    reason: 'Superficial only after a change of model the text makes silently: for the models the bullets name (linear model + MSE, 4.3.4; '
      + 'logistic + cross-entropy, 4.3.5) both gradients are exactly (prediction − target)·x; the σ′ factor appears only when the MSE is put on a '
      + 'sigmoid output (4.3.6). mse-gradient-modulated-by-activation-derivative is conditional on that output; erratum silent-model-switch (imprecise).' },
  { at: 24, hash: '2ed1e74d', words: '在均方误差中，梯度还受到', items: ['mse-gradient-modulated-by-activation-derivative', '4.3.6'] },
  { at: 25, hash: '9868c440', words: '(4.3.6)', items: ['4.3.6'] },
  { at: 26, hash: '01a0851b', words: '当…远离0时，Sigmo', items: ['sigmoid-derivative-vanishes-away-from-zero'] },
  { at: 27, hash: '2bd123fb', words: '这就是均方误差在分类任务',
    items: ['mse-gradient-modulated-by-activation-derivative', 'sigmoid-derivative-vanishes-away-from-zero'], class: 'motivation',
    reason: '“梯度在概率饱和区域被过度压缩” is checked: the MSE gradient is the cross-entropy gradient times 2σ\'(z) ≤ 2e^{−|z|}, right or wrong '
      + '(also mse-sigmoid-gradient-vanishes in §4.3.2). “根本原因” — that this is the root cause of the MSE’s poor results in classification — is '
      + 'an empirical claim about training outcomes (data, model, optimiser), not a property of the formulas.' },
  { at: 28, hash: '2b1fb75e', words: '相比之下，交叉熵的梯度不', items: ['ce-logit-gradient', 'ce-no-modulation-cause'],
    reason: 'No softmax factor, and p̂ − p even near 0 or 1: ce-logit-gradient (logits up to ±40); the gradient is the error itself, so it vanishes only '
      + 'with the error (“有效避免了梯度消失”; binary case: ce-gradient-no-sigmoid-factor in §4.3.2). The cause in the parenthesis: ce-no-modulation-cause.' },
  { at: 29, hash: 'bbbc419e', words: '损失函数的曲率特性直接影', items: ['curvature-sets-gd-stability', 'mse-gd-iterates-closed-form'] },
  { at: 30, hash: 'e422ecea', words: 'Hessian矩阵（梯度', class: 'no-math',
    reason: 'Names the standard definition of the Hessian (the Jacobian of the gradient), the quantity every Hessian item computes; “标准工具” is an assessment.' },
  { at: 31, hash: '5fdef36f', words: '对于均方误差，Hessi', class: 'no-math', reason: 'Lead-in of formula 4.3.7.' },
  { at: 32, hash: '868f67a1', words: '(4.3.7)', items: ['4.3.7'] },
  { at: 33, hash: 'e4603790', words: '其中…是设计矩阵。', class: 'no-math', reason: 'Defines the symbol X of 4.3.7 (the design matrix).' },
  { at: 34, hash: 'f31e56c7', words: '均方误差的Hessian', items: ['mse-hessian-constant'] },
  { at: 35, hash: '2245c405', words: '这是一个极其重要的性质：', items: ['mse-normal-equations', 'mse-gd-iterates-closed-form'],
    reason: '“线性最小二乘问题”: the MSE of a linear model is a linear least-squares problem by definition (a quadratic with constant Hessian, '
      + 'mse-hessian-constant); its closed-form solution is mse-normal-equations, “收敛行为可以精确预测” is mse-gd-iterates-closed-form.' },
  { at: 36, hash: 'fbad0541', words: '对于交叉熵，Hessia', class: 'motivation',
    reason: '“更为复杂” is a judgement with no measure; what it announces — a Hessian that depends on p̂ and has a Kronecker structure — is checked by '
      + '4.3.9, 4.3.10 and ce-hessian-parameter-dependent.' },
  { at: 37, hash: 'ad9e6814', words: '考虑多分类场景，损失函数', class: 'no-math',
    reason: 'Defines the loss L = −Σ_n log p̂ (a sum over samples, no 1/N) and p̂ = Softmax(wᵀx) of 4.3.8–4.3.10; 4.3.10 is checked against this sum outside its condition.' },
  { at: 38, hash: '0560674c', words: '首先计算单个样本的Hes', items: ['ce-sample-hessian-fisher-form'] },
  { at: 39, hash: '9d55b557', words: '(4.3.8)', items: ['4.3.8'] },
  { at: 40, hash: '47d3c37a', words: '其中…。', items: ['4.3.8'],
    reason: 'The chain ∂p̂/∂w = ∂Softmax/∂z · ∂z/∂w = (diag(p̂) − p̂p̂ᵀ)x is part of 4.3.8’s derivation; 4.3.8 checks it (with ⊗).' },
  { at: 41, hash: 'f445928b', words: '因此：', class: 'no-math', reason: 'Lead-in of formula 4.3.9.' },
  { at: 42, hash: 'a8b31bc6', words: '(4.3.9)', items: ['4.3.9'] },
  { at: 43, hash: '9ffa6942', words: '总Hessian为所有样', items: ['4.3.10'],
    reason: 'The average of the per-sample Hessians is the Hessian of the mean loss, not of the summed L stated before 4.3.8: 4.3.10’s condition.' },
  { at: 44, hash: 'c59a5073', words: '(4.3.10)', items: ['4.3.10'] },
  { at: 45, hash: 'd61bebd9', words: '交叉熵的Hessian是', items: ['ce-hessian-parameter-dependent', '4.3.10'],
    reason: 'The dependence through p̂ is the form of 4.3.10; “曲率在参数空间中不是恒定的” says the same as ce-hessian-parameter-dependent.' },
  { at: 46, hash: 'e1a042ca', words: '更重要的是，Hessia', items: ['softmax-jacobian-negative-semidefinite', 'softmax-jacobian-eigenvalues', '4.3.9'],
    reason: '“Hessian 的结构取决于 diag(p̂) − p̂p̂ᵀ”: 4.3.9 (the Hessian is that matrix ⊗ x xᵀ).' },
  { at: 47, hash: '0cce0516', words: '几何解释：均方误差的恒定',
    items: ['mse-curvature-same-all-directions', 'mse-gd-trajectory-straight', 'mse-gd-iterates-closed-form'] },
  { at: 48, hash: '75fc2a04', words: '交叉熵的变曲率意味着优化',
    items: ['ce-hessian-parameter-dependent', 'ce-curvature-vanishes-when-confident', 'ce-confident-optimisation-slows', 'ce-curvature-easy-hard-samples'],
    reason: '“变曲率意味着优化空间在不同区域的形状是不同的” says what ce-hessian-parameter-dependent checks.' },
  { at: 49, hash: '579ee299', words: '在注意力机制中，注意力权', items: ['attention-gradient-structure-like-ce', 'attention-jacobian-fisher-structure'] },
  { at: 50, hash: 'ad1f99d1', words: '特别地，…的形式包含类似', items: ['attention-jacobian-fisher-structure'] },
  { at: 51, hash: 'b89e202b', words: '这种数学上的相似性意味着', class: 'restates', restates: 'attention-softmax-stability',
    reason: 'A recommendation (可以借鉴); the stabilisation it refers to, subtracting the row maximum of the scores as for classification logits, is '
      + 'checked for attention by attention-softmax-stability in §4.3.5.' },
]);
