/** Shape arithmetic shared by the layer catalog's rules: no tensors, only numbers. */

/** One sample's shape (batch axis excluded); null = unknown until run time (Keras's None). */
export type Shape = (number | null)[];

/** A shape rule's refusal; `arg` names the argument at fault, when one is. */
export class ShapeProblem extends Error {
  constructor(message: string, readonly arg?: string) {
    super(message);
    this.name = 'ShapeProblem';
  }
}

/** Product of the known dimensions (unknown ones count 1: a lower bound for FLOPs). */
export function knownProduct(shape: Shape): number {
  return shape.reduce<number>((n, d) => n * (d ?? 1), 1);
}

/** Keras's normalize_tuple: an int or a list of `rank` ints. */
export function normalizeTuple(value: unknown, rank: number, field: string): number[] {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return new Array(rank).fill(value);
  if (Array.isArray(value) && value.length === rank && value.every((v) => Number.isInteger(v) && v >= 1)) return value as number[];
  throw new ShapeProblem(`${field} must be a positive int or a list of ${rank} positive ints, got ${JSON.stringify(value)}`, field);
}

/**
 * Output length of a convolution or pooling window along one axis (Keras's conv_output_length
 * and deconv_output_length).
 */
export function conv(size: number | null, kernel: number, stride: number, dilation: number, padding: string,
  transpose: boolean, axis: number, layer: string, field = 'kernel_size'): number | null {
  if (size === null) return null;
  const window = (kernel - 1) * dilation + 1;
  if (transpose) return padding === 'valid' ? size * stride + Math.max(window - stride, 0) : size * stride;
  if (padding === 'same' || padding === 'causal') return Math.ceil(size / stride);
  if (window > size) {
    const what = field === 'pool_size' ? 'pool' : 'kernel';
    throw new ShapeProblem(`${layer}: the ${what} (${window}${dilation > 1 ? `, dilated` : ''}) is larger than its input (${size} on spatial axis ${axis + 1}) with padding "valid"`, field);
  }
  return Math.floor((size - window) / stride) + 1;
}
