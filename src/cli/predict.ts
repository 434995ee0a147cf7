/** `keras-workbench predict MODEL`: test samples of the model's dataset, or the user's own files. */
import * as path from 'path';
import type {FilePrediction} from '../engine/session/session';
import {writePredictions} from '../engine/session/outputs';
import {UsageError} from './args';
import {openSession, type OpenArguments} from './open-model';

export interface PredictArguments extends OpenArguments {
  sample: number[];
  input?: string[];
  key?: string;
  'top-k': number;
  output?: string;
  overwrite?: boolean;
  scale?: number;
  'no-preprocessing'?: boolean;
  data?: string;
}

function describeFilePrediction(p: FilePrediction): string {
  if (p.top) return `${p.source}: ${p.top.map((t) => `${t.label} (${t.probability.toFixed(4)})`).join(', ')}`;
  const values = Array.from(p.output.subarray(0, 10), (v) => Number(v.toPrecision(6)));
  return `${p.source}: [${values.join(', ')}${p.output.length > 10 ? `, ... (${p.output.length} values)` : ''}]`;
}

/** `given`: the options the user gave (--top-k shows the top classes beside each test sample's prediction). */
export async function predict(target: string, values: PredictArguments, given: ReadonlySet<string>): Promise<number> {
  if (values.input && given.has('sample')) throw new UsageError('--input and --sample are alternatives: predict your files or test samples, not both');
  const topK = values['top-k'];
  const scale = values.scale;
  if (values.output && !values.input) throw new UsageError('--output writes the predictions of --input files');
  const session = await openSession(values, target);
  if (values.input) {
    const batch = session.readInputs(values.input, {key: values.key, scale, preprocess: !values['no-preprocessing']});
    if (!session.preprocessing && scale === undefined && !values['no-preprocessing'] && batch.pixels.some(Boolean)) {
      process.stderr.write(`note: ${session.handle.path} records no preprocessing; image pixels go in as 0..255 (Keras models usually expect --scale 1/255)\n`);
    }
    const predictions = await session.predictInputs(batch, topK);
    for (const p of predictions) process.stdout.write(`${describeFilePrediction(p)}\n`);
    if (values.output) {
      writePredictions(values.output, predictions, session.handle.outputShape, {overwrite: values.overwrite, topK});
      process.stdout.write(`Wrote ${predictions.length} predictions to ${path.resolve(values.output)}\n`);
    }
    return 0;
  }
  const indices = values.sample;
  session.requireTestSet();
  const outputs = await session.predictTestSamples(indices);
  const width = outputs.length / indices.length;
  indices.forEach((index, n) => {
    const {predicted, top} = session.interpret(outputs.subarray(n * width, (n + 1) * width), topK);
    const label = session.label(index);
    const shown = predicted ?? `[${Array.from(outputs.subarray(n * width, Math.min((n + 1) * width, n * width + 10)), (v) => Number(v.toPrecision(6))).join(', ')}]`;
    process.stdout.write(`Ground truth: ${label ?? '-'} - Prediction: ${shown}${given.has('top-k') && top ? ` (top ${top.map((t) => `${t.label}: ${t.probability.toFixed(4)}`).join(', ')})` : ''}\n`);
  });
  return 0;
}
