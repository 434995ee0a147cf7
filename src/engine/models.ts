/** Loading a saved model together with what the tool knows about it (format, history, dataset). */
import * as fs from 'fs';
import * as path from 'path';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {loadModel as loadFile, LoadOptions} from '../formats';
import {loadCustomObjectsModule} from '../formats/custom-objects';
import {summarize} from './summary';
import {nonFiniteWeightWarnings} from './weight-check';
import {DataDescription, Dataset, loadDataset} from './data/dataset';
import {modelDataDescription} from './training/trainer';
import type {ModelHandle} from '../protocol/messages';

export interface OpenModel {
  model: LayersModel;
  handle: ModelHandle;
  data?: DataDescription;
}

let nextId = 1;

export interface OpenOptions extends LoadOptions {
  /** JS module exporting custom layer classes (loaded with require: trusted code only). */
  customObjectsModule?: string;
  /** The workspace (the CLI: the current directory): a dataset location stored in the model may point inside it. */
  workspaceRoot?: string;
}

export async function openModel(target: string, options: OpenOptions = {}): Promise<OpenModel> {
  const customObjects = options.customObjectsModule ? loadCustomObjectsModule(options.customObjectsModule) : options.customObjects;
  const {model, artifacts, format} = await loadFile(target, {...options, customObjects});
  const stored = modelDataDescription(model);
  // The stored dataset location is untrusted input (anyone can write a model file): it is never
  // followed outside the model's folder or the workspace.
  const modelFolder = fs.statSync(target).isDirectory() ? path.resolve(target) : path.dirname(path.resolve(target));
  const usable = stored && stored.data !== null && typeof stored.data === 'object' && !Array.isArray(stored.data);
  const data = usable ? {
    ...stored,
    origin: path.resolve(target),
    ...(options.workspaceRoot ? {workspaceRoot: options.workspaceRoot} : {}),
    confineTo: {roots: [modelFolder, options.workspaceRoot ?? process.cwd()], why: "the model's folder and the workspace (a data location stored in a model file)"},
  } : undefined;
  const shape = (s: unknown) => ((s as (number | null)[]).slice(1) as number[]);
  const handle: ModelHandle = {
    modelId: `model-${nextId++}`,
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
  };
  const warnings = nonFiniteWeightWarnings(model, path.resolve(target));
  if (warnings.length) handle.warnings = warnings;
  return {model, handle, data};
}

/** The dataset a model was trained on, as recorded in its metadata (or given explicitly). */
export function datasetFor(open: OpenModel, split: 'train' | 'test' | 'both', workspaceRoot?: string): Dataset {
  if (!open.data) {
    throw new Error(`${open.handle.path}: the model does not record its dataset (it was not trained by Keras Workbench); pass a training spec with --spec to name the data`);
  }
  return loadDataset({...open.data, workspaceRoot: workspaceRoot ?? open.data.workspaceRoot}, {split});
}
