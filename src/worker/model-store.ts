/**
 * The models loaded in this worker, by id. The extension host and the inspector only ever
 * hold a `ModelHandle` (summary and metadata); the tensors stay here.
 */
import {randomUUID} from 'crypto';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {ModelHandle} from '../protocol/messages';

export interface LoadedModel {
  model: LayersModel;
  handle: ModelHandle;
}

export class ModelStore {
  private readonly models = new Map<string, LoadedModel>();

  /** Registers a model under a fresh id and returns its handle. */
  add(model: LayersModel, handle: Omit<ModelHandle, 'modelId'> & {modelId?: string}): ModelHandle {
    const full: ModelHandle = {...handle, modelId: randomUUID()};
    this.models.set(full.modelId, {model, handle: full});
    return full;
  }

  /** The loaded model, or an error that says the id is unknown (disposed, or the worker restarted). */
  get(modelId: string): LoadedModel {
    const entry = this.models.get(modelId);
    if (!entry) throw new Error(`No loaded model with id ${modelId}: it was disposed or the worker restarted; load the model again.`);
    return entry;
  }

  dispose(modelId: string): void {
    const entry = this.models.get(modelId);
    if (!entry) return;
    this.models.delete(modelId);
    entry.model.dispose();
  }

  get size(): number {
    return this.models.size;
  }
}
