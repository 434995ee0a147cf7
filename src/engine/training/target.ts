/**
 * Where a training run saves: the trained model and its epoch checkpoint beside it, resolved once
 * from the spec's `save` section (or a path typed on the command line) and the user's overwrite
 * decision. The spec analysis checks the same value the trainer prepares and the writers write.
 */
import * as path from 'path';
import {saveTarget, type SaveTarget} from '../../formats/save-target';
import type {SaveFormat} from '../../formats/table';

export const CHECKPOINT_SUFFIX = '.checkpoint';

export interface TrainingTarget {
  /** The trained model: the spec's path, format, overwrite and include_optimizer. */
  model: SaveTarget;
  /** The epoch checkpoint: a TensorFlow.js folder with the optimizer state, replaced at every epoch end. */
  checkpoint: SaveTarget;
  /** What named the path: the spec's `save.path`, or `--out` on the command line. */
  field: 'save.path' | '--out';
}

/** A spec's `save` section, as far as it is valid (the language server checks specs as they are typed). */
export interface SpecSave {
  path: string;
  format?: SaveFormat;
  overwrite?: boolean;
  include_optimizer?: boolean;
}

export interface TrainingTargetOptions {
  /** The folder relative paths resolve against and a spec's save stays inside (the workspace; the CLI's cwd). */
  workspaceRoot: string;
  /** A path typed on the command line: it may lead anywhere, as with `cp`, but never to the workspace folder or above. */
  out?: string;
  /** The user's decision, over the spec's `save.overwrite`. */
  overwrite?: boolean;
}

export function checkpointPath(target: string): string {
  return target.replace(/[\\/]+$/, '') + CHECKPOINT_SUFFIX;
}

/** The data files a spec reads (saves must never replace or delete them); `data` may be unvalidated. */
export function specDataPaths(data: unknown, root: string): string[] {
  const out: string[] = [];
  const spec = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  for (const source of [spec.train, spec.test]) {
    if (!source || typeof source !== 'object') continue;
    const fields = source as Record<string, unknown>;
    // In an .npz source, x and y name arrays inside the archive, not files.
    for (const key of 'npz' in fields ? ['npz'] : ['x', 'y', 'csv']) {
      const value = fields[key];
      if (typeof value === 'string') out.push(path.resolve(root, value));
    }
  }
  return out;
}

/** The training's save targets, for `specFile` (as given: relative to the current directory) and its data. */
export function trainingTarget(save: SpecSave, specFile: string, data: unknown, options: TrainingTargetOptions): TrainingTarget {
  const root = path.resolve(options.workspaceRoot);
  const typed = options.out !== undefined;
  const rules = {
    workspaceRoot: typed ? undefined : root,
    protectedPaths: [root, path.resolve(specFile), ...specDataPaths(data, root)],
  };
  const target = path.resolve(root, options.out ?? save.path);
  return {
    model: saveTarget(target, {...rules, format: save.format, overwrite: options.overwrite ?? save.overwrite,
      includeOptimizer: save.include_optimizer}),
    checkpoint: saveTarget(checkpointPath(target), {...rules, format: 'tfjs', overwrite: true, includeOptimizer: true}),
    field: typed ? '--out' : 'save.path',
  };
}
