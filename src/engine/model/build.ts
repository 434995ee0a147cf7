/**
 * Builds a Keras model from the spec: a list of layers with Keras argument names, or a Keras
 * model config (`model.to_json()`). TensorFlow.js deserializes Keras configs itself (snake_case
 * keys, Keras class names), so the spec is turned into one and handed over.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {LayerSpec, TrainSpec, type OptimizerName, type OptimizerSpec} from '../spec/spec';
import {SpecError} from '../../common/errors';
import {layerArgs} from '../../keras/analysis/catalog';
import {checkLayerArguments} from '../../keras/analysis/model-analysis';
import {registerKerasCompatLayers} from '../../keras/config-layers';
import {configKerasVersion, normalizeModelConfig} from '../../keras/config';
import {StatefulAdamax} from '../../keras/stateful-adamax';

const INITIALIZER_CLASSES: Record<string, string> = {
  glorot_uniform: 'GlorotUniform', glorot_normal: 'GlorotNormal', he_uniform: 'HeUniform',
  he_normal: 'HeNormal', lecun_uniform: 'LeCunUniform', lecun_normal: 'LeCunNormal',
  random_uniform: 'RandomUniform', random_normal: 'RandomNormal', truncated_normal: 'TruncatedNormal',
  orthogonal: 'Orthogonal',
};
const SEEDED_ARGS = ['kernel_initializer', 'recurrent_initializer', 'embeddings_initializer', 'depthwise_initializer',
  'pointwise_initializer'];
const DEFAULT_KERNEL_INITIALIZER = {class_name: 'GlorotUniform', config: {}};

/**
 * Gives every random initializer a seed derived from the run's seed and the layer's position,
 * so that the same spec builds the same weights on every run.
 */
function seedInitializers(type: string, config: Record<string, unknown>, seed: number, layerIndex: number): void {
  const seeded = (value: unknown, slot: number): unknown => {
    const s = seed * 1000 + layerIndex * 10 + slot;
    if (value === undefined) return {...DEFAULT_KERNEL_INITIALIZER, config: {seed: s}};
    if (typeof value === 'string') {
      const cls = INITIALIZER_CLASSES[value] ?? INITIALIZER_CLASSES[value.toLowerCase()];
      return cls ? {class_name: cls, config: {seed: s}} : value;
    }
    if (value && typeof value === 'object' && 'class_name' in value) {
      const v = value as {class_name: string; config?: Record<string, unknown>};
      return {class_name: v.class_name, config: {seed: s, ...v.config}};
    }
    return value;
  };
  // A separable convolution has filters but no kernel (its kernels are depthwise and pointwise).
  const defaults = type === 'SeparableConv2D' ? ['depthwise_initializer', 'pointwise_initializer']
    : type === 'DepthwiseConv2D' ? ['depthwise_initializer']
      : 'units' in config || 'filters' in config ? ['kernel_initializer'] : [];
  SEEDED_ARGS.forEach((arg, slot) => {
    if (arg in config || defaults.includes(arg)) {
      config[arg] = seeded(config[arg], slot);
    }
  });
}

/** Keras's default layer name stem: `Conv2D` -> `conv2d`, `MaxPooling2D` -> `max_pooling2d`. */
export function kerasSnakeCase(className: string): string {
  return className.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Where TensorFlow.js's default computes other numbers than Keras's (LSTM's hard_sigmoid gates,
 * GRU's reset_after), the catalog says so and Keras's default is written.
 */
function writeKerasDefaults(type: string, config: Record<string, unknown>): void {
  for (const [arg, info] of Object.entries(layerArgs(type))) {
    if (info.tfjsDefault !== undefined && config[arg] === undefined) config[arg] = info.default;
  }
}

export function layersToConfig(name: string, layers: LayerSpec[], seed: number): {class_name: string; config: unknown} {
  const used = new Map<string, number>();
  // Keras names layers `dense`, `dense_1`, ... per class; TensorFlow.js would say `dense_Dense1`.
  const defaultName = (type: string) => {
    const stem = kerasSnakeCase(type);
    const n = used.get(stem) ?? 0;
    used.set(stem, n + 1);
    return n === 0 ? stem : `${stem}_${n}`;
  };
  return {
    class_name: 'Sequential',
    config: {
      name,
      layers: layers.map((layer, i) => {
        const {type, ...args} = layer;
        const config: Record<string, unknown> = {...args, name: args.name ?? defaultName(type)};
        writeKerasDefaults(type, config);
        // A wrapper's layers too (Bidirectional's LSTM would otherwise get TensorFlow.js's hard_sigmoid).
        for (const key of ['layer', 'backward_layer']) {
          const wrapped = config[key] as {class_name?: unknown; config?: Record<string, unknown>} | undefined;
          if (wrapped && typeof wrapped.class_name === 'string') {
            const inner = {...wrapped.config};
            writeKerasDefaults(wrapped.class_name, inner);
            config[key] = {...wrapped, config: inner};
          }
        }
        // TensorFlow.js's UpSampling2D reads an integer size as no upsampling at all (an empty output).
        if (type === 'UpSampling2D' && typeof config.size === 'number') config.size = [config.size, config.size];
        seedInitializers(type, config, seed, i);
        return {class_name: type, config};
      }),
    },
  };
}

async function fromConfig(topology: {class_name: string; config: unknown}): Promise<tfl.LayersModel> {
  return tfl.models.modelFromJSON({modelTopology: topology as never});
}

export interface BuildOptions {
  /** Layer classes registered through custom objects: built without the catalog's argument checks. */
  customLayers?: readonly string[];
}

export async function buildModel(spec: TrainSpec, specFile: string, options: BuildOptions = {}): Promise<tfl.LayersModel> {
  // Keras layers TensorFlow.js lacks (GroupNormalization, Normalization, ...) and Keras's options it lacks.
  registerKerasCompatLayers();
  const model = spec.model;
  if ('layers' in model) {
    // TensorFlow.js ignores arguments it does not know; Keras raises on them, and so do we.
    model.layers.forEach((layer, i) => {
      const problem = checkLayerArguments(layer, options).find((p) => p.severity === 'error');
      if (problem) throw new SpecError(specFile, `model.layers[${i}]${problem.arg ? `.${problem.arg}` : ''}`, problem.message);
    });
    const topology = layersToConfig(model.name ?? spec.name.replace(/[^A-Za-z0-9_]/g, '_'), model.layers, spec.fit.seed);
    try {
      return await fromConfig(topology);
    } catch (error) {
      // Find the first layer whose arguments TensorFlow.js rejects, to name it in the error.
      for (let n = 1; n <= model.layers.length; n++) {
        try {
          const prefix = layersToConfig('probe', model.layers.slice(0, n), spec.fit.seed);
          (await fromConfig(prefix)).dispose();
        } catch (inner) {
          throw new SpecError(specFile, `model.layers[${n - 1}]`, `${model.layers[n - 1].type}: ${(inner as Error).message}`);
        }
      }
      throw new SpecError(specFile, 'model.layers', (error as Error).message);
    }
  }
  if ('config' in model) {
    try {
      // model.to_json() of any Keras, in TensorFlow.js's dialect (Keras 3's InputLayer has batch_shape, ...).
      return await fromConfig(normalizeModelConfig(model.config, {file: specFile, kerasVersion: configKerasVersion(model.config)}).config);
    } catch (error) {
      throw new SpecError(specFile, 'model.config', (error as Error).message);
    }
  }
  throw new Error('buildModel: a saved model is loaded with loadModel, not built');
}

/** Keras's defaults for each optimizer's arguments (what a spec that leaves them out trains with). */
export const OPTIMIZER_DEFAULTS: Record<OptimizerName, Omit<OptimizerSpec, 'class_name'>> = {
  adam: {learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7},
  adamax: {learning_rate: 0.001, beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7},
  sgd: {learning_rate: 0.01, momentum: 0, nesterov: false},
  rmsprop: {learning_rate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7},
  adagrad: {learning_rate: 0.001},
  adadelta: {learning_rate: 0.001, rho: 0.95, epsilon: 1e-7},
};

/** The optimizer's arguments with Keras's defaults filled in. */
export function resolvedOptimizer(spec: OptimizerSpec): Required<Pick<OptimizerSpec, 'class_name' | 'learning_rate'>> & OptimizerSpec {
  const defined = Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined));
  return {...OPTIMIZER_DEFAULTS[spec.class_name], ...defined} as Required<Pick<OptimizerSpec, 'class_name' | 'learning_rate'>> & OptimizerSpec;
}

export function createOptimizer(optimizer: TrainSpec['compile']['optimizer']): tf.Optimizer {
  const spec = resolvedOptimizer(optimizer);
  const lr = spec.learning_rate;
  switch (spec.class_name) {
    case 'adam': return tf.train.adam(lr, spec.beta_1, spec.beta_2, spec.epsilon);
    case 'adamax': return new StatefulAdamax(lr, spec.beta_1!, spec.beta_2!, spec.epsilon!);
    case 'sgd': return spec.momentum
      ? tf.train.momentum(lr, spec.momentum, spec.nesterov ?? false)
      : tf.train.sgd(lr);
    case 'rmsprop': return tf.train.rmsprop(lr, spec.rho, spec.momentum, spec.epsilon);
    case 'adagrad': return tf.train.adagrad(lr);
    case 'adadelta': return tf.train.adadelta(lr, spec.rho, spec.epsilon);
  }
}

/** TensorFlow.js's names for Keras losses, as stored in a tfjs training config. */
export function tfjsLossName(kerasLoss: string): string {
  return kerasLoss.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
