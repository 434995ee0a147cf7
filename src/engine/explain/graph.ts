/**
 * A walk over a LayersModel's graph on concrete tensors, with two things `model.apply` cannot do:
 * feed any intermediate symbolic tensor (gradients with respect to a layer's output, Grad-CAM and
 * Embedding outputs) and fetch any number of intermediate outputs from one forward pass. It follows
 * tfjs-layers' own executor (inference mode, masks passed from layer to layer) but keeps every
 * value, so a surrounding `tf.grad` or `tf.tidy` owns them.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export type Symbolic = tfl.SymbolicTensor;
type Layer = tfl.layers.Layer;

export interface Fed {
  value: tf.Tensor;
  mask?: tf.Tensor | null;
}

interface GraphNode {
  layer: Layer;
  inputs: Symbolic[];
  outputs: Symbolic[];
}

function nodeOf(symbolic: Symbolic): GraphNode {
  const layer = symbolic.sourceLayer;
  const node = (layer as unknown as {inboundNodes: Array<{inputTensors: Symbolic[]; outputTensors: Symbolic[]}>}).inboundNodes[symbolic.nodeIndex]!;
  return {layer, inputs: node.inputTensors, outputs: node.outputTensors};
}

export function isInputLayer(layer: Layer): boolean {
  return layer.getClassName() === 'InputLayer';
}

/** Nodes needed to compute `fetches` from `fed`, in execution order. */
function plan(fetches: Symbolic[], fed: Set<string>): GraphNode[] {
  const order: GraphNode[] = [];
  const seen = new Set<string>(fed);
  const visit = (symbolic: Symbolic) => {
    if (seen.has(symbolic.name)) return;
    const node = nodeOf(symbolic);
    for (const out of node.outputs) seen.add(out.name);
    if (isInputLayer(node.layer)) throw new Error(`the graph input '${symbolic.name}' has no value`);
    for (const input of node.inputs) visit(input);
    order.push(node);
  };
  for (const f of fetches) visit(f);
  return order;
}

/**
 * Values of `fetches` given the values of some symbolic tensors (the model's inputs, or any
 * intermediate one). `linear` names layers whose activation is replaced by the identity during
 * this run (the class score before a softmax or sigmoid).
 */
export function runGraph(fetches: Symbolic[], feeds: Map<Symbolic, Fed>, linear: Layer[] = []): {values: tf.Tensor[]; masks: Array<tf.Tensor | null>} {
  const values = new Map<string, tf.Tensor>();
  const masks = new Map<string, tf.Tensor | null>();
  for (const [symbolic, fed] of feeds) {
    values.set(symbolic.name, fed.value);
    masks.set(symbolic.name, fed.mask ?? null);
  }
  const order = plan(fetches, new Set(values.keys()));
  const restore = linear.map(withLinearActivation);
  try {
    for (const node of order) {
      const inputValues = node.inputs.map((s) => values.get(s.name)!);
      const inputMasks = node.inputs.map((s) => masks.get(s.name) ?? null);
      // As tfjs-layers' executor (model.predict): no recorded call arguments, inference mode.
      const kwargs: Record<string, unknown> = {training: false};
      if (inputMasks.some((m) => m !== null)) kwargs.mask = inputMasks[0];
      const outputs = [node.layer.apply(inputValues.length === 1 ? inputValues[0]! : inputValues, kwargs)].flat() as tf.Tensor[];
      // As tfjs-layers' executor: a masking layer sees every input's mask and returns its own.
      const outputMask = node.layer.supportsMasking ? node.layer.computeMask(inputValues, inputMasks as tf.Tensor[]) ?? null : null;
      node.outputs.forEach((s, i) => {
        values.set(s.name, outputs[i]!);
        masks.set(s.name, Array.isArray(outputMask) ? outputMask[0] ?? null : outputMask);
      });
    }
  } finally {
    for (const r of restore) r();
  }
  return {values: fetches.map((f) => values.get(f.name)!), masks: fetches.map((f) => masks.get(f.name) ?? null)};
}

interface WithActivation {
  activation?: {getClassName(): string; apply(x: tf.Tensor): tf.Tensor} | null;
}

const IDENTITY = {getClassName: () => 'linear', apply: (x: tf.Tensor) => x};

/** The layer (or a wrapper's inner layer) whose `activation` computes the output's nonlinearity. */
export function activationHolder(layer: Layer): Layer {
  const inner = (layer as unknown as {layer?: Layer}).layer;
  return inner && !(layer as unknown as WithActivation).activation ? inner : layer;
}

function withLinearActivation(layer: Layer): () => void {
  const holder = activationHolder(layer) as unknown as WithActivation;
  const saved = holder.activation;
  holder.activation = IDENTITY;
  return () => {
    holder.activation = saved;
  };
}

/** The output symbolic tensors of every node of the model's graph, in execution order (inputs left out). */
export function graphOutputs(model: tfl.LayersModel): Symbolic[] {
  const order = plan(model.outputs, new Set(model.inputs.map((i) => i.name)));
  return order.flatMap((node) => node.outputs);
}

/** Where a symbolic tensor is consumed: the layers that take it as an input. */
export function consumers(model: tfl.LayersModel, symbolic: Symbolic): Layer[] {
  const found: Layer[] = [];
  for (const out of graphOutputs(model)) {
    const node = nodeOf(out);
    if (node.inputs.some((i) => i.name === symbolic.name) && !found.includes(node.layer)) found.push(node.layer);
  }
  return found;
}

/** The symbolic inputs of the node that produced `symbolic`. */
export function producerInputs(symbolic: Symbolic): Symbolic[] {
  return nodeOf(symbolic).inputs;
}

/** The output symbolic tensors computed on the way from the model's inputs to `target`, in execution order. */
export function upstreamOutputs(model: tfl.LayersModel, target: Symbolic): Symbolic[] {
  return plan([target], new Set(model.inputs.map((i) => i.name))).flatMap((node) => node.outputs);
}
