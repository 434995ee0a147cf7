/**
 * Data-parallel training for the wasm backend (whose kernels run on one thread each): the
 * main thread's model is replica 0 and n-1 worker_threads hold replicas 1..n-1. Every batch is
 * split into equal shards; each replica computes its shard's gradient into a SharedArrayBuffer
 * slot, then every replica sums the slots in slot order with weights count/total and applies
 * the same optimizer update. The sum is the gradient of the whole batch's mean loss, so a step
 * equals a single-thread step up to float rounding, and it is deterministic for a given thread
 * count. The main thread's model and optimizer are always current (sync() has nothing to do),
 * and one replica fewer means one wasm heap fewer.
 *
 * The replicas must not be changed from outside between steps (set weights through a new stepper).
 */
import * as fs from 'fs';
import * as path from 'path';
import {Worker} from 'worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {LossAndMetrics} from './losses';
import type {Batch, TrainStepper} from './stepper';
import type {FromWorker, TensorData, ToWorker} from './parallel-protocol';
import {applyCombinedGradients, computeShardGradients, Replica, trainableVariables} from './parallel-replica';

/** The worker entry: bundled next to the caller in dist/, or the TypeScript source under tsx. */
export function trainWorkerPath(): string {
  const candidates = [
    process.env.KERAS_WORKBENCH_TRAIN_WORKER,
    path.join(__dirname, 'train-worker.js'),
    path.join(__dirname, 'parallel-worker.ts'),
    path.join(__dirname, 'parallel-worker.js'),
  ];
  for (const file of candidates) if (file && fs.existsSync(file)) return file;
  throw new Error(`Training worker script not found (looked for ${candidates.filter(Boolean).join(', ')})`);
}

function spawnWorker(file: string): Worker {
  if (!file.endsWith('.ts')) return new Worker(file);
  // From the sources (tests, benchmarks) the worker loads TypeScript through tsx's require hook.
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, {eval: true});
}

class WorkerChannel {
  private pending: Array<{resolve: (m: FromWorker) => void; reject: (e: Error) => void}> = [];
  private failure: Error | undefined;

  constructor(readonly worker: Worker) {
    worker.on('message', (m: FromWorker) => {
      const waiter = this.pending.shift();
      if (!waiter) return;
      if (m.type === 'error') waiter.reject(new Error(`Training worker failed: ${m.message}`));
      else waiter.resolve(m);
    });
    const fail = (e: Error) => {
      this.failure = e;
      for (const w of this.pending.splice(0)) w.reject(e);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`Training worker exited (code ${code})`)));
  }

  /** Sends a message and resolves with the worker's reply (workers answer in order). */
  request(message: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({resolve, reject});
      this.worker.postMessage(message);
    });
  }
}

/**
 * Tensor values for the workers, float32 ones as views of one SharedArrayBuffer: posting them to
 * every worker then shares the memory instead of cloning 64 MB of weights per worker.
 */
async function sharedTensorData(named: Array<{name: string; tensor: tf.Tensor}>): Promise<TensorData[]> {
  const floats = named.filter((n) => n.tensor.dtype === 'float32').reduce((s, n) => s + n.tensor.size, 0);
  const shared = new SharedArrayBuffer(floats * 4);
  let offset = 0;
  const out: TensorData[] = [];
  for (const {name, tensor} of named) {
    const values = await tensor.data();
    if (tensor.dtype === 'float32') {
      const view = new Float32Array(shared, offset * 4, tensor.size);
      view.set(values as Float32Array);
      offset += tensor.size;
      out.push({name, shape: tensor.shape, dtype: 'float32', data: view});
    } else {
      out.push({name, shape: tensor.shape, dtype: 'int32', data: Int32Array.from(values as Int32Array)});
    }
  }
  return out;
}

export class ParallelStepper implements TrainStepper {
  private channels: WorkerChannel[] = [];
  private starting: Promise<void> | undefined;
  private replica: Replica | undefined;
  private steps = 0;

  constructor(
    private readonly model: LayersModel,
    private readonly objective: LossAndMetrics,
    private readonly yShape: number[],
    private readonly threads: number,
  ) {
    if (threads < 2) throw new Error('ParallelStepper needs at least 2 threads');
  }

  private async start(): Promise<void> {
    const model = this.model;
    const optimizer = model.optimizer;
    const variables = trainableVariables(model);
    const paramCount = variables.reduce((n, v) => n + v.size, 0);
    const gradients = new SharedArrayBuffer(paramCount * 4 * this.threads);
    const stamps = new SharedArrayBuffer(4 * this.threads);
    this.replica = {
      model, optimizer, objective: this.objective, variables, yShape: this.yShape, gradients, paramCount,
      stamps: new Int32Array(stamps),
    };
    const modelTopology = model.toJSON(null, false) as object;
    const weights = await sharedTensorData(model.getWeights().map((tensor, i) => ({name: String(i), tensor})));
    const optimizerState = await optimizer.getWeights();
    // An optimizer that has not stepped yet has only its iteration count: the replicas start fresh too.
    const state = optimizerState.length > 1 ? await sharedTensorData(optimizerState) : [];
    for (const w of optimizerState) if (w.name === 'iter') w.tensor.dispose();
    const file = trainWorkerPath();
    this.channels = Array.from({length: this.threads - 1}, () => new WorkerChannel(spawnWorker(file)));
    await Promise.all(this.channels.map((c, i) => c.request({
      type: 'init', modelTopology, weights,
      optimizer: {className: optimizer.getClassName(), config: optimizer.getConfig(), state},
      lossName: this.objective.lossName, metricNames: this.objective.metrics.map((m) => m.name),
      yShape: this.yShape, gradients, stamps, paramCount, index: i + 1, workers: this.threads,
    })));
  }

  async step(batch: Batch): Promise<number[]> {
    if (batch.count <= 0) throw new Error('ParallelStepper: empty batch');
    this.starting ??= this.start();
    await this.starting;
    const replica = this.replica!;
    const n = this.threads;
    const xPer = batch.x.length / batch.count;
    const yPer = batch.y.length / batch.count;
    const counts = Array.from({length: n}, (_, s) => Math.floor(batch.count / n) + (s < batch.count % n ? 1 : 0));
    const starts = counts.map((_, s) => counts.slice(0, s).reduce((p, q) => p + q, 0));
    const shard = (s: number) => ({
      x: batch.x.slice(starts[s] * xPer, (starts[s] + counts[s]) * xPer),
      y: batch.y.slice(starts[s] * yPer, (starts[s] + counts[s]) * yPer),
    });
    // Workers take shards 1..n-1 while this thread computes shard 0.
    const step = ++this.steps;
    const pending = this.channels.map((c, i) => c.request({type: 'step', step, count: counts[i + 1], ...shard(i + 1)}));
    const own = shard(0);
    const values = [computeShardGradients(replica, 0, step, own.x, own.y, counts[0])];
    for (const reply of await Promise.all(pending)) {
      if (reply.type !== 'gradients') throw new Error(`Training worker: unexpected reply ${reply.type}`);
      values.push(reply.values);
    }
    const shardWeights = counts.map((c) => c / batch.count);
    const applied = this.channels.map((c) => c.request({type: 'apply', step, shardWeights}));
    applyCombinedGradients(replica, step, shardWeights);
    await Promise.all(applied);
    // Batch means of loss and metrics: shard means weighted by shard size, in shard order.
    const out: number[] = [];
    values.forEach((v, s) => v.forEach((x, i) => { out[i] = (out[i] ?? 0) + x * shardWeights[s]; }));
    return out;
  }

  async sync(): Promise<void> {
    // This thread's model is replica 0: its weights and optimizer are always current.
  }

  async dispose(): Promise<void> {
    const channels = this.channels;
    this.channels = [];
    await Promise.all(channels.map((c) => c.worker.terminate()));
  }
}
