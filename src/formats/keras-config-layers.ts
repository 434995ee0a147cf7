/**
 * Keras layer options TensorFlow.js lacks, implemented so that Keras files using them compute
 * Keras's numbers. Registered under Keras's own class names, replacing TensorFlow.js's narrower
 * classes: the configs stay plain Keras configs in every format we write.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
// tfjs-layers' Orthogonal initializer (LSTM/GRU recurrent kernels) calls chained tensor methods.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

/** Which optional Keras behaviours the registered layers implement (read by the config checks). */
export const KERAS_COMPAT_LAYER_OPTIONS = {
  gruResetAfter: false,
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

type Registrable = tf.serialization.SerializableConstructor<tf.serialization.Serializable>;
const COMPAT_CLASSES = [KerasReLU, KerasELU, KerasConv1D] as unknown as Array<Registrable & {className: string}>;

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
  for (const cls of COMPAT_CLASSES) {
    const current = classRegisteredAs(cls.className);
    if (current === cls || (current !== undefined && current !== builtins.get(cls.className))) continue;
    tf.serialization.registerClass(cls);
  }
}
