/**
 * Keras model configs in every dialect Keras has written (Keras 1 names, Keras 2 / tf.keras,
 * Keras 3 with module / registered_name / DTypePolicy / batch_shape, SavedModel tuples) turned
 * into the one dialect TensorFlow.js deserializes. What TensorFlow.js would compute differently
 * is refused here, by name, instead of loading different numbers.
 */
import {FormatError} from '../common/errors';
import {KERAS_COMPAT_LAYER_OPTIONS} from './config-layers';
import {isMirroredBackwardLayer, normalizeKerasObject, optionIgnoredByTfjs} from './config-objects';

export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type JsonObject = {[key: string]: Json};

export interface LayerConfig extends JsonObject {
  class_name: string;
  config: JsonObject;
}

export interface ModelConfig extends JsonObject {
  class_name: string;
  config: JsonObject;
}

export interface NormalizeContext {
  /** The file being read, for error messages. */
  file: string;
  /** Keras version recorded in the file ("1.2.2", "2.11.0", "3.9.2"), when known. */
  kerasVersion?: string;
  /** `backend` attribute ("tensorflow", "theano"), when known. */
  backend?: string;
}

/** How a layer's stored weights differ from the layout TensorFlow.js expects. */
export type LegacyWeightLayout = 'keras1-lstm' | 'keras1-gru' | 'keras1-conv1d';

export interface NormalizedModel {
  config: ModelConfig;
  /** Layers (by name, at any depth) whose stored weights need converting. */
  legacyWeights: Map<string, LegacyWeightLayout>;
}

export function kerasMajorVersion(version: string | undefined): 1 | 2 | 3 {
  if (!version) return 2;
  const m = /^(\d+)\./.exec(version.trim());
  const major = m ? Number(m[1]) : 2;
  return major <= 1 ? 1 : major >= 3 ? 3 : 2;
}

/** Who wrote a model config (`to_json()`, a `.keras` config.json): its keras_version, else Keras 3 for its module-qualified form. */
export function configKerasVersion(config: unknown): string | undefined {
  if (!isObject(config)) return undefined;
  if (typeof config.keras_version === 'string') return config.keras_version;
  return typeof config.module === 'string' ? '3.0' : undefined;
}

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Removes the wrappers Keras 3 and SavedModel metadata add around plain values: `__tuple__` and
 * `TensorShape` become lists, `{module, class_name, config, registered_name}` loses the module
 * and registration fields, dtype policies become their dtype name.
 */
export function stripSerializationWrappers(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripSerializationWrappers);
  if (!isObject(value)) return value;
  const cls = value.class_name;
  if ((cls === '__tuple__' || cls === 'TensorShape') && Array.isArray(value.items)) {
    return value.items.map(stripSerializationWrappers);
  }
  if ((cls === 'DTypePolicy' || cls === 'Policy' || cls === 'FloatDTypePolicy') && isObject(value.config)) {
    return typeof value.config.name === 'string' ? value.config.name : 'float32';
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'module' || k === 'registered_name' || k === 'shared_object_id' || k === 'build_config') continue;
    out[k] = stripSerializationWrappers(v);
  }
  return out;
}

const KERAS1_CLASS_NAMES: Record<string, string> = {
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Convolution3D: 'Conv3D',
  AtrousConvolution1D: 'Conv1D',
  AtrousConvolution2D: 'Conv2D',
  Deconvolution2D: 'Conv2DTranspose',
  SeparableConvolution2D: 'SeparableConv2D',
};

const KERAS1_KEYS: Record<string, string> = {
  init: 'kernel_initializer',
  inner_init: 'recurrent_initializer',
  inner_activation: 'recurrent_activation',
  W_regularizer: 'kernel_regularizer',
  U_regularizer: 'recurrent_regularizer',
  b_regularizer: 'bias_regularizer',
  W_constraint: 'kernel_constraint',
  U_constraint: 'recurrent_constraint',
  b_constraint: 'bias_constraint',
  bias: 'use_bias',
  dropout_W: 'dropout',
  dropout_U: 'recurrent_dropout',
  nb_filter: 'filters',
  border_mode: 'padding',
  subsample: 'strides',
  atrous_rate: 'dilation_rate',
  beta_init: 'beta_initializer',
  gamma_init: 'gamma_initializer',
};

const KERAS1_INITIALIZERS: Record<string, LayerConfig> = {
  glorot_uniform: {class_name: 'GlorotUniform', config: {}},
  glorot_normal: {class_name: 'GlorotNormal', config: {}},
  he_uniform: {class_name: 'HeUniform', config: {}},
  he_normal: {class_name: 'HeNormal', config: {}},
  lecun_uniform: {class_name: 'LeCunUniform', config: {}},
  lecun_normal: {class_name: 'LeCunNormal', config: {}},
  orthogonal: {class_name: 'Orthogonal', config: {gain: 1}},
  identity: {class_name: 'Identity', config: {gain: 1}},
  zero: {class_name: 'Zeros', config: {}},
  zeros: {class_name: 'Zeros', config: {}},
  one: {class_name: 'Ones', config: {}},
  ones: {class_name: 'Ones', config: {}},
  uniform: {class_name: 'RandomUniform', config: {minval: -0.05, maxval: 0.05}},
  normal: {class_name: 'RandomNormal', config: {mean: 0, stddev: 0.05}},
};

const RECURRENT_CLASSES = new Set(['LSTM', 'GRU', 'SimpleRNN']);
const CONV_CLASSES = new Set(['Conv1D', 'Conv2D', 'Conv3D', 'Conv2DTranspose', 'Conv3DTranspose', 'SeparableConv1D',
  'SeparableConv2D', 'DepthwiseConv2D']);
const POOL_CLASSES = new Set(['MaxPooling1D', 'MaxPooling2D', 'MaxPooling3D', 'AveragePooling1D', 'AveragePooling2D',
  'AveragePooling3D']);

/** Activations TensorFlow.js computes exactly as Keras does, by Keras name. */
const ACTIVATIONS: Record<string, string> = {
  linear: 'linear', relu: 'relu', relu6: 'relu6', sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax',
  softplus: 'softplus', softsign: 'softsign', elu: 'elu', selu: 'selu', swish: 'swish', silu: 'swish',
  mish: 'mish', log_softmax: 'log_softmax', hard_sigmoid: 'hard_sigmoid', gelu: 'gelu',
};

function refuse(ctx: NormalizeContext, message: string): never {
  throw new FormatError(ctx.file, message);
}

function layerLabel(layer: LayerConfig): string {
  const name = isObject(layer.config) && typeof layer.config.name === 'string' ? layer.config.name : '?';
  return `layer '${name}' (${layer.class_name})`;
}

function normalizeActivation(value: Json, where: string, ctx: NormalizeContext, major: number): Json {
  if (value === null || value === undefined) return value;
  let name: string | undefined;
  if (typeof value === 'string') name = value;
  else if (isObject(value) && typeof value.config === 'string') name = value.config; // Keras 3 function wrapper
  else if (isObject(value) && typeof value.class_name === 'string') name = value.class_name;
  if (!name) refuse(ctx, `${where}: activation ${JSON.stringify(value)} is not a Keras built-in activation`);
  const key = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  if (key === 'hard_sigmoid' && major >= 3) {
    refuse(ctx, `${where}: Keras 3 'hard_sigmoid' is relu6(x + 3) / 6, TensorFlow.js's is clip(0.2x + 0.5); refusing rather than computing different numbers`);
  }
  const mapped = ACTIVATIONS[key];
  if (!mapped) refuse(ctx, `${where}: activation '${name}' is not available in TensorFlow.js`);
  return mapped;
}

function initializerFromKeras1(value: Json): Json {
  if (typeof value !== 'string') return value;
  return KERAS1_INITIALIZERS[value] ?? {class_name: 'GlorotUniform', config: {}};
}

/** Keras 1 writes {name: 'WeightRegularizer', l1, l2}; Keras 2 writes {class_name: 'L1L2', config}. */
function regularizerFromKeras1(value: Json): Json {
  if (!isObject(value) || 'class_name' in value) return value;
  return {class_name: 'L1L2', config: {l1: typeof value.l1 === 'number' ? value.l1 : 0, l2: typeof value.l2 === 'number' ? value.l2 : 0}};
}

function dataFormatFromDimOrdering(v: Json): Json {
  return v === 'th' ? 'channels_first' : v === 'tf' ? 'channels_last' : v;
}

/** Keras 1 argument names and value forms, per layer, to Keras 2's. */
function upgradeKeras1Layer(layer: LayerConfig, ctx: NormalizeContext, legacy: Map<string, LegacyWeightLayout>): LayerConfig {
  const className = KERAS1_CLASS_NAMES[layer.class_name] ?? layer.class_name;
  const c: JsonObject = {...layer.config};
  const out: JsonObject = {};
  if (layer.class_name === 'Merge') {
    refuse(ctx, `${layerLabel(layer)}: the Keras 1 Merge layer is not supported; re-save the model with Keras 2 merge layers (Add, Concatenate, ...)`);
  }
  for (const [key, value] of Object.entries(c)) {
    if (key === 'input_dtype' || key === 'consume_less' || key === 'input_dim' || key === 'input_length') continue;
    if (key === 'output_dim' && className !== 'Embedding') { out.units = value; continue; }
    if (key === 'forget_bias_init') { out.unit_forget_bias = value === 'one'; continue; }
    if (key === 'dim_ordering') { out.data_format = dataFormatFromDimOrdering(value); continue; }
    if (key === 'p' && className === 'Dropout') { out.rate = value; continue; }
    if (key === 'pool_length') { out.pool_size = [value]; continue; }
    if (key === 'stride' && POOL_CLASSES.has(className)) { out.strides = value === null ? null : [value]; continue; }
    if (key === 'filter_length') { out.kernel_size = [value]; continue; }
    if (key === 'subsample_length') { out.strides = [value]; continue; }
    if (key === 'nb_row' || key === 'nb_col') continue;
    if (className === 'Embedding' && key === 'init') { out.embeddings_initializer = initializerFromKeras1(value); continue; }
    if (className === 'Embedding' && key === 'W_regularizer') { out.embeddings_regularizer = value; continue; }
    if (className === 'Embedding' && key === 'W_constraint') { out.embeddings_constraint = value; continue; }
    if (className === 'Embedding' && key === 'dropout') continue; // training-time only
    if (className === 'PReLU' && key === 'init') { out.alpha_initializer = initializerFromKeras1(value); continue; }
    if (className === 'BatchNormalization' && key === 'mode') {
      if (value !== 0) refuse(ctx, `${layerLabel(layer)}: Keras 1 BatchNormalization mode=${value} has no Keras 2 / TensorFlow.js equivalent`);
      continue;
    }
    const mapped = KERAS1_KEYS[key] ?? key;
    if (mapped.endsWith('_initializer')) out[mapped] = initializerFromKeras1(value);
    else if (mapped.endsWith('_regularizer')) out[mapped] = regularizerFromKeras1(value);
    else out[mapped] = value;
  }
  if ('nb_row' in c || 'nb_col' in c) out.kernel_size = [c.nb_row as number, c.nb_col as number];
  if (layer.class_name.startsWith('Atrous') && !('dilation_rate' in out)) out.dilation_rate = out.dilation_rate ?? 1;
  if (!('batch_input_shape' in c) || c.batch_input_shape === null) {
    // Keras 1 first layers may give only input_dim (and input_length for sequences).
    if (typeof c.input_dim === 'number') {
      if (RECURRENT_CLASSES.has(className)) out.batch_input_shape = [null, (c.input_length as number | null) ?? null, c.input_dim];
      else if (className === 'Embedding') out.batch_input_shape = [null, (c.input_length as number | null) ?? null];
      else out.batch_input_shape = [null, c.input_dim];
    }
  }
  if (className === 'Embedding' && 'input_dim' in c) out.input_dim = c.input_dim;
  if (className === 'Embedding' && 'input_length' in c) out.input_length = c.input_length;
  const name = typeof c.name === 'string' ? c.name : '';
  if (className === 'LSTM') legacy.set(name, 'keras1-lstm');
  if (className === 'GRU') legacy.set(name, 'keras1-gru');
  if (className === 'Conv1D') legacy.set(name, 'keras1-conv1d');
  if (CONV_CLASSES.has(className) && out.data_format === 'channels_first') {
    refuse(ctx, `${layerLabel(layer)}: Keras 1 convolution with dim_ordering 'th' — Keras 1 files do not record the backend, ` +
      `so whether the kernels are flipped (Theano) cannot be known; re-save the model with Keras 2`);
  }
  return {...layer, class_name: className, config: out};
}

function first<T extends Json>(v: Json): T {
  return (Array.isArray(v) && v.length === 1 ? v[0] : v) as T;
}

/** Per-layer checks and Keras-3-to-Keras-2 argument changes. */
function normalizeLayerConfig(layer: LayerConfig, ctx: NormalizeContext, major: number, legacy: Map<string, LegacyWeightLayout>): LayerConfig {
  const label = layerLabel(layer);
  const cls = layer.class_name;
  const c: JsonObject = {...layer.config};
  const drop = (...keys: string[]) => keys.forEach((k) => delete c[k]);
  const refuseIf = (cond: unknown, why: string) => { if (cond) refuse(ctx, `${label}: ${why}`); };

  if (cls === 'Lambda') {
    refuse(ctx, `${label} holds Python code (marshalled bytecode); it is refused and never executed, as Keras's safe_mode does. ` +
      'Replace it with built-in layers, or a custom layer registered through custom_objects.');
  }
  if (cls === 'TFOpLambda' || cls === 'SlicingOpLambda') {
    refuse(ctx, `${label} wraps a raw TensorFlow op (${String(c.function ?? '?')}) recorded by tf.keras; TensorFlow.js layers cannot replay it`);
  }
  if (cls === 'InputLayer' && typeof c.dtype === 'string' && /^u?int(8|16|64)$/.test(c.dtype)) {
    c.dtype = 'int32'; // TensorFlow.js inputs are float32, int32 or bool; integer ids keep their values
  } else if (typeof c.dtype === 'string' && !['float32', 'int32', 'bool', 'string'].includes(c.dtype)) {
    if (/float16|bfloat16|float64/.test(c.dtype)) {
      refuse(ctx, `${label}: dtype policy '${c.dtype}' — TensorFlow.js computes in float32, which gives different numbers`);
    }
  }
  if (isObject(c.dtype)) c.dtype = 'float32';
  if ('activation' in c) c.activation = normalizeActivation(c.activation, label, ctx, major);
  if ('recurrent_activation' in c) c.recurrent_activation = normalizeActivation(c.recurrent_activation, label, ctx, major);

  // Keras 3 additions that must be at their neutral value.
  refuseIf(c.lora_rank != null, 'LoRA (lora_rank) is not supported by TensorFlow.js');
  refuseIf(c.quantization_config != null, 'quantized layers are not supported by TensorFlow.js');
  drop('lora_rank', 'lora_alpha', 'quantization_config', 'seed');
  if ('groups' in c && CONV_CLASSES.has(cls)) {
    refuseIf(c.groups !== 1 && c.groups !== null, `grouped convolution (groups=${c.groups}) is not implemented in TensorFlow.js`);
    drop('groups');
  }
  if (c.batch_shape !== undefined && c.batch_input_shape === undefined) c.batch_input_shape = c.batch_shape;
  drop('batch_shape', 'optional', 'ragged', 'input_tensor');
  if (c.sparse === true && cls !== 'InputLayer') refuse(ctx, `${label}: sparse inputs are not supported`);
  if (cls === 'Embedding') drop('sparse');

  if (RECURRENT_CLASSES.has(cls)) {
    refuseIf(c.time_major === true, 'time_major=True is not supported by TensorFlow.js');
    drop('time_major', 'use_cudnn');
    // Keras 2.0's implementation=0 computes what 1 does; Keras 3 has no such argument.
    if (major >= 3 || c.implementation === 0) drop('implementation');
    if (cls === 'GRU') {
      // Keras 3 defaults reset_after to True when the key is absent.
      const resetAfter = c.reset_after ?? (major >= 3);
      if (resetAfter === true && !KERAS_COMPAT_LAYER_OPTIONS.gruResetAfter) {
        refuse(ctx, `${label}: GRU with reset_after=True (the tf.keras 2 / Keras 3 default, bias of shape (2, 3*units)) ` +
          'is not implemented by TensorFlow.js, whose GRU computes reset_after=False; refusing rather than loading different numbers');
      }
      if (resetAfter === true) c.reset_after = true;
      else drop('reset_after');
    }
  }
  if (cls === 'LeakyReLU') {
    // Keras 3 renamed alpha to negative_slope and changed its default from 0.3 to 0.2.
    if (c.negative_slope !== undefined) c.alpha = c.negative_slope;
    else if (c.alpha === undefined) c.alpha = major >= 3 ? 0.2 : 0.3;
    drop('negative_slope');
  }
  if (cls === 'ReLU') {
    c.negative_slope = c.negative_slope ?? 0;
    c.threshold = c.threshold ?? 0;
  }
  if (cls === 'Softmax' && Array.isArray(c.axis)) {
    refuseIf(c.axis.length !== 1, `softmax over several axes (${JSON.stringify(c.axis)}) is not supported by TensorFlow.js`);
    c.axis = c.axis[0];
  }
  if (cls === 'BatchNormalization') {
    if (Array.isArray(c.axis)) {
      refuseIf(c.axis.length !== 1, `normalization over several axes (${JSON.stringify(c.axis)}) is not supported by TensorFlow.js`);
      c.axis = first(c.axis);
    }
    refuseIf(c.renorm === true, 'batch renormalization (renorm=True) is not supported by TensorFlow.js');
    refuseIf(c.virtual_batch_size != null, 'virtual_batch_size is not supported by TensorFlow.js');
    refuseIf(c.adjustment != null, 'adjustment is not supported by TensorFlow.js');
    drop('renorm', 'renorm_clipping', 'renorm_momentum', 'virtual_batch_size', 'adjustment', 'fused', 'synchronized', 'trainable_weights');
  }
  if (cls === 'Dropout' || cls === 'SpatialDropout1D' || cls === 'SpatialDropout2D') {
    if (c.noise_shape === null) drop('noise_shape');
  }
  if (cls === 'Dense' && c.bias_initializer === undefined) c.bias_initializer = {class_name: 'Zeros', config: {}};
  if (cls === 'Flatten' && c.data_format === null) drop('data_format');
  for (const key of Object.keys(c)) {
    if (!/_(initializer|regularizer|constraint)$/.test(key)) continue;
    const mapped = normalizeKerasObject(key, c[key]);
    if ('problem' in mapped) refuse(ctx, `${label}: ${mapped.problem}`);
    c[key] = mapped.value;
  }
  for (const wrapped of ['layer', 'backward_layer']) {
    if (isObject(c[wrapped])) c[wrapped] = normalizeLayer(c[wrapped] as LayerConfig, ctx, major, legacy);
  }
  const ignored = optionIgnoredByTfjs(cls, c);
  if (ignored) refuse(ctx, `${label}: ${ignored}`);
  // Keras 3 writes backward_layer even when Keras built it from `layer`; TensorFlow.js builds that one itself.
  if (cls === 'Bidirectional' && isMirroredBackwardLayer(c.layer, c.backward_layer)) drop('backward_layer');
  if (cls === 'Bidirectional' && c.backward_layer != null && !KERAS_COMPAT_LAYER_OPTIONS.bidirectionalBackwardLayer) {
    refuse(ctx, `${label}: a separately configured backward_layer is not supported by TensorFlow.js`);
  }
  // tf.keras 2 records the shapes MultiHeadAttention was built with; the graph gives them again.
  if (cls === 'MultiHeadAttention') drop('query_shape', 'key_shape', 'value_shape', 'flash_attention');
  return {...layer, config: c};
}

/** One layer entry (Sequential item or Functional node) in the TensorFlow.js dialect. */
function normalizeLayer(raw: LayerConfig, ctx: NormalizeContext, major: number, legacy: Map<string, LegacyWeightLayout>): LayerConfig {
  let layer = raw;
  if (!isObject(layer) || typeof layer.class_name !== 'string' || !isObject(layer.config)) {
    refuse(ctx, `model config holds a layer entry that is not {class_name, config}: ${JSON.stringify(raw).slice(0, 120)}`);
  }
  if (major === 1 || looksLikeKeras1(layer)) layer = upgradeKeras1Layer(layer, ctx, legacy);
  if (isModelClass(layer.class_name)) {
    const nested = normalizeModelObject(layer as ModelConfig, ctx, major, legacy);
    return {...layer, ...nested, config: {...nested.config}};
  }
  const out = normalizeLayerConfig(layer, ctx, major, legacy);
  if (Array.isArray(out.inbound_nodes)) out.inbound_nodes = normalizeInboundNodes(out.inbound_nodes, ctx, TENSOR_CALL_ARGUMENTS[out.class_name]);
  if ((out.class_name === 'Attention' || out.class_name === 'AdditiveAttention') && 'causal' in out.config) {
    // tf.keras <= 2.9's causal=True is Keras 3's call argument use_causal_mask=True.
    const {causal, ...config} = out.config;
    out.config = config;
    if (causal === true && Array.isArray(out.inbound_nodes)) {
      out.inbound_nodes = out.inbound_nodes.map((node) => (node as Json[][]).map((l) => [l[0], l[1], l[2], {...(l[3] as JsonObject), use_causal_mask: true}]));
    }
  }
  return out;
}

function looksLikeKeras1(layer: LayerConfig): boolean {
  const c = layer.config;
  return layer.class_name in KERAS1_CLASS_NAMES || layer.class_name === 'Merge' ||
    ('output_dim' in c && layer.class_name !== 'Embedding') || 'init' in c || 'border_mode' in c || 'dim_ordering' in c;
}

function isModelClass(name: string): boolean {
  return name === 'Sequential' || name === 'Model' || name === 'Functional';
}

/**
 * Layers whose call takes further tensors by keyword (MultiHeadAttention(query, value, key)):
 * the keyword names in call order. TensorFlow.js configs only express positional input lists,
 * so these become the layer's 2nd, 3rd... inputs, as our implementations of them expect.
 */
export const TENSOR_CALL_ARGUMENTS: Record<string, string[]> = {
  MultiHeadAttention: ['query', 'value', 'key'],
};

function isLink(v: Json): v is Json[] {
  return Array.isArray(v) && v.length >= 3 && typeof v[0] === 'string' && typeof v[1] === 'number' && typeof v[2] === 'number';
}

/**
 * Functional graph links. Keras 2: [[[layer, node, tensor, kwargs], ...], ...]; Keras 1 omits
 * kwargs; Keras 3 writes {args: [keras tensors], kwargs} where each tensor records keras_history.
 * Tensors passed by keyword to a layer of TENSOR_CALL_ARGUMENTS become positional inputs.
 */
function normalizeInboundNodes(nodes: Json[], ctx: NormalizeContext, tensorArgs?: string[]): Json[] {
  return nodes.map((node) => {
    if (Array.isArray(node)) {
      const links = node.map((link) => {
        if (!Array.isArray(link)) refuse(ctx, `malformed inbound node ${JSON.stringify(link)}`);
        const [name, nodeIndex, tensorIndex, kwargs] = link;
        return [name, nodeIndex, tensorIndex ?? 0, isObject(kwargs) ? kwargs : {}] as Json[];
      });
      if (!tensorArgs || links.length !== 1) return links;
      // tf.keras 2: mha(query, value) is [[query, 0, 0, {"value": [value, 0, 0]}]].
      const kwargs = {...(links[0][3] as JsonObject)};
      const extra: Json[][] = [];
      for (const arg of tensorArgs.slice(1)) {
        const v = kwargs[arg];
        if (v === undefined || v === null) continue;
        if (!isLink(v)) refuse(ctx, `a layer call passes '${arg}' as ${JSON.stringify(v).slice(0, 80)}, not a layer output`);
        extra.push(v);
        delete kwargs[arg];
      }
      return [[...links[0].slice(0, 3), kwargs], ...extra.map((l) => [l[0], l[1], l[2], kwargs])];
    }
    if (isObject(node)) {
      const links: Json[] = [];
      const kwargs: JsonObject = {};
      const collect = (v: Json): void => {
        if (Array.isArray(v)) v.forEach(collect);
        else if (isObject(v) && v.class_name === '__keras_tensor__' && isObject(v.config)) {
          const [name, nodeIndex, tensorIndex] = v.config.keras_history as Json[];
          links.push([name, nodeIndex, tensorIndex, {}]);
        }
      };
      collect(node.args ?? []);
      const keywords = isObject(node.kwargs) ? node.kwargs : {};
      for (const arg of tensorArgs ?? []) {
        if (!(arg in keywords)) continue;
        const before = links.length;
        collect(keywords[arg]);
        if (links.length !== before + 1 && keywords[arg] !== null) refuse(ctx, `a layer call passes '${arg}' that is not one tensor`);
        if (tensorArgs!.indexOf(arg) !== before && links.length === before + 1) {
          refuse(ctx, `a layer call passes '${arg}' by keyword after ${before} positional tensor(s), which cannot be expressed in order`);
        }
      }
      for (const [k, v] of Object.entries(keywords)) {
        if (tensorArgs?.includes(k)) continue;
        const before = links.length;
        collect(v);
        if (links.length === before) kwargs[k] = v;
        else refuse(ctx, `a layer call passes a tensor through keyword argument '${k}', which TensorFlow.js configs cannot express`);
      }
      if (Object.keys(kwargs).length) links.forEach((l) => ((l as Json[])[3] = kwargs));
      return links;
    }
    return refuse(ctx, `malformed inbound node ${JSON.stringify(node)}`);
  });
}

/** Keras 3 writes a single model input as [name, 0, 0]; TensorFlow.js wants a list of those. */
function normalizeEndpoints(v: Json): Json {
  if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'string') return [v];
  if (isObject(v)) return Object.values(v).map(normalizeEndpoints).flat() as Json;
  return v;
}

function normalizeModelObject(model: ModelConfig, ctx: NormalizeContext, major: number, legacy: Map<string, LegacyWeightLayout>): ModelConfig {
  const cls = model.class_name;
  if (cls === 'Sequential') {
    const raw = model.config as Json;
    const cfg: JsonObject = Array.isArray(raw) ? {name: 'sequential', layers: raw} : {...(raw as JsonObject)};
    const layers = (cfg.layers as LayerConfig[] | undefined) ?? [];
    let normalized = layers.map((l) => normalizeLayer(l, ctx, major, legacy));
    // An explicit InputLayer becomes the first layer's batch_input_shape, as TensorFlow.js expects.
    if (normalized.length > 0 && normalized[0].class_name === 'InputLayer') {
      const input = normalized[0].config;
      normalized = normalized.slice(1);
      if (normalized.length > 0 && normalized[0].config.batch_input_shape == null) {
        normalized[0] = {...normalized[0], config: {...normalized[0].config, batch_input_shape: input.batch_input_shape}};
      }
    }
    // Keras ignores input shapes given to later layers; TensorFlow.js would warn about them.
    normalized = normalized.map((l, i) => {
      if (i === 0 || !('batch_input_shape' in l.config)) return l;
      const {batch_input_shape: _ignored, ...rest} = l.config;
      return {...l, config: rest};
    });
    return {class_name: 'Sequential', config: {name: cfg.name ?? 'sequential', layers: normalized}};
  }
  if (cls === 'Model' || cls === 'Functional') {
    const cfg = {...(model.config as JsonObject)};
    const layers = ((cfg.layers as LayerConfig[] | undefined) ?? []).map((l) => normalizeLayer(l, ctx, major, legacy));
    return {
      class_name: 'Model',
      config: {
        name: cfg.name ?? 'model',
        layers,
        input_layers: normalizeEndpoints(cfg.input_layers ?? []),
        output_layers: normalizeEndpoints(cfg.output_layers ?? []),
      },
    };
  }
  return refuse(ctx, `model class '${cls}' is not a Keras Sequential or Functional model; subclassed models cannot be rebuilt from their config`);
}

/** Any Keras model config (object or JSON text, any dialect) to the TensorFlow.js dialect. */
export function normalizeModelConfig(raw: unknown, ctx: NormalizeContext): NormalizedModel {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (e) {
      refuse(ctx, `model config is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (!isObject(value as Json)) refuse(ctx, 'model config is not a JSON object');
  let obj = stripSerializationWrappers(value as Json) as JsonObject;
  // model.to_json() of Keras 1 and 2 is {class_name, config, keras_version, backend}; some tools wrap it.
  if (!('class_name' in obj) && isObject(obj.model_config)) obj = obj.model_config as JsonObject;
  if (typeof obj.class_name !== 'string') refuse(ctx, 'model config has no class_name');
  const version = ctx.kerasVersion ?? (typeof obj.keras_version === 'string' ? obj.keras_version : undefined);
  const backend = ctx.backend ?? (typeof obj.backend === 'string' ? obj.backend : undefined);
  const major = kerasMajorVersion(version);
  const legacy = new Map<string, LegacyWeightLayout>();
  const config = normalizeModelObject(obj as ModelConfig, {...ctx, kerasVersion: version}, major, legacy);
  if (backend === 'theano' && usesConvolution(config)) {
    refuse(ctx, 'was written with the Theano backend, whose convolution kernels are flipped relative to TensorFlow; not supported');
  }
  return {config, legacyWeights: legacy};
}

function usesConvolution(model: ModelConfig): boolean {
  const layers = (model.config.layers as LayerConfig[] | undefined) ?? [];
  return layers.some((l) => CONV_CLASSES.has(l.class_name) || (isModelClass(l.class_name) && usesConvolution(l as ModelConfig)));
}

/** Every layer config of a normalized model, nested models and wrapped layers included. */
export function walkLayers(model: ModelConfig, visit: (layer: LayerConfig) => void): void {
  for (const layer of (model.config.layers as LayerConfig[] | undefined) ?? []) {
    visit(layer);
    if (isModelClass(layer.class_name)) walkLayers(layer as ModelConfig, visit);
    for (const key of ['layer', 'backward_layer']) {
      const inner = layer.config[key];
      if (isObject(inner)) visit(inner as LayerConfig);
    }
  }
}

/**
 * For TensorFlow.js folders (tfjs dialect, not normalized otherwise): converter output of tf.keras
 * keeps tensors passed by keyword (mha(query, value=...)); they become positional inputs.
 */
export function positionalTensorArguments(topology: unknown, file: string): unknown {
  if (!isObject(topology as Json)) return topology;
  const visit = (model: JsonObject): JsonObject => {
    if (!isObject(model.config) || !Array.isArray(model.config.layers)) return model;
    const layers = (model.config.layers as Json[]).map((l) => {
      if (!isObject(l) || typeof l.class_name !== 'string') return l;
      if (isModelClass(l.class_name)) return visit(l);
      const args = TENSOR_CALL_ARGUMENTS[l.class_name];
      if (!args || !Array.isArray(l.inbound_nodes)) return l;
      return {...l, inbound_nodes: normalizeInboundNodes(l.inbound_nodes, {file}, args)};
    });
    return {...model, config: {...model.config, layers}};
  };
  return visit(topology as JsonObject);
}
