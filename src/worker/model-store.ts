/**
 * The models loaded in this worker, by the id the engine gave them. The extension host and the
 * inspector only ever hold a `ModelHandle` (summary and metadata); the tensors stay here.
 */
import type {LoadedModel} from '../engine/models';

export class ModelStore extends Map<string, LoadedModel> {
  /** Keeps a loaded model under its handle's id and returns it. */
  add(loaded: LoadedModel): LoadedModel {
    this.set(loaded.handle.modelId, loaded);
    return loaded;
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
