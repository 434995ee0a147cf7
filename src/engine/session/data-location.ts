/**
 * Where a model's data lives, as recorded in its metadata (`kerasWorkbench` in the format's
 * user-defined metadata). Stored locations are untrusted input: a downloaded model could name
 * `../../.ssh/id_rsa` or `/etc/shadow` as its "test data". Every stored path goes through
 * `resolveStoredDataPath`, the one place that turns a stored location into a file to read.
 */
import * as fs from 'fs';
import * as path from 'path';
import {DataError} from '../../common/errors';
import type {DataDescription, Preprocessing} from '../data/dataset';
import type {DataSource, TrainSpec} from '../spec/spec';

/** The metadata key every format carries (`.keras` metadata.json, HDF5 root attribute, TF.js userDefinedMetadata). */
export const METADATA_KEY = 'kerasWorkbench';

export interface WorkbenchMetadata {
  /** Name of the training spec that produced the model. */
  spec?: string;
  data: TrainSpec['data'];
  preprocessing: Preprocessing;
  /**
   * 'model': relative data paths resolve against the folder that holds the model (what saves
   * write, so the model and its data can move together). Absent (models saved by earlier
   * versions): they resolve against the workspace root.
   */
  dataRelativeTo?: 'model';
}

/** The folder stored data paths are relative to: the model's parent folder (also for a TF.js model folder). */
export function modelBase(modelPath: string): string {
  return path.dirname(path.resolve(modelPath));
}

function realOrResolved(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The file a stored data location names, or a DataError naming the model file: absolute paths,
 * and relative ones that leave both the model's folder and the workspace (after resolving
 * symlinks), are refused. `roots`: the workspace folder(s) the caller trusts.
 */
export function resolveStoredDataPath(stored: string, modelPath: string, base: string, roots: string[]): string {
  if (typeof stored !== 'string' || stored === '') throw new DataError(modelPath, `stored data location ${JSON.stringify(stored)} is not a file path`);
  if (path.isAbsolute(stored) || /^[a-zA-Z]:[\\/]/.test(stored)) {
    throw new DataError(modelPath, `stored data location '${stored}' is an absolute path; a model may only name data relative to its own folder`);
  }
  const resolved = path.resolve(base, stored);
  if (!fs.existsSync(resolved)) throw new DataError(modelPath, `stored data location '${stored}' does not exist (looked for ${resolved})`);
  const real = realOrResolved(resolved);
  const allowed = [modelBase(modelPath), ...roots].map(realOrResolved);
  if (!allowed.some((root) => inside(root, real))) {
    throw new DataError(modelPath, `stored data location '${stored}' resolves to ${real}, outside the model's folder and the workspace; refusing to read it`);
  }
  return real;
}

function mapSource(source: DataSource, map: (p: string, field: string) => string, field: string): DataSource {
  if ('csv' in source) return {...source, csv: map(source.csv, `${field}.csv`)};
  if ('npz' in source) return {...source, npz: map(source.npz, `${field}.npz`)};
  return {...source, x: map(source.x, `${field}.x`), y: map(source.y, `${field}.y`)};
}

function mapData(data: TrainSpec['data'], map: (p: string, field: string) => string): TrainSpec['data'] {
  if ('dataset' in data) return data;
  return {train: mapSource(data.train, map, 'train'), ...(data.test ? {test: mapSource(data.test, map, 'test')} : {})};
}

/** Reads the metadata a model carries; undefined when it has none (most Keras files). Malformed metadata is an error naming the file. */
export function workbenchMetadata(userDefined: unknown, modelPath: string): WorkbenchMetadata | undefined {
  const meta = (userDefined as Record<string, unknown> | undefined)?.[METADATA_KEY] as WorkbenchMetadata | undefined;
  if (meta === undefined || meta === null) return undefined;
  const data = meta.data as Record<string, unknown> | undefined;
  const ok = typeof meta === 'object' && data && typeof data === 'object' &&
    ((data.dataset === 'mnist') || (typeof data.train === 'object' && data.train !== null));
  if (!ok) throw new DataError(modelPath, `its ${METADATA_KEY} metadata does not describe a dataset (${JSON.stringify(meta).slice(0, 120)})`);
  return {...meta, preprocessing: meta.preprocessing ?? {}};
}

/**
 * The data description of a model's metadata with every stored path resolved and confined:
 * what `loadDataset` can read without looking at a stored path again.
 */
export function confinedDataDescription(meta: WorkbenchMetadata, modelPath: string, roots: string[]): DataDescription {
  const base = meta.dataRelativeTo === 'model' ? modelBase(modelPath) : path.resolve(roots[0] ?? process.cwd());
  return {
    data: mapData(meta.data, (p) => resolveStoredDataPath(p, modelPath, base, roots)),
    preprocessing: meta.preprocessing,
  };
}

/** Metadata for a model saved at `modelPath` whose data paths resolve against `fromBase` (a spec's workspace root). */
export function metadataFor(spec: {name?: string; data: TrainSpec['data']; preprocessing: Preprocessing}, fromBase: string, modelPath: string): WorkbenchMetadata {
  const to = modelBase(modelPath);
  const relative = (p: string) => path.relative(to, path.resolve(fromBase, p)).split(path.sep).join('/');
  return {
    ...(spec.name ? {spec: spec.name} : {}),
    data: mapData(spec.data, relative),
    preprocessing: spec.preprocessing,
    dataRelativeTo: 'model',
  };
}

/**
 * The metadata of a model that is saved somewhere else (Save As, `convert`): relative data
 * paths are rewritten so they still name the same files from the new place.
 */
export function relocateMetadata(userDefined: Record<string, unknown> | undefined, fromModel: string, toModel: string,
  roots: string[] = []): Record<string, unknown> | undefined {
  const meta = userDefined?.[METADATA_KEY] as WorkbenchMetadata | undefined;
  if (!userDefined || !meta || typeof meta !== 'object' || !meta.data) return userDefined;
  const fromBase = meta.dataRelativeTo === 'model' ? modelBase(fromModel) : path.resolve(roots[0] ?? process.cwd());
  return {...userDefined, [METADATA_KEY]: metadataFor({name: meta.spec, data: meta.data, preprocessing: meta.preprocessing ?? {}}, fromBase, toModel)};
}
