/** The `convert` subcommand on real fixtures: every direction, and its exit statuses. */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {KERAS_FIXTURES, tempDir} from '../test-support/fixtures';
import {main} from './main';
import {readArtifacts} from '../formats/index';
import {decodeArtifactWeights} from '../keras/config-weights';

async function quietly(run: () => Promise<number>): Promise<{code: number; err: string}> {
  const write = process.stderr.write.bind(process.stderr);
  const out = process.stdout.write.bind(process.stdout);
  let err = '';
  process.stderr.write = ((chunk: string) => { err += chunk; return true; }) as typeof process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return {code: await run(), err};
  } finally {
    process.stderr.write = write;
    process.stdout.write = out;
  }
}

test('convert: h5 -> keras -> tfjs folder -> h5 keeps every weight; weights-only h5 with --weights', async () => {
  const dir = tempDir();
  const source = path.join(KERAS_FIXTURES, 'h5/tfkeras2.4.0_functional_embedding_conv1d_with_optimizer.hdf5');
  const steps = [path.join(dir, 'a.keras'), path.join(dir, 'folder'), path.join(dir, 'b.h5')];
  let input = source;
  for (const output of steps) {
    const {code, err} = await quietly(() => main(['convert', input, output]));
    assert.equal(code, 0, err);
    input = output;
  }
  const a = (await readArtifacts(source)).artifacts;
  const b = (await readArtifacts(steps[2])).artifacts;
  const wa = decodeArtifactWeights(a.weightSpecs ?? [], a.weightData, 'a');
  const wb = decodeArtifactWeights(b.weightSpecs ?? [], b.weightData, 'b');
  assert.deepEqual([...wb.keys()], [...wa.keys()]);
  for (const [k, v] of wa) assert.deepEqual(wb.get(k)!.data, v.data, k);

  const lenet = path.join(dir, 'lenet.keras');
  const paired = await quietly(() => main(['convert', path.join(KERAS_FIXTURES, 'h5/keras2.2.2_seq_lenet_topology.json'), lenet,
    '--weights', path.join(KERAS_FIXTURES, 'h5/keras2.2.2_seq_lenet_weights_only.h5'), '--no-optimizer']));
  assert.equal(paired.code, 0, paired.err);
  assert.ok(fs.statSync(lenet).size > 100_000);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('convert: refusals exit 1 naming the file, usage errors exit 1 too, --no-overwrite keeps the target', async () => {
  const dir = tempDir();
  const module = path.join(KERAS_FIXTURES, 'savedmodel/tf_module_times_three_float');
  const refused = await quietly(() => main(['convert', module, path.join(dir, 'x.h5')]));
  assert.equal(refused.code, 1);
  assert.match(refused.err, new RegExp(`${module.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: is a TensorFlow SavedModel without keras_metadata.pb`));
  assert.equal(fs.existsSync(path.join(dir, 'x.h5')), false);
  // A model Keras 3 would compute differently is refused for .keras, naming the target, not a temporary file.
  const lstm = path.join(dir, 'lstm.keras');
  const unwritable = await quietly(() => main(['convert', path.join(KERAS_FIXTURES, 'h5/keras2.1.3_seq_embedding_lstm.h5'), lstm]));
  assert.equal(unwritable.code, 1);
  assert.ok(unwritable.err.includes(`${lstm}: cannot be written as Keras 3: layer 'lstm_1' (LSTM) uses hard_sigmoid`), unwritable.err);
  assert.equal(fs.readdirSync(dir).length, 0, 'nothing left behind');
  const one = await quietly(() => main(['convert', 'only-one']));
  assert.deepEqual([one.code, one.err], [1, 'keras-workbench convert: missing OUT (the file or folder to write)\n']);
  const onnx = await quietly(() => main(['convert', 'a', 'b', '--format', 'onnx']));
  assert.deepEqual([onnx.code, onnx.err], [1, 'keras-workbench convert: --format: expected tfjs, h5 or keras, got \'onnx\'\n']);
  const target = path.join(dir, 'keep.h5');
  fs.writeFileSync(target, 'old');
  const kept = await quietly(() => main(['convert', path.join(KERAS_FIXTURES, 'keras3/keras3.9.2_seq_dense_dropout_leakyrelu.keras'), target, '--no-overwrite']));
  assert.equal(kept.code, 1);
  assert.equal(fs.readFileSync(target, 'utf8'), 'old');
  fs.rmSync(dir, {recursive: true, force: true});
});

test('convert to a TF.js folder: what stock TF.js cannot load is a warning on stderr (exit 0), what it would compute otherwise is refused (exit 1)', async () => {
  const dir = tempDir();
  try {
    const gru = await quietly(() => main(['convert', path.join(KERAS_FIXTURES, 'h5/tfkeras2.3.0-tf_seq_gru_dropout_with_optimizer.h5'), path.join(dir, 'gru')]));
    assert.equal(gru.code, 0, gru.err);
    assert.match(gru.err, /^warning: layer 'gru' \(GRU\): reset_after=True: stock TensorFlow\.js's GRU .*\.h5 and \.keras keep it/m);
    const relu = path.join(KERAS_FIXTURES, '../oracles/09_k2.3.1_advanced_activations/ReLU_2_model.h5');
    const refused = await quietly(() => main(['convert', relu, path.join(dir, 'relu')]));
    assert.equal(refused.code, 1);
    assert.match(refused.err, /relu: cannot be written as a TensorFlow\.js folder: layer 're_lu_1' \(ReLU\): negative_slope=.* together with threshold=.*\.h5 and \.keras keep it/);
    assert.ok(!fs.existsSync(path.join(dir, 'relu')), 'nothing was written');
    const kept = await quietly(() => main(['convert', relu, path.join(dir, 'relu.h5')]));
    assert.equal(kept.code, 0, kept.err);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});
