/**
 * Binds weights read from a Keras file to the weight names TensorFlow.js gives the same model,
 * and back. The names come from TensorFlow.js itself: the model is built from its config (with
 * cheap zero initializers) and each layer's variables are listed in order, the order Keras
 * stores them in.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {FormatError, WorkbenchError} from '../common/errors';
import {WRITER} from '../common/bytes';
import type {KerasArtifacts} from './artifacts';
import type {Json, JsonObject, LayerConfig, LegacyWeightLayout, ModelConfig} from './config';
import {walkLayers} from './config';
import {registerKerasCompatLayers} from './config-layers';
import {refuseConfigBeyondFile} from './declared-size';
import {explainUnknownClass} from './custom-objects';
import {explainBuildFailure} from './tfjs-errors';

export interface StoredArray {
  /** Name in the file (for messages and optimizer layout detection). */
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  data: Float32Array | Int32Array;
}

export interface WeightSlot {
  /** TensorFlow.js weight name (`originalName`), e.g. `dense_1/kernel`. */
  name: string;
  shape: number[];
  trainable: boolean;
}

/** A layer of the model as TensorFlow.js builds it, with what Keras 3 needs to place its weights. */
export interface LayerSlots {
  name: string;
  className: string;
  /** Every variable of the layer (nested models: all inner ones), in Keras storage order. */
  weights: WeightSlot[];
  /** Nested model layers, in config order. */
  layers?: LayerSlots[];
  /** The wrapped layer(s) of Bidirectional / TimeDistributed. */
  wrapped?: {forward: LayerSlots; backward?: LayerSlots};
  /** Layer input shape without the batch dimension, for Keras 3 build_config. */
  inputShape?: (number | null)[] | (number | null)[][];
  outputShape?: (number | null)[] | (number | null)[][];
}

export interface ModelSlots {
  layers: LayerSlots[];
  /** Trainable weights in the order optimizers keep their slots. */
  trainable: WeightSlot[];
}

export const RECURRENT_CLASSES = new Set(['LSTM', 'GRU', 'SimpleRNN', 'ConvLSTM2D', 'RNN']);
export const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

function zeroInitializers(value: Json): Json {
  if (Array.isArray(value)) return value.map(zeroInitializers);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = k.endsWith('_initializer') && v !== null ? {class_name: 'Zeros', config: {}} : zeroInitializers(v);
  }
  return out;
}

function describeLayer(layer: tfl.layers.Layer): LayerSlots {
  const slots: LayerSlots = {
    name: layer.name,
    className: layer.getClassName(),
    weights: layer.weights.map((w) => ({name: w.originalName, shape: [...w.shape] as number[], trainable: w.trainable})),
  };
  try {
    slots.inputShape = stripBatch((layer.inboundNodes[0] as unknown as {inputShapes?: unknown} | undefined)?.inputShapes);
    slots.outputShape = stripBatch(layer.outputShape);
  } catch {
    // Shared layers have several input shapes; Keras 3 does not need them to place weights.
  }
  if ('layers' in layer && Array.isArray((layer as unknown as tfl.LayersModel).layers) && MODEL_CLASSES.has(slots.className)) {
    const inner = (layer as unknown as tfl.LayersModel).layers.filter((l) => l.getClassName() !== 'InputLayer' || slots.className !== 'Sequential');
    slots.layers = inner.map(describeLayer);
  }
  const wrapper = layer as unknown as {forwardLayer?: tfl.layers.Layer; backwardLayer?: tfl.layers.Layer; layer?: tfl.layers.Layer};
  if (slots.className === 'Bidirectional' && wrapper.forwardLayer && wrapper.backwardLayer) {
    slots.wrapped = {forward: describeLayer(wrapper.forwardLayer), backward: describeLayer(wrapper.backwardLayer)};
  } else if (slots.className === 'TimeDistributed' && wrapper.layer) {
    slots.wrapped = {forward: describeLayer(wrapper.layer)};
  }
  return slots;
}

function stripBatch(shape: unknown): (number | null)[] | (number | null)[][] | undefined {
  if (!Array.isArray(shape)) return undefined;
  if (shape.length === 1 && Array.isArray(shape[0])) return (shape[0] as (number | null)[]).slice(1);
  if (shape.length > 0 && Array.isArray(shape[0])) return (shape as (number | null)[][]).map((s) => s.slice(1));
  return (shape as (number | null)[]).slice(1);
}

/** Builds the model in TensorFlow.js (zero initializers, disposed at once) to list its weights. */
export async function describeModel(config: ModelConfig, file: string): Promise<ModelSlots> {
  registerKerasCompatLayers();
  refuseUnknownLayers(config, file);
  refuseConfigBeyondFile(config, file);
  let model: tfl.LayersModel;
  try {
    model = await tfl.models.modelFromJSON({modelTopology: zeroInitializers(config) as JsonObject} as never);
  } catch (e) {
    // An unknown class, or one of our Keras layers naming the argument it cannot honour.
    const known = explainUnknownClass(e, file);
    if (known instanceof WorkbenchError) throw known;
    throw new FormatError(file, `TensorFlow.js cannot build this model from its config: ${await explainBuildFailure(config, e)}`);
  }
  try {
    const names = ((config.config.layers as LayerConfig[] | undefined) ?? []).map((l) => (l.config.name ?? l.name) as string);
    const layers = names.map((n) => {
      const found = model.layers.find((l) => l.name === n);
      return found ? describeLayer(found) : undefined;
    }).filter((l): l is LayerSlots => !!l);
    const trainable = model.trainableWeights.map((w) => ({name: w.originalName, shape: [...w.shape] as number[], trainable: true}));
    return {layers, trainable};
  } finally {
    model.dispose();
  }
}

function refuseUnknownLayers(config: ModelConfig, file: string): void {
  const known = tf.serialization.SerializationMap.getMap().classNameMap;
  walkLayers(config, (layer) => {
    if (!(layer.class_name in known)) {
      throw new FormatError(file, `layer '${String(layer.config.name ?? layer.name ?? '?')}' (${layer.class_name}) is not implemented in ` +
        'TensorFlow.js; to load this model, register an implementation of it through custom_objects');
    }
  });
}

function shapeText(shape: number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

function sameShape(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function concatColumns(parts: StoredArray[]): StoredArray {
  // Concatenate 2-D (rows, cols_i) or 1-D (cols_i) arrays along the last axis.
  const rows = parts[0].shape.length === 2 ? parts[0].shape[0] : 1;
  const cols = parts.map((p) => p.shape[p.shape.length - 1]);
  const total = cols.reduce((a, b) => a + b, 0);
  const out = new Float32Array(rows * total);
  for (let r = 0; r < rows; r++) {
    let offset = 0;
    parts.forEach((p, i) => {
      out.set(p.data.subarray(r * cols[i], (r + 1) * cols[i]), r * total + offset);
      offset += cols[i];
    });
  }
  return {name: parts.map((p) => p.name).join('+'), shape: parts[0].shape.length === 2 ? [rows, total] : [total], dtype: 'float32', data: out};
}

/** Keras 1 layouts to Keras 2's: split recurrent gates concatenated, Conv1D kernels squeezed. */
export function convertLegacyWeights(layout: LegacyWeightLayout, arrays: StoredArray[], file: string, layer: string): StoredArray[] {
  const byGate = (suffixes: string[]) => {
    const find = (s: string) => {
      const a = arrays.find((x) => new RegExp(`_${s}(:0)?$`).test(x.name));
      if (!a) throw new FormatError(file, `layer '${layer}': Keras 1 weight '*_${s}' is missing (found ${arrays.map((x) => x.name).join(', ')})`);
      return a;
    };
    return suffixes.map(find);
  };
  if (layout === 'keras1-lstm' && arrays.length === 12) {
    // Keras 1 stores gates i, c, f, o separately; Keras 2 and TensorFlow.js concatenate i, f, c, o.
    const order = ['i', 'f', 'c', 'o'];
    return [
      concatColumns(byGate(order.map((g) => `W_${g}`))),
      concatColumns(byGate(order.map((g) => `U_${g}`))),
      concatColumns(byGate(order.map((g) => `b_${g}`))),
    ];
  }
  if (layout === 'keras1-gru' && arrays.length === 9) {
    const order = ['z', 'r', 'h'];
    return [
      concatColumns(byGate(order.map((g) => `W_${g}`))),
      concatColumns(byGate(order.map((g) => `U_${g}`))),
      concatColumns(byGate(order.map((g) => `b_${g}`))),
    ];
  }
  if (layout === 'keras1-conv1d' && arrays.length > 0 && arrays[0].shape.length === 4 && arrays[0].shape[1] === 1) {
    const [k, , inC, outC] = arrays[0].shape;
    return [{...arrays[0], shape: [k, inC, outC]}, ...arrays.slice(1)];
  }
  return arrays;
}

export interface BoundWeights {
  specs: tf.io.WeightsManifestEntry[];
  buffers: Uint8Array[];
}

function pushArray(out: BoundWeights, name: string, array: StoredArray, group?: 'model' | 'optimizer'): void {
  const spec: tf.io.WeightsManifestEntry = {name, shape: array.shape, dtype: array.dtype};
  if (group === 'optimizer') spec.group = 'optimizer';
  out.specs.push(spec);
  const d = array.data;
  // A view, not a copy: kerasArtifacts concatenates the buffers into new memory anyway.
  out.buffers.push(new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
}

/**
 * Pairs each layer's stored arrays (in the file's order) with the TensorFlow.js weights of the
 * layer of the same name, checking counts and shapes.
 */
export function bindLayerWeights(
  file: string,
  model: ModelSlots,
  stored: Map<string, StoredArray[]>,
  legacy: Map<string, LegacyWeightLayout> = new Map(),
): BoundWeights {
  const out: BoundWeights = {specs: [], buffers: []};
  const withWeights = model.layers.filter((l) => l.weights.length > 0);
  // Keras pairs the model's layers that have weights with the file's layers that have weights,
  // in order (load_weights_from_hdf5_group); names only have to match when loading by name.
  const fileLayers = [...stored.entries()].filter(([, a]) => a.length > 0);
  if (fileLayers.length !== withWeights.length) {
    throw new FormatError(file, `holds weights for ${fileLayers.length} layers (${fileLayers.map(([n]) => n).join(', ') || 'none'}) ` +
      `but the model has ${withWeights.length} layers with weights (${withWeights.map((l) => l.name).join(', ')})`);
  }
  withWeights.forEach((layer, k) => {
    const [storedName, original] = fileLayers[k];
    let arrays = original;
    const layout = legacy.get(layer.name);
    if (layout) arrays = convertLegacyWeights(layout, arrays, file, storedName);
    const label = storedName === layer.name ? `layer '${layer.name}'` : `layer '${layer.name}' (stored as '${storedName}')`;
    if (arrays.length !== layer.weights.length) {
      throw new FormatError(file, `${label} (${layer.className}) expects ${layer.weights.length} weights ` +
        `(${layer.weights.map((w) => w.name.split('/').pop()).join(', ')}) but the file holds ${arrays.length} (${arrays.map((a) => a.name).join(', ')})`);
    }
    layer.weights.forEach((slot, i) => {
      const a = arrays[i];
      if (!sameShape(a.shape, slot.shape)) {
        throw new FormatError(file, `${label} weight '${a.name}' has shape ${shapeText(a.shape)} ` +
          `but the model needs ${shapeText(slot.shape)} for ${slot.name}`);
      }
      pushArray(out, slot.name, a.dtype === 'float32' ? a : {...a, dtype: 'float32', data: Float32Array.from(a.data)});
    });
  });
  return out;
}

export type OptimizerVariableRole = 'iteration' | 'learning_rate' | 'm' | 'v' | 'vhat' | 'unknown';

/** What an optimizer variable is, from the names the Keras versions gave them. */
export function optimizerVariableRole(name: string): OptimizerVariableRole {
  const n = name.replace(/:0$/, '');
  if (/(^|\/)(iter|iterations|iteration)$/.test(n)) return 'iteration';
  if (/(^|\/)learning_rate$/.test(n)) return 'learning_rate';
  if (/\/m$/.test(n) || /(^|\/)m\//.test(n) || /_momentum$/.test(n)) return 'm';
  if (/\/vhat$/.test(n) || /(^|\/)vhat\//.test(n) || /_velocity_hat$/.test(n)) return 'vhat';
  if (/\/v$/.test(n) || /(^|\/)v\//.test(n) || /_velocity$/.test(n)) return 'v';
  return 'unknown';
}

export interface OptimizerBinding {
  bound?: BoundWeights;
  /** Why the optimizer state was not restored (Keras also warns and starts a fresh optimizer). */
  warning?: string;
}

/**
 * Adam state in TensorFlow.js's order: iterations, then first moments, then second moments, in
 * the order of the model's trainable weights. Keras files keep them blocked (Keras 2, tf.keras
 * <= 2.10) or interleaved per variable (tf.keras >= 2.11, Keras 3); names tell which.
 */
export function bindOptimizerWeights(optimizerClass: string | undefined, arrays: StoredArray[], model: ModelSlots): OptimizerBinding {
  if (arrays.length === 0) return {};
  const fresh = 'the optimizer starts from a fresh state, as Keras does when it cannot restore one';
  if (optimizerClass !== 'Adam') {
    return {warning: `optimizer state of ${optimizerClass ?? 'an unknown optimizer'} is not restored (only Adam state maps onto TensorFlow.js); ${fresh}`};
  }
  const p = model.trainable.length;
  const roles = arrays.map((a) => optimizerVariableRole(a.name));
  const iteration = arrays[roles.indexOf('iteration')] ?? undefined;
  let ms: StoredArray[] = arrays.filter((_, i) => roles[i] === 'm');
  let vs: StoredArray[] = arrays.filter((_, i) => roles[i] === 'v');
  if (ms.length === 0 && vs.length === 0) {
    // Keras 1 / 2.0 / 2.1 name them Variable_N: [iterations, m..., v..., (vhat...)] by position.
    const rest = iteration ? arrays.filter((a) => a !== iteration) : arrays.slice(1);
    const first = iteration ?? arrays[0];
    if (rest.length === 2 * p || rest.length === 3 * p) {
      ms = rest.slice(0, p);
      vs = rest.slice(p, 2 * p);
      return finishAdam(first, ms, vs, model, fresh);
    }
    if (arrays.length === 1 && iteration) {
      return {warning: `optimizer_weights holds only the iteration counter (no moment estimates: the model was saved before training); ${fresh}`};
    }
    return {warning: `optimizer_weights holds ${arrays.length} arrays, which do not match Adam's layout for ${p} trainable weights; ${fresh}`};
  }
  if (!iteration) return {warning: `optimizer state has no iteration counter; ${fresh}`};
  return finishAdam(iteration, ms, vs, model, fresh);
}

function finishAdam(iteration: StoredArray, ms: StoredArray[], vs: StoredArray[], model: ModelSlots, fresh: string): OptimizerBinding {
  const p = model.trainable.length;
  if (ms.length !== p || vs.length !== p) {
    return {warning: `optimizer state holds ${ms.length} first and ${vs.length} second moments for ${p} trainable weights; ${fresh}`};
  }
  for (let i = 0; i < p; i++) {
    if (!sameShape(ms[i].shape, model.trainable[i].shape) || !sameShape(vs[i].shape, model.trainable[i].shape)) {
      return {warning: `optimizer moment '${ms[i].name}' has shape ${shapeText(ms[i].shape)} but weight ${model.trainable[i].name} ` +
        `has ${shapeText(model.trainable[i].shape)}; ${fresh}`};
    }
  }
  const bound: BoundWeights = {specs: [], buffers: []};
  const iter = Math.round(Number(iteration.data[0] ?? 0));
  pushArray(bound, 'iter', {name: iteration.name, shape: [], dtype: 'int32', data: Int32Array.of(iter)}, 'optimizer');
  ms.forEach((m, i) => pushArray(bound, `${model.trainable[i].name}/m`, toFloat(m), 'optimizer'));
  vs.forEach((v, i) => pushArray(bound, `${model.trainable[i].name}/v`, toFloat(v), 'optimizer'));
  return {bound};
}

function toFloat(a: StoredArray): StoredArray {
  return a.dtype === 'float32' ? a : {...a, dtype: 'float32', data: Float32Array.from(a.data)};
}

export {concatBuffers} from '../common/bytes';

/** Adds the bound optimizer state to the model's weights, or records why it was left out. */
export function appendOptimizer(bound: BoundWeights, binding: OptimizerBinding, warnings: string[]): void {
  if (binding.warning) warnings.push(binding.warning);
  if (binding.bound) {
    bound.specs.push(...binding.bound.specs);
    bound.buffers.push(...binding.bound.buffers);
  }
}

/** What every Keras reader (HDF5, .keras, SavedModel) returns once config and weights are bound. */
export function kerasArtifacts(modelTopology: ModelConfig, trainingConfig: tf.io.TrainingConfig | undefined,
  bound: BoundWeights, version: string | undefined, warnings: string[]): KerasArtifacts {
  return {
    modelTopology: modelTopology as never,
    trainingConfig,
    weightSpecs: bound.specs,
    // One buffer per weight, not one joined copy: tfjs reads WeightData lists as they are.
    weightData: bound.buffers.map(wholeBuffer),
    format: 'layers-model',
    generatedBy: version ? `keras v${version}` : 'keras',
    convertedBy: WRITER,
    kerasVersion: version,
    warnings: warnings.length ? warnings : undefined,
  };
}

function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes.buffer as ArrayBuffer : bytes.slice().buffer;
}

/** The artifacts' weights by name, decoded (float32 / int32), in manifest order. */
export function decodeArtifactWeights(specs: tf.io.WeightsManifestEntry[], data: tf.io.WeightData | undefined, file: string): Map<string, StoredArray & {group?: string}> {
  const parts = data === undefined ? [] : Array.isArray(data) ? data : [data];
  for (const s of specs) {
    if (s.quantization) throw new FormatError(file, `weight '${s.name}' is quantized; Keras files hold float32 weights only`);
    if (s.dtype !== 'float32' && s.dtype !== 'int32') throw new FormatError(file, `weight '${s.name}' has dtype ${s.dtype}; only float32 and int32 can be written`);
  }
  const held = parts.reduce((n, b) => n + b.byteLength, 0);
  const described = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (described !== held) throw new FormatError(file, `weight data holds ${held} bytes but the specs describe ${described}`);
  // Views into the artifacts' buffers, not copies (writers only read them; copying 180 MB of
  // weights per save showed in the timings). Every dtype here is 4 bytes, so views stay aligned.
  // Only a weight split across two buffers needs the buffers joined first.
  const views = weightViews(specs, parts) ?? weightViews(specs, [tf.io.concatenateArrayBuffers(parts)])!;
  const out = new Map<string, StoredArray & {group?: string}>();
  specs.forEach((s, i) => out.set(s.name, {name: s.name, shape: [...s.shape], dtype: s.dtype as 'float32' | 'int32', data: views[i], group: s.group}));
  return out;
}

function weightViews(specs: tf.io.WeightsManifestEntry[], parts: ArrayBuffer[]): Array<Float32Array | Int32Array> | undefined {
  const views: Array<Float32Array | Int32Array> = [];
  let part = 0;
  let offset = 0;
  for (const s of specs) {
    const count = s.shape.reduce((a, b) => a * b, 1);
    while (part < parts.length && offset === parts[part].byteLength && count > 0) {
      part++;
      offset = 0;
    }
    const buffer = parts[part] ?? new ArrayBuffer(0);
    if (offset + count * 4 > buffer.byteLength) return undefined;
    views.push(s.dtype === 'float32' ? new Float32Array(buffer, offset, count) : new Int32Array(buffer, offset, count));
    offset += count * 4;
  }
  return views;
}
