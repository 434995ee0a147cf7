/**
 * The inspector's activations and explanations: one sample (a test-set sample, or values drawn
 * or typed in the panel) through the engine's explanation module, scaled for drawing.
 */
import * as tf from '@tensorflow/tfjs-core';
import {computeActivations, explain, type LayerActivation} from '../engine/explain';
import {inspectorOf} from './inspector-handlers';
import {imageUrl} from '../engine/inspect/predictions';
import {imageGeometry} from '../engine/session/inputs';
import {activations, explainSample, type ActivationMap, type SampleRef} from '../protocol/messages';
import type {LoadedModel} from '../engine/models';
import {HandlerSet, handle} from './handler-set';

/** The sample's preprocessed values, as the model takes them. */
export function sampleValues(loaded: LoadedModel, sample: SampleRef): Float32Array {
  const {session} = inspectorOf(loaded);
  if (sample.kind === 'test') return session.testRows([sample.index]);
  if (!Array.isArray(sample.values) || sample.values.length !== session.inputSize) {
    throw new Error(`sample: the model takes ${session.inputSize} input values (shape [${session.inputShape.join(', ')}]), got ${Array.isArray(sample.values) ? sample.values.length : 'none'}`);
  }
  return Float32Array.from(sample.values);
}

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

export const registerExplainHandlers: HandlerSet = (connection, models) => {
  handle(connection, activations, async ({modelId, sample, layers}) => {
    const loaded = models.require(modelId);
    const started = performance.now();
    const {session} = inspectorOf(loaded);
    const x = tf.tensor(sampleValues(loaded, sample), [1, ...session.inputShape]);
    try {
      const result = await computeActivations(loaded.model, x, {layers});
      return {layers: result.map(activationMap), computeMs: performance.now() - started};
    } finally {
      x.dispose();
    }
  });

  handle(connection, explainSample, async ({modelId, sample, method, classIndex, baseline}) => {
    const loaded = models.require(modelId);
    const started = performance.now();
    const {session} = inspectorOf(loaded);
    const values = sampleValues(loaded, sample);
    const out = await session.predictBatch(values, 1);
    const {predicted, top} = session.interpret(out, 3);
    const ranked = top ?? Array.from(out, (probability, label) => ({label, probability})).sort((a, b) => b.probability - a.probability).slice(0, 3);
    const x = tf.tensor(values, [1, ...session.inputShape]);
    try {
      const e = await explain(loaded.model, x, {method, classIndex, baseline});
      const geometry = imageGeometry(session.inputShape);
      return {
        method: e.method, classIndex: e.classIndex, predicted: predicted ?? ranked[0]!.label, top: ranked,
        score: e.score, scoreKind: e.scoreKind, probability: e.probability,
        attribution: Array.from(e.attribution), shape: e.shape, inputShape: session.inputShape,
        image: geometry && imageUrl(values, geometry.height, geometry.width, geometry.channels),
        layer: e.layer, completenessError: e.completenessError, baselineScore: e.baselineScore, steps: e.steps,
        baseline: e.baseline, samples: e.samples, note: e.note, computeMs: performance.now() - started,
      };
    } finally {
      x.dispose();
    }
  });
};
