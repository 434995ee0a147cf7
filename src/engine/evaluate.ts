/** Loss and metrics of a model over samples, in batches (Keras `model.evaluate`), and the rows a batch gathers. */
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {Split} from './data/dataset';
import type {LossAndMetrics} from './training/losses';
import {predictBatchValues} from './kernels/predict-batch';

export interface Rows {
  x: Float32Array;
  y: Float32Array;
  sampleShape: number[];
  targetShape: number[];
}

/** Copies rows `indices[from..to)` of a split into contiguous batch buffers. */
export function gatherRows(split: Rows, indices: ArrayLike<number> | null, from: number, to: number): {x: Float32Array; y: Float32Array} {
  const xSize = split.sampleShape.reduce((a, b) => a * b, 1);
  const ySize = split.targetShape.reduce((a, b) => a * b, 1);
  const n = to - from;
  const x = new Float32Array(n * xSize);
  const y = new Float32Array(n * ySize);
  for (let i = 0; i < n; i++) {
    const row = indices ? indices[from + i] : from + i;
    x.set(split.x.subarray(row * xSize, (row + 1) * xSize), i * xSize);
    y.set(split.y.subarray(row * ySize, (row + 1) * ySize), i * ySize);
  }
  return {x, y};
}

/** Samples per batch when outputs are scored (and, for the trainer, predicted). */
export const EVALUATE_BATCH = 250;

/** A model's outputs for samples `from..to`, flattened, and the shape of one sample's output. */
export type OutputsOf = (from: number, to: number) => Promise<{values: Float32Array; outputShape: number[]}>;

/**
 * Keras `model.evaluate`'s numbers: the mean loss and metrics, [loss, ...metrics], over the first
 * `count` samples, scored batch by batch from the model's outputs. The one evaluation: the
 * trainer's validation and test results (`evaluateSplit`) and the model session's evaluation
 * (`evaluate`, the inspector) both come from here. With `confusion` (a classes x classes matrix
 * of zeros), also counts true class (row) against predicted class (column) from the same outputs;
 * targets are class indices or one-hot rows.
 */
export async function scoreOutputs(objective: LossAndMetrics, targets: {y: Float32Array; targetShape: number[]}, count: number,
  outputsOf: OutputsOf, confusion?: number[][]): Promise<number[]> {
  const ySize = targets.targetShape.reduce((a, b) => a * b, 1);
  const sums = new Array<number>(1 + objective.metrics.length).fill(0);
  for (let from = 0; from < count; from += EVALUATE_BATCH) {
    const to = Math.min(from + EVALUATE_BATCH, count);
    const n = to - from;
    const {values: outputs, outputShape} = await outputsOf(from, to);
    const values = tf.tidy(() => {
      const yTrue = tf.tensor(targets.y.subarray(from * ySize, to * ySize), [n, ...targets.targetShape]);
      const yPred = tf.tensor(outputs, [n, ...outputShape]);
      return tf.stack([
        tf.mul(objective.loss(yTrue, yPred), n),
        ...objective.metrics.map((m) => tf.sum(m.fn(yTrue, yPred))),
      ]);
    });
    const data = await values.data();
    values.dispose();
    data.forEach((v, i) => (sums[i]! += v));
    if (confusion) countConfusion(confusion, targets.y.subarray(from * ySize, to * ySize), ySize, outputs, n);
  }
  return sums.map((s) => s / Math.max(count, 1));
}

function argMaxOf(values: ArrayLike<number>, from: number, size: number): number {
  let best = 0;
  for (let j = 1; j < size; j++) if (values[from + j]! > values[from + best]!) best = j;
  return best;
}

/** Adds `n` samples to the confusion matrix: their class (an index, or a one-hot row's argmax) against the output's argmax. */
function countConfusion(confusion: number[][], y: Float32Array, ySize: number, outputs: Float32Array, n: number): void {
  const outSize = outputs.length / n;
  for (let i = 0; i < n; i++) {
    const truth = ySize === 1 ? y[i]! : argMaxOf(y, i * ySize, ySize);
    const row = confusion[truth];
    const predicted = argMaxOf(outputs, i * outSize, outSize);
    if (row && predicted < row.length) row[predicted]!++;
  }
}

/** The model's mean loss and metrics over a split's first `count` samples: [loss, ...metrics] (and its confusion matrix, see scoreOutputs). */
export async function evaluateSplit(model: LayersModel, objective: LossAndMetrics, split: Split, count = split.count,
  confusion?: number[][]): Promise<number[]> {
  const xSize = split.sampleShape.reduce((a, b) => a * b, 1);
  return scoreOutputs(objective, split, count, (from, to) => predictBatchValues(model, split.x.subarray(from * xSize, to * xSize), to - from), confusion);
}
