/**
 * Training rate for epoch-time estimates: the last measured one (sent by the extension after a
 * run, as FLOPs per second of its spec), else a quick arithmetic calibration of this machine.
 */
import * as os from 'os';

/**
 * The engine's training kernels (wasm SIMD, all cores) against a plain scalar JavaScript loop on
 * the same machine: the reference CNN trains at ~160 samples/s on 2 cores (about 60 GFLOP/s at
 * 3x its 125 MFLOPs forward pass, docs/performance-baseline.md) where this loop does ~0.45 GFLOP/s
 * per core. Rough by nature; a measured rate replaces it after the first training run.
 */
const KERNEL_SPEEDUP_OVER_SCALAR_JS = 65;

let calibrated: number | undefined;

/** FLOP/s a scalar JS matrix product reaches here (best of a few 10 ms rounds, after warm-up). */
export function scalarFlopsPerSecond(): number {
  const n = 48;
  const a = new Float32Array(n * n).map((_, i) => (i % 7) * 0.1);
  const b = new Float32Array(n * n).map((_, i) => (i % 5) * 0.1);
  const c = new Float32Array(n * n);
  let best = 0;
  for (let round = 0; round < 4; round++) {
    let flops = 0;
    const started = performance.now();
    while (performance.now() - started < 10) {
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
          const av = a[i * n + k];
          for (let j = 0; j < n; j++) c[i * n + j] += av * b[k * n + j];
        }
      }
      flops += 2 * n * n * n;
    }
    if (round > 0) best = Math.max(best, flops / ((performance.now() - started) / 1000));
  }
  return best;
}

export function calibratedTrainingFlopsPerSecond(): number {
  calibrated ??= scalarFlopsPerSecond() * os.availableParallelism() * KERNEL_SPEEDUP_OVER_SCALAR_JS;
  return calibrated;
}
