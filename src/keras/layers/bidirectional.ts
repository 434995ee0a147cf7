/**
 * Keras `Bidirectional` with a separately configured `backward_layer` (Keras 3 always writes one;
 * tf.keras 2 when the user passed one). TensorFlow.js's Bidirectional always derives the backward
 * layer from the forward one; this one uses the stored backward layer when there is one.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {LayerArgumentError} from './support';

type LayerConstructor = new (args: never) => tfl.layers.Layer;
type SerializableClass = {fromConfig(cls: unknown, config: tf.serialization.ConfigDict): tfl.layers.Layer};

type RecurrentLayer = tfl.layers.Layer & {goBackwards?: boolean; returnSequences?: boolean; returnState?: boolean};

interface BidirectionalInternals {
  forwardLayer: RecurrentLayer;
  backwardLayer: RecurrentLayer;
  layer: RecurrentLayer;
}

// TensorFlow.js's own Bidirectional, reached through its factory (the class itself is not exported).
const TfjsBidirectional = tfl.layers.bidirectional({layer: tfl.layers.simpleRNN({units: 1}) as never}).constructor as unknown as LayerConstructor;

/** A layer from its {className, config} through the classes registered with TensorFlow.js (ours included). */
function deserializeLayer(value: tf.serialization.ConfigDict): RecurrentLayer {
  const className = value.className as string;
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`Unknown layer: ${className}`);
  const cls = entry[0] as unknown as SerializableClass;
  return cls.fromConfig(cls, {...(value.config as tf.serialization.ConfigDict)}) as RecurrentLayer;
}

export class KerasBidirectional extends TfjsBidirectional {
  static className = 'Bidirectional';
  /** The stored backward layer's {className, config}, written back when saving. */
  private readonly backwardConfig: tf.serialization.ConfigDict | null;

  constructor(args: Record<string, unknown>) {
    super(args as never);
    const self = this as unknown as BidirectionalInternals;
    const backward = args.backwardLayer as RecurrentLayer | undefined;
    this.backwardConfig = null;
    if (!backward) return;
    const forward = self.forwardLayer;
    const refuse = (why: string) => { throw new LayerArgumentError(this.name, 'Bidirectional', why); };
    if (Boolean(forward.goBackwards) === Boolean(backward.goBackwards)) {
      refuse(`forward and backward layers must have different go_backwards values, both are ${Boolean(forward.goBackwards)}`);
    }
    for (const [attr, key] of [['stateful', 'stateful'], ['return_sequences', 'returnSequences'], ['return_state', 'returnState']] as const) {
      const f = Boolean(forward[key]);
      const b = Boolean(backward[key]);
      if (f !== b) refuse(`forward and backward layers must have the same ${attr}, got ${f} and ${b}`);
    }
    this.backwardConfig = {className: backward.getClassName(), config: backward.getConfig()};
    self.backwardLayer = backward;
  }

  /** Concatenation adds the two layers' feature sizes, which differ when the backward layer has other units. */
  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape | tfl.Shape[] {
    const shape = super.computeOutputShape(inputShape);
    const self = this as unknown as BidirectionalInternals & {mergeMode: string | null};
    if (!this.backwardConfig || self.mergeMode !== 'concat') return shape;
    const first = (s: tfl.Shape | tfl.Shape[]) => (Array.isArray(s[0]) ? s[0] : s) as tfl.Shape;
    const out = first(shape);
    const forward = first(self.forwardLayer.computeOutputShape(inputShape));
    const backward = first(self.backwardLayer.computeOutputShape(inputShape));
    out[out.length - 1] = (forward[forward.length - 1] as number) + (backward[backward.length - 1] as number);
    return shape;
  }

  getConfig(): tf.serialization.ConfigDict {
    const config = super.getConfig();
    if (this.backwardConfig) config.backwardLayer = this.backwardConfig;
    return config;
  }

  static fromConfig<T extends tf.serialization.Serializable>(cls: tf.serialization.SerializableConstructor<T>, config: tf.serialization.ConfigDict): T {
    const {layer, backwardLayer, ...rest} = config;
    const args: Record<string, unknown> = {...rest, layer: deserializeLayer(layer as tf.serialization.ConfigDict)};
    if (backwardLayer != null) args.backwardLayer = deserializeLayer(backwardLayer as tf.serialization.ConfigDict);
    if (rest.numConstants != null) throw new Error('Bidirectional layers with constants are not supported');
    return new cls(args as never);
  }
}
