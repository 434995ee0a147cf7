/**
 * Attributions: which parts of an input (or of a layer's output, for Grad-CAM) drove a model's
 * score for one class. The class score is the value before the output layer's softmax or sigmoid
 * when it has one (the activation is replaced by the identity for that computation), otherwise
 * the output itself. Gradients come from `tf.grad` through the model's graph, on any backend;
 * integrated gradients and SmoothGrad evaluate their points in a few batched gradient calls.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {activationHolder, consumers, graphOutputs, producerInputs, runGraph, upstreamOutputs, type Fed, type Symbolic} from './graph';
import {choose, ensureBuilt, ExplainError, modelInputs, nonFiniteWeight} from './inputs';

export type AttributionMethod = 'saliency' | 'smoothgrad' | 'integrated-gradients' | 'gradcam';
export const ATTRIBUTION_METHODS: readonly AttributionMethod[] = ['saliency', 'smoothgrad', 'integrated-gradients', 'gradcam'];
export type Baseline = 'zeros' | 'mean' | 'blur';
export const BASELINES: readonly Baseline[] = ['zeros', 'mean', 'blur'];
export type ScoreKind = 'before-softmax' | 'before-sigmoid' | 'output';

export interface ExplainOptions {
  method: AttributionMethod;
  /** Index into the chosen output's values of one sample (flattened); default the highest score. */
  classIndex?: number;
  /** Output name or index; needed when the model has several. */
  output?: string | number;
  /** Input name or index to attribute to; needed when the model has several (not for Grad-CAM). */
  input?: string | number;
  /** Grad-CAM's layer (default the last layer with spatial output). */
  layer?: string;
  /** Integrated gradients' steps; default chosen until the completeness error is at most 2%. */
  steps?: number;
  baseline?: Baseline;
  /** For the `mean` baseline: the data's mean sample (input-shaped); default the input's own mean value. */
  baselineMean?: Float32Array;
  /** SmoothGrad's noisy copies (default 25). */
  samples?: number;
  /** SmoothGrad's noise standard deviation as a share of the input's range (default 0.15). */
  noiseFraction?: number;
  /** SmoothGrad's noise seed (default 0). */
  seed?: number;
}

export interface Explanation {
  method: AttributionMethod;
  output: {name: string; index: number};
  classIndex: number;
  score: number;
  scoreKind: ScoreKind;
  /** The output's value for the class when it is a softmax or sigmoid. */
  probability?: number;
  /** Row-major, `shape` (without the batch axis): the input's (or Embedding output's) shape; Grad-CAM: the layer's spatial shape. */
  attribution: Float32Array;
  shape: number[];
  /** Grad-CAM's layer, or the Embedding layer attributions are for. */
  layer?: string;
  /** Integrated gradients: |Σ attribution − (score(x) − score(baseline))| / |score(x) − score(baseline)|. */
  completenessError?: number;
  /** Integrated gradients: score(baseline). */
  baselineScore?: number;
  steps?: number;
  baseline?: Baseline;
  samples?: number;
  note?: string;
}

/** Integrated gradients' completeness bound, met by the step count chosen when none is given. */
export const COMPLETENESS_BOUND = 0.02;
const FIRST_STEPS = 16;
const MAX_STEPS = 512;
/** Points per batched gradient call: large enough to amortise each layer's dispatch, small enough for memory. */
const CHUNK = 32;

interface ScoreTarget {
  index: number;
  name: string;
  output: Symbolic;
  score: Symbolic;
  linear: tfl.layers.Layer[];
  kind: ScoreKind;
}

function scoreTarget(model: tfl.LayersModel, choice: string | number | undefined): ScoreTarget {
  const index = choose(model.outputNames, choice, 'output', 'output');
  const output = model.outputs[index]!;
  const layer = output.sourceLayer;
  const name = model.outputNames[index]!;
  if (layer.getClassName() === 'Softmax') return {index, name, output, score: producerInputs(output)[0]!, linear: [], kind: 'before-softmax'};
  const activation = (activationHolder(layer) as unknown as {activation?: {getClassName(): string} | null}).activation?.getClassName();
  if (activation === 'softmax') return {index, name, output, score: output, linear: [layer], kind: 'before-softmax'};
  if (activation === 'sigmoid') return {index, name, output, score: output, linear: [layer], kind: 'before-sigmoid'};
  return {index, name, output, score: output, linear: [], kind: 'output'};
}

/** What attributions are computed for: the chosen input, or the output of the Embedding that reads its token ids. */
interface Source {
  symbolic: Symbolic;
  /** Its values for the batch (N, ...). */
  value: tf.Tensor;
  mask: tf.Tensor | null;
  layer?: string;
  note?: string;
  owned: tf.Tensor[];
}

function attributionSource(model: tfl.LayersModel, feeds: Map<Symbolic, Fed>, choice: string | number | undefined): Source {
  const index = choose(model.inputNames, choice, 'input', 'input');
  const input = model.inputs[index]!;
  const embedding = consumers(model, input).find((l) => l.getClassName() === 'Embedding');
  if (embedding) {
    const symbolic = graphOutputs(model).find((s) => s.sourceLayer === embedding && producerInputs(s).some((p) => p.name === input.name))!;
    const {values, masks} = runGraph([symbolic], feeds);
    const owned = [values[0]!, ...(masks[0] ? [masks[0]] : [])];
    return {
      symbolic, value: values[0]!, mask: masks[0] ?? null, layer: embedding.name, owned,
      note: `the input '${model.inputNames[index]}' holds integer token ids, which have no gradient: attributions are for the output of the Embedding layer '${embedding.name}' (per position and embedding unit)`,
    };
  }
  if (input.dtype === 'int32') {
    throw new ExplainError('input', `the input '${model.inputNames[index]}' holds integers and feeds no Embedding layer; attributions need a float input or an Embedding to explain from`);
  }
  return {symbolic: input, value: feeds.get(input)!.value, mask: null, owned: []};
}

/** Rows `rows` of the batch, each repeated `times` times: (rows.length * times, ...). */
function repeatRows(t: tf.Tensor, row: number, times: number): tf.Tensor {
  return tf.tidy(() => {
    const one = tf.slice(t, [row], [1]);
    return times === 1 ? one : tf.tile(one, [times, ...new Array(t.rank - 1).fill(1)]);
  });
}

/** One-hot selector (rows, width) picking `classes[r]` in row r. */
function selector(classes: number[], width: number): tf.Tensor2D {
  const values = new Float32Array(classes.length * width);
  classes.forEach((c, r) => {
    values[r * width + c] = 1;
  });
  return tf.tensor2d(values, [classes.length, width]);
}

interface Evaluator {
  /** Per-row class scores of `points` (M, ...source) for sample `row` of the batch, and their gradients. */
  gradients(points: tf.Tensor, row: number | 'all', classes: number[]): {scores: Float32Array; gradients: Float32Array};
}

function evaluator(model: tfl.LayersModel, feeds: Map<Symbolic, Fed>, target: ScoreTarget, source: {symbolic: Symbolic; mask: tf.Tensor | null}): Evaluator {
  return {
    gradients(points, row, classes) {
      const m = points.shape[0]!;
      let kept: tf.Tensor | undefined;
      const grads = tf.tidy(() => {
        const pointFeeds = new Map<Symbolic, Fed>();
        for (const [symbolic, fed] of feeds) pointFeeds.set(symbolic, {value: row === 'all' ? fed.value : repeatRows(fed.value, row, m)});
        const mask = source.mask ? (row === 'all' ? source.mask : repeatRows(source.mask, row, m)) : null;
        const pick = selector(classes, 0 + widthOf(target));
        return tf.grad((x: tf.Tensor) => {
          pointFeeds.set(source.symbolic, {value: x, mask});
          const out = runGraph([target.score], pointFeeds, target.linear).values[0]!;
          const scores = tf.sum(tf.mul(tf.reshape(out, [m, -1]), pick), 1);
          kept = tf.keep(scores);
          return tf.sum(scores);
        })(points);
      });
      try {
        return {scores: kept!.dataSync() as Float32Array, gradients: grads.dataSync() as Float32Array};
      } finally {
        grads.dispose();
        kept?.dispose();
      }
    },
  };
}

function widthOf(target: ScoreTarget): number {
  return target.output.shape.slice(1).reduce<number>((a, d) => a * (d ?? 1), 1);
}

/** Class scores (the values before the softmax/sigmoid, flattened per sample) and the output's values. */
function forward(model: tfl.LayersModel, feeds: Map<Symbolic, Fed>, target: ScoreTarget, batch: number): {scores: Float32Array; width: number} {
  const out = tf.tidy(() => tf.reshape(runGraph([target.score], feeds, target.linear).values[0]!, [batch, -1]));
  try {
    return {scores: Float32Array.from(out.dataSync() as Float32Array), width: out.shape[1]!};
  } finally {
    out.dispose();
  }
}

function probabilityOf(kind: ScoreKind, scores: Float32Array, classIndex: number): number | undefined {
  if (kind === 'before-sigmoid') return 1 / (1 + Math.exp(-scores[classIndex]!));
  if (kind !== 'before-softmax') return undefined;
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let total = 0;
  for (const s of scores) total += Math.exp(s - max);
  return Math.exp(scores[classIndex]! - max) / total;
}

function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** A seeded standard normal generator (mulberry32 + Box-Muller): the same noise for the same seed. */
export function gaussian(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = Math.max(uniform(), 1e-12);
    const v = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/**
 * A Gaussian blur of one sample (shape without batch) over every axis but the last (channels or
 * features); a vector is blurred along its one axis. Sigma is an eighth of each axis's length.
 */
export function blurred(values: Float32Array, shape: number[]): Float32Array {
  let out = Float32Array.from(values);
  const axes = shape.length <= 1 ? [0] : shape.slice(0, -1).map((_, i) => i);
  for (const axis of axes) {
    const n = shape[axis]!;
    if (n < 2) continue;
    const sigma = Math.max(1, n / 8);
    const radius = Math.ceil(3 * sigma);
    const kernel = Array.from({length: 2 * radius + 1}, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
    const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
    const next = new Float32Array(out.length);
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < n; i++) {
        for (let r = 0; r < inner; r++) {
          let sum = 0;
          let weight = 0;
          for (let k = -radius; k <= radius; k++) {
            const j = i + k;
            if (j < 0 || j >= n) continue;
            const w = kernel[k + radius]!;
            sum += w * out[(o * n + j) * inner + r]!;
            weight += w;
          }
          next[(o * n + i) * inner + r] = sum / weight;
        }
      }
    }
    out = next;
  }
  return out;
}

function baselineOf(kind: Baseline, x: Float32Array, shape: number[], dataMean: Float32Array | undefined): Float32Array {
  if (kind === 'zeros') return new Float32Array(x.length);
  if (kind === 'blur') return blurred(x, shape);
  if (dataMean) {
    if (dataMean.length !== x.length) throw new ExplainError('baseline', `the data's mean sample has ${dataMean.length} values, the input ${x.length}`);
    return dataMean;
  }
  let sum = 0;
  for (const v of x) sum += v;
  return new Float32Array(x.length).fill(sum / x.length);
}

function checkOptions(options: ExplainOptions): void {
  if (!ATTRIBUTION_METHODS.includes(options.method)) throw new ExplainError('method', `'${options.method}' is not a method: ${ATTRIBUTION_METHODS.join(', ')}`);
  if (options.steps !== undefined && !(Number.isInteger(options.steps) && options.steps >= 1 && options.steps <= 4096)) throw new ExplainError('steps', `needs a whole number from 1 to 4096, got ${options.steps}`);
  if (options.samples !== undefined && !(Number.isInteger(options.samples) && options.samples >= 1 && options.samples <= 4096)) throw new ExplainError('samples', `needs a whole number from 1 to 4096, got ${options.samples}`);
  if (options.noiseFraction !== undefined && !(options.noiseFraction >= 0 && Number.isFinite(options.noiseFraction))) throw new ExplainError('noise', `needs a number >= 0, got ${options.noiseFraction}`);
  if (options.baseline !== undefined && !BASELINES.includes(options.baseline)) throw new ExplainError('baseline', `'${options.baseline}' is not a baseline: ${BASELINES.join(', ')}`);
}

/** Grad-CAM's layer: the named one, or the last one with spatial output on the way to the output. */
function gradcamLayer(model: tfl.LayersModel, target: ScoreTarget, name: string | undefined): {symbolic: Symbolic; channelsFirst: boolean} {
  const upstream = upstreamOutputs(model, target.score);
  const spatial = (s: Symbolic) => s.shape.length >= 3;
  let symbolic: Symbolic | undefined;
  if (name !== undefined) {
    symbolic = upstream.find((s) => s.sourceLayer.name === name);
    if (!symbolic) {
      const all = graphOutputs(model).map((s) => s.sourceLayer.name);
      if (all.includes(name)) throw new ExplainError('layer', `'${name}' does not lead to the output '${target.name}'`);
      throw new ExplainError('layer', `no layer '${name}' in the model (layers: ${[...new Set(all)].join(', ')})`);
    }
    if (!spatial(symbolic)) {
      const candidates = [...new Set(upstream.filter(spatial).map((s) => s.sourceLayer.name))];
      throw new ExplainError('layer', `'${name}' has output shape (${symbolic.shape.map((d) => d ?? 'None').join(', ')}), not spatial: Grad-CAM needs a layer whose output has (height, width, channels) or (steps, channels)${candidates.length ? ` (such layers: ${candidates.join(', ')})` : ''}`);
    }
  } else {
    symbolic = upstream.filter(spatial).pop();
    if (!symbolic) throw new ExplainError('layer', `the model has no layer with spatial output (height, width, channels) on the way to '${target.name}': Grad-CAM needs one (use saliency or integrated-gradients)`);
  }
  const config = symbolic.sourceLayer.getConfig() as {dataFormat?: string; data_format?: string};
  return {symbolic, channelsFirst: (config.dataFormat ?? config.data_format) === 'channels_first'};
}

/** One explanation per sample of the batch (`input` with its batch axis, or one sample without it). */
export async function explainBatch(model: tfl.LayersModel, input: tf.Tensor | tf.Tensor[], options: ExplainOptions): Promise<Explanation[]> {
  checkOptions(options);
  ensureBuilt(model);
  const bad = nonFiniteWeight(model);
  if (bad) throw new ExplainError('model', `the weight '${bad}' holds NaN or infinite values; its attributions would be meaningless`);
  const target = scoreTarget(model, options.output);
  const inputs = modelInputs(model, input);
  const owned: tf.Tensor[] = [];
  try {
    const n = inputs.batch;
    const {scores, width} = forward(model, inputs.feeds, target, n);
    if (options.classIndex !== undefined && !(Number.isInteger(options.classIndex) && options.classIndex >= 0 && options.classIndex < width)) {
      throw new ExplainError('class', `${options.classIndex} is outside the output '${target.name}' (classes 0 to ${width - 1})`);
    }
    const classes = Array.from({length: n}, (_, r) => options.classIndex ?? argmax(scores.subarray(r * width, (r + 1) * width)));
    const base = (r: number): Explanation => {
      const row = scores.subarray(r * width, (r + 1) * width);
      const probability = probabilityOf(target.kind, row, classes[r]!);
      return {
        method: options.method, output: {name: target.name, index: target.index}, classIndex: classes[r]!,
        score: row[classes[r]!]!, scoreKind: target.kind, ...(probability === undefined ? {} : {probability}),
        attribution: new Float32Array(0), shape: [],
      };
    };
    if (options.method === 'gradcam') return gradcam(model, inputs.feeds, target, options.layer, classes, base);
    const source = attributionSource(model, inputs.feeds, options.input);
    owned.push(...source.owned);
    const shape = source.value.shape.slice(1);
    const size = shape.reduce((a, b) => a * b, 1);
    const values = source.value.dataSync() as Float32Array;
    const grads = evaluator(model, inputs.feeds, target, source);
    const described = (r: number, attribution: Float32Array, extra: Partial<Explanation> = {}): Explanation => ({
      ...base(r), attribution, shape, ...(source.layer ? {layer: source.layer} : {}), ...(source.note ? {note: source.note} : {}), ...extra,
    });
    if (options.method === 'saliency') {
      const g = grads.gradients(source.value, 'all', classes).gradients;
      return classes.map((_, r) => described(r, g.slice(r * size, (r + 1) * size)));
    }
    const results: Explanation[] = [];
    for (let r = 0; r < n; r++) {
      const x = values.slice(r * size, (r + 1) * size);
      if (options.method === 'smoothgrad') results.push(described(r, ...smoothGrad(grads, x, shape, r, classes[r]!, options)));
      else results.push(described(r, ...integratedGradients(grads, x, shape, r, classes[r]!, options)));
    }
    return results;
  } finally {
    owned.forEach((t) => t.dispose());
    inputs.dispose();
  }
}

function pointsTensor(count: number, size: number, shape: number[], fill: (point: number, into: Float32Array) => void): tf.Tensor {
  const data = new Float32Array(count * size);
  for (let p = 0; p < count; p++) fill(p, data.subarray(p * size, (p + 1) * size));
  return tf.tensor(data, [count, ...shape]);
}

function smoothGrad(grads: Evaluator, x: Float32Array, shape: number[], row: number, classIndex: number, options: ExplainOptions): [Float32Array, Partial<Explanation>] {
  const samples = options.samples ?? 25;
  const fraction = options.noiseFraction ?? 0.15;
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const sigma = fraction * (max - min);
  const normal = gaussian(options.seed ?? 0);
  const size = x.length;
  const sum = new Float64Array(size);
  for (let start = 0; start < samples; start += CHUNK) {
    const count = Math.min(CHUNK, samples - start);
    const points = pointsTensor(count, size, shape, (_, into) => {
      for (let i = 0; i < size; i++) into[i] = x[i]! + sigma * normal();
    });
    try {
      const g = grads.gradients(points, row, new Array(count).fill(classIndex)).gradients;
      for (let i = 0; i < g.length; i++) sum[i % size] += g[i]!;
    } finally {
      points.dispose();
    }
  }
  return [Float32Array.from(sum, (v) => v / samples), {samples}];
}

function integratedGradients(grads: Evaluator, x: Float32Array, shape: number[], row: number, classIndex: number, options: ExplainOptions): [Float32Array, Partial<Explanation>] {
  const baselineKind = options.baseline ?? 'zeros';
  const x0 = baselineOf(baselineKind, x, shape, options.baselineMean);
  const size = x.length;
  const delta = Float32Array.from(x, (v, i) => v - x0[i]!);
  // Gradients summed over every evaluated point, and at the two ends (weighted 1/2 by the trapezoid rule).
  const total = new Float64Array(size);
  const ends = new Float64Array(size);
  let scoreAt0 = 0;
  let scoreAt1 = 0;
  const evaluate = (alphas: number[]) => {
    for (let start = 0; start < alphas.length; start += CHUNK) {
      const part = alphas.slice(start, start + CHUNK);
      const points = pointsTensor(part.length, size, shape, (p, into) => {
        const a = part[p]!;
        for (let i = 0; i < size; i++) into[i] = x0[i]! + a * delta[i]!;
      });
      try {
        const {scores, gradients} = grads.gradients(points, row, new Array(part.length).fill(classIndex));
        part.forEach((a, p) => {
          const g = gradients.subarray(p * size, (p + 1) * size);
          for (let i = 0; i < size; i++) total[i] += g[i]!;
          if (a === 0 || a === 1) for (let i = 0; i < size; i++) ends[i] += g[i]!;
          if (a === 0) scoreAt0 = scores[p]!;
          if (a === 1) scoreAt1 = scores[p]!;
        });
      } finally {
        points.dispose();
      }
    }
  };
  const fixed = options.steps;
  let steps = fixed ?? FIRST_STEPS;
  evaluate(Array.from({length: steps + 1}, (_, k) => k / steps));
  for (;;) {
    const attribution = new Float32Array(size);
    let sum = 0;
    for (let i = 0; i < size; i++) {
      attribution[i] = (delta[i]! * (total[i]! - ends[i]! / 2)) / steps;
      sum += attribution[i]!;
    }
    const difference = scoreAt1 - scoreAt0;
    const error = Math.abs(sum - difference) / Math.max(Math.abs(difference), 1e-12);
    if (fixed !== undefined || error <= COMPLETENESS_BOUND || steps >= MAX_STEPS) {
      return [attribution, {completenessError: error, baselineScore: scoreAt0, steps, baseline: baselineKind}];
    }
    // Doubling keeps every point evaluated so far: only the midpoints are new.
    const next = steps * 2;
    evaluate(Array.from({length: steps}, (_, k) => (2 * k + 1) / next));
    steps = next;
  }
}

function gradcam(model: tfl.LayersModel, feeds: Map<Symbolic, Fed>, target: ScoreTarget, layerName: string | undefined, classes: number[], base: (r: number) => Explanation): Explanation[] {
  const {symbolic, channelsFirst} = gradcamLayer(model, target, layerName);
  const n = classes.length;
  const cam = tf.tidy(() => {
    const {values, masks} = runGraph([symbolic], feeds);
    const activation = values[0]!;
    const m = masks[0] ?? null;
    const pick = selector(classes, widthOf(target));
    const gradient = tf.grad((a: tf.Tensor) => {
      const pointFeeds = new Map(feeds);
      pointFeeds.set(symbolic, {value: a, mask: m});
      const out = runGraph([target.score], pointFeeds, target.linear).values[0]!;
      return tf.sum(tf.mul(tf.reshape(out, [n, -1]), pick));
    })(activation);
    const rank = activation.rank;
    const channelAxis = channelsFirst ? 1 : rank - 1;
    const spatialAxes = Array.from({length: rank}, (_, i) => i).filter((i) => i !== 0 && i !== channelAxis);
    const weights = tf.mean(gradient, spatialAxes, true);
    return tf.relu(tf.sum(tf.mul(activation, weights), channelAxis));
  });
  try {
    const shape = cam.shape.slice(1);
    const size = shape.reduce((a, b) => a * b, 1);
    const data = cam.dataSync() as Float32Array;
    return classes.map((_, r) => ({...base(r), attribution: data.slice(r * size, (r + 1) * size), shape, layer: symbolic.sourceLayer.name}));
  } finally {
    cam.dispose();
  }
}

/** The explanation of one sample (`input` without batch axis, or with a batch of one). */
export async function explain(model: tfl.LayersModel, input: tf.Tensor | tf.Tensor[], options: ExplainOptions): Promise<Explanation> {
  const first = Array.isArray(input) ? input[0] : input;
  const expectedRank = model.inputs[0]!.shape.length;
  if (first && first.rank === expectedRank && first.shape[0] !== 1) {
    throw new ExplainError('sample', `explain takes one sample, got a batch of ${first.shape[0]} (explainBatch explains each)`);
  }
  return (await explainBatch(model, input, options))[0]!;
}
