import { defineErratum } from '../engine/erratum.ts';

export default defineErratum({
  id: 'fisher-over-data-labels',
  where: '4.3.28 (\\mathbb{E}_{x,y}, with p the one-hot target)',
  printed: '\\mathbb{E}_{x,y}\\left[(\\hat{p} - p)(\\hat{p} - p)^T\\right] with p the data’s label, called the Fisher information I(w)',
  right: 'the Fisher information draws the label from the model, y ∼ p̂(·|x) (4.3.20): \\mathbb{E}_{y \\sim \\hat{p}}[(\\hat{p} - e_y)(\\hat{p} - e_y)^T] = \\operatorname{diag}(\\hat{p}) - \\hat{p}\\hat{p}^T; '
    + 'over the data’s labels the same expression is the empirical Fisher, a different matrix',
  severity: 'imprecise',
  cause: 'The expectation E_{x,y} does not say that y is drawn from the model, and p denotes the data’s one-hot target throughout the section: '
    + 'read that way the formula is the empirical Fisher, which 4.3.20 does not define and which is not the Fisher information.',
});
