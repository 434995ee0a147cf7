// The worker process end to end over its real IPC channel: forked like the extension forks it,
// spoken to with the protocol of src/protocol/messages.ts, training real MNIST.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fork} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {createMessageConnection, IPCMessageReader, IPCMessageWriter, ResponseError} from 'vscode-jsonrpc/node';
import * as msg from '../protocol/messages';
import {listRuns} from '../formats/runs';
import {KERAS_FIXTURES} from '../test-support/fixtures';

const SPEC = path.resolve('test/fixtures/small-cnn.train.json');

function startWorker() {
  const child = fork(path.resolve('src/worker/main.ts'), [], {execArgv: ['--import', 'tsx'], silent: true});
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const logs: string[] = [];
  const progress: msg.TrainProgress[] = [];
  const watched: msg.TrainActivations[] = [];
  connection.onNotification(msg.log, (p) => { logs.push(p.message); });
  connection.onNotification(msg.trainProgress, (p) => { progress.push(p); });
  connection.onNotification(msg.trainActivations, (a) => { watched.push(a); });
  connection.listen();
  return {child, connection, logs, progress, watched};
}

type Worker = ReturnType<typeof startWorker> & {root: string; specPath: string};

/** Runs `fn` with a fresh worker and a workspace holding small.train.json; kills and removes both after. */
async function withWorker(fn: (w: Worker) => Promise<void>): Promise<void> {
  const worker = startWorker();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-worker-'));
  const specPath = path.join(root, 'small.train.json');
  fs.copyFileSync(SPEC, specPath);
  try {
    await fn({...worker, root, specPath});
  } finally {
    worker.connection.dispose();
    worker.child.kill('SIGKILL');
    fs.rmSync(root, {recursive: true, force: true});
  }
}

test('worker trains, loads and saves a model over IPC', () => withWorker(async ({connection, logs, progress, root, specPath}) => {
  const backend = await connection.sendRequest(msg.initialize, {backendPreference: 'auto'});
  assert.notEqual(backend.name, 'cpu', 'a fast backend is picked');
  const summary = await connection.sendRequest(msg.describeSpec, {specPath, workspaceRoot: root});
  assert.deepEqual({...summary}, {name: 'small-cnn', savePath: path.join(root, 'models/small-cnn'), format: 'tfjs',
    overwrite: true, epochs: 1, targetExists: false});

  const result = await connection.sendRequest(msg.train, {runId: 'r1', specPath, workspaceRoot: root, limit: 300});
  assert.equal(result.epochsRun, 1);
  assert.equal(result.cancelled, false);
  assert.equal(result.modelPath, path.join(root, 'models/small-cnn'));
  assert.ok(fs.existsSync(path.join(result.modelPath, 'model.json')));
  assert.ok(progress.some((p) => p.kind === 'batch' && p.runId === 'r1'), 'batch progress arrives with the run id');
  assert.ok(progress.some((p) => p.kind === 'epoch'), 'epoch progress arrives');
  assert.ok(logs.some((l) => /Epoch 1\/1|loss: /.test(l)), `Keras-style lines are logged: ${logs.join('\n')}`);

  const handle = await connection.sendRequest(msg.loadModel, {path: result.modelPath});
  assert.equal(handle.summary.rows.length, 3);
  assert.deepEqual(handle.inputShape, [28, 28, 1]);
  const copy = path.join(root, 'copy');
  await connection.sendRequest(msg.saveModel, {modelId: handle.modelId, path: copy, format: 'tfjs', overwrite: false, includeOptimizer: true});
  assert.ok(fs.existsSync(path.join(copy, 'model.json')));
  await assert.rejects(
    connection.sendRequest(msg.saveModel, {modelId: handle.modelId, path: copy, format: 'tfjs', overwrite: false, includeOptimizer: true}),
    /exists/, 'an existing target is refused without overwrite');
  // Save As another format keeps what the model knows: its dataset and its training history.
  const h5 = path.join(root, 'elsewhere', 'copy.h5');
  await connection.sendRequest(msg.saveModel, {modelId: handle.modelId, path: h5, format: 'h5', overwrite: false, includeOptimizer: true});
  const reloaded = await connection.sendRequest(msg.loadModel, {path: h5});
  assert.equal(reloaded.dataset, 'mnist');
  assert.deepEqual(reloaded.history, handle.history);
  assert.equal(reloaded.history?.length, 1);
  // Save Model As… stays inside the workspace folder and never replaces what is not a model.
  await assert.rejects(connection.sendRequest(msg.saveModel, {modelId: handle.modelId, path: path.join(root, '..', 'outside-copy'),
    format: 'tfjs', overwrite: true, includeOptimizer: true, workspaceRoot: root}), /is outside the workspace/);
  await assert.rejects(connection.sendRequest(msg.saveModel, {modelId: handle.modelId, path: root,
    format: 'tfjs', overwrite: true, includeOptimizer: true, workspaceRoot: root}), /is the workspace folder/);
  assert.ok(fs.existsSync(specPath), 'the workspace is untouched');
  await connection.sendRequest(msg.disposeModel, {modelId: handle.modelId});
  await assert.rejects(connection.sendRequest(msg.saveModel, {modelId: handle.modelId, path: copy, overwrite: true, includeOptimizer: true}),
    /No loaded model/);
}));

test('a training from VS Code is recorded in the runs folder it names, or not at all with null', () => withWorker(async ({connection, root, specPath}) => {
  const runsFolder = path.join(root, 'experiments', 'runs');
  await connection.sendRequest(msg.train, {runId: 'r1', specPath, workspaceRoot: root, limit: 200, runsFolder});
  const {runs} = await listRuns(runsFolder);
  assert.equal(runs.length, 1);
  assert.equal(runs[0]!.status, 'finished');
  assert.equal(runs[0]!.epochs, 1);
  assert.equal(runs[0]!.specPath, 'small.train.json');
  assert.ok(!fs.existsSync(path.join(root, 'runs')), 'nothing in the default folder');
  await connection.sendRequest(msg.train, {runId: 'r2', specPath, workspaceRoot: root, limit: 200, runsFolder: null});
  assert.equal((await listRuns(runsFolder)).runs.length, 1);
  assert.ok(!fs.existsSync(path.join(root, 'runs')));
}));

test('worker errors name the spec file and the field', () => withWorker(async ({connection, root}) => {
  const specPath = path.join(root, 'bad.train.json');
  fs.writeFileSync(specPath, fs.readFileSync(SPEC, 'utf8').replace('"batch_size": 50', '"batch_size": 0'));
  await assert.rejects(connection.sendRequest(msg.describeSpec, {specPath, workspaceRoot: root}),
    (e: Error) => e.message.includes('bad.train.json') && e.message.includes('fit.batch_size'));
  await assert.rejects(connection.sendRequest(msg.loadModel, {path: path.join(root, 'missing')}), (e: ResponseError<msg.EngineErrorData>) => {
    // What the error is about travels with it: the extension decides by kind, never by the text.
    assert.match(e.message, /missing: no such file or folder/);
    assert.deepEqual({kind: e.data?.kind, file: e.data?.file, problem: e.data?.problem}, {kind: 'format', file: path.join(root, 'missing'), problem: 'no such file or folder'});
    return true;
  });
  // Shape errors too, with line and column, before the overwrite question and any data loading.
  fs.writeFileSync(specPath, fs.readFileSync(SPEC, 'utf8').replace(/\{"type": "Flatten"\},\s*/, ''));
  await assert.rejects(connection.sendRequest(msg.describeSpec, {specPath, workspaceRoot: root}), (e: ResponseError<msg.EngineErrorData>) => {
    assert.match(e.message, /:\d+:\d+: model\.layers\[1\]\.type: Dense gets \(None, 26, 26, 8\)/);
    assert.ok(e.message.startsWith(`${specPath}:${e.data?.line}:${e.data?.column}: `), e.message);
    assert.equal(e.data?.kind, 'spec');
    assert.equal(e.data?.file, specPath);
    assert.match(e.data?.problem ?? '', /^model\.layers\[1\]\.type: Dense gets/);
    return true;
  });
}));

test('the save target describeSpec shows is the one train saves; the spec\'s own save.path diagnostics refuse a run', () => withWorker(async ({connection, root, specPath}) => {
  const text = fs.readFileSync(SPEC, 'utf8');
  const save = /"save": \{[^}]*\}/;
  fs.writeFileSync(specPath, text.replace(save, '"save": {"path": "models/small-cnn.h5"}'));
  const summary = await connection.sendRequest(msg.describeSpec, {specPath, workspaceRoot: root});
  assert.deepEqual([summary.savePath, summary.format], [path.join(root, 'models/small-cnn.h5'), 'h5'], 'the format the path names, as the trainer saves it');
  const result = await connection.sendRequest(msg.train, {runId: 'h5', specPath, workspaceRoot: root, limit: 100});
  assert.equal(result.modelPath, summary.savePath);
  assert.ok(fs.statSync(result.modelPath).isFile(), 'an .h5 file, not a TensorFlow.js folder');
  // A run is refused at the spec's own save.path, with its line and column, as `check` and the language server show it.
  fs.writeFileSync(specPath, text.replace(save, '"save": {"path": "."}'));
  await assert.rejects(connection.sendRequest(msg.train, {runId: 'dot', specPath, workspaceRoot: root, overwrite: true}),
    (e: Error) => e.message.startsWith(`${specPath}:16:`) && e.message.includes('save.path: is the workspace folder'));
}));

test('cancel stops a training run after the current batch', () => withWorker(async ({connection, progress, root, specPath}) => {
  const run = connection.sendRequest(msg.train, {runId: 'c1', specPath, workspaceRoot: root, limit: 3000, epochs: 3});
  while (!progress.some((p) => p.kind === 'batch')) await new Promise((r) => setTimeout(r, 20));
  assert.equal(await connection.sendRequest(msg.cancelTraining, {runId: 'c1'}), true);
  const result = await run;
  assert.equal(result.cancelled, true);
  assert.ok(result.epochsRun < 3);
  assert.equal(await connection.sendRequest(msg.cancelTraining, {runId: 'c1'}), false, 'a finished run cannot be cancelled');
}));

test('a failing inspector request reaches the client as its one line, and the model keeps the id the engine gave it', () => withWorker(async ({connection, root}) => {
  const handle = await connection.sendRequest(msg.loadModel, {path: path.join(KERAS_FIXTURES, 'h5/tfkeras2.3.0-tf_seq_gru_dropout_with_optimizer.h5')});
  assert.match(handle.modelId, /^[0-9a-f-]{36}$/);
  // The id the load returned is the one every request names: the inspector finds the model by it.
  const details = await connection.sendRequest(msg.layerConfig, {modelId: handle.modelId, layer: handle.summary.rows[0]!.name});
  assert.equal(details.name, handle.summary.rows[0]!.name);
  const failures = [
    connection.sendRequest(msg.layerConfig, {modelId: handle.modelId, layer: 'nope'}),
    connection.sendRequest(msg.weightStats, {modelId: 'gone'}),
    // Not even a dataset: the model records none.
    connection.sendRequest(msg.predictSample, {modelId: handle.modelId, index: 0}),
    connection.sendRequest(msg.predictFiles, {modelId: handle.modelId, paths: [path.join(root, 'missing.npy')]}),
  ];
  const messages = await Promise.all(failures.map((request) => request.then(() => 'answered', (e: Error) => e.message)));
  for (const message of messages) {
    assert.doesNotMatch(message, /^Request |failed with message|\n/, message);
    assert.notEqual(message, 'answered');
  }
  assert.match(messages[0]!, /^Model \S+ has no layer named "nope"\.$/);
  assert.match(messages[1]!, /^No loaded model with id gone: /);
  assert.match(messages[2]!, /does not record its dataset/);
  assert.match(messages[3]!, /missing\.npy/);
}));

test('a watched sample\'s activations arrive at every epoch end, taken with the weights the run saves; none without a watched sample', () => withWorker(async ({connection, watched, root, specPath}) => {
  const run = connection.sendRequest(msg.train, {runId: 'w1', specPath, workspaceRoot: root, limit: 300, epochs: 3, watchSample: 0});
  // Sent right after the run starts: the answer waits for the run's data, and every epoch end watches sample 5.
  const changed = await connection.sendRequest(msg.watchTrainingSample, {runId: 'w1', sample: 5});
  assert.deepEqual({...changed.sample, image: undefined}, {index: 5, count: 300, label: 1, image: undefined});
  assert.match(changed.sample?.image ?? '', /^data:image\/png;base64,/);
  await assert.rejects(connection.sendRequest(msg.watchTrainingSample, {runId: 'w1', sample: 300}),
    (e: Error) => e.message === 'sample: 300 is outside the test split: choose a whole number from 0 to 299');
  const result = await run;
  assert.deepEqual(watched.map((a) => [a.runId, a.epoch, a.epochs, a.sample.index]), [1, 2, 3].map((epoch) => ['w1', epoch, 3, 5]));
  await assert.rejects(connection.sendRequest(msg.watchTrainingSample, {runId: 'w1', sample: 1}), (e: Error) => e.message.startsWith('runId: no training run w1 is in progress'));

  // The layers of the model, and after the last epoch the very activations of the saved model.
  const handle = await connection.sendRequest(msg.loadModel, {path: result.modelPath});
  const last = watched.at(-1)!.result!;
  assert.deepEqual(last.layers.map((l) => [l.name, `(None, ${l.shape.join(', ')})`]), handle.summary.rows.map((r) => [r.name, r.outputShape]));
  const saved = await connection.sendRequest(msg.activations, {modelId: handle.modelId, sample: {kind: 'test', index: 5}});
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
  saved.layers.forEach((expected, i) => {
    const got = last.layers[i]!;
    assert.equal(got.name, expected.name);
    for (const key of ['min', 'max', 'mean', 'zeroFraction'] as const) assert.ok(close(got[key], expected[key]), `${got.name} ${key}: ${got[key]} vs ${expected[key]}`);
    (expected.channels ?? []).forEach((c, k) => assert.ok(close(got.channels![k]!.mean, c.mean) && close(got.channels![k]!.max, c.max), `${got.name} channel ${k}`));
    const [a, b] = [Buffer.from(got.bytes, 'base64'), Buffer.from(expected.bytes, 'base64')];
    assert.equal(a.length, b.length);
    assert.ok(a.every((v, j) => Math.abs(v - b[j]!) <= 1), `${got.name}: drawn bytes differ`);
  });
  // The first epoch's weights gave other activations.
  assert.ok(!close(watched[0]!.result!.layers.at(-1)!.max, saved.layers.at(-1)!.max) || watched[0]!.result!.layers[0]!.bytes !== saved.layers[0]!.bytes);

  await connection.sendRequest(msg.train, {runId: 'w2', specPath, workspaceRoot: root, limit: 300, epochs: 2});
  assert.equal(watched.filter((a) => a.runId === 'w2').length, 0, 'no watched sample, no activations');
}));

test('the worker exits when its parent disconnects', async () => {
  const {child, connection} = startWorker();
  await connection.sendRequest(msg.initialize, {backendPreference: 'auto'});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  connection.dispose();
  child.disconnect();
  assert.equal(await exited, 0);
});

test('Save Model As a TF.js folder returns what stock TensorFlow.js cannot load as warnings, and loads SavedModel folders', () => withWorker(async ({connection, logs, root}) => {
  const fixtures = KERAS_FIXTURES;
  const gru = await connection.sendRequest(msg.loadModel, {path: path.join(fixtures, 'h5/tfkeras2.3.0-tf_seq_gru_dropout_with_optimizer.h5')});
  const saved = await connection.sendRequest(msg.saveModel, {modelId: gru.modelId, path: path.join(root, 'gru'), format: 'tfjs', overwrite: false, includeOptimizer: true});
  assert.equal(saved.warnings?.length, 3);
  assert.match(saved.warnings![0], /layer 'gru' \(GRU\): reset_after=True: stock TensorFlow\.js's GRU .*\.h5 and \.keras keep it/);
  assert.ok(logs.some((l) => l.startsWith("Warning: layer 'gru' (GRU)")));
  const plain = await connection.sendRequest(msg.saveModel, {modelId: gru.modelId, path: path.join(root, 'gru.h5'), format: 'h5', overwrite: false, includeOptimizer: true});
  assert.equal(plain.warnings, undefined);
  const savedModel = await connection.sendRequest(msg.loadModel, {path: path.join(fixtures, 'savedmodel/tfkeras2.11_functional_flatten_dense')});
  assert.equal(savedModel.format, 'savedmodel');
}));
