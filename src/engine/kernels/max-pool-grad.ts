/**
 * MaxPoolGrad for the wasm backend. TensorFlow.js's own wasm kernel (4.22) routes the gradient
 * to the wrong inputs when a window is one wide or tall (MaxPooling1D runs as a (k, 1) pool) and
 * with 'same' padding; this one passes each output's gradient to its window's first maximum,
 * as the cpu backend and TensorFlow do.
 */
import * as tf from '@tensorflow/tfjs-core';
import {floatOffset, type WasmBackend} from './wasm-heap';

type Info = tf.TensorInfo;

export function maxPoolGrad(args: {inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap}): Info {
  const backend = args.backend as WasmBackend;
  const {dy, input} = args.inputs as {dy: Info; input: Info};
  const {filterSize, strides, pad, dimRoundingMode} = args.attrs as unknown as {
    filterSize: [number, number] | number; strides: [number, number] | number; pad: 'valid' | 'same' | number; dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
  const info = tf.backend_util.computePool2DInfo(input.shape as [number, number, number, number], filterSize, strides, 1, pad, dimRoundingMode);
  const dx = backend.makeOutput(input.shape, 'float32');
  // The heap may have grown (and moved) in makeOutput: take its view afterwards.
  const heap = backend.wasm.HEAPF32;
  const x = floatOffset(backend, input);
  const g = floatOffset(backend, dy);
  const out = floatOffset(backend, dx);
  const {batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth, filterHeight, filterWidth} = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  heap.fill(0, out, out + batchSize * inHeight * inWidth * channels);
  for (let n = 0; n < batchSize; n++) {
    const xBase = x + n * inHeight * inWidth * channels;
    const dxBase = out + n * inHeight * inWidth * channels;
    for (let oy = 0; oy < outHeight; oy++) {
      const y0 = oy * strideHeight - top;
      for (let ox = 0; ox < outWidth; ox++) {
        const x0 = ox * strideWidth - left;
        const dyBase = g + ((n * outHeight + oy) * outWidth + ox) * channels;
        for (let c = 0; c < channels; c++) {
          let best = -1;
          let bestValue = -Infinity;
          for (let fy = 0; fy < filterHeight; fy++) {
            const iy = y0 + fy;
            if (iy < 0 || iy >= inHeight) continue;
            for (let fx = 0; fx < filterWidth; fx++) {
              const ix = x0 + fx;
              if (ix < 0 || ix >= inWidth) continue;
              const at = (iy * inWidth + ix) * channels + c;
              const v = heap[xBase + at]!;
              if (v > bestValue || best < 0) {
                bestValue = v;
                best = at;
              }
            }
          }
          if (best >= 0) heap[dxBase + best] += heap[dyBase + c]!;
        }
      }
    }
  }
  return dx;
}
