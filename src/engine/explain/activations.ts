/** Every layer's output for one sample, from one forward pass through the model's graph. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {graphOutputs, runGraph, type Fed, type Symbolic} from './graph';
import {ExplainError, modelInputs} from './inputs';

export interface ActivationStats {
  min: number;
  max: number;
  mean: number;
  /** Share of exact zeros (ReLU's dead units). */
  zeroFraction: number;
}

export interface LayerActivation {
  /** The layer's name; `outer/inner` inside a nested model; `name:i` for a layer's output i > 0. */
  name: string;
  className: string;
  /** Without the batch axis. */
  shape: number[];
  values: Float32Array;
  stats: ActivationStats;
}

export interface ActivationOptions {
  /** Only these layers (names as in `LayerActivation.name`); default every layer. */
  layers?: string[];
}

export function activationStats(values: Float32Array): ActivationStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (v === 0) zeros++;
  }
  const n = values.length;
  return n ? {min, max, mean: sum / n, zeroFraction: zeros / n} : {min: 0, max: 0, mean: 0, zeroFraction: 0};
}

interface Entry {
  name: string;
  className: string;
  symbolic: Symbolic;
}

/** Output entries of a model's graph, nested models' inner layers after the nested model itself. */
function entries(model: tfl.LayersModel): Array<Entry & {nested?: {model: tfl.LayersModel; prefix: string}}> {
  const outputs = graphOutputs(model);
  const perLayer = new Map<string, number>();
  const list: Array<Entry & {nested?: {model: tfl.LayersModel; prefix: string}}> = [];
  for (const symbolic of outputs) {
    const layer = symbolic.sourceLayer;
    const seen = perLayer.get(layer.name) ?? 0;
    perLayer.set(layer.name, seen + 1);
    const name = seen === 0 ? layer.name : `${layer.name}:${seen}`;
    const nested = layer instanceof tfl.LayersModel && seen === 0 ? {model: layer, prefix: `${layer.name}/`} : undefined;
    list.push({name, className: layer.getClassName(), symbolic, nested});
  }
  return list;
}

/** Names of the activations `computeActivations` returns for this model, in order. */
export function activationNames(model: tfl.LayersModel): string[] {
  const names: string[] = [];
  const walk = (m: tfl.LayersModel, prefix: string) => {
    for (const e of entries(m)) {
      names.push(prefix + e.name);
      if (e.nested) walk(e.nested.model, prefix + e.nested.prefix);
    }
  };
  walk(model, '');
  return names;
}

/**
 * Each layer's output for one sample (`input` with or without its batch axis of 1), computed in
 * one pass over the graph. A nested model's inner layers are computed from the nested model's
 * own inputs (their values from that pass), named `outer/inner`.
 */
export async function computeActivations(model: tfl.LayersModel, input: tf.Tensor | tf.Tensor[], options: ActivationOptions = {}): Promise<LayerActivation[]> {
  const inputs = modelInputs(model, input);
  try {
    if (inputs.batch !== 1) throw new ExplainError('sample', `activations are computed for one sample, got a batch of ${inputs.batch}`);
    const wanted = options.layers ? new Set(options.layers) : undefined;
    if (wanted) {
      const names = activationNames(model);
      for (const w of wanted) {
        if (!names.includes(w)) throw new ExplainError('layer', `no layer '${w}' in the model (layers: ${names.join(', ')})`);
      }
    }
    const result: LayerActivation[] = [];
    const walk = (m: tfl.LayersModel, feeds: Map<Symbolic, Fed>, prefix: string) => {
      const list = entries(m);
      tf.tidy(() => {
        const {values, masks} = runGraph(list.map((e) => e.symbolic), feeds);
        const bySymbol = new Map<string, Fed>();
        list.forEach((e, i) => bySymbol.set(e.symbolic.name, {value: values[i]!, mask: masks[i]}));
        list.forEach((e, i) => {
          const name = prefix + e.name;
          if (!wanted || wanted.has(name)) {
            const value = values[i]!;
            const data = value.dtype === 'float32' ? value.dataSync() as Float32Array : Float32Array.from(value.dataSync() as ArrayLike<number>);
            const copy = Float32Array.from(data);
            result.push({name, className: e.className, shape: value.shape.slice(1), values: copy, stats: activationStats(copy)});
          }
          if (e.nested) {
            const inner = e.nested.model;
            const outerInputs = innerFeeds(e.symbolic, bySymbol, feeds);
            const innerFeedMap = new Map<Symbolic, Fed>(inner.inputs.map((s, k) => [s, outerInputs[k]!]));
            walk(inner, innerFeedMap, name + '/');
          }
        });
      });
    };
    walk(model, inputs.feeds, '');
    return result;
  } finally {
    inputs.dispose();
  }
}

function innerFeeds(symbolic: Symbolic, computed: Map<string, Fed>, feeds: Map<Symbolic, Fed>): Fed[] {
  const layer = symbolic.sourceLayer as unknown as {inboundNodes: Array<{inputTensors: Symbolic[]}>};
  const node = layer.inboundNodes[symbolic.nodeIndex]!;
  return node.inputTensors.map((s) => computed.get(s.name) ?? [...feeds].find(([k]) => k.name === s.name)![1]);
}
