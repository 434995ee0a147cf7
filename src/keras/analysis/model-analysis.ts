/**
 * Shape, parameter and FLOPs analysis of a model before it is built: a list of spec layers
 * (Sequential) or a Keras model config (Sequential or Functional). Pure arithmetic over the
 * layer catalog; the engine runs it before building a model, the language server on every edit.
 */
import {
  ACTIVATIONS, ACTIVATION_SYNONYMS, ArgInfo, CONSTRAINTS, INITIALIZERS, LAYER_ALIASES, LAYER_CATALOG, UNSUPPORTED_ACTIVATIONS,
  formatShape, layerArgs, layerInfo, withDefaults,
} from './catalog';
import {Shape, ShapeProblem} from './shape-math';
import {closest} from './did-you-mean';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  severity: Severity;
  message: string;
  /** The argument at fault (its key in the layer object), if one. */
  arg?: string;
  /** Put the range on the argument's key (unknown names) rather than its value. */
  onKey?: boolean;
  code?: 'unknown-layer' | 'unknown-argument' | 'missing-flatten' | 'units-vs-classes' | 'shape' | 'value' | 'input-shape';
  /** Replacement text for the faulty key or value (quick fix), e.g. the argument name meant. */
  replacement?: string;
}

export interface LayerReport {
  index: number;
  type: string;
  name: string;
  input?: Shape;
  output?: Shape;
  trainable: number;
  nonTrainable: number;
  flops: number;
  problems: Problem[];
  /**
   * Set on a layer with errors and on the layers after it: its input and output as far as they
   * are known (unknown dimensions null). `input` / `output` are then set only when fully known,
   * and its parameters and FLOPs are not counted.
   */
  partial?: {input?: Shape; output?: Shape};
}

export interface ModelReport {
  layers: LayerReport[];
  inputShape?: Shape;
  output?: Shape;
  trainable: number;
  nonTrainable: number;
  flops: number;
  /** Every layer's shape is known (no layer failed or was skipped). */
  complete: boolean;
}

export interface AnalysisOptions {
  /** Layer classes from custom objects: accepted, without shape rules. */
  customLayers?: readonly string[];
}

const KNOWN_TYPES = [...Object.keys(LAYER_CATALOG), ...Object.keys(LAYER_ALIASES)];

function describeValue(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

/** Checks one argument's value against the catalog; returns the problem text, if any. */
function checkValue(name: string, info: ArgInfo, value: unknown): {message: string; replacement?: string} | undefined {
  if (value === null) return info.required ? {message: `'${name}' must not be null`} : undefined;
  const range = (v: number): string | undefined => {
    if (info.min !== undefined && v < info.min) return `'${name}' must be >= ${info.min}, got ${v}`;
    if (info.max !== undefined && v > info.max) return `'${name}' must be <= ${info.max}, got ${v}`;
    if (info.below !== undefined && v >= info.below) return `'${name}' must be below ${info.below}, got ${v}`;
    return undefined;
  };
  const fromList = (list: readonly unknown[], what: string) => {
    if (list.includes(value)) return undefined;
    const guess = typeof value === 'string' ? closest(value, list.filter((v): v is string => typeof v === 'string')) : undefined;
    if (guess) return {message: `'${name}' has no value ${describeValue(value)} (did you mean '${guess}'?)`, replacement: JSON.stringify(guess)};
    return {message: `'${name}' must be ${what} ${list.map(describeValue).join(', ')}; got ${describeValue(value)}`};
  };
  switch (info.kind) {
    case 'int':
      if (!Number.isInteger(value)) return {message: `'${name}' must be an integer, got ${describeValue(value)}`};
      return wrap(range(value as number));
    case 'number':
      if (typeof value !== 'number') return {message: `'${name}' must be a number, got ${describeValue(value)}`};
      return wrap(range(value));
    case 'bool':
      return typeof value === 'boolean' ? undefined : {message: `'${name}' must be true or false, got ${describeValue(value)}`};
    case 'string':
      return typeof value === 'string' ? undefined : {message: `'${name}' must be a string, got ${describeValue(value)}`};
    case 'enum':
      return fromList(info.values ?? [], 'one of');
    case 'intOrTuple': {
      const items = Array.isArray(value) ? value : [value];
      if ((Array.isArray(value) && value.length !== info.rank) || !items.every((v) => Number.isInteger(v))) {
        return {message: `'${name}' must be an integer or a list of ${info.rank} integers, got ${describeValue(value)}`};
      }
      for (const v of items) {
        const bad = range(v as number);
        if (bad) return {message: bad};
      }
      return undefined;
    }
    case 'shape':
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => Number.isInteger(v) && v >= 1)) {
        return {message: `'${name}' must be a list of positive integers (one sample's shape), got ${describeValue(value)}`};
      }
      return undefined;
    case 'activation':
      if (typeof value !== 'string') return {message: `'${name}' must be an activation name, got ${describeValue(value)}`};
      if (Object.hasOwn(ACTIVATION_SYNONYMS, value)) {
        const same = ACTIVATION_SYNONYMS[value];
        return {message: `'${name}': Keras's '${value}' is called '${same}' in TensorFlow.js (the same function); use '${same}'`, replacement: JSON.stringify(same)};
      }
      if (UNSUPPORTED_ACTIVATIONS.includes(value)) {
        return {message: `'${name}': the Keras activation '${value}' is not implemented in TensorFlow.js (supported: ${ACTIVATIONS.join(', ')})`};
      }
      return fromList(ACTIVATIONS, 'an activation:');
    case 'initializer':
      if (value && typeof value === 'object' && 'class_name' in value) return undefined;
      return fromList(INITIALIZERS, 'an initializer:');
    case 'constraint':
      if (value && typeof value === 'object' && 'class_name' in value) return undefined;
      return fromList(CONSTRAINTS, 'a constraint:');
    case 'regularizer':
      if (value && typeof value === 'object' && 'class_name' in value) return undefined;
      return {message: `'${name}' must be a regularizer object such as {"class_name": "L1L2", "config": {"l2": 0.01}}; TensorFlow.js does not resolve ${describeValue(value)} by name`};
    default:
      return undefined;
  }
  function wrap(message: string | undefined) {
    return message ? {message} : undefined;
  }
}

/**
 * Argument problems of one spec layer: unknown type or argument (with a did-you-mean), missing
 * required arguments, values of the wrong type or out of range.
 */
export function checkLayerArguments(layer: Record<string, unknown>, options: AnalysisOptions = {}): Problem[] {
  const type = layer.type;
  if (typeof type !== 'string') return [{severity: 'error', message: `'type' must be a Keras layer class name such as "Dense"`, arg: 'type'}];
  if (options.customLayers?.includes(type)) return [];
  const info = layerInfo(type);
  if (!info) {
    const guess = closest(type, KNOWN_TYPES);
    return [{
      severity: 'error', arg: 'type', code: 'unknown-layer', replacement: guess && JSON.stringify(guess),
      message: `unknown Keras layer '${type}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
    }];
  }
  const problems: Problem[] = [];
  const args = layerArgs(type);
  for (const [name, value] of Object.entries(layer)) {
    if (name === 'type') continue;
    const arg = Object.hasOwn(args, name) ? args[name] : undefined;
    if (!arg) {
      const guess = closest(name, Object.keys(args));
      problems.push({
        severity: 'error', arg: name, onKey: true, code: 'unknown-argument', replacement: guess && JSON.stringify(guess),
        message: `${type} has no argument '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
      });
      continue;
    }
    const bad = checkValue(name, arg, value);
    if (bad) problems.push({severity: 'error', arg: name, code: 'value', message: `${type}: ${bad.message}`, replacement: bad.replacement});
  }
  for (const [name, arg] of Object.entries(info.args)) {
    if (arg.required && !(name in layer)) problems.push({severity: 'error', message: `${type} needs '${name}' (${arg.description})`});
  }
  return problems;
}

/** The sample shape a first layer declares (input_shape, batch_input_shape, input_dim), if any. */
export function declaredInputShape(layer: Record<string, unknown>): Shape | undefined {
  if (Array.isArray(layer.input_shape)) return layer.input_shape as Shape;
  if (Array.isArray(layer.batch_input_shape)) return (layer.batch_input_shape as Shape).slice(1);
  if (Array.isArray(layer.batch_shape)) return (layer.batch_shape as Shape).slice(1);
  if (Array.isArray(layer.shape)) return layer.shape as Shape;
  if (typeof layer.input_dim === 'number') return [layer.input_dim];
  return undefined;
}

/** Runs one layer's shape rule. */
export function inferLayer(type: string, args: Record<string, unknown>, inputs: Shape[]): Omit<LayerReport, 'index' | 'name' | 'problems'> {
  const info = layerInfo(type);
  if (!info) throw new ShapeProblem(`no shape rule for layer '${type}'`);
  const result = info.infer({inputs, args: withDefaults(type, args)});
  return {
    type, input: inputs.length === 1 ? inputs[0] : undefined, output: result.output,
    trainable: result.trainable, nonTrainable: result.nonTrainable ?? 0, flops: result.flops ?? 0,
  };
}

function defaultNamer() {
  const used = new Map<string, number>();
  return (type: string) => {
    const stem = type.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2').replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    const n = used.get(stem) ?? 0;
    used.set(stem, n + 1);
    return n === 0 ? stem : `${stem}_${n}`;
  };
}

function totals(layers: LayerReport[], inputShape: Shape | undefined): ModelReport {
  const last = layers[layers.length - 1];
  const complete = layers.every((l) => l.output !== undefined && !l.partial);
  return {
    layers, inputShape, output: complete ? last?.output : undefined, complete,
    trainable: layers.reduce((n, l) => n + l.trainable, 0),
    nonTrainable: layers.reduce((n, l) => n + l.nonTrainable, 0),
    flops: layers.reduce((n, l) => n + l.flops, 0),
  };
}

/** Stand-ins for a dimension or a count a layer with errors leaves unknown: odd sizes, larger than any usual window. */
const STAND_INS = [37, 53] as const;

/**
 * After a layer with errors, what is still known flows on: the layer runs with its faulty
 * arguments left out (Keras's defaults then) and each missing count (filters, units) replaced by
 * a stand-in, twice with different stand-ins; output dimensions that differ between the two runs
 * are unknown, the others (rank, spatial size) known. A later layer whose input holds unknown
 * dimensions runs the same way; a refusal that does not depend on the stand-ins (a Dense on a
 * rank-4 input) is reported, one that does is not (it may vanish once the earlier error is fixed).
 */
function lenientArgs(type: string, layer: Record<string, unknown>, standIn: number): Record<string, unknown> | undefined {
  const info = layerInfo(type);
  if (!info) return undefined;
  const known = layerArgs(type);
  const args: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(layer)) {
    const arg = Object.hasOwn(known, name) ? known[name] : undefined;
    if (name === 'type' || !arg || checkValue(name, arg, value)) continue;
    args[name] = value;
  }
  for (const [name, arg] of Object.entries(info.args)) {
    if (!arg.required || name in args) continue;
    if (arg.kind !== 'int' && arg.kind !== 'intOrTuple') return undefined;
    args[name] = standIn;
  }
  return args;
}

type Probe = {output: Shape; unknown: Set<number>} | {problem: ShapeProblem} | undefined;

function probeLayer(type: string, layer: Record<string, unknown>, input: Shape, unknown: Set<number>): Probe {
  // The input as a message prints it, unknown dimensions as '?'.
  const shown = `(${['None', ...input.map((d, i) => (unknown.has(i) ? '?' : d === null ? 'None' : String(d)))].join(', ')})`;
  const runs = STAND_INS.map((standIn) => {
    const args = lenientArgs(type, layer, standIn);
    if (!args) return undefined;
    const filled = input.map((d, i) => (unknown.has(i) ? standIn : d));
    try {
      return inferLayer(type, args, [filled]).output;
    } catch (e) {
      if (!(e instanceof ShapeProblem)) throw e;
      return new ShapeProblem(e.message.split(formatShape(filled)).join(shown), e.arg);
    }
  });
  const [a, b] = runs;
  if (a === undefined || b === undefined) return undefined;
  if (a instanceof ShapeProblem || b instanceof ShapeProblem) {
    // A refusal with either stand-in, said the same way: it does not depend on what is unknown.
    if (!(a instanceof ShapeProblem && b instanceof ShapeProblem) || a.message !== b.message) return undefined;
    return {problem: a};
  }
  if (a.length !== b.length) return undefined;
  const unknownOut = new Set<number>();
  a.forEach((d, i) => { if (d !== b[i]) unknownOut.add(i); });
  return {output: a.map((d, i) => (unknownOut.has(i) ? null : d)), unknown: unknownOut};
}

/**
 * A spec's `model.layers` (a Sequential model). `dataShape` is one sample's shape after
 * preprocessing, when known from the data's headers; otherwise the first layer's input_shape.
 */
export function analyzeLayers(layers: Record<string, unknown>[], dataShape?: Shape, options: AnalysisOptions = {}): ModelReport {
  const name = defaultNamer();
  const first = layers[0] ?? {};
  const declared = declaredInputShape(first);
  let current: Shape | undefined = declared ?? dataShape;
  /** Axes of `current` unknown because of an earlier layer's errors; undefined while everything before is sound. */
  let unknown: Set<number> | undefined;
  const reports: LayerReport[] = [];
  layers.forEach((layer, index) => {
    const type = typeof layer.type === 'string' ? layer.type : '?';
    const problems = checkLayerArguments(layer, options);
    const report: LayerReport = {
      index, type, name: typeof layer.name === 'string' ? layer.name : name(type), input: current,
      trainable: 0, nonTrainable: 0, flops: 0, problems,
    };
    if (index > 0) {
      for (const key of ['input_shape', 'batch_input_shape', 'input_dim'] as const) {
        if (key in layer) problems.push({severity: 'warning', arg: key, message: `${key} only matters on the first layer; Keras ignores it here`});
      }
    }
    reports.push(report);
    const hasErrors = problems.some((p) => p.severity === 'error');
    if (current === undefined || options.customLayers?.includes(type) || (hasErrors && !layerInfo(type))) {
      current = undefined;
      return;
    }
    if (hasErrors || unknown) {
      const probe = type === 'InputLayer' ? {output: current, unknown: unknown ?? new Set<number>()} : probeLayer(type, layer, current, unknown ?? new Set());
      report.partial = {input: current.map((d, i) => (unknown?.has(i) ? null : d))};
      if (unknown?.size) report.input = undefined;
      // The layer's own argument errors are reported already; a shape refusal of a later layer is new.
      if (probe && 'problem' in probe && !hasErrors) problems.push({severity: 'error', code: 'shape', arg: probe.problem.arg, message: probe.problem.message});
      current = probe && 'output' in probe ? probe.output : undefined;
      unknown = probe && 'output' in probe ? probe.unknown : undefined;
      report.partial.output = current;
      if (current && !unknown?.size) report.output = current;
      return;
    }
    if (type === 'InputLayer') {
      report.output = current;
      return;
    }
    try {
      const {type: _t, ...args} = layer;
      const result = inferLayer(type, args, [current]);
      Object.assign(report, {output: result.output, trainable: result.trainable, nonTrainable: result.nonTrainable, flops: result.flops});
      current = result.output;
    } catch (e) {
      if (!(e instanceof ShapeProblem)) throw e;
      problems.push({severity: 'error', code: 'shape', arg: e.arg, message: e.message});
      current = undefined;
    }
  });
  return totals(reports, declared ?? dataShape);
}

// ---------------------------------------------------------------- Keras model configs

interface ConfigLayer {
  class_name: string;
  config: Record<string, any>;
  name?: string;
  inbound_nodes?: unknown[];
}

/** Inbound layer names of a functional layer's first node, in Keras 2 (lists) or Keras 3 (dict) form. */
function inboundNames(layer: ConfigLayer): string[] {
  const node = layer.inbound_nodes?.[0];
  if (!node) return [];
  const names: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string' && typeof v[1] === 'number') names.push(v[0]);
      else v.forEach(visit);
    } else if (v && typeof v === 'object') {
      const keras = (v as {config?: {keras_history?: unknown[]}}).config?.keras_history;
      if (Array.isArray(keras) && typeof keras[0] === 'string') names.push(keras[0]);
      else Object.values(v as object).forEach(visit);
    }
  };
  visit(node);
  return names;
}

/** A saved config's layer arguments; an absent key means TensorFlow.js's default, as the engine loads it. */
function configArgs(layer: ConfigLayer): Record<string, unknown> {
  const {name: _n, trainable: _t, dtype: _d, batch_input_shape: _b, ...args} = layer.config ?? {};
  for (const [name, info] of Object.entries(layerArgs(layer.class_name))) {
    if (info.tfjsDefault !== undefined && args[name] === undefined) args[name] = info.tfjsDefault;
  }
  return args;
}

/**
 * A Keras model config (`model.to_json()` parsed): Sequential or Functional. Argument names are
 * not checked here (configs carry every argument Keras wrote), only shapes and counts.
 */
export function analyzeConfig(topology: {class_name: string; config: any}): ModelReport {
  const cfg = topology.config;
  const layers: ConfigLayer[] = Array.isArray(cfg) ? cfg : cfg?.layers ?? [];
  const reports: LayerReport[] = [];
  const run = (layer: ConfigLayer, index: number, inputs: Shape[] | undefined): Shape | undefined => {
    const type = layer.class_name;
    const name = layer.config?.name ?? layer.name ?? `${type}_${index}`;
    const report: LayerReport = {index, type, name, input: inputs?.[0], trainable: 0, nonTrainable: 0, flops: 0, problems: []};
    reports.push(report);
    if (!inputs) return undefined;
    if (type === 'InputLayer') {
      report.output = inputs[0];
      return inputs[0];
    }
    try {
      const result = inferLayer(type, configArgs(layer), inputs);
      Object.assign(report, {output: result.output, trainable: result.trainable, nonTrainable: result.nonTrainable, flops: result.flops});
      return result.output;
    } catch (e) {
      report.problems.push({severity: 'error', code: 'shape', message: (e as Error).message});
      return undefined;
    }
  };
  const inputShapeOf = (layer: ConfigLayer) => declaredInputShape(layer.config ?? {});
  if (topology.class_name === 'Sequential') {
    let current = layers.length ? inputShapeOf(layers[0]) : undefined;
    const input = current;
    layers.forEach((layer, i) => { current = run(layer, i, current && [current]); });
    return totals(reports, input);
  }
  const outputs = new Map<string, Shape | undefined>();
  layers.forEach((layer, i) => {
    const name = layer.config?.name ?? layer.name;
    if (layer.class_name === 'InputLayer') {
      outputs.set(name, run(layer, i, [inputShapeOf(layer) ?? []]));
      return;
    }
    const inbound = inboundNames(layer).map((n) => outputs.get(n));
    outputs.set(name, run(layer, i, inbound.every((s) => s !== undefined) && inbound.length ? inbound as Shape[] : undefined));
  });
  const firstInput = layers.find((l) => l.class_name === 'InputLayer');
  return totals(reports, firstInput && inputShapeOf(firstInput));
}

export {formatShape};
