import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {analyzeSpecText, formatDiagnostic, SpecCheckError} from './spec-analysis';
import {validateSpec} from '../spec/spec';
import {trainFromSpec} from '../training/trainer';
import {REPO_ROOT, tempDir} from '../../test-support/fixtures';
import {checkCommand} from '../../cli/check';

const REFERENCE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mnist-cnn.train.json'), 'utf8');

function analyze(text: string, root = tempDir()) {
  return analyzeSpecText(text, path.join(root, 'm.train.json'), {workspaceRoot: root});
}

function applyFix(text: string, edits: {offset: number; length: number; newText: string}[]): string {
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) text = text.slice(0, e.offset) + e.newText + text.slice(e.offset + e.length);
  return text;
}

test('the reference spec is clean; its totals equal Keras model.summary()', () => {
  const a = analyze(REFERENCE);
  assert.deepEqual(a.diagnostics, []);
  assert.equal(a.model!.trainable, 15955210);
  assert.deepEqual(a.layers.map((l) => l.output), [[26, 26, 32], [24, 24, 64], [22, 22, 128], [61952], [256], [10]]);
  assert.equal(a.epochSamples, 48000);
});

test('no Flatten: the error sits on the Dense that keeps spatial axes, and its fix inserts a Flatten', () => {
  const text = REFERENCE.replace(/\n\s*\{"type": "Flatten"\},/, '');
  const a = analyze(text);
  assert.equal(a.diagnostics.length, 1);
  const d = a.diagnostics[0];
  assert.equal(d.code, 'missing-flatten');
  assert.equal(text.slice(d.offset, d.offset + d.length), '"Dense"');
  assert.match(d.message, /Dense gets \(None, 22, 22, 128\).*outputs \(None, 22, 22, 256\).*model outputs \(None, 22, 22, 10\) but sparse_categorical_crossentropy .* needs \(None, 10\)/);
  const fixed = applyFix(text, d.fix!.edits);
  assert.equal(fixed, REFERENCE);
  assert.deepEqual(analyze(fixed).diagnostics, []);
});

test('misspelled argument and units against classes have quick fixes', () => {
  const unitz = REFERENCE.replace('"units": 256', '"unitz": 256');
  const d = analyze(unitz).diagnostics.find((x) => x.code === 'unknown-argument')!;
  assert.equal(unitz.slice(d.offset, d.offset + d.length), '"unitz"');
  assert.equal(applyFix(unitz, d.fix!.edits), REFERENCE);
  const five = REFERENCE.replace('"units": 10,', '"units": 5,');
  const u = analyze(five).diagnostics[0];
  assert.equal(u.code, 'units-vs-classes');
  assert.equal(u.severity, 'error');
  assert.equal(applyFix(five, u.fix!.edits), REFERENCE);
});

test('data from file headers only: npy and IDX shapes, missing files, reshape sizes', () => {
  const root = tempDir();
  // An .npy whose header says 70000 x 28 x 28 but whose data is absent: only the header is read.
  const header = "{'descr': '|u1', 'fortran_order': False, 'shape': (70000, 28, 28), }";
  const padded = header.padEnd(118, ' ') + '\n';
  fs.writeFileSync(path.join(root, 'x.npy'), Buffer.concat([Buffer.from([0x93]), Buffer.from('NUMPY'), Buffer.from([1, 0, padded.length, 0]), Buffer.from(padded, 'latin1')]));
  const idx = Buffer.alloc(8);
  idx.writeUInt32BE(0x00000801, 0);
  idx.writeUInt32BE(70000, 4);
  fs.writeFileSync(path.join(root, 'y.idx'), idx);
  const spec = REFERENCE.replace('"data": {"dataset": "mnist"}', '"data": {"train": {"x": "x.npy", "y": "y.idx"}, "test": {"x": "gone.npy", "y": "y.idx"}}');
  const a = analyze(spec, root);
  assert.deepEqual(a.data.raw, [28, 28]);
  assert.equal(a.data.trainCount, 70000);
  assert.deepEqual(a.diagnostics.map((d) => d.message), ['data.test.x: file not found: gone.npy (relative to ' + root + ')']);
  const bad = analyze(spec.replace('"reshape": [28, 28, 1]', '"reshape": [28, 28, 3]'), root);
  assert.ok(bad.diagnostics.some((d) => /preprocessing.reshape: cannot reshape samples of shape \(28, 28\) \(784 values\) to \(28, 28, 3\)/.test(d.message)));
});

test('schema errors, save targets and the check command', () => {
  const root = tempDir();
  const text = REFERENCE.replace('"batch_size": 150', '"batch_size": 0').replace('"path": "models/mnist-cnn"', '"path": "."').replace('"shuffle": true', '"shufle": true');
  const file = path.join(root, 'm.train.json');
  fs.writeFileSync(file, text);
  const a = analyze(text, root);
  assert.deepEqual(a.diagnostics.map((d) => [d.field, d.severity]), [['fit.batch_size', 'error'], ['fit.shufle', 'error'], ['save.path', 'error']]);
  assert.match(a.diagnostics[2].message, /is the workspace folder/);
  const lines: string[] = [];
  const cwd = process.cwd();
  process.chdir(root);
  try {
    assert.equal(checkCommand(['m.train.json'], (l) => lines.push(l)), 1);
  } finally {
    process.chdir(cwd);
  }
  assert.equal(lines[0], 'm.train.json:20:25: error: fit.batch_size: must be >= 1');
  assert.equal(lines.at(-1), 'm.train.json: 3 error(s), 0 warning(s), 15,955,210 parameters, output (None, 10)');
  assert.equal(formatDiagnostic('f', text, a.diagnostics[1]), "f:20:67: error: fit.shufle: is not a known setting (did you mean 'shuffle'?)");
});

test('train refuses a spec with errors before loading any data', async () => {
  const root = tempDir();
  // Labels whose header promises 60000 samples but whose data is missing: loading them would fail.
  const idx = Buffer.alloc(8);
  idx.writeUInt32BE(0x00000801, 0);
  idx.writeUInt32BE(60000, 4);
  fs.writeFileSync(path.join(root, 'y.idx'), idx);
  const images = Buffer.alloc(16);
  images.writeUInt32BE(0x00000803, 0);
  images.writeUInt32BE(60000, 4);
  images.writeUInt32BE(28, 8);
  images.writeUInt32BE(28, 12);
  fs.writeFileSync(path.join(root, 'x.idx'), images);
  const file = path.join(root, 'bad.train.json');
  const text = REFERENCE.replace('"data": {"dataset": "mnist"}', '"data": {"train": {"x": "x.idx", "y": "y.idx"}}')
    .replace(/\n\s*\{"type": "Flatten"\},/, '');
  fs.writeFileSync(file, text);
  const spec = validateSpec(JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')), file);
  await assert.rejects(trainFromSpec(spec, file, {workspaceRoot: root, backend: 'cpu'}), (e: Error) => {
    assert.ok(e instanceof SpecCheckError, String(e));
    assert.equal(e.message, `${file}:14:16: model.layers[3].type: Dense gets (None, 22, 22, 128), which keeps spatial axes, and outputs (None, 22, 22, 256): the model outputs (None, 22, 22, 10) but sparse_categorical_crossentropy with one class index per sample needs (None, classes). Insert a Flatten before this layer.`);
    return true;
  });
});

test('the code lens total equals keras-workbench summary of the model the engine builds and trains', async () => {
  const {initBackend} = await import('../backend');
  const {summarize} = await import('../summary');
  const {buildModel} = await import('../model/build');
  await initBackend('cpu');
  const text = REFERENCE.replace(/"filters": 64/, '"filters": 6').replace(/"filters": 128/, '"filters": 4').replace(/"units": 256/, '"units": 12')
    .replace(/("filters": 6, "kernel_size": \[3, 3\], "activation": "relu", "padding": "valid"\})/, '$1, {"type": "BatchNormalization"}, {"type": "MaxPooling2D"}')
    .replace(/\{"type": "Dense", "units": 12, "activation": "relu"\}/, '{"type": "Dense", "units": 12, "activation": "relu"}, {"type": "Dropout", "rate": 0.5}');
  const a = analyze(text);
  assert.deepEqual(a.diagnostics, []);
  const spec = validateSpec(JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')), 'm.train.json');
  const model = await buildModel(spec, 'm.train.json');
  const table = summarize(model);
  assert.equal(a.model!.trainable + a.model!.nonTrainable, table.totalParams);
  assert.equal(a.model!.nonTrainable, table.nonTrainableParams);
  assert.deepEqual(a.layers.map((l) => `(None, ${l.output!.join(', ')})`), table.rows.map((r) => r.outputShape));
  model.dispose();
});

test('a data path naming a FIFO or a folder is refused without reading it', async () => {
  const root = tempDir();
  const {execFileSync} = await import('child_process');
  execFileSync('mkfifo', [path.join(root, 'pipe.npy')]);
  fs.mkdirSync(path.join(root, 'folder.idx'));
  const a = analyze(REFERENCE.replace('"data": {"dataset": "mnist"}', '"data": {"train": {"x": "pipe.npy", "y": "folder.idx"}}'), root);
  assert.deepEqual(a.diagnostics.map((d) => d.message), ['data.train.x: pipe.npy is not a regular file', 'data.train.y: folder.idx is not a regular file']);
});

test('save targets the engine would refuse: an ordinary folder, the spec itself', () => {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'notes'));
  fs.writeFileSync(path.join(root, 'notes', 'todo.txt'), 'mine');
  const folder = analyze(REFERENCE.replace('"path": "models/mnist-cnn"', '"path": "notes"'), root);
  assert.equal(folder.diagnostics.length, 1);
  assert.equal(folder.diagnostics[0].field, 'save.path');
  const spec = analyze(REFERENCE.replace('"path": "models/mnist-cnn"', '"path": "m.train.json"').replace('"format": "tfjs"', '"format": "h5"'), root);
  assert.equal(spec.diagnostics.length, 1, spec.diagnostics.map((d) => d.message).join('\n'));
  assert.match(spec.diagnostics[0].message, /^save\.path: /);
});

test('model.weights naming a missing file is an error on that field, as Keras load_weights would fail', () => {
  const text = REFERENCE.replace('"model": {', '"model": {"weights": "start.weights.h5", ');
  const a = analyze(text);
  assert.equal(a.diagnostics.length, 1);
  const d = a.diagnostics[0];
  assert.equal(d.code, 'missing-file');
  assert.match(d.message, /no weights file at start\.weights\.h5/);
  assert.equal(text.slice(d.offset, d.offset + d.length), '"start.weights.h5"');
});
