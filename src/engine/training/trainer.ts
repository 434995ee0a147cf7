/**
 * The training run behind "Train Model" and `keras-workbench train`: Keras `fit` semantics
 * (validation_split takes the last samples before shuffling, seeded shuffling per epoch),
 * progress events per batch and per epoch, cancel after the current batch, a checkpoint at
 * every epoch end that `resume` continues from (optimizer state included), and `save_model`
 * of the result.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {initBackend, BackendPreference} from '../backend';
import {checkDataConfinement, DataDescription, loadDataset, Split, untrustedWorkspaceRule} from '../data/dataset';
import {METADATA_KEY, metadataFor} from '../session/data-location';
import {readTrainSpec, resolveInside, TrainSpec} from '../spec/spec';
import {buildModel, createOptimizer, tfjsLossName} from '../model/build';
import {refuseSpecWithErrors} from '../analysis/spec-analysis';
import {evaluateSplit, gatherRows} from '../evaluate';
import {LossAndMetrics, lossAndMetrics, canonicalLoss} from './losses';
import {tfjsMetricName} from '../../keras/config-training';
import {createStepper, TrainStepper} from './stepper';
import {epochPermutation} from './random';
import {epochLine} from './keras-log';
import {loadModel, modelFromArtifacts, prepareSaveTarget, readWeightsOntoConfig, saveModel} from '../../formats';
import {faultPoint} from '../../formats/atomic-save';
import {DataError, FormatError, SpecError, firstLine} from '../../common/errors';
import {registerCustomObjects, type CustomObjects} from '../../keras/custom-objects';
import {checkStockTfjsExport} from '../../keras/tfjs-stock';
import {isInsideByRealPath} from '../../common/confine';
import {trainingTarget} from './target';
import type {BackendInfo, TrainProgress, TrainResult} from '../../protocol/messages';
import {RunRecorder} from '../runs/recorder';
import {fingerprintData, flattenHParams, modelContentHash} from '../runs/describe';
import {DEFAULT_RUNS_FOLDER, checkRunsFolder, type TestEvaluation} from '../../formats/runs';
import type {ActivationWatch} from './watch';

export interface TrainOptions {
  /** Root that relative paths in the spec resolve against (the workspace folder; the CLI's cwd). */
  workspaceRoot?: string;
  /** Overrides of the spec. */
  epochs?: number;
  limit?: number;
  /** A save path typed on the command line (`--out`), instead of the spec's save.path. */
  out?: string;
  /** The user's decision about replacing the model at the save path, over the spec's save.overwrite. */
  overwrite?: boolean;
  resume?: boolean;
  backend?: BackendPreference;
  threads?: number;
  runId?: string;
  signal?: AbortSignal;
  onProgress?: (p: TrainProgress) => void;
  onLog?: (line: string) => void;
  customObjects?: CustomObjects;
  /**
   * Whether the workspace is trusted (default: yes, as on the command line). In an untrusted
   * workspace the spec's data paths and model.from must lie inside the workspace by real path.
   */
  workspaceTrusted?: boolean;
  /**
   * Where the run record goes (a folder per run: run.json and TensorBoard event files); relative
   * to workspaceRoot, default `runs`. `null` records nothing.
   */
  runsFolder?: string | null;
  /** A test sample whose activations are taken at every epoch end (the inspector's Watch activations). */
  watch?: ActivationWatch;
  /** Replaces how each batch step is computed (e.g. across worker threads). */
  createStepper?: (model: LayersModel, objective: LossAndMetrics, targetShape: number[]) => Promise<TrainStepper> | TrainStepper;
}

/** Every core: data-parallel replicas on the wasm backend (native TensorFlow threads itself). */
export function defaultThreads(): number {
  const fromEnv = Number(process.env.KERAS_WORKBENCH_THREADS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : os.availableParallelism();
}

const STATE_FILE = 'trainer-state.json';

interface CheckpointState {
  specName: string;
  seed: number;
  epochsDone: number;
  history: Array<Record<string, number>>;
  /** The run record of the run that wrote the checkpoint (a resume links to it). */
  runId?: string;
}

/** The first `count` samples (a view, not a copy). */
function take(split: Split, count: number): Split {
  return slice(split, 0, count);
}

function slice(split: Split, from: number, to: number): Split {
  const xSize = split.sampleShape.reduce((a, b) => a * b, 1);
  const ySize = split.targetShape.reduce((a, b) => a * b, 1);
  return {...split, count: to - from, x: split.x.subarray(from * xSize, to * xSize), y: split.y.subarray(from * ySize, to * ySize)};
}

/**
 * Keras `validation_split`: the LAST fraction of the samples, taken before any shuffling. A split
 * that leaves no training or no validation sample is refused, as Keras refuses it.
 */
export function splitValidation(split: Split, fraction: number, specFile = 'spec'): {train: Split; validation?: Split} {
  if (!fraction) return {train: split};
  const at = Math.floor(split.count * (1 - fraction));
  if (at <= 0 || at >= split.count) {
    throw new SpecError(specFile, 'fit.validation_split', `${fraction} of ${split.count} samples leaves ${Math.max(at, 0)} for training ` +
      `and ${split.count - Math.max(at, 0)} for validation; both need at least one sample`);
  }
  return {train: slice(split, 0, at), validation: slice(split, at, split.count)};
}

/** The file a spec's training (or test) data comes from, for errors about its content. */
function dataOrigin(spec: TrainSpec, root: string, which: 'train' | 'test'): {x: string; y: string} {
  if ('dataset' in spec.data) return {x: `the built-in ${spec.data.dataset}`, y: `the built-in ${spec.data.dataset}`};
  const source = which === 'train' ? spec.data.train : spec.data.test;
  if (!source) return {x: root, y: root};
  if ('csv' in source) return {x: path.resolve(root, source.csv), y: path.resolve(root, source.csv)};
  if ('npz' in source) return {x: path.resolve(root, source.npz), y: path.resolve(root, source.npz)};
  return {x: path.resolve(root, source.x), y: path.resolve(root, source.y)};
}

/**
 * Sparse categorical labels must be whole numbers in 0..units-1: Keras raises on anything else,
 * while a TensorFlow.js one-hot of an out-of-range label is all zeros and trains to loss 0.
 */
export function checkSparseLabels(split: Split, units: number, file: string): void {
  const y = split.y;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0 || v >= units) {
      throw new DataError(file, `label ${v} of sample ${i} is outside the valid range 0..${units - 1} ` +
        `(sparse_categorical_crossentropy on a model with ${units} output units)`);
    }
  }
}

function named(objective: LossAndMetrics, values: number[], prefix = ''): Record<string, number> {
  const out: Record<string, number> = {[`${prefix}loss`]: values[0]};
  objective.metrics.forEach((m, i) => (out[`${prefix}${m.name}`] = values[i + 1]));
  return out;
}

async function prepareModel(spec: TrainSpec, specFile: string, root: string, options: TrainOptions,
  log: (line: string) => void): Promise<LayersModel> {
  const model = spec.model;
  const workspaceFile = (value: string, field: string) => {
    const file = resolveInside(root, value, specFile, field);
    if (options.workspaceTrusted === false && !isInsideByRealPath(root, file)) {
      throw new SpecError(specFile, field, `'${value}' leads outside the workspace through a symlink; an untrusted workspace's spec reads only inside it`);
    }
    return file;
  };
  if (model.weights !== undefined) {
    const weights = workspaceFile(model.weights, 'model.weights');
    const topology = 'from' in model
      ? (await loadModel(workspaceFile(model.from, 'model.from'), {compile: false, customObjects: options.customObjects})).model
      : await buildModel(spec, specFile, {customLayers: Object.keys(options.customObjects ?? {})});
    const config = topology.toJSON(null, false);
    topology.dispose();
    const artifacts = await readWeightsOntoConfig(config, weights);
    log(`Starting from the weights in ${model.weights}; compiling with the spec's optimizer.`);
    return compile(await modelFromArtifacts(artifacts, weights, {compile: false, customObjects: options.customObjects}), spec);
  }
  if ('from' in model) {
    const loaded = await loadModel(workspaceFile(model.from, 'model.from'), {compile: true, customObjects: options.customObjects});
    if (loaded.model.optimizer) {
      log(`Continuing from ${model.from} with its saved optimizer state.`);
      return loaded.model;
    }
    log(`Continuing from ${model.from}; it has no training config, compiling with the spec's.`);
    return compile(loaded.model, spec);
  }
  return compile(await buildModel(spec, specFile, {customLayers: Object.keys(options.customObjects ?? {})}), spec);
}

export function compile(model: LayersModel, spec: TrainSpec): LayersModel {
  model.compile({
    optimizer: createOptimizer(spec.compile.optimizer),
    loss: tfjsLossName(lossAndMetrics(spec.compile.loss, []).lossName),
    // Keras's metric names in the spec; what TensorFlow.js cannot compile by name the trainer still
    // computes itself (losses.ts), it is only left out of the saved training config.
    metrics: spec.compile.metrics.map((m) => tfjsMetricName(m, canonicalLoss(spec.compile.loss))).filter((m): m is string => m !== undefined),
  });
  return model;
}

export async function trainFromSpecFile(specFile: string, options: TrainOptions = {}): Promise<TrainResult> {
  return trainFromSpec(readTrainSpec(specFile), specFile, options);
}

export async function trainFromSpec(spec: TrainSpec, specFile: string, options: TrainOptions = {}): Promise<TrainResult> {
  const started = Date.now();
  const log = options.onLog ?? (() => undefined);
  const root = path.resolve(options.workspaceRoot ?? process.cwd());
  const runId = options.runId ?? `run-${started}`;
  const epochs = options.epochs ?? spec.fit.epochs;
  if (!Number.isInteger(epochs) || epochs < 1) {
    throw new SpecError(specFile, options.epochs !== undefined ? '--epochs' : 'fit.epochs',
      `must be at least 1, got ${epochs} (no epoch would run and an untrained model would be saved)`);
  }
  registerCustomObjects(options.customObjects);
  const verbose = spec.fit.verbose;
  const target = trainingTarget(spec.save, specFile, spec.data, {workspaceRoot: root, out: options.out, overwrite: options.overwrite});
  const {path: modelPath, format} = target.model;
  const checkpoint = target.checkpoint.path;

  // An untrusted workspace's data paths are checked before the analysis reads their headers.
  if (options.workspaceTrusted === false) checkDataConfinement(spec.data, root, untrustedWorkspaceRule(root));
  // Shapes, Keras arguments, data headers and the spec's save target, before any data loads.
  refuseSpecWithErrors(spec, specFile, {workspaceRoot: root, customLayers: Object.keys(options.customObjects ?? {}), saveOverridden: target.field === '--out'});
  await prepareSaveTarget(target.model, 'already exists and save.overwrite is false; nothing was trained. Set "overwrite": true or choose another save.path.');
  await prepareSaveTarget(target.checkpoint);

  const backend: BackendInfo = await initBackend(options.backend ?? 'auto');
  log(`Backend: ${backend.description}`);
  if (backend.advice) log(backend.advice);

  const untrusted = options.workspaceTrusted === false;
  const description: DataDescription = {
    data: spec.data, preprocessing: spec.preprocessing, workspaceRoot: root,
    confineTo: untrusted ? untrustedWorkspaceRule(root) : undefined,
  };
  const dataset = loadDataset(description);
  let trainAll = dataset.train;
  if (options.limit) trainAll = take(trainAll, Math.min(options.limit, trainAll.count));
  if (trainAll.count === 0) throw new DataError(dataOrigin(spec, root, 'train').x, 'holds no training samples');
  const {train, validation} = splitValidation(trainAll, spec.fit.validation_split, specFile);
  const test = dataset.test && (options.limit ? take(dataset.test, Math.min(options.limit, dataset.test.count)) : dataset.test);
  const objective = lossAndMetrics(spec.compile.loss, spec.compile.metrics);

  let model: LayersModel;
  let state: CheckpointState = {specName: spec.name, seed: spec.fit.seed, epochsDone: 0, history: []};
  if (options.resume) {
    const stateFile = path.join(checkpoint, STATE_FILE);
    if (!fs.existsSync(stateFile)) {
      throw new FormatError(checkpoint, 'no checkpoint to resume from (train without --resume first; a checkpoint is written at every epoch end)');
    }
    state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as CheckpointState;
    if (state.seed !== spec.fit.seed) {
      throw new SpecError(specFile, 'fit.seed', `is ${spec.fit.seed} but the checkpoint was trained with seed ${state.seed}; resuming would not reproduce the run`);
    }
    model = (await loadModel(checkpoint, {compile: true, customObjects: options.customObjects})).model;
    log(`Resuming from ${checkpoint} after epoch ${state.epochsDone}.`);
  } else {
    model = await prepareModel(spec, specFile, root, options, log);
  }
  if (objective.sparseTargets) {
    const units = (model.outputs[0].shape as (number | null)[]).at(-1) ?? 0;
    checkSparseLabels(trainAll, units, dataOrigin(spec, root, 'train').y);
    if (test) checkSparseLabels(test, units, dataOrigin(spec, root, 'test').y);
  }
  const inputShape = (model.inputs[0].shape as (number | null)[]).slice(1);
  if (inputShape.join() !== train.sampleShape.join()) {
    throw new SpecError(specFile, 'preprocessing.reshape',
      `samples have shape (${train.sampleShape.join(', ')}) but the model expects (${inputShape.join(', ')})`);
  }

  // Refused now, not after the run, when the TF.js folder could not hold it for stock TF.js.
  if (format === 'tfjs') await checkStockTfjsExport(model, modelPath);
  options.watch?.attach({test, classes: dataset.classes});

  const batchSize = spec.fit.batch_size;
  const threads = options.threads ?? defaultThreads();
  const batches = Math.ceil(train.count / batchSize);
  const stepper = options.createStepper
    ? await options.createStepper(model, objective, train.targetShape)
    : createStepper(model, objective, train.targetShape, {threads});
  const runsFolder = options.runsFolder === null ? undefined : usableRunsFolder(root, options.runsFolder ?? DEFAULT_RUNS_FOLDER, untrusted, log);
  const recorder = runsFolder === undefined ? undefined : startRecorder(() => RunRecorder.start({
    runsFolder,
    specFile: path.relative(root, path.resolve(root, specFile)) || specFile, specName: spec.name, specText: specTextOf(spec, specFile),
    hparams: flattenHParams(spec, model, {epochs, limit: options.limit}),
    data: fingerprintData(spec, root, {train: train.count, validation: validation?.count ?? 0, test: test?.count ?? 0},
      runsFolder, options.limit),
    backend: backend.name, threads, seed: spec.fit.seed, epochsPlanned: epochs, checkpoint,
    resumedFrom: options.resume ? state.runId : undefined,
    onWarning: (w) => log(`Warning: ${w}`),
  }), log);
  try {
    return await runTraining();
  } catch (e) {
    recorder?.finish('failed', {error: firstLine((e as Error)?.message ?? String(e))});
    throw e;
  }

  async function runTraining(): Promise<TrainResult> {
    const progress = (p: Omit<TrainProgress, 'runId' | 'epochs' | 'batches'>) =>
      options.onProgress?.({runId, epochs, batches, ...p});
    let cancelled = false;
    let samplesSeen = 0;
    const trainingStarted = Date.now();
    progress({kind: 'start', epoch: state.epochsDone + 1, batch: 0, logs: {}, elapsedSeconds: 0, etaSeconds: 0});
    try {
      for (let epoch = state.epochsDone + 1; epoch <= epochs && !cancelled; epoch++) {
        if (verbose) log(`Epoch ${epoch}/${epochs}`);
        const order = spec.fit.shuffle ? epochPermutation(train.count, spec.fit.seed, epoch) : null;
        const sums = new Array(1 + objective.metrics.length).fill(0);
        let seen = 0;
        const epochStarted = Date.now();
        for (let b = 0; b < batches; b++) {
          const from = b * batchSize;
          const to = Math.min(from + batchSize, train.count);
          const {x, y} = gatherRows(train, order, from, to);
          const values = await stepper.step({x, y, count: to - from});
          values.forEach((v, i) => (sums[i] += v * (to - from)));
          seen += to - from;
          samplesSeen += to - from;
          recorder?.batch(epoch, b + 1, sums[0] / seen);
          const elapsed = (Date.now() - epochStarted) / 1000;
          const perBatch = elapsed / (b + 1);
          progress({
            kind: 'batch', epoch, batch: b + 1, logs: named(objective, sums.map((s) => s / seen)),
            elapsedSeconds: (Date.now() - started) / 1000,
            etaSeconds: perBatch * (batches - b - 1 + (epochs - epoch) * batches),
          });
          // Let the event loop run between batches: a cancel request over IPC (or SIGINT) can only arrive here.
          await new Promise((resolve) => setImmediate(resolve));
          if (options.signal?.aborted) {
            cancelled = true;
            break;
          }
        }
        if (cancelled) break;
        await stepper.sync();
        const logs = named(objective, sums.map((s) => s / seen));
        if (validation) Object.assign(logs, named(objective, await evaluateSplit(model, objective, validation), 'val_'));
        const seconds = (Date.now() - epochStarted) / 1000;
        if (verbose) log(epochLine(batches, seconds, logs, verbose));
        state = {...state, epochsDone: epoch, history: [...state.history, {epoch, ...logs}], runId: recorder?.id ?? state.runId};
        // Weights, optimizer state and trainer state are one atomic save: a resume never pairs them wrongly.
        await saveModel(model, target.checkpoint, {
          history: state.history as never, label: 'checkpoint', extraFiles: {[STATE_FILE]: JSON.stringify(state)}, ownUseOnly: true,
        });
        progress({kind: 'epoch', epoch, batch: batches, logs, elapsedSeconds: (Date.now() - started) / 1000,
          etaSeconds: seconds * (epochs - epoch)});
        recorder?.epochEnd(epoch, logs, seconds);
        // Between steps, on the epoch's weights (the stepper synced them above).
        await options.watch?.epochEnd(epoch, epochs, model);
      }
    } finally {
      await stepper.sync();
      await stepper.dispose();
    }

    const trainingSeconds = (Date.now() - trainingStarted) / 1000;
    const result: TrainResult = {
      modelPath, epochsRun: state.epochsDone, cancelled, history: state.history as TrainResult['history'],
      backend, wallSeconds: 0, samplesPerSecond: samplesSeen / Math.max(trainingSeconds, 1e-9),
      run: recorder?.isRecording ? {id: recorder.id, folder: recorder.folder} : undefined,
    };
    let testEvaluation: TestEvaluation | undefined;
    if (cancelled) {
      log(`Training cancelled during epoch ${state.epochsDone + 1}. ${state.epochsDone > 0
        ? `The checkpoint after epoch ${state.epochsDone} is kept at ${checkpoint}; continue with --resume.`
        : 'No epoch finished, so there is no checkpoint.'} The model at ${modelPath} was not changed.`);
      recorder?.finish('cancelled');
    } else {
      // Data paths are stored relative to the model's folder, so the model and its data can move together.
      const metadata = {[METADATA_KEY]: metadataFor(spec, root, modelPath)};
      try {
        await saveModel(model, target.model, {
          history: state.history as never, metadata: metadata as never, onWarning: (w) => log(`Warning: ${w}`),
        });
      } catch (e) {
        if (state.epochsDone > 0 && fs.existsSync(checkpoint)) {
          log(`The checkpoint after epoch ${state.epochsDone} is kept at ${checkpoint}; once the problem is fixed, --resume saves it without training again.`);
        }
        throw e;
      }
      log(`Saved model to ${path.relative(root, modelPath) || modelPath} (${format}).`);
      // Only now, with the final model written and read back, is the checkpoint no longer needed.
      faultPoint('train:final-saved');
      fs.rmSync(checkpoint, {recursive: true, force: true});
      if (test) {
        const classes = (model.outputs[0].shape as (number | null)[]).at(-1) ?? 0;
        const confusion = /categorical_crossentropy/.test(objective.lossName) && classes >= 2
          ? Array.from({length: classes}, () => new Array<number>(classes).fill(0)) : undefined;
        const [loss, ...metrics] = await evaluateSplit(model, objective, test, test.count, confusion);
        result.test = {loss, accuracy: metrics[objective.metrics.findIndex((m) => m.name.includes('accuracy'))] ?? NaN};
        testEvaluation = {loss, metrics: Object.fromEntries(objective.metrics.map((m, i) => [m.name, metrics[i]])), samples: test.count, confusionMatrix: confusion};
        log(`Test loss: ${loss.toFixed(4)} - ${objective.metrics.map((m, i) => `test ${m.name}: ${metrics[i].toFixed(4)}`).join(' - ')}`);
      }
    }
    if (!cancelled && recorder) {
      let sha256 = '';
      try {
        sha256 = modelContentHash(modelPath);
      } catch {
        // The model was written and read back; a hash that cannot be taken leaves the field empty.
      }
      recorder.finish('finished', {test: testEvaluation, model: {path: path.relative(root, modelPath) || modelPath, format, sha256}});
    }
    if (recorder?.isRecording) log(`Run recorded in ${path.relative(root, recorder.folder) || recorder.folder}.`);
    result.wallSeconds = (Date.now() - started) / 1000;
    progress({kind: 'end', epoch: state.epochsDone, batch: 0, logs: state.history.at(-1) ?? {}, elapsedSeconds: result.wallSeconds, etaSeconds: 0, cancelled});
    model.dispose();
    model.optimizer?.dispose();
    return result;
  }
}

/** A recorder, or none (with a warning) when what it records cannot even be described: recording never stops a training. */
function startRecorder(start: () => RunRecorder, log: (line: string) => void): RunRecorder | undefined {
  try {
    return start();
  } catch (e) {
    log(`Warning: the run is not recorded: ${(e as Error).message}`);
    return undefined;
  }
}

/**
 * The runs folder, or undefined (with a warning: recording never stops a training) when it leads
 * out of the workspace through a symlink, or lies outside an untrusted workspace at all.
 */
function usableRunsFolder(root: string, folder: string, untrusted: boolean, log: (line: string) => void): string | undefined {
  const absolute = path.resolve(root, folder);
  try {
    checkRunsFolder(folder, root);
    if (untrusted && !isInsideByRealPath(root, absolute)) throw new Error(`${folder}: lies outside the untrusted workspace; refused`);
    return absolute;
  } catch (e) {
    log(`Warning: the run is not recorded: ${(e as Error).message}`);
    return undefined;
  }
}

/** The spec's exact text as the file holds it; the parsed spec where there is no file (specs built in code). */
function specTextOf(spec: TrainSpec, specFile: string): string {
  try {
    return fs.readFileSync(specFile, 'utf8');
  } catch {
    return JSON.stringify(spec, null, 2);
  }
}
