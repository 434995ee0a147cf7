/**
 * A training run's watched sample: one test sample whose activations are taken at every epoch end,
 * with the weights of that epoch (the inspector's "Watch activations"). The trainer calls it
 * between steps, after the epoch's weights are on the main thread; it only reads the model (an
 * inference pass), so the training computes exactly what it would without it.
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {Split} from '../data/dataset';
import {sampleActivations} from '../explain';
import {ExplainError} from '../explain/inputs';
import {sampleImageUrl} from '../inspect/predictions';
import {argMax} from '../session/session';
import {errorLine} from '../../common/errors';
import type {TrainActivations, TrainWatch, WatchedSample} from '../../protocol/messages';

/** The data the watched index points into, once the trainer has loaded it. */
export interface WatchData {
  /** The test split as the run uses it (cut to `limit`); undefined when the spec has none. */
  test?: Split;
  /** Number of classes when the targets are class labels. */
  classes?: number;
}

export interface ActivationWatchOptions {
  runId: string;
  /** The sample watched from the start (TrainParams.watchSample); none: nothing is computed until one is chosen. */
  sample?: number;
  onActivations(activations: TrainActivations): void;
  onWarning(line: string): void;
}

const product = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

export class ActivationWatch {
  private sample: number | undefined;
  private data?: WatchData;
  private readonly dataReady: Promise<WatchData>;
  private settle!: {resolve(data: WatchData): void; reject(e: Error): void};
  private latest?: TrainActivations;
  /** The watched sample's description (its image is encoded once, not at every epoch). */
  private described?: WatchedSample;
  private warned = false;

  constructor(private readonly options: ActivationWatchOptions) {
    this.sample = options.sample;
    this.dataReady = new Promise((resolve, reject) => (this.settle = {resolve, reject}));
    // A run that ends before its data loads rejects the waiting requests; nothing else listens.
    this.dataReady.catch(() => undefined);
  }

  /** The watched index, if any. */
  get watched(): number | undefined {
    return this.sample;
  }

  /** The trainer's data, loaded: a watched sample outside it is one warning, and nothing is watched. */
  attach(data: WatchData): void {
    this.data = data;
    if (this.sample !== undefined) {
      try {
        this.check(this.sample);
      } catch (e) {
        this.options.onWarning(`watchSample: ${(e as ExplainError).problem}; no sample's activations are watched.`);
        this.sample = undefined;
      }
    }
    this.settle.resolve(data);
  }

  /** The run ended (or failed) before its data loaded: requests waiting for it fail with this. */
  close(reason: string): void {
    this.settle.reject(new Error(reason));
  }

  /**
   * Watches another sample (null: none) from the next epoch end on; waits for the data when the
   * run has not loaded it yet. An index outside the test split is refused, naming the range.
   */
  async setSample(index: number | null): Promise<TrainWatch> {
    const data = await this.dataReady;
    if (index !== null) this.check(index);
    this.sample = index ?? undefined;
    return {sample: this.sample === undefined ? undefined : this.describe(data, this.sample), latest: this.latest};
  }

  /**
   * At an epoch end, between steps, with `model` holding the epoch's weights. Costs one inference
   * pass of one sample; a failure is one warning (once per run) and the training goes on.
   */
  async epochEnd(epoch: number, epochs: number, model: LayersModel): Promise<void> {
    const index = this.sample;
    const test = this.data?.test;
    if (index === undefined || !test) return;
    const sample = this.describe(this.data!, index);
    const base = {runId: this.options.runId, epoch, epochs, sample};
    try {
      const {activations, result} = await sampleActivations(model, row(test.x, test.sampleShape, index), test.sampleShape);
      const output = model.outputNames.length === 1 ? activations.find((a) => a.name === model.outputNames[0]) : undefined;
      const predicted = this.data!.classes !== undefined && output ? predictedClass(output.values) : undefined;
      this.latest = {...base, result, ...(predicted ? {predicted} : {})};
    } catch (e) {
      const problem = errorLine(e);
      if (!this.warned) this.options.onWarning(`the activations of test sample ${index} could not be computed (${problem}); training goes on.`);
      this.warned = true;
      this.latest = {...base, problem};
    }
    this.options.onActivations(this.latest);
  }

  private describe(data: WatchData, index: number): WatchedSample {
    if (this.described?.index !== index) this.described = describe(data, index);
    return this.described;
  }

  private check(index: number): void {
    const count = this.data?.test?.count ?? 0;
    if (count === 0) throw new ExplainError('sample', 'the spec has no test data to watch a sample of');
    if (!Number.isInteger(index) || index < 0 || index >= count) {
      throw new ExplainError('sample', `${index} is outside the test split: choose a whole number from 0 to ${count - 1}`);
    }
  }
}

/** Row `index` of row-major `values` whose rows have `shape` (a view, not a copy). */
function row(values: Float32Array, shape: number[], index: number): Float32Array {
  const size = product(shape);
  return values.subarray(index * size, (index + 1) * size);
}

function describe(data: WatchData, index: number): WatchedSample {
  const test = data.test!;
  // `classes` is set only where the targets are one class index per sample.
  const label = data.classes === undefined ? undefined : Math.round(test.y[index]!);
  return {index, count: test.count, label, image: sampleImageUrl(row(test.x, test.sampleShape, index), test.sampleShape)};
}

/** The class a classifier's output picks: the most probable of several units, or one sigmoid unit's side of 0.5. */
function predictedClass(output: Float32Array): {label: number; probability: number} | undefined {
  if (output.length === 1) {
    const p = output[0]!;
    return p > 0.5 ? {label: 1, probability: p} : {label: 0, probability: 1 - p};
  }
  if (output.length === 0) return undefined;
  const label = argMax(output);
  return {label, probability: output[label]!};
}
