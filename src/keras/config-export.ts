/**
 * Model configs for the files we write: the tf.keras 2.x dialect for `.h5` and the Keras 3
 * dialect (module / registered_name, DTypePolicy, batch_shape, build_config, keras tensors in
 * inbound nodes) for `.keras`. Input is a normalized (TensorFlow.js dialect) config.
 */
import {FormatError} from '../common/errors';
import type {Json, JsonObject, LayerConfig, ModelConfig} from './config';
import type {LayerSlots, ModelSlots} from './config-weights';
import {MODEL_CLASSES, RECURRENT_CLASSES} from './config-weights';
import {TENSOR_CALL_ARGUMENTS} from './config';

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function layersOf(model: ModelConfig): LayerConfig[] {
  return (model.config.layers as LayerConfig[] | undefined) ?? [];
}

function layerName(layer: LayerConfig): string {
  return String(layer.config.name ?? layer.name);
}

/** TensorFlow.js's VarianceScaling 'normal' is a truncated normal, as in tf.keras 2; Keras 3 spells it so. */
function kerasInitializer(init: Json): Json {
  if (!isObject(init) || typeof init.class_name !== 'string') return init;
  const config = isObject(init.config) ? {...init.config} : {};
  if (init.class_name === 'VarianceScaling' && config.distribution === 'normal') config.distribution = 'truncated_normal';
  return {class_name: init.class_name, config};
}

/**
 * Keras 3 layers whose constructor takes only these arguments (no **kwargs): any other key, even
 * `trainable` or an input shape, makes Keras 3 refuse the file. None of them has weights.
 */
const KERAS3_CLOSED_ARGUMENTS: Record<string, string[]> = {
  SpatialDropout1D: ['rate', 'seed', 'name', 'dtype'],
  SpatialDropout2D: ['rate', 'data_format', 'seed', 'name', 'dtype'],
  Discretization: ['bin_boundaries', 'num_bins', 'epsilon', 'output_mode', 'sparse', 'dtype', 'name'],
};

/** Shared layer-config fixes for both dialects: explicit values where Keras defaults differ from TensorFlow.js's. */
function kerasLayerConfig(layer: LayerConfig): JsonObject {
  const c: JsonObject = {...layer.config};
  const closed = KERAS3_CLOSED_ARGUMENTS[layer.class_name];
  if (closed) for (const key of Object.keys(c)) if (!closed.includes(key)) delete c[key];
  for (const key of Object.keys(c)) {
    if (key.endsWith('_initializer')) c[key] = kerasInitializer(c[key]);
  }
  if (layer.class_name === 'GRU') c.reset_after = c.reset_after ?? false;
  if (layer.class_name === 'LSTM' && typeof c.unit_forget_bias !== 'boolean') c.unit_forget_bias = true;
  if (layer.class_name === 'ReLU') {
    c.negative_slope = c.negative_slope ?? 0;
    c.threshold = c.threshold ?? 0;
    c.max_value = c.max_value ?? null;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------
// tf.keras 2.x

function keras2Layer(layer: LayerConfig): LayerConfig {
  if (MODEL_CLASSES.has(layer.class_name)) {
    const nested = toKeras2ModelConfig(layer as ModelConfig);
    return {...layer, class_name: nested.class_name, config: nested.config};
  }
  const c = kerasLayerConfig(layer);
  // Keras 3 reads a wrapped layer by module, as tf.keras 2.13+ writes it; older tf.keras ignores the keys.
  for (const key of ['layer', 'backward_layer']) {
    if (isObject(c[key])) c[key] = {module: 'keras.layers', ...keras2Layer(c[key] as LayerConfig), registered_name: null};
  }
  // Keras 3 reads a string naming one of its functions as that function (score_mode 'dot' -> keras.layers.dot); 'dot' is the default.
  if (layer.class_name === 'Attention' && c.score_mode === 'dot') delete c.score_mode;
  const tensorArgs = TENSOR_CALL_ARGUMENTS[layer.class_name];
  if (tensorArgs && Array.isArray(layer.inbound_nodes)) {
    return {...layer, config: c, inbound_nodes: layer.inbound_nodes.map((n) => keras2KeywordTensors(n, tensorArgs))};
  }
  return {...layer, config: c};
}

/** tf.keras 2 writes mha(query, value, key) as [[query, 0, 0, {"value": [value, 0, 0], "key": [key, 0, 0]}]]. */
function keras2KeywordTensors(node: Json, tensorArgs: string[]): Json {
  if (!Array.isArray(node) || node.length < 2) return node;
  const links = node as Json[][];
  const kwargs: JsonObject = {...(isObject(links[0][3]) ? links[0][3] : {})};
  links.slice(1).forEach((l, i) => { kwargs[tensorArgs[i + 1]] = l.slice(0, 3); });
  return [[...links[0].slice(0, 3), kwargs]];
}

/** The config tf.keras 2.x writes: Sequential starts with an InputLayer, functional models are 'Model'. */
export function toKeras2ModelConfig(model: ModelConfig): ModelConfig {
  const layers = layersOf(model).map(keras2Layer);
  if (model.class_name === 'Sequential') {
    const firstShape = layersOf(model)[0]?.config.batch_input_shape;
    const withInput = Array.isArray(firstShape)
      ? [{class_name: 'InputLayer', config: {batch_input_shape: firstShape, dtype: 'float32', sparse: false, ragged: false,
        name: `${layerName(layers[0])}_input`}} as LayerConfig, ...layers]
      : layers;
    return {class_name: 'Sequential', config: {name: model.config.name ?? 'sequential', layers: withInput}};
  }
  return {class_name: 'Model', config: {...model.config, layers}};
}

/** Layer names in the order tf.keras writes `layer_names` (Sequential: without its input layer). */
export function keras2LayerNames(model: ModelConfig): string[] {
  return layersOf(model).map(layerName);
}

/**
 * What Keras 3 makes of a tf.keras 2 `.h5` with this model, layer by layer: the layers it would
 * refuse or compute differently, each with the difference and the alternative (the warnings of
 * an `.h5` save). tf.keras 2.x reads the file as written.
 */
export function keras3H5Differences(model: ModelConfig): string[] {
  const out: string[] = [];
  const visit = (layer: LayerConfig): void => {
    if (MODEL_CLASSES.has(layer.class_name)) return layersOf(layer as ModelConfig).forEach(visit);
    const c = layer.config;
    const label = `layer '${layerName(layer)}' (${layer.class_name})`;
    for (const key of ['activation', 'recurrent_activation']) {
      if (c[key] !== 'hard_sigmoid') continue;
      out.push(`${label}: Keras 3 loads this .h5 but computes its ${key} hard_sigmoid as relu6(x + 3) / 6, not tf.keras 2's ` +
        'clip(0.2x + 0.5, 0, 1): its predictions differ. tf.keras 2.x computes it as written; no Keras 3 activation has the old formula, ' +
        `so .keras is refused for this layer (use ${key}='sigmoid' for a model both read alike)`);
    }
    if (layer.class_name === 'ThresholdedReLU') {
      const theta = Number(c.theta ?? 1);
      out.push(`${label}: Keras 3 has no ThresholdedReLU and refuses to load this .h5. ` +
        (theta >= 0 ? `Save as .keras for Keras 3, which writes it as ReLU(threshold=${theta}) (the same numbers)`
          : `No Keras 3 form exists for theta=${theta} (its ReLU threshold cannot be negative); tf.keras 2.x reads it`));
    }
    if (layer.class_name === 'MultiHeadAttention') {
      out.push(`${label}: Keras 3 refuses MultiHeadAttention in a tf.keras 2 .h5 (it rebuilds the layer without the value shape). ` +
        'Save as .keras for Keras 3');
    }
    for (const key of ['layer', 'backward_layer']) if (isObject(c[key])) visit(c[key] as LayerConfig);
  };
  layersOf(model).forEach(visit);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Keras 3

const DTYPE_POLICY = {module: 'keras', class_name: 'DTypePolicy', config: {name: 'float32'}, registered_name: null};

function keras3Object(module: string, obj: Json): Json {
  if (!isObject(obj) || typeof obj.class_name !== 'string') return obj;
  return {module, class_name: obj.class_name, config: isObject(obj.config) ? obj.config : {}, registered_name: null};
}

function withBatch(shape: unknown): Json {
  if (!Array.isArray(shape)) return null;
  if (shape.length > 0 && Array.isArray(shape[0])) return (shape as Json[]).map((s) => withBatch(s));
  return [null, ...(shape as Json[])];
}

/** Keras 3 snake_case of a class name, as Keras names weight groups ("LeakyReLU" -> "leaky_re_lu"). */
export function kerasSnakeCase(name: string): string {
  return name
    .replace(/\W+/g, '')
    .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function refuseFor3(file: string, layer: LayerConfig, why: string): never {
  throw new FormatError(file, `cannot be written as Keras 3: layer '${layerName(layer)}' (${layer.class_name}) ${why}`);
}

function keras3LayerConfig(layer: LayerConfig, file: string): JsonObject {
  const c = kerasLayerConfig(layer);
  for (const key of ['activation', 'recurrent_activation']) {
    if (c[key] === 'hard_sigmoid') {
      refuseFor3(file, layer, 'uses hard_sigmoid, which Keras 3 computes as relu6(x + 3) / 6 instead of clip(0.2x + 0.5): ' +
        'Keras 3 would compute different numbers. Save it as .h5 for tf.keras 2.x (which keeps the old hard_sigmoid; Keras 3 ' +
        "reads that one with its own formula too), or use 'sigmoid' for a model both read alike");
    }
  }
  if (layer.class_name === 'ThresholdedReLU') refuseFor3(file, layer, `does not exist in Keras 3, whose ReLU threshold cannot be negative (theta=${c.theta})`);
  if (layer.class_name === 'LeakyReLU') {
    c.negative_slope = c.alpha ?? 0.3;
    delete c.alpha;
  }
  if (layer.class_name === 'Embedding') delete c.input_length;
  if (RECURRENT_CLASSES.has(layer.class_name)) delete c.implementation;
  delete c.batch_input_shape;
  for (const key of Object.keys(c)) {
    if (key.endsWith('_initializer')) c[key] = keras3Object('keras.initializers', c[key]);
    else if (key.endsWith('_regularizer')) c[key] = keras3Object('keras.regularizers', c[key]);
    else if (key.endsWith('_constraint')) c[key] = keras3Object('keras.constraints', c[key]);
  }
  c.dtype = DTYPE_POLICY;
  return c;
}

interface Keras3Context {
  file: string;
  /** Output shape (with batch) of each layer by name, for keras tensors in inbound nodes. */
  outputShapes: Map<string, Json>;
}

function keras3Tensor(link: Json[], ctx: Keras3Context): Json {
  const [name, nodeIndex, tensorIndex] = link;
  let shape = ctx.outputShapes.get(String(name)) ?? null;
  if (Array.isArray(shape) && shape.length > 0 && Array.isArray(shape[0])) shape = (shape as Json[])[Number(tensorIndex) || 0];
  return {class_name: '__keras_tensor__', config: {shape, dtype: 'float32', keras_history: [name, nodeIndex, tensorIndex]}};
}

function keras3InboundNodes(nodes: Json, ctx: Keras3Context, positional = false): Json {
  if (!Array.isArray(nodes)) return [];
  return nodes.map((node) => {
    const links = (Array.isArray(node) ? node : []) as Json[][];
    const tensors = links.map((l) => keras3Tensor(l, ctx));
    const kwargs = links.length > 0 && isObject(links[0][3]) ? links[0][3] : {};
    // A list input is one argument ([query, value] for Attention); MultiHeadAttention takes (query, value, key).
    return {args: tensors.length === 1 || positional ? tensors : [tensors], kwargs};
  });
}

/** What Keras 3 build_from_config needs: MultiHeadAttention builds from named shapes. */
function keras3BuildConfig(className: string, inputShape: LayerSlots['inputShape']): Json {
  const shape = withBatch(inputShape);
  const names = TENSOR_CALL_ARGUMENTS[className];
  if (names && Array.isArray(shape) && Array.isArray(shape[0])) {
    return {shapes_dict: Object.fromEntries((shape as Json[]).map((s, i) => [`${names[i]}_shape`, s]))};
  }
  return {input_shape: shape};
}

function keras3Layer(layer: LayerConfig, slots: LayerSlots | undefined, ctx: Keras3Context): JsonObject {
  if (MODEL_CLASSES.has(layer.class_name)) {
    const nested = toKeras3ModelConfig(layer as ModelConfig, slots?.layers ? {layers: slots.layers, trainable: []} : undefined, ctx.file);
    if ('inbound_nodes' in layer) {
      nested.name = layerName(layer);
      nested.inbound_nodes = keras3InboundNodes(layer.inbound_nodes, ctx);
    }
    return nested;
  }
  if (layer.class_name === 'InputLayer') {
    const c = layer.config;
    return {
      module: 'keras.layers', class_name: 'InputLayer',
      config: {batch_shape: c.batch_input_shape ?? null, dtype: typeof c.dtype === 'string' ? c.dtype : 'float32', sparse: false, name: c.name ?? null},
      registered_name: null, name: layerName(layer), inbound_nodes: [],
    };
  }
  // Keras 3 has no ThresholdedReLU; its ReLU(threshold=theta) computes the same x * (x > theta).
  if (layer.class_name === 'ThresholdedReLU' && typeof layer.config.theta === 'number' && layer.config.theta >= 0) {
    const {theta, ...rest} = layer.config;
    layer = {...layer, class_name: 'ReLU', config: {...rest, threshold: theta, negative_slope: 0, max_value: null}};
  }
  const config = keras3LayerConfig(layer, ctx.file);
  for (const key of ['layer', 'backward_layer']) {
    if (isObject(config[key])) config[key] = keras3Layer(config[key] as LayerConfig, undefined, ctx);
  }
  const out: JsonObject = {module: 'keras.layers', class_name: layer.class_name, config, registered_name: null};
  if (slots?.inputShape) out.build_config = keras3BuildConfig(layer.class_name, slots.inputShape);
  if ('inbound_nodes' in layer) {
    out.name = layerName(layer);
    out.inbound_nodes = keras3InboundNodes(layer.inbound_nodes, ctx, layer.class_name in TENSOR_CALL_ARGUMENTS);
  }
  return out;
}

function endpoints(v: Json): Json {
  return Array.isArray(v) && v.length === 1 ? v[0] : v;
}

/** The config Keras 3 writes into config.json. */
export function toKeras3ModelConfig(model: ModelConfig, slots: ModelSlots | undefined, file: string, compileConfig?: JsonObject): JsonObject {
  const layers = layersOf(model);
  const slotByName = new Map((slots?.layers ?? []).map((s) => [s.name, s]));
  const outputShapes = new Map<string, Json>();
  for (const s of slots?.layers ?? []) outputShapes.set(s.name, withBatch(s.outputShape));
  for (const l of layers) {
    if (l.class_name === 'InputLayer') outputShapes.set(layerName(l), (l.config.batch_input_shape ?? null) as Json);
  }
  const ctx: Keras3Context = {file, outputShapes};
  const converted = layers.map((l) => keras3Layer(l, slotByName.get(layerName(l)), ctx));
  let out: JsonObject;
  let inputShape: Json = null;
  if (model.class_name === 'Sequential') {
    const first = layers[0];
    const batchShape = first?.config.batch_input_shape;
    const input: JsonObject[] = Array.isArray(batchShape)
      ? [{module: 'keras.layers', class_name: 'InputLayer', config: {batch_shape: batchShape, dtype: 'float32', sparse: false, name: 'input_layer'}, registered_name: null}]
      : [];
    inputShape = Array.isArray(batchShape) ? batchShape : null;
    out = {module: 'keras', class_name: 'Sequential', config: {name: model.config.name ?? 'sequential', trainable: true, dtype: DTYPE_POLICY, layers: [...input, ...converted]}, registered_name: null};
  } else {
    const inputs = (model.config.input_layers as Json[][] | undefined) ?? [];
    const shapes = inputs.map((i) => outputShapes.get(String(i[0])) ?? null);
    inputShape = shapes.length === 1 ? shapes[0] : shapes;
    out = {
      module: 'keras.src.models.functional', class_name: 'Functional',
      config: {
        name: model.config.name ?? 'functional', trainable: true, layers: converted,
        input_layers: endpoints(model.config.input_layers ?? []), output_layers: endpoints(model.config.output_layers ?? []),
      },
      registered_name: 'Functional',
    };
  }
  out.build_config = {input_shape: inputShape};
  if (compileConfig) out.compile_config = compileConfig;
  return out;
}

/**
 * Where Keras 3 keeps each variable in model.weights.h5: `layers/<snake_case class + counter>`,
 * then `vars/<i>`; recurrent layers keep theirs in `cell/vars`, wrappers in `forward_layer`,
 * `backward_layer` or `layer`, nested models in their own `layers/...`.
 */
export interface Keras3WeightPlace {
  /** Group of the variable, e.g. `layers/lstm/cell/vars`. */
  group: string;
  /** Where an older Keras 3 kept the same variable, when that differs. */
  formerGroup?: string;
  index: number;
  /** TensorFlow.js weight name. */
  weight: string;
  shape: number[];
}

export interface Keras3GroupPlace {
  /** A `vars` group, created even when empty, with the layer name Keras >= 3.9 records. */
  group: string;
  name: string;
}

/**
 * Layers whose variables Keras 3 keeps in sublayers: weight role (the name's second-to-last part)
 * -> the attribute Keras saves the sublayer under (Keras 3.0.0-3.0.2: with a leading underscore).
 */
const KERAS3_SUBLAYERS: Record<string, Record<string, string>> = {
  MultiHeadAttention: {query: 'query_dense', key: 'key_dense', value: 'value_dense', attention_output: 'output_dense'},
};

export function keras3Places(slots: LayerSlots[], isSequential: boolean, prefix = 'layers'): {vars: Keras3WeightPlace[]; groups: Keras3GroupPlace[]} {
  const vars: Keras3WeightPlace[] = [];
  const groups: Keras3GroupPlace[] = [];
  const used = new Map<string, number>();
  for (const slot of slots) {
    if (isSequential && slot.className === 'InputLayer') continue;
    const base = kerasSnakeCase(slot.className === 'Model' ? 'Functional' : slot.className);
    const count = used.get(base);
    const generic = count === undefined ? base : `${base}_${count + 1}`;
    used.set(base, count === undefined ? 0 : count + 1);
    placeLayer(slot, `${prefix}/${generic}`, vars, groups);
  }
  return {vars, groups};
}

function placeLayer(slot: LayerSlots, path: string, vars: Keras3WeightPlace[], groups: Keras3GroupPlace[]): void {
  groups.push({group: `${path}/vars`, name: slot.name});
  const put = (group: string, weights: LayerSlots['weights']) =>
    weights.forEach((w, index) => vars.push({group, index, weight: w.name, shape: w.shape}));
  if (slot.layers) {
    const inner = keras3Places(slot.layers, slot.className === 'Sequential', `${path}/layers`);
    vars.push(...inner.vars);
    groups.push(...inner.groups);
  } else if (RECURRENT_CLASSES.has(slot.className)) {
    groups.push({group: `${path}/cell/vars`, name: slot.name});
    put(`${path}/cell/vars`, slot.weights);
  } else if (slot.className === 'Bidirectional' && slot.wrapped?.backward) {
    placeLayer(slot.wrapped.forward, `${path}/forward_layer`, vars, groups);
    placeLayer(slot.wrapped.backward, `${path}/backward_layer`, vars, groups);
  } else if (slot.className === 'TimeDistributed' && slot.wrapped) {
    placeLayer(slot.wrapped.forward, `${path}/layer`, vars, groups);
  } else if (KERAS3_SUBLAYERS[slot.className]) {
    // Variables of sublayers (MultiHeadAttention's EinsumDense projections) live in the sublayer's group.
    const sublayers = KERAS3_SUBLAYERS[slot.className];
    for (const [role, attribute] of Object.entries(sublayers)) {
      const group = `${path}/${attribute}/vars`;
      groups.push({group, name: role});
      slot.weights.filter((w) => w.name.split('/').slice(-2)[0] === role)
        .forEach((w, index) => vars.push({group, formerGroup: `${path}/_${attribute}/vars`, index, weight: w.name, shape: w.shape}));
    }
  } else {
    put(`${path}/vars`, slot.weights);
  }
}
