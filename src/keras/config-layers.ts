/**
 * Keras layer options TensorFlow.js lacks, implemented so that Keras files using them compute
 * Keras's numbers. Registered under Keras's own class names, replacing TensorFlow.js's narrower
 * classes: the configs stay plain Keras configs in every format we write.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {ATTENTION_LAYER_CLASSES} from './layers/attention';
import {KerasBidirectional} from './layers/bidirectional';
import {NORMALIZATION_LAYER_CLASSES} from './layers/normalization';

/**
 * tfjs-layers calls some ops as tensor methods (`x.flatten()` in the Orthogonal initializer of
 * LSTM/GRU recurrent kernels). Those methods come from tfjs-core's ES-module-only
 * `register_all_chained_ops`, which the CommonJS build cannot load; define them from the ops.
 */
export function installChainedTensorMethods(): void {
  const proto = tf.Tensor.prototype as unknown as Record<string, unknown>;
  if (typeof proto.flatten === 'function') return;
  const define = (name: string, fn: (this: tf.Tensor, ...args: unknown[]) => unknown) => {
    if (typeof proto[name] !== 'function') proto[name] = fn;
  };
  for (const [name, op] of Object.entries(tf)) {
    if (typeof op === 'function' && /__op$/.test((op as {name: string}).name)) {
      define(name, function (this: tf.Tensor, ...args: unknown[]) {
        return (op as (...a: unknown[]) => unknown)(this, ...args);
      });
    }
  }
  define('flatten', function () { return tf.reshape(this, [this.size]); });
  define('asScalar', function () { return tf.reshape(this, []); });
  define('as1D', function () { return tf.reshape(this, [this.size]); });
  for (const rank of [2, 3, 4, 5]) {
    define(`as${rank}D`, function (...dims: unknown[]) { return tf.reshape(this, dims as number[]); });
  }
  define('asType', function (dtype: unknown) { return tf.cast(this, dtype as tf.DataType); });
  define('toFloat', function () { return tf.cast(this, 'float32'); });
  define('toInt', function () { return tf.cast(this, 'int32'); });
  define('toBool', function () { return tf.cast(this, 'bool'); });
  define('reshapeAs', function (other: unknown) { return tf.reshape(this, (other as tf.Tensor).shape); });
}

/** Which optional Keras behaviours the registered layers implement (read by the config checks). */
export const KERAS_COMPAT_LAYER_OPTIONS = {
  gruResetAfter: true,
  bidirectionalBackwardLayer: true,
};

interface ReLUArgs {
  maxValue?: number | null;
  negativeSlope?: number;
  threshold?: number;
  name?: string;
  trainable?: boolean;
  dtype?: string;
  batchInputShape?: number[];
  inputShape?: number[];
}

/**
 * Keras ReLU: x above `threshold` passes (clipped at `max_value`), below it the output is
 * `negative_slope * (x - threshold)`. Computed in the same steps as Keras's backend relu.
 */
export class KerasReLU extends tfl.layers.Layer {
  static className = 'ReLU';
  readonly maxValue: number | null;
  readonly negativeSlope: number;
  readonly threshold: number;

  constructor(args: ReLUArgs = {}) {
    super(args as never);
    this.supportsMasking = true;
    this.maxValue = args.maxValue ?? null;
    this.negativeSlope = args.negativeSlope ?? 0;
    this.threshold = args.threshold ?? 0;
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const {maxValue, negativeSlope: slope, threshold} = this;
      if (slope !== 0 && maxValue === null && threshold === 0) return tf.leakyRelu(x, slope);
      let positive: tf.Tensor;
      if (threshold !== 0) positive = tf.mul(x, tf.cast(tf.greater(x, threshold), x.dtype));
      else positive = tf.relu(x);
      if (maxValue !== null) positive = tf.clipByValue(positive, 0, maxValue);
      if (slope === 0) return positive;
      const negative = threshold !== 0 ? tf.relu(tf.add(tf.neg(x), threshold)) : tf.relu(tf.neg(x));
      return tf.sub(positive, tf.mul(slope, negative));
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return inputShape;
  }

  getConfig(): tf.serialization.ConfigDict {
    return {...super.getConfig(), maxValue: this.maxValue, negativeSlope: this.negativeSlope, threshold: this.threshold};
  }
}

interface ELUArgs extends Omit<ReLUArgs, 'maxValue' | 'negativeSlope' | 'threshold'> {
  alpha?: number;
}

/** Keras ELU with any alpha (TensorFlow.js's ELU layer accepts only alpha = 1). */
export class KerasELU extends tfl.layers.Layer {
  static className = 'ELU';
  readonly alpha: number;

  constructor(args: ELUArgs = {}) {
    super(args as never);
    this.supportsMasking = true;
    this.alpha = args.alpha ?? 1;
  }

  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const elu = tf.elu(x);
      if (this.alpha === 1) return elu;
      return tf.where(tf.greater(x, 0), elu, tf.mul(this.alpha, elu));
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    return inputShape;
  }

  getConfig(): tf.serialization.ConfigDict {
    return {...super.getConfig(), alpha: this.alpha};
  }
}

type LayerConstructor = new (args: never) => tfl.layers.Layer;
type Conv1DInternals = tfl.layers.Layer & {
  dataFormat: 'channelsFirst' | 'channelsLast';
  padding: string;
  kernelSize: number[];
  dilationRate: number[];
};

// TensorFlow.js's own Conv1D class, reached through its factory (the class itself is not exported).
const TfjsConv1D = tfl.layers.conv1d({filters: 1, kernelSize: 1}).constructor as unknown as LayerConstructor;

/**
 * Keras Conv1D. TensorFlow.js's Conv1D returns channels-last data for channels_first inputs (and
 * drops data_format when saving) and rejects causal padding; this computes both as Keras does.
 */
export class KerasConv1D extends TfjsConv1D {
  static className = 'Conv1D';

  constructor(args: Record<string, unknown>) {
    const causal = args.padding === 'causal';
    super({...args, padding: causal ? 'valid' : args.padding} as never);
    if (causal) (this as unknown as Conv1DInternals).padding = 'causal';
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const self = this as unknown as Conv1DInternals;
    const base = (TfjsConv1D.prototype as unknown as {call: (this: unknown, x: tf.Tensor, k: unknown) => tf.Tensor}).call;
    return tf.tidy(() => {
      let x = Array.isArray(inputs) ? inputs[0] : inputs;
      const channelsFirst = self.dataFormat === 'channelsFirst';
      const causal = self.padding === 'causal';
      if (channelsFirst) x = tf.transpose(x, [0, 2, 1]);
      if (causal) x = tf.pad(x, [[0, 0], [self.dilationRate[0] * (self.kernelSize[0] - 1), 0], [0, 0]]);
      const saved = {dataFormat: self.dataFormat, padding: self.padding};
      self.dataFormat = 'channelsLast';
      if (causal) self.padding = 'valid';
      let y: tf.Tensor;
      try {
        y = base.call(this, x, kwargs);
      } finally {
        self.dataFormat = saved.dataFormat;
        self.padding = saved.padding;
      }
      return channelsFirst ? tf.transpose(y, [0, 2, 1]) : y;
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    const self = this as unknown as Conv1DInternals;
    if (self.padding !== 'causal') return super.computeOutputShape(inputShape);
    self.padding = 'same';
    try {
      return super.computeOutputShape(inputShape); // causal keeps the length, like 'same' at stride 1
    } finally {
      self.padding = 'causal';
    }
  }

  getConfig(): tf.serialization.ConfigDict {
    const self = this as unknown as Conv1DInternals;
    return {...super.getConfig(), dataFormat: self.dataFormat, padding: self.padding};
  }
}

interface GRUCellInternals {
  units: number;
  useBias: boolean;
  dropout: number;
  recurrentDropout: number;
  kernel: tfl.LayerVariable;
  recurrentKernel: tfl.LayerVariable;
  bias: tfl.LayerVariable | null;
  kernelInitializer: unknown;
  recurrentInitializer: unknown;
  biasInitializer: unknown;
  kernelRegularizer: unknown;
  recurrentRegularizer: unknown;
  biasRegularizer: unknown;
  kernelConstraint: unknown;
  recurrentConstraint: unknown;
  biasConstraint: unknown;
  activation: {apply: (x: tf.Tensor) => tf.Tensor};
  recurrentActivation: {apply: (x: tf.Tensor) => tf.Tensor};
  dropoutMask: tf.Tensor | null;
  recurrentDropoutMask: tf.Tensor | null;
  built: boolean;
  addWeight: (...args: unknown[]) => tfl.LayerVariable;
}

const TfjsGRUCell = tfl.layers.gruCell({units: 1}).constructor as unknown as LayerConstructor;
const TfjsGRU = tfl.layers.gru({units: 1}).constructor as unknown as LayerConstructor;

/**
 * The GRU cell of tf.keras 2 and Keras 3 with reset_after=True (their default): the reset gate
 * multiplies the recurrent projection after the matrix product, and input and recurrent parts
 * have separate biases, stored as one (2, 3*units) bias.
 */
export class ResetAfterGRUCell extends TfjsGRUCell {
  static className = 'ResetAfterGRUCell';

  constructor(args: Record<string, unknown>) {
    super({...args, resetAfter: false} as never);
  }

  build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const self = this as unknown as GRUCellInternals;
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    const inputDim = shape[shape.length - 1] as number;
    const u = self.units;
    self.kernel = self.addWeight('kernel', [inputDim, 3 * u], null, self.kernelInitializer, self.kernelRegularizer, true, self.kernelConstraint);
    self.recurrentKernel = self.addWeight('recurrent_kernel', [u, 3 * u], null, self.recurrentInitializer, self.recurrentRegularizer, true, self.recurrentConstraint);
    self.bias = self.useBias
      ? self.addWeight('bias', [2, 3 * u], null, self.biasInitializer, self.biasRegularizer, true, self.biasConstraint)
      : null;
    self.built = true;
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
    const self = this as unknown as GRUCellInternals;
    return tf.tidy(() => {
      const [xIn, hIn] = inputs as tf.Tensor[];
      const training = kwargs?.training === true;
      let x = xIn;
      let hPrev = hIn;
      if (training && self.dropout > 0 && self.dropout < 1) {
        self.dropoutMask ??= tf.keep(tf.dropout(tf.onesLike(xIn), self.dropout));
        x = tf.mul(x, self.dropoutMask);
      }
      if (training && self.recurrentDropout > 0 && self.recurrentDropout < 1) {
        self.recurrentDropoutMask ??= tf.keep(tf.dropout(tf.onesLike(hIn), self.recurrentDropout));
        hPrev = tf.mul(hPrev, self.recurrentDropoutMask);
      }
      let matrixX = tf.matMul(x, self.kernel.read());
      let matrixInner = tf.matMul(hPrev, self.recurrentKernel.read());
      if (self.bias) {
        const [inputBias, recurrentBias] = tf.unstack(self.bias.read());
        matrixX = tf.add(matrixX, inputBias);
        matrixInner = tf.add(matrixInner, recurrentBias);
      }
      const [xZ, xR, xH] = tf.split(matrixX, 3, -1);
      const [rZ, rR, rH] = tf.split(matrixInner, 3, -1);
      const z = self.recurrentActivation.apply(tf.add(xZ, rZ));
      const r = self.recurrentActivation.apply(tf.add(xR, rR));
      const hh = self.activation.apply(tf.add(xH, tf.mul(r, rH)));
      const h = tf.add(tf.mul(z, hIn), tf.mul(tf.sub(1, z), hh));
      return [h, h];
    });
  }

  getConfig(): tf.serialization.ConfigDict {
    return {...super.getConfig(), resetAfter: true};
  }
}

/** Keras GRU: TensorFlow.js's GRU, with Keras's reset_after=True computed by ResetAfterGRUCell. */
export class KerasGRU extends TfjsGRU {
  static className = 'GRU';
  readonly resetAfter: boolean;

  constructor(args: Record<string, unknown>) {
    const resetAfter = args.resetAfter === true;
    super({...args, resetAfter: false} as never);
    this.resetAfter = resetAfter;
    if (resetAfter) (this as unknown as {cell: tfl.layers.Layer}).cell = new ResetAfterGRUCell(args);
  }

  getConfig(): tf.serialization.ConfigDict {
    return {...super.getConfig(), resetAfter: this.resetAfter};
  }
}

type Registrable = tf.serialization.SerializableConstructor<tf.serialization.Serializable>;
const COMPAT_CLASSES = [
  KerasReLU, KerasELU, KerasConv1D, KerasGRU, KerasBidirectional, ...ATTENTION_LAYER_CLASSES, ...NORMALIZATION_LAYER_CLASSES,
] as unknown as Array<Registrable & {className: string}>;

/** TensorFlow.js's own classes for the names we replace, captured before anything replaced them. */
const builtins = new Map(COMPAT_CLASSES.map((c) => [c.className, classRegisteredAs(c.className)]));

function classRegisteredAs(name: string): unknown {
  return tf.serialization.SerializationMap.getMap().classNameMap[name]?.[0];
}

/**
 * Registers the Keras-compatible layer classes with TensorFlow.js's serialization. A class the
 * user registered under the same name (custom_objects) is left in place.
 */
export function registerKerasCompatLayers(): void {
  installChainedTensorMethods();
  for (const cls of COMPAT_CLASSES) {
    const current = classRegisteredAs(cls.className);
    if (current === cls || (current !== undefined && current !== builtins.get(cls.className))) continue;
    tf.serialization.registerClass(cls);
  }
}
