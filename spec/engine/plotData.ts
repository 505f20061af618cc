// The numbers behind the report's three plots, computed by impl/ (float64) when a run records its
// results, so reports/ renders recorded numbers only and computes no math. Each series is an exact
// function of one or two inputs on a fixed grid, or a fixed-seed sample (independent of the run's seed).
import {
  crossEntropy, logisticCrossEntropyGradient, sigmoid, sigmoidMseGradient, softmax, softmaxJacobian,
  squaredDistance, symmetricEigenvalues,
} from '../../impl/index.ts';
import { mulberry32 } from '../../oracles/random.ts';

/** The text's own worked example of saturation: y = 1 predicted as ŷ = 0.99. */
export const TEXT_EXAMPLE_Y_HAT = 0.99;
/** Seed of the report's own sample of distributions p (independent of the conformance seed). */
export const SPECTRUM_SAMPLE_SEED = 4_3_11;
const SPECTRUM_SPREADS = [0.3, 1, 3, 8]; // logit scales: near-uniform … near a vertex

export interface PlotData {
  gradientRatio: { series: { yHat: number; ratio: number }[]; example: { yHat: number; ratio: number } };
  simplex: { series: { t: number; loss: string; value: number }[] };
  spectrum: {
    series: { maxP: number; eigenvalue: number; rank: string }[];
    classes: number; samples: number; seed: number; spreads: number[]; smallest: number; largest: number;
  };
}

/** CE/MSE gradient magnitude ratio for one sample (x = 1, so ∂/∂w = ∂/∂z) with target y = 1, at logit z. */
function ratioAt(z: number): { yHat: number; ratio: number } {
  const x = [[1]], y = [1];
  const ce = logisticCrossEntropyGradient(x, y, [z], 0).w[0]!;
  const mse = sigmoidMseGradient(x, y, [z], 0, 'half').w[0]!;
  return { yHat: sigmoid(z), ratio: ce / mse };
}

/** The ratio on a uniform grid of ŷ in (0, 1). */
export function gradientRatioSeries(points = 400): { yHat: number; ratio: number }[] {
  const out: { yHat: number; ratio: number }[] = [];
  for (let i = 1; i < points; i++) {
    const target = i / points;
    out.push(ratioAt(Math.log(target / (1 - target)))); // the logit that produces ŷ = target
  }
  return out;
}

/** MSE ‖p − p̂‖² and cross-entropy −Σ p log p̂ for p = (1, 0), p̂ = (t, 1 − t), t = 1/points … 1. */
export function simplexLossSeries(points = 200): { t: number; loss: string; value: number }[] {
  const p = [1, 0];
  const out: { t: number; loss: string; value: number }[] = [];
  for (let i = 1; i <= points; i++) {
    const t = i / points; // cross-entropy is +∞ at t = 0
    const q = [t, 1 - t];
    out.push({ t, loss: 'MSE ‖p − p̂‖²', value: squaredDistance(p, q) });
    out.push({ t, loss: 'cross-entropy −log p̂₁', value: crossEntropy(p, q) });
  }
  return out;
}

/** Eigenvalues of diag(p) − ppᵀ for p = softmax(s·g), g standard normal, spread s from flat to near a vertex. */
export function spectrumSeries(classes = 4, samples = 120, seed = SPECTRUM_SAMPLE_SEED): { maxP: number; eigenvalue: number; rank: string }[] {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const out: { maxP: number; eigenvalue: number; rank: string }[] = [];
  for (let k = 0; k < samples; k++) {
    const s = SPECTRUM_SPREADS[k % SPECTRUM_SPREADS.length]!;
    const p = softmax(Array.from({ length: classes }, () => s * gauss()));
    const eigenvalues = symmetricEigenvalues(softmaxJacobian(p));
    const maxP = Math.max(...p);
    eigenvalues.forEach((eigenvalue, i) => out.push({ maxP, eigenvalue, rank: `λ${'₁₂₃₄₅₆₇₈₉'[i] ?? i + 1}` }));
  }
  return out;
}

export function plotData(): PlotData {
  const classes = 4, samples = 120;
  const spectrum = spectrumSeries(classes, samples);
  return {
    gradientRatio: { series: gradientRatioSeries(), example: ratioAt(Math.log(TEXT_EXAMPLE_Y_HAT / (1 - TEXT_EXAMPLE_Y_HAT))) },
    simplex: { series: simplexLossSeries() },
    spectrum: {
      series: spectrum, classes, samples, seed: SPECTRUM_SAMPLE_SEED, spreads: SPECTRUM_SPREADS,
      smallest: Math.min(...spectrum.map((r) => r.eigenvalue)), largest: Math.max(...spectrum.map((r) => r.eigenvalue)),
    },
  };
}
