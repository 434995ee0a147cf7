/**
 * The layer catalog: every Keras layer type the engine builds from a spec, its Keras arguments
 * (type, default, one-line description, allowed values) and its shape rule (output shape,
 * trainable / non-trainable parameters and FLOPs per sample, by arithmetic only). The engine's
 * model building, `keras-workbench check` and the language server (completion, hover,
 * diagnostics) all read this one table.
 */
import {ShapeProblem, Shape, conv, knownProduct, normalizeTuple} from './shape-math';

export type ArgKind =
  | 'int' | 'number' | 'bool' | 'string' | 'enum'
  /** An int or a tuple of `rank` ints (kernel_size, strides, pool_size). */
  | 'intOrTuple'
  /** A list of positive ints (input_shape, target_shape). */
  | 'shape'
  | 'activation' | 'initializer' | 'regularizer' | 'constraint'
  /** Anything JSON (validated by TensorFlow.js when the layer is built). */
  | 'any';

export interface ArgInfo {
  kind: ArgKind;
  description: string;
  /** Keras's default (undefined: Keras has none, or None). */
  default?: unknown;
  required?: boolean;
  values?: readonly (string | number | boolean | null)[];
  min?: number;
  max?: number;
  /** The value must be strictly below `below` (e.g. a dropout rate below 1). */
  below?: number;
  /** For intOrTuple: the tuple length. */
  rank?: number;
  /**
   * Keras's default differs from TensorFlow.js's, which is `tfjsDefault`: the engine writes
   * Keras's into the configs it builds from specs; an absent key in a saved config still means
   * TensorFlow.js's (that is how the engine loads it).
   */
  tfjsDefault?: unknown;
}

export interface LayerInput {
  /** Input shapes without the batch axis (one per inbound tensor). */
  inputs: Shape[];
  /** The layer's arguments with Keras's defaults filled in. */
  args: Record<string, any>;
}

export interface LayerOutcome {
  output: Shape;
  trainable: number;
  nonTrainable?: number;
  /** Floating point operations for one sample's forward pass (a multiply-add counts 2). */
  flops?: number;
}

export interface LayerInfo {
  description: string;
  args: Record<string, ArgInfo>;
  /** Merge layers take several inputs (functional configs only). */
  merge?: boolean;
  infer(input: LayerInput): LayerOutcome;
}

/** Keras activation names TensorFlow.js implements. */
export const ACTIVATIONS = ['relu', 'sigmoid', 'softmax', 'softplus', 'softsign', 'tanh', 'selu', 'elu', 'linear',
  'relu6', 'gelu', 'swish', 'hard_sigmoid', 'mish', 'log_softmax'] as const;
/** Keras activations TensorFlow.js lacks: refused with this note instead of "unknown". */
export const UNSUPPORTED_ACTIVATIONS = ['exponential', 'hard_silu', 'hard_swish', 'leaky_relu', 'celu', 'glu',
  'hard_tanh', 'log_sigmoid', 'soft_shrink', 'sparse_plus', 'sparsemax', 'squareplus', 'tanh_shrink', 'threshold'];
/** Keras names of activations TensorFlow.js has under another name. */
export const ACTIVATION_SYNONYMS: Record<string, string> = {silu: 'swish'};
export const INITIALIZERS = ['glorot_uniform', 'glorot_normal', 'he_uniform', 'he_normal', 'lecun_uniform', 'lecun_normal',
  'random_uniform', 'random_normal', 'truncated_normal', 'orthogonal', 'variance_scaling', 'zeros', 'ones', 'identity'] as const;
export const CONSTRAINTS = ['max_norm', 'non_neg', 'unit_norm', 'min_max_norm'] as const;
export const PADDINGS = ['valid', 'same'] as const;
export const DATA_FORMATS = ['channels_last', 'channels_first'] as const;
export const DTYPES = ['float32', 'int32'] as const;

// ------------------------------------------------------------------ argument groups

const a = (kind: ArgKind, description: string, extra: Partial<ArgInfo> = {}): ArgInfo => ({kind, description, ...extra});

/** Arguments every layer takes (Keras's base Layer and the input-shape keywords of the first layer). */
export const COMMON_ARGS: Record<string, ArgInfo> = {
  name: a('string', 'Layer name (default: the class name in snake case, numbered: dense, dense_1, ...).'),
  trainable: a('bool', 'Whether the layer\'s weights are updated by training.', {default: true}),
  dtype: a('enum', 'Dtype of the layer\'s computations and weights.', {values: DTYPES, default: 'float32'}),
  input_shape: a('shape', 'Shape of one input sample, without the batch axis (first layer only), e.g. [28, 28, 1].'),
  batch_input_shape: a('any', 'Input shape with the batch axis first, e.g. [null, 28, 28, 1] (first layer only).'),
  batch_size: a('int', 'Fixed batch size of the input (first layer only).', {min: 1}),
};

const activation = (def: string | null = 'linear', what = 'Activation applied to the output'): ArgInfo =>
  a('activation', `${what} (None = linear).`, {values: ACTIVATIONS, default: def});
const initializer = (def: string, what: string): ArgInfo => a('initializer', `Initializer of ${what}.`, {values: INITIALIZERS, default: def});
const regularizer = (what: string): ArgInfo => a('regularizer', `Regularizer of ${what}, e.g. {"class_name": "L1L2", "config": {"l2": 0.01}}.`, {default: null});
const constraint = (what: string): ArgInfo => a('constraint', `Constraint on ${what}.`, {values: CONSTRAINTS, default: null});

function weighted(kernel: string, kernelInit = 'glorot_uniform'): Record<string, ArgInfo> {
  return {
    use_bias: a('bool', 'Whether the layer adds a bias vector.', {default: true}),
    [`${kernel}_initializer`]: initializer(kernelInit, `the ${kernel} weights`),
    bias_initializer: initializer('zeros', 'the bias vector'),
    [`${kernel}_regularizer`]: regularizer(`the ${kernel} weights`),
    bias_regularizer: regularizer('the bias vector'),
    activity_regularizer: regularizer('the layer\'s output'),
    [`${kernel}_constraint`]: constraint(`the ${kernel} weights`),
    bias_constraint: constraint('the bias vector'),
  };
}

const dataFormat = a('enum', 'channels_last: (batch, ..., channels); channels_first: (batch, channels, ...).',
  {values: DATA_FORMATS, default: 'channels_last'});
const padding = (values: readonly string[] = PADDINGS): ArgInfo =>
  a('enum', 'valid: no padding (the output shrinks); same: zero padding keeps the size (with stride 1).', {values, default: 'valid'});

/** Layer and group normalization: epsilon, then the learned scale (gamma) and shift (beta). */
const scaleShiftArgs = (): Record<string, ArgInfo> => ({
  epsilon: a('number', 'Added to the variance to avoid dividing by zero.', {default: 0.001, min: 0}),
  center: a('bool', 'Learn an offset beta.', {default: true}),
  scale: a('bool', 'Learn a factor gamma.', {default: true}),
  beta_initializer: initializer('zeros', 'beta'),
  gamma_initializer: initializer('ones', 'gamma'),
  beta_regularizer: regularizer('beta'),
  gamma_regularizer: regularizer('gamma'),
});

function convArgs(rank: number, kind: 'conv' | 'transpose' | 'separable' | 'depthwise'): Record<string, ArgInfo> {
  const args: Record<string, ArgInfo> = {};
  if (kind !== 'depthwise') args.filters = a('int', 'Number of output channels (convolution filters).', {required: true, min: 1});
  args.kernel_size = a('intOrTuple', `Size of the convolution window (an int or ${rank} ints).`, {required: true, rank, min: 1});
  args.strides = a('intOrTuple', 'Step of the window along each spatial axis.', {default: 1, rank, min: 1});
  args.padding = padding(rank === 1 && kind === 'conv' ? ['valid', 'same', 'causal'] : PADDINGS);
  args.data_format = dataFormat;
  args.dilation_rate = a('intOrTuple', 'Dilation of the convolution window (atrous convolution).', {default: 1, rank, min: 1});
  args.activation = activation();
  if (kind === 'separable' || kind === 'depthwise') {
    args.depth_multiplier = a('int', 'Depthwise channels per input channel.', {default: 1, min: 1});
    Object.assign(args, weighted('depthwise'));
    if (kind === 'separable') {
      args.pointwise_initializer = initializer('glorot_uniform', 'the pointwise weights');
      args.pointwise_regularizer = regularizer('the pointwise weights');
      args.pointwise_constraint = constraint('the pointwise weights');
    }
  } else {
    Object.assign(args, weighted('kernel'));
  }
  return args;
}

const poolArgs = (rank: number, global = false): Record<string, ArgInfo> => global
  ? {data_format: dataFormat}
  : {
    pool_size: a('intOrTuple', `Size of the pooling window (an int or ${rank} ints).`, {default: 2, rank, min: 1}),
    strides: a('intOrTuple', 'Step of the window (default: pool_size).', {default: null, rank, min: 1}),
    padding: padding(),
    data_format: dataFormat,
  };

function recurrentArgs(gated: 'lstm' | 'gru' | 'simple'): Record<string, ArgInfo> {
  const args: Record<string, ArgInfo> = {
    units: a('int', 'Dimensionality of the output (hidden state).', {required: true, min: 1}),
    activation: activation('tanh'),
  };
  if (gated !== 'simple') {
    args.recurrent_activation = a('activation', 'Activation of the gates.', {values: ACTIVATIONS, default: 'sigmoid', tfjsDefault: 'hard_sigmoid'});
  }
  Object.assign(args, weighted('kernel'), {
    recurrent_initializer: initializer('orthogonal', 'the recurrent weights'),
    recurrent_regularizer: regularizer('the recurrent weights'),
    recurrent_constraint: constraint('the recurrent weights'),
    dropout: a('number', 'Fraction of the inputs dropped during training.', {default: 0, min: 0, max: 1}),
    recurrent_dropout: a('number', 'Fraction of the recurrent state dropped during training.', {default: 0, min: 0, max: 1}),
    return_sequences: a('bool', 'Return the output of every time step (batch, steps, units) instead of the last (batch, units).', {default: false}),
    return_state: a('bool', 'Also return the last state.', {default: false}),
    go_backwards: a('bool', 'Process the sequence backwards.', {default: false}),
    stateful: a('bool', 'Keep the state between batches.', {default: false}),
    unroll: a('bool', 'Unroll the loop (faster for short sequences, more memory).', {default: false}),
    implementation: a('enum', 'Implementation mode (Keras 2).', {values: [1, 2], default: 2}),
  });
  if (gated === 'lstm') args.unit_forget_bias = a('bool', 'Add 1 to the forget gate\'s bias at initialization.', {default: true});
  if (gated === 'gru') {
    args.reset_after = a('bool', 'Apply the reset gate after the matrix multiplication (Keras 2+ default, cuDNN compatible).',
      {default: true, tfjsDefault: false});
  }
  return args;
}

// ------------------------------------------------------------------ shape rules

/** Channels axis and spatial dims of an N-d input in either data format. */
function spatial(input: Shape, rank: number, format: string, layer: string): {channels: number | null; dims: (number | null)[]} {
  if (input.length !== rank + 1) {
    throw new ShapeProblem(`${layer} expects inputs of rank ${rank + 2} (batch, ${rank === 1 ? 'steps' : 'spatial axes'}, channels), got ${formatShape(input)}`);
  }
  return format === 'channels_first'
    ? {channels: input[0], dims: input.slice(1)}
    : {channels: input[rank], dims: input.slice(0, rank)};
}

function assemble(dims: (number | null)[], channels: number | null, format: string): Shape {
  return format === 'channels_first' ? [channels, ...dims] : [...dims, channels];
}

export function formatShape(shape: Shape): string {
  const items = ['None', ...shape.map((d) => (d === null ? 'None' : String(d)))];
  return `(${items.join(', ')})`;
}

function needChannels(channels: number | null, layer: string): number {
  if (channels === null) throw new ShapeProblem(`${layer} needs a known number of input channels`);
  return channels;
}

function convRule(rank: number, kind: 'conv' | 'transpose' | 'separable' | 'depthwise', layer: string) {
  return ({inputs: [input], args}: LayerInput): LayerOutcome => {
    const {channels, dims} = spatial(input, rank, args.data_format, layer);
    const cin = needChannels(channels, layer);
    const kernel = normalizeTuple(args.kernel_size, rank, 'kernel_size');
    const strides = normalizeTuple(args.strides, rank, 'strides');
    const dilation = normalizeTuple(args.dilation_rate, rank, 'dilation_rate');
    const out = dims.map((d, i) => conv(d, kernel[i], strides[i], dilation[i], args.padding, kind === 'transpose', i, layer));
    const window = kernel.reduce((x, y) => x * y, 1);
    const positions = knownProduct(out);
    const bias = args.use_bias ? 1 : 0;
    if (kind === 'depthwise' || kind === 'separable') {
      const depth = cin * args.depth_multiplier;
      const filters = kind === 'separable' ? args.filters as number : depth;
      const params = window * depth + (kind === 'separable' ? depth * filters : 0) + bias * filters;
      const flops = positions * (2 * window * depth + (kind === 'separable' ? 2 * depth * filters : 0));
      return {output: assemble(out, filters, args.data_format), trainable: params, flops};
    }
    const filters = args.filters as number;
    const params = window * cin * filters + bias * filters;
    const flops = (kind === 'transpose' ? knownProduct(dims) : positions) * 2 * window * cin * filters;
    return {output: assemble(out, filters, args.data_format), trainable: params, flops};
  };
}

function poolRule(rank: number, layer: string) {
  return ({inputs: [input], args}: LayerInput): LayerOutcome => {
    const format = rank === 1 ? 'channels_last' : args.data_format;
    const {channels, dims} = spatial(input, rank, format, layer);
    const pool = normalizeTuple(args.pool_size, rank, 'pool_size');
    const strides = normalizeTuple(args.strides ?? args.pool_size, rank, 'strides');
    const out = dims.map((d, i) => conv(d, pool[i], strides[i], 1, args.padding, false, i, layer, 'pool_size'));
    return {output: assemble(out, channels, format), trainable: 0, flops: knownProduct(out) * (channels ?? 1) * pool.reduce((x, y) => x * y, 1)};
  };
}

function globalPoolRule(rank: number, layer: string) {
  return ({inputs: [input], args}: LayerInput): LayerOutcome => {
    const {channels} = spatial(input, rank, args.data_format ?? 'channels_last', layer);
    return {output: [channels], trainable: 0, flops: knownProduct(input)};
  };
}

const identity = ({inputs: [input]}: LayerInput): LayerOutcome => ({output: input, trainable: 0, flops: 0});
const elementwise = ({inputs: [input]}: LayerInput): LayerOutcome => ({output: input, trainable: 0, flops: knownProduct(input)});

function recurrentRule(kind: 'lstm' | 'gru' | 'simple', layer: string) {
  return ({inputs: [input], args}: LayerInput): LayerOutcome => {
    if (input.length !== 2) {
      throw new ShapeProblem(`${layer} expects inputs of rank 3 (batch, timesteps, features), got ${formatShape(input)}`);
    }
    const [steps, features] = input;
    const f = needChannels(features, layer);
    const u = args.units as number;
    const gates = kind === 'lstm' ? 4 : kind === 'gru' ? 3 : 1;
    const biasWidth = args.use_bias ? (kind === 'gru' && args.reset_after ? 2 : 1) : 0;
    const params = gates * (u * (f + u) + biasWidth * u);
    const flops = (steps ?? 1) * gates * 2 * u * (f + u);
    return {output: args.return_sequences ? [steps, u] : [u], trainable: params, flops};
  };
}

function mergeRule(layer: string, op: 'elementwise' | 'concat') {
  return ({inputs, args}: LayerInput): LayerOutcome => {
    if (inputs.length < 2) throw new ShapeProblem(`${layer} needs at least 2 inputs, got ${inputs.length}`);
    if (op === 'concat') {
      const rank = inputs[0].length;
      const axis = (args.axis as number) < 0 ? rank + (args.axis as number) : (args.axis as number) - 1;
      if (axis < 0 || axis >= rank) throw new ShapeProblem(`${layer}: axis ${args.axis} is out of range for inputs ${formatShape(inputs[0])}`, 'axis');
      const out = [...inputs[0]];
      out[axis] = 0;
      for (const s of inputs) {
        if (s.length !== rank || s.some((d, i) => i !== axis && d !== null && inputs[0][i] !== null && d !== inputs[0][i])) {
          throw new ShapeProblem(`${layer} inputs must match except on the concatenation axis: ${inputs.map(formatShape).join(', ')}`);
        }
        out[axis] = out[axis] === null || s[axis] === null ? null : (out[axis] as number) + (s[axis] as number);
      }
      return {output: out, trainable: 0, flops: 0};
    }
    // Keras broadcasts merge inputs of equal rank (1-sized axes stretch).
    const rank = Math.max(...inputs.map((s) => s.length));
    const out: Shape = [];
    for (let i = 0; i < rank; i++) {
      let d: number | null = 1;
      for (const s of inputs) {
        const v = s[i - (rank - s.length)] ?? 1;
        if (v === null) d = d === 1 ? null : d;
        else if (d === 1 || d === null) d = v === 1 ? d : v;
        else if (v !== 1 && v !== d) throw new ShapeProblem(`${layer} inputs have incompatible shapes ${inputs.map(formatShape).join(' and ')}`);
      }
      out.push(d);
    }
    return {output: out, trainable: 0, flops: knownProduct(out) * (inputs.length - 1)};
  };
}

function paddingPairs(value: unknown, rank: number, field: string): [number, number][] {
  if (typeof value === 'number') return Array.from({length: rank}, () => [value, value]);
  if (Array.isArray(value) && value.length === rank) {
    return value.map((v) => (typeof v === 'number' ? [v, v] : Array.isArray(v) && v.length === 2 ? [v[0], v[1]] : bad()));
  }
  if (rank === 1 && Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number')) return [[value[0], value[1]]];
  return bad();
  function bad(): never {
    throw new ShapeProblem(`${field} must be an int, ${rank} ints or ${rank} pairs of ints`, field);
  }
}

function resizeRule(rank: number, layer: string, field: 'padding' | 'cropping') {
  return ({inputs: [input], args}: LayerInput): LayerOutcome => {
    const format = rank === 1 ? 'channels_last' : args.data_format;
    const {channels, dims} = spatial(input, rank, format, layer);
    const pairs = paddingPairs(args[field], rank, field);
    const out = dims.map((d, i) => {
      if (d === null) return null;
      const size = field === 'padding' ? d + pairs[i][0] + pairs[i][1] : d - pairs[i][0] - pairs[i][1];
      if (size <= 0) throw new ShapeProblem(`${layer} crops axis ${i + 1} of size ${d} by ${pairs[i][0] + pairs[i][1]}: nothing is left`, field);
      return size;
    });
    return {output: assemble(out, channels, format), trainable: 0, flops: 0};
  };
}

function upsampleRule(rank: number, layer: string) {
  return ({inputs: [input], args}: LayerInput): LayerOutcome => {
    const format = rank === 1 ? 'channels_last' : args.data_format;
    const {channels, dims} = spatial(input, rank, format, layer);
    const size = normalizeTuple(args.size, rank, 'size');
    const out = dims.map((d, i) => (d === null ? null : d * size[i]));
    return {output: assemble(out, channels, format), trainable: 0, flops: 0};
  };
}

function normalizationAxis(input: Shape, axis: unknown, layer: string): number {
  const list = Array.isArray(axis) ? axis : [axis];
  let size = 1;
  for (const ax of list as number[]) {
    const i = ax < 0 ? input.length + ax : ax - 1;
    if (i < 0 || i >= input.length) throw new ShapeProblem(`${layer}: axis ${ax} is out of range for input ${formatShape(input)}`, 'axis');
    size *= needChannels(input[i], layer);
  }
  return size;
}

function attentionOutput(inputs: Shape[], layer: string, params: number): LayerOutcome {
  if (inputs.length < 2 || inputs.length > 3) throw new ShapeProblem(`${layer} takes [query, value] or [query, value, key], got ${inputs.length} inputs`);
  const [query, value] = inputs;
  return {output: [...query.slice(0, -1), value[value.length - 1]], trainable: params,
    flops: 4 * knownProduct(query) * knownProduct(value.slice(0, -1))};
}

// ------------------------------------------------------------------ the table

const rnnLayer = (kind: 'lstm' | 'gru' | 'simple', name: string, description: string): LayerInfo => ({
  description, args: recurrentArgs(kind), infer: recurrentRule(kind, name),
});

export const LAYER_CATALOG: Record<string, LayerInfo> = {
  InputLayer: {
    description: 'Declares the model\'s input (shape without the batch axis).',
    args: {sparse: a('bool', 'Whether the input is a sparse tensor.', {default: false})},
    infer: identity,
  },
  Dense: {
    description: 'Densely connected layer: output = activation(dot(input, kernel) + bias), on the last axis.',
    args: {
      units: a('int', 'Dimensionality of the output space.', {required: true, min: 1}),
      activation: activation(),
      input_dim: a('int', 'Size of the input (first layer only; same as input_shape: [input_dim]).', {min: 1}),
      ...weighted('kernel'),
    },
    infer: ({inputs: [input], args}) => {
      if (input.length === 0) throw new ShapeProblem('Dense needs inputs of rank 2 or more, got a scalar per sample');
      const features = needChannels(input[input.length - 1], 'Dense');
      const units = args.units as number;
      const outer = knownProduct(input.slice(0, -1));
      return {
        output: [...input.slice(0, -1), units],
        trainable: features * units + (args.use_bias ? units : 0),
        flops: outer * 2 * features * units,
      };
    },
  },
  Conv1D: {description: '1D convolution (temporal): slides filters over the steps axis.', args: convArgs(1, 'conv'), infer: convRule(1, 'conv', 'Conv1D')},
  Conv2D: {description: '2D convolution (spatial): slides filters over height and width.', args: convArgs(2, 'conv'), infer: convRule(2, 'conv', 'Conv2D')},
  Conv3D: {description: '3D convolution over depth, height and width.', args: convArgs(3, 'conv'), infer: convRule(3, 'conv', 'Conv3D')},
  Conv2DTranspose: {description: 'Transposed 2D convolution (upsampling "deconvolution").', args: convArgs(2, 'transpose'), infer: convRule(2, 'transpose', 'Conv2DTranspose')},
  SeparableConv2D: {description: 'Depthwise 2D convolution followed by a pointwise (1x1) convolution.', args: convArgs(2, 'separable'), infer: convRule(2, 'separable', 'SeparableConv2D')},
  DepthwiseConv2D: {description: 'Depthwise 2D convolution: one filter per input channel (times depth_multiplier).', args: convArgs(2, 'depthwise'), infer: convRule(2, 'depthwise', 'DepthwiseConv2D')},
  MaxPooling1D: {description: 'Max over windows of the steps axis.', args: poolArgs(1), infer: poolRule(1, 'MaxPooling1D')},
  MaxPooling2D: {description: 'Max over 2D windows (downsamples height and width).', args: poolArgs(2), infer: poolRule(2, 'MaxPooling2D')},
  AveragePooling1D: {description: 'Average over windows of the steps axis.', args: poolArgs(1), infer: poolRule(1, 'AveragePooling1D')},
  AveragePooling2D: {description: 'Average over 2D windows (downsamples height and width).', args: poolArgs(2), infer: poolRule(2, 'AveragePooling2D')},
  MaxPooling3D: {description: 'Max over 3D windows (downsamples depth, height and width).', args: poolArgs(3), infer: poolRule(3, 'MaxPooling3D')},
  AveragePooling3D: {description: 'Average over 3D windows (downsamples depth, height and width).', args: poolArgs(3), infer: poolRule(3, 'AveragePooling3D')},
  GlobalMaxPooling1D: {description: 'Max over the whole steps axis: (batch, steps, channels) -> (batch, channels).', args: poolArgs(1, true), infer: globalPoolRule(1, 'GlobalMaxPooling1D')},
  GlobalMaxPooling2D: {description: 'Max over height and width: (batch, h, w, channels) -> (batch, channels).', args: poolArgs(2, true), infer: globalPoolRule(2, 'GlobalMaxPooling2D')},
  GlobalAveragePooling1D: {description: 'Average over the steps axis: (batch, steps, channels) -> (batch, channels).', args: poolArgs(1, true), infer: globalPoolRule(1, 'GlobalAveragePooling1D')},
  GlobalAveragePooling2D: {description: 'Average over height and width: (batch, h, w, channels) -> (batch, channels).', args: poolArgs(2, true), infer: globalPoolRule(2, 'GlobalAveragePooling2D')},
  Flatten: {
    description: 'Flattens each sample to one axis: (batch, 26, 26, 32) -> (batch, 21632). Does not affect the batch size.',
    args: {data_format: dataFormat},
    infer: ({inputs: [input]}) => {
      if (input.some((d) => d === null)) {
        throw new ShapeProblem(`Flatten needs fully known input dimensions, got ${formatShape(input)}`);
      }
      return {output: [knownProduct(input)], trainable: 0, flops: 0};
    },
  },
  Reshape: {
    description: 'Reshapes each sample to target_shape (one entry may be -1: inferred).',
    args: {target_shape: a('any', 'Shape of one output sample, without the batch axis, e.g. [28, 28, 1].', {required: true})},
    infer: ({inputs: [input], args}) => {
      const target = args.target_shape;
      if (!Array.isArray(target) || target.some((d) => !Number.isInteger(d) || (d < 1 && d !== -1)) || target.filter((d) => d === -1).length > 1) {
        throw new ShapeProblem('target_shape must be a list of positive ints (at most one -1)', 'target_shape');
      }
      if (input.some((d) => d === null)) return {output: target.map((d: number) => (d === -1 ? null : d)), trainable: 0, flops: 0};
      const have = knownProduct(input);
      const known = (target as number[]).filter((d) => d !== -1).reduce((x, y) => x * y, 1);
      if (target.includes(-1)) {
        if (have % known !== 0) {
          throw new ShapeProblem(`Reshape cannot make ${formatShape(input)} (${have} values) into ${formatShape(target)}: ${have} is not a multiple of ${known}`, 'target_shape');
        }
        return {output: (target as number[]).map((d) => (d === -1 ? have / known : d)), trainable: 0, flops: 0};
      }
      if (have !== known) {
        throw new ShapeProblem(`Reshape of ${formatShape(input)} (${have} values) into ${formatShape(target)} (${known} values): the sizes differ`, 'target_shape');
      }
      return {output: [...target], trainable: 0, flops: 0};
    },
  },
  Permute: {
    description: 'Permutes the axes of each sample (1-based, batch axis excluded), e.g. dims [2, 1].',
    args: {dims: a('any', 'Permutation of 1..rank, e.g. [2, 1].', {required: true})},
    infer: ({inputs: [input], args}) => {
      const dims = args.dims as number[];
      if (!Array.isArray(dims) || dims.length !== input.length || [...dims].sort().some((d, i) => d !== i + 1)) {
        throw new ShapeProblem(`dims must be a permutation of 1..${input.length} for input ${formatShape(input)}`, 'dims');
      }
      return {output: dims.map((d) => input[d - 1]), trainable: 0, flops: 0};
    },
  },
  RepeatVector: {
    description: 'Repeats a (batch, features) input n times: (batch, n, features).',
    args: {n: a('int', 'Number of repetitions.', {required: true, min: 1})},
    infer: ({inputs: [input], args}) => {
      if (input.length !== 1) throw new ShapeProblem(`RepeatVector expects inputs of rank 2 (batch, features), got ${formatShape(input)}`);
      return {output: [args.n, input[0]], trainable: 0, flops: 0};
    },
  },
  Dropout: {
    description: 'Sets a random fraction `rate` of the inputs to 0 during training (scales the rest by 1/(1-rate)).',
    args: {
      rate: a('number', 'Fraction of the inputs to drop, in [0, 1).', {required: true, min: 0, below: 1}),
      noise_shape: a('any', 'Shape of the binary dropout mask (to share it across axes).', {default: null}),
      seed: a('int', 'Random seed.', {default: null}),
    },
    infer: identity,
  },
  SpatialDropout1D: {description: 'Drops whole channels (1D feature maps) during training.', args: {rate: a('number', 'Fraction of the channels to drop, in [0, 1).', {required: true, min: 0, below: 1})}, infer: identity},
  SpatialDropout2D: {description: 'Drops whole channels (2D feature maps) during training.', args: {rate: a('number', 'Fraction of the channels to drop, in [0, 1).', {required: true, min: 0, below: 1}), data_format: dataFormat}, infer: identity},
  Masking: {description: 'Marks timesteps whose features all equal mask_value as skipped, for the layers after it that take a mask.', args: {mask_value: a('number', 'Value that marks a timestep to skip.', {default: 0})}, infer: identity},
  Rescaling: {description: 'Multiplies the inputs by scale and adds offset (e.g. scale 1/255 for pixels).', args: {scale: a('number', 'Factor applied to the inputs.', {required: true}), offset: a('number', 'Added after scaling.', {default: 0})}, infer: elementwise},
  GaussianNoise: {description: 'Adds zero-centred Gaussian noise during training.', args: {stddev: a('number', 'Standard deviation of the noise.', {required: true, min: 0})}, infer: identity},
  GaussianDropout: {description: 'Multiplies by 1-centred Gaussian noise during training.', args: {rate: a('number', 'Drop probability, in [0, 1).', {required: true, min: 0, below: 1})}, infer: identity},
  AlphaDropout: {description: 'Dropout that keeps the mean and variance of the inputs (for selu).', args: {rate: a('number', 'Drop probability, in [0, 1).', {required: true, min: 0, below: 1})}, infer: identity},
  Activation: {
    description: 'Applies an activation function to the output.',
    args: {activation: a('activation', 'Activation function.', {values: ACTIVATIONS, required: true})},
    infer: elementwise,
  },
  ReLU: {
    description: 'Rectified linear unit, optionally capped (max_value) and leaky below threshold.',
    args: {
      max_value: a('number', 'Upper cap of the output (None: no cap).', {default: null, min: 0}),
      negative_slope: a('number', 'Slope below the threshold.', {default: 0, min: 0}),
      threshold: a('number', 'Inputs below it are multiplied by negative_slope.', {default: 0}),
    },
    infer: elementwise,
  },
  LeakyReLU: {description: 'Leaky ReLU: x for x >= 0, alpha * x below.', args: {alpha: a('number', 'Slope below 0.', {default: 0.3, min: 0})}, infer: elementwise},
  ELU: {description: 'Exponential linear unit.', args: {alpha: a('number', 'Scale of the negative part.', {default: 1})}, infer: elementwise},
  ThresholdedReLU: {description: 'x where x > theta, else 0.', args: {theta: a('number', 'Threshold.', {default: 1, min: 0})}, infer: elementwise},
  Softmax: {description: 'Softmax over an axis.', args: {axis: a('any', 'Axis (or axes) of the softmax.', {default: -1})}, infer: elementwise},
  PReLU: {
    description: 'Parametric ReLU: a learned slope per input unit below 0.',
    args: {
      alpha_initializer: initializer('zeros', 'the slopes'),
      alpha_regularizer: regularizer('the slopes'),
      alpha_constraint: constraint('the slopes'),
      shared_axes: a('any', 'Axes (1-based) along which the slopes are shared, e.g. [1, 2] for one slope per channel.', {default: null}),
    },
    infer: ({inputs: [input], args}) => {
      const shared = new Set(((args.shared_axes ?? []) as number[]).map((x) => x - 1));
      const params = input.reduce<number>((n, d, i) => n * (shared.has(i) ? 1 : needChannels(d, 'PReLU')), 1);
      return {output: input, trainable: params, flops: knownProduct(input) * 2};
    },
  },
  BatchNormalization: {
    description: 'Normalizes with the batch\'s mean and variance (moving averages at inference), then scales (gamma) and shifts (beta).',
    args: {
      axis: a('any', 'Axis of the features to normalize (the channels).', {default: -1}),
      momentum: a('number', 'Momentum of the moving averages.', {default: 0.99, min: 0, max: 1}),
      epsilon: a('number', 'Added to the variance to avoid dividing by zero.', {default: 0.001, min: 0}),
      center: a('bool', 'Learn an offset beta.', {default: true}),
      scale: a('bool', 'Learn a factor gamma.', {default: true}),
      beta_initializer: initializer('zeros', 'beta'),
      gamma_initializer: initializer('ones', 'gamma'),
      moving_mean_initializer: initializer('zeros', 'the moving mean'),
      moving_variance_initializer: initializer('ones', 'the moving variance'),
      beta_regularizer: regularizer('beta'),
      gamma_regularizer: regularizer('gamma'),
      beta_constraint: constraint('beta'),
      gamma_constraint: constraint('gamma'),
    },
    infer: ({inputs: [input], args}) => {
      const n = normalizationAxis(input, args.axis, 'BatchNormalization');
      return {output: input, trainable: n * ((args.center ? 1 : 0) + (args.scale ? 1 : 0)), nonTrainable: 2 * n, flops: knownProduct(input) * 2};
    },
  },
  LayerNormalization: {
    description: 'Normalizes each sample over its feature axis, then scales (gamma) and shifts (beta).',
    args: {
      axis: a('any', 'Axis (or axes) to normalize over.', {default: -1}),
      ...scaleShiftArgs(),
    },
    infer: ({inputs: [input], args}) => {
      const n = normalizationAxis(input, args.axis, 'LayerNormalization');
      return {output: input, trainable: n * ((args.center ? 1 : 0) + (args.scale ? 1 : 0)), flops: knownProduct(input) * 5};
    },
  },
  Embedding: {
    description: 'Turns integer indices (< input_dim) into dense vectors of size output_dim.',
    args: {
      input_dim: a('int', 'Size of the vocabulary: largest index + 1.', {required: true, min: 1}),
      output_dim: a('int', 'Size of each embedding vector.', {required: true, min: 1}),
      embeddings_initializer: initializer('random_uniform', 'the embeddings'),
      embeddings_regularizer: regularizer('the embeddings'),
      activity_regularizer: regularizer('the layer\'s output'),
      embeddings_constraint: constraint('the embeddings'),
      mask_zero: a('bool', 'Treat index 0 as padding (masked).', {default: false}),
      input_length: a('int', 'Length of the input sequences, when constant.', {min: 1}),
    },
    infer: ({inputs: [input], args}) => ({
      output: [...input, args.output_dim], trainable: (args.input_dim as number) * (args.output_dim as number), flops: 0,
    }),
  },
  SimpleRNN: rnnLayer('simple', 'SimpleRNN', 'Fully connected RNN: the output is fed back as the next step\'s state.'),
  LSTM: rnnLayer('lstm', 'LSTM', 'Long Short-Term Memory recurrent layer.'),
  GRU: rnnLayer('gru', 'GRU', 'Gated Recurrent Unit recurrent layer.'),
  ZeroPadding1D: {description: 'Pads the steps axis with zeros.', args: {padding: a('any', 'Zeros added at the start and end: an int or [start, end].', {default: 1})}, infer: resizeRule(1, 'ZeroPadding1D', 'padding')},
  ZeroPadding2D: {description: 'Pads height and width with zeros.', args: {padding: a('any', 'An int, [rows, cols] or [[top, bottom], [left, right]].', {default: 1}), data_format: dataFormat}, infer: resizeRule(2, 'ZeroPadding2D', 'padding')},
  Cropping1D: {description: 'Crops the steps axis.', args: {cropping: a('any', 'Steps removed at the start and end: an int or [start, end].', {default: [1, 1]})}, infer: resizeRule(1, 'Cropping1D', 'cropping')},
  Cropping2D: {description: 'Crops height and width.', args: {cropping: a('any', 'An int, [rows, cols] or [[top, bottom], [left, right]].', {default: 0}), data_format: dataFormat}, infer: resizeRule(2, 'Cropping2D', 'cropping')},
  UpSampling1D: {description: 'Repeats each step `size` times.', args: {size: a('int', 'Upsampling factor.', {default: 2, min: 1})}, infer: upsampleRule(1, 'UpSampling1D')},
  UpSampling2D: {
    description: 'Repeats rows and columns (nearest or bilinear).',
    args: {
      size: a('intOrTuple', 'Upsampling factors for rows and columns.', {default: 2, rank: 2, min: 1}),
      data_format: dataFormat,
      interpolation: a('enum', 'Interpolation method.', {values: ['nearest', 'bilinear'], default: 'nearest'}),
    },
    infer: upsampleRule(2, 'UpSampling2D'),
  },
  GroupNormalization: {
    description: 'Normalizes each sample over groups of channels, then scales (gamma) and shifts (beta).',
    args: {
      groups: a('int', 'Number of groups the channels are split into (must divide the channels).', {default: 32, min: 1}),
      axis: a('int', 'Channels axis.', {default: -1}),
      ...scaleShiftArgs(),
      beta_constraint: constraint('beta'),
      gamma_constraint: constraint('gamma'),
    },
    infer: ({inputs: [input], args}) => {
      const channels = normalizationAxis(input, args.axis, 'GroupNormalization');
      if (channels % args.groups !== 0) {
        throw new ShapeProblem(`GroupNormalization: ${channels} channels cannot be split into ${args.groups} groups`, 'groups');
      }
      return {output: input, trainable: channels * ((args.center ? 1 : 0) + (args.scale ? 1 : 0)), flops: knownProduct(input) * 5};
    },
  },
  UnitNormalization: {
    description: 'Scales each sample to unit L2 norm along an axis.',
    args: {axis: a('any', 'Axis (or axes) of the norm.', {default: -1})},
    infer: elementwise,
  },
  Normalization: {
    description: 'Feature-wise (x - mean) / sqrt(variance), with mean and variance given or adapted to the data.',
    args: {
      axis: a('any', 'Axis (or axes) with a separate mean and variance (None: one for all).', {default: -1}),
      mean: a('any', 'Mean to use (with variance); absent: kept as weights filled by adapt().', {default: null}),
      variance: a('any', 'Variance to use (with mean).', {default: null}),
      invert: a('bool', 'Apply the inverse transformation (de-normalize).', {default: false}),
    },
    infer: ({inputs: [input], args}) => {
      const axes = args.axis === null ? [] : Array.isArray(args.axis) ? args.axis : [args.axis];
      const kept = axes.length ? normalizationAxis(input, axes, 'Normalization') : 1;
      return {output: input, trainable: 0, nonTrainable: args.mean === undefined || args.mean === null ? 2 * kept + 1 : 0, flops: knownProduct(input) * 2};
    },
  },
  Discretization: {
    description: 'Buckets values by bin_boundaries into integer indices (or one-hot / multi-hot / counts).',
    args: {
      bin_boundaries: a('any', 'Sorted bucket edges, e.g. [0, 1, 2].', {default: null}),
      num_bins: a('int', 'Number of bins to adapt() (needs data; give bin_boundaries instead).', {default: null, min: 1}),
      epsilon: a('number', 'Error tolerance of adapt().', {default: 0.01, min: 0}),
      output_mode: a('enum', 'int: bucket index; one_hot, multi_hot, count: encodings over the buckets.', {values: ['int', 'one_hot', 'multi_hot', 'count'], default: 'int'}),
      sparse: a('bool', 'Sparse output (not supported).', {default: false}),
    },
    infer: ({inputs: [input], args}) => {
      if (!Array.isArray(args.bin_boundaries)) throw new ShapeProblem('Discretization needs bin_boundaries (adapt() with num_bins is not supported)', 'bin_boundaries');
      const depth = args.bin_boundaries.length + 1;
      if (args.output_mode === 'int') return {output: input, trainable: 0, flops: 0};
      if (args.output_mode === 'one_hot') {
        return {output: input.length && input[input.length - 1] === 1 ? [...input.slice(0, -1), depth] : [...input, depth], trainable: 0, flops: 0};
      }
      return {output: [depth], trainable: 0, flops: 0};
    },
  },
  Bidirectional: {
    description: 'Runs a recurrent layer forwards and backwards over the sequence and merges both outputs.',
    args: {
      layer: a('any', 'The recurrent layer: {"class_name": "LSTM", "config": {"units": 32}}.', {required: true}),
      merge_mode: a('enum', 'How the two outputs combine.', {values: ['concat', 'sum', 'mul', 'ave', null], default: 'concat'}),
      backward_layer: a('any', 'Its own backward layer (same return_sequences, go_backwards true).', {default: null}),
    },
    infer: ({inputs, args}) => {
      const run = (layer: unknown, field: string): LayerOutcome => {
        const spec = layer as {class_name?: string; config?: Record<string, unknown>} | undefined;
        const inner = spec?.class_name ? LAYER_CATALOG[spec.class_name] : undefined;
        if (!inner || !spec?.class_name || !['LSTM', 'GRU', 'SimpleRNN'].includes(spec.class_name)) {
          throw new ShapeProblem(`${field} must be {"class_name": "LSTM" | "GRU" | "SimpleRNN", "config": {...}}`, field);
        }
        return inner.infer({inputs, args: withDefaults(spec.class_name, spec.config ?? {})});
      };
      const forward = run(args.layer, 'layer');
      const backward = args.backward_layer ? run(args.backward_layer, 'backward_layer') : forward;
      const last = (s: Shape) => s[s.length - 1] as number;
      const output = args.merge_mode === 'concat' ? [...forward.output.slice(0, -1), last(forward.output) + last(backward.output)] : forward.output;
      return {output, trainable: forward.trainable + backward.trainable, flops: (forward.flops ?? 0) + (backward.flops ?? 0)};
    },
  },
  Attention: {
    description: 'Dot-product attention of a query over a value (and key): inputs [query, value] or [query, value, key].',
    args: {
      use_scale: a('bool', 'Learn a scalar that scales the scores.', {default: false}),
      score_mode: a('enum', 'dot: query . key; concat: tanh of their sum.', {values: ['dot', 'concat'], default: 'dot'}),
      dropout: a('number', 'Fraction of the attention scores dropped during training.', {default: 0, min: 0, below: 1}),
    },
    merge: true,
    infer: ({inputs, args}) => attentionOutput(inputs, 'Attention', (args.use_scale ? 1 : 0) + (args.score_mode === 'concat' ? 1 : 0)),
  },
  AdditiveAttention: {
    description: 'Additive (Bahdanau) attention: inputs [query, value] or [query, value, key].',
    args: {
      use_scale: a('bool', 'Learn a scale vector over the features.', {default: true}),
      dropout: a('number', 'Fraction of the attention scores dropped during training.', {default: 0, min: 0, below: 1}),
    },
    merge: true,
    infer: ({inputs, args}) => attentionOutput(inputs, 'AdditiveAttention', args.use_scale ? needChannels(inputs[0]?.[inputs[0].length - 1] ?? null, 'AdditiveAttention') : 0),
  },
  MultiHeadAttention: {
    description: 'Multi-head attention (Transformer): inputs [query, value] or [query, value, key].',
    args: {
      num_heads: a('int', 'Number of attention heads.', {required: true, min: 1}),
      key_dim: a('int', 'Size of each head for query and key.', {required: true, min: 1}),
      value_dim: a('int', 'Size of each head for value (default: key_dim).', {default: null, min: 1}),
      dropout: a('number', 'Dropout of the attention weights.', {default: 0, min: 0, below: 1}),
      use_bias: a('bool', 'Whether the projections have biases.', {default: true}),
      output_shape: a('any', 'Size of the output features (default: the query\'s).', {default: null}),
      attention_axes: a('any', 'Axes attention runs over (default: all but batch and features).', {default: null}),
      kernel_initializer: initializer('glorot_uniform', 'the projection kernels'),
      bias_initializer: initializer('zeros', 'the projection biases'),
      kernel_regularizer: regularizer('the projection kernels'),
      bias_regularizer: regularizer('the projection biases'),
      activity_regularizer: regularizer('the layer\'s output'),
      kernel_constraint: constraint('the projection kernels'),
      bias_constraint: constraint('the projection biases'),
    },
    merge: true,
    infer: ({inputs, args}) => {
      if (inputs.length < 2 || inputs.length > 3) throw new ShapeProblem(`MultiHeadAttention takes [query, value] or [query, value, key], got ${inputs.length} inputs`);
      const [query, value, key = value] = inputs;
      const dim = (s: Shape) => needChannels(s[s.length - 1], 'MultiHeadAttention');
      const heads = args.num_heads as number;
      const keyDim = args.key_dim as number;
      const valueDim = (args.value_dim ?? keyDim) as number;
      const outShape: number[] = args.output_shape === null || args.output_shape === undefined ? [dim(query)]
        : Array.isArray(args.output_shape) ? args.output_shape : [args.output_shape];
      const out = outShape.reduce((x, y) => x * y, 1);
      const bias = args.use_bias ? 1 : 0;
      const params = dim(query) * heads * keyDim + bias * heads * keyDim + dim(key) * heads * keyDim + bias * heads * keyDim +
        dim(value) * heads * valueDim + bias * heads * valueDim + heads * valueDim * out + bias * out;
      const steps = knownProduct(query.slice(0, -1));
      return {output: [...query.slice(0, -1), ...outShape], trainable: params, flops: 2 * steps * (params + knownProduct(value.slice(0, -1)) * heads * (keyDim + valueDim))};
    },
  },
  Add: {description: 'Adds its inputs (same shapes).', args: {}, merge: true, infer: mergeRule('Add', 'elementwise')},
  Subtract: {description: 'Subtracts the second input from the first.', args: {}, merge: true, infer: mergeRule('Subtract', 'elementwise')},
  Multiply: {description: 'Multiplies its inputs element-wise.', args: {}, merge: true, infer: mergeRule('Multiply', 'elementwise')},
  Average: {description: 'Averages its inputs element-wise.', args: {}, merge: true, infer: mergeRule('Average', 'elementwise')},
  Maximum: {description: 'Element-wise maximum of its inputs.', args: {}, merge: true, infer: mergeRule('Maximum', 'elementwise')},
  Minimum: {description: 'Element-wise minimum of its inputs.', args: {}, merge: true, infer: mergeRule('Minimum', 'elementwise')},
  Concatenate: {
    description: 'Concatenates its inputs along an axis.',
    args: {axis: a('int', 'Concatenation axis.', {default: -1})},
    merge: true,
    infer: mergeRule('Concatenate', 'concat'),
  },
};

/** Keras 1/2 and TensorFlow.js aliases of class names, as found in saved configs. */
export const LAYER_ALIASES: Record<string, string> = {
  Convolution1D: 'Conv1D', Convolution2D: 'Conv2D', Convolution3D: 'Conv3D', MaxPool1D: 'MaxPooling1D', MaxPool2D: 'MaxPooling2D',
  AvgPool1D: 'AveragePooling1D', AvgPool2D: 'AveragePooling2D', GlobalMaxPool1D: 'GlobalMaxPooling1D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D', GlobalAvgPool1D: 'GlobalAveragePooling1D', GlobalAvgPool2D: 'GlobalAveragePooling2D',
  GlobalAveragePool2D: 'GlobalAveragePooling2D', Conv2DTranspose: 'Conv2DTranspose', Deconvolution2D: 'Conv2DTranspose',
};

export function layerInfo(type: string): LayerInfo | undefined {
  return Object.hasOwn(LAYER_CATALOG, type) ? LAYER_CATALOG[type] : Object.hasOwn(LAYER_ALIASES, type) ? LAYER_CATALOG[LAYER_ALIASES[type]] : undefined;
}

/** Every argument a layer type takes: its own, then the common ones. */
export function layerArgs(type: string): Record<string, ArgInfo> {
  let args = argsByType.get(type);
  if (!args) {
    const info = layerInfo(type);
    args = info ? {...info.args, ...COMMON_ARGS} : COMMON_ARGS;
    argsByType.set(type, args);
  }
  return args;
}

/** Merged argument tables and defaults per type: the analysis asks for them on every edit. */
const argsByType = new Map<string, Record<string, ArgInfo>>();
const defaultsByType = new Map<string, [string, unknown][]>();

/** The layer's arguments with Keras's defaults filled in (for the shape rules). */
export function withDefaults(type: string, args: Record<string, unknown>): Record<string, any> {
  const out: Record<string, any> = {};
  let defaults = defaultsByType.get(type);
  if (!defaults) {
    defaults = Object.entries(layerArgs(type)).filter(([, info]) => info.default !== undefined).map(([name, info]) => [name, info.default]);
    defaultsByType.set(type, defaults);
  }
  for (const [name, value] of defaults) out[name] = value;
  // None keeps Keras's default: a None activation is linear, None strides of a pooling are its pool_size.
  for (const [name, value] of Object.entries(args)) if (value !== undefined && value !== null) out[name] = value;
  return out;
}

