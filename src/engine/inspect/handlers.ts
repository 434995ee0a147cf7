/**
 * JSON-RPC handlers for the inspector's requests, registered by the worker on its connection.
 * Each loaded model gets an inspector session that caches what is costly to recompute
 * (weight statistics, whole-test-set predictions).
 */
import type {MessageConnection} from 'vscode-jsonrpc';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {
  evaluate, evaluateProgress, layerConfig, predictPixels, predictSample, samplePage, weightStats,
  type ModelHandle, type WeightStats,
} from '../../protocol/messages';
import {computeWeightStats} from './weights';
import {PredictionService} from './predictions';
import {testSetFor} from './dataset';
import {layerDetails} from './layer-details';
import type {DataDescription} from '../data/dataset';

export interface LoadedModel {
  model: LayersModel;
  handle: ModelHandle;
  /** The data the model was trained on, as stored in its metadata (the engine's `OpenModel.data`). */
  data?: DataDescription;
}

class InspectorSession {
  weights?: Promise<WeightStats[]>;
  readonly predictions: PredictionService;

  constructor(readonly loaded: LoadedModel) {
    const {handle, model} = loaded;
    void handle;
    this.predictions = new PredictionService(model, testSetFor(handle.inputShape, handle.outputShape, loaded.data));
    // After the requests that opened the session: the first drawing is then answered at full speed.
    setTimeout(() => this.predictions.prepare(), 0);
  }
}

export function registerInspectorHandlers(connection: MessageConnection, models: Map<string, LoadedModel>): void {
  // Keyed by the model object, so a reloaded model under the same id starts a fresh session.
  const sessions = new WeakMap<LayersModel, InspectorSession>();
  const session = (modelId: string): InspectorSession => {
    const loaded = models.get(modelId);
    if (!loaded) throw new Error(`No model with id ${modelId} is loaded in the worker (it may have been disposed or the worker restarted).`);
    let s = sessions.get(loaded.model);
    if (!s) sessions.set(loaded.model, (s = new InspectorSession(loaded)));
    return s;
  };
  const progress = (modelId: string) => (done: number, total: number) =>
    void connection.sendNotification(evaluateProgress, {modelId, done, total});

  connection.onRequest(weightStats, (p) => {
    const s = session(p.modelId);
    // Keep the promise, not only its result, so two panels asking at once compute once.
    s.weights ??= computeWeightStats(s.loaded.model);
    return s.weights;
  });
  connection.onRequest(layerConfig, (p) => layerDetails(session(p.modelId).loaded.model, p.layer));
  connection.onRequest(predictSample, async (p) => {
    const [prediction] = await session(p.modelId).predictions.predictIndices([p.index], p.topK ?? 3);
    return prediction!;
  });
  connection.onRequest(samplePage, (p) =>
    session(p.modelId).predictions.samplePage(p.offset, p.count, p.onlyMisclassified, p.topK ?? 3, progress(p.modelId)));
  connection.onRequest(predictPixels, (p) => session(p.modelId).predictions.predictValues(p.pixels, p.topK ?? 3));
  connection.onRequest(evaluate, (p) => session(p.modelId).predictions.evaluate(p.limit, progress(p.modelId)));
}
