/**
 * Keras initializer, regularizer and constraint configs of every Keras version (tf.keras 2
 * `LecunNormal`, `L2`; Keras 3 `OrthogonalInitializer`, `IdentityInitializer`, plain-string
 * identifiers) to the classes TensorFlow.js registers, and Keras 3's always-written
 * `backward_layer` of Bidirectional recognized when it only mirrors the forward layer.
 */
import type {Json, JsonObject, LayerConfig} from './config';

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Keras class names (any version) and string identifiers to TensorFlow.js's class and default config. */
const INITIALIZERS: Record<string, {class_name: string; config?: JsonObject}> = {
  OrthogonalInitializer: {class_name: 'Orthogonal'}, orthogonal: {class_name: 'Orthogonal', config: {gain: 1}},
  IdentityInitializer: {class_name: 'Identity'}, identity: {class_name: 'Identity', config: {gain: 1}},
  LecunNormal: {class_name: 'LeCunNormal'}, lecun_normal: {class_name: 'LeCunNormal'},
  LecunUniform: {class_name: 'LeCunUniform'}, lecun_uniform: {class_name: 'LeCunUniform'},
  glorot_uniform: {class_name: 'GlorotUniform'}, glorot_normal: {class_name: 'GlorotNormal'},
  he_uniform: {class_name: 'HeUniform'}, he_normal: {class_name: 'HeNormal'},
  zeros: {class_name: 'Zeros'}, ones: {class_name: 'Ones'},
  random_uniform: {class_name: 'RandomUniform', config: {minval: -0.05, maxval: 0.05}},
  random_normal: {class_name: 'RandomNormal', config: {mean: 0, stddev: 0.05}},
  truncated_normal: {class_name: 'TruncatedNormal', config: {mean: 0, stddev: 0.05}},
};

/** Keras regularizers; TensorFlow.js registers only L1L2. Keras's default factor is 0.01. */
function regularizer(cls: string, config: JsonObject): JsonObject | undefined {
  const factor = (key: string) => (typeof config[key] === 'number' ? config[key] : 0.01);
  switch (cls) {
    case 'L1': case 'l1': return {class_name: 'L1L2', config: {l1: factor('l1'), l2: 0}};
    case 'L2': case 'l2': return {class_name: 'L1L2', config: {l1: 0, l2: factor('l2')}};
    case 'L1L2': case 'l1_l2': return {class_name: 'L1L2', config: {l1: config.l1 ?? 0, l2: config.l2 ?? 0}};
    default: return undefined;
  }
}

const CONSTRAINTS: Record<string, string> = {
  max_norm: 'MaxNorm', min_max_norm: 'MinMaxNorm', non_neg: 'NonNeg', unit_norm: 'UnitNorm',
};

/** The problem with one initializer / regularizer / constraint value, or its TensorFlow.js form. */
export function normalizeKerasObject(key: string, value: Json): {value: Json} | {problem: string} {
  if (value === null || value === undefined) return {value};
  const cls = typeof value === 'string' ? value : isObject(value) && typeof value.class_name === 'string' ? value.class_name : undefined;
  if (cls === undefined) return {value};
  const config = isObject(value) && isObject(value.config) ? value.config : {};
  if (key.endsWith('_initializer')) {
    const mapped = INITIALIZERS[cls];
    if (mapped) return {value: {class_name: mapped.class_name, config: {...mapped.config, ...config}}};
    if (cls === 'VarianceScaling' && config.distribution === 'untruncated_normal') {
      // VarianceScaling's 'normal' means truncated normal in tf.keras 2; Keras 3 spells it out.
      return {value: {class_name: cls, config: {...config, distribution: 'normal'}}};
    }
    return {value};
  }
  if (key.endsWith('_regularizer')) {
    const mapped = regularizer(cls, config);
    return mapped ? {value: mapped} : {problem: `${key} '${cls}' is not available in TensorFlow.js (it has L1, L2 and L1L2)`};
  }
  if (key.endsWith('_constraint') && typeof value === 'string') {
    const mapped = CONSTRAINTS[value];
    return mapped ? {value: {class_name: mapped, config: {}}} : {problem: `${key} '${value}' is not available in TensorFlow.js`};
  }
  return {value};
}

/** Config keys that differ between a Bidirectional's forward layer and its mirrored backward layer. */
const MIRROR_KEYS = new Set(['name', 'go_backwards']);

function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether a Bidirectional's `backward_layer` is what Keras builds from `layer` by itself (the same
 * class and config, going the other way): Keras 3 writes it out every time.
 */
export function isMirroredBackwardLayer(layer: Json | undefined, backward: Json | undefined): boolean {
  if (!isObject(layer) || !isObject(backward) || layer.class_name !== backward.class_name) return false;
  const f = (layer as LayerConfig).config;
  const b = (backward as LayerConfig).config;
  if (!isObject(f) || !isObject(b) || (f.go_backwards === true) === (b.go_backwards === true)) return false;
  const keys = new Set([...Object.keys(f), ...Object.keys(b)]);
  return [...keys].every((k) => MIRROR_KEYS.has(k) || sameJson(f[k], b[k]));
}

const GLOBAL_POOLING = ['GlobalAveragePooling1D', 'GlobalAveragePooling2D', 'GlobalAveragePooling3D',
  'GlobalMaxPooling1D', 'GlobalMaxPooling2D', 'GlobalMaxPooling3D'];

/**
 * Keras options (tf.keras >= 2.6, Keras 3) that TensorFlow.js's layer of the same name ignores: at
 * their neutral value they are dropped, otherwise the model is refused rather than computed otherwise.
 */
const IGNORED_BY_TFJS: Array<{classes: readonly string[]; key: string; neutral: Json; why: string}> = [
  {classes: GLOBAL_POOLING, key: 'keepdims', neutral: false, why: 'keepdims=True (TensorFlow.js\'s global pooling drops the pooled axes, giving another output shape)'},
  {classes: ['LayerNormalization'], key: 'rms_scaling', neutral: false, why: 'rms_scaling=True (TensorFlow.js\'s LayerNormalization always centers: other numbers)'},
];

/** The Keras option of this layer config TensorFlow.js would ignore (and compute otherwise), after dropping neutral ones. */
export function optionIgnoredByTfjs(className: string, config: JsonObject): string | undefined {
  for (const option of IGNORED_BY_TFJS) {
    if (!option.classes.includes(className) || !(option.key in config)) continue;
    if (config[option.key] !== option.neutral && config[option.key] !== null) return `${option.why} is not supported by TensorFlow.js`;
    delete config[option.key];
  }
  return undefined;
}
