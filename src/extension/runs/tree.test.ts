import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {listRuns, readRun, writeRunFile, type RunRecord} from '../../formats/runs';
import {entryOf, RESUMABLE} from './adapt';
import {RunsTree, startLabel, STATUS_ICONS, type RunsNode} from './tree';

const SPEC_TEXT = '{"fit": {"epochs": 3}}';

function record(workspace: string, id: string, spec: string, over: Partial<RunRecord>): RunRecord {
  return {
    version: 1, id, kind: 'local', folder: '', spec: {path: spec, name: path.basename(spec), text: SPEC_TEXT},
    hparams: {'optimizer.name': 'adam', 'optimizer.learning_rate': 0.001, 'fit.batch_size': 32, 'fit.epochs': 3, 'model.parameters': 63562},
    environment: {backend: 'cpu', threads: 1, seed: 1, toolVersion: '0.1.0', pid: process.pid, hostname: os.hostname(), node: process.version, platform: process.platform},
    startTime: '2026-12-06T10:00:00.000Z', updateTime: '2026-12-06T10:01:00.000Z', status: 'finished',
    epochs: [
      {epoch: 1, logs: {loss: 0.5, accuracy: 0.8, val_loss: 0.4, val_accuracy: 0.85}, wallTime: 1_796_464_830, seconds: 30},
      {epoch: 2, logs: {loss: 0.3, accuracy: 0.9, val_loss: 0.35, val_accuracy: 0.91}, wallTime: 1_796_464_860, seconds: 30},
      {epoch: 3, logs: {loss: 0.2, accuracy: 0.95, val_loss: 0.38, val_accuracy: 0.9}, wallTime: 1_796_464_890, seconds: 30},
    ],
    batchLosses: [], model: {path: path.join(workspace, 'models', 'a'), format: 'tfjs', sha256: '00'},
    ...over,
  };
}

/** A real runs folder: run.json files written by the record writer, listed by listRuns, as the view does. */
async function listed(workspace: string, runsFolder: string) {
  const {runs, warnings} = await listRuns(runsFolder);
  const resumable = await Promise.all(runs.map(async (r) => RESUMABLE.has(r.status) && !!(await readRun(runsFolder, r.id)).checkpoint));
  const tree = new RunsTree(workspace);
  tree.set(runs.map((r, i) => entryOf(r, workspace, resumable[i])));
  return {tree, warnings};
}

test('the Runs view groups runs by spec, newest first, with status icons, the best validation metric and key hyperparameters', async () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-runs-tree-'));
  const runsFolder = path.join(workspace, 'runs');
  const write = (r: RunRecord) => {
    const folder = path.join(runsFolder, r.id);
    fs.mkdirSync(folder, {recursive: true});
    writeRunFile(folder, r);
  };
  // A process that is gone: its running record reads as crashed.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  const checkpoint = path.join(workspace, 'models', 'b.checkpoint');
  fs.mkdirSync(checkpoint, {recursive: true});
  const a = path.join(workspace, 'a.train.json');
  const b = path.join(workspace, 'sub', 'b.train.json');
  write(record(workspace, '20261206-100000-aaaaaa', 'a.train.json', {}));
  write(record(workspace, '20261206-110000-bbbbbb', 'a.train.json', {startTime: '2026-12-06T11:00:00.000Z', status: 'cancelled', epochs: [], model: undefined}));
  write(record(workspace, '20261206-090000-cccccc', b, {startTime: '2026-12-06T09:00:00.000Z', status: 'running', checkpoint,
    environment: {...record(workspace, 'x', b, {}).environment!, pid: dead}, hparams: {'optimizer.learning_rate': 0.01}}));
  write(record(workspace, '20261206-080000-dddddd', b, {startTime: '2026-12-06T08:00:00.000Z', status: 'failed', error: 'NaN loss'}));
  fs.mkdirSync(path.join(runsFolder, 'damaged'));
  fs.writeFileSync(path.join(runsFolder, 'damaged', 'run.json'), '{"id": "damaged", "sta');

  const {tree, warnings} = await listed(workspace, runsFolder);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /damaged.run\.json: is damaged/);
  const groups = tree.children();
  assert.deepEqual(groups.map((g) => tree.item(g).label), ['a.train.json', 'b.train.json'], 'the spec with the newest run first');
  assert.deepEqual(groups.map((g) => tree.item(g).description), ['2 runs', 'sub · 2 runs']);
  assert.equal(tree.item(groups[0]!).expanded, true);
  const runsOf = (g: RunsNode) => tree.children(g).map((n) => tree.item(n));
  const [cancelled, finished] = runsOf(groups[0]!);
  assert.equal(cancelled!.label, startLabel(Date.parse('2026-12-06T11:00:00.000Z')));
  assert.deepEqual(cancelled!.icon, {id: STATUS_ICONS.cancelled.id, colour: STATUS_ICONS.cancelled.colour});
  assert.equal(cancelled!.contextValue, 'kerasRun status-cancelled record spec', 'cancelled without a checkpoint: not resumable');
  assert.equal(finished!.description, 'val_accuracy 0.9100 · 3 epochs', 'the best validation accuracy, not the last');
  assert.equal(finished!.contextValue, 'kerasRun status-finished record spec model');
  assert.equal(finished!.icon?.id, 'pass');
  assert.match(finished!.tooltip!, /\| `optimizer.name` \| adam \|\n\| `optimizer.learning_rate` \| 0\.001 \|\n\| `fit.batch_size` \| 32 \|/);
  assert.match(finished!.tooltip!, /best val_accuracy 0\.9100 at epoch 2/);
  const [crashed, failed] = runsOf(groups[1]!);
  assert.deepEqual([crashed!.icon?.id, failed!.icon?.id], ['warning', 'error']);
  assert.equal(crashed!.contextValue, 'kerasRun status-crashed record spec model resumable', 'its process died; it has a checkpoint');
  assert.equal(tree.run('20261206-090000-cccccc')!.spec, b, 'an absolute spec path is kept');
  assert.equal(tree.run('20261206-100000-aaaaaa')!.spec, a, 'a relative one resolves against the workspace');
  const node = tree.nodeOf('20261206-090000-cccccc')!;
  assert.equal(tree.parent(node), groups[1]);
  assert.equal(tree.size, 4);
  fs.rmSync(workspace, {recursive: true, force: true});
});

test('a running run says which epoch it is in; keras logs have no record, spec or model flags', () => {
  const tree = new RunsTree('/w');
  const base = {spec: '/w/a.train.json', startTime: 0, hyperparameters: {}, resumable: false, folder: '/w/runs/x', hasSpec: true, kerasLogs: false};
  tree.set([
    {...base, id: 'r', status: 'running', epochs: 2, best: {metric: 'val_loss', value: 0.25, epoch: 2}},
    {...base, id: 'k', status: 'finished', epochs: 5, spec: '/w/models', hasSpec: false, kerasLogs: true, folder: '/w/models/m.logs'},
  ]);
  const running = tree.item(tree.nodeOf('r')!);
  assert.equal(running.description, 'val_loss 0.2500 · epoch 3…');
  assert.equal(running.icon?.id, 'sync~spin');
  assert.equal(tree.item(tree.nodeOf('k')!).contextValue, 'kerasRun status-finished');
});
