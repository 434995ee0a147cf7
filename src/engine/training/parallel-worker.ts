/**
 * Entry point of one data-parallel training worker (worker_threads): a wasm backend of its own,
 * a replica of the model, and the same optimizer as the main thread. Every worker computes the
 * gradient of its shard, then all of them combine the shards' gradients in the same fixed order
 * and apply the same update, so the replicas stay identical without sending weights around.
 */
import {parentPort} from 'worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../backend';
import {applyGradients} from '../kernels/fused-adam';
import {lossAndMetrics, LossAndMetrics} from './losses';
import type {FromWorker, InitMessage, StepMessage, TensorData, ToWorker} from './parallel-protocol';

interface Replica {
  model: tfl.LayersModel;
  optimizer: tf.Optimizer;
  objective: LossAndMetrics;
  variables: tf.Variable[];
  init: InitMessage;
  combined: Float32Array;
}

let replica: Replica | undefined;

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

function toTensor(t: TensorData): tf.Tensor {
  return tf.tensor(t.data, t.shape, t.dtype);
}

async function toData(name: string, t: tf.Tensor): Promise<TensorData> {
  const data = (await t.data()) as Float32Array | Int32Array;
  return {name, shape: t.shape, dtype: t.dtype === 'int32' ? 'int32' : 'float32', data};
}

function createOptimizer(className: string, config: object): tf.Optimizer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`Training worker: unknown optimizer '${className}'`);
  const [cls, fromConfig] = entry;
  return fromConfig(cls, config as tf.serialization.ConfigDict) as tf.Optimizer;
}

async function init(message: InitMessage): Promise<void> {
  await initBackend('wasm');
  const model = await tfl.models.modelFromJSON({modelTopology: message.modelTopology} as never);
  const weights = message.weights.map(toTensor);
  model.setWeights(weights);
  tf.dispose(weights);
  const optimizer = createOptimizer(message.optimizer.className, message.optimizer.config);
  if (message.optimizer.state.length > 0) {
    const state = message.optimizer.state.map((t) => ({name: t.name, tensor: toTensor(t)}));
    await optimizer.setWeights(state);
    // The optimizer made its own variables; ours would share (and pin) their buffers.
    tf.dispose(state.map((s) => s.tensor));
  }
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  replica = {
    model, optimizer, variables, init: message,
    objective: lossAndMetrics(message.lossName, message.metricNames),
    combined: new Float32Array(message.paramCount),
  };
}

/** Gradient of the shard's mean loss into this worker's slot; returns [loss, ...metrics] means. */
function computeGradients(r: Replica, message: StepMessage): number[] {
  const slot = new Float32Array(r.init.gradients, r.init.index * r.init.paramCount * 4, r.init.paramCount);
  if (message.count === 0) {
    slot.fill(0);
    return [0, ...r.objective.metrics.map(() => 0)];
  }
  const inputShape = (r.model.inputs[0].shape as number[]).slice(1);
  const result = tf.tidy(() => {
    const x = tf.tensor(message.x, [message.count, ...inputShape]);
    const y = tf.tensor(message.y, [message.count, ...r.init.yShape]);
    let prediction: tf.Tensor | undefined;
    const {value, grads} = tf.variableGrads(() => {
      prediction = tf.keep(r.model.apply(x, {training: true}) as tf.Tensor);
      return r.objective.loss(y, prediction) as tf.Scalar;
    }, r.variables);
    let offset = 0;
    for (const v of r.variables) {
      const g = grads[v.name].dataSync() as Float32Array;
      slot.set(g, offset);
      offset += g.length;
    }
    const metrics = r.objective.metrics.map((m) => tf.mean(m.fn(y, prediction!)));
    const out = tf.stack([value, ...metrics]);
    prediction!.dispose();
    return out;
  });
  const values = Array.from(result.dataSync());
  result.dispose();
  return values;
}

/** Weighted sum of every slot in slot order (identical in every worker), then the optimizer step. */
function applyCombined(r: Replica, shardWeights: number[]): void {
  const {paramCount, gradients} = r.init;
  const combined = r.combined;
  combined.fill(0);
  shardWeights.forEach((w, s) => {
    if (w === 0) return;
    const slot = new Float32Array(gradients, s * paramCount * 4, paramCount);
    const wf = Math.fround(w);
    for (let i = 0; i < paramCount; i++) combined[i] += wf * slot[i];
  });
  tf.tidy(() => {
    const named: tf.NamedTensorMap = {};
    let offset = 0;
    for (const v of r.variables) {
      named[v.name] = tf.tensor(combined.subarray(offset, offset + v.size), v.shape);
      offset += v.size;
    }
    applyGradients(r.optimizer, r.variables, named);
  });
}

async function state(r: Replica): Promise<FromWorker> {
  const weights = await Promise.all(r.model.getWeights().map((t, i) => toData(String(i), t)));
  const optimizerWeights = await r.optimizer.getWeights();
  const optimizer = await Promise.all(optimizerWeights.map((w) => toData(w.name, w.tensor)));
  return {type: 'state', weights, optimizer, variableNames: r.variables.map((v) => v.name)};
}

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'init') {
    await init(message);
    post({type: 'ready'});
    return;
  }
  if (message.type === 'dispose') {
    replica?.model.dispose();
    replica?.optimizer.dispose();
    process.exit(0);
  }
  const r = replica;
  if (!r) throw new Error('Training worker: not initialised');
  switch (message.type) {
    case 'step':
      post({type: 'gradients', values: computeGradients(r, message)});
      break;
    case 'apply':
      applyCombined(r, message.shardWeights);
      post({type: 'applied'});
      break;
    case 'state': {
      post(await state(r));
      break;
    }
  }
}

// Messages are handled strictly one after another.
let queue = Promise.resolve();
parentPort!.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message)).catch((e: Error) => {
    post({type: 'error', message: e.message, stack: e.stack});
  });
});
