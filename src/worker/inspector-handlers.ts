/**
 * The inspector's requests (weights, layers, predictions, evaluation, test data), registered like
 * every other handler group so that a failure reaches the webview as its one line. The computing
 * is the engine's (`Inspector`); here only the model lookup and the dropped files' transport.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type {MessageConnection} from 'vscode-jsonrpc';
import type {LoadedModel} from '../engine/models';
import {Inspector} from '../engine/inspect/inspector';
import * as msg from '../protocol/messages';
import type {ModelStore} from './model-store';
import {HandlerSet, handle} from './handler-set';

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

/** Keyed by the loaded model, so a model loaded again (a new id) starts a fresh inspector. */
const inspectors = new WeakMap<LoadedModel, Inspector>();

/** The one Inspector (and so the one model session) of a loaded model, shared by every handler group. */
export function inspectorOf(loaded: LoadedModel): Inspector {
  let found = inspectors.get(loaded);
  if (!found) inspectors.set(loaded, (found = new Inspector(loaded)));
  return found;
}

export const registerInspectorHandlers: HandlerSet = (connection: MessageConnection, models: ModelStore) => {
  const inspector = (modelId: string): Inspector => inspectorOf(models.require(modelId));
  const progress = (modelId: string) => (done: number, total: number) =>
    void connection.sendNotification(msg.evaluateProgress, {modelId, done, total});

  handle(connection, msg.weightStats, async ({modelId}) => inspector(modelId).weightStats());
  handle(connection, msg.layerConfig, async ({modelId, layer}) => inspector(modelId).layer(layer));
  handle(connection, msg.predictSample, async ({modelId, index, topK}) => {
    const [prediction] = await inspector(modelId).predictions.predictIndices([index], topK ?? 3);
    return prediction!;
  });
  handle(connection, msg.samplePage, async ({modelId, offset, count, onlyMisclassified, topK}) =>
    inspector(modelId).predictions.samplePage(offset, count, onlyMisclassified, topK ?? 3, progress(modelId)));
  handle(connection, msg.predictPixels, async ({modelId, pixels, topK}) => inspector(modelId).predictions.predictValues(pixels, topK ?? 3));
  handle(connection, msg.evaluate, async ({modelId, limit}) => inspector(modelId).predictions.evaluate(limit, progress(modelId)));
  handle(connection, msg.predictFiles, async ({modelId, paths, files, key, topK}) => {
    const run = (from: string[]) => inspector(modelId).predictFiles(from, key, topK ?? 3);
    return files?.length ? withDroppedFiles(files, run) : run(paths ?? []);
  });
  handle(connection, msg.setDataset, async ({modelId, dataset}) => inspector(modelId).useDataset(dataset));
};
