import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'simplex-compact-manifold',
  where: '“这是一个C−1维的紧致流形（compact manifold）”, after 4.3.17',
  printed: 'the probability simplex Δ^{C−1} of 4.3.17 is a (C−1)-dimensional compact manifold',
  right: 'the closed simplex is compact and a (C−1)-dimensional manifold with boundary (with corners; homeomorphic to the closed ball), not a manifold; '
    + 'the open simplex (all p_i > 0), on which the Fisher metric diag(1/p) of the following paragraphs is defined, is a (C−1)-manifold but not compact',
  severity: 'imprecise',
  cause: 'Two objects are merged: the closed simplex of 4.3.17 (compact, with boundary faces where no neighbourhood is a full (C−1)-ball) and the open '
    + 'simplex, the statistical manifold of information geometry (a manifold, not compact).',
});
