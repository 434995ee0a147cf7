/**
 * One optimizer step on one batch. The trainer owns the data, the batch order, the epochs, the
 * callbacks and the checkpoints; a stepper owns how the gradient step is computed (on this
 * thread, or split across worker threads), so a faster scheme only replaces the stepper.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {LossAndMetrics} from './losses';
import {ParallelStepper} from './parallel-stepper';
import {applyGradients} from '../kernels/fused-adam';

export interface Batch {
  /** Inputs, row-major, `count` samples of the model's input shape. */
  x: Float32Array;
  /** Targets, row-major: class indices (sparse losses) or target vectors. */
  y: Float32Array;
  count: number;
}

export interface TrainStepper {
  /** Runs forward, backward and the optimizer update; returns [loss, ...metrics] means over the batch. */
  step(batch: Batch): Promise<number[]>;
  /** Makes the main-thread model (and its optimizer) hold the current weights, e.g. before saving. */
  sync(): Promise<void>;
  dispose(): Promise<void>;
}

/** Single-thread stepper: gradients of the compiled loss, applied by the model's own optimizer. */
export class LocalStepper implements TrainStepper {
  constructor(
    private readonly model: LayersModel,
    private readonly objective: LossAndMetrics,
    private readonly yShape: number[],
  ) {}

  async step(batch: Batch): Promise<number[]> {
    const inputShape = (this.model.inputs[0].shape as number[]).slice(1);
    const values = tf.tidy(() => {
      const x = tf.tensor(batch.x, [batch.count, ...inputShape]);
      const y = tf.tensor(batch.y, [batch.count, ...this.yShape]);
      const vars = this.model.trainableWeights.map((w) => w.read() as tf.Variable);
      let prediction: tf.Tensor | undefined;
      const {value, grads} = tf.variableGrads(() => {
        // variableGrads disposes everything but the loss: keep the prediction for the metrics.
        prediction = tf.keep(this.model.apply(x, {training: true}) as tf.Tensor);
        return this.objective.loss(y, prediction) as tf.Scalar;
      }, vars);
      applyGradients(this.model.optimizer, vars, grads);
      const metrics = this.objective.metrics.map((m) => tf.mean(m.fn(y, prediction!)));
      const result = tf.stack([value, ...metrics]);
      prediction!.dispose();
      return result;
    });
    const out = Array.from(await values.data());
    values.dispose();
    return out;
  }

  async sync(): Promise<void> {
    // Weights already live in the model.
  }

  async dispose(): Promise<void> {}
}

export interface StepperOptions {
  /** Worker threads for data-parallel training; 1 (or less) trains on this thread. */
  threads: number;
}

/** Layers whose training-time state would differ between data-parallel replicas. */
const REPLICA_UNSAFE_LAYERS = new Set(['BatchNormalization', 'LayerNormalization']);

/**
 * Picks how to train: on this thread for threads <= 1, on a backend that is already
 * multi-threaded (native TensorFlow), or for models with batch statistics; otherwise
 * data-parallel across worker threads.
 */
export function createStepper(model: LayersModel, objective: LossAndMetrics, yShape: number[],
  options: StepperOptions): TrainStepper {
  const unsafe = model.layers.some((l) => REPLICA_UNSAFE_LAYERS.has(l.getClassName()));
  if (options.threads <= 1 || tf.getBackend() !== 'wasm' || unsafe) {
    return new LocalStepper(model, objective, yShape);
  }
  return new ParallelStepper(model, objective, yShape, options.threads);
}
