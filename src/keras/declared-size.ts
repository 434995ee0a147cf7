/**
 * A model config's declared weights, counted from the config alone (the engine's shape and
 * parameter analysis) before TensorFlow.js builds it: a config whose layer sizes were changed to
 * huge values would otherwise allocate and initialize those layers (minutes, gigabytes) before
 * its weights are compared with them.
 */
import * as fs from 'fs';
import * as path from 'path';
import {analyzeConfig} from './analysis/model-analysis';
import {FormatError} from '../common/errors';
import {inflateCeiling} from '../common/limits';

/** Weight values a model without a weights manifest may declare (256 MiB of float32). */
export const UNSTORED_WEIGHTS_LIMIT = 1 << 26;

/** Bytes stored at a model path: a file's size, or a folder's files together (a SavedModel). */
function storedBytes(target: string): number {
  try {
    const stat = fs.statSync(target);
    if (!stat.isDirectory()) return stat.size;
    let total = 0;
    for (const entry of fs.readdirSync(target, {recursive: true}).slice(0, 10_000)) {
      const s = fs.statSync(path.join(target, String(entry)));
      if (s.isFile()) total += s.size;
    }
    return total;
  } catch {
    return 0;
  }
}

/** Refuses a config declaring more float32 weight values than the file (decompressed, within its budget) could hold. */
export function refuseConfigBeyondFile(topology: unknown, file: string): void {
  const ceiling = inflateCeiling(storedBytes(file));
  refuseUnbuildableConfig(topology, Math.floor(ceiling / 4), file, `the file (${ceiling} bytes at most, decompressed) can hold`);
}

/**
 * Refuses, naming the file and the first layer past the bound, a config declaring more weight
 * values than `available` (what the file's weights hold, or a budget from its size).
 */
export function refuseOversizedConfig(topology: unknown, available: number, file: string, what: string): void {
  let report;
  try {
    report = analyzeConfig(topology as {class_name: string; config: unknown});
  } catch {
    return; // a config the analysis cannot follow: TensorFlow.js's own checks apply
  }
  let total = 0;
  for (const layer of report.layers) {
    const count = layer.trainable + layer.nonTrainable;
    total += count;
    if (total > available && count > 0) {
      throw new FormatError(file, `layer '${layer.name}' (${layer.type}) declares ${count} weight values, ${total} in all so far, ` +
        `but ${what} ${available}; refusing to build it`);
    }
  }
}

type NodeRef = [string, number];

/** The (layer, node index) pairs one inbound node reads from, in Keras 2 (lists) or Keras 3 (keras_history) form. */
function nodeInputs(node: unknown): NodeRef[] {
  const refs: NodeRef[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(v)) {
      if (typeof v[0] === 'string' && typeof v[1] === 'number') refs.push([v[0], v[1]]);
      else v.forEach((x) => visit(x, depth + 1));
    } else if (v && typeof v === 'object') {
      const history = (v as {config?: {keras_history?: unknown[]}}).config?.keras_history;
      if (Array.isArray(history) && typeof history[0] === 'string') refs.push([history[0], Number(history[1] ?? 0)]);
      else Object.values(v as object).forEach((x) => visit(x, depth + 1));
    }
  };
  visit(node, 0);
  return refs;
}

interface GraphLayer {
  class_name?: string;
  name?: string;
  config?: {name?: string; layers?: unknown};
  inbound_nodes?: unknown[];
}

/**
 * A functional config's connections, checked before TensorFlow.js builds it: its builder retries
 * layers whose inputs are not built yet until all are, so a reference to a layer (or a call of
 * it) that does not exist, or a cycle, makes it loop forever. Nested models are checked too, and
 * each layer's fields that TensorFlow.js uses unchecked (layerFieldProblem).
 */
export function graphProblem(topology: unknown): string | undefined {
  const model = topology as {class_name?: string; config?: {layers?: unknown}};
  // A Sequential config of old TensorFlow.js writers is the list of layers itself.
  const layers = Array.isArray(model?.config) ? model.config : model?.config?.layers;
  if (!Array.isArray(layers)) return undefined;
  const list = layers as GraphLayer[];
  const nodeCount = new Map<string, number>();
  for (const [i, layer] of list.entries()) {
    const malformed = layerFieldProblem(layer, i);
    if (malformed) return malformed;
    const name = layer?.name ?? layer?.config?.name; // builders key layers by the top-level name
    // A functional builder keys its layers by the top-level name only: without it, the layers that
    // read from this one wait for it forever.
    if (model.class_name !== 'Sequential' && Array.isArray(layer?.inbound_nodes) && typeof layer.name !== 'string') {
      throw new GraphProblem(`layer ${i} (${String(layer.class_name)}) of a functional config has no name`);
    }
    if (typeof name !== 'string') continue;
    nodeCount.set(name, Math.max(1, Array.isArray(layer.inbound_nodes) ? layer.inbound_nodes.length : 0));
  }
  // Node (layer, k) needs its inputs' nodes and the layer's node k - 1 (built in order).
  const needs = new Map<string, string[]>();
  for (const layer of list) {
    const name = layer?.name ?? layer?.config?.name; // builders key layers by the top-level name
    if (typeof name !== 'string') continue;
    const nested = graphProblem(layer);
    if (nested) return nested;
    (Array.isArray(layer.inbound_nodes) ? layer.inbound_nodes : []).forEach((node, k) => {
      needs.set(`${name}#${k}`, k > 0 ? [`${name}#${k - 1}`] : []);
      for (const [from, index] of nodeInputs(node)) {
        const count = nodeCount.get(from);
        if (count === undefined) throw new GraphProblem(`layer '${name}' takes its input from layer '${from}', which the config does not have`);
        if (!(index >= 0 && index < count)) throw new GraphProblem(`layer '${name}' takes its input from call ${index} of layer '${from}', which is called ${count} time(s)`);
        needs.get(`${name}#${k}`)!.push(`${from}#${index}`);
      }
    });
  }
  // The model's own inputs and outputs must be calls of layers it has (TensorFlow.js asserts this with an empty message).
  const config = model.config as {input_layers?: unknown; output_layers?: unknown};
  for (const key of ['input_layers', 'output_layers'] as const) {
    const entries = config[key];
    if (!Array.isArray(entries)) continue;
    for (const entry of typeof entries[0] === 'string' ? [entries] : entries) {
      const [from, index] = Array.isArray(entry) ? entry : [];
      const count = typeof from === 'string' ? nodeCount.get(from) : undefined;
      if (count === undefined) throw new GraphProblem(`the model's ${key} name layer ${JSON.stringify(from)?.slice(0, 80)}, which the config does not have`);
      if (!(Number.isInteger(index) && index >= 0 && index < count)) {
        throw new GraphProblem(`the model's ${key} name call ${JSON.stringify(index)} of layer '${from}', which is called ${count} time(s)`);
      }
    }
  }
  // Kahn's order over the nodes: what remains is a cycle.
  const built = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const [node, inputs] of needs) {
      if (!built.has(node) && inputs.every((i) => built.has(i) || !needs.has(i))) {
        built.add(node);
        progress = true;
      }
    }
  }
  const stuck = [...needs.keys()].find((n) => !built.has(n));
  return stuck ? `layer '${stuck.replace(/#\d+$/, '')}' is part of a cycle of layer connections` : undefined;
}

class GraphProblem extends Error {}

/**
 * The fields TensorFlow.js uses before it checks them: a class name or layer name that is not a
 * string, an input shape that is not a list of sizes (its errors then quote JavaScript's words
 * for the value: "[object Object]", "name.match is not a function").
 */
function layerFieldProblem(layer: GraphLayer, index: number): string | undefined {
  const config = layer?.config as Record<string, unknown> | undefined;
  const named = typeof config?.name === 'string' ? `'${config.name}'` : String(index);
  if (typeof layer?.class_name !== 'string') return `layer ${named} has a class_name that is not a string: ${JSON.stringify(layer?.class_name)?.slice(0, 80) ?? 'none'}`;
  if (config === undefined || config === null || typeof config !== 'object' || Array.isArray(config)) {
    return layer.class_name === 'Sequential' && Array.isArray(config) ? undefined : `layer ${named} (${layer.class_name}) has no config object`;
  }
  if ('name' in config && typeof config.name !== 'string') return `layer ${index} (${layer.class_name}) has a name that is not a string: ${JSON.stringify(config.name)?.slice(0, 80)}`;
  for (const key of ['batch_input_shape', 'batch_shape', 'input_shape']) {
    const shape = config[key];
    if (shape === undefined || shape === null) continue;
    if (!Array.isArray(shape) || !shape.every((d) => d === null || (Number.isInteger(d) && d >= 0))) {
      return `layer ${named} (${layer.class_name}) has ${key} ${JSON.stringify(shape)?.slice(0, 80)}, not a list of sizes (or null)`;
    }
  }
  return undefined;
}

/** Everything checked on a config before TensorFlow.js builds it: its connections, then its size. */
export function refuseUnbuildableConfig(topology: unknown, available: number, file: string, what: string): void {
  let problem: string | undefined;
  try {
    problem = graphProblem(topology);
  } catch (e) {
    if (!(e instanceof GraphProblem)) throw e;
    problem = e.message;
  }
  if (problem) throw new FormatError(file, `${problem}; refusing to build the model`);
  refuseOversizedConfig(topology, available, file, what);
}
