/**
 * Every file in test/fixtures/keras either loads with the right weights or is refused with
 * a specific, true message. Weights are checked against the file itself, read independently
 * with h5py where h5py is available. Set KERAS_FIXTURE_REPORT=path to write the result table.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import {fixtureEntries, KERAS_FIXTURES, hasPythonModule, runPython, tempDir} from '../test-support/fixtures';
import {detectFormat, modelFromArtifacts, readArtifacts} from './index';
import {readKerasHdf5, readKerasWeightsWithTopology} from './hdf5';
import {decodeArtifactWeights} from '../keras/config-weights';
import type {KerasArtifacts} from './artifacts';

interface Expectation {
  /** Regular expression the refusal must match; absent = must load. */
  refused?: RegExp;
  /** For weights-only HDF5: the JSON topology (or whole-model file whose config to use). */
  topology?: string;
}

/** What each fixture must do. A fixture missing here fails the test: every file is accounted for. */
const EXPECTED: Record<string, Expectation> = {
  'h5/keras1.2.2_seq_lstm_dense_weights_only.h5': {topology: 'h5/keras1.2.2_seq_lstm_dense_with_optimizer.h5'},
  'h5/keras1.2.2_seq_lstm_dense_with_optimizer.h5': {},
  'h5/keras2.0.6_seq_lstm_dense_config.json': {refused: /model topology \(model\.to_json\(\)\) without weights/},
  'h5/keras2.0.6_seq_lstm_dense_weights_only.h5': {topology: 'h5/keras2.0.6_seq_lstm_dense_config.json'},
  'h5/keras2.0.6_seq_lstm_dense_with_optimizer.h5': {},
  'h5/keras2.1.3_seq_conv2d_batchnorm.h5': {},
  'h5/keras2.1.3_seq_embedding_lstm.h5': {},
  'h5/keras2.2.0_functional_conv2d_maxpool_prelu.h5': {},
  'h5/keras2.2.2_seq_lenet_topology.json': {refused: /without weights/},
  'h5/keras2.2.2_seq_lenet_weights_only.h5': {topology: 'h5/keras2.2.2_seq_lenet_topology.json'},
  'h5/keras2.3.1_functional_conv2d_maxpool_dropout_dense.hdf5': {},
  'h5/keras2.3.1_seq_conv2d_maxpool_dropout_dense.hdf5': {},
  'h5/tfkeras2.1.6-tf_seq_lenet_zeropad_with_optimizer.h5': {},
  'h5/tfkeras2.11.0_functional_attention_with_optimizer.h5': {},
  'h5/tfkeras2.2.4-tf_functional_conv1d_batchnorm.h5': {},
  'h5/tfkeras2.3.0-tf_seq_gru_dropout_with_optimizer.h5': {},
  'h5/tfkeras2.4.0_functional_embedding_conv1d_with_optimizer.hdf5': {},
  'h5/tfkeras2.4.0_seq_lstm_model.json': {refused: /without weights/},
  'h5/tfkeras2.4.0_seq_lstm_weights_only.h5': {topology: 'h5/tfkeras2.4.0_seq_lstm_model.json'},
  'keras3/keras3.15.1_seq_conv2d_maxpool_dropout.keras': {},
  'keras3/keras3.9.2_seq_dense_dropout_leakyrelu.keras': {},
  'savedmodel/tfkeras2.11_functional_flatten_dense': {},
  'savedmodel/tf_module_times_three_float': {refused: /without keras_metadata\.pb: a plain tf\.Module graph, not a Keras model/},
  'tfjs/converted_old_tfkeras2.1.6-tf_no_format_field': {},
  'tfjs/tfjs_node_saved_abalone_dense': {},
  'tfjs/tfjs_saved_1.2.7_dense_list_config': {},
  'tfjs/tfjs_saved_embedding_gru': {},
};


export interface FixtureResult {
  fixture: string;
  format?: string;
  status: 'loaded' | 'refused';
  detail: string;
  weights?: number;
  optimizerWeights?: number;
}

/** Reads a whole-model HDF5's model_config into a JSON file, as model.to_json() would have written it. */
function topologyFileFor(source: string, dir: string): string {
  if (source.endsWith('.json')) return path.join(KERAS_FIXTURES, source);
  const out = path.join(dir, 'topology.json');
  runPython('import h5py,sys\nf=h5py.File(sys.argv[1],"r")\nv=f.attrs["model_config"]\nopen(sys.argv[2],"w").write(v.decode() if isinstance(v,bytes) else v)',
    [path.join(KERAS_FIXTURES, source), out]);
  return out;
}

/** The layer weights of a Keras HDF5 file exactly as h5py reads them through weight_names. */
function h5pyWeights(file: string): Map<string, Float32Array[]> {
  const script = `
import h5py, json, sys, base64, numpy as np
f = h5py.File(sys.argv[1], 'r')
g = f['model_weights'] if 'model_weights' in f else f
d = lambda v: v.decode('utf8') if isinstance(v, bytes) else str(v)
out = {}
for n in [d(x) for x in g.attrs['layer_names']]:
    names = [d(x) for x in g[n].attrs['weight_names']]
    out[n] = [base64.b64encode(np.asarray(g[n][w], dtype=np.float32).tobytes()).decode() for w in names]
print(json.dumps(out))`;
  const parsed = JSON.parse(runPython(script, [file])) as Record<string, string[]>;
  return new Map(Object.entries(parsed).map(([k, v]) => [k, v.map((b) => new Float32Array(Uint8Array.from(Buffer.from(b, 'base64')).buffer))]));
}

function sum(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}

async function checkRuns(artifacts: KerasArtifacts, file: string): Promise<void> {
  const model = await modelFromArtifacts(artifacts, file, {compile: true});
  const shape = model.inputs[0].shape.map((d, i) => d ?? (i === 0 ? 2 : 16));
  const x = tf.zeros(shape, model.inputs[0].dtype);
  const y = model.predict(x) as tf.Tensor | tf.Tensor[];
  const outputs = Array.isArray(y) ? y : [y];
  for (const o of outputs) assert.ok(o.dataSync().every(Number.isFinite), `${file}: non-finite prediction`);
  tf.dispose([x, ...outputs]);
  model.dispose();
}

export async function walkFixtures(checkWithH5py: boolean): Promise<FixtureResult[]> {
  const results: FixtureResult[] = [];
  const scratch = tempDir('kw-fixtures-');
  for (const entry of fixtureEntries()) {
    let full = path.join(KERAS_FIXTURES, entry);
    // A TensorFlow.js folder whose model JSON is not named model.json is opened through that JSON file.
    if (entry.startsWith('tfjs/') && !fs.existsSync(path.join(full, 'model.json'))) {
      full = path.join(full, fs.readdirSync(full).find((n) => n.endsWith('.json'))!);
    }
    const expectation = EXPECTED[entry];
    assert.ok(expectation, `fixture ${entry} has no expectation in this test: add one`);
    let artifacts: KerasArtifacts;
    let format: string | undefined;
    try {
      if (expectation.topology) {
        artifacts = await readKerasWeightsWithTopology(full, topologyFileFor(expectation.topology, scratch));
        format = 'h5 weights + JSON topology';
      } else {
        const read = await readArtifacts(full);
        artifacts = read.artifacts;
        format = read.format;
      }
    } catch (e) {
      const detail = (e as Error).message;
      results.push({fixture: entry, format: await detectFormat(full).then((f) => f.format, () => undefined), status: 'refused', detail});
      continue;
    }
    await checkRuns(artifacts, entry);
    const weights = decodeArtifactWeights(artifacts.weightSpecs ?? [], artifacts.weightData, entry);
    const optimizerWeights = [...weights.values()].filter((w) => w.group === 'optimizer').length;
    if (checkWithH5py && /\.(h5|hdf5)$/.test(entry)) {
      // Every weight equals what h5py reads through weight_names, layer by layer in order (as Keras
      // pairs them); Keras 1 split gates are merged by us, so there only their sum can match.
      const independent = [...h5pyWeights(full).values()].filter((a) => a.length > 0);
      const ours: Float32Array[][] = [];
      let previous = '';
      for (const w of weights.values()) {
        if (w.group === 'optimizer') continue;
        const layer = w.name.split('/')[0];
        if (layer !== previous) ours.push([]);
        previous = layer;
        ours[ours.length - 1].push(w.data as Float32Array);
      }
      assert.equal(ours.length, independent.length, `${entry}: layers with weights`);
      independent.forEach((arrays, k) => {
        if (ours[k].length === arrays.length) {
          arrays.forEach((a, i) => assert.deepEqual(ours[k][i], a, `${entry}: weight ${i} of layer ${k} differs from h5py's`));
        } else {
          const total = (xs: Float32Array[]) => xs.reduce((s, x) => s + sum(x), 0);
          assert.ok(Math.abs(total(ours[k]) - total(arrays)) < 1e-3, `${entry}: layer ${k} weights differ from h5py's`);
        }
      });
    }
    results.push({fixture: entry, format, status: 'loaded', detail: (artifacts.warnings ?? []).join(' | '), weights: weights.size - optimizerWeights, optimizerWeights});
  }
  fs.rmSync(scratch, {recursive: true, force: true});
  return results;
}

test('every Keras fixture loads with its weights or is refused with its reason', async () => {
  await initBackend('cpu');
  const h5py = hasPythonModule('h5py');
  if (!h5py) console.log('# h5py not installed (apt-get install python3-h5py): weights are not cross-checked independently');
  const results = await walkFixtures(h5py);
  if (process.env.KERAS_FIXTURE_REPORT) fs.writeFileSync(process.env.KERAS_FIXTURE_REPORT, JSON.stringify(results, null, 1));
  assert.equal(results.length, Object.keys(EXPECTED).length);
  for (const r of results) {
    const expected = EXPECTED[r.fixture];
    if (expected.refused) {
      assert.equal(r.status, 'refused', `${r.fixture} should be refused but loaded`);
      assert.match(r.detail, expected.refused, `${r.fixture}: refusal reason`);
      assert.ok(r.detail.startsWith(path.join(KERAS_FIXTURES, r.fixture.split('/').slice(0, 2).join('/'))), `${r.fixture}: message names the file`);
    } else {
      assert.equal(r.status, 'loaded', `${r.fixture}: ${r.detail}`);
    }
  }
});

test('optimizer state is restored where Keras stored Adam slots, with the iteration count (int64) intact', async () => {
  await initBackend('cpu');
  const cases: Array<[string, number]> = [
    ['h5/tfkeras2.4.0_functional_embedding_conv1d_with_optimizer.hdf5', 5],
    ['h5/tfkeras2.1.6-tf_seq_lenet_zeropad_with_optimizer.h5', 10],
    ['keras3/keras3.15.1_seq_conv2d_maxpool_dropout.keras', 8],
    ['keras3/keras3.9.2_seq_dense_dropout_leakyrelu.keras', 8],
  ];
  for (const [entry, trainable] of cases) {
    const {artifacts} = await readArtifacts(path.join(KERAS_FIXTURES, entry));
    const weights = decodeArtifactWeights(artifacts.weightSpecs ?? [], artifacts.weightData, entry);
    const optimizer = [...weights.values()].filter((w) => w.group === 'optimizer');
    assert.equal(optimizer.length, 1 + 2 * trainable, `${entry}: iteration + m + v`);
    assert.equal(optimizer[0].name, 'iter');
    assert.ok(optimizer[0].data[0] > 0, `${entry}: iteration count ${optimizer[0].data[0]}`);
    const model = await modelFromArtifacts(artifacts, entry, {compile: true});
    const restored = await model.optimizer.getWeights();
    assert.equal(restored.length, optimizer.length, `${entry}: optimizer.setWeights took every slot`);
    assert.equal(restored[0].tensor.dataSync()[0], optimizer[0].data[0]);
    model.dispose();
  }
  // RMSprop (Keras 1/2.0) state does not map onto TensorFlow.js: dropped with a warning, model still loads.
  const {artifacts} = await readArtifacts(path.join(KERAS_FIXTURES, 'h5/keras2.0.6_seq_lstm_dense_with_optimizer.h5'));
  assert.match((artifacts.warnings ?? []).join('\n'), /optimizer state of RMSProp is not restored/);
});

test('Keras 1 LSTM gates (i, c, f, o stored apart) are merged in Keras 2 order (i, f, c, o)', async () => {
  await initBackend('cpu');
  const file = path.join(KERAS_FIXTURES, 'h5/keras1.2.2_seq_lstm_dense_with_optimizer.h5');
  const artifacts = await readKerasHdf5(file);
  const w = decodeArtifactWeights(artifacts.weightSpecs ?? [], artifacts.weightData, file);
  const kernel = w.get('lstm_1/kernel')!;
  assert.deepEqual(kernel.shape, [1, 200]);
  if (!hasPythonModule('h5py')) return;
  const gates = JSON.parse(runPython(`
import h5py, json, sys
g = h5py.File(sys.argv[1], 'r')['model_weights/lstm_1']
print(json.dumps({k: g['lstm_1_W_' + k + ':0'][()].ravel().tolist() for k in 'icfo'}))`, [file])) as Record<string, number[]>;
  const expected = [...gates.i, ...gates.f, ...gates.c, ...gates.o];
  assert.deepEqual(Array.from(kernel.data), Array.from(Float32Array.from(expected)));
});
