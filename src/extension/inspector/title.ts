/**
 * The inspector panel's title. Keras names most models alike ("sequential", "mnist_cnn"), so the
 * title also names the model's file and its folder: two panels of different files never share one.
 */
import * as path from 'path';
import type {InspectorSubject} from '../../protocol/messages';

/** "parent/name" of a model file or folder, e.g. "models/mnist-cnn" or "v2/mnist_cnn.h5". */
export function shortModelPath(file: string): string {
  const parent = path.basename(path.dirname(file));
  return parent ? `${parent}/${path.basename(file)}` : path.basename(file);
}

export function inspectorTitle(subject: InspectorSubject): string {
  if (subject.kind === 'training' && !subject.model) return `Training: ${subject.title}`;
  const model = subject.model!;
  return `Inspector: ${model.summary.modelName} (${shortModelPath(model.path)})`;
}
