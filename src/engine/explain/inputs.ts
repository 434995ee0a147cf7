/** The model's inputs as graph feeds, checked: shape, NaN, and a choice among several inputs or outputs. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type {Fed, Symbolic} from './graph';

/**
 * Which argument was wrong: the sample's values (`sample`), the choice of `input`, `output`,
 * `class` or `layer`, a method's setting, or the `model` itself (NaN weights).
 */
export type ExplainArgument = 'sample' | 'class' | 'layer' | 'output' | 'input' | 'steps' | 'baseline' | 'method' | 'samples' | 'noise' | 'model';

/** A refused request; `message` is `argument: problem`, one line. */
export class ExplainError extends Error {
  constructor(readonly argument: ExplainArgument, readonly problem: string) {
    super(`${argument}: ${problem}`);
    this.name = 'ExplainError';
  }
}

const shapeText = (shape: number[]) => `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;

export interface ModelInputs {
  feeds: Map<Symbolic, Fed>;
  tensors: tf.Tensor[];
  batch: number;
  dispose(): void;
}

function hasNaN(t: tf.Tensor): boolean {
  const data = t.dataSync();
  for (let i = 0; i < data.length; i++) if (Number.isNaN(data[i]!) || !Number.isFinite(data[i]!)) return true;
  return false;
}

/**
 * The given tensors as feeds of `model.inputs`, with a batch axis added to a single sample.
 * Refuses a wrong count, a wrong shape or non-finite values.
 */
export function modelInputs(model: tfl.LayersModel, input: tf.Tensor | tf.Tensor[]): ModelInputs {
  ensureBuilt(model);
  const given = Array.isArray(input) ? input : [input];
  if (given.length !== model.inputs.length) {
    throw new ExplainError('sample', `the model has ${model.inputs.length} input(s) (${model.inputNames.join(', ')}), got ${given.length}`);
  }
  const owned: tf.Tensor[] = [];
  const tensors = given.map((t, i) => {
    const symbolic = model.inputs[i]!;
    const expected = symbolic.shape.slice(1);
    let value = t;
    if (t.rank === expected.length) {
      value = tf.expandDims(t, 0);
      owned.push(value);
    }
    const sample = value.shape.slice(1);
    const fits = sample.length === expected.length && expected.every((d, k) => d === null || d === sample[k]);
    if (!fits) {
      owned.forEach((o) => o.dispose());
      const name = model.inputs.length > 1 ? ` '${model.inputNames[i]}'` : '';
      throw new ExplainError('sample', `a sample of shape ${shapeText(sample)} does not fit the model's input${name} ${shapeText(expected.map((d) => d ?? -1))}`.replace(/-1/g, 'None'));
    }
    if (hasNaN(value)) {
      owned.forEach((o) => o.dispose());
      throw new ExplainError('sample', 'holds NaN or infinite values; attributions need finite inputs');
    }
    return value;
  });
  const batch = tensors[0]!.shape[0]!;
  if (tensors.some((t) => t.shape[0] !== batch)) {
    owned.forEach((o) => o.dispose());
    throw new ExplainError('sample', `the inputs hold different numbers of samples (${tensors.map((t) => t.shape[0]).join(', ')})`);
  }
  return {
    feeds: new Map(model.inputs.map((s, i) => [s, {value: tensors[i]!}])),
    tensors,
    batch,
    dispose: () => owned.forEach((o) => o.dispose()),
  };
}

/** A Sequential model given its input shape but not yet run has no outputs until it is built. */
export function ensureBuilt(model: tfl.LayersModel): void {
  if (model.outputNames.length === 0 && model instanceof tfl.Sequential) model.build();
}

/** An input or output chosen by name or index, among `names`; with one, the choice may be left out. */
export function choose(names: string[], choice: string | number | undefined, argument: 'input' | 'output', what: string): number {
  if (choice === undefined) {
    if (names.length === 1) return 0;
    throw new ExplainError(argument, `the model has ${names.length} ${what}s (${names.join(', ')}); choose one by name or index`);
  }
  const asIndex = typeof choice === 'number' ? choice : /^\d+$/.test(choice) ? Number(choice) : undefined;
  if (asIndex !== undefined && !names.includes(String(choice))) {
    if (Number.isInteger(asIndex) && asIndex >= 0 && asIndex < names.length) return asIndex;
    throw new ExplainError(argument, `${what} ${choice} does not exist: the model has ${what}s 0 to ${names.length - 1} (${names.join(', ')})`);
  }
  const index = names.indexOf(String(choice));
  if (index < 0) throw new ExplainError(argument, `no ${what} named '${choice}' (the model has ${names.join(', ')})`);
  return index;
}

const weightsChecked = new WeakMap<tfl.LayersModel, string | null>();

/** The first weight holding NaN or infinity, or null; computed once per model. */
export function nonFiniteWeight(model: tfl.LayersModel): string | null {
  let found = weightsChecked.get(model);
  if (found === undefined) {
    found = null;
    for (const w of model.weights) {
      const data = w.read().dataSync();
      let bad = false;
      for (let i = 0; i < data.length; i++) {
        if (!Number.isFinite(data[i]!)) {
          bad = true;
          break;
        }
      }
      if (bad) {
        found = w.originalName ?? w.name;
        break;
      }
    }
    weightsChecked.set(model, found);
  }
  return found;
}
