/**
 * The models loaded in this worker, by id. The extension host and the inspector only ever
 * hold a `ModelHandle` (summary and metadata); the tensors stay here. It is a plain Map from
 * model id to the engine's loaded model, so handler groups can take it as one.
 */
import {randomUUID} from 'crypto';
import type {OpenModel} from '../engine/models';

export type LoadedModel = OpenModel;

export class ModelStore extends Map<string, LoadedModel> {
  /** Registers a model under a fresh id (unique across worker restarts) and returns it. */
  add(open: LoadedModel): LoadedModel {
    const entry = {...open, handle: {...open.handle, modelId: randomUUID()}};
    this.set(entry.handle.modelId, entry);
    return entry;
  }

  /** The loaded model, or an error that says the id is unknown (disposed, or the worker restarted). */
  require(modelId: string): LoadedModel {
    const entry = this.get(modelId);
    if (!entry) throw new Error(`No loaded model with id ${modelId}: it was disposed or the worker restarted; load the model again.`);
    return entry;
  }

  /** Forgets a model and frees its tensors. */
  release(modelId: string): void {
    const entry = this.get(modelId);
    if (!entry) return;
    this.delete(modelId);
    entry.model.dispose();
  }
}
