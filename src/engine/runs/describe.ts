/**
 * What a run record says about its training: the resolved hyperparameters flattened to keys, and
 * a fingerprint of the data (files, sizes, content hashes, sample counts).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type {LayersModel} from '@tensorflow/tfjs-layers';
import type {TrainSpec} from '../spec/spec';
import {resolvedOptimizer} from '../model/build';
import {mnistDirectory} from '../data/dataset';
import type {DataFingerprint, DataFileFingerprint, HParams} from '../../formats/runs';

/**
 * The spec's training configuration as TensorBoard's HParams and the run comparison see it:
 * `optimizer.class_name`, `optimizer.learning_rate` (Keras defaults filled in), `loss`, `metrics`,
 * `fit.*`, `preprocessing.*`, `model.layers`, `model.parameters`, `model.<n>.<Layer>.<arg>` for
 * the spec's own layers, `data.*`, `limit`.
 */
export function flattenHParams(spec: TrainSpec, model: LayersModel | undefined, extra: {epochs: number; limit?: number}): HParams {
  const out: HParams = {};
  const put = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    out[key] = typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : JSON.stringify(value);
  };
  for (const [k, v] of Object.entries(resolvedOptimizer(spec.compile.optimizer))) put(`optimizer.${k}`, v);
  put('loss', spec.compile.loss);
  put('metrics', spec.compile.metrics.join(','));
  for (const [k, v] of Object.entries(spec.fit)) if (k !== 'verbose') put(`fit.${k}`, v);
  put('fit.epochs', extra.epochs);
  for (const [k, v] of Object.entries(spec.preprocessing)) put(`preprocessing.${k}`, v);
  if ('dataset' in spec.data) put('data.dataset', spec.data.dataset);
  else {
    for (const which of ['train', 'test'] as const) {
      const source = spec.data[which];
      if (source) for (const [k, v] of Object.entries(source)) put(`data.${which}.${k}`, v);
    }
  }
  if (extra.limit) put('limit', extra.limit);
  if ('from' in spec.model) put('model.from', spec.model.from);
  if ('layers' in spec.model) {
    spec.model.layers.forEach((layer, i) => {
      for (const [k, v] of Object.entries(layer)) {
        if (k === 'type' || k === 'input_shape' || k === 'name') continue;
        put(`model.${i}.${layer.type}.${k}`, v);
      }
    });
  }
  if (model) {
    put('model.layers', model.layers.length);
    put('model.parameters', model.countParams());
  }
  put('save.format', spec.save.format);
  return out;
}

const HASH_CACHE = '.data-fingerprints.json';
/** Files larger than this are fingerprinted by their first and last 16 MiB and their size. */
const FULL_HASH_LIMIT = 256 << 20;
const PARTIAL_BYTES = 16 << 20;

interface CachedHash {
  size: number;
  mtimeMs: number;
  sha256: string;
}

function hashFile(file: string, size: number): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const ranges: Array<[number, number]> = size <= FULL_HASH_LIMIT ? [[0, size]] : [[0, PARTIAL_BYTES], [size - PARTIAL_BYTES, size]];
    for (const [from, to] of ranges) {
      for (let at = from; at < to;) {
        const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, to - at), at);
        if (n <= 0) break;
        hash.update(chunk.subarray(0, n));
        at += n;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return (size > FULL_HASH_LIMIT ? 'partial:' : '') + hash.digest('hex');
}

/**
 * Sizes and content hashes of the files a spec reads. Hashes are kept in the runs folder by
 * path, size and modification time, so a file is hashed once until it changes.
 */
export function fingerprintData(spec: TrainSpec, root: string, samples: DataFingerprint['samples'], runsFolder: string | undefined,
  limit?: number): DataFingerprint {
  const files: Array<{shown: string; file: string}> = [];
  if ('dataset' in spec.data) {
    const dir = mnistDirectory();
    for (const name of fs.readdirSync(dir).sort()) files.push({shown: `${spec.data.dataset} (built-in)/${name}`, file: path.join(dir, name)});
  } else {
    for (const source of [spec.data.train, spec.data.test]) {
      if (!source) continue;
      const named = 'csv' in source ? [source.csv] : 'npz' in source ? [source.npz] : [source.x, source.y];
      for (const p of named) if (!files.some((f) => f.shown === p)) files.push({shown: p, file: path.resolve(root, p)});
    }
  }
  const cacheFile = runsFolder && path.join(runsFolder, HASH_CACHE);
  let cache: Record<string, CachedHash> = {};
  try {
    if (cacheFile) cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Record<string, CachedHash>;
  } catch {
    cache = {};
  }
  let changed = false;
  const out: DataFileFingerprint[] = [];
  for (const {shown, file} of files) {
    try {
      const stat = fs.statSync(file);
      const cached = cache[file];
      let sha256 = cached && cached.size === stat.size && cached.mtimeMs === stat.mtimeMs ? cached.sha256 : '';
      if (!sha256) {
        sha256 = hashFile(file, stat.size);
        cache[file] = {size: stat.size, mtimeMs: stat.mtimeMs, sha256};
        changed = true;
      }
      out.push({path: shown, size: stat.size, sha256});
    } catch {
      out.push({path: shown, size: -1, sha256: ''});
    }
  }
  if (changed && cacheFile) {
    // Only a speed-up: a cache that cannot be written is recomputed next time.
    try {
      fs.mkdirSync(runsFolder, {recursive: true});
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(cache));
      fs.renameSync(tmp, cacheFile);
    } catch {
      // ignored on purpose (see above)
    }
  }
  return {files: out, samples, ...(limit ? {limit} : {})};
}

/** sha256 of a saved model: a file's content, or a folder's files (names and contents, sorted). */
export function modelContentHash(target: string): string {
  const hash = crypto.createHash('sha256');
  const stat = fs.statSync(target);
  if (stat.isFile()) return hashFile(target, stat.size);
  for (const name of fs.readdirSync(target).sort()) {
    const file = path.join(target, name);
    const s = fs.statSync(file);
    if (!s.isFile()) continue;
    hash.update(`${name}\0${s.size}\0`);
    hash.update(hashFile(file, s.size));
  }
  return hash.digest('hex');
}
