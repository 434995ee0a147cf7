/**
 * One layer's details for the inspector's layer table (the table itself is the engine's
 * `summarize`): its Keras-style configuration, shapes, inbound layers and weights.
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {LayerDetails} from '../../protocol/messages';

type Shape = Array<number | null>;

/** Keras prints shapes as Python tuples: (None, 26, 26, 32), and (None, 10) with one dimension plus batch. */
export function formatShape(shape: Shape | Shape[]): string {
  if (shape.length > 0 && Array.isArray(shape[0])) return '[' + (shape as Shape[]).map((s) => formatShape(s)).join(', ') + ']';
  const dims = (shape as Shape).map((d) => (d === null || d === undefined ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

type AnyLayer = LayersModel['layers'][number];

function inboundNames(layer: AnyLayer): string[] {
  const names: string[] = [];
  for (const node of layer.inboundNodes) {
    for (const l of node.inboundLayers) if (!names.includes(l.name)) names.push(l.name);
  }
  return names;
}

function outputShapeOf(layer: AnyLayer): string {
  try {
    return formatShape(layer.outputShape as Shape | Shape[]);
  } catch {
    return 'multiple';
  }
}

/** TensorFlow.js configs use camelCase keys; Keras users know them as snake_case (kernel_size). */
export function pythonicKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pythonicKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [
      k === 'className' ? 'class_name' : k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()), pythonicKeys(v)]));
  }
  return value;
}

export function layerDetails(model: LayersModel, name: string): LayerDetails {
  const layer = model.layers.find((l) => l.name === name);
  if (!layer) throw new Error(`Model ${model.name} has no layer named "${name}".`);
  let inputShape = 'multiple';
  try {
    const input = layer.input;
    inputShape = formatShape(Array.isArray(input) ? input.map((t) => t.shape as Shape) : (input.shape as Shape));
  } catch {
    // a layer used at several call sites has no single input shape
  }
  return {
    name: layer.name,
    className: layer.getClassName(),
    config: pythonicKeys(JSON.parse(JSON.stringify(layer.getConfig()))) as Record<string, unknown>,
    inputShape,
    outputShape: outputShapeOf(layer),
    inbound: inboundNames(layer),
    trainable: layer.trainable,
    params: layer.countParams(),
    weights: layer.weights.map((w) => ({name: w.originalName ?? w.name, shape: w.shape as number[], dtype: w.dtype, trainable: w.trainable})),
  };
}
