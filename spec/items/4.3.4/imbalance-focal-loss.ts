import { check, defineItem } from '../../engine/item.ts';
import { notAbove } from '../../engine/close.ts';
import { elementary, tolerance, TAYLOR_RATE_TOLERANCE, type Dtype } from '../../engine/tolerance.ts';
import { easyMajority, hardAndEasy } from '../../domains/imbalance.ts';
import { taylorRates } from '../../../oracles/finiteDifference.ts';

/** Focal loss of the true class's logit z, q = σ(z): −(1 − q)^γ log q (Lin et al.); γ = 0 is the cross-entropy. */
const focal = (gamma: number) => ([z]: number[]) => { const q = 1 / (1 + Math.exp(-z!)); return -((1 - q) ** gamma) * Math.log(q); };
/** Its derivative in z: (1 − q)^γ (γ q log q − (1 − q)); the cross-entropy's is −(1 − q). */
const focalGradient = (gamma: number, q: number) => (1 - q) ** gamma * (gamma * q * Math.log(q) - (1 - q));
/** The factor focal loss applies to the cross-entropy's logit gradient: r(q) = (1 − q)^{γ−1}(1 − q − γ q log q). */
const relative = (gamma: number, q: number) => (1 - q) ** (gamma - 1) * (1 - q - gamma * q * Math.log(q));
const logit = (q: number) => Math.log(q / (1 - q));
// Where q → 1 the loss decays like e^{−(1 + γ)z}: the ladder starts at a step small against that rate, so the
// remainder is in its asymptotic regime from the first level.
const STEP = 0.1;
// r is a product of a power and a three-term sum with a log: a few roundings of terms ≤ 1 + γ·|q log q|, and the
// power's relative condition |γ − 1|·|log(1 − q)| (log(1 − q) ≥ −10 on the sampled range).
const relativeTolerance = (gamma: number, q: number, dtypes: readonly [Dtype, Dtype]) => tolerance({ dtypes, operations: elementary(3) + 4,
  scale: Math.max(1, relative(gamma, q)) * (1 + gamma), condition: 1 + Math.abs(gamma - 1) * Math.abs(Math.log(1 - q)) });

export default defineItem({
  id: 'imbalance-focal-loss', kind: 'claim', section: '4.3.4',
  quote: '如果类别不平衡，可能需要使用加权的交叉熵或 focal loss',
  statement: 'With imbalanced classes, focal loss may be needed: relative to cross-entropy it scales each example\'s logit gradient by r(q) = (1 − q)^{γ−1}(1 − q − γ q log q), q the predicted probability of the true class, which is smaller on every well-classified example (q ≥ ½) than on any misclassified one and falls to 0 like (1 + γ)(1 − q)^γ, so the many easy examples of a majority class lose their share of the gradient to the hard ones.',
  reading: 'A remedy for imbalance through the training signal, as focal loss was introduced (Lin et al., γ > 0): easy examples, typically of the abundant class, stop dominating the gradient. The weighted cross-entropy of the same clause is imbalance-weighted-cross-entropy.',
  notes: 'Focal loss does not move the population decision: for two classes, with f(q) = −(1 − q)^γ log q decreasing, R(q) − R(1 − q) = (2p − 1)(f(q) − f(1 − q)), so its minimiser stays on the same side of ½ as p; it changes what training emphasises, not the Bayes decision (unlike class weights).',
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'the logit gradient (1 − q)^γ(γ q log q − (1 − q)) of the focal loss is its derivative: Taylor remainder rate ≥ 2 (float64; 3 where the curvature vanishes, 1 for a wrong gradient)', role: 'support', reference: 'taylor',
      arbitrary: hardAndEasy(), runs: 'default',
      evaluate: (cs) => cs.map(({ gamma, hard, easy }) => {
        // Both examples of the case; the lower rate decides. A right gradient leaves a remainder ½h²f'' + O(h³): rate 2,
        // or 3 near an inflection point of the loss; a wrong one leaves O(h): rate 1.
        const [a, b] = [hard, easy].map((q) => {
          const rates = taylorRates(focal(gamma), [logit(q)], [1], focalGradient(gamma, q), undefined, { h0: STEP / (1 + gamma) });
          return { value: rates.exact ? 0 : Math.max(0, 2 - rates.observedRate), bound: TAYLOR_RATE_TOLERANCE, note: `γ = ${gamma.toFixed(3)}, q = ${q}: rate ${rates.observedRate.toFixed(3)}` };
        });
        return a!.value >= b!.value ? a! : b!;
      }),
    }),
    check({
      name: 'every well-classified example (q ≥ ½) gets a smaller factor than every misclassified one: r(q_easy) ≤ r(q_hard)', role: 'claim', reference: 'closed-form',
      arbitrary: hardAndEasy(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ gamma, hard, easy }) => notAbove(relative(gamma, easy), relative(gamma, hard),
        relativeTolerance(gamma, easy, ctx.dtypes) + relativeTolerance(gamma, hard, ctx.dtypes), `γ = ${gamma.toFixed(3)}: r(${easy.toFixed(4)}) = ${relative(gamma, easy).toPrecision(4)}, r(${hard.toFixed(4)}) = ${relative(gamma, hard).toPrecision(4)}`)),
    }),
    check({
      name: 'the factor vanishes for easy examples: r(q) ≤ (1 + γ)(1 − q)^γ (from −q log q ≤ 1 − q)', role: 'claim', reference: 'closed-form',
      arbitrary: hardAndEasy(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ gamma, easy }) => notAbove(relative(gamma, easy), (1 + gamma) * (1 - easy) ** gamma,
        2 * relativeTolerance(gamma, easy, ctx.dtypes), `γ = ${gamma.toFixed(3)}, q = ${easy.toFixed(4)}`)),
    }),
    check({
      name: 'many easy majority examples, a few hard minority ones: the majority\'s share of Σ|∂L/∂z| is smaller under focal loss than under cross-entropy', role: 'claim', reference: 'closed-form',
      arbitrary: easyMajority(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ gamma, easy, hard }) => {
        const share = (g: (q: number) => number) => { const e = easy.reduce((s, q) => s + Math.abs(g(q)), 0), h = hard.reduce((s, q) => s + Math.abs(g(q)), 0); return e / (e + h); };
        const ce = share((q) => 1 - q), fl = share((q) => focalGradient(gamma, q));
        // Two ratios of sums of ≤ 210 terms, each a few elementary functions.
        return notAbove(fl, ce, tolerance({ dtypes: ctx.dtypes, operations: easy.length + hard.length + elementary(3) + 6, scale: 1, condition: 1 + gamma * 10 }),
          `γ = ${gamma.toFixed(3)}: majority share ${ce.toPrecision(4)} (cross-entropy) → ${fl.toPrecision(4)} (focal)`);
      }),
    }),
  ],
});
