/**
 * Adam in one pass per variable on the wasm backend. tfjs's AdamOptimizer runs a dozen separate
 * element-wise kernels inside one tidy, so for the 15.9M-weight Dense kernel it holds about a dozen
 * 64 MB temporaries at once (the main reason training took over a gigabyte) and streams memory a
 * dozen times. This keeps the optimizer's own state (its m and v variables, accBeta1/2 and the
 * iteration count) and its exact operation order, so saving, include_optimizer and resuming see
 * the same optimizer; m and v are updated in place, the weights get a fresh buffer (XNNPACK
 * caches packed weights by buffer).
 */
import * as tf from '@tensorflow/tfjs-core';
import {floatOffset, gemmFor, WasmBackend} from './wasm-heap';

/** The fields of tfjs's AdamOptimizer that hold its state. */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Array<{originalName: string; variable: tf.Variable} | undefined>;
  accumulatedSecondMoment: Array<{originalName: string; variable: tf.Variable} | undefined>;
  incrementIterations(): void;
}

/**
 * The slot variable, first given a buffer of its own if another tensor shares it (a clone):
 * m and v are then updated in place without changing anything else.
 */
function ownBuffer(backend: WasmBackend, slot: tf.Variable): tf.Variable {
  if (backend.refCount(slot.dataId) > 1) {
    const copy = tf.tidy(() => tf.add(slot, 0));
    slot.assign(copy);
    copy.dispose();
  }
  return slot;
}

export function canFuseAdam(optimizer: tf.Optimizer): boolean {
  return tf.getBackend() === 'wasm' && optimizer instanceof tf.AdamOptimizer &&
    Object.getPrototypeOf(optimizer) === tf.AdamOptimizer.prototype;
}

/**
 * optimizer.applyGradients(grads) for `variables` (grads keyed by variable name, in the same order
 * as the variables), fused when the optimizer is a plain Adam on the wasm backend.
 */
export function applyGradients(optimizer: tf.Optimizer, variables: tf.Variable[], grads: tf.NamedTensorMap): void {
  const usable = canFuseAdam(optimizer) && variables.every((v) => v.dtype === 'float32' && grads[v.name]?.dtype === 'float32');
  if (!usable) {
    optimizer.applyGradients(grads);
    return;
  }
  const opt = optimizer as unknown as AdamState;
  const backend = tf.backend() as unknown as WasmBackend;
  const kernels = gemmFor(backend).kernels;
  const f = Math.fround;
  const c1 = f(1 - opt.accBeta1.dataSync()[0]);
  const c2 = f(1 - opt.accBeta2.dataSync()[0]);
  const b1 = f(opt.beta1), ob1 = f(1 - opt.beta1), b2 = f(opt.beta2), ob2 = f(1 - opt.beta2);
  const eps = f(opt.epsilon), nlr = f(-opt.learningRate);
  variables.forEach((value, i) => {
    opt.accumulatedFirstMoment[i] ??= {originalName: `${value.name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false))};
    opt.accumulatedSecondMoment[i] ??= {originalName: `${value.name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false))};
    const g = grads[value.name];
    if (!g) return;
    const m = ownBuffer(backend, opt.accumulatedFirstMoment[i]!.variable);
    const v = ownBuffer(backend, opt.accumulatedSecondMoment[i]!.variable);
    const out = backend.makeOutput(value.shape, 'float32');
    const n = value.size;
    const [pw, pg, pm, pv, po] = [value, g, m, v, out].map((t) => floatOffset(backend, t));
    const n4 = n - (n % 4);
    kernels.adam(pw * 4, pg * 4, pm * 4, pv * 4, po * 4, n4, b1, ob1, b2, ob2, c1, c2, eps, nlr);
    const h = backend.wasm.HEAPF32;
    for (let j = n4; j < n; j++) {
      const gj = h[pg + j];
      const mj = f(f(h[pm + j] * b1) + f(gj * ob1));
      const vj = f(f(h[pv + j] * b2) + f(f(gj * gj) * ob2));
      h[pm + j] = mj;
      h[pv + j] = vj;
      h[po + j] = f(f(f(f(mj / c1) / f(f(Math.sqrt(f(vj / c2))) + eps)) * nlr) + h[pw + j]);
    }
    const updated = tf.engine().makeTensorFromTensorInfo(out);
    value.assign(updated);
    updated.dispose();
  });
  tf.tidy(() => {
    opt.accBeta1.assign(tf.mul(opt.accBeta1, opt.beta1));
    opt.accBeta2.assign(tf.mul(opt.accBeta2, opt.beta2));
  });
  opt.incrementIterations();
}
