import { defineItem } from '../../engine/item.ts';

export default defineItem({
  id: 'positional-encoding-geometry', kind: 'claim', section: '4.3.3',
  quote: '从信息几何的角度，位置编码可以理解为在 Token 嵌入空间中引入了一个额外的几何结构——位置信息流形',
  statement: 'From the information-geometric viewpoint, positional encoding introduces an extra geometric structure (a "positional information manifold") '
    + 'in the token-embedding space, whose geometry (orthogonality, frequency distribution) governs how well sequence structure is modelled.',
  reason: 'An analogy with no defined object to measure: no parameterised family of distributions, metric or manifold is specified for the '
    + '"positional information manifold", and "directly affects the modelling ability" names no quantity. (Concrete facts about sinusoidal '
    + 'encodings, e.g. that ⟨PE(t), PE(t + k)⟩ depends only on k, would be checkable, but the text does not state them.)',
  expectedVerdict: 'not-checkable',
  checks: [],
});
