/**
 * NaN and Inf weights: a model that loads but can only predict NaN (a diverged run saved, a file
 * damaged in a way that keeps its structure). Keras loads such files silently; we load them with
 * a warning on the command line, in the worker's log and in VS Code.
 */
import type {LayersModel} from '@tensorflow/tfjs-layers';

const LISTED = 4;

export function nonFiniteWeightWarnings(model: LayersModel, file: string): string[] {
  const bad: string[] = [];
  for (const w of model.weights) {
    if (w.dtype !== 'float32') continue;
    const values = w.read().dataSync() as Float32Array;
    let nan = 0;
    let inf = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) nan++;
      else if (v === Infinity || v === -Infinity) inf++;
    }
    if (nan || inf) bad.push(`'${w.originalName ?? w.name}' (${[nan && `${nan} NaN`, inf && `${inf} Inf`].filter(Boolean).join(', ')} of ${values.length})`);
  }
  if (bad.length === 0) return [];
  const listed = bad.slice(0, LISTED).join(', ') + (bad.length > LISTED ? ` and ${bad.length - LISTED} more` : '');
  return [`${file}: ${bad.length} weight${bad.length > 1 ? 's hold' : ' holds'} NaN or Inf values: ${listed}; its predictions will not be numbers`];
}
