/**
 * Training configuration (`compile` arguments) between Keras dialects and TensorFlow.js:
 * Keras 1/2 `training_config`, Keras 3 `compile_config`, and TensorFlow.js's TrainingConfig
 * (optimizer class names such as RMSProp / Momentum, config keys it maps to camelCase).
 */
import type {io} from '@tensorflow/tfjs-core';
import type {Json, JsonObject} from './config';
import {stripSerializationWrappers} from './config';

type TrainingConfig = NonNullable<io.ModelArtifacts['trainingConfig']>;

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const LOSS_NAMES: Record<string, string> = {
  mse: 'mean_squared_error', MSE: 'mean_squared_error', mae: 'mean_absolute_error', MAE: 'mean_absolute_error',
  mape: 'mean_absolute_percentage_error', msle: 'mean_squared_logarithmic_error',
  kld: 'kullback_leibler_divergence', kl_divergence: 'kullback_leibler_divergence', cosine: 'cosine_proximity',
  MeanSquaredError: 'mean_squared_error', MeanAbsoluteError: 'mean_absolute_error',
  MeanAbsolutePercentageError: 'mean_absolute_percentage_error', MeanSquaredLogarithmicError: 'mean_squared_logarithmic_error',
  CategoricalCrossentropy: 'categorical_crossentropy', SparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  BinaryCrossentropy: 'binary_crossentropy', Hinge: 'hinge', SquaredHinge: 'squared_hinge', CategoricalHinge: 'categorical_hinge',
  LogCosh: 'logcosh', log_cosh: 'logcosh', Poisson: 'poisson', KLDivergence: 'kullback_leibler_divergence',
};

const KNOWN_LOSSES = new Set(['mean_squared_error', 'mean_absolute_error', 'mean_absolute_percentage_error',
  'mean_squared_logarithmic_error', 'categorical_crossentropy', 'sparse_categorical_crossentropy', 'binary_crossentropy',
  'hinge', 'squared_hinge', 'categorical_hinge', 'logcosh', 'poisson', 'kullback_leibler_divergence', 'cosine_proximity']);

const KNOWN_METRICS = new Set(['accuracy', 'acc', 'binary_accuracy', 'categorical_accuracy', 'sparse_categorical_accuracy',
  'top_k_categorical_accuracy', 'sparse_top_k_categorical_accuracy', 'mean_squared_error', 'mean_absolute_error',
  'mean_absolute_percentage_error', 'mse', 'mae', 'mape', 'binary_crossentropy', 'categorical_crossentropy',
  'sparse_categorical_crossentropy', 'precision', 'recall', 'cosine_proximity']);

/**
 * Keras metric names as TensorFlow.js's compile() accepts them (it resolves only these strings);
 * a Keras metric missing here is dropped with a warning. Sparse accuracy has no TensorFlow.js name:
 * 'accuracy' means it when the loss is sparse categorical crossentropy.
 */
const TFJS_METRICS: Record<string, string> = {
  accuracy: 'accuracy', acc: 'accuracy', binary_accuracy: 'binaryAccuracy', categorical_accuracy: 'categoricalAccuracy',
  mean_squared_error: 'mse', mse: 'mse', mean_absolute_error: 'mae', mae: 'mae',
  mean_absolute_percentage_error: 'mape', mape: 'mape', categorical_crossentropy: 'categoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy', precision: 'precision', cosine_proximity: 'cosine',
};

/** The TensorFlow.js compile() name of a Keras metric, given the loss; undefined when TensorFlow.js has none. */
export function tfjsMetricName(kerasName: string, loss: unknown): string | undefined {
  const n = snake(kerasName);
  if (n === 'sparse_categorical_accuracy') return loss === 'sparse_categorical_crossentropy' ? 'accuracy' : undefined;
  return TFJS_METRICS[n];
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function lossName(v: Json): string | undefined {
  if (typeof v === 'string') {
    const n = LOSS_NAMES[v] ?? snake(v);
    return KNOWN_LOSSES.has(n) ? n : undefined;
  }
  if (isObject(v) && typeof v.class_name === 'string') {
    if (v.class_name === 'LossFunctionWrapper' && isObject(v.config) && typeof v.config.fn === 'string') return lossName(v.config.fn);
    return lossName(LOSS_NAMES[v.class_name] ?? v.class_name);
  }
  return undefined;
}

function metricName(v: Json): string | undefined {
  let name: string | undefined;
  if (typeof v === 'string') name = v;
  else if (isObject(v) && isObject(v.config)) {
    // MeanMetricWrapper {name, fn}: the user's name ("accuracy") is what Keras reports.
    name = typeof v.config.name === 'string' ? v.config.name : typeof v.config.fn === 'string' ? v.config.fn : undefined;
  } else if (isObject(v) && typeof v.class_name === 'string') name = snake(v.class_name);
  if (!name) return undefined;
  const n = snake(name);
  return KNOWN_METRICS.has(n) ? n : undefined;
}

function num(v: Json | undefined, fallback: number): number {
  return typeof v === 'number' ? v : fallback;
}

/** Keras optimizer (any dialect) to TensorFlow.js's class and config; undefined when it has none. */
export function optimizerToTfjs(raw: Json): {class_name: string; config: JsonObject} | {unsupported: string} {
  const opt = stripSerializationWrappers(raw) as JsonObject;
  if (!isObject(opt) || typeof opt.class_name !== 'string') return {unsupported: JSON.stringify(raw)?.slice(0, 60) ?? 'none'};
  const cls = opt.class_name.replace(/^(Custom|keras\.optimizers|Addons)>/, '').replace(/^legacy\./, '');
  const c = isObject(opt.config) ? opt.config : {};
  const lr = num(c.learning_rate ?? c.lr ?? c.learningRate, 0.001);
  switch (cls.toLowerCase()) {
    case 'adam':
      if (c.amsgrad === true) return {unsupported: 'Adam with amsgrad=True'};
      return {class_name: 'Adam', config: {learning_rate: lr, beta_1: num(c.beta_1 ?? c.beta1, 0.9), beta_2: num(c.beta_2 ?? c.beta2, 0.999), epsilon: num(c.epsilon, 1e-7)}};
    case 'rmsprop':
      return {class_name: 'RMSProp', config: {learning_rate: lr, decay: num(c.rho ?? c.decay, 0.9), momentum: num(c.momentum, 0), epsilon: num(c.epsilon, 1e-7), centered: c.centered === true}};
    case 'sgd':
    case 'momentum': {
      const momentum = num(c.momentum, 0);
      if (momentum === 0 && cls.toLowerCase() === 'sgd') return {class_name: 'SGD', config: {learning_rate: lr}};
      return {class_name: 'Momentum', config: {learning_rate: lr, momentum, use_nesterov: c.nesterov === true || c.use_nesterov === true || c.useNesterov === true}};
    }
    case 'adagrad':
      return {class_name: 'Adagrad', config: {learning_rate: lr, initial_accumulator_value: num(c.initial_accumulator_value ?? c.initialAccumulatorValue, 0.1)}};
    case 'adadelta':
      return {class_name: 'Adadelta', config: {learning_rate: lr, rho: num(c.rho, 0.95), epsilon: num(c.epsilon, 1e-7)}};
    case 'adamax':
      return {class_name: 'Adamax', config: {learning_rate: lr, beta_1: num(c.beta_1 ?? c.beta1, 0.9), beta_2: num(c.beta_2 ?? c.beta2, 0.999), epsilon: num(c.epsilon, 1e-7), decay: 0}};
    default:
      return {unsupported: cls};
  }
}

export interface NormalizedTraining {
  trainingConfig?: TrainingConfig;
  /** TensorFlow.js optimizer class ('Adam', 'RMSProp', ...), when the optimizer is supported. */
  optimizerClass?: string;
  warnings: string[];
}

/**
 * Keras `training_config` (Keras 1/2, tf.keras, TensorFlow.js) or Keras 3 `compile_config` to the
 * TrainingConfig TensorFlow.js compiles from. What TensorFlow.js cannot compile is left out with
 * a warning: the model then loads uncompiled, as Keras does with compile=False.
 */
export function normalizeTrainingConfig(raw: unknown): NormalizedTraining {
  const warnings: string[] = [];
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {warnings: ['training_config is not valid JSON; the model loads uncompiled']};
    }
  }
  if (!isObject(value as Json)) return {warnings};
  const t = stripSerializationWrappers(value as Json) as JsonObject;
  const optimizerRaw = t.optimizer_config ?? t.optimizer;
  // Keras 3 writes `compile_config: {}` for a model that was never compiled.
  if (optimizerRaw == null && t.loss == null) return {warnings};
  const optimizer = optimizerToTfjs(optimizerRaw ?? null);
  if ('unsupported' in optimizer) {
    warnings.push(`optimizer '${optimizer.unsupported}' is not available in TensorFlow.js; the model loads uncompiled`);
    return {warnings};
  }
  let loss: string | string[] | {[k: string]: string} | undefined;
  if (Array.isArray(t.loss)) {
    const names = t.loss.map(lossName);
    if (names.every(Boolean)) loss = names as string[];
  } else if (isObject(t.loss) && !('class_name' in t.loss)) {
    const entries = Object.entries(t.loss).map(([k, v]) => [k, lossName(v)] as const);
    if (entries.every(([, n]) => n)) loss = Object.fromEntries(entries) as {[k: string]: string};
  } else {
    loss = lossName(t.loss ?? null);
  }
  if (!loss) {
    warnings.push(`loss ${JSON.stringify(t.loss)} is not available in TensorFlow.js; the model loads uncompiled`);
    return {warnings};
  }
  const metrics: string[] = [];
  const flat = (v: Json | undefined): Json[] => (Array.isArray(v) ? v.flatMap((x) => flat(x)) : v == null ? [] : [v]);
  const metricSource = isObject(t.metrics) ? Object.values(t.metrics) : t.metrics;
  for (const m of flat(metricSource as Json)) {
    const keras = metricName(m);
    const n = keras === undefined ? undefined : tfjsMetricName(keras, loss);
    if (n && !metrics.includes(n)) metrics.push(n);
    else if (!n) warnings.push(`metric ${JSON.stringify(m).slice(0, 80)} is not available in TensorFlow.js and is dropped`);
  }
  if (t.loss_weights != null) warnings.push('loss_weights are not supported by TensorFlow.js and are dropped');
  if (t.weighted_metrics != null && flat(t.weighted_metrics).length > 0) warnings.push('weighted_metrics are not supported by TensorFlow.js and are dropped');
  const trainingConfig = {
    optimizer_config: optimizer,
    loss,
    metrics: metrics.length ? metrics : undefined,
  } as unknown as TrainingConfig;
  return {trainingConfig, optimizerClass: optimizer.class_name, warnings};
}

/** Keras-style optimizer config from TensorFlow.js's (camelCase or snake_case keys). */
function kerasOptimizer(tc: JsonObject): {class_name: string; config: JsonObject} | undefined {
  const opt = tc.optimizer_config;
  if (!isObject(opt) || typeof opt.class_name !== 'string') return undefined;
  const c = isObject(opt.config) ? opt.config : {};
  const get = (...keys: string[]) => keys.map((k) => c[k]).find((v) => typeof v === 'number') as number | undefined;
  const lr = get('learning_rate', 'learningRate', 'lr') ?? 0.001;
  switch (opt.class_name) {
    case 'Adam':
      return {class_name: 'Adam', config: {name: 'Adam', learning_rate: lr, beta_1: get('beta_1', 'beta1') ?? 0.9, beta_2: get('beta_2', 'beta2') ?? 0.999, epsilon: get('epsilon') ?? 1e-7, amsgrad: false}};
    case 'Adamax':
      return {class_name: 'Adamax', config: {name: 'Adamax', learning_rate: lr, beta_1: get('beta_1', 'beta1') ?? 0.9, beta_2: get('beta_2', 'beta2') ?? 0.999, epsilon: get('epsilon') ?? 1e-7}};
    case 'RMSProp':
      return {class_name: 'RMSprop', config: {name: 'RMSprop', learning_rate: lr, rho: get('decay', 'rho') ?? 0.9, momentum: get('momentum') ?? 0, epsilon: get('epsilon') ?? 1e-7, centered: c.centered === true}};
    case 'SGD':
      return {class_name: 'SGD', config: {name: 'SGD', learning_rate: lr, momentum: 0, nesterov: false}};
    case 'Momentum':
      return {class_name: 'SGD', config: {name: 'SGD', learning_rate: lr, momentum: get('momentum') ?? 0, nesterov: c.use_nesterov === true || c.useNesterov === true}};
    case 'Adagrad':
      return {class_name: 'Adagrad', config: {name: 'Adagrad', learning_rate: lr, initial_accumulator_value: get('initial_accumulator_value', 'initialAccumulatorValue') ?? 0.1, epsilon: 1e-7}};
    case 'Adadelta':
      return {class_name: 'Adadelta', config: {name: 'Adadelta', learning_rate: lr, rho: get('rho') ?? 0.95, epsilon: get('epsilon') ?? 1e-7}};
    default:
      return undefined;
  }
}

function lossForKeras(loss: Json | undefined): Json {
  if (typeof loss === 'string') return lossName(loss) ?? snake(loss);
  if (Array.isArray(loss)) return loss.map(lossForKeras);
  if (isObject(loss)) return Object.fromEntries(Object.entries(loss).map(([k, v]) => [k, lossForKeras(v)]));
  return loss ?? null;
}

function metricsForKeras(metrics: Json | undefined): Json {
  if (Array.isArray(metrics)) return metrics.map((m) => (typeof m === 'string' ? snake(m) : m));
  if (isObject(metrics)) return Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, metricsForKeras(v)]));
  return metrics ?? null;
}

/** tf.keras 2.x `training_config` from TensorFlow.js's TrainingConfig; undefined when not compiled. */
export function trainingConfigForKeras2(tc: unknown): JsonObject | undefined {
  if (!isObject(tc as Json)) return undefined;
  const t = tc as JsonObject;
  const optimizer = kerasOptimizer(t);
  if (!optimizer) return undefined;
  return {
    loss: lossForKeras(t.loss),
    metrics: metricsForKeras(t.metrics),
    weighted_metrics: null,
    loss_weights: null,
    sample_weight_mode: null,
    optimizer_config: optimizer,
  };
}

/** Keras 3 `compile_config` from TensorFlow.js's TrainingConfig; undefined when not compiled. */
export function compileConfigForKeras3(tc: unknown): JsonObject | undefined {
  if (!isObject(tc as Json)) return undefined;
  const t = tc as JsonObject;
  const optimizer = kerasOptimizer(t);
  if (!optimizer) return undefined;
  const config = {...optimizer.config, name: snake(optimizer.class_name)};
  return {
    optimizer: {module: 'keras.optimizers', class_name: optimizer.class_name, config, registered_name: null},
    loss: lossForKeras(t.loss),
    loss_weights: null,
    metrics: metricsForKeras(t.metrics),
    weighted_metrics: null,
    run_eagerly: false,
    steps_per_execution: 1,
    jit_compile: false,
  };
}

/** Optimizer classes TensorFlow.js compiles from a training config as they are. */
const TFJS_OPTIMIZERS = new Set(['Adam', 'Adamax', 'RMSProp', 'SGD', 'Momentum', 'Adagrad', 'Adadelta']);

/**
 * The training config of a TF.js folder as TensorFlow.js compiles it. tensorflowjs_converter
 * copies the Keras one, whose optimizer classes TensorFlow.js does not know (tf.keras >= 2.11
 * writes `Custom>Adam`): those are mapped, or dropped with a warning (the model loads
 * uncompiled, as Keras does with an optimizer it cannot restore).
 */
export function tfjsFolderTrainingConfig(raw: unknown): NormalizedTraining {
  const optimizer = isObject(raw as Json) ? (raw as JsonObject).optimizer_config : undefined;
  if (isObject(optimizer) && typeof optimizer.class_name === 'string' && TFJS_OPTIMIZERS.has(optimizer.class_name)) {
    return {trainingConfig: raw as TrainingConfig, optimizerClass: optimizer.class_name, warnings: []};
  }
  return normalizeTrainingConfig(raw);
}
