/**
 * How file formats read and write a Keras model (`KerasArtifacts`, src/keras/artifacts.ts): save
 * and load options and the interface every format module implements.
 */
import type {FormatId, SaveFormat} from './table';

export type {SaveFormat} from './table';

export type {EpochRecord, KerasArtifacts} from '../keras/artifacts';
import type {KerasArtifacts} from '../keras/artifacts';

export interface SaveOptions {
  /** Replace an existing model at the path (Keras `overwrite`). Default true. */
  overwrite?: boolean;
  /** Store optimizer state so that training resumes exactly (Keras `include_optimizer`). Default true. */
  includeOptimizer?: boolean;
  /** Target format; inferred from the path's extension when absent (Keras `save_format`). */
  saveFormat?: SaveFormat;
  /** Told what the written file keeps for some tools only (e.g. layers stock TensorFlow.js cannot load). */
  onWarning?: (message: string) => void;
  /** Written for Keras Workbench to read back only (checkpoints): TF.js folders keep the form we read, not stock TF.js's. */
  ownUseOnly?: boolean;
  /** The target must stay inside this folder, by real path (see save-target.ts). */
  workspaceRoot?: string;
  /** Paths the save must neither replace nor delete (the spec, its data). */
  protectedPaths?: string[];
  /** Further files written into a TensorFlow.js model folder within the same atomic save (a checkpoint's trainer state). */
  extraFiles?: Record<string, string>;
  /** 'save' (default) or 'checkpoint': names the fault-injection steps (KERAS_WORKBENCH_FAULT_STEP). */
  label?: string;
}

export interface LoadOptions {
  /** Restore the training configuration (optimizer, loss, metrics) when the file has one. Default true. */
  compile?: boolean;
  /** Custom layer classes by name (Keras `custom_objects`). */
  customObjects?: Record<string, unknown>;
  /** A weights-only file loaded onto the target's topology (Keras `load_weights`): see readWithWeights. */
  weights?: string;
}

/** A reader/writer for one file format. Every function names the file in its errors. */
export interface FormatModule {
  /** Its id in the format table; 'h5-weights' is a JSON topology read with a weights-only HDF5, 'keras3-weights' a sharded Keras 3 weights map (neither is a model on its own). */
  readonly format: FormatId | 'h5-weights' | 'keras3-weights';
  /** Whether the path holds this format (sniffing content, not trusting the extension). */
  detect(path: string): Promise<boolean>;
  read(path: string): Promise<KerasArtifacts>;
  write?(path: string, artifacts: KerasArtifacts, options?: SaveOptions): Promise<void>;
}
