/**
 * Keras losses and metrics by their Keras names, computed the way Keras computes them
 * (probabilities clipped to [eps, 1 - eps] before the log, eps = 1e-7).
 */
import * as tf from '@tensorflow/tfjs-core';

const EPSILON = 1e-7;
type Fn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;

/** Per-sample losses; the objective takes their mean. */
const LOSSES: Record<string, Fn> = {
  sparse_categorical_crossentropy: (yTrue, yPred) => {
    const classes = yPred.shape[yPred.shape.length - 1]!;
    const labels = tf.cast(tf.reshape(yTrue, [-1]), 'int32');
    const p = tf.clipByValue(tf.reshape(yPred, [-1, classes]), EPSILON, 1 - EPSILON);
    return tf.neg(tf.sum(tf.mul(tf.oneHot(labels, classes), tf.log(p)), -1));
  },
  categorical_crossentropy: (yTrue, yPred) => {
    const p = tf.clipByValue(tf.div(yPred, tf.sum(yPred, -1, true)), EPSILON, 1 - EPSILON);
    return tf.neg(tf.sum(tf.mul(yTrue, tf.log(p)), -1));
  },
  binary_crossentropy: (yTrue, yPred) => {
    const p = tf.clipByValue(yPred, EPSILON, 1 - EPSILON);
    const ll = tf.add(tf.mul(yTrue, tf.log(p)), tf.mul(tf.sub(1, yTrue), tf.log(tf.sub(1, p))));
    return tf.neg(tf.mean(ll, -1));
  },
  mean_squared_error: (yTrue, yPred) => tf.mean(tf.square(tf.sub(yPred, yTrue)), -1),
  mean_absolute_error: (yTrue, yPred) => tf.mean(tf.abs(tf.sub(yPred, yTrue)), -1),
};

const LOSS_ALIASES: Record<string, string> = {
  mse: 'mean_squared_error',
  mae: 'mean_absolute_error',
  sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
  categoricalCrossentropy: 'categorical_crossentropy',
  binaryCrossentropy: 'binary_crossentropy',
  meanSquaredError: 'mean_squared_error',
  meanAbsoluteError: 'mean_absolute_error',
};

export const LOSS_NAMES = Object.keys(LOSSES);
export const METRIC_NAMES = ['accuracy', 'acc', 'sparse_categorical_accuracy', 'categorical_accuracy',
  'binary_accuracy', 'mse', 'mae'];

export function canonicalLoss(name: string): string {
  const canonical = LOSS_ALIASES[name] ?? name;
  if (!LOSSES[canonical]) {
    throw new Error(`Unknown loss '${name}'. Supported: ${LOSS_NAMES.join(', ')}.`);
  }
  return canonical;
}

/** Per-sample metric values (mean them for the batch value). Keras resolves "accuracy" by the loss. */
function metricFn(name: string, loss: string): Fn {
  const sparseAccuracy: Fn = (yTrue, yPred) =>
    tf.cast(tf.equal(tf.cast(tf.reshape(yTrue, [-1]), 'int32'), tf.reshape(tf.argMax(yPred, -1), [-1])), 'float32');
  const categoricalAccuracy: Fn = (yTrue, yPred) =>
    tf.cast(tf.equal(tf.argMax(yTrue, -1), tf.argMax(yPred, -1)), 'float32');
  const binaryAccuracy: Fn = (yTrue, yPred) =>
    tf.mean(tf.cast(tf.equal(yTrue, tf.cast(tf.greater(yPred, 0.5), 'float32')), 'float32'), -1);
  switch (name) {
    case 'accuracy':
    case 'acc':
      if (loss === 'sparse_categorical_crossentropy') return sparseAccuracy;
      if (loss === 'categorical_crossentropy') return categoricalAccuracy;
      return binaryAccuracy;
    case 'sparse_categorical_accuracy': return sparseAccuracy;
    case 'categorical_accuracy': return categoricalAccuracy;
    case 'binary_accuracy': return binaryAccuracy;
    case 'mse': return LOSSES.mean_squared_error;
    case 'mae': return LOSSES.mean_absolute_error;
    default:
      throw new Error(`Unknown metric '${name}'. Supported: ${METRIC_NAMES.join(', ')}.`);
  }
}

export interface Metric {
  /** Name used in logs: Keras 2 style ("accuracy"), validation adds the "val_" prefix. */
  name: string;
  fn: Fn;
}

export interface LossAndMetrics {
  lossName: string;
  /** Mean loss over the batch. */
  loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;
  metrics: Metric[];
  /** Whether targets are class indices (one number per sample). */
  sparseTargets: boolean;
}

export function lossAndMetrics(loss: string, metrics: string[]): LossAndMetrics {
  const lossName = canonicalLoss(loss);
  const perSample = LOSSES[lossName];
  return {
    lossName,
    loss: (yTrue, yPred) => tf.mean(perSample(yTrue, yPred)) as tf.Scalar,
    metrics: metrics.map((m) => ({name: m === 'acc' ? 'accuracy' : m, fn: metricFn(m, lossName)})),
    sparseTargets: lossName === 'sparse_categorical_crossentropy',
  };
}
