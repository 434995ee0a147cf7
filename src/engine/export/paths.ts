/** File names of `export-keras` (no TensorFlow.js here: the extension host imports this). */
import * as path from 'path';

/** `examples/mnist-cnn.train.json` -> `examples/mnist-cnn.train.py`. */
export function defaultScriptPath(specFile: string): string {
  return path.join(path.dirname(specFile), `${path.basename(specFile).replace(/\.train\.json$|\.jsonc?$/, '')}.train.py`);
}

/** Where the script's outputs go, derived from the spec's save.path (always a `.keras` file). */
export function exportedPaths(savePath: string): {model: string; history: string; checkpoints: string; backup: string} {
  const stem = savePath.replace(/[\\/]+$/, '').replace(/\.(keras|h5|hdf5)$/i, '');
  return {model: `${stem}.keras`, history: `${stem}.history.json`, checkpoints: `${stem}.checkpoints`, backup: `${stem}.backup`};
}
