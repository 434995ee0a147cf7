// Listing and reading a runs folder: local records (finished, damaged, crashed), Keras's own
// TensorBoard logs, removal of records only, and the paths refused.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {spawnSync} from 'child_process';
import {RUN_FILE, STALE_RUN_MS} from './record';
import {syntheticRun} from '../../test-support/runs';
import {checkRunsFolder, findKerasLogFolders, listRuns, readRun, removeRun} from './store';
import {needKit, runInKit, TENSORBOARD} from '../../test-support/kits';
import {REPO_ROOT, tempDir} from '../../test-support/fixtures';

const KERAS_LOGS_SCRIPT = path.join(REPO_ROOT, 'src/test-support/write_keras_logs.py');

/** A process id that is surely not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {encoding: 'utf8'});
  return Number(child.stdout.trim());
}

test('Keras TensorBoard logs (train/ and validation/ written as the callback writes them) are listed with their scalars and hyperparameters', (t) => {
  if (!needKit(t, TENSORBOARD)) return;
  const ws = tempDir();
  const runs = path.join(ws, 'runs');
  syntheticRun(runs, '20261206-101502-3fa9c1');
  const written = JSON.parse(runInKit(TENSORBOARD, [KERAS_LOGS_SCRIPT, path.join(runs, 'keras-run'), '3', '--hparams'])) as {
    train: Record<string, number[]>; validation: Record<string, number[]>; hparams: Record<string, unknown>;
  };
  // Beside a model, where an exported training script writes them.
  runInKit(TENSORBOARD, [KERAS_LOGS_SCRIPT, path.join(ws, 'models', 'mnist-cnn.logs'), '2']);
  return (async () => {
    const extra = findKerasLogFolders(ws, runs);
    assert.deepEqual(extra, [path.join(ws, 'models', 'mnist-cnn.logs')]);
    const {runs: listed, warnings} = await listRuns(runs, {extraFolders: extra});
    assert.deepEqual(warnings, []);
    assert.deepEqual(listed.map((r) => [r.id, r.kind]).sort(), [
      ['../models/mnist-cnn.logs', 'keras-logs'], ['20261206-101502-3fa9c1', 'local'], ['keras-run', 'keras-logs']]);
    const keras = listed.find((r) => r.id === 'keras-run')!;
    assert.equal(keras.epochs, 3);
    assert.deepEqual(keras.hparams, written.hparams);
    assert.deepEqual(keras.best, {metric: 'val_accuracy', value: written.validation.epoch_accuracy[2], epoch: 3});
    const record = await readRun(runs, 'keras-run');
    assert.deepEqual(record.epochs.map((e) => e.logs.loss), written.train.epoch_loss);
    assert.deepEqual(record.epochs.map((e) => e.logs.val_loss), written.validation.epoch_loss);
    assert.deepEqual(record.epochs.map((e) => e.logs.accuracy), written.train.epoch_accuracy);
    assert.equal((await readRun(runs, '../models/mnist-cnn.logs')).epochs.length, 2);
    // Keras's logs are not this tool's records: never removed by it.
    assert.throws(() => removeRun(runs, 'keras-run'), /keras-run: is a folder of Keras TensorBoard logs, not a run record of this tool/);
    assert.ok(fs.existsSync(path.join(runs, 'keras-run', 'train')));
    fs.rmSync(ws, {recursive: true, force: true});
  })();
});

test('a damaged run.json is one warning naming it, the other runs list, and the file is left as it was', async () => {
  const runs = tempDir();
  syntheticRun(runs, 'good');
  const bad = syntheticRun(runs, 'bad');
  const file = path.join(bad.folder, RUN_FILE);
  const text = fs.readFileSync(file, 'utf8').slice(0, 100);
  fs.writeFileSync(file, text);
  const {runs: listed, warnings} = await listRuns(runs);
  assert.deepEqual(listed.map((r) => r.id), ['good']);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], new RegExp(`^${file.replace(/[.]/g, '\\.')}: is damaged \\(`));
  assert.equal(fs.readFileSync(file, 'utf8'), text, 'nothing rewritten');
  await assert.rejects(readRun(runs, 'bad'), /bad\/run\.json: is damaged/);
  fs.writeFileSync(file, '{"id": 3}');
  await assert.rejects(readRun(runs, 'bad'), /run\.json: is not a run record \(id, status or epochs missing\)/);
  fs.rmSync(runs, {recursive: true, force: true});
});

test('a running record whose process is gone, or that has not been updated for a day, reads as crashed with its epochs', async () => {
  const runs = tempDir();
  const env = syntheticRun(runs, 'x').environment!;
  syntheticRun(runs, 'dead', {status: 'running', endTime: undefined, environment: {...env, pid: deadPid()}});
  syntheticRun(runs, 'alive', {status: 'running', endTime: undefined});
  const old = new Date(Date.now() - STALE_RUN_MS - 60_000).toISOString();
  syntheticRun(runs, 'stale', {status: 'running', endTime: undefined, updateTime: old, environment: {...env, hostname: 'another-host', pid: 1}});
  const byId = Object.fromEntries((await listRuns(runs)).runs.map((r) => [r.id, r]));
  assert.equal(byId.dead.status, 'crashed');
  assert.match(byId.dead.error!, /its process \d+ ended without finishing the run/);
  assert.equal(byId.dead.epochs, 2);
  assert.equal(byId.alive.status, 'running');
  assert.equal(byId.stale.status, 'crashed');
  assert.equal((await readRun(runs, 'stale')).error, `no update since ${old}`);
  fs.rmSync(runs, {recursive: true, force: true});
});

test('ids that do not exist, ids that are paths, a runs folder leading out of the workspace: one line each', async () => {
  const ws = tempDir();
  const outside = tempDir();
  syntheticRun(path.join(ws, 'runs'), 'r1');
  await assert.rejects(readRun(path.join(ws, 'runs'), 'nope'), /^RunsError: nope: no such run in .*runs \(keras-workbench runs lists them\)$/);
  await assert.rejects(readRun(path.join(ws, 'runs'), '.hidden'), /\.hidden: is not a run id/);
  await assert.rejects(readRun(path.join(ws, 'runs'), '/etc'), /\/etc: is not a run id/);
  fs.symlinkSync(outside, path.join(ws, 'linked'));
  assert.throws(() => checkRunsFolder('linked', ws), new RegExp(`^RunsError: linked: is a symlink leading out of the workspace \\(to ${fs.realpathSync(outside)}\\); refused$`));
  checkRunsFolder('runs', ws);
  checkRunsFolder(outside, ws); // typed outside: the user's choice
  // A run folder holding something else is not removed.
  fs.writeFileSync(path.join(ws, 'runs', 'r1', 'notes.txt'), 'mine');
  assert.throws(() => removeRun(path.join(ws, 'runs'), 'r1'), /notes\.txt: is not part of a run record; the run folder was left as it is/);
  fs.rmSync(path.join(ws, 'runs', 'r1', 'notes.txt'));
  removeRun(path.join(ws, 'runs'), 'r1');
  assert.deepEqual(fs.readdirSync(path.join(ws, 'runs')), []);
  fs.rmSync(ws, {recursive: true, force: true});
  fs.rmSync(outside, {recursive: true, force: true});
});
