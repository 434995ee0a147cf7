/**
 * Speed and memory of the explanation module (src/engine/explain) on the reference MNIST CNN,
 * WebAssembly backend, against the targets: all activations of one sample <= 60 ms, saliency and
 * Grad-CAM <= 150 ms, integrated gradients <= 1.5 s, SmoothGrad <= 1 s (median of several runs
 * after a warm-up), and at most 200 MB added to the process's peak memory by one explanation
 * (each method in a fresh process: the model loaded and one prediction made, as in the worker,
 * then VmHWM reset and one explanation run).
 *
 *   npm run bench:explain            (KERAS_WORKBENCH_BENCH_RUNS=N for more runs)
 */
import {spawnSync} from 'child_process';
import * as fs from 'fs';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import {initBackend} from '../engine/backend';
import {computeActivations, explain, type AttributionMethod, type Explanation} from '../engine/explain';
import {referenceModel} from './reference-model';
import {loadMnist} from './mnist';

interface Row {
  what: string;
  targetMs: number;
  method?: AttributionMethod;
}

const ROWS: Row[] = [
  {what: 'activations (every layer, one sample)', targetMs: 60},
  {what: 'saliency', targetMs: 150, method: 'saliency'},
  {what: 'Grad-CAM', targetMs: 150, method: 'gradcam'},
  {what: 'integrated gradients', targetMs: 1500, method: 'integrated-gradients'},
  {what: 'SmoothGrad (25 samples)', targetMs: 1000, method: 'smoothgrad'},
];
const MEMORY_TARGET_MB = 200;

async function setUp(): Promise<{model: tfl.LayersModel; sample: tf.Tensor}> {
  await initBackend('wasm');
  const model = referenceModel();
  const test = loadMnist('t10k', 1);
  const sample = tf.tensor(test.images, [1, 28, 28, 1]);
  const warm = model.predict(sample) as tf.Tensor;
  warm.dispose();
  return {model, sample};
}

function statusKB(field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]);
}

/** Child: one explanation with the given method; prints the peak added, in KB. */
async function memoryChild(method: AttributionMethod): Promise<void> {
  const {model, sample} = await setUp();
  (globalThis as {gc?: () => void}).gc?.();
  const before = statusKB('VmRSS');
  fs.writeFileSync('/proc/self/clear_refs', '5');
  await explain(model, sample, {method});
  process.stdout.write(JSON.stringify({addedKB: statusKB('VmHWM') - before}));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const child = process.argv.indexOf('--memory-child');
  if (child >= 0) return memoryChild(process.argv[child + 1] as AttributionMethod);
  const runs = Number(process.env.KERAS_WORKBENCH_BENCH_RUNS ?? 5);
  const {model, sample} = await setUp();
  process.stdout.write(`Explanations of the reference MNIST CNN (${model.countParams().toLocaleString('en')} parameters), wasm backend, median of ${runs} runs\n\n`);
  process.stdout.write(`${'what'.padEnd(40)} ${'ms'.padStart(8)} ${'target'.padStart(8)}  ok  detail\n`);
  let failed = 0;
  for (const row of ROWS) {
    const times: number[] = [];
    let last: Explanation | undefined;
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      if (row.method) last = await explain(model, sample, {method: row.method});
      else await computeActivations(model, sample);
      if (i > 0) times.push(performance.now() - start);
    }
    const ms = median(times);
    const ok = ms <= row.targetMs;
    if (!ok) failed++;
    const detail = last?.method === 'integrated-gradients' ? `${last.steps} steps, completeness error ${(100 * last.completenessError!).toFixed(2)}%` : '';
    process.stdout.write(`${row.what.padEnd(40)} ${ms.toFixed(1).padStart(8)} ${String(row.targetMs).padStart(8)}  ${ok ? 'yes' : 'NO '} ${detail}\n`);
  }
  process.stdout.write(`\nTensors left after the runs: ${tf.memory().numTensors} (the model's weights: ${model.weights.length} + the sample: 1)\n\n`);
  process.stdout.write(`${'peak memory added by one explanation'.padEnd(40)} ${'MB'.padStart(8)} ${'target'.padStart(8)}\n`);
  for (const row of ROWS) {
    if (!row.method) continue;
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--memory-child', row.method], {encoding: 'utf8'});
    const m = /\{.*\}/.exec(r.stdout ?? '');
    if (!m) {
      failed++;
      process.stdout.write(`${row.what.padEnd(40)} failed: ${(r.stderr ?? '').trim().split('\n').pop()}\n`);
      continue;
    }
    const mb = (JSON.parse(m[0]) as {addedKB: number}).addedKB / 1024;
    if (mb > MEMORY_TARGET_MB) failed++;
    process.stdout.write(`${row.what.padEnd(40)} ${mb.toFixed(1).padStart(8)} ${String(MEMORY_TARGET_MB).padStart(8)}  ${mb <= MEMORY_TARGET_MB ? 'yes' : 'NO'}\n`);
  }
  if (failed) process.stdout.write(`\n${failed} figure(s) miss their target\n`);
}

main().catch((e) => {
  process.stderr.write(`bench:explain: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
