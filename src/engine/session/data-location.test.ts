/**
 * Stored data locations are untrusted: relative to the model's folder, confined to it and the
 * workspace by real path. And the metadata travels: a model trained on files, converted to
 * every format and moved to another folder, still finds its data and evaluates the same.
 */
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {initBackend} from '../backend';
import {tempDir} from '../../test-support/fixtures';
import {METADATA_KEY, metadataFor, relocateMetadata, resolveStoredDataPath} from './data-location';
import {encodeNpy} from './outputs';
import {mnistDirectory} from '../data/dataset';
import {trainFromSpec} from '../training/trainer';
import {validateSpec} from '../spec/spec';
import {ModelSession} from './session';
import {readArtifacts, saveArtifacts} from '../../formats';
import {main} from '../../cli/main';

before(async () => {
  await initBackend('auto');
});

test('stored data paths: relative to the model folder; absolute, escaping and symlinked-out ones are refused', () => {
  const ws = fs.realpathSync(tempDir());
  const outside = fs.realpathSync(tempDir());
  fs.mkdirSync(path.join(ws, 'models'));
  fs.mkdirSync(path.join(ws, 'data'));
  fs.writeFileSync(path.join(ws, 'data', 'x.npy'), 'x');
  fs.writeFileSync(path.join(outside, 'secret.npy'), 's');
  fs.symlinkSync(path.join(outside, 'secret.npy'), path.join(ws, 'data', 'link.npy'));
  const model = path.join(ws, 'models', 'm.h5');
  assert.equal(resolveStoredDataPath('../data/x.npy', model, path.dirname(model), [ws]), path.join(ws, 'data', 'x.npy'));
  assert.throws(() => resolveStoredDataPath('../data/x.npy', model, path.dirname(model), []), /resolves to .* outside the model's folder and the workspace; refusing to read it/,
    'without the workspace, a path above the model folder is refused');
  assert.throws(() => resolveStoredDataPath(path.join(outside, 'secret.npy'), model, path.dirname(model), [ws]), /m\.h5: stored data location '.*' is an absolute path/);
  assert.throws(() => resolveStoredDataPath(`../../${path.basename(outside)}/secret.npy`, model, path.dirname(model), [ws]), /outside the model's folder/);
  assert.throws(() => resolveStoredDataPath('../data/link.npy', model, path.dirname(model), [ws]), /resolves to .*secret\.npy, outside/, 'symlinks are followed before the check');
  assert.throws(() => resolveStoredDataPath('../data/none.npy', model, path.dirname(model), [ws]), /stored data location '..\/data\/none.npy' does not exist/);
  // Relocation keeps naming the same file from a new place.
  const meta = {[METADATA_KEY]: metadataFor({data: {train: {x: 'data/x.npy', y: 'data/y.npy'}}, preprocessing: {}}, ws, model)};
  assert.deepEqual((meta[METADATA_KEY].data as {train: {x: string}}).train.x, '../data/x.npy');
  const moved = relocateMetadata(meta, model, path.join(ws, 'a', 'b', 'm.keras'))!;
  assert.equal((moved[METADATA_KEY] as {data: {train: {x: string}}}).data.train.x, '../../data/x.npy');
});

test('a model trained on .npy files keeps its data and history through h5, .keras and TF.js, also moved elsewhere', async () => {
  const ws = fs.realpathSync(tempDir());
  fs.mkdirSync(path.join(ws, 'data'));
  const images = fs.readFileSync(path.join(mnistDirectory(), 't10k-images-idx3-ubyte')).subarray(16, 16 + 600 * 784);
  const labels = fs.readFileSync(path.join(mnistDirectory(), 't10k-labels-idx1-ubyte')).subarray(8, 8 + 600);
  fs.writeFileSync(path.join(ws, 'data', 'x.npy'), encodeNpy(Float32Array.from(images.subarray(0, 400 * 784)), [400, 28, 28]));
  fs.writeFileSync(path.join(ws, 'data', 'y.npy'), encodeNpy(Float32Array.from(labels.subarray(0, 400)), [400]));
  fs.writeFileSync(path.join(ws, 'data', 'xt.npy'), encodeNpy(Float32Array.from(images.subarray(400 * 784)), [200, 28, 28]));
  fs.writeFileSync(path.join(ws, 'data', 'yt.npy'), encodeNpy(Float32Array.from(labels.subarray(400)), [200]));
  const spec = validateSpec({
    name: 'files',
    data: {train: {x: 'data/x.npy', y: 'data/y.npy'}, test: {x: 'data/xt.npy', y: 'data/yt.npy'}},
    preprocessing: {reshape: [28, 28, 1], scale: 1 / 255},
    model: {layers: [{type: 'Flatten', input_shape: [28, 28, 1]}, {type: 'Dense', units: 10, activation: 'softmax'}]},
    compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 50, epochs: 2, verbose: 0},
    save: {path: 'models/files.h5'},
  }, 'files.train.json');
  await trainFromSpec(spec, 'files.train.json', {workspaceRoot: ws, threads: 1});
  const original = path.join(ws, 'models', 'files.h5');
  const reference = await ModelSession.open(original, {workspaceRoots: [ws]});
  assert.equal(reference.handle.history?.length, 2, 'the .h5 keeps the training history');
  const expected = await reference.evaluate();
  assert.equal(expected.count, 200);
  const targets = [path.join(ws, 'elsewhere', 'deep', 'm.keras'), path.join(ws, 'm-tfjs'), path.join(ws, 'back.h5')];
  let from = original;
  for (const target of targets) {
    const quiet = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      assert.equal(await main(['convert', from, target]), 0);
    } finally {
      process.stdout.write = quiet;
    }
    // The data is found again from the converted model's own folder.
    const session = await ModelSession.open(target, {workspaceRoots: [ws]});
    assert.deepEqual(session.handle.history, reference.handle.history, `${target}: history`);
    assert.deepEqual(await session.evaluate(), expected, `${target}: same evaluation`);
    from = target;
  }
  // A stored path edited to point outside is refused at open (the model still loads and predicts).
  const {artifacts} = await readArtifacts(original);
  const meta = artifacts.userDefinedMetadata as Record<string, {data: {test: {x: string}}}>;
  meta[METADATA_KEY]!.data.test.x = '../../../../../../etc/passwd';
  const hostile = path.join(ws, 'models', 'hostile.h5');
  await saveArtifacts(artifacts, hostile);
  const opened = await ModelSession.open(hostile, {workspaceRoots: [ws]});
  assert.throws(() => opened.requireTestSet(), /hostile\.h5: stored data location '.*etc\/passwd' resolves to \/etc\/passwd, outside the model's folder and the workspace/);
  const batch = opened.readInputs([path.join(ws, 'data', 'xt.npy')]);
  assert.equal((await opened.predictInputs(batch)).length, 200);
});
