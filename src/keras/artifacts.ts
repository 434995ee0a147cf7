/**
 * A Keras model in memory, independent of any file format: TensorFlow.js's own
 * `io.ModelArtifacts` (Keras model config as `modelTopology`, weights as specs + one buffer,
 * `trainingConfig` for `compile`), plus what Keras files carry beside it.
 */
import type {io} from '@tensorflow/tfjs-core';

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
