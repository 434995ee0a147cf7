/**
 * Entry point of one data-parallel training worker (worker_threads): a wasm backend of its own,
 * a replica of the model and of the optimizer. See parallel-replica.ts for the step itself.
 */
import {parentPort} from 'worker_threads';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../backend';
import {lossAndMetrics} from './losses';
import {applyCombinedGradients, computeShardGradients, Replica, trainableVariables} from './parallel-replica';
import type {FromWorker, InitMessage, TensorData, ToWorker} from './parallel-protocol';
// Registers Adamax with saveable state under 'Adamax', as the main thread has it.
import '../../keras/stateful-adamax';

let replica: (Replica & {index: number}) | undefined;

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

function toTensor(t: TensorData): tf.Tensor {
  return tf.tensor(t.data, t.shape, t.dtype);
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
    // The optimizer made its own variables from these.
    tf.dispose(state.map((s) => s.tensor));
  }
  replica = {
    model, optimizer, variables: trainableVariables(model), yShape: message.yShape,
    objective: lossAndMetrics(message.lossName, message.metricNames),
    gradients: message.gradients, stamps: new Int32Array(message.stamps), paramCount: message.paramCount,
    index: message.index,
  };
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
      post({type: 'gradients', values: computeShardGradients(r, r.index, message.step, message.x, message.y, message.count)});
      break;
    case 'apply':
      applyCombinedGradients(r, message.step, message.shardWeights);
      post({type: 'applied'});
      break;
  }
}

// Messages are handled strictly one after another.
let queue = Promise.resolve();
parentPort!.on('message', (message: ToWorker) => {
  queue = queue.then(() => handle(message)).catch((e: Error) => {
    post({type: 'error', message: e.message, stack: e.stack});
  });
});
