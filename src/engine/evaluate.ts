/** Loss and metrics of a model over a dataset split, in batches (Keras `model.evaluate`). */
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {Split} from './data/dataset';
import type {LossAndMetrics} from './training/losses';
import {predictBatchFast} from './kernels/predict-batch';

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

/** Runs the model over `count` rows in batches; `visit` receives each batch's predictions. */
export async function forEachPrediction(model: LayersModel, split: Split, count: number, batchSize: number,
  visit: (yTrue: tf.Tensor, yPred: tf.Tensor, from: number) => Promise<void> | void,
  onProgress?: (done: number) => void): Promise<void> {
  for (let from = 0; from < count; from += batchSize) {
    const to = Math.min(from + batchSize, count);
    const {x, y} = gatherRows(split, null, from, to);
    const xs = tf.tensor(x, [to - from, ...split.sampleShape]);
    const ys = tf.tensor(y, [to - from, ...split.targetShape]);
    const preds = predictBatchFast(model, xs);
    try {
      await visit(ys, preds, from);
    } finally {
      tf.dispose([xs, ys, preds]);
    }
    onProgress?.(to);
  }
}

/**
 * Mean loss and metrics over the first `count` rows: [loss, ...metrics]. With `confusion` (a
 * classes x classes matrix of zeros), also counts true class (row) against predicted class
 * (column) from the same predictions; targets are class indices or one-hot rows.
 */
export async function evaluateSplit(model: LayersModel, objective: LossAndMetrics, split: Split,
  count = split.count, batchSize = 500, confusion?: number[][]): Promise<number[]> {
  const sums = new Array(1 + objective.metrics.length).fill(0);
  await forEachPrediction(model, split, count, batchSize, async (yTrue, yPred) => {
    const values = tf.tidy(() => tf.stack([
      tf.sum(tf.mul(objective.loss(yTrue, yPred), yTrue.shape[0])),
      ...objective.metrics.map((m) => tf.sum(m.fn(yTrue, yPred))),
    ]));
    const data = await values.data();
    values.dispose();
    data.forEach((v, i) => (sums[i] += v));
    if (confusion) {
      const [truth, predicted] = tf.tidy(() => [
        yTrue.size === yTrue.shape[0] ? tf.reshape(yTrue, [-1]) : tf.argMax(tf.reshape(yTrue, [yTrue.shape[0], -1]), 1),
        tf.argMax(tf.reshape(yPred, [yPred.shape[0], -1]), 1),
      ]);
      const [t, p] = await Promise.all([truth.data(), predicted.data()]);
      tf.dispose([truth, predicted]);
      for (let i = 0; i < t.length; i++) {
        const row = confusion[t[i]];
        if (row && p[i] < row.length) row[p[i]]++;
      }
    }
  });
  return sums.map((s) => s / Math.max(count, 1));
}
