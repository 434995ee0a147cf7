/**
 * One model session: a loaded model with its dataset and preprocessing, and everything done
 * with it — predict (single samples on the prediction plan, batches through `predictBatch`),
 * evaluate with the model's own loss and metrics, the confusion matrix, top-k. Transport-free:
 * the CLI calls it directly, the worker's inspector handlers answer requests with it.
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {DataError, ModelError} from '../../common/errors';
import {loadDataset, type DataDescription, type Preprocessing} from '../data/dataset';
import {lossAndMetrics, type LossAndMetrics} from '../training/losses';
import {scoreOutputs} from '../evaluate';
import type {PredictionPlan} from '../kernels/prediction-plan';
import {planFor, predictBatchValues} from '../kernels/predict-batch';
import {openModel, type LoadedModel, type OpenOptions} from '../models';
import {readInputs, type InputBatch, type InputOptions} from './inputs';

/** Samples per `model.predict` call when a batch is run. */
export const PREDICT_BATCH = 250;

export type ProgressListener = (done: number, total: number) => void;

/** The test split the session predicts on, preprocessed. */
export interface TestSet {
  name: string;
  count: number;
  /** Model-ready inputs, row-major, `count` samples. */
  x: Float32Array;
  sampleShape: number[];
  /** Targets as stored: class indices (one per sample) or target vectors. */
  y: Float32Array;
  targetShape: number[];
  /** Class index per sample, when the targets are class labels. */
  labels?: Float32Array;
}

/** How to read the model's outputs: classes (softmax or a categorical loss), one sigmoid unit, or plain values. */
export type OutputKind = 'classes' | 'binary' | 'values';

export interface ClassScore {label: number; probability: number}

export interface Evaluation {
  /** The model's own loss (undefined for a model without a training configuration). */
  loss?: number;
  lossName?: string;
  /** The model's compiled metrics by their Keras names. */
  metrics: Record<string, number>;
  /** Fraction of argmax predictions equal to the label (class outputs with class labels). */
  accuracy?: number;
  count: number;
  confusion?: number[][];
  perClassAccuracy?: number[];
}

export interface FilePrediction {
  source: string;
  /** The model's output for the sample (flattened). */
  output: Float32Array;
  predicted?: number;
  top?: ClassScore[];
}

export function topK(scores: ArrayLike<number>, k: number): ClassScore[] {
  const order = Array.from({length: scores.length}, (_, i) => i);
  order.sort((a, b) => scores[b]! - scores[a]!);
  return order.slice(0, Math.max(1, Math.min(k, scores.length))).map((label) => ({label, probability: scores[label]!}));
}

export function argMax(values: ArrayLike<number>, from = 0, length = values.length - from): number {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[from + i]! > values[from + best]!) best = i;
  return best;
}

const product = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

function lastActivation(model: LayersModel): string | undefined {
  const last = model.layers[model.layers.length - 1];
  if (!last) return undefined;
  if (last.getClassName() === 'Softmax') return 'softmax';
  const activation = (last.getConfig() as {activation?: unknown}).activation;
  return typeof activation === 'string' ? activation : undefined;
}

export class ModelSession {
  readonly inputShape: number[];
  readonly inputSize: number;
  /** Runs single samples straight on the kernels (see prediction-plan.ts); undefined for models it cannot run. */
  private readonly plan?: PredictionPlan;
  private data?: DataDescription;
  private test?: TestSet | null;
  /** Predictions of the first `wholeDone` test samples, kept for evaluation, filtering and pages. */
  private whole?: Float32Array;
  private wholeDone = 0;
  private wholeRun?: Promise<Float32Array>;
  /** Bumped when the dataset changes: a run over the previous test set stops instead of mixing the two. */
  private generation = 0;
  private outputWidth?: number;

  constructor(readonly opened: LoadedModel) {
    const model = opened.model;
    this.inputShape = (model.inputs[0]!.shape as Array<number | null>).slice(1).map((d) => d ?? 1);
    this.inputSize = product(this.inputShape);
    this.plan = planFor(model);
    this.data = opened.data;
  }

  static async open(target: string, options: OpenOptions = {}): Promise<ModelSession> {
    return new ModelSession(await openModel(target, options));
  }

  get model(): LayersModel {
    return this.opened.model;
  }

  get handle(): LoadedModel['handle'] {
    return this.opened.handle;
  }

  /** The model's dataset and preprocessing: from its metadata, or given with `useData`. */
  get dataDescription(): DataDescription | undefined {
    return this.data;
  }

  get preprocessing(): Preprocessing | undefined {
    return this.data?.preprocessing;
  }

  /** Gives the model a dataset (a Keras file records none); drops what was computed on the previous one. */
  useData(data: DataDescription | undefined): void {
    this.data = data;
    this.generation++;
    this.test = undefined;
    this.whole = undefined;
    this.wholeDone = 0;
    this.wholeRun = undefined;
  }

  /** Readies single-sample predictions (weight copies and transforms); a failure shows on the next prediction instead. */
  prepare(): void {
    try {
      this.plan?.prepare();
    } catch {
      // predictBatch() reports it, in the context of a request
    }
  }

  get outputKind(): OutputKind {
    const width = product((this.model.outputs[0]!.shape as Array<number | null>).slice(1).map((d) => d ?? 1));
    const activation = lastActivation(this.model);
    const loss = this.lossName();
    if (width >= 2 && (activation === 'softmax' || loss === 'sparse_categorical_crossentropy' || loss === 'categorical_crossentropy')) return 'classes';
    if (width === 1 && (activation === 'sigmoid' || loss === 'binary_crossentropy')) return 'binary';
    return 'values';
  }

  /** The test split of the model's data, or undefined when the model has no dataset. */
  testSet(): TestSet | undefined {
    if (this.test !== undefined) return this.test ?? undefined;
    if (!this.data) {
      this.test = null;
      return undefined;
    }
    const ds = loadDataset(this.data, {split: 'test'});
    const split = ds.test;
    if (!split || split.count === 0) {
      this.test = null;
      return undefined;
    }
    if (product(split.sampleShape) !== this.inputSize) {
      throw new DataError(ds.name === 'files' ? 'test data' : ds.name,
        `samples of shape (${split.sampleShape.join(', ')}) do not fit the model's input shape (${this.inputShape.join(', ')})`);
    }
    const classLabels = split.targetShape.length === 0 || (split.targetShape.length === 1 && split.targetShape[0] === 1);
    this.test = {
      name: ds.name, count: split.count, x: split.x, sampleShape: split.sampleShape, y: split.y, targetShape: split.targetShape,
      labels: classLabels && ds.classes ? split.y : undefined,
    };
    return this.test;
  }

  requireTestSet(): TestSet {
    const set = this.testSet();
    if (!set) {
      if (this.opened.dataProblem && !this.data) throw this.opened.dataProblem;
      if (this.data) throw new ModelError(this.handle.path, `its dataset has no test split`);
      throw new ModelError(this.handle.path, `the model does not record its dataset (it was not trained by Keras Workbench); give it one (--data mnist or --data SPEC.train.json on the command line, "Test data" in the inspector's Predictions tab)`);
    }
    return set;
  }

  /**
   * The model's outputs for `count` samples (`count * inputSize` values, row-major), flattened
   * per sample. The one entry every prediction goes through: one sample runs on the prediction
   * plan, more run through `model.predict` in batches.
   */
  async predictBatch(x: Float32Array, count: number): Promise<Float32Array> {
    if (x.length !== count * this.inputSize) {
      throw new Error(`The model expects ${this.inputSize} input values per sample (shape [${this.inputShape.join(', ')}]), got ${x.length / Math.max(count, 1)}.`);
    }
    if (count === 1 && this.plan) return this.plan.predict(x);
    let out: Float32Array | undefined;
    for (let from = 0; from < count; from += PREDICT_BATCH) {
      const n = Math.min(PREDICT_BATCH, count - from);
      const {values} = await predictBatchValues(this.model, x.subarray(from * this.inputSize, (from + n) * this.inputSize), n);
      out ??= new Float32Array(count * (values.length / n));
      out.set(values, from * (values.length / n));
    }
    return out ?? new Float32Array(0);
  }

  /** Width of one sample's (flattened) output. */
  width(): number {
    if (this.outputWidth === undefined) {
      this.outputWidth = product((this.model.outputs[0]!.shape as Array<number | null>).slice(1).map((d) => d ?? 1));
    }
    return this.outputWidth;
  }

  /** Test-set samples, already preprocessed by the data loader, as one input batch. */
  testRows(indices: number[]): Float32Array {
    const set = this.requireTestSet();
    const size = this.inputSize;
    const x = new Float32Array(indices.length * size);
    indices.forEach((index, n) => {
      if (!Number.isInteger(index) || index < 0 || index >= set.count) {
        throw new RangeError(`sample ${index} does not exist: the test split has samples 0 to ${set.count - 1}`);
      }
      x.set(set.x.subarray(index * size, (index + 1) * size), n * size);
    });
    return x;
  }

  /** Outputs for test samples by index; from the kept whole-set predictions when they cover them. */
  async predictTestSamples(indices: number[]): Promise<Float32Array> {
    const width = this.width();
    if (this.whole && indices.every((i) => i < this.wholeDone)) {
      const out = new Float32Array(indices.length * width);
      indices.forEach((index, n) => out.set(this.whole!.subarray(index * width, (index + 1) * width), n * width));
      return out;
    }
    return this.predictBatch(this.testRows(indices), indices.length);
  }

  /** The label of a test sample (class index), when the targets are class labels. */
  label(index: number): number | undefined {
    const l = this.testSet()?.labels?.[index];
    return l === undefined ? undefined : Math.round(l);
  }

  /**
   * Predictions for the first `count` test samples (default all), computed once and shared by
   * evaluation, the confusion matrix and the misclassified filter. Batches yield to the event
   * loop so that other requests (a click on a sample) are answered during a long run.
   */
  async predictTestSet(count?: number, onProgress?: ProgressListener): Promise<Float32Array> {
    const set = this.requireTestSet();
    const want = Math.min(count ?? set.count, set.count);
    while (this.wholeDone < want) {
      if (this.wholeRun) {
        await this.wholeRun;
        continue;
      }
      this.wholeRun = this.extendWhole(want, onProgress).finally(() => (this.wholeRun = undefined));
      await this.wholeRun;
    }
    onProgress?.(want, want);
    return this.whole ?? new Float32Array(0);
  }

  private async extendWhole(want: number, onProgress?: ProgressListener): Promise<Float32Array> {
    const set = this.requireTestSet();
    const width = this.width();
    const generation = this.generation;
    const whole = (this.whole ??= new Float32Array(set.count * width));
    onProgress?.(this.wholeDone, want);
    while (this.wholeDone < want) {
      const from = this.wholeDone;
      const n = Math.min(PREDICT_BATCH, want - from);
      const out = await this.predictBatch(set.x.subarray(from * this.inputSize, (from + n) * this.inputSize), n);
      if (generation !== this.generation) throw new Error('The test data was changed while its predictions were computed; run it again.');
      whole.set(out, from * width);
      this.wholeDone = from + n;
      onProgress?.(this.wholeDone, want);
      await new Promise((r) => setImmediate(r));
    }
    return whole;
  }

  /** The loss of the model's training configuration as saved, or undefined when it was saved (or loaded) without compile. */
  private savedLoss(): string | undefined {
    const loss = this.trainingConfig()?.loss;
    return typeof loss === 'string' ? loss : undefined;
  }

  /** The compile arguments the model was loaded with (none for a model loaded without compile). */
  private trainingConfig(): {loss?: unknown; metrics?: unknown} | undefined {
    if (!this.model.optimizer) return undefined;
    const saved = this.handle.trainingConfig as {loss?: unknown; metrics?: unknown} | undefined;
    return saved ?? (this.model as unknown as {getTrainingConfig(): {loss?: unknown; metrics?: unknown}}).getTrainingConfig();
  }

  /** Canonical Keras name of the model's own loss; undefined without one, or for a loss this tool does not compute. */
  lossName(): string | undefined {
    const loss = this.savedLoss();
    try {
      return loss === undefined ? undefined : lossAndMetrics(loss, []).lossName;
    } catch {
      return undefined;
    }
  }

  /** The model's own loss and compiled metrics (metrics TensorFlow.js cannot compute are named in `unavailable`). */
  objective(): {objective?: LossAndMetrics; unavailable: string[]} {
    const saved = this.savedLoss();
    if (saved === undefined) return {unavailable: []};
    const loss = this.lossName();
    if (!loss) throw new ModelError(this.handle.path, `the model's loss '${saved}' is not one this tool computes (sparse_categorical_crossentropy, categorical_crossentropy, binary_crossentropy, mean_squared_error, mean_absolute_error)`);
    const config = this.trainingConfig();
    const names = (Array.isArray(config?.metrics) ? config.metrics : []).filter((m): m is string => typeof m === 'string');
    const usable: string[] = [];
    const unavailable: string[] = [];
    for (const name of names) {
      try {
        lossAndMetrics(loss, [name]);
        usable.push(name);
      } catch {
        unavailable.push(name);
      }
    }
    return {objective: lossAndMetrics(loss, usable), unavailable};
  }

  /**
   * Keras `model.evaluate` on the first `limit` test samples: the model's own loss and metrics,
   * plus, for class outputs with class labels, accuracy and the confusion matrix from the same
   * predictions.
   */
  async evaluate(limit?: number, onProgress?: ProgressListener): Promise<Evaluation> {
    const set = this.requireTestSet();
    const count = Math.min(limit ?? set.count, set.count);
    if (count <= 0) throw new Error('There are no test samples to evaluate.');
    const predictions = await this.predictTestSet(count, onProgress);
    const width = this.width();
    const result: Evaluation = {metrics: {}, count};
    const {objective} = this.objective();
    if (objective) {
      // Scored in the model's own output shape (a loss over the last axis sees that axis), as the trainer scores it.
      const declared = (this.model.outputs[0]!.shape as Array<number | null>).slice(1);
      const outputShape = declared.every((d): d is number => d !== null) && product(declared) === width ? declared : [width];
      const [loss, ...metrics] = await scoreOutputs(objective, set, count,
        async (from, to) => ({values: predictions.subarray(from * width, to * width), outputShape}));
      result.loss = loss;
      result.lossName = objective.lossName;
      objective.metrics.forEach((m, i) => (result.metrics[m.name] = metrics[i]!));
    }
    if (this.outputKind === 'classes' && set.labels && width >= 2) {
      const confusion = Array.from({length: width}, () => new Array<number>(width).fill(0));
      let correct = 0;
      for (let i = 0; i < count; i++) {
        const label = this.label(i)!;
        const predicted = argMax(predictions, i * width, width);
        if (label >= 0 && label < width) confusion[label]![predicted]!++;
        if (label === predicted) correct++;
      }
      result.accuracy = correct / count;
      result.confusion = confusion;
      result.perClassAccuracy = confusion.map((row, c) => {
        const n = row.reduce((a, b) => a + b, 0);
        return n === 0 ? 0 : row[c]! / n;
      });
    }
    return result;
  }

  /** What the model's outputs say about one sample: predicted class and top-k for classifiers. */
  interpret(output: Float32Array, k: number): {predicted?: number; top?: ClassScore[]} {
    const kind = this.outputKind;
    if (kind === 'classes') return {predicted: argMax(output), top: topK(output, k)};
    if (kind === 'binary') {
      const p = output[0]!;
      const predicted = p > 0.5 ? 1 : 0;
      return {predicted, top: [{label: predicted, probability: predicted ? p : 1 - p}]};
    }
    return {};
  }

  /** Reads the user's files with the model's preprocessing (see inputs.ts). */
  readInputs(specs: string[], options: InputOptions = {}): InputBatch {
    if (this.model.inputs.length > 1) {
      throw new ModelError(this.handle.path, `the model has ${this.model.inputs.length} inputs (${this.model.inputNames.join(', ')}); files are predicted on single-input models only`);
    }
    const data = this.data?.data;
    const csvLabel = data && 'train' in data && 'csv' in data.train ? data.train.label : undefined;
    return readInputs(specs, {shape: this.inputShape, preprocessing: this.preprocessing, csvLabel}, options);
  }

  /** `model.predict` on the user's files: one entry per sample, top-k for classifiers. */
  async predictInputs(batch: InputBatch, k = 3): Promise<FilePrediction[]> {
    const outputs = await this.predictBatch(batch.x, batch.count);
    const width = outputs.length / batch.count;
    return batch.sources.map((source, i) => {
      const output = outputs.slice(i * width, (i + 1) * width);
      return {source, output, ...this.interpret(output, k)};
    });
  }
}
