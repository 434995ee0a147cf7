/**
 * export-keras: scripts compile for every data source and optimizer, embed exactly the config
 * our .keras writer writes, load data (numpy alone) into the engine's arrays, and the reference
 * spec's script matches its golden file and the reference Keras program.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import {execFileSync, spawnSync} from 'child_process';
import {initBackend} from '../backend';
import {readTrainSpec, validateSpec, type TrainSpec} from '../spec/spec';
import {loadDataset, mnistDirectory, type Split} from '../data/dataset';
import {compile, splitValidation, trainFromSpec} from '../training/trainer';
import {buildModel} from '../model/build';
import {readArtifacts, saveModel, saveTarget} from '../../formats';
import {openModel} from '../models';
import {readZipDirectory, readZipMember} from '../../formats/zip-file';
import {KERAS_FIXTURES, REPO_ROOT, SYSTEM_PYTHON, tempDir} from '../../test-support/fixtures';
import {KERAS3, needKit, runInKit} from '../../test-support/kits';
import {generateKerasScript, scriptTargetProblem} from './keras-script';
import {main} from '../../cli/main';

const TESTDATA = path.join(__dirname, 'testdata');
const REFERENCE_SPEC = path.join(REPO_ROOT, 'examples', 'mnist-cnn.train.json');
const GOLDEN = path.join(REPO_ROOT, 'examples', 'mnist-cnn.train.py');

function python(args: string[], cwd?: string): string {
  // No __pycache__ beside the golden file in examples/.
  return execFileSync(SYSTEM_PYTHON, args, {encoding: 'utf8', cwd, maxBuffer: 1 << 26, env: {...process.env, PYTHONDONTWRITEBYTECODE: '1'}});
}

function pyCompile(script: string, file: string): void {
  fs.writeFileSync(file, script);
  const r = spawnSync(SYSTEM_PYTHON, ['-m', 'py_compile', file], {encoding: 'utf8'});
  assert.equal(r.status, 0, `${file}: ${r.stderr}`);
}

/** MODEL_CONFIG as the script embeds it. */
function embeddedConfig(script: string): unknown {
  const m = /MODEL_CONFIG = json\.loads\(r'''\n([\s\S]*?)\n'''\)/.exec(script);
  assert.ok(m, 'the script embeds MODEL_CONFIG');
  return JSON.parse(m[1]);
}

function zipConfig(file: string): unknown {
  const members = readZipDirectory(file);
  return JSON.parse(Buffer.from(readZipMember(file, members.get('config.json')!)).toString('utf8'));
}

const TINY_LAYERS = [
  {type: 'Flatten', input_shape: [4, 4]},
  {type: 'Dense', units: 8, activation: 'relu'},
  {type: 'Dense', units: 3, activation: 'softmax'},
];

function tinySpec(data: unknown, extra: Record<string, unknown> = {}): TrainSpec {
  return validateSpec({
    name: 'tiny', data, preprocessing: {reshape: [4, 4], dtype: 'float32', scale: 0.1},
    model: {layers: TINY_LAYERS}, compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 4, epochs: 1, validation_split: 0.25, seed: 7}, save: {path: 'out/tiny.keras'}, ...extra,
  }, 'tiny.train.json');
}

/** Data files of every kind the engine reads, written by numpy (IDX by hand, plain and gzipped). */
function writeDataFiles(dir: string): void {
  python(['-c', `
import gzip, numpy as np
rng = np.random.default_rng(3)
def idx(path, a, code, gz=False):
    head = bytes([0, 0, code, a.ndim]) + b"".join(int(d).to_bytes(4, "big") for d in a.shape)
    body = head + a.astype(a.dtype.newbyteorder(">")).tobytes()
    open(path, "wb").write(gzip.compress(body) if gz else body)
x = rng.integers(0, 256, (41, 4, 4)).astype(np.uint8); y = rng.integers(0, 3, 41).astype(np.uint8)
idx("x.idx", x, 0x08); idx("y.idx", y, 0x08)
idx("xf.idx.gz", rng.normal(size=(23, 16)).astype(np.float32), 0x0D, gz=True); idx("yi.idx", rng.integers(0, 3, 23).astype(np.int32), 0x0C)
np.save("x.npy", rng.normal(size=(37, 16))); np.save("y.npy", rng.integers(0, 3, 37).astype(np.int64))
np.save("xt.npy", rng.normal(size=(9, 4, 4)).astype(np.float32)); np.save("yt.npy", rng.integers(0, 3, 9).astype(np.int32))
np.savez("d.npz", x_train=rng.integers(0, 256, (29, 4, 4)).astype(np.uint8), y_train=rng.integers(0, 3, 29),
         x_test=rng.integers(0, 256, (11, 16)).astype(np.uint8), y_test=rng.integers(0, 3, 11), feats=rng.normal(size=(29, 16)))
cols = [f"f{i}" for i in range(16)]
with open("t.csv", "w") as f:
    f.write(",".join(cols[:5] + ["species"] + cols[5:]) + "\\r\\n")
    for r in range(33):
        row = [repr(float(v)) for v in rng.normal(size=16).round(5)]
        f.write(",".join(row[:5] + [str(int(rng.integers(0, 3)))] + row[5:]) + "\\n\\n")
with open("plain.csv", "w") as f:
    for r in range(13):
        f.write(", ".join([str(int(rng.integers(0, 3)))] + ['"%s"' % v for v in rng.normal(size=16).round(3)]) + "\\n")
`], dir);
}

const SOURCES: Array<[string, unknown]> = [
  ['IDX uint8 pair', {train: {x: 'x.idx', y: 'y.idx'}}],
  ['gzipped IDX float32 + int32 IDX', {train: {x: 'xf.idx.gz', y: 'yi.idx'}}],
  ['.npy pair (float64, int64) with .npy test', {train: {x: 'x.npy', y: 'y.npy'}, test: {x: 'xt.npy', y: 'yt.npy'}}],
  ['.npz (default names)', {train: {npz: 'd.npz'}, test: {npz: 'd.npz'}}],
  ['.npz (named arrays)', {train: {npz: 'd.npz', x: 'feats', y: 'y_train'}}],
  ['CSV with header, label by name', {train: {csv: 't.csv', label: 'species'}}],
  ['CSV without header, quoted, label by index', {train: {csv: 'plain.csv', label: 0}}],
];

function describe(a: Float32Array, shape: number[]) {
  return {shape, dtype: 'float32', sha256: crypto.createHash('sha256').update(Buffer.from(a.buffer, a.byteOffset, a.byteLength)).digest('hex')};
}

function engineArrays(spec: TrainSpec, root: string): unknown {
  const dataset = loadDataset({data: spec.data, preprocessing: spec.preprocessing, workspaceRoot: root});
  const {train, validation} = splitValidation(dataset.train, spec.fit.validation_split);
  const part = (s: Split | undefined) => s && {
    x: describe(s.x, [s.count, ...s.sampleShape]), y: describe(s.y, [s.count, ...s.targetShape]),
  };
  return {train: part(train), validation: part(validation) ?? null, test: part(dataset.test) ?? null};
}

function scriptArrays(script: string, root: string, mnistNpz?: string): unknown {
  return JSON.parse(python([path.join(TESTDATA, 'script_data.py'), script, root, ...(mnistNpz ? [mnistNpz] : [])]));
}

test('export-keras: every data source gives the engine\'s arrays (shape, dtype, SHA-256) with numpy alone', async () => {
  await initBackend('cpu');
  const dir = tempDir('kw-export-');
  writeDataFiles(dir);
  for (const [what, data] of SOURCES) {
    const spec = tinySpec(data, what.startsWith('CSV') || what.includes('named') || what.includes('float32')
      ? {preprocessing: {reshape: [4, 4], scale: 0.5}} : {});
    const file = path.join(dir, 'tiny.train.py');
    pyCompile(await generateKerasScript(spec, 'tiny.train.json'), file);
    assert.deepEqual(scriptArrays(file, dir), engineArrays(spec, dir), what);
  }
});

test('export-keras: the built-in MNIST from a given mnist.npz equals the engine\'s embedded MNIST', async () => {
  await initBackend('cpu');
  const dir = tempDir('kw-export-mnist-');
  const npz = path.join(dir, 'mnist.npz');
  // Keras's cached layout (x_train uint8 (60000, 28, 28), y_train uint8, ...), made from the engine's IDX files.
  python(['-c', `
import numpy as np, os, sys
d = sys.argv[1]
read = lambda name, skip, shape: np.frombuffer(open(os.path.join(d, name), "rb").read()[skip:], np.uint8).reshape(shape)
np.savez_compressed(sys.argv[2], x_train=read("train-images-idx3-ubyte", 16, (-1, 28, 28)), y_train=read("train-labels-idx1-ubyte", 8, (-1,)),
                    x_test=read("t10k-images-idx3-ubyte", 16, (-1, 28, 28)), y_test=read("t10k-labels-idx1-ubyte", 8, (-1,)))
`, mnistDirectory(), npz]);
  const spec = readTrainSpec(REFERENCE_SPEC);
  const file = path.join(dir, 'mnist-cnn.train.py');
  fs.writeFileSync(file, await generateKerasScript(spec, REFERENCE_SPEC));
  const ours = scriptArrays(file, dir, npz) as {train: {x: {shape: number[]}}; validation: {x: {shape: number[]}}};
  assert.deepEqual(ours.train.x.shape, [48000, 28, 28, 1]);
  assert.deepEqual(ours.validation.x.shape, [12000, 28, 28, 1]);
  assert.deepEqual(ours, engineArrays(spec, dir));
});

test('export-keras: scripts compile for every optimizer, loss and --distributed', async () => {
  await initBackend('cpu');
  const dir = tempDir('kw-export-opt-');
  const optimizers: unknown[] = ['adam', 'sgd', 'rmsprop', 'adagrad', 'adadelta', 'adamax',
    {class_name: 'sgd', learning_rate: 0.05, momentum: 0.9, nesterov: true},
    {class_name: 'rmsprop', learning_rate: 0.002, rho: 0.8, momentum: 0.1, epsilon: 1e-6},
    {class_name: 'adam', learning_rate: 0.0005, beta_1: 0.8, beta_2: 0.99, epsilon: 1e-8}];
  const losses = [['categorical_crossentropy', ['accuracy']], ['mse', ['mae']], ['binary_crossentropy', ['accuracy']], ['mae', ['mse']]];
  let n = 0;
  for (const optimizer of optimizers) {
    const spec = tinySpec({train: {x: 'x.idx', y: 'y.idx'}}, {compile: {optimizer, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']}});
    const script = await generateKerasScript(spec, 'tiny.train.json', {distributed: n % 2 === 1});
    pyCompile(script, path.join(dir, `opt${n++}.py`));
    const name = typeof optimizer === 'string' ? optimizer : (optimizer as {class_name: string}).class_name;
    assert.match(script, new RegExp(`optimizer=keras\\.optimizers\\.${{adam: 'Adam', sgd: 'SGD', rmsprop: 'RMSprop', adagrad: 'Adagrad', adadelta: 'Adadelta', adamax: 'Adamax'}[name]}\\(`));
  }
  for (const [loss, metrics] of losses) {
    const spec = tinySpec({train: {x: 'x.idx', y: 'y.idx'}}, {compile: {optimizer: 'adam', loss, metrics}});
    pyCompile(await generateKerasScript(spec, 'tiny.train.json'), path.join(dir, `loss${n++}.py`));
  }
  // A spec that continues a saved .keras model: Keras loads the file, compiles only when it was saved uncompiled.
  const continued = tinySpec({train: {x: 'x.idx', y: 'y.idx'}}, {model: {from: 'models/base.keras'}, compile: {optimizer: 'rmsprop', loss: 'mse'}});
  const fromScript = await generateKerasScript(continued, 'tiny.train.json');
  pyCompile(fromScript, path.join(dir, 'from.py'));
  assert.ok(fromScript.includes('MODEL_FROM = "models/base.keras"') && !fromScript.includes('MODEL_CONFIG'));
  assert.ok(fromScript.includes('keras.saving.load_model(os.path.join(root, MODEL_FROM))'));
  assert.match(fromScript, /optimizer=keras\.optimizers\.RMSprop\(learning_rate=0\.001, rho=0\.9, momentum=0, epsilon=1e-7, centered=False\)/);
  const reference = readTrainSpec(REFERENCE_SPEC);
  for (const distributed of [false, true]) {
    const script = await generateKerasScript(reference, REFERENCE_SPEC, {distributed});
    pyCompile(script, path.join(dir, `reference-${distributed}.py`));
    assert.equal(script.includes('os.environ["KERAS_BACKEND"] = "jax"'), distributed);
    assert.equal(script.includes('keras.distribution.DataParallel(devices=devices)'), true);
    assert.equal(script.includes('DISTRIBUTED = True'), distributed);
  }
});

test('export-keras: the embedded config equals, key for key, the config.json our .keras writer produces', async () => {
  await initBackend('cpu');
  const dir = tempDir('kw-export-config-');
  // The reference spec: the model built and saved by the .keras writer.
  const spec = readTrainSpec(REFERENCE_SPEC);
  const model = compile(await buildModel(spec, REFERENCE_SPEC), spec);
  const written = path.join(dir, 'reference.keras');
  await saveModel(model, saveTarget(written, {format: 'keras'}));
  model.dispose();
  assert.deepStrictEqual(embeddedConfig(await generateKerasScript(spec, REFERENCE_SPEC)), zipConfig(written));
  // A spec trained end to end by the engine with save.format keras.
  writeDataFiles(dir);
  const tiny = tinySpec({train: {x: 'x.idx', y: 'y.idx'}}, {compile: {optimizer: {class_name: 'rmsprop', rho: 0.8}, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']}});
  await trainFromSpec(tiny, path.join(dir, 'tiny.train.json'), {workspaceRoot: dir, backend: 'cpu', threads: 1});
  assert.deepStrictEqual(embeddedConfig(await generateKerasScript(tiny, 'tiny.train.json')), zipConfig(path.join(dir, 'out', 'tiny.keras')));
});

test('export-keras: examples/mnist-cnn.train.py is the reference spec\'s script, line by line', async () => {
  await initBackend('cpu');
  const generated = (await generateKerasScript(readTrainSpec(REFERENCE_SPEC), REFERENCE_SPEC, {specLabel: 'examples/mnist-cnn.train.json'})).split('\n');
  const golden = fs.readFileSync(GOLDEN, 'utf8').split('\n');
  for (let i = 0; i < Math.max(generated.length, golden.length); i++) {
    assert.equal(generated[i], golden[i], `examples/mnist-cnn.train.py line ${i + 1} differs (regenerate: keras-workbench export-keras examples/mnist-cnn.train.json --overwrite)`);
  }
});

test('export-keras: the golden script matches the reference Keras program (layers, hyper-parameters, split, seed)', () => {
  const reference = path.join(TESTDATA, 'mnist_cnn_keras.py');
  const out = python([path.join(TESTDATA, 'check_reference.py'), GOLDEN, reference]);
  assert.match(out, /^\d+ checks passed, 0 differences/m);
  // The check can fail: a script with another filter count, batch size or split is caught.
  const dir = tempDir('kw-export-golden-');
  const golden = fs.readFileSync(GOLDEN, 'utf8');
  for (const [from, to] of [['"filters": 64', '"filters": 63'], ['BATCH_SIZE = 150', 'BATCH_SIZE = 128'],
    ['x[:at], y[:at]), (x[at:], y[at:]', 'x[-at:], y[-at:]), (x[:-at], y[:-at]'], ['SEED = 1337', 'SEED = 1']]) {
    assert.ok(golden.includes(from), from);
    const mutated = path.join(dir, 'mutated.py');
    fs.writeFileSync(mutated, golden.replace(from, to));
    const r = spawnSync(SYSTEM_PYTHON, [path.join(TESTDATA, 'check_reference.py'), mutated, reference], {encoding: 'utf8'});
    assert.equal(r.status, 1, `${from} -> ${to} was not caught: ${r.stdout}`);
  }
});

test('export-keras CLI: writes next to the spec, refuses to replace a file, one line for a bad spec', async () => {
  const dir = tempDir('kw-export-cli-');
  const spec = path.join(dir, 'tiny.train.json');
  fs.writeFileSync(spec, JSON.stringify({...tinySpec({train: {x: 'x.idx', y: 'y.idx'}}), name: 'tiny'}));
  const err: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const out = process.stdout.write.bind(process.stdout);
  process.stderr.write = ((c: string) => { err.push(c); return true; }) as typeof process.stderr.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    assert.equal(await main(['export-keras', spec, '--distributed']), 0);
    const script = path.join(dir, 'tiny.train.py');
    assert.ok(fs.readFileSync(script, 'utf8').includes('DISTRIBUTED = True'));
    fs.writeFileSync(script, 'mine');
    assert.equal(await main(['export-keras', spec]), 1);
    assert.equal(fs.readFileSync(script, 'utf8'), 'mine', 'an existing file is left alone');
    assert.match(err.at(-1)!, /already exists; pass --overwrite/);
    fs.writeFileSync(spec, '{"data": {"dataset": "mnist"}}');
    assert.equal(await main(['export-keras', spec, '-o', path.join(dir, 'x.py')]), 1);
    assert.equal(err.at(-1)!.trim().split('\n').length, 1);
    assert.match(err.at(-1)!, /tiny\.train\.json: .*is required/);
  } finally {
    process.stderr.write = write;
    process.stdout.write = out;
  }
});

test('export-keras: a Keras 3 .keras with the history file the script writes loads here with its curves', async () => {
  await initBackend('cpu');
  const dir = tempDir('kw-export-history-');
  const script = path.join(dir, 'mnist-cnn.train.py');
  fs.writeFileSync(script, await generateKerasScript(readTrainSpec(REFERENCE_SPEC), REFERENCE_SPEC));
  // A real Keras 3 model.save() of an MNIST CNN stands for the script's final model.
  const model = path.join(dir, 'mnist-cnn.keras');
  fs.copyFileSync(path.join(KERAS_FIXTURES, 'keras3', 'keras3.15.1_seq_conv2d_maxpool_dropout.keras'), model);
  python([path.join(TESTDATA, 'run_history_callback.py'), script, path.join(dir, 'mnist-cnn.history.json')]);
  const opened = await openModel(model);
  assert.equal(opened.handle.format, 'keras');
  assert.deepEqual(opened.handle.history?.map((r) => [r.epoch, r.loss, r.val_loss]), [[1, 0.5, 1], [2, 0.25, 0.5], [3, 0.125, 0.25], [4, 0.0625, 0.125]]);
  assert.deepEqual(Object.keys(opened.handle.history![0]), ['epoch', 'loss', 'accuracy', 'val_loss', 'val_accuracy']);
  opened.model.dispose();
  // A broken history file leaves the model loadable, with a warning naming the file.
  fs.writeFileSync(path.join(dir, 'mnist-cnn.history.json'), '[{"epoch": "one"}]');
  const {artifacts} = await readArtifacts(model);
  assert.equal(artifacts.history, undefined);
  assert.match(artifacts.warnings!.join('\n'), /mnist-cnn\.history\.json: not used as the training history: entry 0: 'epoch' is not a number/);
});

test('export-keras --distributed: every process gets an equal, disjoint, whole-batch share of the samples', () => {
  const out = python(['-c', `
import importlib.util, json, sys
import numpy as np
spec = importlib.util.spec_from_file_location("exported", sys.argv[1]); m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
result = []
for n, batch, processes in [(48000, 150, 2), (1000, 150, 3), (12000, 150, 5), (10000, 150, 2), (7, 4, 2)]:
    x = np.arange(n); shares = [m.shard_for_process(x, -x, batch, processes, p) for p in range(processes)]
    joined = np.concatenate([s[0] for s in shares])
    result.append({"sizes": sorted({len(s[0]) for s in shares}), "dropped": shares[0][2],
                   "inOrder": bool((joined == np.arange(len(joined))).all()), "targets": all((s[1] == -s[0]).all() for s in shares),
                   "perProcessBatches": len(shares[0][0]) / (batch // processes)})
print(json.dumps(result))
`, GOLDEN]);
  assert.deepEqual(JSON.parse(out), [
    {sizes: [24000], dropped: 0, inOrder: true, targets: true, perProcessBatches: 320},
    {sizes: [300], dropped: 100, inOrder: true, targets: true, perProcessBatches: 6},
    {sizes: [2400], dropped: 0, inOrder: true, targets: true, perProcessBatches: 80},
    {sizes: [4950], dropped: 100, inOrder: true, targets: true, perProcessBatches: 66},
    {sizes: [2], dropped: 3, inOrder: true, targets: true, perProcessBatches: 1},
  ]);
});

test('export-keras refuses what training refuses, in its file:line:col form, but not data missing on this machine', async () => {
  await initBackend('cpu');
  const dir = tempDir('kw-export-refuse-');
  const spec = path.join(dir, 'bad.train.json');
  const layers: Array<Record<string, unknown>> = [{type: 'Conv2D', filters: 4, kernel_size: 3, input_shape: [4, 4, 1]}, {type: 'Dense', unitz: 3}];
  fs.writeFileSync(spec, JSON.stringify({...tinySpec({train: {x: 'nowhere/x.idx', y: 'nowhere/y.idx'}}), preprocessing: {}, model: {layers}}, null, 1));
  await assert.rejects(generateKerasScript(readTrainSpec(spec), spec, {workspaceRoot: dir}),
    (e: Error) => /^\S*bad\.train\.json:\d+:\d+: model\.layers\[1\]\S*: Dense needs 'units'.*\(and 2 more errors: keras-workbench check /.test(e.message) && !e.message.includes('\n'));
  // The same spec without the mistake exports, although its data files are not here.
  layers[1] = {type: 'Flatten'};
  fs.writeFileSync(spec, JSON.stringify({...tinySpec({train: {x: 'nowhere/x.idx', y: 'nowhere/y.idx'}}), preprocessing: {}, model: {layers}}, null, 1));
  assert.match(await generateKerasScript(readTrainSpec(spec), spec, {workspaceRoot: dir}), /DATA = \{"train": \{"x": "nowhere\/x\.idx"/);
});

test('export-keras writes its script only to a regular file inside the workspace (by real path)', () => {
  const root = tempDir('kw-export-target-');
  const outside = tempDir('kw-export-outside-');
  fs.mkdirSync(path.join(root, 'specs'));
  assert.equal(scriptTargetProblem(path.join(root, 'specs', 'a.train.py'), root), undefined);
  fs.writeFileSync(path.join(root, 'specs', 'a.train.py'), 'old');
  assert.equal(scriptTargetProblem(path.join(root, 'specs', 'a.train.py'), root), undefined, 'an existing script may be replaced (after asking)');
  fs.symlinkSync(path.join(outside, 'victim.py'), path.join(root, 'specs', 'link.train.py'));
  assert.match(scriptTargetProblem(path.join(root, 'specs', 'link.train.py'), root)!, /^is a symbolic link/);
  fs.symlinkSync(outside, path.join(root, 'elsewhere'));
  assert.match(scriptTargetProblem(path.join(root, 'elsewhere', 'b.train.py'), root)!, /is outside the workspace .* once links are resolved/);
  fs.mkdirSync(path.join(root, 'specs', 'dir.train.py'));
  assert.match(scriptTargetProblem(path.join(root, 'specs', 'dir.train.py'), root)!, /exists and is not a regular file/);
  assert.equal(fs.existsSync(path.join(outside, 'victim.py')), false);
});

test('export-keras in Keras 3: each script builds the engine\'s model, compiles with the spec\'s optimizer, its data functions give the engine\'s arrays and its callbacks take the arguments it passes', async (t) => {
  if (!needKit(t, KERAS3)) return;
  await initBackend('cpu');
  const dir = tempDir('kw-export-keras3-');
  try {
    writeDataFiles(dir);
    const cases: Array<{label: string; spec: TrainSpec; specFile: string; distributed: boolean; data: boolean}> = [
      {label: 'examples/mnist-cnn.train.json', spec: readTrainSpec(REFERENCE_SPEC), specFile: REFERENCE_SPEC, distributed: false, data: false},
      {label: 'examples/mnist-cnn.train.json --distributed', spec: readTrainSpec(REFERENCE_SPEC), specFile: REFERENCE_SPEC, distributed: true, data: false},
      ...SOURCES.map(([what, data], i) => ({
        label: what, specFile: 'tiny.train.json', distributed: i % 2 === 1, data: true,
        spec: tinySpec(data, {
          ...(what.startsWith('CSV') || what.includes('named') || what.includes('float32') ? {preprocessing: {reshape: [4, 4], scale: 0.5}} : {}),
          compile: {optimizer: [{class_name: 'sgd', learning_rate: 0.05, momentum: 0.9}, 'rmsprop', 'adagrad', 'adadelta', 'adamax', 'adam',
            {class_name: 'adam', learning_rate: 0.0005}][i], loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
        }),
      })),
    ];
    const list = await Promise.all(cases.map(async (c, i) => {
      const script = path.join(dir, `script${i}.py`);
      fs.writeFileSync(script, await generateKerasScript(c.spec, c.specFile, {distributed: c.distributed}));
      return {script, root: dir, data: c.data};
    }));
    fs.writeFileSync(path.join(dir, 'list.json'), JSON.stringify(list));
    const built = JSON.parse(runInKit(KERAS3, [path.join(TESTDATA, 'keras_build.py'), path.join(dir, 'list.json')],
      {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, PYTHONDONTWRITEBYTECODE: '1'}})) as Array<{
      params: number; layers: Array<[string, Array<number | null>, number]>; optimizer: {class: string; learning_rate: number}; loss: string;
      callbacks: Record<string, string>; data?: unknown;
    }>;
    const KERAS_OPTIMIZER: Record<string, string> = {Adam: 'Adam', SGD: 'SGD', Momentum: 'SGD', RMSProp: 'RMSprop', Adagrad: 'Adagrad', Adadelta: 'Adadelta', Adamax: 'Adamax'};
    for (const [i, c] of cases.entries()) {
      const engine = compile(await buildModel(c.spec, c.specFile), c.spec);
      const keras = built[i];
      assert.equal(keras.params, engine.countParams(), `${c.label}: parameter count`);
      assert.deepEqual(keras.layers, engine.layers.map((l) => [l.getClassName(), l.outputShape, l.countParams()]), `${c.label}: layers`);
      const optimizer = engine.optimizer as unknown as {getClassName(): string; getConfig(): {learningRate: number}};
      assert.equal(keras.optimizer.class, KERAS_OPTIMIZER[optimizer.getClassName()] ?? optimizer.getClassName(), `${c.label}: optimizer`);
      assert.ok(Math.abs(keras.optimizer.learning_rate - optimizer.getConfig().learningRate) < 1e-9, `${c.label}: learning rate`);
      assert.equal(keras.loss, c.spec.compile.loss, `${c.label}: loss`);
      // Every script holds both paths (DISTRIBUTED picks one): OrbaxCheckpoint, or BackupAndRestore and ModelCheckpoint.
      assert.deepEqual(Object.keys(keras.callbacks).sort(), ['BackupAndRestore', 'ModelCheckpoint', 'OrbaxCheckpoint', 'TensorBoard'], `${c.label}: callbacks`);
      for (const [name, verdict] of Object.entries(keras.callbacks)) assert.equal(verdict, 'ok', `${c.label}: keras.callbacks.${name}`);
      if (c.data) assert.deepEqual(keras.data, engineArrays(c.spec, dir), `${c.label}: data arrays`);
      engine.dispose();
    }
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});
