// The worker's activations and explain requests over a real JSON-RPC connection, checked against
// the model's own layer outputs and gradients.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {handleFor} from '../engine/inspect/test-model';
import {inProcessWorker} from '../test-support/in-process-worker';
import type {LoadedModel} from '../engine/models';
import * as msg from '../protocol/messages';
import {activationMap} from '../engine/explain';
import {registerExplainHandlers} from './explain-handlers';

function model(): tfl.LayersModel {
  const input = tfl.input({shape: [12, 12, 1], name: 'image'});
  const conv = tfl.layers.conv2d({filters: 3, kernelSize: 3, activation: 'relu', name: 'conv', kernelInitializer: tfl.initializers.glorotUniform({seed: 1})});
  const flat = tfl.layers.flatten({name: 'flat'});
  const dense = tfl.layers.dense({units: 4, activation: 'softmax', name: 'probs', kernelInitializer: tfl.initializers.glorotUniform({seed: 2})});
  return tfl.model({name: 'tiny_cnn', inputs: input, outputs: dense.apply(flat.apply(conv.apply(input))) as tfl.SymbolicTensor});
}

test('activations: every layer, bytes that decode to the layer output within one step of 255, channel ranges; explain: saliency of the predicted class', async () => {
  await initBackend('cpu');
  const m = model();
  const loaded = {model: m, handle: {...handleFor(m, 'tiny', '/models/tiny'), dataset: undefined}} as unknown as LoadedModel;
  const worker = inProcessWorker([loaded], [registerExplainHandlers]);
  try {
    const values = Array.from({length: 144}, (_, i) => ((i * 37) % 17) / 16);
    const result = await worker.client.sendRequest(msg.activations, {modelId: 'tiny', sample: {kind: 'values', values}});
    const byName = new Map(result.layers.map((l) => [l.name, l]));
    const conv = byName.get('conv')!;
    assert.equal(conv.kind, 'maps');
    assert.deepEqual(conv.shape, [10, 10, 3]);
    assert.equal(byName.get('probs')!.kind, 'vector');
    const expected = tf.tidy(() => (m.getLayer('conv').apply(tf.tensor(values, [1, 12, 12, 1])) as tf.Tensor).dataSync());
    const bytes = Buffer.from(conv.bytes, 'base64');
    assert.equal(bytes.length, expected.length);
    const step = (conv.max - conv.min) / 255;
    for (let i = 0; i < expected.length; i++) assert.ok(Math.abs(conv.min + bytes[i]! * step - expected[i]!) <= step / 2 + 1e-6, `value ${i}`);
    for (let c = 0; c < 3; c++) {
      const channel = Array.from(expected).filter((_, i) => i % 3 === c);
      assert.ok(Math.abs(conv.channels![c]!.max - Math.max(...channel)) < 1e-6);
      assert.ok(Math.abs(conv.channels![c]!.mean - channel.reduce((a, b) => a + b, 0) / channel.length) < 1e-6);
    }

    const e = await worker.client.sendRequest(msg.explainSample, {modelId: 'tiny', sample: {kind: 'values', values}, method: 'saliency'});
    const probs = m.predict(tf.tensor(values, [1, 12, 12, 1])) as tf.Tensor;
    const p = Array.from(probs.dataSync());
    const best = p.indexOf(Math.max(...p));
    assert.equal(e.predicted, best);
    assert.equal(e.classIndex, best);
    assert.equal(e.scoreKind, 'before-softmax');
    assert.deepEqual(e.top.map((t) => t.label), p.map((v, i) => [v, i]).sort((a, b) => b[0]! - a[0]!).slice(0, 3).map(([, i]) => i));
    assert.deepEqual(e.shape, [12, 12, 1]);
    assert.equal(e.attribution.length, 144);
    assert.ok(e.attribution.some((v) => v !== 0));
    assert.match(e.image ?? '', /^data:image\/png;base64,/);
    const other = await worker.client.sendRequest(msg.explainSample, {modelId: 'tiny', sample: {kind: 'values', values}, method: 'integrated-gradients', classIndex: (best + 1) % 4});
    assert.equal(other.classIndex, (best + 1) % 4);
    assert.ok(other.completenessError! <= 0.02, `completeness ${other.completenessError}`);

    await assert.rejects(worker.client.sendRequest(msg.activations, {modelId: 'tiny', sample: {kind: 'values', values: [1, 2]}}),
      (err: Error) => /^sample: the model takes 144 input values \(shape \[12, 12, 1\]\), got 2$/.test(err.message));
  } finally {
    worker.dispose();
  }
});

test('activationMap: rank-3 outputs are feature maps, rank-2 (recurrent, time x units) a sequence, others a strip; a constant output scales to zeros', () => {
  const stats = (values: Float32Array) => ({min: Math.min(...values), max: Math.max(...values), mean: values.reduce((a, b) => a + b, 0) / values.length, zeroFraction: 0});
  const sequence = Float32Array.from({length: 12}, (_, i) => i - 4);
  const seq = activationMap({name: 'lstm', className: 'LSTM', shape: [4, 3], values: sequence, stats: stats(sequence)});
  assert.equal(seq.kind, 'sequence');
  assert.deepEqual([...Buffer.from(seq.bytes, 'base64')], Array.from(sequence, (v) => Math.round(((v + 4) / 11) * 255)));
  assert.equal(seq.channels, undefined);
  const flat = new Float32Array([2, 2, 2]);
  const vector = activationMap({name: 'dense', className: 'Dense', shape: [3], values: flat, stats: stats(flat)});
  assert.equal(vector.kind, 'vector');
  assert.deepEqual([...Buffer.from(vector.bytes, 'base64')], [0, 0, 0]);
});
