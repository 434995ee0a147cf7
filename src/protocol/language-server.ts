/**
 * Messages between the extension and the training-spec language server beyond standard LSP.
 * Both sides import this file. Transport: vscode-languageclient over the server's IPC channel.
 */
import {RequestType} from 'vscode-languageserver-protocol';

/** The last measured training rate; the code lens estimates epoch times from it. */
export interface TrainingRate {
  /** Forward-pass FLOPs per sample of the spec that was measured, times samples per second. */
  flopsPerSecond: number;
  samplesPerSecond: number;
  /** Spec it was measured on, and the backend. */
  specPath: string;
  backend: string;
  /** ISO time of the measurement. */
  measuredAt: string;
}

/** What the extension passes as `initializationOptions`. */
export interface LanguageServerOptions {
  trainingRate?: TrainingRate;
  /** The client validates and completes the JSON schema itself (VS Code does): skip schema diagnostics. */
  jsonSchemaHandledByClient?: boolean;
}

export interface ReportTrainingRateParams {
  specPath: string;
  samplesPerSecond: number;
  backend: string;
}

/** Sent after a training run; the server answers with the rate it will use (to be stored). */
export const reportTrainingRate = new RequestType<ReportTrainingRateParams, TrainingRate | null, void>('kerasWorkbench/reportTrainingRate');

export interface LayerShapesParams {
  uri: string;
}

export interface LayerShape {
  index: number;
  type: string;
  name: string;
  /** Keras notation, e.g. "(None, 26, 26, 32)"; undefined when it cannot be inferred. */
  outputShape?: string;
  trainableParams: number;
  nonTrainableParams: number;
  flops: number;
}

export interface LayerShapesResult {
  layers: LayerShape[];
  totalParams?: number;
  epochSeconds?: number;
  /** Where the epoch estimate comes from: 'measured' or 'calibration'. */
  rateSource?: string;
}

/** The analysis of an open spec (for the extension's own views and for tests). */
export const layerShapes = new RequestType<LayerShapesParams, LayerShapesResult, void>('kerasWorkbench/layerShapes');
