/**
 * `model.summary()`: the table as data (for the inspector) and as text in the classic Keras 2
 * layout (65 columns for sequential-like models, 98 with "Connected to" for graphs).
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {SummaryRow, SummaryTable} from '../protocol/messages';

type Shape = (number | null)[];

function pythonTuple(shape: Shape): string {
  const items = shape.map((d) => (d === null ? 'None' : String(d)));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Keras prints a list of tuples for several outputs, and for InputLayer in tf.keras >= 2.4. */
function formatShape(shape: Shape | Shape[], isInput: boolean): string {
  if (Array.isArray(shape[0])) return `[${(shape as Shape[]).map(pythonTuple).join(', ')}]`;
  return isInput ? `[${pythonTuple(shape as Shape)}]` : pythonTuple(shape as Shape);
}

function countParams(weights: {shape: (number | null)[]}[]): number {
  return weights.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0);
}

/** Layers feeding each layer, as `name[node][tensor]` Keras-style references are built from. */
function inboundLayers(layer: LayersModel['layers'][number]): string[] {
  const names: string[] = [];
  for (const node of layer.inboundNodes) {
    for (const inbound of node.inboundLayers) names.push(inbound.name);
  }
  return names;
}

export function summarize(model: LayersModel): SummaryTable {
  const rows: SummaryRow[] = model.layers.map((layer) => {
    let shape: Shape | Shape[];
    try {
      shape = layer.outputShape as Shape | Shape[];
    } catch {
      shape = [];
    }
    return {
      name: layer.name,
      className: layer.getClassName(),
      outputShape: formatShape(shape, layer.getClassName() === 'InputLayer'),
      params: layer.countParams(),
      inbound: inboundLayers(layer),
    };
  });
  const trainable = countParams(model.trainableWeights);
  const nonTrainable = countParams(model.nonTrainableWeights);
  return {
    modelName: model.name,
    className: model.getClassName(),
    rows,
    totalParams: trainable + nonTrainable,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
    totalBytes: (trainable + nonTrainable) * 4,
    trainableBytes: trainable * 4,
    nonTrainableBytes: nonTrainable * 4,
  };
}

/** A model is "sequential-like" when no layer merges several inputs or feeds several consumers. */
function sequentialLike(table: SummaryTable): boolean {
  if (table.className === 'Sequential') return true;
  const consumers = new Map<string, number>();
  for (const row of table.rows) {
    if (row.inbound.length > 1) return false;
    for (const name of row.inbound) consumers.set(name, (consumers.get(name) ?? 0) + 1);
  }
  return [...consumers.values()].every((n) => n <= 1);
}

function withThousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** Keras's print_row: each field is cut at its column end, and padded to it. */
function printRow(fields: string[], positions: number[]): string {
  let line = '';
  fields.forEach((field, i) => {
    if (i > 0) line = line.slice(0, -1) + ' ';
    line += field;
    line = line.slice(0, positions[i]);
    line += ' '.repeat(positions[i] - line.length);
  });
  return line;
}

export function formatSummary(table: SummaryTable): string {
  const sequential = sequentialLike(table);
  const lineLength = sequential ? 65 : 98;
  const relative = sequential ? [0.45, 0.85, 1] : [0.33, 0.55, 0.67, 1];
  const positions = relative.map((p) => Math.floor(lineLength * p));
  const header = sequential ? ['Layer (type)', 'Output Shape', 'Param #'] : ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'];
  const lines: string[] = [`Model: "${table.modelName}"`, '_'.repeat(lineLength), printRow(header, positions), '='.repeat(lineLength)];
  table.rows.forEach((row, i) => {
    const first = `${row.name} (${row.className})`;
    if (sequential) {
      lines.push(printRow([first, row.outputShape, String(row.params)], positions));
    } else {
      const connected = row.inbound.map((name) => `${name}[0][0]`);
      lines.push(printRow([first, row.outputShape, String(row.params), connected[0] ?? ''], positions));
      for (const more of connected.slice(1)) lines.push(printRow(['', '', '', more], positions));
    }
    lines.push(i === table.rows.length - 1 ? '='.repeat(lineLength) : '_'.repeat(lineLength));
  });
  lines.push(`Total params: ${withThousands(table.totalParams)}`);
  lines.push(`Trainable params: ${withThousands(table.trainableParams)}`);
  lines.push(`Non-trainable params: ${withThousands(table.nonTrainableParams)}`);
  lines.push('_'.repeat(lineLength));
  return lines.join('\n');
}
