import { defineErratum } from '../engine/erratum.ts';
import { given, num, t } from '../engine/text.ts';
import { differentFrequency, normalisedGram, numericGram } from '../support/sinusoids.ts';

// An example window: the largest cosine similarity of two columns of different frequencies.
const L = 512, d = 64;
const cosine = Math.max(...normalisedGram(numericGram({ family: 'transformer', length: L, d }))
  .flatMap((row, a) => row.filter((_, b) => differentFrequency(a, b)).map(Math.abs)));

export default defineErratum({
  id: 'sinusoidal-basis-not-orthogonal',
  where: '§4.3.5: 如果使用正弦余弦位置编码，不同频率的正交基函数',
  printed: 'the sinusoidal position encoding as “正交基函数” of different frequencies, the premise of the sentence after it',
  right: t`its columns sin(ω_i p), cos(ω_i p) are orthogonal over a window p = 0…L−1 only when every ω_i is a harmonic 2πk/L of the window, and \
otherwise only in the window average as L → ∞; with the Transformer's ω_i = ${given(10_000)}^{−2i/d} they are far from it (d = ${given(d)}, \
L = ${given(L)}: two columns have cosine similarity 1 − ${num(1 - cosine, 3)})`,
  severity: 'imprecise',
  cause: 'The orthogonality of sinusoids of different frequencies, which holds over a common period or in the long-window limit, is asserted for '
    + 'the encoding\'s geometric frequencies over finite windows, where it fails.',
});
