/** Predictions on dataset samples: the reference's "Ground truth: 9 - Prediction: 9". */
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {Split} from './data/dataset';
import {gatherRows} from './evaluate';
import {predictBatchFast} from './kernels/predict-batch';

export interface SamplePrediction {
  index: number;
  label: number | undefined;
  predicted: number;
  probabilities: number[];
}

export async function predictRows(model: LayersModel, x: Float32Array, count: number, sampleShape: number[]): Promise<Float32Array[]> {
  const input = tf.tensor(x, [count, ...sampleShape]);
  const output = predictBatchFast(model, input);
  const values = await output.data() as Float32Array;
  tf.dispose([input, output]);
  const width = values.length / count;
  return Array.from({length: count}, (_, i) => values.slice(i * width, (i + 1) * width));
}

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

export async function predictSamples(model: LayersModel, split: Split, indices: number[]): Promise<SamplePrediction[]> {
  for (const index of indices) {
    if (!Number.isInteger(index) || index < 0 || index >= split.count) {
      throw new RangeError(`sample ${index} does not exist: the test split has samples 0 to ${split.count - 1}`);
    }
  }
  const rows = gatherRows(split, indices, 0, indices.length);
  const outputs = await predictRows(model, rows.x, indices.length, split.sampleShape);
  const ySize = split.targetShape.reduce((a, b) => a * b, 1);
  return outputs.map((probabilities, i) => ({
    index: indices[i],
    label: ySize === 1 ? split.y[indices[i]] : argMax(split.y.subarray(indices[i] * ySize, (indices[i] + 1) * ySize)),
    predicted: probabilities.length === 1 ? Number(probabilities[0] > 0.5) : argMax(probabilities),
    probabilities: Array.from(probabilities),
  }));
}

export function describePrediction(p: SamplePrediction): string {
  return `Ground truth: ${p.label} - Prediction: ${p.predicted}`;
}
