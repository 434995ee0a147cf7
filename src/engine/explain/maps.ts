/**
 * Activations as the inspector draws them: bytes between each layer's min and max, with each
 * channel's range for feature maps. The Layers tab's requests and a training run's watched
 * sample both send them.
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type {ActivationMap, ActivationsResult} from '../../protocol/messages';
import {computeActivations, type LayerActivation} from './activations';

function asBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** One layer's output as the panel draws it: bytes between the layer's min and max, with each channel's range for feature maps. */
export function activationMap(a: LayerActivation): ActivationMap {
  const {min, max, mean, zeroFraction} = a.stats;
  const span = max - min || 1;
  const bytes = new Uint8Array(a.values.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(((a.values[i]! - min) / span) * 255);
  const kind = a.shape.length === 3 ? 'maps' : a.shape.length === 2 ? 'sequence' : 'vector';
  let channels: ActivationMap['channels'];
  if (kind === 'maps') {
    const c = a.shape[2]!;
    const pixels = a.shape[0]! * a.shape[1]!;
    channels = Array.from({length: c}, () => ({min: Infinity, max: -Infinity, mean: 0}));
    for (let p = 0; p < pixels; p++) {
      for (let k = 0; k < c; k++) {
        const v = a.values[p * c + k]!;
        const ch = channels[k]!;
        if (v < ch.min) ch.min = v;
        if (v > ch.max) ch.max = v;
        ch.mean += v;
      }
    }
    for (const ch of channels) ch.mean /= pixels || 1;
  }
  return {name: a.name, className: a.className, shape: a.shape, kind, min, max, mean, zeroFraction, bytes: asBase64(bytes), channels};
}

/**
 * Every layer's (or the named layers') activation of one sample of `shape`: the values, and the
 * same as the panel draws them with the milliseconds it took.
 */
export async function sampleActivations(model: tfl.LayersModel, values: Float32Array, shape: number[], layers?: string[]): Promise<{activations: LayerActivation[]; result: ActivationsResult}> {
  const started = performance.now();
  const x = tf.tensor(values, [1, ...shape]);
  try {
    const activations = await computeActivations(model, x, {layers});
    return {activations, result: {layers: activations.map(activationMap), computeMs: performance.now() - started}};
  } finally {
    x.dispose();
  }
}
