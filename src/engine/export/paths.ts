/** File names of `export-keras` (no TensorFlow.js here: the extension host imports this). */
import * as fs from 'fs';
import * as path from 'path';

/** `examples/mnist-cnn.train.json` -> `examples/mnist-cnn.train.py`. */
export function defaultScriptPath(specFile: string): string {
  return path.join(path.dirname(specFile), `${path.basename(specFile).replace(/\.train\.json$|\.jsonc?$/, '')}.train.py`);
}

/** Where the script's outputs go, derived from the spec's save.path (always a `.keras` file). */
export function exportedPaths(savePath: string): {model: string; history: string; checkpoints: string; backup: string; orbax: string; logs: string} {
  const stem = savePath.replace(/[\\/]+$/, '').replace(/\.(keras|h5|hdf5)$/i, '');
  return {
    model: `${stem}.keras`, history: `${stem}.history.json`, checkpoints: `${stem}.checkpoints`, backup: `${stem}.backup`,
    orbax: `${stem}.orbax`, logs: `${stem}.logs`,
  };
}

function realPathOfNew(file: string): string {
  // The folder's real path (symlinks resolved) joined with the name: the file may not exist yet.
  return path.join(fs.realpathSync(path.dirname(path.resolve(file))), path.basename(file));
}

/**
 * Why the script may not be written at `target` (the problem alone, without the path), or undefined: it must stay inside
 * the workspace by real path (when one is given), and what is there already must be a regular
 * file (a link could lead the write elsewhere; a folder is not a script).
 */
export function scriptTargetProblem(target: string, workspaceRoot?: string): string | undefined {
  let real: string;
  try {
    real = realPathOfNew(target);
  } catch (e) {
    return `its folder cannot be resolved: ${(e as Error).message}`;
  }
  if (workspaceRoot !== undefined) {
    const root = fs.realpathSync(path.resolve(workspaceRoot));
    const rel = path.relative(root, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return `is outside the workspace (${root}) once links are resolved`;
  }
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return undefined;
  }
  if (stat.isSymbolicLink()) return `is a symbolic link; the script is not written through it`;
  if (!stat.isFile()) return `exists and is not a regular file`;
  return undefined;
}
