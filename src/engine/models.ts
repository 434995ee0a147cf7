/** Loading a saved model together with what the tool knows about it (format, history, dataset). */
import * as path from 'path';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import {loadModel as loadFile, LoadOptions} from '../formats';
import {loadCustomObjectsModule} from '../formats/custom-objects';
import {summarize} from './summary';
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
}

export async function openModel(target: string, options: OpenOptions = {}): Promise<OpenModel> {
  const customObjects = options.customObjectsModule ? loadCustomObjectsModule(options.customObjectsModule) : options.customObjects;
  const {model, artifacts, format} = await loadFile(target, {...options, customObjects});
  const data = modelDataDescription(model);
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
  return {model, handle, data};
}

/** The dataset a model was trained on, as recorded in its metadata (or given explicitly). */
export function datasetFor(open: OpenModel, split: 'train' | 'test' | 'both', workspaceRoot?: string): Dataset {
  if (!open.data) {
    throw new Error(`${open.handle.path}: the model does not record its dataset (it was not trained by Keras Workbench); pass a training spec with --spec to name the data`);
  }
  return loadDataset({...open.data, workspaceRoot: workspaceRoot ?? open.data.workspaceRoot}, {split});
}
