/**
 * The inspector's activations and explanations: one sample (a test-set sample, or values drawn
 * or typed in the panel) through the engine's explanation module, scaled for drawing.
 */
import * as tf from '@tensorflow/tfjs-core';
import {explain, sampleActivations} from '../engine/explain';
import {inspectorOf} from './inspector-handlers';
import {sampleImageUrl} from '../engine/inspect/predictions';
import {activations, explainSample, type SampleRef} from '../protocol/messages';
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

export const registerExplainHandlers: HandlerSet = (connection, models) => {
  handle(connection, activations, async ({modelId, sample, layers}) => {
    const loaded = models.require(modelId);
    return (await sampleActivations(loaded.model, sampleValues(loaded, sample), inspectorOf(loaded).session.inputShape, layers)).result;
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
      return {
        method: e.method, classIndex: e.classIndex, predicted: predicted ?? ranked[0]!.label, top: ranked,
        score: e.score, scoreKind: e.scoreKind, probability: e.probability,
        attribution: Array.from(e.attribution), shape: e.shape, inputShape: session.inputShape,
        image: sampleImageUrl(values, session.inputShape),
        layer: e.layer, completenessError: e.completenessError, baselineScore: e.baselineScore, steps: e.steps,
        baseline: e.baseline, samples: e.samples, note: e.note, computeMs: performance.now() - started,
      };
    } finally {
      x.dispose();
    }
  });
};
