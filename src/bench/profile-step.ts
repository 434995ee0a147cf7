/**
 * Times each wasm kernel (CPU time, so other load on the machine matters less) over a few training steps of the reference model, to find what is slow.
 * Usage: node --import tsx src/bench/profile-step.ts [steps]
 */
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import {restoreOriginalWasmKernel} from '../engine/kernels/wasm-gradients';
import {LocalStepper} from '../engine/training/stepper';
import {lossAndMetrics} from '../engine/training/losses';
import {loadMnist} from './mnist';
import {referenceModel} from './reference-model';

/** CPU time of this process: robust against other processes sharing the cores. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

async function main() {
  const steps = Number(process.argv[2] ?? 3);
  await initBackend('wasm');
  // KWB_ORIGINAL=Conv2D,BatchMatMul profiles tfjs's own kernels for comparison.
  for (const name of (process.env.KWB_ORIGINAL ?? '').split(',').filter(Boolean)) restoreOriginalWasmKernel(name);
  const totals = new Map<string, {ms: number; calls: number}>();
  let profiling = false;
  for (const config of tf.getKernelsForBackend('wasm')) {
    const inner = config.kernelFunc;
    tf.unregisterKernel(config.kernelName, 'wasm');
    tf.registerKernel({...config, kernelFunc: (args) => {
      if (!profiling) return inner(args);
      const t0 = cpuMs();
      const out = inner(args);
      const shapes = Object.values(args.inputs).map((t) => (t as tf.TensorInfo | undefined)?.shape.join('x')).join(',');
      const key = `${config.kernelName}(${shapes})`;
      const e = totals.get(key) ?? {ms: 0, calls: 0};
      e.ms += cpuMs() - t0; e.calls++;
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
    const c = cpuMs();
    const out = await stepper.step(batch(i));
    console.log(`step ${i}: wall ${(performance.now() - s).toFixed(0)} ms, cpu ${(cpuMs() - c).toFixed(0)} ms, loss=${out[0].toFixed(4)}`);
  }
  const wall = (performance.now() - t0) / steps;
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms);
  const kernelMs = rows.reduce((s, [, v]) => s + v.ms, 0) / steps;
  console.log(`per step: wall ${wall.toFixed(0)} ms, kernels ${kernelMs.toFixed(0)} ms of cpu time`);
  for (const [k, v] of rows.slice(0, 40)) console.log(`${(v.ms / steps).toFixed(1).padStart(8)} ms ${String(v.calls / steps).padStart(4)}x ${k}`);
}
main().catch((e) => { console.error(e); process.exit(1); });
