/**
 * Keras's attention layers, which TensorFlow.js never implemented: `Attention` (Luong dot or
 * concat scores), `AdditiveAttention` (Bahdanau) and `MultiHeadAttention`. Computed with tf ops
 * only, so gradients and every backend work; weights are created in Keras's order and shapes.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {
  type BaseLayerArgs, type Constraint, type Initializer, type Regularizer, LayerArgumentError, RepeatedInputs, callArg, resolveWeightArgs,
  serializeObject, shapeList, tensorList, trainingDropout,
} from './support';

/** Keras pushes masked scores down by this much before the softmax (float32). */
const MASKED_SCORE_OFFSET = 1e9;

/** Lower-triangular (Tq, Tv) mask: query position i sees value positions j <= i. */
function causalMask(tq: number, tv: number): tf.Tensor2D {
  // Built from ranges: tf.linalg.bandPart crashes on the wasm backend.
  return tf.greaterEqual(tf.reshape(tf.range(0, tq, 1, 'int32'), [tq, 1]), tf.reshape(tf.range(0, tv, 1, 'int32'), [1, tv]));
}

function refuseScoresOutput(layer: tfl.layers.Layer, kwargs: Record<string, unknown> | undefined): void {
  if (callArg(kwargs, 'return_attention_scores') === true) {
    throw new LayerArgumentError(layer.name, layer.getClassName(), 'return_attention_scores=True (a second output) is not supported');
  }
}

function refuseMasks(layer: tfl.layers.Layer, mask: unknown): void {
  if (mask != null && tensorList(mask as tf.Tensor | tf.Tensor[]).some((m) => m != null)) {
    throw new LayerArgumentError(layer.name, layer.getClassName(), 'masked inputs (from Masking or mask_zero=True) are not supported');
  }
}

/**
 * The call arguments recorded in the model graph (use_causal_mask=True): TensorFlow.js passes
 * them when the graph is built, but not when the model runs, so the layer keeps them.
 */
class GraphCallArgs {
  private recorded: Record<string, unknown> | undefined;

  record(layer: tfl.layers.Layer, kwargs: Record<string, unknown> | undefined): void {
    const causal = callArg(kwargs, 'use_causal_mask') === true;
    refuseScoresOutput(layer, kwargs);
    if (this.recorded !== undefined && (callArg(this.recorded, 'use_causal_mask') === true) !== causal) {
      throw new LayerArgumentError(layer.name, layer.getClassName(), 'a layer shared between calls with and without use_causal_mask is not supported');
    }
    this.recorded = {use_causal_mask: causal};
  }

  causal(kwargs: Record<string, unknown> | undefined): boolean {
    return callArg(kwargs, 'use_causal_mask') === true || callArg(this.recorded, 'use_causal_mask') === true;
  }
}

type ApplyInputs = tf.Tensor | tf.Tensor[] | tfl.SymbolicTensor | tfl.SymbolicTensor[];
type ApplyOutput = ReturnType<tfl.layers.Layer['apply']>;

/** apply() of the attention layers: building the graph records what running it will need. */
function recordingApply(layer: tfl.layers.Layer, callArgs: GraphCallArgs, repeated: RepeatedInputs, inputs: ApplyInputs,
  kwargs: Record<string, unknown> | undefined, apply: () => ApplyOutput): ApplyOutput {
  const list: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
  const symbolic = list.some((t) => t instanceof tfl.SymbolicTensor);
  if (symbolic) callArgs.record(layer, kwargs);
  const output = apply();
  if (symbolic) repeated.record(layer, list, output);
  return output;
}

interface AttentionArgs extends BaseLayerArgs {
  useScale?: boolean;
  scoreMode?: string;
  dropout?: number;
  causal?: boolean;
}

/**
 * Keras `Attention`: scores = query . key^T (times `scale` if use_scale), or for score_mode
 * 'concat' concat_score_weight * sum(tanh(scale * (q + k))); softmax over the value axis;
 * output = weights . value. Inputs [query, value] or [query, value, key].
 */
export class KerasAttention extends tfl.layers.Layer {
  static className = 'Attention';
  readonly useScale: boolean;
  readonly scoreMode: string;
  readonly dropout: number;
  /** tf.keras 2.x's deprecated constructor form of use_causal_mask. */
  readonly causal: boolean;
  protected scale: tfl.LayerVariable | null = null;
  protected concatScoreWeight: tfl.LayerVariable | null = null;
  private readonly graphCallArgs = new GraphCallArgs();
  private readonly repeatedInputs = new RepeatedInputs();

  constructor(args: AttentionArgs = {}) {
    super(args as never);
    this.supportsMasking = true;
    this.useScale = args.useScale ?? this.defaultUseScale();
    this.scoreMode = args.scoreMode ?? 'dot';
    this.dropout = args.dropout ?? 0;
    this.causal = args.causal === true;
    if (this.scoreMode !== 'dot' && this.scoreMode !== 'concat') {
      throw new LayerArgumentError(this.name, this.getClassName(), `score_mode must be 'dot' or 'concat', got '${this.scoreMode}'`);
    }
  }

  protected defaultUseScale(): boolean {
    return false;
  }

  protected checkInputs(shapes: tfl.Shape[]): void {
    if (shapes.length < 2 || shapes.length > 3) {
      throw new LayerArgumentError(this.name, this.getClassName(),
        `takes a list of inputs [query, value] or [query, value, key], got ${shapes.length} input(s)`);
    }
  }

  build(inputShape: tfl.Shape | tfl.Shape[]): void {
    this.checkInputs(shapeList(inputShape));
    if (this.useScale) this.scale = this.addWeight('scale', [], 'float32', tfl.initializers.ones(), undefined, true);
    if (this.scoreMode === 'concat') {
      this.concatScoreWeight = this.addWeight('concat_score_weight', [], 'float32', tfl.initializers.ones(), undefined, true);
    }
    this.built = true;
  }

  /** (batch..., Tq, Tv) scores of query (..., Tq, dim) against key (..., Tv, dim). */
  protected scores(query: tf.Tensor, key: tf.Tensor): tf.Tensor {
    if (this.scoreMode === 'dot') {
      const s = tf.matMul(query, key, false, true);
      return this.scale ? tf.mul(s, this.scale.read()) : s;
    }
    let sum = tf.add(tf.expandDims(query, -2), tf.expandDims(key, -3));
    if (this.scale) sum = tf.mul(this.scale.read(), sum);
    return tf.mul(this.concatScoreWeight!.read(), tf.sum(tf.tanh(sum), -1));
  }

  apply(inputs: ApplyInputs, kwargs?: Record<string, unknown>): ApplyOutput {
    return recordingApply(this, this.graphCallArgs, this.repeatedInputs, inputs, kwargs, () => super.apply(inputs, kwargs));
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    refuseScoresOutput(this, kwargs);
    refuseMasks(this, kwargs?.mask);
    return tf.tidy(() => {
      const list = this.repeatedInputs.expand(tensorList(inputs));
      this.checkInputs(list.map((t) => t.shape));
      const [query, value] = list;
      const key = list[2] ?? value;
      let scores = this.scores(query, key);
      if (this.graphCallArgs.causal(kwargs) || this.causal) {
        const keep = causalMask(scores.shape[scores.rank - 2], scores.shape[scores.rank - 1]);
        scores = tf.where(tf.broadcastTo(keep, scores.shape), scores, tf.sub(scores, MASKED_SCORE_OFFSET));
      }
      const weights = trainingDropout(tf.softmax(scores, -1), this.dropout, kwargs);
      return tf.matMul(weights, value);
    });
  }

  computeMask(_inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor {
    refuseMasks(this, mask);
    return null as unknown as tf.Tensor; // no mask; tfjs's typing has no null
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const shapes = shapeList(inputShape);
    const [query, value] = shapes;
    return [...query.slice(0, -1), value[value.length - 1]];
  }

  getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = {...super.getConfig(), useScale: this.useScale, scoreMode: this.scoreMode, dropout: this.dropout};
    if (this.causal) config.causal = true;
    return config;
  }
}

/**
 * Keras `AdditiveAttention`: scores = sum(scale * tanh(q + k)) over the features, with a
 * trainable `scale` vector (glorot_uniform) when use_scale (the default).
 */
export class KerasAdditiveAttention extends KerasAttention {
  static className = 'AdditiveAttention';

  constructor(args: AttentionArgs = {}) {
    super({...args, scoreMode: 'dot'});
  }

  protected defaultUseScale(): boolean {
    return true;
  }

  build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shapes = shapeList(inputShape);
    this.checkInputs(shapes);
    const dim = shapes[0][shapes[0].length - 1];
    if (this.useScale) {
      this.scale = this.addWeight('scale', [dim as number], 'float32', tfl.initializers.glorotUniform({}), undefined, true);
    }
    this.built = true;
  }

  protected scores(query: tf.Tensor, key: tf.Tensor): tf.Tensor {
    let t = tf.tanh(tf.add(tf.expandDims(query, -2), tf.expandDims(key, -3)));
    if (this.scale) t = tf.mul(this.scale.read(), t);
    return tf.sum(t, -1);
  }

  getConfig(): tf.serialization.ConfigDict {
    const config = super.getConfig();
    delete config.scoreMode;
    return config;
  }
}

interface MultiHeadAttentionArgs extends BaseLayerArgs {
  numHeads: number;
  keyDim: number;
  valueDim?: number | null;
  dropout?: number;
  useBias?: boolean;
  outputShape?: number | number[] | null;
  attentionAxes?: number | number[] | null;
  kernelInitializer?: unknown;
  biasInitializer?: unknown;
  kernelRegularizer?: unknown;
  biasRegularizer?: unknown;
  kernelConstraint?: unknown;
  biasConstraint?: unknown;
}

/**
 * Keras `MultiHeadAttention`: query, key and value projected per head by EinsumDense kernels of
 * shape (dim, num_heads, key_dim | value_dim), scaled dot-product attention per head (softmax over
 * the attention axes), and an output EinsumDense kernel (num_heads, value_dim, *output_shape).
 * Inputs [query, value] or [query, value, key]; attention over all axes between batch and
 * features (Keras's default attention_axes).
 */
export class KerasMultiHeadAttention extends tfl.layers.Layer {
  static className = 'MultiHeadAttention';
  readonly numHeads: number;
  readonly keyDim: number;
  readonly valueDim: number;
  readonly dropout: number;
  readonly useBias: boolean;
  /** Keras's output_shape argument (tfjs's Layer already has an `outputShape` getter). */
  readonly projectionShape: number[] | null;
  readonly attentionAxes: number[] | null;
  private readonly kernel: {initializer: Initializer; regularizer?: Regularizer; constraint?: Constraint};
  private readonly bias: {initializer: Initializer; regularizer?: Regularizer; constraint?: Constraint};
  private readonly weightsByRole = new Map<string, tfl.LayerVariable>();
  private readonly graphCallArgs = new GraphCallArgs();
  private readonly repeatedInputs = new RepeatedInputs();

  constructor(args: MultiHeadAttentionArgs) {
    super(args as never);
    this.supportsMasking = true; // so that computeMask sees input masks and refuses them by name
    const label = (why: string) => new LayerArgumentError(this.name, 'MultiHeadAttention', why);
    if (!Number.isInteger(args.numHeads) || args.numHeads < 1) throw label(`num_heads must be a positive integer, got ${args.numHeads}`);
    if (!Number.isInteger(args.keyDim) || args.keyDim < 1) throw label(`key_dim must be a positive integer, got ${args.keyDim}`);
    this.numHeads = args.numHeads;
    this.keyDim = args.keyDim;
    this.valueDim = args.valueDim || args.keyDim;
    this.dropout = args.dropout ?? 0;
    this.useBias = args.useBias ?? true;
    const out = args.outputShape;
    this.projectionShape = out == null || (Array.isArray(out) && out.length === 0) ? null : Array.isArray(out) ? out : [out];
    const axes = args.attentionAxes;
    this.attentionAxes = axes == null ? null : Array.isArray(axes) ? axes : [axes];
    this.kernel = resolveWeightArgs({initializer: args.kernelInitializer, regularizer: args.kernelRegularizer, constraint: args.kernelConstraint}, 'glorotUniform');
    this.bias = resolveWeightArgs({initializer: args.biasInitializer, regularizer: args.biasRegularizer, constraint: args.biasConstraint}, 'zeros');
  }

  private checkShapes(shapes: tfl.Shape[]): void {
    const refuse = (why: string) => { throw new LayerArgumentError(this.name, 'MultiHeadAttention', why); };
    if (shapes.length < 2 || shapes.length > 3) refuse(`takes query and value (and optionally key) inputs, got ${shapes.length} input(s)`);
    const [query, value] = shapes;
    const key = shapes[2] ?? value;
    if (query.length < 3) refuse(`query must have rank >= 3 (batch, positions..., features), got shape ${JSON.stringify(query)}`);
    if (value.length !== query.length || key.length !== query.length) {
      refuse('query, value and key of different ranks are not supported');
    }
    if (JSON.stringify(value.slice(1, -1)) !== JSON.stringify(key.slice(1, -1))) {
      refuse(`all dimensions of value and key except the last must be equal, got ${JSON.stringify(value)} and ${JSON.stringify(key)}`);
    }
    if (this.attentionAxes) {
      const rank = query.length + 1; // with the heads axis, as Keras counts
      const normalized = this.attentionAxes.map((a) => (a >= 0 ? a : rank - 1 + a));
      const all = Array.from({length: rank - 3}, (_, i) => i + 1);
      if (JSON.stringify(normalized) !== JSON.stringify(all)) {
        refuse(`attention_axes=${JSON.stringify(this.attentionAxes)} is not supported: only attention over all axes between batch and features ` +
          `(attention_axes=None${all.length === 1 ? ` or [${all[0]}]` : ''}) is implemented`);
      }
    }
  }

  build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shapes = shapeList(inputShape);
    this.checkShapes(shapes);
    const [query, value] = shapes;
    const key = shapes[2] ?? value;
    const lastDim = (s: tfl.Shape) => s[s.length - 1] as number;
    const h = this.numHeads;
    const outShape = this.projectionShape ?? [lastDim(query)];
    const add = (role: string, name: string, shape: number[], isBias: boolean) => {
      const spec = isBias ? this.bias : this.kernel;
      this.weightsByRole.set(`${role}/${name}`, this.addWeight(`${role}/${name}`, shape, 'float32', spec.initializer, spec.regularizer, true, spec.constraint));
    };
    const projection = (role: string, kernel: number[], bias: number[]) => {
      add(role, 'kernel', kernel, false);
      if (this.useBias) add(role, 'bias', bias, true);
    };
    projection('query', [lastDim(query), h, this.keyDim], [h, this.keyDim]);
    projection('key', [lastDim(key), h, this.keyDim], [h, this.keyDim]);
    projection('value', [lastDim(value), h, this.valueDim], [h, this.valueDim]);
    projection('attention_output', [h, this.valueDim, ...outShape], outShape);
    this.built = true;
  }

  private weight(role: string, name: string): tf.Tensor | undefined {
    return this.weightsByRole.get(`${role}/${name}`)?.read();
  }

  /** (batch, positions, dim) -> (batch, heads, positions, size) through a (dim, heads, size) kernel. */
  private project(x: tf.Tensor, role: string, size: number): tf.Tensor {
    const [b, n, d] = x.shape;
    let y = tf.matMul(tf.reshape(x, [b * n, d]), tf.reshape(this.weight(role, 'kernel')!, [d, this.numHeads * size]));
    const bias = this.weight(role, 'bias');
    if (bias) y = tf.add(y, tf.reshape(bias, [this.numHeads * size]));
    return tf.transpose(tf.reshape(y, [b, n, this.numHeads, size]), [0, 2, 1, 3]);
  }

  apply(inputs: ApplyInputs, kwargs?: Record<string, unknown>): ApplyOutput {
    return recordingApply(this, this.graphCallArgs, this.repeatedInputs, inputs, kwargs, () => super.apply(inputs, kwargs));
  }

  computeMask(_inputs: tf.Tensor | tf.Tensor[], mask?: tf.Tensor | tf.Tensor[]): tf.Tensor {
    refuseMasks(this, mask);
    return null as unknown as tf.Tensor;
  }

  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    refuseScoresOutput(this, kwargs);
    refuseMasks(this, kwargs?.mask);
    if (callArg(kwargs, 'attention_mask') != null) {
      throw new LayerArgumentError(this.name, 'MultiHeadAttention', 'an attention_mask argument is not supported');
    }
    return tf.tidy(() => {
      const list = this.repeatedInputs.expand(tensorList(inputs));
      this.checkShapes(list.map((t) => t.shape));
      const flat = (t: tf.Tensor) => tf.reshape(t, [t.shape[0], -1, t.shape[t.rank - 1]]);
      const [query, value] = list;
      const key = list[2] ?? value;
      const q = tf.mul(this.project(flat(query), 'query', this.keyDim), 1 / Math.sqrt(this.keyDim));
      const k = this.project(flat(key), 'key', this.keyDim);
      const v = this.project(flat(value), 'value', this.valueDim);
      let scores = tf.matMul(q, k, false, true); // (batch, heads, Tq, Tv)
      if (this.graphCallArgs.causal(kwargs)) {
        const [tq, tv] = scores.shape.slice(2);
        scores = tf.where(tf.broadcastTo(causalMask(tq, tv), scores.shape), scores, tf.sub(scores, MASKED_SCORE_OFFSET));
      }
      const weights = trainingDropout(tf.softmax(scores, -1), this.dropout, kwargs);
      const context = tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]); // (batch, Tq, heads, value_dim)
      const [b, tq] = context.shape;
      const outShape = this.projectionShape ?? [query.shape[query.rank - 1]];
      const outSize = outShape.reduce((a, c) => a * c, 1);
      let y = tf.matMul(tf.reshape(context, [b * tq, this.numHeads * this.valueDim]),
        tf.reshape(this.weight('attention_output', 'kernel')!, [this.numHeads * this.valueDim, outSize]));
      const bias = this.weight('attention_output', 'bias');
      if (bias) y = tf.add(y, tf.reshape(bias, [outSize]));
      return tf.reshape(y, [...query.shape.slice(0, -1), ...outShape]);
    });
  }

  computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const [query] = shapeList(inputShape);
    return [...query.slice(0, -1), ...(this.projectionShape ?? [query[query.length - 1]])];
  }

  getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      numHeads: this.numHeads,
      keyDim: this.keyDim,
      valueDim: this.valueDim,
      dropout: this.dropout,
      useBias: this.useBias,
      outputShape: this.projectionShape,
      attentionAxes: this.attentionAxes,
      kernelInitializer: serializeObject(this.kernel.initializer),
      biasInitializer: serializeObject(this.bias.initializer),
      kernelRegularizer: serializeObject(this.kernel.regularizer),
      biasRegularizer: serializeObject(this.bias.regularizer),
      kernelConstraint: serializeObject(this.kernel.constraint),
      biasConstraint: serializeObject(this.bias.constraint),
    };
  }
}

export const ATTENTION_LAYER_CLASSES = [KerasAttention, KerasAdditiveAttention, KerasMultiHeadAttention];
