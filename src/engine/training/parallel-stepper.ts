/**
 * Data-parallel training across worker_threads, for the wasm backend (whose kernels run on one
 * thread each). Every batch is split into equal shards, one per worker; each worker computes its
 * shard's gradient into a SharedArrayBuffer slot, then every worker sums the slots in slot order
 * with weights count/total and applies the same optimizer update to its replica. The sum is the
 * gradient of the whole batch's mean loss, so a step equals a single-thread step up to float
 * rounding, and it is deterministic for a given thread count.
 *
 * The main-thread model is only brought up to date by sync() (weights and optimizer state,
 * from worker 0), so call it before evaluating, saving or reading the weights.
 */
import * as fs from 'fs';
import * as path from 'path';
import {Worker} from 'worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {LossAndMetrics} from './losses';
import type {Batch, TrainStepper} from './stepper';
import type {FromWorker, TensorData, ToWorker} from './parallel-protocol';

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

async function tensorData(name: string, t: tf.Tensor): Promise<TensorData> {
  const data = (await t.data()) as Float32Array | Int32Array;
  return {name, shape: t.shape, dtype: t.dtype === 'int32' ? 'int32' : 'float32', data};
}

export class ParallelStepper implements TrainStepper {
  private channels: WorkerChannel[] = [];
  private starting: Promise<void> | undefined;
  private stepped = false;

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
    const modelTopology = model.toJSON(null, false) as object;
    const weights = await Promise.all(model.getWeights().map((t, i) => tensorData(String(i), t)));
    const optimizerState = await optimizer.getWeights();
    // An optimizer that has not stepped yet has only its iteration count: start fresh.
    const state = optimizerState.length > 1
      ? await Promise.all(optimizerState.map((w) => tensorData(w.name, w.tensor)))
      : [];
    const paramCount = model.trainableWeights.reduce((n, w) => n + w.shape.reduce((p: number, q) => p * (q ?? 1), 1), 0);
    const gradients = new SharedArrayBuffer(paramCount * 4 * this.threads);
    const file = trainWorkerPath();
    this.channels = Array.from({length: this.threads}, () => new WorkerChannel(spawnWorker(file)));
    await Promise.all(this.channels.map((c, index) => c.request({
      type: 'init', modelTopology, weights,
      optimizer: {className: optimizer.getClassName(), config: optimizer.getConfig(), state},
      lossName: this.objective.lossName, metricNames: this.objective.metrics.map((m) => m.name),
      yShape: this.yShape, gradients, paramCount, index, workers: this.threads,
    })));
  }

  async step(batch: Batch): Promise<number[]> {
    this.starting ??= this.start();
    await this.starting;
    const n = this.channels.length;
    const xPer = batch.x.length / batch.count;
    const yPer = batch.y.length / batch.count;
    const counts = Array.from({length: n}, (_, s) => Math.floor(batch.count / n) + (s < batch.count % n ? 1 : 0));
    const replies = await Promise.all(this.channels.map((c, s) => {
      const start = counts.slice(0, s).reduce((p, q) => p + q, 0);
      return c.request({
        type: 'step', count: counts[s],
        x: batch.x.slice(start * xPer, (start + counts[s]) * xPer),
        y: batch.y.slice(start * yPer, (start + counts[s]) * yPer),
      });
    }));
    const shardWeights = counts.map((c) => c / batch.count);
    await Promise.all(this.channels.map((c) => c.request({type: 'apply', shardWeights})));
    this.stepped = true;
    // Batch means of loss and metrics: shard means weighted by shard size, in shard order.
    const out: number[] = [];
    replies.forEach((r, s) => {
      if (r.type !== 'gradients') throw new Error(`Training worker: unexpected reply ${r.type}`);
      r.values.forEach((v, i) => { out[i] = (out[i] ?? 0) + v * shardWeights[s]; });
    });
    return out;
  }

  async sync(): Promise<void> {
    if (!this.stepped || this.channels.length === 0) return;
    const reply = await this.channels[0].request({type: 'state'});
    if (reply.type !== 'state') throw new Error(`Training worker: unexpected reply ${reply.type}`);
    const weights = reply.weights.map((t) => tf.tensor(t.data, t.shape, t.dtype));
    this.model.setWeights(weights);
    tf.dispose(weights);
    // Optimizer slots are named after the worker's variables; rename them after ours.
    const ours = this.model.trainableWeights.map((w) => (w.read() as tf.Variable).name);
    const rename = (name: string) => {
      const j = reply.variableNames.findIndex((v) => name.startsWith(`${v}/`));
      return j < 0 ? name : ours[j] + name.slice(reply.variableNames[j].length);
    };
    const optimizer = this.model.optimizer;
    const previous = await optimizer.getWeights();
    const incoming = reply.optimizer.map((t) => ({name: rename(t.name), tensor: tf.tensor(t.data, t.shape, t.dtype)}));
    await optimizer.setWeights(incoming);
    // The optimizer keeps its own variables: free our copies and the slots it replaced.
    const current = await optimizer.getWeights();
    const kept = new Set(current.map((w) => w.tensor));
    for (const w of previous) if (!kept.has(w.tensor)) w.tensor.dispose();
    for (const w of incoming) w.tensor.dispose();
    for (const w of current) if (w.name === 'iter') w.tensor.dispose();
  }

  async dispose(): Promise<void> {
    const channels = this.channels;
    this.channels = [];
    await Promise.all(channels.map((c) => c.worker.terminate()));
  }
}
