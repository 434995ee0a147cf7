/** Messages between the ParallelStepper (main thread, replica 0) and its training workers (replicas 1..n-1). */

export interface TensorData {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

export interface InitMessage {
  type: 'init';
  /** `model.toJSON(null, false)`: the replica's architecture. */
  modelTopology: object;
  /** `model.getWeights()` in order. */
  weights: TensorData[];
  optimizer: {className: string; config: object; state: TensorData[]};
  lossName: string;
  metricNames: string[];
  yShape: number[];
  /** One slot of `paramCount` floats per worker, where each writes its shard's gradient. */
  gradients: SharedArrayBuffer;
  /** Int32 per slot: the step whose gradient the slot holds (written with Atomics after the slot). */
  stamps: SharedArrayBuffer;
  paramCount: number;
  index: number;
  workers: number;
}

export interface StepMessage {
  type: 'step';
  step: number;
  x: Float32Array;
  y: Float32Array;
  count: number;
}

/** Combine every worker's gradient slot with these weights, in slot order, and apply it. */
export interface ApplyMessage {
  type: 'apply';
  step: number;
  shardWeights: number[];
}

export type ToWorker = InitMessage | StepMessage | ApplyMessage | {type: 'dispose'};

export type FromWorker =
  | {type: 'ready'}
  | {type: 'gradients'; values: number[]}
  | {type: 'applied'}
  | {type: 'error'; message: string; stack?: string};
