/**
 * `activations` and `explain`: what each layer computes on a sample, and which parts of the
 * sample drove the model's score for a class (src/engine/explain), written as .npz / .npy / .png
 * through the same atomic writes as models, never over an existing file without --overwrite.
 */
import * as fs from 'fs';
import * as path from 'path';
import {parseArgs} from 'util';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend, type BackendPreference} from '../engine/backend';
import {openModel} from '../engine/models';
import {ModelSession} from '../engine/session/session';
import {describeChoice} from '../engine/session/dataset-choice';
import {readTrainSpec} from '../engine/spec/spec';
import {encodeNpy} from '../engine/session/outputs';
import {ATTRIBUTION_METHODS, BASELINES, computeActivations, ExplainError, explainBatch, type AttributionMethod, type Baseline, type Explanation} from '../engine/explain';
import {encodeNpz, overlayPng} from '../engine/explain/render';
import {writeAtomically} from '../formats/atomic-save';
import {debugLog, setDebugLog} from '../common/diagnostics';
import {firstLine, namesItsFile} from '../common/errors';
import {realPathOf} from '../common/confine';

const COMMON = `  --sample N              Test sample N of the model's dataset (see --data).
  --input FILE            A sample from a file: .npy, .npz (FILE.npz:KEY), .csv, IDX, PNG or JPEG,
                          with the model's preprocessing (--scale X, --no-preprocessing as predict).
  --data D                Dataset of a model that records none: mnist or a *.train.json spec.
  --overwrite             Replace an existing output file.
  --backend B             auto (default) | native | wasm | cpu
  --custom-objects FILE   JS module exporting custom layer classes (Keras custom_objects).
  --verbose               Library diagnostics and error stacks on stderr.`;

export const ACTIVATIONS_HELP = `Usage: keras-workbench activations MODEL (--sample N | --input FILE) --output ACTS.npz [options]

Every layer's output for one sample, from one forward pass: an .npz with one float32 array per
layer, keyed by the layer's name (nested models: outer/inner), without the batch axis. Prints
each layer's shape, min, max, mean and share of zeros.

Options:
  --layer NAME            Only this layer (repeatable).
  --output FILE.npz       Where to write the activations.
${COMMON}`;

export const EXPLAIN_HELP = `Usage: keras-workbench explain MODEL (--sample N... | --input FILE...) --output ATTR.npy|ATTR.png [options]

Which parts of the input drove the model's score for a class. The score is the value before the
output's softmax or sigmoid when it has one, else the output itself.

Options:
  --method M              saliency (default): gradient of the class score w.r.t. the input;
                          smoothgrad: saliency averaged over noisy copies (--samples, --noise, --seed);
                          integrated-gradients: gradients along the path from a baseline (--steps, --baseline);
                          gradcam: class-weighted map of a spatial layer's output (--layer).
  --class K               The class (index into the output) to explain; default the predicted one.
  --layer NAME            Grad-CAM's layer (default the last layer with spatial output).
  --steps N               Integrated gradients' steps (default: doubled from 16 until the
                          completeness error is at most 2%).
  --baseline B            zeros (default) | mean (the dataset's mean sample) | blur
  --samples N             SmoothGrad's noisy copies (default 25).
  --noise F               SmoothGrad's noise, a share of the input's range (default 0.15).
  --seed S                SmoothGrad's noise seed (default 0).
  --model-output O        The output to explain, by name or index (models with several).
  --model-input I         The input to attribute to, by name or index (models with several).
  --output FILE           .npy: the raw float32 attributions, the input's shape without the batch
                          axis (Grad-CAM: the layer's map (H', W'), not normalised; several samples:
                          a leading sample axis); .png: the input with the attribution over it.
${COMMON}`;

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      sample: {type: 'string', multiple: true}, input: {type: 'string', multiple: true}, key: {type: 'string'},
      scale: {type: 'string'}, 'no-preprocessing': {type: 'boolean'}, data: {type: 'string'},
      layer: {type: 'string', multiple: true}, output: {type: 'string'}, overwrite: {type: 'boolean'},
      method: {type: 'string'}, class: {type: 'string'}, steps: {type: 'string'}, baseline: {type: 'string'},
      samples: {type: 'string'}, noise: {type: 'string'}, seed: {type: 'string'},
      'model-output': {type: 'string'}, 'model-input': {type: 'string'},
      backend: {type: 'string'}, 'custom-objects': {type: 'string'}, 'no-compile': {type: 'boolean'},
      verbose: {type: 'boolean'}, help: {type: 'boolean', short: 'h'},
    },
  });
}

type Values = ReturnType<typeof parse>['values'];

/** A refused argument: printed as one line, exit status 1, nothing written. */
class ArgumentError extends Error {}

function wholeNumber(value: string | undefined, flag: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new ArgumentError(`${flag}: needs a whole number >= ${min}, got '${value}'`);
  return n;
}

function positiveNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new ArgumentError(`${flag}: needs a number >= 0, got '${value}'`);
  return n;
}

function scaleOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([0-9.eE+-]+)\s*(?:\/\s*([0-9.eE+-]+))?\s*$/.exec(value);
  const n = m ? Number(m[1]) / (m[2] === undefined ? 1 : Number(m[2])) : NaN;
  if (!Number.isFinite(n)) throw new ArgumentError(`--scale: needs a number or a fraction such as 1/255, got '${value}'`);
  return n;
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

async function openSamples(values: Values, target: string, multiple: boolean): Promise<Samples> {
  if (values.input && values.sample) throw new ArgumentError('--input and --sample are alternatives: give files or test samples, not both');
  if (!values.input && !values.sample) throw new ArgumentError('needs the sample to explain: --sample N (the model\'s test data) or --input FILE');
  const backend = (values.backend ?? 'auto') as BackendPreference;
  if (!['auto', 'native', 'wasm', 'cpu'].includes(backend)) throw new ArgumentError(`--backend: must be auto, native, wasm or cpu, got '${backend}'`);
  await initBackend(backend);
  const opened = await openModel(target, {compile: !values['no-compile'], customObjectsModule: values['custom-objects'], workspaceRoots: [process.cwd()]});
  for (const warning of opened.handle.warnings ?? []) process.stderr.write(`Warning: ${warning}\n`);
  const session = new ModelSession(opened);
  if (values.data === 'mnist') session.useData(describeChoice({kind: 'mnist'}, session.handle.inputShape, session.handle.outputShape));
  else if (values.data !== undefined) {
    const spec = readTrainSpec(values.data);
    session.useData({data: spec.data, preprocessing: spec.preprocessing, workspaceRoot: process.cwd()});
  }
  if (values.input) {
    const batch = session.readInputs(values.input, {key: values.key, scale: scaleOption(values.scale), preprocess: !values['no-preprocessing']});
    if (!multiple && batch.count !== 1) throw new ArgumentError(`--input: ${values.input.join(', ')} holds ${batch.count} samples; activations are computed for one (take one with an .npy of a single sample)`);
    return {x: batch.x, count: batch.count, shape: session.inputShape, labels: batch.sources, source: values.input.join(', '), session};
  }
  const indices = values.sample!.map((s) => wholeNumber(s, '--sample')!);
  if (!multiple && indices.length > 1) throw new ArgumentError('--sample: activations are computed for one sample; give one --sample');
  session.requireTestSet();
  let x: Float32Array;
  try {
    x = session.testRows(indices);
  } catch (e) {
    throw new ArgumentError(`--sample: ${(e as Error).message}`);
  }
  return {x, count: indices.length, shape: session.inputShape, labels: indices.map((i) => `sample ${i}`), source: `--sample ${indices.join(' ')}`, session};
}

const OUTPUTS: Record<'activations' | 'explain', string[]> = {activations: ['.npz'], explain: ['.npy', '.png']};

/** The output file: the right extension, and not an existing file unless --overwrite (never a folder, link or one of the inputs). */
function checkOutput(file: string | undefined, command: 'activations' | 'explain', overwrite: boolean | undefined, inputs: string[]): string {
  const allowed = OUTPUTS[command];
  if (!file) throw new ArgumentError(`--output: needed, a file ending in ${allowed.join(' or ')}`);
  const ext = path.extname(file).toLowerCase();
  if (!allowed.includes(ext)) throw new ArgumentError(`--output: ${file} must end in ${allowed.join(' or ')}`);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    stat = undefined;
  }
  if (stat) {
    if (stat.isSymbolicLink()) throw new ArgumentError(`${file}: is a symbolic link; --output names a file to write, not a link (nothing was written)`);
    if (!stat.isFile()) throw new ArgumentError(`${file}: is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}; --output names a file (nothing was written)`);
    if (!overwrite) throw new ArgumentError(`${file}: already exists; pass --overwrite to replace it (nothing was written)`);
    const real = realPathOf(path.resolve(file));
    for (const input of inputs) {
      const {file: inputFile} = /^(.*\.npz):[^\\/:]+$/i.exec(input) ? {file: input.replace(/:[^\\/:]+$/, '')} : {file: input};
      try {
        if (realPathOf(path.resolve(inputFile)) === real) throw new ArgumentError(`${file}: is one of the inputs; choose another --output (nothing was written)`);
      } catch (e) {
        if (e instanceof ArgumentError) throw e;
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

async function activations(values: Values, model: string): Promise<number> {
  const output = checkOutput(values.output, 'activations', values.overwrite, [model, ...(values.input ?? [])]);
  const samples = await openSamples(values, model, false);
  const input = tf.tensor(samples.x, [1, ...samples.shape]);
  try {
    const acts = await computeActivations(samples.session.model, input, {layers: values.layer}).catch((e) => {
      throw e instanceof ExplainError ? new ArgumentError(`${flagOf(e, samples, model)}: ${e.problem}`) : e;
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

async function explainSamples(values: Values, model: string): Promise<number> {
  const method = (values.method ?? 'saliency') as AttributionMethod;
  if (!ATTRIBUTION_METHODS.includes(method)) throw new ArgumentError(`--method: '${values.method}' is not a method; use ${ATTRIBUTION_METHODS.join(', ')}`);
  const baseline = values.baseline as Baseline | undefined;
  if (baseline !== undefined && !BASELINES.includes(baseline)) throw new ArgumentError(`--baseline: '${baseline}' is not a baseline; use ${BASELINES.join(', ')}`);
  if ((values.layer?.length ?? 0) > 1) throw new ArgumentError('--layer: explain takes one layer (Grad-CAM\'s)');
  if (values.layer && method !== 'gradcam') throw new ArgumentError(`--layer: only Grad-CAM uses a layer; ${method} explains the input`);
  const output = checkOutput(values.output, 'explain', values.overwrite, [model, ...(values.input ?? [])]);
  const options = {
    method,
    classIndex: wholeNumber(values.class, '--class'),
    steps: wholeNumber(values.steps, '--steps', 1),
    samples: wholeNumber(values.samples, '--samples', 1),
    noiseFraction: positiveNumber(values.noise, '--noise'),
    seed: wholeNumber(values.seed, '--seed'),
    baseline,
    layer: values.layer?.[0],
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
    throw e instanceof ExplainError ? new ArgumentError(`${flagOf(e, samples, model)}: ${e.problem}`) : e;
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

/** Runs `activations` or `explain` with the arguments after the command name; returns the exit status. */
export async function explainCommand(command: 'activations' | 'explain', args: string[]): Promise<number> {
  const help = command === 'activations' ? ACTIVATIONS_HELP : EXPLAIN_HELP;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    process.stderr.write(`keras-workbench ${command}: ${(e as Error).message}\n\n${help}\n`);
    return 2;
  }
  const {values, positionals} = parsed;
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  if (values.verbose || process.env.KERAS_WORKBENCH_DEBUG) setDebugLog((text) => process.stderr.write(`[debug] ${text}\n`));
  const model = positionals[0];
  if (!model || positionals.length > 1) {
    process.stderr.write(`keras-workbench ${command}: ${model ? `one MODEL, got ${positionals.join(', ')}` : 'missing MODEL'}\n\n${help}\n`);
    return 2;
  }
  try {
    return command === 'activations' ? await activations(values, model) : await explainSamples(values, model);
  } catch (e) {
    debugLog((e as Error)?.stack ?? String(e));
    const message = e instanceof ArgumentError || namesItsFile(e) || ((e as Error)?.constructor === Error && /^\S+: /.test((e as Error).message))
      ? firstLine((e as Error).message)
      : `${model}: ${firstLine((e as Error)?.message ?? String(e))}`;
    process.stderr.write(`keras-workbench ${command}: ${message}\n`);
    return 1;
  }
}
