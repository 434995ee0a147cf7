/**
 * `activations` and `explain`: what each layer computes on a sample, and which parts of the
 * sample drove the model's score for a class (src/engine/explain), written as .npz / .npy / .png
 * through the same atomic writes as models, never over an existing file without --overwrite.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend, type BackendPreference} from '../engine/backend';
import {openModel} from '../engine/models';
import {ModelSession} from '../engine/session/session';
import {describeChoice} from '../engine/session/dataset-choice';
import {readTrainSpec} from '../engine/spec/spec';
import {encodeNpy} from '../engine/session/outputs';
import {computeActivations, ExplainError, explainBatch, type AttributionMethod, type Baseline, type Explanation} from '../engine/explain';
import {encodeNpz, overlayPng} from '../engine/explain/render';
import {writeAtomically} from '../formats/atomic-save';
import {debugLog} from '../common/diagnostics';
import {realPathOf} from '../common/confine';
import {UsageError} from './args';

/** What activations and explain take (declared in main.ts's command table). */
export interface SampleArguments {
  sample?: number[];
  input?: string[];
  key?: string;
  scale?: number;
  'no-preprocessing'?: boolean;
  data?: string;
  output?: string;
  overwrite?: boolean;
  backend: BackendPreference;
  'custom-objects'?: string;
  'no-compile'?: boolean;
}

export interface ActivationsArguments extends SampleArguments {
  layer?: string[];
}

export interface ExplainArguments extends SampleArguments {
  method: AttributionMethod;
  class?: number;
  layer?: string;
  steps?: number;
  baseline?: Baseline;
  samples?: number;
  noise?: number;
  seed?: number;
  'model-output'?: string;
  'model-input'?: string;
}

interface Samples {
  x: Float32Array;
  count: number;
  shape: number[];
  /** What each sample is, for the printed lines. */
  labels: string[];
  /** What a problem with the samples' values is attributed to. */
  source: string;
  session: ModelSession;
}

async function openSamples(values: SampleArguments, target: string, multiple: boolean): Promise<Samples> {
  if (values.input && values.sample) throw new UsageError('--input and --sample are alternatives: give files or test samples, not both');
  if (!values.input && !values.sample) throw new UsageError('needs the sample to explain: --sample N (the model\'s test data) or --input FILE');
  await initBackend(values.backend);
  const opened = await openModel(target, {compile: !values['no-compile'], customObjectsModule: values['custom-objects'], workspaceRoots: [process.cwd()]});
  for (const warning of opened.handle.warnings ?? []) process.stderr.write(`Warning: ${warning}\n`);
  const session = new ModelSession(opened);
  if (values.data === 'mnist') session.useData(describeChoice({kind: 'mnist'}, session.handle.inputShape, session.handle.outputShape));
  else if (values.data !== undefined) {
    const spec = readTrainSpec(values.data);
    session.useData({data: spec.data, preprocessing: spec.preprocessing, workspaceRoot: process.cwd()});
  }
  if (values.input) {
    const batch = session.readInputs(values.input, {key: values.key, scale: values.scale, preprocess: !values['no-preprocessing']});
    if (!multiple && batch.count !== 1) throw new UsageError(`--input: ${values.input.join(', ')} holds ${batch.count} samples; activations are computed for one (take one with an .npy of a single sample)`);
    return {x: batch.x, count: batch.count, shape: session.inputShape, labels: batch.sources, source: values.input.join(', '), session};
  }
  const indices = values.sample!;
  if (!multiple && indices.length > 1) throw new UsageError('--sample: activations are computed for one sample; give one --sample');
  session.requireTestSet();
  let x: Float32Array;
  try {
    x = session.testRows(indices);
  } catch (e) {
    throw new UsageError(`--sample: ${(e as Error).message}`);
  }
  return {x, count: indices.length, shape: session.inputShape, labels: indices.map((i) => `sample ${i}`), source: `--sample ${indices.join(' ')}`, session};
}

const OUTPUTS: Record<'activations' | 'explain', string[]> = {activations: ['.npz'], explain: ['.npy', '.png']};

/** The output file: the right extension, and not an existing file unless --overwrite (never a folder, link or one of the inputs). */
function checkOutput(file: string | undefined, command: 'activations' | 'explain', overwrite: boolean | undefined, inputs: string[]): string {
  const allowed = OUTPUTS[command];
  if (!file) throw new UsageError(`--output: needed, a file ending in ${allowed.join(' or ')}`);
  const ext = path.extname(file).toLowerCase();
  if (!allowed.includes(ext)) throw new UsageError(`--output: ${file} must end in ${allowed.join(' or ')}`);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    stat = undefined;
  }
  if (stat) {
    if (stat.isSymbolicLink()) throw new UsageError(`${file}: is a symbolic link; --output names a file to write, not a link (nothing was written)`);
    if (!stat.isFile()) throw new UsageError(`${file}: is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; --output names a file (nothing was written)`);
    if (!overwrite) throw new UsageError(`${file}: already exists; pass --overwrite to replace it (nothing was written)`);
    const real = realPathOf(path.resolve(file));
    for (const input of inputs) {
      const {file: inputFile} = /^(.*\.npz):[^\\/:]+$/i.exec(input) ? {file: input.replace(/:[^\\/:]+$/, '')} : {file: input};
      try {
        if (realPathOf(path.resolve(inputFile)) === real) throw new UsageError(`${file}: is one of the inputs; choose another --output (nothing was written)`);
      } catch (e) {
        if (e instanceof UsageError) throw e;
      }
    }
  }
  return file;
}

async function writeOutput(file: string, bytes: Uint8Array): Promise<void> {
  await writeAtomically(file, async (tmp) => {
    fs.writeFileSync(tmp, bytes, {flag: 'wx'});
  }, {
    verify: async (tmp) => {
      const back = fs.readFileSync(tmp);
      if (!back.equals(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length))) throw new Error('the file read back differs from what was written');
    },
  });
}

const shapeText = (shape: number[]) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
const num = (v: number) => (v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e5) ? v.toFixed(4) : v.toExponential(3));

/** The flag a refused argument of the engine corresponds to. */
function flagOf(e: ExplainError, samples: Samples | undefined, model: string): string {
  switch (e.argument) {
    case 'sample': return samples?.source ?? '--input';
    case 'model': return model;
    case 'output': return '--model-output';
    case 'input': return '--model-input';
    case 'noise': return '--noise';
    default: return `--${e.argument}`;
  }
}

/** `keras-workbench activations MODEL`. */
export async function activations(model: string, values: ActivationsArguments): Promise<number> {
  const output = checkOutput(values.output, 'activations', values.overwrite, [model, ...(values.input ?? [])]);
  const samples = await openSamples(values, model, false);
  const input = tf.tensor(samples.x, [1, ...samples.shape]);
  try {
    const acts = await computeActivations(samples.session.model, input, {layers: values.layer}).catch((e) => {
      throw e instanceof ExplainError ? new UsageError(`${flagOf(e, samples, model)}: ${e.problem}`) : e;
    });
    const nameWidth = Math.max(5, ...acts.map((a) => a.name.length));
    const classWidth = Math.max(5, ...acts.map((a) => a.className.length));
    const shapeWidth = Math.max(5, ...acts.map((a) => shapeText(a.shape).length));
    process.stdout.write(`Activations of ${samples.labels[0]}\n${'layer'.padEnd(nameWidth)}  ${'class'.padEnd(classWidth)}  ${'shape'.padEnd(shapeWidth)}  ${'min'.padStart(11)}  ${'max'.padStart(11)}  ${'mean'.padStart(11)}  zeros\n`);
    for (const a of acts) {
      const {min, max, mean, zeroFraction} = a.stats;
      process.stdout.write(`${a.name.padEnd(nameWidth)}  ${a.className.padEnd(classWidth)}  ${shapeText(a.shape).padEnd(shapeWidth)}  ${num(min).padStart(11)}  ${num(max).padStart(11)}  ${num(mean).padStart(11)}  ${(100 * zeroFraction).toFixed(1).padStart(5)}%\n`);
    }
    await writeOutput(output, encodeNpz(acts.map((a) => ({name: a.name, values: a.values, shape: a.shape}))));
    process.stdout.write(`Wrote ${acts.length} activations to ${path.resolve(output)}\n`);
    return 0;
  } finally {
    input.dispose();
  }
}

/** The dataset's mean sample, for the `mean` baseline; undefined without a dataset. */
function dataMean(session: ModelSession): Float32Array | undefined {
  let set;
  try {
    set = session.testSet();
  } catch (e) {
    debugLog(`no dataset for the mean baseline: ${(e as Error).message}`);
    return undefined;
  }
  if (!set || set.count === 0) return undefined;
  const size = session.inputSize;
  const sum = new Float64Array(size);
  for (let i = 0; i < set.count * size; i++) sum[i % size] += set.x[i]!;
  return Float32Array.from(sum, (v) => v / set.count);
}

function describe(label: string, e: Explanation): string {
  const score = `score ${num(e.score)} (${e.scoreKind === 'output' ? 'the output itself' : `${e.scoreKind.replace('-', ' ')}`})`;
  const lines = [`${label}: class ${e.classIndex} of output '${e.output.name}', ${score}${e.probability === undefined ? '' : `, probability ${e.probability.toFixed(4)}`}`];
  if (e.method === 'integrated-gradients') {
    lines.push(`  integrated gradients: ${e.steps} steps, baseline ${e.baseline} (score ${num(e.baselineScore!)}), completeness error ${(100 * e.completenessError!).toFixed(2)}% of |score - baseline score|`);
  }
  if (e.method === 'smoothgrad') lines.push(`  SmoothGrad: ${e.samples} noisy samples`);
  if (e.method === 'gradcam') lines.push(`  Grad-CAM on layer '${e.layer}', map ${shapeText(e.shape)}, max ${num(Math.max(0, ...e.attribution))}`);
  if (e.note) lines.push(`  note: ${e.note}`);
  return lines.join('\n');
}

/** `keras-workbench explain MODEL`. */
export async function explain(model: string, values: ExplainArguments): Promise<number> {
  const method = values.method;
  const baseline = values.baseline;
  if (values.layer && method !== 'gradcam') throw new UsageError(`--layer: only Grad-CAM uses a layer; ${method} explains the input`);
  const output = checkOutput(values.output, 'explain', values.overwrite, [model, ...(values.input ?? [])]);
  const options = {
    method,
    classIndex: values.class,
    steps: values.steps,
    samples: values.samples,
    noiseFraction: values.noise,
    seed: values.seed,
    baseline,
    layer: values.layer,
    output: values['model-output'],
    input: values['model-input'],
  };
  const samples = await openSamples(values, model, true);
  const baselineMean = method === 'integrated-gradients' && baseline === 'mean' ? dataMean(samples.session) : undefined;
  if (method === 'integrated-gradients' && baseline === 'mean' && !baselineMean) {
    process.stderr.write(`note: ${model} has no dataset; the mean baseline is each input's own mean value\n`);
  }
  const input = tf.tensor(samples.x, [samples.count, ...samples.shape]);
  let explanations: Explanation[];
  try {
    explanations = await explainBatch(samples.session.model, input, {...options, baselineMean});
  } catch (e) {
    throw e instanceof ExplainError ? new UsageError(`${flagOf(e, samples, model)}: ${e.problem}`) : e;
  } finally {
    input.dispose();
  }
  explanations.forEach((e, i) => process.stdout.write(`${describe(samples.labels[i]!, e)}\n`));
  let bytes: Uint8Array;
  const shape = explanations[0]!.shape;
  if (output.toLowerCase().endsWith('.npy')) {
    const size = explanations[0]!.attribution.length;
    const all = new Float32Array(size * explanations.length);
    explanations.forEach((e, i) => all.set(e.attribution, i * size));
    bytes = encodeNpy(all, explanations.length === 1 ? shape : [explanations.length, ...shape]);
  } else {
    const size = samples.x.length / samples.count;
    bytes = overlayPng(explanations.map((e, i) => ({input: samples.x.subarray(i * size, (i + 1) * size), inputShape: samples.shape, explanation: e})));
  }
  await writeOutput(output, bytes);
  process.stdout.write(`Wrote ${method} attributions ${explanations.length === 1 ? shapeText(shape) : shapeText([explanations.length, ...shape])} to ${path.resolve(output)}\n`);
  return 0;
}
