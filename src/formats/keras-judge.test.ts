/**
 * Keras 3 itself as the judge of what our writers produce: every model below is saved as `.h5`
 * and as `.keras`, then loaded with the real Keras 3 of the Keras kit (keras_judge.py, one Python
 * process per format) and run on the same inputs. Each file must give our predictions within
 * 1e-5 relative (max |ours - keras| <= 1e-5 * max(1, max |keras|)), or our writer must have
 * warned (then Keras must indeed refuse it or compute other numbers) or refused, naming the layer
 * and the reason.
 *
 * The models: the reference MNIST CNN, every fixture and oracle model our reader loads, a small
 * model of every layer type in the layer catalog (and of every activation), the layers this
 * project adds, and recurrent and Bidirectional models.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {layersToConfig} from '../engine/model/build';
import {ACTIVATIONS, LAYER_CATALOG} from '../keras/analysis/catalog';
import {normalizeModelConfig, type Json, type JsonObject} from '../keras/config';
import {registerKerasCompatLayers} from '../keras/config-layers';
import {referenceModel} from '../bench/reference-model';
import {KERAS_FIXTURES, fixtureEntries, tempDir} from '../test-support/fixtures';
import {KERAS3, needKit, runInKit} from '../test-support/kits';
import {oracleCases} from '../test-support/oracles';
import {loadModel, modelArtifacts, modelFromArtifacts, saveModel, saveTarget} from './index';
import {hdf5Format} from './hdf5';
import {kerasZipFormat} from './keras-zip';
import {readZipDirectory, readZipMember, writeStoredZip} from './zip-file';

const JUDGE = path.join(__dirname, 'keras_judge.py');
const WRITERS = {h5: hdf5Format, keras: kerasZipFormat};
const BATCH = 3;

interface JudgedModel {
  name: string;
  model: tfl.LayersModel;
  inputs: tf.Tensor[];
  /** What our writer must say for this model, per format (hand-made cases only). */
  expect?: Partial<Record<Format, {warns?: RegExp; refuses?: RegExp}>>;
}

type Format = 'h5' | 'keras';
type Values = 'normal' | 'int' | 'grid';

// ------------------------------------------------------------------ the catalog's layers

interface LayerCase {
  name?: string;
  type: string;
  args?: JsonObject;
  /** Input shapes without the batch axis; several make a functional model. */
  input: number[] | number[][];
  values?: Values;
  /** Call keyword arguments recorded in the graph (use_causal_mask). */
  call?: JsonObject;
  expect?: JudgedModel['expect'];
}

const lstm = (units: number, extra: JsonObject = {}): JsonObject => ({class_name: 'LSTM', config: {units, ...extra}});
const gru = (units: number, extra: JsonObject = {}): JsonObject => ({class_name: 'GRU', config: {units, ...extra}});
const KERAS2_HARD_SIGMOID = {
  h5: {warns: /Keras 3.*hard_sigmoid.*relu6\(x \+ 3\) \/ 6/},
  keras: {refuses: /hard_sigmoid/},
};

/** One case per catalog layer type at least (the test fails when the catalog grows without one). */
const LAYER_CASES: LayerCase[] = [
  {type: 'Dense', args: {units: 3, activation: 'tanh'}, input: [4]},
  {name: 'dense_3d_input', type: 'Dense', args: {units: 2}, input: [3, 4]},
  {type: 'Conv1D', args: {filters: 2, kernel_size: 3, padding: 'causal', dilation_rate: 2}, input: [7, 2]},
  {type: 'Conv2D', args: {filters: 2, kernel_size: 3, strides: 2, padding: 'same', activation: 'relu'}, input: [6, 5, 2]},
  {name: 'conv2d_channels_first', type: 'Conv2D', args: {filters: 2, kernel_size: 2, data_format: 'channels_first'}, input: [2, 4, 4]},
  {type: 'Conv3D', args: {filters: 2, kernel_size: 2}, input: [3, 4, 3, 2]},
  {type: 'Conv2DTranspose', args: {filters: 2, kernel_size: 3, strides: 2}, input: [3, 3, 2]},
  {type: 'SeparableConv2D', args: {filters: 3, kernel_size: 3, depth_multiplier: 2}, input: [5, 5, 2]},
  {type: 'DepthwiseConv2D', args: {kernel_size: 3, depth_multiplier: 2, padding: 'same'}, input: [4, 4, 2]},
  {type: 'MaxPooling1D', args: {pool_size: 2}, input: [6, 2]},
  {type: 'MaxPooling2D', args: {pool_size: 2, strides: 1}, input: [4, 4, 2]},
  {type: 'AveragePooling1D', args: {pool_size: 3, padding: 'same'}, input: [7, 2]},
  {type: 'AveragePooling2D', args: {pool_size: 2}, input: [4, 5, 2]},
  {type: 'MaxPooling3D', args: {pool_size: 2}, input: [4, 4, 4, 1]},
  {type: 'AveragePooling3D', args: {pool_size: 2}, input: [4, 4, 2, 2]},
  {type: 'GlobalMaxPooling1D', input: [5, 3]},
  {type: 'GlobalMaxPooling2D', input: [3, 4, 2]},
  {type: 'GlobalAveragePooling1D', input: [5, 3]},
  {type: 'GlobalAveragePooling2D', input: [3, 4, 2]},
  {type: 'Flatten', input: [3, 2]},
  {type: 'Reshape', args: {target_shape: [2, 3]}, input: [6]},
  {type: 'Permute', args: {dims: [2, 1]}, input: [3, 2]},
  {type: 'RepeatVector', args: {n: 3}, input: [4]},
  {type: 'Dropout', args: {rate: 0.5}, input: [4]},
  {type: 'SpatialDropout1D', args: {rate: 0.5}, input: [4, 3]},
  {type: 'SpatialDropout2D', args: {rate: 0.5}, input: [3, 3, 2]},
  {type: 'Masking', args: {mask_value: 0}, input: [4, 3]},
  {type: 'Rescaling', args: {scale: 0.5, offset: 1}, input: [4]},
  {type: 'GaussianNoise', args: {stddev: 1}, input: [4]},
  {type: 'GaussianDropout', args: {rate: 0.3}, input: [4]},
  {type: 'AlphaDropout', args: {rate: 0.3}, input: [4]},
  ...ACTIVATIONS.map((activation): LayerCase => ({
    name: `activation_${activation}`, type: 'Activation', args: {activation}, input: [6],
    ...(activation === 'hard_sigmoid' ? {expect: KERAS2_HARD_SIGMOID} : {}),
  })),
  {type: 'ReLU', args: {max_value: 1.5, negative_slope: 0.1, threshold: 0.2}, input: [6]},
  {type: 'LeakyReLU', args: {alpha: 0.2}, input: [6]},
  {type: 'ELU', args: {alpha: 0.5}, input: [6]},
  {type: 'ThresholdedReLU', args: {theta: 0.4}, input: [6], expect: {h5: {warns: /ThresholdedReLU.*Keras 3.*\.keras.*ReLU\(threshold=0\.4\)/}}},
  {type: 'Softmax', args: {axis: -1}, input: [3, 4]},
  {type: 'PReLU', args: {shared_axes: [1]}, input: [3, 4]},
  {type: 'BatchNormalization', args: {momentum: 0.9}, input: [3, 4]},
  {type: 'LayerNormalization', args: {epsilon: 1e-3}, input: [3, 4]},
  {type: 'Embedding', args: {input_dim: 10, output_dim: 3}, input: [5], values: 'int'},
  {type: 'SimpleRNN', args: {units: 3, return_sequences: true}, input: [4, 2]},
  {type: 'LSTM', args: {units: 3}, input: [4, 2]},
  {type: 'GRU', args: {units: 3}, input: [4, 2]},
  {name: 'gru_reset_before', type: 'GRU', args: {units: 3, reset_after: false, return_sequences: true, go_backwards: true}, input: [4, 2]},
  {name: 'lstm_keras2_hard_sigmoid', type: 'LSTM', args: {units: 3, recurrent_activation: 'hard_sigmoid'}, input: [4, 2], expect: KERAS2_HARD_SIGMOID},
  {name: 'gru_keras2_hard_sigmoid', type: 'GRU', args: {units: 3, recurrent_activation: 'hard_sigmoid'}, input: [4, 2], expect: KERAS2_HARD_SIGMOID},
  {name: 'dense_keras2_hard_sigmoid', type: 'Dense', args: {units: 3, activation: 'hard_sigmoid'}, input: [4], expect: KERAS2_HARD_SIGMOID},
  {type: 'ZeroPadding1D', args: {padding: [1, 2]}, input: [3, 2]},
  {type: 'ZeroPadding2D', args: {padding: 1}, input: [3, 3, 1]},
  {type: 'Cropping1D', args: {cropping: [1, 2]}, input: [5, 2]},
  {type: 'Cropping2D', args: {cropping: 1}, input: [5, 5, 1]},
  {type: 'UpSampling1D', args: {size: 2}, input: [3, 2]},
  {type: 'UpSampling2D', args: {size: 2}, input: [2, 2, 1]},
  {type: 'GroupNormalization', args: {groups: 2}, input: [3, 4]},
  {type: 'UnitNormalization', input: [4]},
  {type: 'Normalization', args: {axis: -1}, input: [3]},
  {name: 'normalization_given_invert', type: 'Normalization', args: {axis: -1, mean: [0.5, -1, 2], variance: [4, 0.25, 1], invert: true}, input: [3]},
  {type: 'Discretization', args: {bin_boundaries: [-1, 0, 0.5, 2]}, input: [6], values: 'grid'},
  {name: 'discretization_one_hot', type: 'Discretization', args: {bin_boundaries: [-1, 0.5], output_mode: 'one_hot'}, input: [1], values: 'grid'},
  {type: 'Bidirectional', args: {layer: lstm(3, {return_sequences: true})}, input: [4, 2]},
  {name: 'bidirectional_gru_sum', type: 'Bidirectional', args: {layer: gru(2), merge_mode: 'sum'}, input: [4, 2]},
  {
    name: 'bidirectional_own_backward_layer', type: 'Bidirectional', input: [5, 4],
    args: {merge_mode: 'concat', layer: lstm(3, {name: 'forward_lstm', return_sequences: true}),
      backward_layer: gru(2, {name: 'backward_gru', return_sequences: true, go_backwards: true, reset_after: true})},
  },
  {type: 'Attention', args: {use_scale: true}, input: [[4, 5], [6, 3], [6, 5]]},
  {name: 'attention_concat_causal', type: 'Attention', args: {score_mode: 'concat'}, input: [[5, 4], [5, 4]], call: {use_causal_mask: true}},
  {type: 'AdditiveAttention', args: {use_scale: true}, input: [[4, 5], [6, 5]]},
  {type: 'MultiHeadAttention', args: {num_heads: 2, key_dim: 3, value_dim: 4}, input: [[5, 6], [4, 7], [4, 5]]},
  {name: 'multi_head_self_attention_causal', type: 'MultiHeadAttention', args: {num_heads: 3, key_dim: 2}, input: [[5, 6], [5, 6]], call: {use_causal_mask: true}},
  ...['Add', 'Subtract', 'Multiply', 'Average', 'Maximum', 'Minimum'].map((type): LayerCase => ({type, input: [[3, 2], [3, 2]]})),
  {type: 'Concatenate', args: {axis: 1}, input: [[3, 2], [4, 2]]},
];

/** A tf.keras 2 functional config: inputs -> the layer (MultiHeadAttention takes value and key by keyword). */
function functionalConfig(name: string, c: LayerCase): JsonObject {
  const shapes = c.input as number[][];
  const inputNames = shapes.map((_, i) => `in_${i}`);
  const kwargs: JsonObject = {...c.call};
  let node: Json[];
  if (c.type === 'MultiHeadAttention') {
    if (inputNames[1]) kwargs.value = [inputNames[1], 0, 0];
    if (inputNames[2]) kwargs.key = [inputNames[2], 0, 0];
    node = [[inputNames[0], 0, 0, kwargs]];
  } else {
    node = inputNames.map((n) => [n, 0, 0, kwargs]);
  }
  const layerName = c.type.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return {
    class_name: 'Functional',
    config: {
      name,
      layers: [
        ...shapes.map((shape, i) => ({class_name: 'InputLayer', name: inputNames[i], inbound_nodes: [],
          config: {name: inputNames[i], batch_input_shape: [null, ...shape], dtype: 'float32'}})),
        {class_name: c.type, name: layerName, config: {name: layerName, ...c.args}, inbound_nodes: [node]},
      ],
      input_layers: inputNames.map((n) => [n, 0, 0]),
      output_layers: [[layerName, 0, 0]],
    },
  };
}

async function layerCaseModel(c: LayerCase): Promise<tfl.LayersModel> {
  registerKerasCompatLayers();
  const name = c.name ?? c.type.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  const functional = Array.isArray(c.input[0]);
  // Single-input layers go through the engine's spec builder (Keras's defaults where TF.js's differ).
  const topology = functional ? normalizeModelConfig(functionalConfig(name, c), {file: `${name}.json`, kerasVersion: '2.15.0'}).config
    : layersToConfig(name, [{type: c.type, ...c.args, input_shape: c.input} as never], 7);
  return tfl.models.modelFromJSON({modelTopology: topology} as never);
}

// ------------------------------------------------------------------ weights and inputs

/** Random weights, seeded (variances positive, Normalization's count a count). */
function randomizeWeights(model: tfl.LayersModel, seed: number): void {
  const weights = model.weights.map((w, i) => {
    if (/variance$/.test(w.originalName)) return tf.randomUniform(w.shape as number[], 0.2, 2, 'float32', seed + i);
    if (/count$/.test(w.originalName)) return tf.scalar(10);
    return tf.randomNormal(w.shape as number[], 0, 0.6, 'float32', seed + i);
  });
  model.setWeights(weights);
  tf.dispose(weights);
}

/** The smallest input_dim of the model's Embedding layers, if it has any. */
function embeddingRange(model: tfl.LayersModel): number | undefined {
  const dims = model.layers.filter((l) => l.getClassName() === 'Embedding')
    .map((l) => Number((l.getConfig() as {inputDim?: number}).inputDim));
  return dims.length ? Math.min(...dims) : undefined;
}

function modelInputs(model: tfl.LayersModel, seed: number, values: Values = 'normal'): tf.Tensor[] {
  const range = embeddingRange(model);
  return model.inputs.map((input, i) => {
    const shape = input.shape.map((d, axis): number => d ?? (axis === 0 ? BATCH : 8));
    const size = shape.reduce((a, b) => a * b, 1);
    if (values === 'grid') return tf.tensor(Array.from({length: size}, (_, j) => -2 + (j * 0.25) % 4.5), shape);
    if (values === 'int' || range !== undefined) return tf.floor(tf.randomUniform(shape, 0, range ?? 10, 'float32', seed + i));
    return tf.randomNormal(shape, 0, 1, 'float32', seed + i);
  });
}

function npyBytes(data: Float32Array, shape: number[]): Buffer {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head.writeUInt16LE(header.length, 8);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

async function writeNpy(file: string, t: tf.Tensor): Promise<string> {
  fs.writeFileSync(file, npyBytes(Float32Array.from(await t.data()), t.shape));
  return file;
}

// ------------------------------------------------------------------ the models

/** Catalog layer types TensorFlow.js cannot build (nothing to write): the test names them. */
const NOT_BUILT_BY_TFJS = ['ZeroPadding1D', 'Cropping1D', 'UpSampling1D', 'Subtract'];

async function catalogModels(notBuilt: string[]): Promise<JudgedModel[]> {
  const out: JudgedModel[] = [];
  for (const [k, c] of LAYER_CASES.entries()) {
    let model: tfl.LayersModel;
    try {
      model = await layerCaseModel(c);
    } catch (e) {
      notBuilt.push(`${c.type}: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    randomizeWeights(model, 1000 * k);
    out.push({name: `layer-${model.name}`, model, inputs: modelInputs(model, 50 * k, c.values), expect: c.expect});
  }
  return out;
}

/** LSTM -> BatchNormalization -> GRU(reset_after) -> Dense, and a stacked Bidirectional one. */
async function recurrentModels(): Promise<JudgedModel[]> {
  registerKerasCompatLayers();
  const node = (name: string) => [[[name, 0, 0, {}]]];
  const functional = {
    class_name: 'Model',
    config: {
      name: 'rnn', input_layers: [['seq', 0, 0]], output_layers: [['out', 0, 0]],
      layers: [
        {class_name: 'InputLayer', name: 'seq', inbound_nodes: [], config: {name: 'seq', batch_input_shape: [null, 5, 3], dtype: 'float32'}},
        {class_name: 'LSTM', name: 'lstm', inbound_nodes: node('seq'), config: {name: 'lstm', units: 4, return_sequences: true, recurrent_activation: 'sigmoid'}},
        {class_name: 'BatchNormalization', name: 'bn', inbound_nodes: node('lstm'), config: {name: 'bn', axis: -1}},
        {class_name: 'GRU', name: 'gru', inbound_nodes: node('bn'), config: {name: 'gru', units: 3, reset_after: true, recurrent_activation: 'sigmoid'}},
        {class_name: 'Dense', name: 'out', inbound_nodes: node('gru'), config: {name: 'out', units: 2}},
      ],
    },
  };
  const stacked = layersToConfig('stacked_bidirectional', [
    {type: 'Bidirectional', layer: lstm(4, {return_sequences: true}), input_shape: [6, 3]},
    {type: 'Bidirectional', layer: gru(3), merge_mode: 'ave'},
    {type: 'Dense', units: 2, activation: 'softmax'},
  ] as never, 3);
  const out: JudgedModel[] = [];
  for (const [k, topology] of [functional, stacked].entries()) {
    const {config} = normalizeModelConfig(topology, {file: 'recurrent.json', kerasVersion: '2.15.0'});
    const model = await tfl.models.modelFromJSON({modelTopology: config} as never);
    randomizeWeights(model, 500 + 100 * k);
    out.push({name: model.name, model, inputs: modelInputs(model, 77 + k)});
  }
  return out;
}

/** Every fixture our reader loads (the others are refused by the reader's own tests). */
async function fixtureModels(): Promise<JudgedModel[]> {
  const out: JudgedModel[] = [];
  for (const [k, entry] of fixtureEntries().entries()) {
    const target = path.join(KERAS_FIXTURES, entry);
    if (entry.endsWith('.md') || entry.endsWith('.json')) continue;
    let model: tfl.LayersModel;
    try {
      model = (await loadModel(target)).model;
    } catch {
      continue;
    }
    out.push({name: `fixture-${path.basename(entry)}`, model, inputs: modelInputs(model, 300 + k)});
  }
  return out;
}

async function oracleModels(): Promise<JudgedModel[]> {
  const out: JudgedModel[] = [];
  for (const c of oracleCases()) {
    const oracle = await c.oracle();
    // One variant: a config + weights pair is the same model as the whole-model file beside it.
    const v = c.variants[0];
    const model = await modelFromArtifacts(await v.read(), v.label, {compile: false});
    out.push({name: `oracle-${c.caseName}-${v.label}`, model, inputs: [tf.tensor(oracle.input.data, oracle.input.shape)]});
  }
  return out;
}

// ------------------------------------------------------------------ the judge

interface Verdict {
  file: string;
  status: 'loaded' | 'refused';
  error?: string;
  max_abs_error?: number | null;
  max_abs_keras?: number;
  keras_shape?: number[];
  expected_shape?: number[];
}

interface Written {
  judged: JudgedModel;
  format: Format;
  file: string;
  warnings: string[];
  refusal?: string;
}

function fileStem(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
}

async function writeAll(models: JudgedModel[], dir: string): Promise<{written: Written[]; cases: object[]}> {
  const written: Written[] = [];
  const cases: object[] = [];
  for (const [k, judged] of models.entries()) {
    const stem = `${k}-${fileStem(judged.name)}`;
    const inputs = await Promise.all(judged.inputs.map((x, i) => writeNpy(path.join(dir, `${stem}.x${i}.npy`), x)));
    let y: tf.Tensor | tf.Tensor[];
    try {
      y = judged.model.predict(judged.inputs.length === 1 ? judged.inputs[0] : judged.inputs) as tf.Tensor | tf.Tensor[];
    } catch (e) {
      // A fixture whose free input axes our made-up sizes do not fit (e.g. a PReLU with per-pixel alphas).
      console.log(`not judged: ${judged.name}: it does not run on inputs of shape ${judged.inputs.map((x) => `(${x.shape})`).join(', ')}: ${(e as Error).message}`);
      continue;
    }
    const first = Array.isArray(y) ? y[0] : y;
    const expected = await writeNpy(path.join(dir, `${stem}.y.npy`), first);
    tf.dispose(y);
    const artifacts = await modelArtifacts(judged.model, false);
    for (const format of ['h5', 'keras'] as const) {
      const file = path.join(dir, `${stem}.${format}`);
      const w: Written = {judged, format, file, warnings: []};
      try {
        // The format's writer itself (saveModel adds the atomic swap and fsyncs, which cost seconds a file here).
        await WRITERS[format].write!(file, artifacts, {onWarning: (m) => w.warnings.push(m)});
        cases.push({file, inputs, expected});
      } catch (e) {
        w.refusal = (e as Error).message;
      }
      written.push(w);
    }
  }
  return {written, cases};
}

/** Layer names (and class names) of a model, nested layers included, for "names the layer". */
function layerNames(model: tfl.LayersModel): string[] {
  return model.layers.map((l) => l.name);
}

function judgeOne(w: Written, verdict: Verdict | undefined, problems: string[], report: string[]): void {
  const label = `${path.basename(w.file)}`;
  const expect = w.judged.expect?.[w.format];
  const namesLayer = (message: string) => layerNames(w.judged.model).some((n) => message.includes(`'${n}'`));
  if (w.refusal !== undefined) {
    report.push(`${label}: refused by our writer: ${w.refusal}`);
    if (!namesLayer(w.refusal)) problems.push(`${label}: our refusal names no layer of the model: ${w.refusal}`);
    if (expect?.refuses && !expect.refuses.test(w.refusal)) problems.push(`${label}: refusal does not say ${expect.refuses}: ${w.refusal}`);
    if (!expect?.refuses && !/hard_sigmoid|cannot be written as Keras 3/.test(w.refusal)) problems.push(`${label}: refused unexpectedly: ${w.refusal}`);
    return;
  }
  if (expect?.refuses) problems.push(`${label}: written, but our writer must refuse it (${expect.refuses})`);
  if (expect?.warns && !w.warnings.some((m) => expect.warns!.test(m))) {
    problems.push(`${label}: no warning matching ${expect.warns} (got: ${w.warnings.join(' | ') || 'none'})`);
  }
  if (!verdict) {
    problems.push(`${label}: no verdict from Keras`);
    return;
  }
  const tolerance = 1e-5 * Math.max(1, verdict.max_abs_keras ?? 0);
  const agrees = verdict.status === 'loaded' && verdict.max_abs_error != null && verdict.max_abs_error <= tolerance;
  const what = verdict.status === 'refused' ? `Keras refuses it: ${verdict.error}`
    : verdict.max_abs_error == null ? `Keras gives shape ${verdict.keras_shape} (ours ${verdict.expected_shape}) or non-finite values`
      : `max |ours - keras| = ${verdict.max_abs_error.toExponential(2)} (tolerance ${tolerance.toExponential(2)})`;
  report.push(`${label}: ${what}${w.warnings.length ? `; we warned: ${w.warnings.join(' | ')}` : ''}`);
  if (w.warnings.length > 0) {
    // A warning must be about something real: Keras 3 then refuses the file or computes other numbers.
    const keras3Warnings = w.warnings.filter((m) => /Keras 3/.test(m));
    for (const m of keras3Warnings) if (!namesLayer(m)) problems.push(`${label}: warning names no layer of the model: ${m}`);
    if (keras3Warnings.length > 0 && agrees) problems.push(`${label}: we warned but Keras 3 computes our numbers: ${keras3Warnings.join(' | ')}`);
    if (keras3Warnings.length > 0) return;
  }
  if (!agrees) problems.push(`${label}: written without a warning, but ${what}`);
}

function runJudge(cases: object[], dir: string, format: Format): Map<string, Verdict> {
  const list = path.join(dir, `cases-${format}.json`);
  fs.writeFileSync(list, JSON.stringify(cases.filter((c) => (c as {file: string}).file.endsWith(`.${format}`))));
  const verdicts = JSON.parse(runInKit(KERAS3, [JUDGE, list], {stdio: ['ignore', 'pipe', 'pipe']})) as Verdict[];
  return new Map(verdicts.map((v) => [v.file, v]));
}

test('the layer cases cover every layer type of the catalog', () => {
  const covered = new Set(LAYER_CASES.map((c) => c.type));
  assert.deepEqual(Object.keys(LAYER_CATALOG).filter((t) => t !== 'InputLayer' && !covered.has(t)), []);
});

test('Keras 3 loads every .h5 and .keras file we write and predicts our numbers, or we warned or refused naming the layer', async (t) => {
  if (!needKit(t, KERAS3)) return;
  await initBackend('cpu');
  const dir = tempDir('kw-keras-judge-');
  const notBuilt: string[] = [];
  const started = Date.now();
  try {
    const models = [
      {name: 'reference-mnist-cnn', model: referenceModel(), inputs: [tf.randomUniform([2, 28, 28, 1], 0, 1, 'float32', 5)]},
      ...await catalogModels(notBuilt), ...await recurrentModels(), ...await fixtureModels(), ...await oracleModels(),
    ];
    const phase = Date.now();
    const {written, cases} = await writeAll(models, dir);
    const writtenAt = Date.now();
    const verdicts = new Map([...runJudge(cases, dir, 'h5'), ...runJudge(cases, dir, 'keras')]);
    console.log(`models built in ${((phase - started) / 1000).toFixed(1)} s, written in ${((writtenAt - phase) / 1000).toFixed(1)} s, judged by Keras in ${((Date.now() - writtenAt) / 1000).toFixed(1)} s`);
    const problems: string[] = [];
    const report: string[] = [];
    for (const w of written) judgeOne(w, verdicts.get(w.file), problems, report);
    if (process.env.KERAS_JUDGE_REPORT) fs.writeFileSync(process.env.KERAS_JUDGE_REPORT, report.join('\n') + '\n');
    console.log(`Keras 3 judged ${written.length} files of ${models.length} models (${cases.length} written, ${written.length - cases.length} refused by our writer)`);
    assert.deepEqual(problems, []);
    assert.deepEqual(notBuilt.map((n) => n.split(':')[0]), NOT_BUILT_BY_TFJS, `catalog layers TensorFlow.js cannot build: ${notBuilt.join('; ')}`);
    assert.ok(models.length > LAYER_CASES.length + 20, `expected the fixtures and oracles too, got ${models.length} models`);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('a .keras whose metadata.json is not an object loads in Keras and here, with a warning', async (t) => {
  if (!needKit(t, KERAS3)) return;
  await initBackend('cpu');
  const source = path.join(KERAS_FIXTURES, 'keras3', 'keras3.15.1_seq_conv2d_maxpool_dropout.keras');
  const members = readZipDirectory(source);
  const dir = tempDir('kw-keras-metadata-');
  const files: string[] = [];
  const counts: number[] = [];
  try {
    for (const [label, metadata] of [['array', '[]'], ['string', '"3.15.1"'], ['null', 'null']]) {
      const file = path.join(dir, `${label}.keras`);
      writeStoredZip(file, [...members.values()].map((e) => ({
        name: e.name, bytes: e.name === 'metadata.json' ? Buffer.from(metadata) : Buffer.from(readZipMember(source, e)),
      })));
      const loaded = await loadModel(file);
      assert.ok(loaded.artifacts.warnings?.some((w) => w.includes(`metadata.json inside the archive is ${label === 'array' ? 'an array' : label === 'null' ? 'null' : 'a string'}, not a JSON object: ignored`)),
        `${label}: ${loaded.artifacts.warnings}`);
      counts.push(loaded.model.countParams());
      files.push(file);
      loaded.model.dispose();
    }
    const keras = runInKit(KERAS3, ['-c', 'import sys, keras\nfor f in sys.argv[1:]: print(keras.saving.load_model(f).count_params())', ...files],
      {stdio: ['ignore', 'pipe', 'pipe']});
    assert.deepEqual(keras.trim().split('\n').map(Number), counts, 'Keras loads them too, with the same parameter counts');
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('saveModel passes the .h5 writer\'s Keras 3 warnings to onWarning (convert prints them, VS Code shows them)', async () => {
  await initBackend('cpu');
  const model = await layerCaseModel(LAYER_CASES.find((c) => c.name === 'lstm_keras2_hard_sigmoid')!);
  const dir = tempDir('kw-keras-warn-');
  try {
    const warnings: string[] = [];
    await saveModel(model, saveTarget(path.join(dir, 'm.h5')), {onWarning: (w) => warnings.push(w)});
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^layer 'lstm' \(LSTM\): Keras 3 loads this \.h5 but computes its recurrent_activation hard_sigmoid as relu6\(x \+ 3\) \/ 6/);
    await assert.rejects(saveModel(model, saveTarget(path.join(dir, 'm.keras'))), /layer 'lstm' \(LSTM\) uses hard_sigmoid/);
  } finally {
    model.dispose();
    fs.rmSync(dir, {recursive: true, force: true});
  }
});
