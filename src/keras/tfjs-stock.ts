/**
 * What stock TensorFlow.js (tf.loadLayersModel, without our compat layers) makes of a TF.js
 * folder we write. Where it would compute other numbers than Keras, the layer is written in a
 * form stock TF.js computes right (a channels_first Conv1D between two Permutes, ReLU options as
 * LeakyReLU / ThresholdedReLU, ELU's alpha as a LeakyReLU after it); where no such form exists the export is refused when stock TF.js
 * would load it silently wrong, and warned about when stock TF.js refuses to load it.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers'; // its layer classes register on import: the snapshot below is stock
import {registerKerasCompatLayers} from './config-layers';
import {isMirroredBackwardLayer} from './config-objects';
import {FormatError} from '../common/errors';
import type {Json, JsonObject, LayerConfig} from './config';

/** TensorFlow.js's own class per layer name, taken before anything registers Keras-compatible classes. */
const STOCK_CLASSES: ReadonlyMap<string, unknown> = new Map(
  Object.entries(tf.serialization.SerializationMap.getMap().classNameMap).map(([name, entry]) => [name, entry[0]]));

/** The formats that keep every Keras option, named in refusals and warnings. */
const KERAS_FORMATS = '.h5 and .keras keep it';

type StockForm =
  | {kind: 'same'}
  | {kind: 'rewrite'; layers: LayerConfig[]}
  /** Stock TF.js would load it and compute other numbers: the export is refused. */
  | {kind: 'refuse'; why: string}
  /** Stock TF.js refuses to load it: the folder is written, with a warning. */
  | {kind: 'warn'; why: string};

interface Context {
  /** Layer names in use at this model level, for naming inserted layers. */
  names: Set<string>;
  weightShapes: Map<string, number[]>;
  /** Input shapes (without batch) by layer name, for the layers whose rewrite needs them. */
  inputShapes: Map<string, Array<number | null>>;
}

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function nameOf(layer: LayerConfig): string {
  return String(layer.config.name ?? layer.name ?? '?');
}

function label(layer: LayerConfig): string {
  return `layer '${nameOf(layer)}' (${layer.class_name})`;
}

function freshName(ctx: Context, base: string): string {
  let name = base;
  for (let i = 2; ctx.names.has(name); i++) name = `${base}_${i}`;
  ctx.names.add(name);
  return name;
}

function helper(ctx: Context, owner: LayerConfig, suffix: string, className: string, config: JsonObject): LayerConfig {
  return {class_name: className, config: {name: freshName(ctx, `${nameOf(owner)}_${suffix}`), trainable: true, dtype: 'float32', ...config}};
}

function reluForm(layer: LayerConfig, ctx: Context): StockForm {
  const c = layer.config;
  const slope = typeof c.negative_slope === 'number' ? c.negative_slope : 0;
  const threshold = typeof c.threshold === 'number' ? c.threshold : 0;
  const max = typeof c.max_value === 'number' ? c.max_value : null;
  const {negative_slope: _s, threshold: _t, ...plain} = c;
  if (slope === 0 && threshold === 0) return {kind: 'rewrite', layers: [{...layer, config: plain}]};
  if (threshold === 0 && max === null) {
    const {max_value: _m, ...rest} = plain;
    return {kind: 'rewrite', layers: [{...layer, class_name: 'LeakyReLU', config: {...rest, alpha: slope}}]};
  }
  if (slope === 0) {
    const {max_value: _m, ...rest} = plain;
    const thresholded: LayerConfig = {...layer, class_name: 'ThresholdedReLU', config: {...rest, theta: threshold}};
    // clip(x * (x > threshold), 0, max_value), as Keras computes it: ThresholdedReLU, then ReLU(max_value).
    return {kind: 'rewrite', layers: max === null ? [thresholded] : [thresholded, helper(ctx, layer, 'max_value', 'ReLU', {max_value: max})]};
  }
  return {kind: 'refuse', why: `negative_slope=${slope} together with threshold=${threshold}${max === null ? '' : ` and max_value=${max}`} ` +
    'has no equivalent in stock TensorFlow.js, whose ReLU ignores negative_slope and threshold and would compute different numbers'};
}

function conv1dForm(layer: LayerConfig, ctx: Context): StockForm {
  const c = layer.config;
  const channelsFirst = c.data_format === 'channels_first';
  const causal = c.padding === 'causal';
  if (!channelsFirst && !causal) return {kind: 'same'};
  const before: LayerConfig[] = [];
  const after: LayerConfig[] = [];
  const conv: LayerConfig = {...layer, config: {...c, data_format: 'channels_last', padding: causal ? 'valid' : c.padding}};
  if (channelsFirst) {
    before.push(helper(ctx, layer, 'to_channels_last', 'Permute', {dims: [2, 1]}));
    after.push(helper(ctx, layer, 'to_channels_first', 'Permute', {dims: [2, 1]}));
  }
  if (causal) {
    const kernel = ctx.weightShapes.get(`${nameOf(layer)}/kernel`);
    const kernelSize = Array.isArray(c.kernel_size) ? Number(c.kernel_size[0]) : Number(c.kernel_size);
    const dilation = Array.isArray(c.dilation_rate) ? Number(c.dilation_rate[0]) : Number(c.dilation_rate ?? 1);
    if (!kernel || !(kernelSize >= 1) || !(dilation >= 1)) {
      return {kind: 'refuse', why: "padding='causal' could not be rewritten for stock TensorFlow.js (kernel not found)"};
    }
    const channels = kernel[1];
    const shape = ctx.inputShapes.get(nameOf(layer));
    const steps = shape?.[channelsFirst ? 1 : 0] ?? null;
    const padding = dilation * (kernelSize - 1);
    // Stock TF.js has no causal padding and no ZeroPadding1D: pad the steps on the left as rows of
    // a 2D map. Its Reshape loses a -1 dimension, so the step count is written when it is known.
    before.push(
      helper(ctx, layer, 'steps_as_rows', 'Reshape', {target_shape: [steps ?? -1, 1, channels]}),
      helper(ctx, layer, 'causal_padding', 'ZeroPadding2D', {padding: [[padding, 0], [0, 0]], data_format: 'channels_last'}),
      helper(ctx, layer, 'rows_as_steps', 'Reshape', {target_shape: [steps === null ? -1 : steps + padding, channels]}));
  }
  return {kind: 'rewrite', layers: [...before, conv, ...after]};
}

/** Per Keras class: what stock TF.js computes from the config we write. */
const STOCK_FORMS: Record<string, (layer: LayerConfig, ctx: Context) => StockForm> = {
  ReLU: reluForm,
  Conv1D: conv1dForm,
  Bidirectional: bidirectionalForm,
  ELU: (layer, ctx) => {
    const alpha = layer.config.alpha;
    if (typeof alpha !== 'number' || alpha === 1) return {kind: 'same'};
    // ELU keeps the sign, so ELU(alpha) = LeakyReLU(alpha) after ELU(1): stock TF.js's ELU only has alpha=1.
    return {kind: 'rewrite', layers: [{...layer, config: {...layer.config, alpha: 1}}, helper(ctx, layer, 'alpha', 'LeakyReLU', {alpha})]};
  },
  GRU: (layer) => layer.config.reset_after === true
    ? {kind: 'warn', why: 'reset_after=True: stock TensorFlow.js\'s GRU only computes reset_after=False and refuses to load it'}
    : {kind: 'same'},
};

function formOf(layer: LayerConfig, ctx: Context): StockForm {
  const registered = tf.serialization.SerializationMap.getMap().classNameMap[layer.class_name]?.[0];
  const rule = STOCK_FORMS[layer.class_name];
  if (rule) return rule(layer, ctx);
  if (!STOCK_CLASSES.has(layer.class_name)) {
    return {kind: 'warn', why: 'is not part of stock TensorFlow.js: tf.loadLayersModel refuses the folder unless the page registers this layer class'};
  }
  if (registered !== undefined && registered !== STOCK_CLASSES.get(layer.class_name)) {
    return {kind: 'warn', why: 'is not part of stock TensorFlow.js as Keras defines it: stock TensorFlow.js\'s class of that name is not known to compute Keras\'s numbers'};
  }
  return wrappedForm(layer, ctx);
}

/** A wrapper (TimeDistributed, Bidirectional) is as good as the layers it wraps, which cannot be rewritten in place. */
function wrappedForm(layer: LayerConfig, ctx: Context): StockForm {
  for (const key of ['layer', 'backward_layer']) {
    const inner = layer.config[key];
    if (!isObject(inner)) continue;
    const form = formOf(inner as LayerConfig, {...ctx, names: new Set()});
    if (form.kind === 'rewrite') {
      return {kind: 'refuse', why: `wraps ${label(inner as LayerConfig)}, which stock TensorFlow.js computes differently and which cannot be rewritten inside a wrapper`};
    }
    if (form.kind !== 'same') return {kind: form.kind, why: `wraps ${label(inner as LayerConfig)}${joined(form.why)}`};
  }
  return {kind: 'same'};
}

function bidirectionalForm(layer: LayerConfig, ctx: Context): StockForm {
  const backward = layer.config.backward_layer;
  if (backward == null) return wrappedForm(layer, ctx);
  if (!isMirroredBackwardLayer(layer.config.layer, backward)) {
    const forward = layer.config.layer as LayerConfig;
    const other = backward as LayerConfig;
    // Stock TF.js ignores backward_layer and builds the mirror of layer: it then refuses backward
    // weights of another shape, but would take same-shaped ones with another computation.
    const sameShapes = isObject(forward) && isObject(other) && forward.class_name === other.class_name &&
      forward.config?.units === other.config?.units && forward.config?.use_bias === other.config?.use_bias;
    return sameShapes
      ? {kind: 'refuse', why: 'backward_layer is configured separately, and stock TensorFlow.js\'s Bidirectional ignores it (it builds the mirror of layer, with other numbers)'}
      : {kind: 'warn', why: 'is not part of stock TensorFlow.js with a separately configured backward_layer: stock TensorFlow.js builds the mirror of layer and refuses the stored backward weights'};
  }
  const {backward_layer: _mirror, ...config} = layer.config;
  const form = wrappedForm({...layer, config}, ctx);
  return form.kind === 'same' ? {kind: 'rewrite', layers: [{...layer, config}]} : form;
}

function isModelClass(name: string): boolean {
  return name === 'Sequential' || name === 'Model' || name === 'Functional';
}

interface Outcome {
  warnings: string[];
  refusals: string[];
}

/** A nested model is rewritten as a whole; any other layer gets its own stock form. */
function layerOrModelForm(layer: LayerConfig, ctx: Context, out: Outcome): StockForm {
  return isModelClass(layer.class_name) ? {kind: 'rewrite', layers: [rewriteModel(layer, ctx, out)]} as StockForm : formOf(layer, ctx);
}

function rewriteSequential(model: LayerConfig, ctx: Context, out: Outcome): LayerConfig {
  const layers = (model.config.layers as LayerConfig[] | undefined) ?? [];
  const result: LayerConfig[] = [];
  for (const layer of layers) {
    const form = layerOrModelForm(layer, ctx, out);
    if (form.kind !== 'rewrite') {
      note(form, layer, out);
      result.push(layer);
      continue;
    }
    const [head, ...tail] = form.layers;
    const shape = layer.config.batch_input_shape;
    if (shape !== undefined && head.config.batch_input_shape === undefined) {
      // The model's input shape stays on the first layer; the rewritten layer may no longer be first.
      form.layers.forEach((l) => delete l.config.batch_input_shape);
      head.config.batch_input_shape = shape;
    }
    result.push(head, ...tail);
  }
  return {...model, config: {...model.config, layers: result}};
}

function rewriteFunctional(model: LayerConfig, ctx: Context, out: Outcome): LayerConfig {
  const layers = (model.config.layers as LayerConfig[] | undefined) ?? [];
  const renamed = new Map<string, string>();
  const chained = new Set<LayerConfig>();
  const result: LayerConfig[] = [];
  for (const layer of layers) {
    const form = layerOrModelForm(layer, ctx, out);
    if (form.kind !== 'rewrite') {
      note(form, layer, out);
      result.push(layer);
      continue;
    }
    const nodes = Array.isArray(layer.inbound_nodes) ? layer.inbound_nodes : [];
    if (form.layers.length > 1 && nodes.length > 1) {
      out.refusals.push(`${label(layer)} is called ${nodes.length} times and needs rewriting for stock TensorFlow.js, which a shared layer cannot be`);
      result.push(layer);
      continue;
    }
    let previous: string | undefined;
    for (const part of form.layers) {
      const name = nameOf(part);
      const entry = {...part, name, inbound_nodes: previous === undefined ? nodes : [[[previous, 0, 0, {}]]]};
      if (previous !== undefined) chained.add(entry);
      result.push(entry);
      previous = name;
    }
    if (previous !== nameOf(layer)) renamed.set(nameOf(layer), previous!);
  }
  if (renamed.size === 0) return {...model, config: {...model.config, layers: result}};
  // Layers reading a rewritten layer now read the last layer of its rewritten form (links inside a form stay).
  const rename = (link: Json): Json => Array.isArray(link) && typeof link[0] === 'string' && renamed.has(link[0])
    ? [renamed.get(link[0])!, ...link.slice(1)] : link;
  const relinked = result.map((l) => chained.has(l) ? l
    : {...l, inbound_nodes: ((l.inbound_nodes as Json[] | undefined) ?? []).map((node) => Array.isArray(node) ? node.map(rename) : node)});
  const outputs = ((model.config.output_layers as Json[] | undefined) ?? []).map(rename);
  return {...model, config: {...model.config, layers: relinked, output_layers: outputs}};
}

function note(form: StockForm, layer: LayerConfig, out: Outcome): void {
  if (form.kind === 'refuse') out.refusals.push(`${label(layer)}${joined(form.why)}`);
  if (form.kind === 'warn') out.warnings.push(`${label(layer)}${joined(form.why)}`);
}

/** "layer 'x' (Cls) is not part of..." or "layer 'x' (Cls): alpha=...". */
function joined(why: string): string {
  return why.startsWith('is ') ? ` ${why}` : `: ${why}`;
}

function rewriteModel(model: LayerConfig, shared: Omit<Context, 'names'>, out: Outcome): LayerConfig {
  const layers = (model.config.layers as LayerConfig[] | undefined) ?? [];
  const ctx: Context = {...shared, names: new Set(layers.map(nameOf))};
  return model.class_name === 'Sequential' ? rewriteSequential(model, ctx, out) : rewriteFunctional(model, ctx, out);
}

export interface StockTfjsTopology {
  /** The model config to write in model.json. */
  topology: JsonObject;
  /** Layers stock TF.js refuses to load (it says so itself; nothing is computed differently). */
  warnings: string[];
}

/**
 * The topology to write into a TF.js folder so that stock TensorFlow.js computes Keras's numbers.
 * Throws a FormatError naming `file` when stock TF.js would load the model with different numbers.
 */
export async function stockTfjsTopology(topology: JsonObject, weightSpecs: Array<{name: string; shape: number[]}>, file: string): Promise<StockTfjsTopology> {
  const wrapped = isObject(topology.model_config);
  const model = (wrapped ? topology.model_config : topology) as LayerConfig;
  if (!isObject(model) || typeof model.class_name !== 'string' || !isModelClass(model.class_name)) return {topology, warnings: []};
  const out: Outcome = {warnings: [], refusals: []};
  const weightShapes = new Map(weightSpecs.map((s) => [s.name, s.shape]));
  const inputShapes = usesCausalPadding(model) ? await layerInputShapes(model) : new Map();
  const rewritten = rewriteModel(withoutConstraints(model, out) as LayerConfig, {weightShapes, inputShapes}, out);
  if (out.refusals.length > 0) {
    throw new FormatError(file, `cannot be written as a TensorFlow.js folder: ${out.refusals[0]}${out.refusals.length > 1 ? ` (and ${out.refusals.length - 1} more)` : ''}; ${KERAS_FORMATS}`);
  }
  const warnings = out.warnings.map((w) => `${w}; Keras Workbench reads the folder correctly, ${KERAS_FORMATS} for Keras`);
  return {topology: wrapped ? {...topology, model_config: rewritten} : rewritten, warnings};
}

/**
 * Refuses, before a training run, a model that the TF.js folder it will be saved to could not
 * hold for stock TensorFlow.js (the same check the writer makes after the run).
 */
export async function checkStockTfjsExport(model: tfl.LayersModel, target: string): Promise<void> {
  await stockTfjsTopology(model.toJSON(null, false) as unknown as JsonObject, model.weights.map((w) => ({name: w.originalName, shape: w.shape as number[]})), target);
}

function usesCausalPadding(model: LayerConfig): boolean {
  return JSON.stringify(model).includes('"causal"');
}

/** Input shapes by layer name, from the model built by our own layers (only the shapes are used). */
async function layerInputShapes(model: LayerConfig): Promise<Map<string, Array<number | null>>> {
  registerKerasCompatLayers();
  const shapes = new Map<string, Array<number | null>>();
  let built: tfl.LayersModel;
  try {
    built = await tfl.models.modelFromJSON({modelTopology: model} as never);
  } catch {
    return shapes; // steps then stay unknown (-1) in the rewritten form
  }
  const visit = (layers: tfl.layers.Layer[]) => layers.forEach((l) => {
    try {
      shapes.set(l.name, (l.input as tfl.SymbolicTensor).shape.slice(1));
    } catch {
      // A layer called several times has no single input shape; its steps stay unknown.
    }
    if (l instanceof tfl.LayersModel) visit(l.layers);
  });
  visit(built.layers);
  built.dispose();
  return shapes;
}

/**
 * Weight constraints left out: stock TF.js applies them to the weights it loads (UnitNorm, MaxNorm
 * and NonNeg change them), Keras only after training steps, and TF.js's fit never applies them.
 */
function withoutConstraints(value: Json, out: Outcome): Json {
  if (Array.isArray(value)) return value.map((v) => withoutConstraints(v, out));
  if (!isObject(value)) return value;
  const copy: JsonObject = {};
  const layer = typeof value.class_name === 'string' && isObject(value.config) ? value as LayerConfig : undefined;
  for (const [key, v] of Object.entries(value)) copy[key] = withoutConstraints(v, out);
  if (layer && isObject(copy.config)) {
    for (const key of Object.keys(copy.config).filter((k) => k.endsWith('_constraint') && copy.config && (copy.config as JsonObject)[k] != null)) {
      const constraint = (copy.config as JsonObject)[key];
      const name = isObject(constraint) && typeof constraint.class_name === 'string' ? constraint.class_name : JSON.stringify(constraint);
      out.warnings.push(`${label(layer)}: ${key}=${name} is left out: stock TensorFlow.js applies constraints to the weights it loads, which changes them`);
      (copy.config as JsonObject)[key] = null;
    }
  }
  return copy;
}
