/**
 * Times each wasm kernel over a few training steps of the reference model, to find what is slow.
 * Usage: node --import tsx src/bench/profile-step.ts [steps]
 */
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import {LocalStepper} from '../engine/training/stepper';
import {lossAndMetrics} from '../engine/training/losses';
import {loadMnist} from './mnist';
import {referenceModel} from './reference-model';

async function main() {
  const steps = Number(process.argv[2] ?? 3);
  await initBackend('wasm');
  const totals = new Map<string, {ms: number; calls: number}>();
  let profiling = false;
  for (const config of tf.getKernelsForBackend('wasm')) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel({...config, kernelFunc: (args) => {
      if (!profiling) return inner(args);
      const t0 = performance.now();
      const out = inner(args);
      const shapes = Object.values(args.inputs).map((t) => (t as tf.TensorInfo | undefined)?.shape.join('x')).join(',');
      const key = `${config.kernelName}(${shapes})`;
      const e = totals.get(key) ?? {ms: 0, calls: 0};
      e.ms += performance.now() - t0; e.calls++;
      totals.set(key, e);
      return out;
    }});
  }
  const model = referenceModel();
  const data = loadMnist('train', 150 * (steps + 1));
  const stepper = new LocalStepper(model, lossAndMetrics('sparse_categorical_crossentropy', ['accuracy']), []);
  const batch = (i: number) => ({x: data.images.subarray(i * 150 * 784, (i + 1) * 150 * 784), y: data.labels.subarray(i * 150, (i + 1) * 150), count: 150});
  await stepper.step(batch(0));
  profiling = true;
  const t0 = performance.now();
  for (let i = 1; i <= steps; i++) {
    const s = performance.now();
    const out = await stepper.step(batch(i));
    console.log(`step ${i}: ${(performance.now() - s).toFixed(0)} ms loss=${out[0].toFixed(4)}`);
  }
  const wall = (performance.now() - t0) / steps;
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  const kernelMs = rows.reduce((s, [, v]) => s + v.ms, 0) / steps;
  console.log(`per step: wall ${wall.toFixed(0)} ms, in kernels ${kernelMs.toFixed(0)} ms`);
  for (const [k, v] of rows.slice(0, 40)) console.log(`${(v.ms / steps).toFixed(1).padStart(8)} ms ${String(v.calls / steps).padStart(4)}x ${k}`);
}
main().catch((e) => { console.error(e); process.exit(1); });
