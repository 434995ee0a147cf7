/** What our wasm kernels need from tfjs's wasm backend: its heap, tensor offsets and outputs. */
import type * as tf from '@tensorflow/tfjs-core';
import {Gemm, WasmHeapModule} from './gemm';

/** The parts of tfjs's BackendWasm that the kernels use. */
export interface WasmBackend {
  wasm: WasmHeapModule;
  dataIdMap: {get(dataId: object): {memoryOffset: number} | undefined};
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  incRef(dataId: object): void;
  refCount(dataId: object): number;
}

const gemms = new WeakMap<object, Gemm>();

/** The matrix-multiply engine bound to a wasm backend instance's heap. */
export function gemmFor(backend: WasmBackend): Gemm {
  let g = gemms.get(backend);
  if (!g) {
    g = new Gemm(backend.wasm);
    gemms.set(backend, g);
  }
  return g;
}

/** Float index of a tensor's data on the heap. */
export function floatOffset(backend: WasmBackend, t: tf.TensorInfo): number {
  const data = backend.dataIdMap.get(t.dataId);
  if (!data) throw new Error('wasm backend: tensor data not found');
  return data.memoryOffset / 4;
}
