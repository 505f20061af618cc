import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'positional-encoding-geometry', kind: 'claim', section: '4.3.3',
  quote: '从信息几何的角度，位置编码可以理解为在 Token 嵌入空间中引入了一个额外的几何结构——位置信息流形',
  statement: 'From the information-geometric viewpoint, positional encoding introduces an extra geometric structure, a “positional information manifold”, '
    + 'in the token-embedding space.',
  reason: 'An analogy with no defined object to measure: information geometry studies families of probability distributions with the Fisher metric, '
    + 'and no such family, metric or manifold is specified for the “positional information manifold” (positional encodings are vectors added to '
    + 'embeddings, not distributions). Concrete facts about sinusoidal encodings would be checkable, but the text does not state them here; the '
    + 'next sentence (their orthogonality and frequencies affect the modelling ability) is accounted for in the ledger.',
  expectedVerdict: 'not-checkable',
  checks: [],
});
