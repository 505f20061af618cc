import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'l0-analogy-backwards',
  where: '§4.3.2 边界行为分析 “交叉熵的对数增长对应于$L_0$范数的某种极端形式，它对大误差的敏感度更高”',
  printed: 'the logarithmic growth of the cross-entropy corresponds to some extreme form of the L0 norm, and is more sensitive to large errors',
  right: 'the penalties that link the logarithm to L0 (|e|^p as p → 0, the log-sum surrogate log(ε + |e|)) have slopes that decrease in the error: they are the robust penalties, less sensitive to large errors than L2. The cross-entropy −log(1 − e) of the probability error has the slope 1/(1 − e), which increases without bound: it is the opposite of an L0-type penalty, and that is why it is more sensitive to large errors',
  severity: 'error',
  cause: 'The logarithm\'s link to L0 (a limit of penalties that flatten for large errors) is carried over to −log p̂, whose logarithm acts on 1 − e and steepens as the error grows; the analogy contradicts the sensitivity claimed in the same sentence.',
});
