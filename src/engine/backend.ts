/**
 * Chooses the TensorFlow.js backend: the native libtensorflow binding when it is installed,
 * else the wasm backend with our training kernels, else the pure-JS cpu backend (last resort:
 * minutes per batch on a CNN).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as path from 'path';
import * as fs from 'fs';
import {installWasmGradientKernels} from './kernels/wasm-gradients';
import {installChainedTensorMethods} from '../keras/config-layers';

export type BackendPreference = 'auto' | 'native' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: 'tensorflow' | 'wasm' | 'cpu';
  description: string;
  /** Why a faster backend was not used, and how to get it; empty when the fastest one runs. */
  advice: string;
}

export const NATIVE_INSTALL_ADVICE =
  'For the native backend (libtensorflow, several times faster), run `npm install @tensorflow/tfjs-node` ' +
  'on a machine that can download libtensorflow.';

let active: BackendInfo | undefined;

/** Directory with the wasm binaries, both from the source tree and from a bundled dist/. */
function wasmDirectory(): string {
  const candidates = [
    process.env.KERAS_WORKBENCH_WASM_DIR,
    path.join(__dirname, 'wasm'),
    path.join(__dirname, '..', 'wasm'),
  ];
  for (const dir of candidates) {
    if (dir && fs.existsSync(path.join(dir, 'tfjs-backend-wasm-simd.wasm'))) return dir;
  }
  const pkg = require.resolve('@tensorflow/tfjs-backend-wasm/package.json');
  return path.join(path.dirname(pkg), 'dist');
}

function tryNative(): string | undefined {
  for (const name of ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node']) {
    try {
      // Loading the binding registers the 'tensorflow' backend as a side effect.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(name);
      return name;
    } catch {
      // not installed, or its native library is missing: fall through to the portable backend
    }
  }
  return undefined;
}

export async function initBackend(preference: BackendPreference = 'auto'): Promise<BackendInfo> {
  if (active) return active;
  // tfjs-layers' own initializers (Orthogonal, for LSTM/GRU) call chained tensor methods that the
  // CommonJS build of tfjs-core does not install.
  installChainedTensorMethods();
  // Production mode: no debug checks, and no console banner telling CLI users to install
  // tfjs-node (we print our own, accurate advice).
  tf.env().set('PROD', true);
  const wantNative = preference === 'auto' || preference === 'native';
  if (wantNative) {
    const pkg = tryNative();
    if (pkg && (await tf.setBackend('tensorflow'))) {
      active = {name: 'tensorflow', description: `native TensorFlow (${pkg})`, advice: ''};
      return active;
    }
    if (preference === 'native') {
      throw new Error(`The native backend was requested but @tensorflow/tfjs-node is not installed or failed to load. ${NATIVE_INSTALL_ADVICE}`);
    }
  }
  if (preference !== 'cpu') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(wasmDirectory() + path.sep);
    if (await tf.setBackend('wasm')) {
      installWasmGradientKernels();
      const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
      active = {
        name: 'wasm',
        description: `WebAssembly (XNNPACK${simd ? ', SIMD' : ''}) with Keras Workbench training kernels`,
        advice: preference === 'wasm' ? '' : NATIVE_INSTALL_ADVICE,
      };
      return active;
    }
  }
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  active = {name: 'cpu', description: 'pure JavaScript (very slow for convolutions)', advice: NATIVE_INSTALL_ADVICE};
  return active;
}

export function activeBackend(): BackendInfo | undefined {
  return active;
}
