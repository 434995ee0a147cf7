/**
 * Keras 3 weights without a model config: `model.save_weights("x.weights.h5")`, and the sharded
 * form `model.save_weights("x.weights.json", max_shard_size=...)` (Keras >= 3.10): a JSON map from
 * each layer's variable group to the shard files beside it that hold its variables. Variables are
 * named as Keras names them (`layers/<snake_case class + counter>/vars/<i>`), the layout of a
 * `.keras` file's `model.weights.h5`; they bind onto a model config the same way.
 */
import * as fs from 'fs';
import * as path from 'path';
import {FormatError} from '../common/errors';
import {isInsideByRealPath} from '../common/confine';
import {parseJsonBounded} from '../common/limits';
import {cannotRead, readRegularFile, readUserFile} from '../common/regular-file';
import type {ModelConfig} from '../keras/config';
import {keras3Places} from '../keras/config-export';
import {describeModel, type BoundWeights, type ModelSlots} from '../keras/config-weights';
import type {FormatModule, KerasArtifacts} from './artifacts';
import {isDataset, isGroup, isHdf5File, readNumericDataset, withHdf5, type H5Dataset, type H5Group, type NumericArray} from './hdf5-file';

/** Where a binder finds a weights store's variables, by path with '/' separators. */
export interface VariableSource {
  /** How messages name the store inside `file` ('' for the file itself, 'model.weights.h5' inside a .keras). */
  readonly member: string;
  keys(): string[];
  read(key: string): NumericArray | undefined;
}

/** Every dataset below `root` by its path with '/' separators (Windows writers used '\\'). */
export function indexDatasets(root: H5Group): Map<string, H5Dataset> {
  const out = new Map<string, H5Dataset>();
  const visit = (g: H5Group, prefix: string) => {
    for (const key of g.keys()) {
      const child = g.get(key);
      const p = (prefix ? `${prefix}/${key}` : key).replace(/\\/g, '/');
      if (isGroup(child)) visit(child, p);
      else if (isDataset(child)) out.set(p, child);
    }
  };
  visit(root, '');
  return out;
}

/** The variables of an open HDF5 store (its `indexDatasets`), read when asked for. */
export function hdf5VariableSource(file: string, index: Map<string, H5Dataset>, member: string): VariableSource {
  return {
    member,
    keys: () => [...index.keys()],
    read: (key) => {
      const ds = index.get(key);
      return ds ? readNumericDataset(ds, file, key) : undefined;
    },
  };
}

function varsUnder(keys: string[], group: string): string[] {
  const prefix = `${group}/`;
  return keys.filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'));
}

/**
 * The model's weights from a Keras 3 variable store, in the model's weight order; a variable
 * missing, of another shape, or one the model does not account for is one line naming it.
 */
export function bindKeras3Variables(file: string, source: VariableSource, slots: ModelSlots, isSequential: boolean): BoundWeights {
  const {vars} = keras3Places(slots.layers, isSequential);
  const keys = source.keys();
  const known = new Set(keys);
  const where = source.member ? `${source.member} ` : '';
  const bound: BoundWeights = {specs: [], buffers: []};
  const used = new Set<string>();
  for (const place of vars) {
    let key = `${place.group}/${place.index}`;
    if (!known.has(key) && place.formerGroup && known.has(`${place.formerGroup}/${place.index}`)) key = `${place.formerGroup}/${place.index}`;
    const a = known.has(key) ? source.read(key) : undefined;
    if (!a) {
      const near = varsUnder(keys, place.group);
      throw new FormatError(file, `${where}has no variable '${key}' for ${place.weight}` +
        (near.length ? ` (that group holds ${near.length})` : ` (it has: ${keys.filter((k) => k.startsWith('layers/')).slice(0, 8).join(', ')}...)`));
    }
    if (a.shape.join(',') !== place.shape.join(',')) {
      throw new FormatError(file, `${source.member ? `${source.member}: ` : ''}'${key}' has shape (${a.shape.join(', ')}) but ${place.weight} needs (${place.shape.join(', ')})`);
    }
    used.add(key);
    const data = a.data instanceof Float32Array ? a.data : Float32Array.from(a.data);
    bound.specs.push({name: place.weight, shape: a.shape, dtype: 'float32'});
    // A view, not a copy: kerasArtifacts concatenates the buffers into new memory anyway.
    bound.buffers.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  const unused = keys.filter((k) => k.startsWith('layers/') && !used.has(k));
  if (unused.length > 0) {
    throw new FormatError(file, `${where}holds variables the model config does not account for: ${unused.slice(0, 6).join(', ')}`);
  }
  return bound;
}

/** Largest shard map read (the map names groups and files only). */
const SHARD_MAP_BYTES = 16 * 1024 * 1024;

export type Keras3WeightsKind = 'weights.h5' | 'sharded';

/** Whether `file` is a Keras 3 weights store, and which; undefined for anything else. */
export async function keras3WeightsKind(file: string): Promise<Keras3WeightsKind | undefined> {
  try {
    if (file.toLowerCase().endsWith('.json')) {
      if (fs.statSync(file).size > SHARD_MAP_BYTES) return undefined;
      const value = JSON.parse(readRegularFile(file, 'utf8')) as unknown;
      return isShardMapObject(value) ? 'sharded' : undefined;
    }
    if (!isHdf5File(file)) return undefined;
    return await withHdf5(file, (f) => {
      const keys = (f as unknown as H5Group).keys();
      const keras3 = (keys.includes('layers') || keys.some((k) => k.startsWith('layers\\'))) && !keys.includes('model_weights');
      return keras3 ? 'weights.h5' : undefined;
    });
  } catch {
    return undefined;
  }
}

function isShardMapObject(value: unknown): value is {weight_map: Record<string, unknown>} {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const map = (value as {weight_map?: unknown}).weight_map;
  return map !== null && typeof map === 'object' && !Array.isArray(map);
}

/** The shard files of a sharded store in the order Keras wrote them, each with the variable groups it holds. */
function readShardMap(file: string): Map<string, string[]> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    throw new FormatError(file, cannotRead(e));
  }
  if (size > SHARD_MAP_BYTES) throw new FormatError(file, `is larger than a shard map could be (over ${SHARD_MAP_BYTES >> 20} MB)`);
  const text = readUserFile(file, (problem) => new FormatError(file, problem), 'utf8');
  const value = parseJsonBounded(text, (problem) => new FormatError(file, problem), 'the shard map');
  if (!isShardMapObject(value)) throw new FormatError(file, 'is not a Keras sharded weights map: it has no "weight_map" object');
  const folder = path.dirname(file);
  const shards = new Map<string, string[]>();
  for (const [group, listed] of Object.entries(value.weight_map)) {
    const names = typeof listed === 'string' ? [listed] : listed;
    if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== 'string')) {
      throw new FormatError(file, `weight_map["${group}"] must name its shard files (a file name or a list of them)`);
    }
    for (const name of names as string[]) {
      if (name !== path.basename(name) || name === '.' || name === '..' || name.includes('\\') || name === '') {
        throw new FormatError(file, `weight_map["${group}"] names '${name}', which is not a file name beside the map; shards must lie beside it`);
      }
      const shard = path.join(folder, name);
      if (!fs.existsSync(shard)) throw new FormatError(file, `shard '${name}' (holding ${group.replace(/^\//, '')}) is missing`);
      if (!isInsideByRealPath(folder, shard)) throw new FormatError(file, `shard '${name}' is a link leading out of its folder; refusing to read it`);
      const groups = shards.get(shard) ?? [];
      groups.push(group.replace(/^\//, ''));
      shards.set(shard, groups);
    }
  }
  if (shards.size === 0) throw new FormatError(file, 'weight_map is empty: the map names no shard');
  return shards;
}

/**
 * Every variable of a sharded store, read shard by shard (each shard open once). A variable in
 * two shards, or a shard holding groups the map does not give it, is refused: Keras would read
 * one of them and ignore the other.
 */
async function readShardedVariables(file: string): Promise<Map<string, NumericArray>> {
  const out = new Map<string, NumericArray>();
  const owner = new Map<string, string>();
  for (const [shard, groups] of readShardMap(file)) {
    await withHdf5(shard, (f) => {
      const source = hdf5VariableSource(shard, indexDatasets(f as unknown as H5Group), '');
      for (const key of source.keys()) {
        if (!key.startsWith('layers/')) continue;
        const group = key.slice(0, key.lastIndexOf('/'));
        if (!groups.includes(group)) {
          throw new FormatError(file, `shard '${path.basename(shard)}' holds '${key}', which the weight_map does not place there`);
        }
        if (owner.has(key)) {
          throw new FormatError(file, `variable '${key}' is stored twice, in '${path.basename(owner.get(key)!)}' and '${path.basename(shard)}'`);
        }
        owner.set(key, shard);
        out.set(key, source.read(key)!);
      }
    });
  }
  return out;
}

/** A Keras 3 weights store (`.weights.h5` or a sharded `.weights.json`) bound onto a normalized model config. */
export async function readKeras3Weights(file: string, kind: Keras3WeightsKind, config: ModelConfig): Promise<BoundWeights> {
  const slots = await describeModel(config, file);
  const isSequential = config.class_name === 'Sequential';
  if (kind === 'weights.h5') {
    return withHdf5(file, (f) => bindKeras3Variables(file, hdf5VariableSource(file, indexDatasets(f as unknown as H5Group), ''), slots, isSequential));
  }
  const arrays = await readShardedVariables(file);
  return bindKeras3Variables(file, {member: '', keys: () => [...arrays.keys()], read: (k) => arrays.get(k)}, slots, isSequential);
}

/** What loading a weights store on its own says: where its model comes from instead. */
export function weightsWithoutModel(file: string): FormatError {
  return new FormatError(file, 'holds Keras 3 weights (model.save_weights) without a model config; load them onto their model: ' +
    `\`convert CONFIG_OR_MODEL OUT --weights ${file}\`, a spec's "model": {..., "weights": "${file}"}, or Load Model in VS Code (it asks for the model)`);
}

/** A sharded weights map named as a model: recognized so that it is explained, not called "not a model". */
export const keras3WeightsMapFormat: FormatModule = {
  format: 'keras3-weights',
  async detect(p: string) {
    return (await keras3WeightsKind(p)) === 'sharded';
  },
  async read(p: string): Promise<KerasArtifacts> {
    throw weightsWithoutModel(p);
  },
};
