/**
 * Every message between the extension host and the worker process (and, through the
 * extension, the inspector webview). Both sides import this one file, so a change of shape
 * is a compile error on both ends. Transport: vscode-jsonrpc over the child process's IPC channel.
 */
import {NotificationType, RequestType} from 'vscode-jsonrpc';
import type {SaveFormat} from '../formats/table';
import type {ErrorKind} from '../common/errors';

// ---------------------------------------------------------------- shared shapes

export interface BackendInfo {
  name: 'tensorflow' | 'wasm' | 'cpu';
  description: string;
  advice: string;
}

export interface SummaryRow {
  name: string;
  className: string;
  /** Output shape as Keras prints it, e.g. "(None, 26, 26, 32)". */
  outputShape: string;
  params: number;
  /** Names of the layers feeding this one (functional models); empty for the first. */
  inbound: string[];
}

export interface SummaryTable {
  modelName: string;
  className: string;
  rows: SummaryRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
  /** Bytes of all weights (float32 = 4 bytes each), as Keras 3 prints beside the counts. */
  totalBytes: number;
  trainableBytes: number;
  nonTrainableBytes: number;
}

export interface EpochLogs {
  [metric: string]: number;
}

export interface TrainProgress {
  runId: string;
  kind: 'start' | 'batch' | 'epoch' | 'end';
  epoch: number;       // 1-based
  epochs: number;
  batch: number;       // 1-based, within the epoch
  batches: number;     // per epoch
  logs: EpochLogs;     // running means for 'batch', epoch results for 'epoch'
  elapsedSeconds: number;
  etaSeconds: number;
  /** On 'end': the run was cancelled (it stopped after a batch; the saved model is untouched). */
  cancelled?: boolean;
}

export interface TrainResult {
  modelPath: string;
  epochsRun: number;
  cancelled: boolean;
  history: Array<EpochLogs & {epoch: number}>;
  test?: {loss: number; accuracy: number};
  backend: BackendInfo;
  wallSeconds: number;
  samplesPerSecond: number;
  /** The run record written for this training (absent when recording was off or failed). */
  run?: {id: string; folder: string};
}

export interface ModelHandle {
  modelId: string;
  path: string;
  format: string;
  kerasVersion?: string;
  summary: SummaryTable;
  compiled: boolean;
  trainingConfig?: unknown;
  history?: Array<EpochLogs & {epoch: number}>;
  /** Input shape without the batch dimension, e.g. [28, 28, 1]. */
  inputShape: number[];
  outputShape: number[];
  /** Dataset the model was trained on (from its saved spec), for the prediction panel. */
  dataset?: string;
  /** Problems found on load that do not stop it, one line each (e.g. NaN or Inf weights). */
  warnings?: string[];
  /** Why the dataset the model records cannot be used (e.g. a stored location outside the workspace). */
  datasetProblem?: string;
}

export interface WeightStats {
  layer: string;
  name: string;
  shape: number[];
  dtype: string;
  min: number;
  max: number;
  mean: number;
  std: number;
  zeroFraction: number;
  histogram: {edges: number[]; counts: number[]};
  /** PNG as a data URL: Conv2D kernels as tile grids, Dense matrices as down-sampled heat maps. */
  image?: string;
  /** What `image` shows: one tile per (input channel, filter), one per filter averaged over channels, or a matrix. */
  imageKind?: 'kernel-grid' | 'kernel-grid-mean' | 'heatmap' | 'heatmap-downsampled';
}

export interface Prediction {
  index: number;
  label?: number;
  predicted: number;
  probabilities: number[];
  /** Input image as a PNG data URL when the input is an image. */
  image?: string;
  /** Raw input values for non-image inputs (truncated). */
  inputValues?: number[];
  /** The k most probable classes, most probable first. */
  top?: Array<{label: number; probability: number}>;
  /** Milliseconds the worker spent running the model for this prediction (drawn or typed input). */
  computeMs?: number;
}

/** One layer's configuration and weights, shown on demand in the layer table. */
export interface LayerDetails {
  name: string;
  className: string;
  config: Record<string, unknown>;
  inputShape: string;
  outputShape: string;
  inbound: string[];
  trainable: boolean;
  params: number;
  weights: Array<{name: string; shape: number[]; dtype: string; trainable: boolean}>;
}

export interface EvaluationResult {
  /** The model's own loss; absent for a model without a training configuration (Keras would refuse to evaluate it). */
  loss?: number;
  /** Keras name of that loss, e.g. "sparse_categorical_crossentropy". */
  lossName?: string;
  /** The model's compiled metrics by Keras name. */
  metrics?: Record<string, number>;
  accuracy: number;
  count: number;
  confusion: number[][];
  perClassAccuracy: number[];
}

/** One sample of the user's files ("Predict files…"), with what the model says about it. */
export interface FileSamplePrediction {
  /** File name, with the row for arrays and tables: `digit.png`, `x.npy[3]`, `table.csv line 5`. */
  source: string;
  /** The model's output (flattened, truncated for very wide outputs). */
  output: number[];
  /** Predicted class and top-k, for classifiers. */
  predicted?: number;
  top?: Array<{label: number; probability: number}>;
  /** Thumbnail (PNG data URL) for image inputs; the first input values otherwise. */
  image?: string;
  inputValues?: number[];
  /** The sample as the model takes it (preprocessed), for the first samples only: Explain and Activations use it. */
  sample?: number[];
}

export interface FilePredictionResult {
  /** How the outputs read: class probabilities, one sigmoid unit, or plain values. */
  kind: 'classes' | 'binary' | 'values';
  items: FileSamplePrediction[];
  /** The same predictions as `keras-workbench predict --output x.csv` writes them (Export CSV). */
  csv: string;
}

/** A dataset given to a model that records none: the built-in MNIST, or the user's data files. */
export type DatasetChoice =
  | {kind: 'mnist'}
  | {kind: 'files'; paths: string[]}
  | {kind: 'none'};

export interface DatasetInfo {
  /** Name of the dataset now in use (e.g. "mnist", "files"), none when the model has no dataset. */
  name?: string;
  /** Test samples available to browse and evaluate. */
  count: number;
}

/**
 * What a failed request carries besides its one-line message: the stack for the log and, for the
 * tool's own errors, what they are about, so that the extension decides by kind, not by text.
 */
export interface EngineErrorData {
  stack?: string;
  kind?: ErrorKind;
  file?: string;
  field?: string;
  /** The message without the file (and the position). */
  problem?: string;
  /** 1-based position of the first error in a refused training spec. */
  line?: number;
  column?: number;
}

// ---------------------------------------------------------------- requests

export interface InitializeParams {
  backendPreference: 'auto' | 'native' | 'wasm' | 'cpu';
  /** Workspace folders: a loaded model's stored data locations may point inside them (besides the model's own folder). */
  workspaceRoots?: string[];
}
export const initialize = new RequestType<InitializeParams, BackendInfo, void>('workbench/initialize');

/** What the extension needs to know about a spec before training (save target, overwrite). */
export interface DescribeSpecParams {
  specPath: string;
  workspaceRoot: string;
  /** `vscode.workspace.isTrusted`; when false, data paths outside the workspace are refused before any is read. */
  workspaceTrusted?: boolean;
}
/** What training will save, as the trainer resolves it: shown before the run, and what the run saves. */
export interface SpecSummary {
  name: string;
  /** Absolute save path, resolved inside the workspace. */
  savePath: string;
  /** The format saved: the spec's save.format, else the one the path's extension names. */
  format: SaveFormat;
  /** The spec's save.overwrite. */
  overwrite: boolean;
  epochs: number;
  targetExists: boolean;
}
export const describeSpec = new RequestType<DescribeSpecParams, SpecSummary, void>('workbench/describeSpec');

/** Text of the reference MNIST spec, for "New Training Spec". */
export const referenceSpec = new RequestType<Record<string, never>, string, void>('workbench/referenceSpec');

/** A training run of a spec as it is: the worker resolves its save target; the extension sends only what the user decided. */
export interface TrainParams {
  runId: string;
  specPath: string;
  workspaceRoot: string;
  epochs?: number;
  limit?: number;
  resume?: boolean;
  /** The user's answer about replacing an existing model at the save path, over the spec's save.overwrite. */
  overwrite?: boolean;
  /** JS module of custom layer classes (`custom_objects`); the extension sends it only in trusted workspaces. */
  customObjectsModule?: string;
  /** `vscode.workspace.isTrusted`; when false the spec's data paths must lie inside the workspace. Absent: trusted. */
  workspaceTrusted?: boolean;
  /** Where the run is recorded (`kerasWorkbench.runs.folder`, absolute); absent: `runs` in the workspace; null: not recorded (a runs folder refused in an untrusted workspace). */
  runsFolder?: string | null;
  /** A test sample (index into the spec's test split) whose activations are sent at every epoch end (`trainActivations`); absent: none. */
  watchSample?: number;
}
export const train = new RequestType<TrainParams, TrainResult, void>('workbench/train');

export interface CancelParams { runId: string }
export const cancelTraining = new RequestType<CancelParams, boolean, void>('workbench/cancelTraining');

/** The test sample a training run watches, as its picker shows it. */
export interface WatchedSample {
  /** Index into the spec's test split (the first `limit` samples when the run has a limit). */
  index: number;
  /** Samples in that split: the accepted indices are 0 to count - 1. */
  count: number;
  /** Class label, when the targets are classes. */
  label?: number;
  /** The input as a PNG data URL, for image models. */
  image?: string;
}

/** The watched sample's activations at one epoch end, taken with the weights after that epoch. */
export interface TrainActivations {
  runId: string;
  /** 1-based: the epoch that just ended. */
  epoch: number;
  epochs: number;
  sample: WatchedSample;
  /** What the model predicts for it after this epoch, for classifiers. */
  predicted?: {label: number; probability: number};
  /** Absent when computing failed; `problem` says why (the training goes on). */
  result?: ActivationsResult;
  problem?: string;
}

/** What a run watches now, and the last epoch end's activations (a panel that reloads shows them again). */
export interface TrainWatch {
  sample?: WatchedSample;
  latest?: TrainActivations;
}

/** Changes the sample a running training watches (null: none); its activations come at the next epoch end. */
export interface WatchSampleParams { runId: string; sample: number | null }
export const watchTrainingSample = new RequestType<WatchSampleParams, TrainWatch, void>('workbench/watchTrainingSample');

export interface LoadModelParams {
  /** The model, or the topology (a model config JSON or a model file) that `weights` are loaded onto. */
  path: string;
  /** A weights-only file (Keras 3 `.weights.h5` / sharded `.weights.json`, Keras 1/2 weights HDF5). */
  weights?: string;
  compile?: boolean;
  /** Path of a JS module exporting custom layer classes (`custom_objects`); trusted workspaces only. */
  customObjectsModule?: string;
}
export const loadModel = new RequestType<LoadModelParams, ModelHandle, void>('workbench/loadModel');

export interface SaveModelParams {
  modelId: string;
  path: string;
  format?: SaveFormat;
  overwrite: boolean;
  includeOptimizer: boolean;
  /** The workspace folder the target must stay inside (by real path); absent when no folder is open. */
  workspaceRoot?: string;
}
/** `warnings`: what the written file keeps for some tools only (e.g. layers stock TensorFlow.js cannot load). */
export const saveModel = new RequestType<SaveModelParams, {path: string; warnings?: string[]}, void>('workbench/saveModel');

export interface ModelParams { modelId: string }
export const disposeModel = new RequestType<ModelParams, void, void>('workbench/disposeModel');
export const layerConfig = new RequestType<ModelParams & {layer: string}, LayerDetails, void>('workbench/layerConfig');
export const weightStats = new RequestType<ModelParams, WeightStats[], void>('workbench/weightStats');

export interface PredictParams extends ModelParams { index: number; topK?: number }
export const predictSample = new RequestType<PredictParams, Prediction, void>('workbench/predictSample');

export interface SamplePageParams extends ModelParams { offset: number; count: number; onlyMisclassified: boolean; topK?: number }
export const samplePage = new RequestType<SamplePageParams, {total: number; items: Prediction[]}, void>(
  'workbench/samplePage');

/** Raw input values, flattened: drawn pixels in [0, 1] for 28x28x1 models, or a tabular row. */
export interface PixelsParams extends ModelParams { pixels: number[]; topK?: number }
export const predictPixels = new RequestType<PixelsParams, Prediction, void>('workbench/predictPixels');

export const evaluate = new RequestType<ModelParams & {limit?: number}, EvaluationResult, void>('workbench/evaluate');

/** The user's files, by path or (dropped from outside the workspace) by content, predicted with the model's preprocessing. */
export interface PredictFilesParams extends ModelParams {
  paths?: string[];
  files?: Array<{name: string; base64: string}>;
  /** Array of an .npz archive. */
  key?: string;
  topK?: number;
}
export const predictFiles = new RequestType<PredictFilesParams, FilePredictionResult, void>('workbench/predictFiles');

export const setDataset = new RequestType<ModelParams & {dataset: DatasetChoice}, DatasetInfo, void>('workbench/setDataset');

/** The sample an activation or explanation is about: a test-set sample, or raw input values (a drawing, typed values). */
export type SampleRef = {kind: 'test'; index: number} | {kind: 'values'; values: number[]};

/** One layer's output for one sample, scaled for drawing. */
export interface ActivationMap {
  name: string;
  className: string;
  /** Without the batch axis. */
  shape: number[];
  /** How it is drawn: one map per channel (H, W, C), time x units (T, U), or a strip of units. */
  kind: 'maps' | 'sequence' | 'vector';
  min: number;
  max: number;
  mean: number;
  zeroFraction: number;
  /** The values scaled to 0..255 between min and max, row-major as `shape`, base64. */
  bytes: string;
  /** For 'maps': each channel's range and mean, in channel order. */
  channels?: Array<{min: number; max: number; mean: number}>;
}

export interface ActivationsResult {
  layers: ActivationMap[];
  /** Milliseconds the worker spent (forward pass and scaling). */
  computeMs: number;
}

export type AttributionMethodName = 'saliency' | 'smoothgrad' | 'integrated-gradients' | 'gradcam';

export interface ExplainParams {
  sample: SampleRef;
  method: AttributionMethodName;
  /** Default: the predicted class. */
  classIndex?: number;
  baseline?: 'zeros' | 'mean' | 'blur';
}

export interface ExplanationView {
  method: AttributionMethodName;
  classIndex: number;
  predicted: number;
  /** The most probable classes, most probable first (the class picker's choices). */
  top: Array<{label: number; probability: number}>;
  score: number;
  scoreKind: 'before-softmax' | 'before-sigmoid' | 'output';
  probability?: number;
  /** Row-major attribution, `shape` without the batch axis (the input's, or Grad-CAM's spatial map). */
  attribution: number[];
  shape: number[];
  /** The input as a PNG data URL, for image models. */
  image?: string;
  inputShape: number[];
  layer?: string;
  completenessError?: number;
  baselineScore?: number;
  steps?: number;
  baseline?: string;
  samples?: number;
  note?: string;
  computeMs: number;
}

export const activations = new RequestType<ModelParams & {sample: SampleRef; layers?: string[]}, ActivationsResult, void>('workbench/activations');
export const explainSample = new RequestType<ModelParams & ExplainParams, ExplanationView, void>('workbench/explain');

// ---------------------------------------------------------------- notifications (worker -> host)

/** `debug`: library diagnostics (HDF5 dumps, stacks of unexpected errors), for bug reports. */
export interface LogParams { level: 'info' | 'warn' | 'error' | 'debug'; message: string }
export const log = new NotificationType<LogParams>('workbench/log');
export const trainProgress = new NotificationType<TrainProgress>('workbench/trainProgress');
export const trainActivations = new NotificationType<TrainActivations>('workbench/trainActivations');
export const evaluateProgress = new NotificationType<{modelId: string; done: number; total: number}>(
  'workbench/evaluateProgress');

// ---------------------------------------------------------------- inspector webview <-> extension host
// postMessage payloads. The webview names a worker request by its method below; the host adds the
// model id, forwards it to the worker and answers with the same id.

export interface InspectorRequestMap {
  weightStats: {params: Record<string, never>; result: WeightStats[]};
  layerConfig: {params: {layer: string}; result: LayerDetails};
  predictSample: {params: {index: number; topK?: number}; result: Prediction};
  samplePage: {params: {offset: number; count: number; onlyMisclassified: boolean; topK?: number}; result: {total: number; items: Prediction[]}};
  predictPixels: {params: {pixels: number[]; topK?: number}; result: Prediction};
  evaluate: {params: {limit?: number}; result: EvaluationResult};
  /** Without paths or files, the host asks for them with a file picker; null when the user cancels it. */
  predictFiles: {params: {paths?: string[]; files?: Array<{name: string; base64: string}>; topK?: number}; result: FilePredictionResult | null};
  /** 'files' without paths: the host shows a file picker. The host remembers the choice for the model's path. */
  setDataset: {params: {dataset: {kind: 'mnist'} | {kind: 'files'; paths?: string[]} | {kind: 'none'}}; result: DatasetInfo | null};
  activations: {params: {sample: SampleRef; layers?: string[]}; result: ActivationsResult};
  explain: {params: ExplainParams; result: ExplanationView};
  /** Handled by the host: a save dialog, then the text written there; null when the user cancels. */
  exportCsv: {params: {name: string; text: string}; result: string | null};
  /** About the panel's training run, not its model: the host adds the run id. */
  watchSample: {params: {sample: number | null}; result: TrainWatch};
}
export type InspectorMethod = keyof InspectorRequestMap;

/** What the panel shows: a loaded model, or a training run that has no saved model yet. */
export type InspectorSubject =
  | {kind: 'model'; model: ModelHandle}
  | {kind: 'training'; runId: string; title: string; model?: ModelHandle};

export type WebviewToHost =
  | {type: 'ready'}
  | {type: 'request'; id: number; method: InspectorMethod; params: unknown}
  /** The webview measured something (benchmarks, tests). */
  | {type: 'mark'; name: string; at: number};

export type HostToWebview =
  | {type: 'subject'; subject: InspectorSubject}
  | {type: 'response'; id: number; result?: unknown; error?: string}
  | {type: 'trainProgress'; progress: TrainProgress}
  | {type: 'trainActivations'; activations: TrainActivations}
  | {type: 'evaluateProgress'; done: number; total: number};

// ---------------------------------------------------------------- export-keras (Keras: Export Training Script)

export interface ExportKerasScriptParams {
  specPath: string;
  workspaceRoot: string;
  distributed: boolean;
}
/** The Keras 3 training script for the spec and where it belongs (next to the spec); the extension host writes it. */
export const exportKerasScript = new RequestType<ExportKerasScriptParams, {script: string; scriptPath: string}, void>('workbench/exportKerasScript');
