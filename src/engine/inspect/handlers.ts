/**
 * JSON-RPC handlers for the inspector's requests, registered by the worker on its connection.
 * Each loaded model gets a model session (src/engine/session/session.ts) that predicts and
 * evaluates and keeps what is costly to recompute; these handlers only call it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type {MessageConnection} from 'vscode-jsonrpc';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {
  evaluate, evaluateProgress, layerConfig, predictFiles, predictPixels, predictSample, samplePage, setDataset, weightStats,
  type ModelHandle, type WeightStats,
} from '../../protocol/messages';
import {computeWeightStats} from './weights';
import {PredictionService} from './predictions';
import {layerDetails} from './layer-details';
import type {DataDescription} from '../data/dataset';
import {ModelSession} from '../session/session';
import {describeChoice} from '../session/dataset-choice';

export interface LoadedModel {
  model: LayersModel;
  handle: ModelHandle;
  /** The data the model was trained on, as stored in its metadata (the engine's `OpenModel.data`). */
  data?: DataDescription;
  dataProblem?: Error;
}

class InspectorSession {
  weights?: Promise<WeightStats[]>;
  readonly session: ModelSession;
  readonly predictions: PredictionService;

  constructor(readonly loaded: LoadedModel) {
    this.session = new ModelSession(loaded);
    this.predictions = new PredictionService(this.session);
    // After the requests that opened the session: the first drawing is then answered at full speed.
    setTimeout(() => this.predictions.prepare(), 0);
  }
}

/** Dropped files that have no path (from outside VS Code) are written to a folder of our own, read, and removed. */
async function withDroppedFiles<T>(files: Array<{name: string; base64: string}>, use: (paths: string[]) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keras-workbench-drop-'));
  try {
    const paths = files.map((f, i) => {
      const safe = path.basename(String(f.name)).replace(/[^\w.\- ]/g, '_') || `file-${i}`;
      fs.mkdirSync(path.join(dir, String(i)));
      const target = path.join(dir, String(i), safe);
      fs.writeFileSync(target, Buffer.from(String(f.base64), 'base64'));
      return target;
    });
    return await use(paths);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
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
  connection.onRequest(predictFiles, async (p) => {
    const s = session(p.modelId);
    const run = (paths: string[]) => s.predictions.predictFiles(s.session.readInputs(paths, {key: p.key}), p.topK ?? 3);
    if (p.files?.length) return withDroppedFiles(p.files, run);
    return run(p.paths ?? []);
  });
  connection.onRequest(setDataset, (p) => {
    const s = session(p.modelId);
    const {inputShape, outputShape} = s.loaded.handle;
    const previous = s.session.dataDescription;
    s.session.useData(describeChoice(p.dataset, inputShape, outputShape) ?? s.loaded.data);
    try {
      const set = s.session.testSet();
      return {name: set?.name, count: set?.count ?? 0};
    } catch (e) {
      s.session.useData(previous);
      throw e;
    }
  });
}
