/**
 * Batch inference for every caller that used `model.predict` on batches (the inspector's
 * whole-test-set predictions, `evaluate`, the trainer's validation, the engine's model session):
 * the model's prediction plan over chunks of samples, split between two threads (see
 * prediction-plan.ts), where the model is one a plan runs; `model.predict` otherwise and on the
 * native backend. Both give the same values up to float rounding (prediction-plan.test.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {PredictionPlan} from './prediction-plan';

/** One plan per model (null: none possible); a plan reads the model's current weights on every call. */
const plans = new WeakMap<LayersModel, PredictionPlan | null>();

/** The model's prediction plan, made once; undefined when a plan cannot run it. */
export function planFor(model: LayersModel): PredictionPlan | undefined {
  let plan = plans.get(model);
  if (plan === undefined) {
    plan = PredictionPlan.of(model) ?? null;
    plans.set(model, plan);
  }
  return plan ?? undefined;
}

/**
 * `model.predict(x)` for a float32 batch `x` of `count` samples (row-major), as values: the
 * plan's when the model has one, else model.predict's. `outputShape` is per sample.
 */
export async function predictBatchValues(model: LayersModel, x: Float32Array, count: number):
  Promise<{values: Float32Array; outputShape: number[]}> {
  const plan = planFor(model);
  if (plan && count * plan.inputSize === x.length) {
    return {values: plan.predictBatch(x, count), outputShape: plan.outputShape};
  }
  const inputShape = (model.inputs[0]!.shape as Array<number | null>).slice(1).map((d) => d ?? 1);
  const y = tf.tidy(() => {
    const out = model.predict(tf.tensor(x, [count, ...inputShape]));
    return Array.isArray(out) ? out[0]! : out;
  });
  try {
    return {values: (await y.data()) as Float32Array, outputShape: y.shape.slice(1)};
  } finally {
    y.dispose();
  }
}

/**
 * A drop-in for `model.predict(x)` on one input tensor: the same output tensor (the caller
 * disposes it), computed by the plan where the model has one.
 */
export function predictBatchFast(model: LayersModel, x: tf.Tensor): tf.Tensor {
  const plan = planFor(model);
  const count = x.shape[0] ?? 0;
  if (!plan || x.dtype !== 'float32' || count < 1 || x.size !== count * plan.inputSize) {
    const out = model.predict(x);
    return Array.isArray(out) ? out[0]! : out;
  }
  return tf.tensor(plan.predictBatch(x.dataSync() as Float32Array, count), [count, ...plan.outputShape]);
}
