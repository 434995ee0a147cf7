import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {saveTarget, saveTargetProblem, realPathOf} from './save-target';
import {loadModel, saveModel} from './index';
import {recoverSaveTarget} from './atomic-save';
import {KERAS_FIXTURES, tempDir} from '../test-support/fixtures';

function smallModel(seed = 1): tfl.LayersModel {
  const model = tfl.sequential({layers: [
    tfl.layers.dense({inputShape: [3], units: 4, kernelInitializer: tfl.initializers.glorotUniform({seed})}),
    tfl.layers.dense({units: 2, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({seed: seed + 1})}),
  ]});
  model.compile({optimizer: tf.train.adam(0.01), loss: 'sparseCategoricalCrossentropy'});
  return model;
}

/** Every file under `dir` with its bytes, to show that a refused save changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, {withFileTypes: true})) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), e.isSymbolicLink() ? `-> ${fs.readlinkSync(p)}` : fs.readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}

function workspace(): string {
  const ws = tempDir('kw-ws-');
  fs.writeFileSync(path.join(ws, 'mnist.train.json'), '{}');
  fs.mkdirSync(path.join(ws, 'data'));
  fs.writeFileSync(path.join(ws, 'data/train.csv'), 'a,label\n1,0\n');
  fs.mkdirSync(path.join(ws, 'notes'));
  fs.writeFileSync(path.join(ws, 'notes/todo.txt'), 'keep me');
  fs.writeFileSync(path.join(ws, 'readme.txt'), 'keep me too');
  return ws;
}

before(async () => {
  await initBackend('cpu');
});

test('refuses the workspace, folders above it, the spec, its data, ordinary files and folders — one line naming the target', () => {
  const ws = workspace();
  const context = {workspaceRoot: ws, protectedPaths: [path.join(ws, 'mnist.train.json'), path.join(ws, 'data/train.csv')]};
  const cases: Array<[string, RegExp]> = [
    ['.', /is the workspace folder/],
    ['..', /holds the workspace folder/],
    ['/', /is the file system root/],
    [os.homedir(), /home folder|outside the workspace|holds the workspace/],
    ['data', /holds .*train\.csv, which this run reads or works in/],
    ['data/train.csv', /is .*train\.csv, which this run reads or works in/],
    ['mnist.train.json', /which this run reads or works in/],
    ['notes', /is an ordinary folder, not a TensorFlow\.js model/],
    ['readme.txt', /is an ordinary file, not a model this tool can read/],
    ['../elsewhere', /is outside the workspace/],
  ];
  const before = snapshot(ws);
  for (const [target, expected] of cases) {
    const problem = saveTargetProblem(path.resolve(ws, target), context);
    assert.ok(problem, `${target} should be refused`);
    assert.match(problem!, expected, target);
    assert.ok(!problem!.includes(path.resolve(ws, target) + ':'), `the problem alone; callers name the target: ${problem}`);
    assert.ok(!problem!.includes('\n'), 'one line');
  }
  assert.equal(saveTargetProblem(path.join(ws, 'models/new-model'), context), undefined, 'an absent path inside the workspace is fine');
  assert.deepEqual(snapshot(ws), before);
});

test('format and kind must agree; a model folder holding other files is refused; models written by Keras are replaceable', async () => {
  const ws = workspace();
  const folder = path.join(ws, 'models/m');
  await saveModel(smallModel(), saveTarget(folder));
  assert.equal(saveTargetProblem(folder, {workspaceRoot: ws}), undefined);
  assert.match(saveTargetProblem(folder, {format: 'h5'})!, /is an existing folder; the 'h5' format saves a single file/);
  fs.writeFileSync(path.join(folder, 'my-notes.md'), 'results');
  assert.match(saveTargetProblem(folder)!, /is a model folder that also holds my-notes\.md, which the model does not use/);
  fs.rmSync(path.join(folder, 'my-notes.md'));

  const h5 = path.join(ws, 'models/m.h5');
  fs.copyFileSync(path.join(KERAS_FIXTURES, 'h5/keras2.3.1_seq_conv2d_maxpool_dropout_dense.hdf5'), h5);
  assert.equal(saveTargetProblem(h5, {workspaceRoot: ws}), undefined, 'a Keras HDF5 model, recognised by content');
  assert.match(saveTargetProblem(h5, {format: 'tfjs'})!, /is an existing file; the TensorFlow\.js format saves a folder/);
  const keras = path.join(ws, 'models/named-anything.bin');
  fs.copyFileSync(path.join(KERAS_FIXTURES, 'keras3/keras3.9.2_seq_dense_dropout_leakyrelu.keras'), keras);
  assert.equal(saveTargetProblem(keras), undefined, 'a .keras archive under any name');

  const plainHdf5 = path.join(ws, 'data.h5');
  fs.writeFileSync(plainHdf5, Buffer.concat([Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096)]));
  assert.match(saveTargetProblem(plainHdf5)!, /is an HDF5 file without a Keras model in it/);
  const zip = path.join(ws, 'archive.keras');
  fs.writeFileSync(zip, 'PK\x03\x04 not really');
  assert.match(saveTargetProblem(zip)!, /is a zip file but not a Keras \.keras archive/);
  fs.mkdirSync(path.join(ws, 'empty'));
  assert.match(saveTargetProblem(path.join(ws, 'empty'))!, /is an empty folder this tool did not write/);
  assert.match(saveTargetProblem(path.join(KERAS_FIXTURES, 'savedmodel/tfkeras2.11_functional_flatten_dense'))!, /is a SavedModel folder/);
});

test('symbolic links: a link out of the workspace (in the path or as the target) never lets a save write outside', async () => {
  const ws = workspace();
  const outside = tempDir('kw-outside-');
  await saveModel(smallModel(), saveTarget(path.join(outside, 'victim')));
  const before = snapshot(outside);
  fs.symlinkSync(outside, path.join(ws, 'escape'));
  fs.symlinkSync(path.join(outside, 'victim'), path.join(ws, 'linked-model'));
  fs.symlinkSync(path.join(outside, 'not-yet'), path.join(ws, 'dangling'));
  const context = {workspaceRoot: ws};
  assert.match(saveTargetProblem(path.join(ws, 'escape/victim'), context)!, /is outside the workspace .* once symbolic links are resolved/);
  assert.match(saveTargetProblem(path.join(ws, 'escape/new'), context)!, /is outside the workspace/);
  assert.match(saveTargetProblem(path.join(ws, 'linked-model'), context)!, /outside the workspace/);
  assert.match(saveTargetProblem(path.join(ws, 'dangling'), context)!, /outside the workspace/);
  assert.equal(realPathOf(path.join(ws, 'dangling')), path.join(fs.realpathSync(outside), 'not-yet'));
  // Through the save itself: refused before anything is written, inside or outside.
  await assert.rejects(saveModel(smallModel(2), saveTarget(path.join(ws, 'escape/victim'), {workspaceRoot: ws})), /is outside the workspace/);
  await assert.rejects(saveModel(smallModel(2), saveTarget(path.join(ws, 'linked-model'))), /is a symbolic link/);
  assert.deepEqual(snapshot(outside), before);
  // A link inside the workspace to a model inside it: refused too (the link would be replaced).
  await saveModel(smallModel(), saveTarget(path.join(ws, 'models/real')));
  fs.symlinkSync(path.join(ws, 'models/real'), path.join(ws, 'models/alias'));
  assert.match(saveTargetProblem(path.join(ws, 'models/alias'), context)!, /is a symbolic link/);
});

test('a folder save killed between its two renames is rolled back by the next load; temporaries of dead processes are removed', async () => {
  const dir = tempDir();
  const target = path.join(dir, 'm');
  await saveModel(smallModel(), saveTarget(target));
  const expected = fs.readFileSync(path.join(target, 'weights.bin'));
  // What a writer with process id 999999 (not running) leaves after `old-moved`: no model at the path.
  fs.renameSync(target, path.join(dir, '.m.old-999999-abc'));
  fs.mkdirSync(path.join(dir, '.m.saving-999999-abc'));
  fs.writeFileSync(path.join(dir, '.m.saving-999999-abc/model.json'), '{"half":');
  fs.writeFileSync(path.join(dir, '.m.save-lock'), '999999');
  const {model} = await loadModel(target);
  assert.equal(model.layers.length, 2);
  assert.deepEqual(fs.readFileSync(path.join(target, 'weights.bin')), expected);
  assert.deepEqual(fs.readdirSync(dir), ['m']);
  // Leftovers of a live process (this one, mid-save in another call) are not touched without the lock.
  fs.writeFileSync(path.join(dir, '.m.save-lock'), String(process.ppid));
  fs.mkdirSync(path.join(dir, `.m.saving-${process.ppid}-xyz`));
  await recoverSaveTarget(target);
  assert.ok(fs.existsSync(path.join(dir, `.m.saving-${process.ppid}-xyz`)));
});
