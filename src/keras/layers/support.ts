/**
 * Small helpers shared by the Keras layers TensorFlow.js never implemented: argument resolution
 * through TensorFlow.js's own deserializers, config serialization, and one error type whose
 * message names the layer and the Keras argument.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

export type Initializer = ReturnType<typeof tfl.initializers.zeros>;
export type Regularizer = ReturnType<typeof tfl.regularizers.l1l2>;
export type Constraint = ReturnType<typeof tfl.constraints.maxNorm>;

/** What Keras layer constructors take besides their own arguments (name, trainable, dtype, ...). */
export interface BaseLayerArgs {
  name?: string;
  trainable?: boolean;
  dtype?: string;
  batchInputShape?: (number | null)[];
  inputShape?: (number | null)[];
  [key: string]: unknown;
}

/**
 * An initializer / regularizer / constraint from a Keras identifier (name or {className, config}),
 * resolved by TensorFlow.js's own deserializers: a Dense layer built with it holds the object.
 */
export function resolveWeightArgs(args: {initializer?: unknown; regularizer?: unknown; constraint?: unknown}, defaultInitializer: string): {
  initializer: Initializer; regularizer?: Regularizer; constraint?: Constraint;
} {
  const dense = tfl.layers.dense({
    units: 1,
    kernelInitializer: (args.initializer ?? defaultInitializer) as never,
    kernelRegularizer: (args.regularizer ?? undefined) as never,
    kernelConstraint: (args.constraint ?? undefined) as never,
  }) as unknown as {kernelInitializer: Initializer; kernelRegularizer?: Regularizer; kernelConstraint?: Constraint};
  return {
    initializer: dense.kernelInitializer,
    regularizer: dense.kernelRegularizer ?? undefined,
    constraint: dense.kernelConstraint ?? undefined,
  };
}

/** The {className, config} TensorFlow.js writes for an initializer, regularizer or constraint. */
export function serializeObject(value: {getClassName(): string; getConfig(): tf.serialization.ConfigDict} | undefined | null): tf.serialization.ConfigDict | null {
  if (value == null) return null;
  return {className: value.getClassName(), config: value.getConfig()};
}

/** Raised for configurations Keras accepts and this engine does not compute (or Keras refuses). */
export class LayerArgumentError extends Error {
  constructor(layer: string, className: string, why: string) {
    super(`layer '${layer}' (${className}): ${why}`);
    this.name = 'LayerArgumentError';
  }
}

/** A (sub)shape as a list, whether a layer got one input or a list of them. */
export function shapeList(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape[] {
  return Array.isArray(inputShape[0]) || (inputShape.length > 0 && inputShape[0] === undefined)
    ? inputShape as tfl.Shape[]
    : [inputShape as tfl.Shape];
}

export function tensorList(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(inputs) ? inputs : [inputs];
}

/** Strings in configs read by TensorFlow.js arrive camelCased ('one_hot' -> 'oneHot'); Keras spells them in snake_case. */
export function snakeValue(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() : value;
}

/** A call keyword argument, whichever spelling (Keras's snake_case, TensorFlow.js's camelCase) reached us. */
export function callArg(kwargs: Record<string, unknown> | undefined, snake: string): unknown {
  if (!kwargs) return undefined;
  if (snake in kwargs) return kwargs[snake];
  const camel = snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
  return kwargs[camel];
}

/** Dropout on a tensor during training only, at Keras's rate semantics. */
export function trainingDropout(x: tf.Tensor, rate: number, kwargs: Record<string, unknown> | undefined): tf.Tensor {
  if (!(rate > 0 && rate < 1) || kwargs?.training !== true) return x;
  return tf.dropout(x, rate);
}

/**
 * The same tensor given twice to one layer (self-attention: mha(x, x), Attention()([x, x])).
 * TensorFlow.js's executor counts that tensor's consumers once but releases it once per link, so
 * at inference it disposes the tensor while later layers (a residual Add) still need it. The graph
 * keeps both links (configs are saved as Keras wrote them); the executor is shown each tensor
 * once, and the layer repeats them back in `expand`.
 */
export class RepeatedInputs {
  /** For each call position, the index among the distinct inputs; null when all differ. */
  private pattern: number[] | null = null;

  /** After a symbolic apply: gives the executor the distinct inputs only. */
  record(layer: tfl.layers.Layer, inputs: unknown[], output: unknown): void {
    const distinct = [...new Set(inputs)];
    if (distinct.length === inputs.length) return;
    const pattern = inputs.map((t) => distinct.indexOf(t));
    if (this.pattern && this.pattern.join() !== pattern.join()) {
      throw new LayerArgumentError(layer.name, layer.getClassName(), 'a layer shared between calls that repeat different inputs is not supported');
    }
    this.pattern = pattern;
    for (const out of Array.isArray(output) ? output : [output]) {
      if (out instanceof tfl.SymbolicTensor) (out as unknown as {inputs: unknown[]}).inputs = distinct;
    }
  }

  /** The inputs in call order, from the distinct ones the executor passes. */
  expand<T>(inputs: T[]): T[] {
    if (!this.pattern || inputs.length === this.pattern.length) return inputs;
    const distinct = Math.max(...this.pattern) + 1;
    return inputs.length === distinct ? this.pattern.map((i) => inputs[i]) : inputs;
  }
}
