/** Loading a saved model together with what the tool knows about it (format, history, dataset). */
import {randomUUID} from 'crypto';
import * as path from 'path';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {loadModel as loadFile} from '../formats';
import type {LoadOptions} from '../formats/artifacts';
import {loadCustomObjectsModule} from '../keras/custom-objects';
import {summarize} from './summary';
import {nonFiniteWeightWarnings} from './weight-check';
import type {DataDescription} from './data/dataset';
import {confinedDataDescription, workbenchMetadata} from './session/data-location';
import type {ModelHandle} from '../protocol/messages';
import {readFailure} from '../common/errors';

/**
 * A model loaded by the engine: the one value the CLI, the worker's model store and the
 * inspector hold. Its handle (with the id the extension and the webview name it by) is what
 * leaves the worker; the tensors stay.
 */
export interface LoadedModel {
  model: LayersModel;
  handle: ModelHandle;
  /** The model's dataset with every stored path resolved and confined (see session/data-location.ts). */
  data?: DataDescription;
  /** Why the recorded dataset cannot be used (a refused or missing stored location); the model still loads. */
  dataProblem?: Error;
}

export interface OpenOptions extends LoadOptions {
  /** JS module exporting custom layer classes (loaded with require: trusted code only). */
  customObjectsModule?: string;
  /** Workspace folder(s) the model's stored data may live in besides the model's own folder (the CLI: the current directory). */
  workspaceRoots?: string[];
}

export async function openModel(target: string, options: OpenOptions = {}): Promise<LoadedModel> {
  const customObjects = options.customObjectsModule ? loadCustomObjectsModule(options.customObjectsModule) : options.customObjects;
  const {model, artifacts, format} = await loadFile(target, {...options, customObjects});
  const roots = options.workspaceRoots ?? [];
  let data: DataDescription | undefined;
  let dataProblem: Error | undefined;
  try {
    const meta = workbenchMetadata(artifacts.userDefinedMetadata ?? model.getUserDefinedMetadata(), path.resolve(target));
    data = meta && confinedDataDescription(meta, path.resolve(target), roots);
  } catch (e) {
    dataProblem = readFailure(path.resolve(target), e, 'its recorded dataset cannot be used', 'data');
  }
  const shape = (s: unknown) => ((s as (number | null)[]).slice(1) as number[]);
  const handle: ModelHandle = {
    // Unique across worker restarts: an id the extension kept from a worker that is gone names no other model.
    modelId: randomUUID(),
    path: path.resolve(target),
    format,
    kerasVersion: artifacts.kerasVersion,
    summary: summarize(model),
    compiled: model.optimizer != null,
    trainingConfig: artifacts.trainingConfig,
    history: artifacts.history as ModelHandle['history'],
    inputShape: shape(model.inputs[0].shape),
    outputShape: shape(model.outputs[0].shape),
    dataset: data ? ('dataset' in data.data ? data.data.dataset : 'files') : undefined,
    ...(dataProblem ? {datasetProblem: dataProblem.message} : {}),
  };
  const warnings = nonFiniteWeightWarnings(model, path.resolve(target));
  if (warnings.length) handle.warnings = warnings;
  return {model, handle, data, dataProblem};
}
