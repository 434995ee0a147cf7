/**
 * Every oracle model written as a TF.js folder by our writer, then loaded in stock TensorFlow.js
 * (a separate process, none of our layer classes registered) and in our own loader, and compared
 * with the predictions Keras computed. An export is either refused (naming layer, option and the
 * formats that keep it), warned about (stock TF.js then refuses to load it), or computes Keras's
 * numbers in stock TF.js. Set KERAS_STOCK_REPORT=path to write the result table.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {execFileSync} from 'child_process';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import * as tfl from '@tensorflow/tfjs-layers';
import {loadModel, saveArtifacts, saveModel} from '../formats';
import {FormatError} from '../common/errors';
import {registerKerasCompatLayers} from './config-layers';
import {stockTfjsTopology} from './tfjs-stock';
import {oracleCases, type Oracle} from '../test-support/oracles';
import {fixtureEntries, KERAS_FIXTURES, REPO_ROOT, tempDir} from '../test-support/fixtures';
import type {JsonObject} from './config';

interface StockResult {
  caseName: string;
  model: string;
  export: 'written' | 'refused';
  detail: string;
  warnings: string[];
  stock?: {maxAbsError?: number; error?: string};
  ours?: number;
  tolerance: number;
}

function maxAbsError(ours: ArrayLike<number>, expected: Float32Array): number {
  if (ours.length !== expected.length) return Infinity;
  let m = 0;
  for (let i = 0; i < expected.length; i++) m = Math.max(m, Math.abs(ours[i] - expected[i]));
  return Number.isNaN(m) ? Infinity : m;
}

/** Runs the folders in stock TensorFlow.js in a child process. */
function runStock(jobs: Array<{dir: string; input: Oracle['input']}>, scratch: string): Array<{output?: number[]; shape?: number[]; error?: string}> {
  const jobFile = path.join(scratch, 'job.json');
  fs.writeFileSync(jobFile, JSON.stringify({models: jobs.map((j) => ({dir: j.dir, input: {data: Array.from(j.input.data), shape: j.input.shape}}))}));
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/test-support/stock-tfjs.ts'), jobFile],
    {cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 << 20, timeout: 300_000});
  return out.trim().split('\n').map((l) => JSON.parse(l));
}

test('every oracle model exported as a TF.js folder computes Keras\'s numbers in stock TensorFlow.js, or is refused or warned about', async () => {
  await initBackend('cpu');
  const scratch = tempDir('kw-stock-');
  const results: StockResult[] = [];
  const jobs: Array<{dir: string; input: Oracle['input']; result: StockResult; expected: Float32Array}> = [];
  try {
    let n = 0;
    for (const c of oracleCases()) {
      const oracle = await c.oracle();
      for (const v of c.variants) {
        const result: StockResult = {caseName: c.caseName, model: v.label, export: 'written', detail: '', warnings: [], tolerance: oracle.tolerance};
        results.push(result);
        const dir = path.join(scratch, `m${n++}`);
        try {
          await saveArtifacts(await v.read(), dir, {saveFormat: 'tfjs', onWarning: (w) => result.warnings.push(w)});
        } catch (e) {
          assert.ok(e instanceof FormatError, `${c.caseName} ${v.label}: ${(e as Error).stack}`);
          result.export = 'refused';
          result.detail = e.message;
          continue;
        }
        // Our own loader reads the rewritten folder with the same numbers.
        const {model} = await loadModel(dir, {compile: false});
        const y = tf.tidy(() => model.predict(tf.tensor(oracle.input.data, oracle.input.shape)) as tf.Tensor);
        result.ours = maxAbsError(await y.data(), oracle.expected.data);
        y.dispose();
        model.dispose();
        jobs.push({dir, input: oracle.input, result, expected: oracle.expected.data});
      }
    }
    const stock = runStock(jobs, scratch);
    assert.equal(stock.length, jobs.length);
    stock.forEach((s, i) => {
      const {result, expected} = jobs[i];
      result.stock = s.error !== undefined ? {error: s.error} : {maxAbsError: maxAbsError(s.output!, expected)};
    });
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true});
  }
  if (process.env.KERAS_STOCK_REPORT) fs.writeFileSync(process.env.KERAS_STOCK_REPORT, JSON.stringify(results, null, 1));

  assert.ok(results.length >= 2 * (1 + 1 + 1 + 8 + 48 + 1) + 1, `expected every oracle model, got ${results.length}`);
  for (const r of results) {
    const what = `${r.caseName} ${r.model}`;
    if (r.export === 'refused') {
      assert.match(r.detail, /layer '.+' \(\w+\): .*\.h5 and \.keras keep it/, `${what}: refusal names layer, option and formats`);
      continue;
    }
    assert.ok(r.ours! <= r.tolerance, `${what}: our loader on the written folder is ${r.ours} away from Keras`);
    if (r.warnings.length > 0) {
      assert.ok(r.stock?.error !== undefined, `${what}: warned about, yet stock TF.js loaded it`);
      continue;
    }
    assert.equal(r.stock?.error, undefined, `${what}: stock TF.js fails without a warning`);
    assert.ok(r.stock!.maxAbsError! <= r.tolerance, `${what}: stock TF.js is ${r.stock!.maxAbsError} away from Keras (tolerance ${r.tolerance})`);
  }
  // Only the ReLU combining negative_slope with threshold has no stock TF.js form.
  const refused = results.filter((r) => r.export === 'refused').map((r) => r.caseName);
  assert.deepEqual([...new Set(refused)], ['09_k2.3.1_advanced_activations/ReLU_2']);
  assert.deepEqual(results.filter((r) => r.warnings.length > 0), []);
});

test('stock forms: GRU reset_after and unknown classes are warned about, a ReLU inside a wrapper refused, functional links follow rewritten layers', async () => {
  await initBackend('cpu');
  const seq = (layers: JsonObject[]) => ({class_name: 'Sequential', config: {name: 's', layers}}) as JsonObject;
  const unknown = await stockTfjsTopology(seq([{class_name: 'NoSuchLayer', config: {name: 'e', batch_input_shape: [null, 3]}}]), [], 'out');
  assert.match(unknown.warnings[0], /layer 'e' \(NoSuchLayer\) is not part of stock TensorFlow\.js: tf\.loadLayersModel refuses.*\.h5 and \.keras keep it/);
  const gru = await stockTfjsTopology(seq([{class_name: 'GRU', config: {name: 'g', units: 2, reset_after: true}}]), [], 'out');
  assert.match(gru.warnings[0], /layer 'g' \(GRU\): reset_after=True/);
  const bidirectional = (backward: JsonObject) => seq([{class_name: 'Bidirectional', config: {name: 'b', merge_mode: 'concat',
    layer: {class_name: 'LSTM', config: {name: 'f', units: 2, go_backwards: false}}, backward_layer: backward}}]);
  await assert.rejects(() => stockTfjsTopology(bidirectional({class_name: 'LSTM', config: {name: 'r', units: 2, go_backwards: true, activation: 'relu'}}), [], 'out'),
    /layer 'b' \(Bidirectional\): backward_layer is configured separately/);
  const mirrored = await stockTfjsTopology(bidirectional({class_name: 'LSTM', config: {name: 'r', units: 2, go_backwards: true}}), [], 'out');
  assert.deepEqual(mirrored.warnings, []);
  assert.equal('backward_layer' in (mirrored.topology.config as {layers: Array<{config: object}>}).layers[0].config, false);
  await assert.rejects(() => stockTfjsTopology(seq([{class_name: 'TimeDistributed', config: {name: 't',
    layer: {class_name: 'ReLU', config: {name: 'r', negative_slope: 0.1, threshold: 0.5}}}}]), [], 'out'),
  /out: cannot be written as a TensorFlow.js folder: layer 't' \(TimeDistributed\): wraps layer 'r' \(ReLU\)/);

  // Two causal, channels_first Conv1D in a row in a functional model: each becomes
  // Permute, Reshape, ZeroPadding2D, Reshape, Conv1D, Permute, and the links follow.
  const conv = (name: string, input: string) => ({class_name: 'Conv1D', name, inbound_nodes: [[[input, 0, 0, {}]]],
    config: {name, filters: 2, kernel_size: [3], dilation_rate: [2], padding: 'causal', data_format: 'channels_first'}});
  const model = {class_name: 'Model', config: {name: 'm', layers: [
    {class_name: 'InputLayer', name: 'in', inbound_nodes: [], config: {name: 'in', batch_input_shape: [null, 2, 9]}},
    conv('a', 'in'), conv('b', 'a')], input_layers: [['in', 0, 0]], output_layers: [['b', 0, 0]]}};
  const {topology} = await stockTfjsTopology(model as JsonObject, [{name: 'a/kernel', shape: [3, 2, 2]}, {name: 'b/kernel', shape: [3, 2, 2]}], 'out');
  const layers = (topology.config as {layers: Array<{class_name: string; name: string; inbound_nodes: Array<Array<[string]>>; config: JsonObject}>}).layers;
  assert.deepEqual(layers.map((l) => l.class_name), ['InputLayer', 'Permute', 'Reshape', 'ZeroPadding2D', 'Reshape', 'Conv1D', 'Permute',
    'Permute', 'Reshape', 'ZeroPadding2D', 'Reshape', 'Conv1D', 'Permute']);
  const inputOf = (name: string) => layers.find((l) => l.name === name)!.inbound_nodes[0][0][0];
  assert.equal(inputOf('a_to_channels_last'), 'in');
  assert.equal(inputOf('a'), 'a_rows_as_steps');
  assert.equal(inputOf('b_to_channels_last'), 'a_to_channels_first');
  assert.deepEqual((topology.config as JsonObject).output_layers, [['b_to_channels_first', 0, 0]]);
  assert.deepEqual(layers.find((l) => l.name === 'a_causal_padding')!.config.padding, [[4, 0], [0, 0]]);
});

test('causal and channels_first Conv1D, ReLU and ELU options and constraints beyond the oracles: stock TF.js computes what our layers compute', async () => {
  await initBackend('cpu');
  registerKerasCompatLayers();
  const layer = (class_name: string, config: JsonObject) => ({class_name, config});
  const sequential = tfl.models.modelFromJSON({modelTopology: {class_name: 'Sequential', config: {name: 's', layers: [
    layer('Conv1D', {name: 'cf_causal', filters: 3, kernel_size: [3], dilation_rate: [2], padding: 'causal', data_format: 'channels_first', batch_input_shape: [null, 2, 11]}),
    layer('ReLU', {name: 'thr_max', threshold: 0.1, max_value: 0.6}),
    layer('Conv1D', {name: 'cl_causal', filters: 4, kernel_size: [2], padding: 'causal', strides: [2]}),
    layer('ReLU', {name: 'thr', threshold: 0.05}),
    layer('Conv1D', {name: 'cf_same', filters: 2, kernel_size: [3], padding: 'same', strides: [2], data_format: 'channels_first'}),
    layer('ELU', {name: 'elu', alpha: 1.7}),
    layer('ReLU', {name: 'slope', negative_slope: 0.3}),
    layer('Flatten', {name: 'flat'}),
    layer('Dense', {name: 'unit_norm', units: 3, kernel_constraint: {class_name: 'UnitNorm', config: {axis: 0}}}),
  ]}}} as never);
  const model = await sequential;
  // Random weights, so that every option changes the numbers.
  model.setWeights(model.getWeights().map((w, i) => tf.randomUniform(w.shape, -1, 1, 'float32', 11 + i)));
  const x = tf.randomUniform([3, 2, 11], -1, 1, 'float32', 5);
  const ours = await (model.predict(x) as tf.Tensor).data();
  const scratch = tempDir('kw-stock-');
  try {
    const dir = path.join(scratch, 'folder');
    const warnings: string[] = [];
    await saveModel(model, dir, {saveFormat: 'tfjs', onWarning: (w) => warnings.push(w)});
    // Stock TF.js would apply the constraint to the loaded kernel: it is left out, with a warning.
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /layer 'unit_norm' \(Dense\): kernel_constraint=UnitNorm is left out/);
    const [stock] = runStock([{dir, input: {data: x.dataSync() as Float32Array, shape: x.shape}}], scratch);
    assert.equal(stock.error, undefined);
    const err = maxAbsError(stock.output!, ours as Float32Array);
    assert.ok(err < 1e-5, `stock TF.js is ${err} away from our layers`);
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true});
  }
});

/** Whole-model fixtures (files and folders; weights-only HDF5 needs its topology and is covered by the oracles' split files). */
function fixtureModels(): string[] {
  return fixtureEntries().filter((entry) => !entry.endsWith('.json') && !/weights_only/.test(entry)).map((entry) => path.join(KERAS_FIXTURES, entry));
}

/** A deterministic input for a loaded model: integer ids below the vocabulary for Embedding inputs. */
function inputFor(model: tfl.LayersModel): Oracle['input'] {
  const shape = model.inputs[0].shape.map((d, i) => d ?? (i === 0 ? 2 : 16)) as number[];
  const size = shape.reduce((a, b) => a * b, 1);
  const embedding = model.layers.find((l) => l.getClassName() === 'Embedding') as unknown as {inputDim?: number} | undefined;
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = embedding?.inputDim ? (i * 7) % Math.min(embedding.inputDim, 50) : Math.sin(i * 0.37);
  return {data, shape};
}

test('every whole-model Keras fixture we load, exported as a TF.js folder, computes our numbers in stock TensorFlow.js, or is refused or warned about', async () => {
  await initBackend('cpu');
  const scratch = tempDir('kw-stock-');
  const report: Array<{fixture: string; load: string; export?: string; stock?: string}> = [];
  const jobs: Array<{dir: string; input: Oracle['input']; ours: Float32Array; row: (typeof report)[number]; warned: boolean}> = [];
  try {
    for (const [i, file] of fixtureModels().entries()) {
      const row: (typeof report)[number] = {fixture: path.relative(KERAS_FIXTURES, file), load: 'loaded'};
      report.push(row);
      let model: tfl.LayersModel;
      try {
        ({model} = await loadModel(file, {compile: false}));
      } catch (e) {
        row.load = `refused: ${(e as Error).message}`;
        continue;
      }
      const input = inputFor(model);
      const ours = tf.tidy(() => {
        const out = model.predict(tf.tensor(input.data, input.shape));
        return Array.isArray(out) ? tf.concat(out.map((o) => tf.reshape(o, [-1]))) : out;
      });
      const values = (await ours.data()) as Float32Array;
      ours.dispose();
      const dir = path.join(scratch, `f${i}`);
      const warnings: string[] = [];
      try {
        await saveModel(model, dir, {saveFormat: 'tfjs', onWarning: (w) => warnings.push(w)});
        row.export = warnings.length ? `warned: ${warnings.join(' | ')}` : 'written';
        jobs.push({dir, input, ours: values, row, warned: warnings.length > 0});
      } catch (e) {
        assert.ok(e instanceof FormatError, `${row.fixture}: ${(e as Error).message}`);
        row.export = `refused: ${e.message}`;
      }
      model.dispose();
    }
    const stock = runStock(jobs, scratch);
    stock.forEach((s, i) => {
      const {row, ours, warned} = jobs[i];
      if (s.error !== undefined) {
        row.stock = `refuses to load: ${s.error}`;
        assert.ok(warned, `${row.fixture}: stock TF.js fails without a warning: ${s.error}`);
        return;
      }
      const err = maxAbsError(s.output!, ours);
      const scale = Math.max(1, ...Array.from(ours, Math.abs));
      row.stock = `max |stock - ours| = ${err.toExponential(2)}`;
      assert.ok(err <= 1e-5 * scale, `${row.fixture}: stock TF.js is ${err} away from our loader`);
    });
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true});
  }
  if (process.env.KERAS_STOCK_FIXTURE_REPORT) fs.writeFileSync(process.env.KERAS_STOCK_FIXTURE_REPORT, JSON.stringify(report, null, 1));
  assert.ok(jobs.length >= 15, `expected most fixtures exported, got ${jobs.length}`);
});
