/**
 * Keras normalization and preprocessing layers TensorFlow.js lacks: `GroupNormalization`,
 * `UnitNormalization`, and the preprocessing layers that live inside saved models,
 * `Normalization` (stored mean and variance) and `Discretization` (bin boundaries).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  type BaseLayerArgs, type Constraint, type Initializer, type Regularizer, LayerArgumentError, resolveWeightArgs, serializeObject, snakeValue,
} from './support';

function axisList(axis: unknown, fallback: number[]): number[] {
  if (axis == null) return fallback;
  return Array.isArray(axis) ? axis.map(Number) : [Number(axis)];
}

function positiveAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

interface GroupNormalizationArgs extends BaseLayerArgs {
  groups?: number;
  axis?: number | number[];
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  betaInitializer?: unknown;
  gammaInitializer?: unknown;
  betaRegularizer?: unknown;
  gammaRegularizer?: unknown;
  betaConstraint?: unknown;
  gammaConstraint?: unknown;
}

type WeightSpec = {initializer: Initializer; regularizer?: Regularizer; constraint?: Constraint};

/**
 * Keras `GroupNormalization`: the channels (axis) split into `groups`; each sample's group is
 * normalized by its mean and variance over the group's channels and all other non-batch axes,
 * then scaled by gamma and shifted by beta per channel.
 */
export class KerasGroupNormalization extends tfl.layers.Layer {
  static className = 'GroupNormalization';
  groups: number;
  readonly axis: number;
  readonly epsilon: number;
  readonly center: boolean;
  readonly scale: boolean;
  private readonly gammaSpec: WeightSpec;
  private readonly betaSpec: WeightSpec;
  private gamma: tfl.LayerVariable | null = null;
  private beta: tfl.LayerVariable | null = null;

  constructor(args: GroupNormalizationArgs = {}) {
    super(args as never);
    this.supportsMasking = true;
    this.groups = args.groups ?? 32;
    const axes = axisList(args.axis, [-1]);
    if (axes.length !== 1) throw new LayerArgumentError(this.name, 'GroupNormalization', `axis must be a single axis, got ${JSON.stringify(args.axis)}`);
    this.axis = axes[0];
    this.epsilon = args.epsilon ?? 1e-3;
    this.center = args.center ?? true;
    this.scale = args.scale ?? true;
    this.gammaSpec = resolveWeightArgs({initializer: args.gammaInitializer, regularizer: args.gammaRegularizer, constraint: args.gammaConstraint}, 'ones');
    this.betaSpec = resolveWeightArgs({initializer: args.betaInitializer, regularizer: args.betaRegularizer, constraint: args.betaConstraint}, 'zeros');
  }

  build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const axis = positiveAxis(this.axis, shape.length);
    const dim = shape[axis];
    const refuse = (why: string) => { throw new LayerArgumentError(this.name, 'GroupNormalization', why); };
    if (axis <= 0 || axis >= shape.length) refuse(`axis ${this.axis} is out of range for input shape ${JSON.stringify(shape)}`);
    if (dim == null) refuse(`axis ${this.axis} of the input must have a defined size, got shape ${JSON.stringify(shape)}`);
    if (this.groups === -1) this.groups = dim as number;
    if ((dim as number) < this.groups) refuse(`number of groups (${this.groups}) cannot be more than the number of channels (${dim})`);
    if ((dim as number) % this.groups !== 0) refuse(`number of groups (${this.groups}) must divide the number of channels (${dim})`);
    const add = (name: string, spec: WeightSpec) =>
      this.addWeight(name, [dim as number], 'float32', spec.initializer, spec.regularizer, true, spec.constraint);
    if (this.scale) this.gamma = add('gamma', this.gammaSpec);
    if (this.center) this.beta = add('beta', this.betaSpec);
    this.built = true;
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const rank = x.rank;
      const axis = positiveAxis(this.axis, rank);
      const dim = x.shape[axis];
      // (batch, ..., groups, channels per group, ...): statistics over everything but batch and groups.
      const grouped = [...x.shape.slice(0, axis), this.groups, dim / this.groups, ...x.shape.slice(axis + 1)];
      const reshaped = tf.reshape(x, grouped);
      const reduce = Array.from({length: rank}, (_, i) => i + 1).filter((i) => i !== axis);
      const {mean, variance} = tf.moments(reshaped, reduce, true);
      const broadcast = grouped.map((_, i) => (i === axis || i === axis + 1 ? grouped[i] : 1));
      let inv = tf.rsqrt(tf.add(variance, this.epsilon));
      if (this.gamma) inv = tf.mul(inv, tf.reshape(this.gamma.read(), broadcast));
      let shift = tf.neg(tf.mul(mean, inv));
      if (this.beta) shift = tf.add(shift, tf.reshape(this.beta.read(), broadcast));
      return tf.reshape(tf.add(tf.mul(reshaped, inv), shift), x.shape);
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return inputShape;
  }

  getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(), groups: this.groups, axis: this.axis, epsilon: this.epsilon, center: this.center, scale: this.scale,
      betaInitializer: serializeObject(this.betaSpec.initializer), gammaInitializer: serializeObject(this.gammaSpec.initializer),
      betaRegularizer: serializeObject(this.betaSpec.regularizer), gammaRegularizer: serializeObject(this.gammaSpec.regularizer),
      betaConstraint: serializeObject(this.betaSpec.constraint), gammaConstraint: serializeObject(this.gammaSpec.constraint),
    };
  }
}

interface UnitNormalizationArgs extends BaseLayerArgs {
  axis?: number | number[];
}

/**
 * Squared norms are clamped at this (tf.math.l2_normalize's epsilon: tf.keras 2, Keras 3 before
 * 3.6); later Keras 3 clamps at 1e-24: the two differ only for vectors of norm below 1e-6.
 */
const UNIT_NORM_EPSILON = 1e-12;

/** Keras `UnitNormalization`: x / ||x||_2 over `axis`, with the squared norm clamped at 1e-12. */
export class KerasUnitNormalization extends tfl.layers.Layer {
  static className = 'UnitNormalization';
  readonly axis: number[];

  constructor(args: UnitNormalizationArgs = {}) {
    super(args as never);
    this.supportsMasking = true;
    this.axis = axisList(args.axis, [-1]);
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const squareSum = tf.sum(tf.square(x), this.axis.map((a) => positiveAxis(a, x.rank)), true);
      return tf.mul(x, tf.rsqrt(tf.maximum(squareSum, UNIT_NORM_EPSILON)));
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return inputShape;
  }

  getConfig(): tf.serialization.ConfigDict {
    return {...super.getConfig(), axis: this.axis.length === 1 ? this.axis[0] : this.axis};
  }
}

type NestedNumbers = number | NestedNumbers[];

interface NormalizationArgs extends BaseLayerArgs {
  axis?: number | number[] | null;
  mean?: NestedNumbers | null;
  variance?: NestedNumbers | null;
  invert?: boolean;
}

/** Keras's backend.epsilon(): the floor of the standard deviation Normalization divides by. */
const KERAS_EPSILON = 1e-7;

/**
 * Keras preprocessing `Normalization`: (x - mean) / max(sqrt(variance), 1e-7) per kept axis
 * (invert: mean + x * max(sqrt(variance), 1e-7)). Mean and variance come from the config, or,
 * for an adapted layer, from its non-trainable weights `mean`, `variance` and `count`.
 */
export class KerasNormalization extends tfl.layers.Layer {
  static className = 'Normalization';
  readonly axis: number[];
  readonly inputMean: NestedNumbers | null;
  readonly inputVariance: NestedNumbers | null;
  readonly invert: boolean;
  private adaptMean: tfl.LayerVariable | null = null;
  private adaptVariance: tfl.LayerVariable | null = null;
  private broadcastShape: number[] = [];

  constructor(args: NormalizationArgs = {}) {
    super(args as never);
    this.supportsMasking = true;
    this.axis = args.axis === null ? [] : axisList(args.axis, [-1]);
    this.inputMean = args.mean ?? null;
    this.inputVariance = args.variance ?? null;
    this.invert = args.invert ?? false;
    if ((this.inputMean === null) !== (this.inputVariance === null)) {
      throw new LayerArgumentError(this.name, 'Normalization', 'when setting values directly, both mean and variance must be set');
    }
  }

  build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const rank = shape.length;
    const refuse = (why: string) => { throw new LayerArgumentError(this.name, 'Normalization', why); };
    if (this.axis.some((a) => a < -rank || a >= rank)) refuse(`axis ${JSON.stringify(this.axis)} is out of range for inputs of rank ${rank}`);
    const keep = [...new Set(this.axis.map((a) => positiveAxis(a, rank)))].sort((a, b) => a - b);
    for (const d of keep) if (shape[d] == null) refuse(`kept axis ${d} must have a known size, got input shape ${JSON.stringify(shape)}`);
    this.broadcastShape = shape.map((d, i) => (keep.includes(i) ? d as number : 1));
    const kept = keep.map((d) => shape[d] as number);
    if (this.inputMean === null) {
      this.adaptMean = this.addWeight('mean', kept, 'float32', tfl.initializers.zeros(), undefined, false);
      this.adaptVariance = this.addWeight('variance', kept, 'float32', tfl.initializers.ones(), undefined, false);
      // Keras keeps the adapt() sample count (an integer) for compatibility; stored as a number here.
      this.addWeight('count', [], 'float32', tfl.initializers.zeros(), undefined, false);
    } else {
      const mean = tf.tensor(this.inputMean as number[]);
      const variance = tf.tensor(this.inputVariance as number[]);
      try {
        if (JSON.stringify(mean.shape) !== JSON.stringify(variance.shape)) refuse(`mean ${JSON.stringify(mean.shape)} and variance ${JSON.stringify(variance.shape)} must have the same shape`);
        if (mean.rank > keep.length) refuse(`mean of rank ${mean.rank} has more axes than axis ${JSON.stringify(this.axis)} keeps`);
        // Keras aligns the given mean's dimensions with the kept axes from the right.
        const expanded = new Array(rank).fill(1);
        for (let i = 1; i <= mean.rank; i++) expanded[keep[keep.length - i]] = mean.shape[mean.rank - i];
        expanded.forEach((d, i) => { if (d !== 1 && d !== this.broadcastShape[i]) refuse(`mean of shape ${JSON.stringify(mean.shape)} does not fit input shape ${JSON.stringify(shape)}`); });
      } finally {
        tf.dispose([mean, variance]);
      }
    }
    this.built = true;
  }

  private statistics(): {mean: tf.Tensor; variance: tf.Tensor} {
    if (this.adaptMean && this.adaptVariance) {
      return {mean: tf.reshape(this.adaptMean.read(), this.broadcastShape), variance: tf.reshape(this.adaptVariance.read(), this.broadcastShape)};
    }
    const rank = this.broadcastShape.length;
    const keep = [...new Set(this.axis.map((a) => positiveAxis(a, rank)))].sort((a, b) => a - b);
    const given = (v: NestedNumbers) => {
      const t = tf.tensor(v as number[]);
      const expanded = new Array(rank).fill(1);
      for (let i = 1; i <= t.rank; i++) expanded[keep[keep.length - i]] = t.shape[t.rank - i];
      return tf.broadcastTo(tf.reshape(t, expanded), this.broadcastShape);
    };
    return {mean: given(this.inputMean!), variance: given(this.inputVariance!)};
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = tf.cast(Array.isArray(inputs) ? inputs[0] : inputs, 'float32');
      const {mean, variance} = this.statistics();
      const std = tf.maximum(tf.sqrt(variance), KERAS_EPSILON);
      return this.invert ? tf.add(mean, tf.mul(x, std)) : tf.div(tf.sub(x, mean), std);
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return inputShape;
  }

  getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      axis: this.axis.length === 1 ? this.axis[0] : this.axis,
      mean: this.inputMean as never,
      variance: this.inputVariance as never,
      invert: this.invert,
    };
  }
}

interface DiscretizationArgs extends BaseLayerArgs {
  binBoundaries?: number[] | null;
  numBins?: number | null;
  epsilon?: number;
  outputMode?: string;
  sparse?: boolean;
}

const DISCRETIZATION_MODES = ['int', 'one_hot', 'multi_hot', 'count'];

/**
 * Keras preprocessing `Discretization`: the bucket of each value (the number of bin boundaries
 * <= x, as numpy.digitize), as int32 indices or one_hot / multi_hot / count encodings.
 */
export class KerasDiscretization extends tfl.layers.Layer {
  static className = 'Discretization';
  readonly binBoundaries: number[];
  readonly numBins: number | null;
  readonly epsilon: number;
  readonly outputMode: string;

  constructor(args: DiscretizationArgs = {}) {
    super(args as never);
    const refuse = (why: string) => { throw new LayerArgumentError(this.name, 'Discretization', why); };
    this.outputMode = String(snakeValue(args.outputMode ?? 'int'));
    if (!DISCRETIZATION_MODES.includes(this.outputMode)) refuse(`output_mode must be one of ${DISCRETIZATION_MODES.join(', ')}, got '${this.outputMode}'`);
    if (args.sparse === true) refuse('sparse=True outputs are not supported');
    if (args.binBoundaries == null) {
      refuse(args.numBins != null
        ? 'has num_bins but no bin_boundaries: the layer was saved before adapt(), or by a Keras version that keeps the boundaries in its adapt summary; pass bin_boundaries'
        : 'needs bin_boundaries');
    }
    this.binBoundaries = (args.binBoundaries as number[]).map(Number);
    for (let i = 1; i < this.binBoundaries.length; i++) {
      if (!(this.binBoundaries[i] >= this.binBoundaries[i - 1])) refuse(`bin_boundaries must be sorted ascending, got ${JSON.stringify(args.binBoundaries)}`);
    }
    this.numBins = args.numBins ?? null;
    this.epsilon = args.epsilon ?? 0.01;
  }

  private get depth(): number {
    return this.binBoundaries.length + 1;
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = tf.cast(Array.isArray(inputs) ? inputs[0] : inputs, 'float32');
      let indices: tf.Tensor = tf.zeros(x.shape, 'int32');
      for (const boundary of this.binBoundaries) indices = tf.add(indices, tf.cast(tf.greaterEqual(x, boundary), 'int32'));
      if (this.outputMode === 'int') return indices;
      // One-hot by comparison with 0..depth-1 (the wasm backend's OneHot kernel ignores the float dtype).
      const oneHot = (t: tf.Tensor) => tf.cast(tf.equal(tf.expandDims(t, -1), tf.range(0, this.depth, 1, 'int32')), 'float32');
      if (this.outputMode === 'one_hot') {
        return oneHot(indices.rank > 1 && indices.shape[indices.rank - 1] === 1 ? tf.squeeze(indices, [indices.rank - 1]) : indices);
      }
      if (indices.rank !== 2) {
        throw new LayerArgumentError(this.name, 'Discretization', `output_mode '${this.outputMode}' is supported for inputs of shape (batch, values) only`);
      }
      const encoded = oneHot(indices);
      return this.outputMode === 'multi_hot' ? tf.max(encoded, 1) : tf.sum(encoded, 1);
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    if (this.outputMode === 'int') return shape;
    if (this.outputMode === 'one_hot') {
      return shape.length > 1 && shape[shape.length - 1] === 1 ? [...shape.slice(0, -1), this.depth] : [...shape, this.depth];
    }
    return [shape[0], this.depth];
  }

  getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(), binBoundaries: this.binBoundaries, numBins: this.numBins, epsilon: this.epsilon,
      outputMode: this.outputMode, sparse: false,
    };
  }
}

export const NORMALIZATION_LAYER_CLASSES = [KerasGroupNormalization, KerasUnitNormalization, KerasNormalization, KerasDiscretization];
