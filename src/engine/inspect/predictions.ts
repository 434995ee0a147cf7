/**
 * The prediction panel's answers, formatted from a model session: single test samples, pages of
 * the test set, the misclassified subset, drawn pixels, the user's files and the whole-test-set
 * evaluation. The computing (predictions, loss, metrics, confusion matrix, top-k) is the
 * session's (src/engine/session/session.ts); this file only shapes it into protocol messages.
 */
import type {EvaluationResult, FilePredictionResult, Prediction} from '../../protocol/messages';
import {argMax, topK, type ModelSession, type ProgressListener} from '../session/session';
import {imageGeometry, type InputBatch} from '../session/inputs';
import {pngDataUrl} from './png';
import {predictionsCsv} from '../session/outputs';

export {topK} from '../session/session';
export type {ProgressListener} from '../session/session';

/** Non-image inputs longer than this are cut in the reply (the panel shows the start). */
const MAX_INPUT_VALUES = 1024;
/** The most samples one "Predict files…" answers (the table shows them all). */
export const MAX_FILE_SAMPLES = 1000;
/** Input values carried back with "Predict files…" results, in all (100 MNIST images). */
const MAX_CARRIED_INPUT_VALUES = 100 * 784;

/** Values in [0, 1] are scaled to bytes, larger ones clamped to 0..255. */
export function imageUrl(values: Float32Array, height: number, width: number, channels: number): string {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const scale = max <= 1 ? 255 : 1;
  const px = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) px[i] = Math.max(0, Math.min(255, Math.round(values[i]! * scale)));
  return pngDataUrl(width, height, px, channels === 3 ? 3 : 1);
}

/** A sample of `shape` as a PNG data URL, when the shape is an image's (else undefined). */
export function sampleImageUrl(values: Float32Array, shape: number[]): string | undefined {
  const geometry = imageGeometry(shape);
  return geometry && imageUrl(values, geometry.height, geometry.width, geometry.channels);
}

export class PredictionService {
  constructor(readonly session: ModelSession) {}

  get inputShape(): number[] {
    return this.session.inputShape;
  }

  get inputSize(): number {
    return this.session.inputSize;
  }

  /** Readies single-sample predictions (weight copies and transforms). */
  prepare(): void {
    this.session.prepare();
  }

  get isImageModel(): boolean {
    const s = this.inputShape;
    return (s.length === 2 || (s.length === 3 && (s[2] === 1 || s[2] === 3)));
  }

  /** The test sample as a PNG, for image models. */
  sampleImage(index: number): string | undefined {
    const set = this.session.requireTestSet();
    if (!this.isImageModel) return undefined;
    const [h, w] = this.inputShape as [number, number];
    const size = this.inputSize;
    return imageUrl(set.x.subarray(index * size, (index + 1) * size), h, w, this.inputShape[2] ?? 1);
  }

  private prediction(index: number, output: Float32Array, k: number, withImage: boolean): Prediction {
    const set = this.session.testSet();
    const size = this.inputSize;
    const {predicted, top} = this.session.interpret(output, k);
    return {
      index,
      label: this.session.label(index),
      predicted: predicted ?? argMax(output),
      probabilities: Array.from(output),
      top,
      image: withImage && set ? this.sampleImage(index) : undefined,
      inputValues: set && !this.isImageModel ? Array.from(set.x.subarray(index * size, Math.min((index + 1) * size, index * size + MAX_INPUT_VALUES))) : undefined,
    };
  }

  async predictIndices(indices: number[], k = 3, withImage = true): Promise<Prediction[]> {
    if (indices.length === 0) return [];
    const set = this.session.requireTestSet();
    for (const index of indices) {
      if (!Number.isInteger(index) || index < 0 || index >= set.count) {
        throw new Error(`Sample index ${index} is outside the test set (0..${set.count - 1}).`);
      }
    }
    const outputs = await this.session.predictTestSamples(indices);
    const width = outputs.length / indices.length;
    return indices.map((index, n) => this.prediction(index, outputs.subarray(n * width, (n + 1) * width), k, withImage));
  }

  async samplePage(offset: number, count: number, onlyMisclassified: boolean, k = 3, onProgress?: ProgressListener): Promise<{total: number; items: Prediction[]}> {
    const set = this.session.testSet();
    if (!set) return {total: 0, items: []};
    let indices: number[];
    let total: number;
    if (onlyMisclassified) {
      if (!set.labels) throw new Error('The test set has no class labels, so no sample can be called misclassified.');
      const whole = await this.session.predictTestSet(undefined, onProgress);
      const width = whole.length / set.count;
      const wrong: number[] = [];
      for (let i = 0; i < set.count; i++) {
        const predicted = this.session.interpret(whole.subarray(i * width, (i + 1) * width), 1).predicted;
        if (predicted !== this.session.label(i)) wrong.push(i);
      }
      total = wrong.length;
      indices = wrong.slice(offset, offset + count);
    } else {
      total = set.count;
      const end = Math.min(total, offset + count);
      indices = Array.from({length: Math.max(0, end - offset)}, (_, i) => offset + i);
    }
    return {total, items: await this.predictIndices(indices, k)};
  }

  /** Prediction for raw input values (drawn pixels in [0, 1], or a tabular row). */
  async predictValues(values: number[], k = 3): Promise<Prediction> {
    if (values.length !== this.inputSize) {
      throw new Error(`The model expects ${this.inputSize} input values (shape [${this.inputShape.join(', ')}]), got ${values.length}.`);
    }
    const started = performance.now();
    const out = await this.session.predictBatch(Float32Array.from(values), 1);
    const computeMs = performance.now() - started;
    const {predicted, top} = this.session.interpret(out, k);
    return {
      computeMs,
      index: -1,
      predicted: predicted ?? argMax(out),
      probabilities: Array.from(out),
      top: top ?? topK(out, k),
      inputValues: this.isImageModel ? undefined : values.slice(0, MAX_INPUT_VALUES),
    };
  }

  /** Predictions for the user's files, with a thumbnail (images) or the first values (other inputs). */
  async predictFiles(batch: InputBatch, k = 3): Promise<FilePredictionResult> {
    if (batch.count > MAX_FILE_SAMPLES) {
      throw new Error(`The files hold ${batch.count} samples; the panel predicts at most ${MAX_FILE_SAMPLES} at a time (use keras-workbench predict --input for more).`);
    }
    const results = await this.session.predictInputs(batch, k);
    const geometry = imageGeometry(this.inputShape);
    const size = this.inputSize;
    // The model's input values travel with the first samples, so the panel can explain them and show their activations.
    const carried = Math.min(batch.count, Math.floor(MAX_CARRIED_INPUT_VALUES / size));
    return {
      kind: this.session.outputKind,
      csv: predictionsCsv(results, k),
      items: results.map((r, i) => {
        const pixels = batch.pixels[i];
        return {
          source: r.source,
          output: Array.from(r.output.subarray(0, MAX_INPUT_VALUES)),
          predicted: r.predicted,
          top: r.top,
          image: pixels && geometry ? imageUrl(pixels, geometry.height, geometry.width, geometry.channels) : undefined,
          inputValues: pixels ? undefined : Array.from(batch.x.subarray(i * size, Math.min((i + 1) * size, i * size + 16))),
          sample: i < carried ? Array.from(batch.x.subarray(i * size, (i + 1) * size)) : undefined,
        };
      }),
    };
  }

  /** The session's evaluation: the model's own loss and metrics, accuracy and confusion matrix. */
  async evaluate(limit: number | undefined, onProgress?: ProgressListener): Promise<EvaluationResult> {
    const set = this.session.requireTestSet();
    if (!set.labels) throw new Error('The test set has no class labels: a confusion matrix needs them.');
    const r = await this.session.evaluate(limit, onProgress);
    if (r.accuracy === undefined || !r.confusion || !r.perClassAccuracy) {
      throw new Error('The model does not output classes (a softmax or a categorical loss): a confusion matrix needs them.');
    }
    return {loss: r.loss, lossName: r.lossName, metrics: r.metrics, accuracy: r.accuracy, count: r.count, confusion: r.confusion, perClassAccuracy: r.perClassAccuracy};
  }
}
