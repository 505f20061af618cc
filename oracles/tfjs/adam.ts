// tf.train.adam as an oracle for the Adam formulas. Adam acts coordinate by coordinate, so the
// coordinates of every case of a batch are laid side by side in ONE variable and stepped together:
// one applyGradients call per time step serves all cases (cases with fewer steps read their state at
// their own last step). tfjs keeps m, v, β₁ᵗ and β₂ᵗ in float32 and applies
//   w ← w − η · m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
// (tfjs-core 4.22 adam_optimizer.js; ε is added to √v̂, as in Kingma & Ba, unlike Keras's ε̂ form).
// The accumulated moments are read back through optimizer.getWeights() ([iterations, m…, v…]).
import type { Tf } from './backend.ts';
import { OracleInputError, assertBatch, assertTf } from '../errors.ts';

export interface TfjsAdamConfig { learningRate: number; beta1: number; beta2: number; epsilon: number }
export interface TfjsAdamState { w: number[]; m: number[]; v: number[] }

/**
 * Runs tf.train.adam from w0 on the given gradient sequence (gradients[t] is the gradient at step t + 1)
 * and returns the state after every step.
 */
export async function tfjsAdamTrajectory(tf: Tf, config: TfjsAdamConfig, w0: number[], gradients: number[][]): Promise<TfjsAdamState[]> {
  assertTf('tfjsAdamTrajectory', tf);
  if (typeof config !== 'object' || config === null) throw new OracleInputError('tfjsAdamTrajectory', 'config', 'must be {learningRate, beta1, beta2, epsilon}');
  assertBatch('tfjsAdamTrajectory', 'w0', [w0]);
  assertBatch('tfjsAdamTrajectory', 'gradients', gradients, w0.length);
  for (const [k, x] of Object.entries(config)) {
    if (!Number.isFinite(x)) throw new OracleInputError('tfjsAdamTrajectory', k, `must be finite, got ${x}`);
  }
  if (!(config.learningRate > 0)) throw new OracleInputError('tfjsAdamTrajectory', 'learningRate', `must be > 0, got ${config.learningRate}`);
  for (const k of ['beta1', 'beta2'] as const) {
    if (!(config[k] >= 0 && config[k] < 1)) throw new OracleInputError('tfjsAdamTrajectory', k, `must lie in [0, 1), got ${config[k]}`);
  }
  if (!(config.epsilon >= 0)) throw new OracleInputError('tfjsAdamTrajectory', 'epsilon', `must be ≥ 0, got ${config.epsilon}`);
  const variable = tf.variable(tf.tensor1d(w0));
  const optimizer = tf.train.adam(config.learningRate, config.beta1, config.beta2, config.epsilon);
  const states: TfjsAdamState[] = [];
  try {
    for (const g of gradients) {
      const gradient = tf.tensor1d(g);
      optimizer.applyGradients([{ name: variable.name, tensor: gradient }]);
      gradient.dispose();
      const weights = await optimizer.getWeights();
      const [, first, second] = weights;
      if (!first || !second) throw new OracleInputError('tfjsAdamTrajectory', 'optimizer', 'did not expose its first and second moments');
      states.push({
        w: Array.from(variable.dataSync()),
        m: Array.from(first.tensor.dataSync()),
        v: Array.from(second.tensor.dataSync()),
      });
      weights[0]!.tensor.dispose(); // the iteration counter is a fresh scalar; the moments are the optimizer's own
    }
  } finally {
    optimizer.dispose();
    variable.dispose();
  }
  return states;
}
