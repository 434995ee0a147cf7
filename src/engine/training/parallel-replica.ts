/**
 * The two halves of a data-parallel step that every replica runs, the main thread's model and
 * each worker's alike: the gradient of its shard into its SharedArrayBuffer slot, then the sum of
 * all slots in slot order and the optimizer update. Same code and same order everywhere, so the
 * replicas stay identical.
 */
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {applyGradients} from '../kernels/fused-adam';
import {floatOffset, gemmFor, WasmBackend} from '../kernels/wasm-heap';
import type {LossAndMetrics} from './losses';

export interface Replica {
  model: LayersModel;
  optimizer: tf.Optimizer;
  objective: LossAndMetrics;
  variables: tf.Variable[];
  yShape: number[];
  gradients: SharedArrayBuffer;
  /** Int32 per slot: the step its gradient belongs to. */
  stamps: Int32Array;
  paramCount: number;
}

export function trainableVariables(model: LayersModel): tf.Variable[] {
  return model.trainableWeights.map((w) => w.read() as tf.Variable);
}

function slotOf(r: Replica, index: number): Float32Array {
  return new Float32Array(r.gradients, index * r.paramCount * 4, r.paramCount);
}

/** Gradient of the shard's mean loss into slot `index`; returns the shard's [loss, ...metrics] means. */
export function computeShardGradients(r: Replica, index: number, step: number, x: Float32Array, y: Float32Array,
  count: number): number[] {
  const slot = slotOf(r, index);
  if (count === 0) {
    slot.fill(0);
    Atomics.store(r.stamps, index, step);
    return [0, ...r.objective.metrics.map(() => 0)];
  }
  const inputShape = (r.model.inputs[0].shape as number[]).slice(1);
  const result = tf.tidy(() => {
    const xs = tf.tensor(x, [count, ...inputShape]);
    const ys = tf.tensor(y, [count, ...r.yShape]);
    let prediction: tf.Tensor | undefined;
    const {value, grads} = tf.variableGrads(() => {
      // Kept past variableGrads' own scope: the metrics below read it.
      prediction = tf.keep(r.model.apply(xs, {training: true}) as tf.Tensor);
      return r.objective.loss(ys, prediction) as tf.Scalar;
    }, r.variables);
    const backend = tf.backend() as unknown as WasmBackend;
    let offset = 0;
    for (const v of r.variables) {
      // Straight from the wasm heap into the shared slot.
      const g = grads[v.name];
      const at = floatOffset(backend, g);
      slot.set(backend.wasm.HEAPF32.subarray(at, at + g.size), offset);
      offset += g.size;
    }
    const metrics = r.objective.metrics.map((m) => tf.mean(m.fn(ys, prediction!)));
    const out = tf.stack([value, ...metrics]);
    prediction!.dispose();
    return out;
  });
  const values = Array.from(result.dataSync());
  result.dispose();
  // Published after the slot's contents: a reader that sees this stamp sees the gradient.
  Atomics.store(r.stamps, index, step);
  return values;
}

/** Floats of each slot copied into the wasm heap at a time while combining. */
const COMBINE_CHUNK = 1 << 18;

/**
 * Sum of every slot weighted by its shard's share of the batch, in slot order (float32, the same
 * operations in every replica); then the optimizer update. Slots are copied into the wasm heap a
 * chunk at a time and combined there with SIMD.
 */
export function applyCombinedGradients(r: Replica, step: number, shardWeights: number[]): void {
  shardWeights.forEach((_, s) => {
    if (Atomics.load(r.stamps, s) !== step) throw new Error(`gradient slot ${s} does not hold step ${step}`);
  });
  const backend = tf.backend() as unknown as WasmBackend;
  const gemm = gemmFor(backend);
  const slots = shardWeights.map((w, s) => ({w: Math.fround(w), data: slotOf(r, s)})).filter((s) => s.w !== 0);
  tf.tidy(() => {
    const named: tf.NamedTensorMap = {};
    let offset = 0;
    for (const v of r.variables) {
      const info = backend.makeOutput(v.shape, 'float32');
      const at = floatOffset(backend, info);
      const scratch = gemm.scratch('combine', COMBINE_CHUNK);
      for (let c0 = 0; c0 < v.size; c0 += COMBINE_CHUNK) {
        const len = Math.min(COMBINE_CHUNK, v.size - c0);
        slots.forEach(({w, data}, s) => {
          gemm.heap().set(data.subarray(offset + c0, offset + c0 + len), scratch);
          gemm.kernels.axpy((at + c0) * 4, scratch * 4, w, len, s > 0 ? 1 : 0);
        });
      }
      named[v.name] = tf.engine().makeTensorFromTensorInfo(info);
      offset += v.size;
    }
    applyGradients(r.optimizer, r.variables, named);
  });
}
