/**
 * The shape rules against Keras's own numbers: every model in test/fixtures/keras that the
 * engine loads is analysed from its config alone, and each layer's inferred output shape and
 * parameter count must equal the loaded model's (which equal Keras's model.summary()).
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {initBackend} from '../../engine/backend';
import {loadModel} from '../../formats';
import {fixtureEntries, KERAS_FIXTURES} from '../../test-support/fixtures';
import {analyzeConfig, analyzeLayers} from './model-analysis';

/** Every fixture model; a TF.js folder without model.json is opened by its one JSON file. */
function fixtureModels(): string[] {
  return fixtureEntries().map((entry) => {
    const full = path.join(KERAS_FIXTURES, entry);
    if (!entry.startsWith('tfjs/') || fs.existsSync(path.join(full, 'model.json'))) return full;
    return path.join(full, fs.readdirSync(full).find((n) => n.endsWith('.json'))!);
  });
}

test('inferred shapes and parameter counts equal the loaded Keras fixtures', async () => {
  await initBackend('cpu');
  let compared = 0;
  for (const file of fixtureModels()) {
    let loaded;
    try {
      loaded = await loadModel(file, {compile: false});
    } catch {
      continue; // refused by the engine (weights-only, topology-only, Attention, plain tf.Module): covered by keras-fixtures.test.ts
    }
    const topology = loaded.artifacts.modelTopology as {class_name: string; config: unknown};
    const config = (topology as {model_config?: typeof topology}).model_config ?? topology;
    const report = analyzeConfig(config);
    const expected = loaded.model.layers.map((l) => ({
      name: l.name,
      output: JSON.stringify((l.outputShape as (number | null)[]).slice(1)),
      params: l.countParams(),
    }));
    const byName = new Map(report.layers.map((l) => [l.name, l]));
    for (const want of expected) {
      const got = byName.get(want.name);
      assert.ok(got, `${path.basename(file)}: layer ${want.name} missing from the analysis`);
      assert.deepEqual(got.problems, [], `${path.basename(file)}: ${want.name}`);
      assert.equal(JSON.stringify(got.output), want.output, `${path.basename(file)}: ${want.name} output shape`);
      assert.equal(got.trainable + got.nonTrainable, want.params, `${path.basename(file)}: ${want.name} params`);
      compared++;
    }
    const total = loaded.model.countParams();
    assert.equal(report.trainable + report.nonTrainable, total, `${path.basename(file)}: total params`);
    loaded.model.dispose();
  }
  assert.ok(compared >= 60, `compared ${compared} layers`);
});

test('the reference CNN: shapes, parameters and FLOPs', () => {
  const report = analyzeLayers([
    {type: 'Conv2D', filters: 32, kernel_size: [3, 3], activation: 'relu', input_shape: [28, 28, 1]},
    {type: 'Conv2D', filters: 64, kernel_size: [3, 3], activation: 'relu'},
    {type: 'Conv2D', filters: 128, kernel_size: [3, 3], activation: 'relu'},
    {type: 'Flatten'},
    {type: 'Dense', units: 256, activation: 'relu'},
    {type: 'Dense', units: 10, activation: 'softmax'},
  ]);
  assert.deepEqual(report.layers.map((l) => l.output), [[26, 26, 32], [24, 24, 64], [22, 22, 128], [61952], [256], [10]]);
  assert.equal(report.trainable, 320 + 18496 + 73856 + 0 + 15859968 + 2570);
  assert.equal(report.layers[0].flops, 26 * 26 * 32 * 2 * 9);
});

test('unknown layers and arguments are refused with a did-you-mean', () => {
  const report = analyzeLayers([
    {type: 'Dense', unitz: 10, input_shape: [4]},
    {type: 'Dense', units: 3, activaton: 'relu'},
    {type: 'Conv2d', filters: 2, kernel_size: 3},
    {type: 'Dense', units: 3, activation: 'softmx'},
  ]);
  const messages = report.layers.flatMap((l) => l.problems.map((p) => p.message));
  assert.ok(messages.includes("Dense has no argument 'unitz' (did you mean 'units'?)"), messages.join('\n'));
  assert.ok(messages.includes("Dense has no argument 'activaton' (did you mean 'activation'?)"), messages.join('\n'));
  assert.ok(messages.includes("unknown Keras layer 'Conv2d' (did you mean 'Conv2D'?)"), messages.join('\n'));
  assert.ok(messages.includes(`Dense: 'activation' has no value "softmx" (did you mean 'softmax'?)`), messages.join('\n'));
});

test('shape errors name the layer and argument at fault', () => {
  const big = analyzeLayers([{type: 'Conv2D', filters: 4, kernel_size: 5, input_shape: [4, 4, 1]}]);
  assert.match(big.layers[0].problems[0].message, /kernel \(5\) is larger than its input \(4 on spatial axis 1\)/);
  assert.equal(big.layers[0].problems[0].arg, 'kernel_size');
  const pool = analyzeLayers([{type: 'MaxPooling2D', pool_size: 3, input_shape: [2, 8, 1]}]);
  assert.equal(pool.layers[0].problems[0].arg, 'pool_size');
  const reshape = analyzeLayers([{type: 'Reshape', target_shape: [28, 28, 2], input_shape: [784]}]);
  assert.match(reshape.layers[0].problems[0].message, /784 values.*1568 values.*sizes differ/);
  const rate = analyzeLayers([{type: 'Dropout', rate: 1.5, input_shape: [3]}]);
  assert.match(rate.layers[0].problems[0].message, /'rate' must be below 1, got 1.5/);
});

test('Keras layers added beyond TensorFlow.js: Bidirectional, GroupNormalization, Normalization, attention', () => {
  const seq = analyzeLayers([
    {type: 'Bidirectional', layer: {class_name: 'LSTM', config: {units: 8, return_sequences: true}}, input_shape: [10, 4]},
    {type: 'GroupNormalization', groups: 4},
    {type: 'UnitNormalization'},
    {type: 'Normalization'},
    {type: 'GroupNormalization', groups: 3},
  ]);
  assert.deepEqual(seq.layers.slice(0, 4).map((l) => [l.output, l.trainable, l.nonTrainable]),
    [[[10, 16], 832, 0], [[10, 16], 32, 0], [[10, 16], 0, 0], [[10, 16], 0, 33]]);
  assert.match(seq.layers[4].problems[0].message, /16 channels cannot be split into 3 groups/);
  const mha = analyzeConfig({class_name: 'Functional', config: {layers: [
    {class_name: 'InputLayer', name: 'q', config: {name: 'q', batch_input_shape: [null, 6, 5]}, inbound_nodes: []},
    {class_name: 'MultiHeadAttention', name: 'mha', config: {name: 'mha', num_heads: 2, key_dim: 4}, inbound_nodes: [[['q', 0, 0, {}], ['q', 0, 0, {}]]]},
    {class_name: 'Attention', name: 'att', config: {name: 'att', use_scale: true}, inbound_nodes: [[['mha', 0, 0, {}], ['q', 0, 0, {}]]]},
  ]}});
  assert.deepEqual(mha.layers.map((l) => [l.output, l.trainable]), [[[6, 5], 0], [[6, 5], 189], [[6, 5], 1]]);
});
