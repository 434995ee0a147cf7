/**
 * A prediction plan: a chain of Keras layers run for one sample straight on our kernels.
 *
 * `model.predict` of one image costs the reference model about 1 ms beyond its kernels:
 * tfjs-layers walks its graph, every op is dispatched by the engine, and the operations split
 * with the helper thread copy their inputs to the shared heap and their outputs back. A plan
 * reads the layers once (Conv2D, Dense, Flatten, Reshape, Activation, the dropouts and noises,
 * which are identities at inference) and runs the sample on the inference runtime's shared heap
 * from the first layer to the last: weights copied there once per weight tensor, activations
 * never leaving it, the big operations split between the two threads as in the kernels
 * (Winograd tiles, Dense products over nonzero inputs). Models with anything else get no plan and go
 * through `model.predict`. Weights are read from the layers on every call (cheap: a tensor
 * identity), so a plan follows `setWeights` and training.
 *
 * Batches (evaluation, validation, the confusion matrix) run the same steps over chunks of
 * samples, each operation split between the two threads: Winograd tiles, the samples of other
 * convolutions, the columns of Dense products (each thread reads half of the weights), which
 * read only the weight rows of nonzero inputs where most are zero (sparse-product.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import {convolveByProducts, geometry, Geometry, winogradFits, winogradOf} from './conv-geometry';
import {BIAS_ACTIVATIONS, Gemm} from './gemm';
import {weightsAreFinite} from './zero-skipping-matmul';
import {InferenceHelper, inferenceRuntime, SPLIT_MIN_WORK} from './inference-helper';
import {layOutStrips, sparseFits, sparseProduct} from './sparse-product';

/**
 * Samples run through the layers together: enough for the Dense products to read their weights
 * once per many samples (the sparse product of the trained reference model's first Dense takes
 * a quarter less time per sample by chunks of 128 than of 64, and no less by 256), few enough to
 * keep a chunk's activations (the reference model: 250 KB per sample after conv3) at about 32 MB.
 */
const BATCH_CHUNK = 128;

/**
 * Floats of one activation of a chunk at most (32 MB): models with bigger activations per sample
 * run in smaller chunks, down to one sample, so that a batch's memory stays bounded whatever the
 * image size.
 */
const CHUNK_FLOATS = 1 << 23;

/** Activations applied after the bias pass (those of BIAS_ACTIVATIONS are fused into it). */
const ELEMENTWISE: Record<string, (v: number) => number> = {
  sigmoid: (v) => 1 / (1 + Math.exp(-v)),
  tanh: Math.tanh,
  softplus: (v) => (v > 20 ? v : Math.log1p(Math.exp(v))),
};
const PASS_THROUGH = new Set(['Flatten', 'Reshape', 'Dropout', 'SpatialDropout1D', 'SpatialDropout2D',
  'GaussianNoise', 'GaussianDropout', 'AlphaDropout']);

type Step =
  | {kind: 'conv'; g: Geometry; kernel: tfl.LayerVariable; bias?: tfl.LayerVariable; activation: string}
  | {kind: 'dense'; k: number; n: number; kernel: tfl.LayerVariable; bias?: tfl.LayerVariable; activation: string}
  | {kind: 'activation'; size: number; last: number; activation: string};

function supportedActivation(name: unknown): name is string {
  return typeof name === 'string' && (name in BIAS_ACTIVATIONS || name in ELEMENTWISE || name === 'softmax');
}

function perSample(shape: tfl.Shape | tfl.Shape[]): number[] | undefined {
  if (Array.isArray(shape[0]) || shape.length < 2) return undefined;
  const dims = (shape as Array<number | null>).slice(1);
  return dims.every((d) => typeof d === 'number' && d > 0) ? dims as number[] : undefined;
}

/** The model's layers from input to output when they form one chain; undefined otherwise. */
function chainOf(model: tfl.LayersModel): tfl.layers.Layer[] | undefined {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) return undefined;
  const chain: tfl.layers.Layer[] = [];
  let t = model.outputs[0]!;
  while (t.sourceLayer.getClassName() !== 'InputLayer') {
    if (t.inputs.length !== 1) return undefined;
    chain.unshift(t.sourceLayer);
    t = t.inputs[0]!;
  }
  return t === model.inputs[0] ? chain : undefined;
}

/** The steps of a chain of layers, or undefined at the first layer a plan cannot run. */
function stepsOf(chain: tfl.layers.Layer[], input: number[]): Step[] | undefined {
  const steps: Step[] = [];
  let shape = input;
  for (const layer of chain) {
    const out = perSample(layer.outputShape);
    if (!out) return undefined;
    const config = layer.getConfig();
    const className = layer.getClassName();
    const weights = layer.weights;
    if (className === 'Conv2D') {
      if (shape.length !== 3 || config.dataFormat !== 'channelsLast' || !supportedActivation(config.activation)) return undefined;
      const kernel = weights[0]!;
      const g = geometry([1, ...shape], kernel.shape as number[], {
        strides: config.strides as [number, number], pad: config.padding as 'valid' | 'same',
        dilations: config.dilationRate as [number, number],
      });
      if ([g.outH, g.outW, g.outC].join() !== out.join()) return undefined;
      steps.push({kind: 'conv', g, kernel, bias: config.useBias ? weights[1] : undefined, activation: config.activation});
    } else if (className === 'Dense') {
      if (shape.length !== 1 || weights[0]!.shape[0] !== shape[0] || !supportedActivation(config.activation)) return undefined;
      steps.push({kind: 'dense', k: shape[0]!, n: out[0]!, kernel: weights[0]!,
        bias: config.useBias ? weights[1] : undefined, activation: config.activation});
    } else if (className === 'Activation') {
      if (!supportedActivation(config.activation)) return undefined;
      steps.push({kind: 'activation', size: sizeOf(out), last: out[out.length - 1]!, activation: config.activation});
    } else if (!PASS_THROUGH.has(className) || sizeOf(out) !== sizeOf(shape)) {
      return undefined;
    }
    shape = out;
  }
  return steps;
}

function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export class PredictionPlan {
  /** Samples per chunk of a batch. */
  readonly chunk: number;

  private constructor(
    private readonly steps: Step[],
    readonly inputSize: number,
    readonly outputSize: number,
    /** Per sample, without the batch axis. */
    readonly outputShape: number[],
    private readonly runtime: InferenceHelper,
  ) {
    const largest = Math.max(inputSize, ...steps.map(stepFloats));
    this.chunk = Math.max(1, Math.min(BATCH_CHUNK, Math.floor(CHUNK_FLOATS / largest)));
  }

  /**
   * A plan for `model`, or undefined when a layer is not one a plan runs (then `model.predict`
   * serves). Not on the native backend: libtensorflow runs the layers at least as fast.
   */
  static of(model: tfl.LayersModel): PredictionPlan | undefined {
    if (tf.getBackend() === 'tensorflow' || process.env.KERAS_WORKBENCH_PREDICTION_PLAN === '0') return undefined;
    const chain = chainOf(model);
    const input = perSample(model.inputs[0]!.shape);
    if (!chain || !input || model.inputs[0]!.dtype !== 'float32') return undefined;
    const steps = stepsOf(chain, input);
    const output = perSample(model.outputs[0]!.shape);
    if (!steps || !output) return undefined;
    return new PredictionPlan(steps, sizeOf(input), sizeOf(output), output, inferenceRuntime());
  }

  /** The model's output for one sample (`inputSize` values, row-major). */
  predict(x: Float32Array): Float32Array {
    if (x.length !== this.inputSize) {
      throw new Error(`The model expects ${this.inputSize} input values, got ${x.length}.`);
    }
    return this.run(x, 1);
  }

  /** The model's outputs for `count` samples (`count * inputSize` values, row-major), `outputSize` values each. */
  predictBatch(x: Float32Array, count: number): Float32Array {
    if (!Number.isInteger(count) || count < 0 || x.length !== count * this.inputSize) {
      throw new Error(`The model expects ${count} x ${this.inputSize} input values, got ${x.length}.`);
    }
    if (count === 1) return this.run(x, 1);
    const out = new Float32Array(count * this.outputSize);
    for (let s0 = 0; s0 < count; s0 += this.chunk) {
      const n = Math.min(this.chunk, count - s0);
      out.set(this.run(x.subarray(s0 * this.inputSize, (s0 + n) * this.inputSize), n), s0 * this.outputSize);
    }
    return out;
  }

  /** `n` samples from the first layer to the last on the shared heap. */
  private run(x: Float32Array, n: number): Float32Array {
    const rt = this.runtime;
    let at = rt.stage('planInput', x);
    let size = x.length;
    this.steps.forEach((step, i) => {
      const out = rt.local.scratch(i % 2 ? 'planB' : 'planA', n * stepFloats(step));
      if (step.kind === 'conv') this.conv(step, n, at, out);
      else if (step.kind === 'dense') this.dense(step, n, at, out);
      else rt.local.heap().copyWithin(out, at, at + n * step.size);
      this.activate(step, n, out);
      at = out;
      size = n * stepFloats(step);
    });
    return rt.local.heap().slice(at, at + size);
  }

  /** Float index of a weight's copy on the shared heap (made once per weight tensor). */
  private weights(v: tfl.LayerVariable): number {
    const t = v.read();
    return this.runtime.keep(t.dataId, 'weights', t.size, (ptr) => this.runtime.local.heap().set(t.dataSync() as Float32Array, ptr));
  }

  /**
   * Makes now what the first prediction would otherwise make: the weights' copies, the Winograd
   * filter transforms, the finiteness checks (the reference model's: about half a second).
   */
  prepare(): void {
    for (const step of this.steps) {
      if (step.kind === 'activation') continue;
      if (step.bias) this.weights(step.bias);
      if (step.kind === 'dense') {
        if (!sparseFits(step.k, step.n) || this.weightStrips(step) === undefined) this.weights(step.kernel);
      } else if (winogradFits(step.g)) this.transformedFilter(step, planWinograd(step.g, 0, 0));
      else this.weights(step.kernel);
    }
  }

  private conv(step: Extract<Step, {kind: 'conv'}>, n: number, x: number, y: number): void {
    const g = {...step.g, n};
    const rt = this.runtime;
    if (winogradFits(g)) {
      const c = planWinograd(g, x, y);
      rt.winogradSplit(c, this.transformedFilter(step, c));
      return;
    }
    const w = this.weights(step.kernel);
    const inSize = g.inH * g.inW * g.inC;
    const outSize = g.outH * g.outW * g.outC;
    const work = n * outSize * g.kh * g.kw * g.inC;
    if (n < 2 || work < SPLIT_MIN_WORK) {
      convolveByProducts(rt.local, g, x, w, y);
      return;
    }
    // Samples are independent: half of them on each thread.
    const half = n >> 1;
    const part = (gemm: Gemm, from: number, count: number) =>
      convolveByProducts(gemm, {...g, n: count}, x + from * inSize, w, y + from * outSize);
    rt.split((gemm) => part(gemm, half, n - half), (gemm) => part(gemm, 0, half));
  }

  /** Float index of the conv step's Winograd-transformed kernel (kept per kernel tensor). */
  private transformedFilter(step: Extract<Step, {kind: 'conv'}>, c: ReturnType<typeof planWinograd>): number {
    const {g} = step;
    const taps = g.inC * g.outC;
    // The copy first: making it may grow the heap, which the transform must not see mid-way.
    const w = this.weights(step.kernel);
    return this.runtime.local.transformedFilter({
      ...c,
      tap: (a, b, ci, co) => w + (a * 3 + b) * taps + ci * g.outC + co,
      filterKey: {data: step.kernel.read().dataId, reading: 'forward'},
    });
  }

  /**
   * x (rows x k) times the kernel (k x n). Behind a ReLU most inputs are zero: where few enough
   * of the chunk's are nonzero and the weights are finite (0 * Inf is NaN), only the weight rows
   * of nonzero inputs are read (sparse-product.ts). Otherwise the chunk is multiplied, each
   * thread taking half of the columns (and so reading half of the weights).
   */
  private dense(step: Extract<Step, {kind: 'dense'}>, rows: number, x: number, y: number): void {
    if (sparseFits(step.k, step.n)) {
      const strips = this.weightStrips(step);
      if (strips !== undefined && sparseProduct(this.runtime, {rows, k: step.k, n: step.n, x, strips, y})) return;
    }
    const rt = this.runtime;
    const {k, n} = step;
    const w = this.weights(step.kernel);
    const product = (gemm: Gemm, from: number, to: number) =>
      gemm.matmul(rows, to - from, k, {ptr: x, rs: k, cs: 1}, {ptr: w + from, rs: n, cs: 1}, {ptr: y + from, ld: n});
    if (rows * k * n < SPLIT_MIN_WORK || n < 32) {
      product(rt.local, 0, n);
      return;
    }
    // A column boundary on a multiple of 16 floats: the threads never write the same cache line.
    const half = Math.ceil(n / 32) * 16;
    rt.split((gemm) => product(gemm, half, n), (gemm) => product(gemm, 0, half));
  }

  /**
   * Float index of the dense step's kernel laid out for the sparse product, made once per weight
   * tensor; undefined when a weight is not finite (zero inputs may then not be skipped).
   */
  private weightStrips(step: Extract<Step, {kind: 'dense'}>): number | undefined {
    const t = step.kernel.read();
    const rt = this.runtime;
    const ptr = rt.keep(t.dataId, 'weight strips', step.k * step.n,
      (at) => layOutStrips(rt.local.heap(), at, t.dataSync() as Float32Array, step.k, step.n));
    return weightsAreFinite(t.dataId, () => rt.local.kernels.finite(ptr * 4, step.k * step.n) !== 0) ? ptr : undefined;
  }

  /** The step's bias and activation, in place on its output. */
  private activate(step: Step, samples: number, y: number): void {
    const rt = this.runtime;
    const size = samples * stepFloats(step);
    const last = step.kind === 'conv' ? step.g.outC : step.kind === 'dense' ? step.n : step.last;
    const bias = step.kind === 'activation' ? undefined : step.bias;
    const fused = BIAS_ACTIVATIONS[step.activation];
    if (bias || fused) {
      rt.local.kernels.biasact(y * 4, size / last, last, bias ? this.weights(bias) * 4 : 0, fused ?? 0);
    }
    if (fused !== undefined) return;
    const h = rt.local.heap();
    const f = ELEMENTWISE[step.activation];
    if (f) {
      for (let i = y; i < y + size; i++) h[i] = f(h[i]!);
      return;
    }
    // softmax over the last axis
    for (let r = y; r < y + size; r += last) {
      let max = -Infinity;
      for (let i = r; i < r + last; i++) max = Math.max(max, h[i]!);
      let sum = 0;
      for (let i = r; i < r + last; i++) sum += (h[i] = Math.exp(h[i]! - max));
      for (let i = r; i < r + last; i++) h[i] = h[i]! / sum;
    }
  }
}

/**
 * A plan's Winograd view of a convolution: 4x4 output tiles (F(4x4, 3x3): 44% fewer multiply-adds
 * than 2x2 tiles; about a quarter less time for the reference model's convolutions) where the
 * output holds at least one whole tile; KERAS_WORKBENCH_WINOGRAD4=0 keeps 2x2 tiles.
 */
function planWinograd(g: Geometry, x: number, y: number): ReturnType<typeof winogradOf> & {tile: 2 | 4} {
  const tile = g.outH >= 4 && g.outW >= 4 && process.env.KERAS_WORKBENCH_WINOGRAD4 !== '0' ? 4 : 2;
  return {...winogradOf(g, x, y), tile};
}

/** Floats of one sample's output of the step. */
function stepFloats(step: Step): number {
  if (step.kind === 'conv') return step.g.outH * step.g.outW * step.g.outC;
  return step.kind === 'dense' ? step.n : step.size;
}
