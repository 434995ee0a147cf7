/**
 * The in-memory form every file format reads into and writes from: TensorFlow.js's own
 * `io.ModelArtifacts` (Keras model config as `modelTopology`, weights as specs + one buffer,
 * `trainingConfig` for `compile`), plus what Keras files carry beside it.
 */
import type {io} from '@tensorflow/tfjs-core';

export type SaveFormat = 'tfjs' | 'h5' | 'keras';

export interface EpochRecord {
  epoch: number;
  [metric: string]: number;
}

export interface KerasArtifacts extends io.ModelArtifacts {
  /** Optimizer weights are part of `weightSpecs` with `group: 'optimizer'` (TensorFlow.js convention). */
  /** Keras version that wrote the file, e.g. "2.11.0" or "tfjs-layers 4.22.0". */
  kerasVersion?: string;
  /** Training history (per epoch metrics), when the saver stored it. */
  history?: EpochRecord[];
  /** What a reader could not carry over (e.g. optimizer state it could not map); the model still loads. */
  warnings?: string[];
}

export interface SaveOptions {
  /** Replace an existing model at the path (Keras `overwrite`). Default true. */
  overwrite?: boolean;
  /** Store optimizer state so that training resumes exactly (Keras `include_optimizer`). Default true. */
  includeOptimizer?: boolean;
  /** Target format; inferred from the path's extension when absent (Keras `save_format`). */
  saveFormat?: SaveFormat;
  /** The target must stay inside this folder, by real path (see save-target.ts). */
  workspaceRoot?: string;
  /** Paths the save must neither replace nor delete (the spec, its data). */
  protectedPaths?: string[];
  /** Further files written into a TensorFlow.js model folder within the same atomic save (a checkpoint's trainer state). */
  extraFiles?: Record<string, string>;
  /** 'save' (default) or 'checkpoint': names the fault-injection steps (KERAS_WORKBENCH_FAULT_STEP). */
  label?: string;
  /** Told what the written file will not do elsewhere (e.g. layers stock TensorFlow.js cannot load). */
  onWarning?: (message: string) => void;
}

export interface LoadOptions {
  /** Restore the training configuration (optimizer, loss, metrics) when the file has one. Default true. */
  compile?: boolean;
  /** Custom layer classes by name (Keras `custom_objects`). */
  customObjects?: Record<string, unknown>;
}

/** A reader/writer for one file format. Every function names the file in its errors. */
export interface FormatModule {
  readonly format: SaveFormat | 'savedmodel' | 'h5-weights';
  /** Whether the path holds this format (sniffing content, not trusting the extension). */
  detect(path: string): Promise<boolean>;
  read(path: string): Promise<KerasArtifacts>;
  write?(path: string, artifacts: KerasArtifacts): Promise<void>;
}
