/**
 * HDF5 and .keras variants that the shared fixtures do not all show, made from real fixtures by
 * rewriting them with h5py the way the Keras versions in question write: split `layer_names0..N`
 * attributes, Keras 3 legacy h5 (Keras 3 config, names without ':0', parent prefixes,
 * top_level_model_weights), Windows backslash group names in `.keras`, Lambda layers; and
 * content sniffing instead of extensions.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {strFromU8, unzipSync, zipSync} from 'fflate';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import {KERAS_FIXTURES, hasPythonModule, runPython, tempDir} from '../test-support/fixtures';
import {loadModel, readArtifacts} from './index';
import {readKerasHdf5} from './hdf5';
import {decodeArtifactWeights} from '../keras/config-weights';
import {toKeras3ModelConfig} from '../keras/config-export';
import {normalizeModelConfig, type ModelConfig} from '../keras/config';
import type {KerasArtifacts} from './artifacts';

const SEQ_CONV = path.join(KERAS_FIXTURES, 'h5/keras2.3.1_seq_conv2d_maxpool_dropout_dense.hdf5');
const KERAS3 = path.join(KERAS_FIXTURES, 'keras3/keras3.9.2_seq_dense_dropout_leakyrelu.keras');

function sameWeights(a: KerasArtifacts, b: KerasArtifacts): void {
  const wa = decodeArtifactWeights(a.weightSpecs ?? [], a.weightData, 'a');
  const wb = decodeArtifactWeights(b.weightSpecs ?? [], b.weightData, 'b');
  assert.deepEqual([...wb.keys()], [...wa.keys()]);
  for (const [k, v] of wa) assert.deepEqual(wb.get(k)!.data, v.data, k);
}

function h5py(t: {skip: (m: string) => void}): boolean {
  if (hasPythonModule('h5py')) return true;
  t.skip('python3-h5py not installed (apt-get install python3-h5py)');
  return false;
}

test('layer_names split into layer_names0..N (attributes over 64 KB) are joined', async (t) => {
  if (!h5py(t)) return;
  await initBackend('cpu');
  const dir = tempDir();
  const copy = path.join(dir, 'split.h5');
  fs.copyFileSync(SEQ_CONV, copy);
  runPython(`
import h5py, sys, numpy as np
g = h5py.File(sys.argv[1], 'r+')['model_weights']
names = list(g.attrs['layer_names'])
del g.attrs['layer_names']
for i in range(0, len(names), 3):
    g.attrs['layer_names%d' % (i // 3)] = np.array(names[i:i + 3])`, [copy]);
  sameWeights(await readKerasHdf5(SEQ_CONV), await readKerasHdf5(copy));
  fs.rmSync(dir, {recursive: true, force: true});
});

test('Keras 3 legacy .h5: Keras 3 config, weight names without :0 under a parent prefix, top_level_model_weights', async (t) => {
  if (!h5py(t)) return;
  await initBackend('cpu');
  const dir = tempDir();
  const copy = path.join(dir, 'keras3-legacy.h5');
  fs.copyFileSync(SEQ_CONV, copy);
  const original = await readKerasHdf5(SEQ_CONV);
  const {config} = normalizeModelConfig(original.modelTopology, {file: SEQ_CONV});
  const keras3Config = JSON.stringify(toKeras3ModelConfig(config as ModelConfig, undefined, copy));
  fs.writeFileSync(path.join(dir, 'config.json'), keras3Config);
  runPython(`
import h5py, sys
f = h5py.File(sys.argv[1], 'r+')
f.attrs['model_config'] = open(sys.argv[2]).read()
f.attrs['keras_version'] = '3.10.0'
g = f['model_weights']
for layer in [n.decode() for n in g.attrs['layer_names']]:
    lg = g[layer]
    new_names = []
    for w in [n.decode() for n in lg.attrs['weight_names']]:
        data = lg[w][()]
        del lg[w]
        name = 'sequential_2/' + w[:-2]  # Keras 3: parent prefix, no ':0'
        lg.create_dataset(name, data=data)
        new_names.append(name)
    lg.attrs['weight_names'] = new_names if new_names else []
top = g.create_group('top_level_model_weights')
top.attrs['weight_names'] = []`, [copy, path.join(dir, 'config.json')]);
  const rewritten = await readKerasHdf5(copy);
  assert.equal(rewritten.kerasVersion, '3.10.0');
  sameWeights(original, rewritten);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('.keras written on Windows (flat groups named layers\\dense\\vars) loads like the original', async (t) => {
  if (!h5py(t)) return;
  await initBackend('cpu');
  const dir = tempDir();
  const members = unzipSync(new Uint8Array(fs.readFileSync(KERAS3)));
  const weights = path.join(dir, 'model.weights.h5');
  fs.writeFileSync(weights, members['model.weights.h5']);
  runPython(`
import h5py, sys
f = h5py.File(sys.argv[1], 'r+')
moves = []
def visit(name, obj):
    if isinstance(obj, h5py.Group) and 'vars' in name.split('/')[-1:] and name.startswith('layers/'):
        moves.append(name)
f.visititems(visit)
for name in moves:
    flat = name.replace('/', '\\\\')
    f.copy(f[name], flat)
del f['layers']`, [weights]);
  const windows = path.join(dir, 'windows.keras');
  fs.writeFileSync(windows, zipSync({
    'metadata.json': [members['metadata.json'], {level: 0}],
    'config.json': [members['config.json'], {level: 0}],
    'model.weights.h5': [new Uint8Array(fs.readFileSync(weights)), {level: 0}],
  }));
  assert.ok(strFromU8(members['config.json']).includes('"Sequential"'));
  sameWeights((await readArtifacts(KERAS3)).artifacts, (await readArtifacts(windows)).artifacts);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('formats are recognized by content, not by extension', async () => {
  await initBackend('cpu');
  const dir = tempDir();
  const h5AsKeras = path.join(dir, 'model.keras'); // tf.keras 2.11 wrote HDF5 under .keras names
  fs.copyFileSync(SEQ_CONV, h5AsKeras);
  assert.equal((await readArtifacts(h5AsKeras)).format, 'h5');
  const zipAsH5 = path.join(dir, 'model.h5');
  fs.copyFileSync(KERAS3, zipAsH5);
  assert.equal((await readArtifacts(zipAsH5)).format, 'keras');
  const loaded = await loadModel(zipAsH5);
  const y = loaded.model.predict(tf.ones([1, 2])) as tf.Tensor;
  assert.equal(y.shape[1], 2);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('refusals name the file and the problem', async (t) => {
  await initBackend('cpu');
  const weightsOnly = path.join(KERAS_FIXTURES, 'h5/keras2.2.2_seq_lenet_weights_only.h5');
  await assert.rejects(readArtifacts(weightsOnly), (e: Error) => e.message.startsWith(weightsOnly) && /weights-only HDF5 file/.test(e.message));
  if (!h5py(t)) return;
  const dir = tempDir();
  const lambda = path.join(dir, 'lambda.h5');
  fs.copyFileSync(SEQ_CONV, lambda);
  runPython(`
import h5py, sys, json
f = h5py.File(sys.argv[1], 'r+')
c = json.loads(f.attrs['model_config'])
c['config']['layers'].insert(1, {'class_name': 'Lambda', 'config': {'name': 'lambda_1', 'function': ['4wEAAAAAAAAAAQAAAAIAAABDAAAAcwgAAAB8AGQBFABTACkCTukCAAAAqQApAdoBeHIBAAAAcgEAAAD6HjxpcHl0aG9uLWlucHV0LTEtZDQ1ZDM2MGYxYjA5PtoIPGxhbWJkYT4BAAAA8wAAAAA=', None, None], 'function_type': 'lambda', 'output_shape': None, 'arguments': {}}})
f.attrs['model_config'] = json.dumps(c)`, [lambda]);
  await assert.rejects(readArtifacts(lambda), (e: Error) =>
    e.message.startsWith(lambda) && /layer 'lambda_1' \(Lambda\) holds Python code .* never executed/.test(e.message));
  const hardSigmoid = path.join(dir, 'keras3-hard-sigmoid.keras');
  const members = unzipSync(new Uint8Array(fs.readFileSync(KERAS3)));
  const config = strFromU8(members['config.json']).replace('"activation": "relu"', '"activation": "hard_sigmoid"');
  fs.writeFileSync(hardSigmoid, zipSync({...members, 'config.json': new TextEncoder().encode(config)}));
  await assert.rejects(readArtifacts(hardSigmoid), /Keras 3 'hard_sigmoid' is relu6\(x \+ 3\) \/ 6/);
  fs.rmSync(dir, {recursive: true, force: true});
});
