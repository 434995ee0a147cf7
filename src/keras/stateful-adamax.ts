/**
 * Adamax whose state can be saved and restored: TensorFlow.js's AdamaxOptimizer throws from
 * getWeights/setWeights, so a checkpoint, `include_optimizer` or `--resume` with Adamax failed.
 * Registered under Keras's class name, so models compiled from a stored training config get it too.
 * State layout as Adam's (and tf.keras's Adamax slots `m`, `v`): iteration, then first moments,
 * then exponentially weighted infinity norms, one per trainable weight in order.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {NamedTensor} from '@tensorflow/tfjs-core/dist/tensor_types';

interface Slot {originalName: string; variable: tf.Variable}
interface AdamaxInternals {
  iteration: tf.Variable;
  accBeta1: tf.Variable;
  beta1: number;
  accumulatedFirstMoment: Slot[];
  accumulatedWeightedInfNorm: Slot[];
}

export class StatefulAdamax extends tf.AdamaxOptimizer {
  static override get className(): string {
    return 'Adamax';
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const self = this as unknown as AdamaxInternals;
    const slots = [...self.accumulatedFirstMoment, ...self.accumulatedWeightedInfNorm];
    return [await this.saveIterations(), ...slots.map((s) => ({name: s.originalName, tensor: s.variable}))];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const self = this as unknown as AdamaxInternals;
    const rest = await this.extractIterations(weightValues);
    const steps = this.iterations;
    tf.tidy(() => {
      self.iteration.assign(tf.scalar(steps));
      self.accBeta1.assign(tf.scalar(Math.pow(self.beta1, steps + 1)));
    });
    const half = rest.length / 2;
    const slot = (w: NamedTensor): Slot => ({originalName: w.name, variable: w.tensor.variable(false)});
    tf.dispose([...self.accumulatedFirstMoment, ...self.accumulatedWeightedInfNorm].map((s) => s.variable));
    self.accumulatedFirstMoment = rest.slice(0, half).map(slot);
    self.accumulatedWeightedInfNorm = rest.slice(half).map(slot);
  }
}

tf.serialization.registerClass(StatefulAdamax);
