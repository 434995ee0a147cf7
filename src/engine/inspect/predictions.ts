/**
 * Predictions for the inspector's prediction panel: single samples, pages of the test set,
 * the misclassified subset, drawn pixels and a whole-test-set evaluation (confusion matrix,
 * per-class accuracy). Whole-set predictions are computed once per model, in batches that
 * yield to the event loop so that clicks on single samples stay answered during a long run.
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {EvaluationResult, Prediction} from '../../protocol/messages';
import {PredictionPlan} from '../kernels/prediction-plan';
import {predictBatchValues} from '../kernels/predict-batch';
import {pngDataUrl} from './png';
import type {TestSet} from './dataset';

const EPSILON = 1e-7;
export const EVALUATION_BATCH = 250;
/** Non-image inputs longer than this are cut in the reply (the panel shows the start). */
const MAX_INPUT_VALUES = 1024;

export type ProgressListener = (done: number, total: number) => void;

export interface WholeSetPredictions {
  predicted: Int32Array;
  /** count x classes, row-major. */
  probabilities: Float32Array;
  classes: number;
}

export function topK(probabilities: ArrayLike<number>, k: number): Array<{label: number; probability: number}> {
  const order = Array.from({length: probabilities.length}, (_, i) => i);
  order.sort((a, b) => probabilities[b]! - probabilities[a]!);
  return order.slice(0, Math.max(1, k)).map((label) => ({label, probability: probabilities[label]!}));
}

function argmax(values: ArrayLike<number>, from = 0, length = values.length): number {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[from + i]! > values[from + best]!) best = i;
  return best;
}

export class PredictionService {
  private whole?: WholeSetPredictions;
  private wholeRun?: Promise<WholeSetPredictions>;
  readonly inputShape: number[];
  readonly inputSize: number;
  /** Runs single samples straight on the kernels (see prediction-plan.ts); undefined for models it cannot run. */
  private readonly plan?: PredictionPlan;

  constructor(private readonly model: LayersModel, readonly testSet: TestSet | undefined) {
    this.inputShape = (model.inputs[0]!.shape as Array<number | null>).slice(1).map((d) => d ?? 1);
    this.inputSize = this.inputShape.reduce((a, b) => a * b, 1);
    this.plan = PredictionPlan.of(model);
  }

  /** Readies single-sample predictions (weight copies and transforms); a failure shows on the next prediction instead. */
  prepare(): void {
    try {
      this.plan?.prepare();
    } catch {
      // predict() reports it, in the context of a request
    }
  }

  get isImageModel(): boolean {
    const s = this.inputShape;
    return (s.length === 2 || (s.length === 3 && (s[2] === 1 || s[2] === 3)));
  }

  private requireTestSet(): TestSet {
    if (!this.testSet) throw new Error('This model has no test set to browse (its input does not match a known dataset).');
    return this.testSet;
  }

  private checkIndex(index: number): void {
    const set = this.requireTestSet();
    if (!Number.isInteger(index) || index < 0 || index >= set.count) {
      throw new Error(`Sample index ${index} is outside the test set (0..${set.count - 1}).`);
    }
  }

  /** Test samples, already preprocessed by the data loader, as the model's input batch. */
  private inputBatch(indices: number[]): Float32Array {
    const set = this.requireTestSet();
    const size = this.inputSize;
    const x = new Float32Array(indices.length * size);
    indices.forEach((index, n) => x.set(set.x.subarray(index * size, (index + 1) * size), n * size));
    return x;
  }

  private label(index: number): number | undefined {
    const l = this.testSet?.labels?.[index];
    return l === undefined ? undefined : Math.round(l);
  }

  /** The model's outputs for `x` (whole samples, row-major), one row per sample. */
  private async run(input: Float32Array): Promise<{values: Float32Array; classes: number}> {
    const count = input.length / this.inputSize;
    if (count === 1 && this.plan) {
      const out = this.plan.predict(input);
      return {values: out, classes: out.length};
    }
    const {values, outputShape} = await predictBatchValues(this.model, input, count);
    return {values, classes: outputShape.reduce((a, b) => a * b, 1)};
  }

  /** The sample as a PNG: values in [0, 1] are scaled to bytes, larger ones clamped to 0..255. */
  sampleImage(index: number): string | undefined {
    const set = this.requireTestSet();
    if (!this.isImageModel) return undefined;
    const [h, w] = this.inputShape as [number, number];
    const channels = this.inputShape[2] ?? 1;
    const size = this.inputSize;
    const src = set.x.subarray(index * size, (index + 1) * size);
    let max = 0;
    for (let i = 0; i < size; i++) if (src[i]! > max) max = src[i]!;
    const scale = max <= 1 ? 255 : 1;
    const px = new Uint8Array(size);
    for (let i = 0; i < size; i++) px[i] = Math.max(0, Math.min(255, Math.round(src[i]! * scale)));
    return pngDataUrl(w, h, px, channels === 3 ? 3 : 1);
  }

  private prediction(index: number, probabilities: Float32Array, k: number, withImage: boolean): Prediction {
    const set = this.testSet;
    const size = this.inputSize;
    return {
      index,
      label: this.label(index),
      predicted: argmax(probabilities),
      probabilities: Array.from(probabilities),
      top: topK(probabilities, k),
      image: withImage && set ? this.sampleImage(index) : undefined,
      inputValues: set && !this.isImageModel ? Array.from(set.x.subarray(index * size, Math.min((index + 1) * size, index * size + MAX_INPUT_VALUES))) : undefined,
    };
  }

  async predictIndices(indices: number[], k = 3, withImage = true): Promise<Prediction[]> {
    indices.forEach((i) => this.checkIndex(i));
    if (indices.length === 0) return [];
    if (this.whole) {
      const {probabilities, classes} = this.whole;
      return indices.map((index) => this.prediction(index, probabilities.subarray(index * classes, (index + 1) * classes), k, withImage));
    }
    const {values, classes} = await this.run(this.inputBatch(indices));
    return indices.map((index, n) => this.prediction(index, values.subarray(n * classes, (n + 1) * classes), k, withImage));
  }

  /** Predictions for the whole test set, computed once and shared by evaluation and filtering. */
  predictAll(onProgress?: ProgressListener): Promise<WholeSetPredictions> {
    if (this.whole) return Promise.resolve(this.whole);
    if (!this.wholeRun) {
      this.wholeRun = this.computeAll(onProgress).then((w) => (this.whole = w)).finally(() => (this.wholeRun = undefined));
    }
    return this.wholeRun;
  }

  private async computeAll(onProgress?: ProgressListener): Promise<WholeSetPredictions> {
    const set = this.requireTestSet();
    let probabilities: Float32Array | undefined;
    let classes = 0;
    onProgress?.(0, set.count);
    for (let start = 0; start < set.count; start += EVALUATION_BATCH) {
      const indices = Array.from({length: Math.min(EVALUATION_BATCH, set.count - start)}, (_, i) => start + i);
      const out = await this.run(this.inputBatch(indices));
      if (!probabilities) {
        classes = out.classes;
        probabilities = new Float32Array(set.count * classes);
      }
      probabilities.set(out.values, start * classes);
      onProgress?.(start + indices.length, set.count);
      // Let queued requests (a click on a sample) run between batches.
      await new Promise((r) => setImmediate(r));
    }
    const predicted = new Int32Array(set.count);
    for (let i = 0; i < set.count; i++) predicted[i] = argmax(probabilities!, i * classes, classes);
    return {predicted, probabilities: probabilities!, classes};
  }

  async samplePage(offset: number, count: number, onlyMisclassified: boolean, k = 3, onProgress?: ProgressListener): Promise<{total: number; items: Prediction[]}> {
    if (!this.testSet) return {total: 0, items: []};
    let indices: number[];
    let total: number;
    if (onlyMisclassified) {
      const whole = await this.predictAll(onProgress);
      const wrong: number[] = [];
      if (!this.testSet.labels) throw new Error('The test set has no class labels, so no sample can be called misclassified.');
      for (let i = 0; i < this.testSet.count; i++) if (whole.predicted[i] !== this.label(i)) wrong.push(i);
      total = wrong.length;
      indices = wrong.slice(offset, offset + count);
    } else {
      total = this.testSet.count;
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
    const {values: out} = await this.run(Float32Array.from(values));
    const computeMs = performance.now() - started;
    return {
      computeMs,
      index: -1,
      predicted: argmax(out),
      probabilities: Array.from(out),
      top: topK(out, k),
      inputValues: this.isImageModel ? undefined : values.slice(0, MAX_INPUT_VALUES),
    };
  }

  /** Loss (sparse categorical crossentropy on the predicted probabilities), accuracy and confusion matrix. */
  async evaluate(limit: number | undefined, onProgress?: ProgressListener): Promise<EvaluationResult> {
    const set = this.requireTestSet();
    if (!set.labels) throw new Error('The test set has no class labels: a confusion matrix needs them.');
    const whole = await this.predictAll(onProgress);
    const count = Math.min(set.count, limit ?? set.count);
    const classes = whole.classes;
    const confusion = Array.from({length: classes}, () => new Array<number>(classes).fill(0));
    let lossSum = 0, correct = 0;
    for (let i = 0; i < count; i++) {
      const label = this.label(i)!;
      const predicted = whole.predicted[i]!;
      confusion[label]![predicted]!++;
      if (label === predicted) correct++;
      const p = Math.min(1 - EPSILON, Math.max(EPSILON, whole.probabilities[i * classes + label]!));
      lossSum -= Math.log(p);
    }
    const perClassAccuracy = confusion.map((row, c) => {
      const n = row.reduce((a, b) => a + b, 0);
      return n === 0 ? 0 : row[c]! / n;
    });
    return {loss: lossSum / count, accuracy: correct / count, count, confusion, perClassAccuracy};
  }
}
