/**
 * TensorFlow.js layers format: a folder with `model.json` (topology, training config, weights
 * manifest) and binary weight shards. Reads every variant seen in the wild: files saved by
 * TensorFlow.js (topology is the bare model config), converter output (topology wraps
 * `model_config`), old converter output without `format` keys and with extension-less shards,
 * and manifest paths starting with `./`. Writes what tfjs-node writes, plus `history.json`.
 */
import * as fs from 'fs';
import * as path from 'path';
import type {io} from '@tensorflow/tfjs-core';
import {FormatError} from '../common/errors';
import {parseJsonBounded} from '../common/limits';
import {isInsideByRealPath} from '../common/confine';
import {concatBuffers} from '../common/bytes';
import {faultPoint} from './atomic-save';
import type {EpochRecord, FormatModule, KerasArtifacts, SaveOptions} from './artifacts';
import {stockTfjsTopology} from '../keras/tfjs-stock';
import {normalizeModelConfig, positionalTensorArguments, type JsonObject} from '../keras/config';
import {tfjsFolderTrainingConfig} from '../keras/config-training';
import {readRegularFile, readUserFile} from '../common/regular-file';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
export const HISTORY_JSON = 'history.json';

/**
 * The model.json of a folder (or its only JSON file holding a `modelTopology`, as some apps
 * rename it), or the path itself when it names a JSON file.
 */
function modelJsonPath(target: string): string {
  if (!fs.statSync(target).isDirectory()) return target;
  const standard = path.join(target, MODEL_JSON);
  if (fs.existsSync(standard)) return standard;
  const candidates = fs.readdirSync(target).filter((f) => f.endsWith('.json') &&
    readRegularFile(path.join(target, f), 'utf8').includes('"modelTopology"'));
  return candidates.length === 1 ? path.join(target, candidates[0]) : standard;
}

function readJson(file: string): any {
  const text = readUserFile(file, (problem) => new FormatError(file, problem), 'utf8');
  return parseJsonBounded(text, (problem) => new FormatError(file, problem), 'the file');
}

const BYTES_PER_DTYPE: Record<string, number> = {float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2, complex64: 8};

function expectedBytes(specs: io.WeightsManifestEntry[]): number {
  return specs.reduce((n, s) => {
    const count = s.shape.reduce((a, b) => a * b, 1);
    const q = s.quantization;
    const bytes = q ? BYTES_PER_DTYPE[q.dtype] ?? 1 : BYTES_PER_DTYPE[s.dtype] ?? 4;
    return n + count * bytes;
  }, 0);
}

/** A manifest value as JSON (shortened), or 'none' when the field is missing. */
const shown = (value: unknown) => (value === undefined ? 'none' : JSON.stringify(value).slice(0, 60));

/** What is wrong with a weights manifest's structure (read from a hostile model.json), if anything. */
function weightsManifestProblem(manifest: unknown): string | undefined {
  if (!Array.isArray(manifest)) return 'weightsManifest is not a list of weight groups';
  for (const [g, group] of manifest.entries()) {
    const at = `weightsManifest[${g}]`;
    if (!group || typeof group !== 'object') return `${at} is not a weight group`;
    if (!Array.isArray(group.paths) || group.paths.some((p: unknown) => typeof p !== 'string')) return `${at}.paths is not a list of file names`;
    if (!Array.isArray(group.weights)) return `${at}.weights is not a list of weights`;
    for (const [i, w] of group.weights.entries()) {
      if (!w || typeof w !== 'object' || typeof w.name !== 'string') return `${at}.weights[${i}] has no name`;
      if (typeof w.dtype !== 'string' || !(w.dtype in BYTES_PER_DTYPE)) return `weight '${w.name}' has dtype ${shown(w.dtype)}, which TensorFlow.js weights do not use`;
      if (!Array.isArray(w.shape) || w.shape.some((d: unknown) => !Number.isSafeInteger(d) || (d as number) < 0)) {
        return `weight '${w.name}' has shape ${shown(w.shape)}, not a list of sizes`;
      }
    }
  }
  return undefined;
}

export async function readTfjsLayers(target: string): Promise<KerasArtifacts> {
  const file = modelJsonPath(target);
  const dir = path.dirname(file);
  if (fs.statSync(target).isDirectory() && !isInsideByRealPath(target, file)) {
    throw new FormatError(file, 'is a symlink leading outside the model folder; refusing to read it');
  }
  const json = readJson(file);
  if (!json || typeof json !== 'object' || !json.modelTopology) {
    throw new FormatError(file, 'is not a TensorFlow.js layers model (no modelTopology)');
  }
  if (json.format && json.format !== 'layers-model') {
    throw new FormatError(file, `is a TensorFlow.js '${json.format}' model, not a Keras layers model: it has no Keras layers to load`);
  }
  const topology = json.modelTopology;
  // Converter output wraps the model config: {keras_version, backend, model_config, training_config}.
  const wrapped = topology.model_config !== undefined;
  const kerasVersion: string | undefined = topology.keras_version;
  // Converter output holds the Keras model config as Keras wrote it (any Keras dialect).
  const normalized = wrapped ? normalizeModelConfig(topology.model_config, {file, kerasVersion, backend: topology.backend}) : undefined;
  if (normalized && normalized.legacyWeights.size > 0) {
    const [name, layout] = [...normalized.legacyWeights][0];
    throw new FormatError(file, `layer '${name}' keeps its weights in the Keras 1 layout (${layout}), which converted folders cannot be read in; convert the Keras .h5 file instead`);
  }
  const modelTopology = normalized ? normalized.config : topology;
  const rawTraining = json.trainingConfig ?? (wrapped ? topology.training_config : undefined);
  const training = rawTraining == null ? undefined : tfjsFolderTrainingConfig(rawTraining);
  const manifest: io.WeightsManifestConfig = json.weightsManifest ?? [];
  const manifestProblem = weightsManifestProblem(manifest);
  if (manifestProblem) throw new FormatError(file, manifestProblem);
  const specs: io.WeightsManifestEntry[] = [];
  const chunks: Uint8Array[] = [];
  for (const group of manifest) {
    for (const shard of group.paths) {
      const resolved = path.resolve(dir, shard);
      const rel = path.relative(dir, resolved);
      if (rel.startsWith('..') || path.isAbsolute(rel) || path.isAbsolute(shard)) {
        throw new FormatError(file, `weights manifest path '${shard}' points outside the model folder; refusing to read it`);
      }
      // A symlink inside the folder may point anywhere: containment is judged on real paths.
      if (!isInsideByRealPath(dir, resolved)) {
        throw new FormatError(file, `weights shard '${shard}' is a symlink (or inside one) leading outside the model folder; refusing to read it`);
      }
      chunks.push(readUserFile(resolved, (problem) => new FormatError(file, `weights shard '${shard}': ${problem}`)));
    }
    specs.push(...group.weights);
  }
  // One shard (what the writer makes) is used as read: joining would copy 180 MB for nothing.
  const whole = chunks.length === 1 && chunks[0].byteOffset === 0 && chunks[0].byteLength === chunks[0].buffer.byteLength;
  const weightData = whole ? chunks[0].buffer as ArrayBuffer : concatBuffers(chunks);
  const needed = expectedBytes(specs);
  if (weightData.byteLength !== needed) {
    throw new FormatError(file, `weight shards hold ${weightData.byteLength} bytes but the manifest describes ${needed}`);
  }
  let history: EpochRecord[] | undefined;
  const historyFile = path.join(dir, HISTORY_JSON);
  if (fs.existsSync(historyFile) && isInsideByRealPath(dir, historyFile)) history = readJson(historyFile);
  return {
    modelTopology: positionalTensorArguments(modelTopology, file) as object,
    trainingConfig: training?.trainingConfig,
    weightSpecs: specs,
    weightData,
    format: 'layers-model',
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    userDefinedMetadata: json.userDefinedMetadata,
    kerasVersion,
    history,
    ...(training?.warnings.length ? {warnings: training.warnings} : {}),
  };
}

function weightBuffers(data: io.WeightData | undefined): Uint8Array[] {
  if (!data) return [];
  const list = Array.isArray(data) ? data : [data];
  return list.map((b) => new Uint8Array(b));
}

export async function writeTfjsLayers(dir: string, artifacts: KerasArtifacts, options: SaveOptions = {}): Promise<void> {
  // Written in the form stock TensorFlow.js computes right (or refused), not only the form we read.
  const stock = options.ownUseOnly ? {topology: artifacts.modelTopology, warnings: []}
    : await stockTfjsTopology(artifacts.modelTopology as JsonObject, artifacts.weightSpecs ?? [], dir);
  stock.warnings.forEach((w) => options.onWarning?.(w));
  fs.mkdirSync(dir, {recursive: true});
  const manifest: io.WeightsManifestConfig = [{paths: [WEIGHTS_BIN], weights: artifacts.weightSpecs ?? []}];
  const modelJson = {
    format: 'layers-model',
    generatedBy: artifacts.generatedBy ?? 'Keras Workbench',
    convertedBy: artifacts.convertedBy ?? null,
    modelTopology: stock.topology,
    ...(artifacts.trainingConfig ? {trainingConfig: artifacts.trainingConfig} : {}),
    weightsManifest: manifest,
    ...(artifacts.userDefinedMetadata ? {userDefinedMetadata: artifacts.userDefinedMetadata} : {}),
  };
  const fd = fs.openSync(path.join(dir, WEIGHTS_BIN), 'w');
  try {
    for (const chunk of weightBuffers(artifacts.weightData)) fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  faultPoint('writing');
  fs.writeFileSync(path.join(dir, MODEL_JSON), JSON.stringify(modelJson));
  if (artifacts.history) fs.writeFileSync(path.join(dir, HISTORY_JSON), JSON.stringify(artifacts.history, null, 1));
}

export const tfjsLayersFormat: FormatModule = {
  format: 'tfjs',
  async detect(target: string) {
    try {
      return fs.existsSync(modelJsonPath(target)) && readRegularFile(modelJsonPath(target), 'utf8').includes('"modelTopology"');
    } catch {
      return false;
    }
  },
  read: readTfjsLayers,
  write: writeTfjsLayers,
};
