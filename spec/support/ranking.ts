// Ranking criteria for binary scores: the AUC by ranks (Mann–Whitney), the AUC loss as the fraction of
// misordered positive–negative pairs (ties count ½), and a population version over a discrete input
// distribution with P(y = 1 | x).

/** AUC by the rank-sum formula, (R₊ − n₊(n₊ + 1)/2)/(n₊n₋), with average ranks for tied scores. */
export function aucByRanks(positive: number[], negative: number[]): number {
  const all = [...positive.map((s) => ({ s, pos: true })), ...negative.map((s) => ({ s, pos: false }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length;) {
    let j = i;
    while (j + 1 < all.length && all[j + 1]!.s === all[i]!.s) j++;
    const average = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (all[k]!.pos) rankSum += average;
    i = j + 1;
  }
  const np = positive.length, nn = negative.length;
  return (rankSum - (np * (np + 1)) / 2) / (np * nn);
}

/** Mean over positive–negative pairs of ℓ(s₊ − s₋). */
export function pairwiseMean(positive: number[], negative: number[], loss: (margin: number) => number): number {
  let s = 0;
  for (const a of positive) for (const b of negative) s += loss(a - b);
  return s / (positive.length * negative.length);
}

/** The AUC loss of one pair: 1 if misordered, ½ on a tie. */
export const misordered = (margin: number) => (margin < 0 ? 1 : margin === 0 ? 0.5 : 0);
/** The pairwise logistic (RankNet) loss in bits: log₂(1 + e^{−margin}). */
export const pairwiseLogisticBits = (margin: number) => (margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin))) / Math.LN2;

/**
 * Population AUC loss of a score function over inputs x with weights π_x and P(y = 1 | x) = p_x: the
 * probability that a random positive is scored below a random negative (ties ½).
 */
export function populationAucLoss(pi: number[], p: number[], score: number[]): number {
  let num = 0, positives = 0, negatives = 0;
  pi.forEach((px, x) => { positives += px * p[x]!; negatives += px * (1 - p[x]!); });
  pi.forEach((px, x) => pi.forEach((py, y) => { num += px * p[x]! * py * (1 - p[y]!) * misordered(score[x]! - score[y]!); }));
  return num / (positives * negatives);
}
