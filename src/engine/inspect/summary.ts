/**
 * The Keras `model.summary()` table and per-layer details, read from a TensorFlow.js LayersModel.
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {LayerDetails, SummaryRow, SummaryTable} from '../../protocol/messages';

type Shape = Array<number | null>;

/** Keras prints shapes as Python tuples: (None, 26, 26, 32), and (None, 10) with one dimension plus batch. */
export function formatShape(shape: Shape | Shape[]): string {
  if (shape.length > 0 && Array.isArray(shape[0])) return '[' + (shape as Shape[]).map((s) => formatShape(s)).join(', ') + ']';
  const dims = (shape as Shape).map((d) => (d === null || d === undefined ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

function tensorCount(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
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

export function summarizeModel(model: LayersModel): SummaryTable {
  const className = model.getClassName();
  const rows: SummaryRow[] = model.layers.map((layer) => ({
    name: layer.name,
    className: layer.getClassName(),
    outputShape: outputShapeOf(layer),
    params: layer.countParams(),
    // A Sequential model's first layer is fed by its hidden InputLayer, which Keras does not list.
    inbound: inboundNames(layer).filter((n) => model.layers.some((l) => l.name === n)),
  }));
  const trainable = model.trainableWeights.reduce((s, w) => s + tensorCount(w.shape as number[]), 0);
  const nonTrainable = model.nonTrainableWeights.reduce((s, w) => s + tensorCount(w.shape as number[]), 0);
  const bytesPer = (dtype: string) => (dtype === 'float64' ? 8 : dtype === 'float16' ? 2 : 4);
  const bytes = (ws: typeof model.trainableWeights) => ws.reduce((s, w) => s + tensorCount(w.shape as number[]) * bytesPer(w.dtype), 0);
  return {
    modelName: model.name,
    className,
    rows,
    totalParams: trainable + nonTrainable,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
    totalBytes: bytes(model.trainableWeights) + bytes(model.nonTrainableWeights),
    trainableBytes: bytes(model.trainableWeights),
    nonTrainableBytes: bytes(model.nonTrainableWeights),
  };
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
