/**
 * What the inspector asks of one loaded model, computed here: weight statistics (once, shared by
 * every panel asking), layer details, predictions and evaluation (the model session's, formatted
 * by the prediction service) and the dataset in use. Transport-free: the worker's inspector
 * handlers answer the webview's requests with it.
 */
import type {DatasetChoice, DatasetInfo, LayerDetails, WeightStats} from '../../protocol/messages';
import type {LoadedModel} from '../models';
import {ModelSession} from '../session/session';
import {describeChoice} from '../session/dataset-choice';
import {computeWeightStats} from './weights';
import {layerDetails} from './layer-details';
import {PredictionService} from './predictions';

export class Inspector {
  readonly session: ModelSession;
  readonly predictions: PredictionService;
  private weights?: Promise<WeightStats[]>;

  constructor(readonly loaded: LoadedModel) {
    this.session = new ModelSession(loaded);
    this.predictions = new PredictionService(this.session);
    // After the requests that opened the inspector: the first drawing is then answered at full speed.
    setTimeout(() => this.predictions.prepare(), 0);
  }

  weightStats(): Promise<WeightStats[]> {
    // The promise, not only its result, is kept: two panels asking at once compute once.
    this.weights ??= computeWeightStats(this.loaded.model);
    return this.weights;
  }

  layer(name: string): LayerDetails {
    return layerDetails(this.loaded.model, name);
  }

  /** Gives the model the chosen test data (none: what it records); a choice that cannot be read leaves the previous one. */
  useDataset(choice: DatasetChoice): DatasetInfo {
    const {inputShape, outputShape} = this.loaded.handle;
    const previous = this.session.dataDescription;
    this.session.useData(describeChoice(choice, inputShape, outputShape) ?? this.loaded.data);
    try {
      const set = this.session.testSet();
      return {name: set?.name, count: set?.count ?? 0};
    } catch (e) {
      this.session.useData(previous);
      throw e;
    }
  }

  /** The user's files (paths; an .npz's array by `key`) predicted with the model's preprocessing. */
  predictFiles(paths: string[], key: string | undefined, topK: number) {
    return this.predictions.predictFiles(this.session.readInputs(paths, {key}), topK);
  }
}
