/**
 * The Keras 3 `.keras` zip (also written by tf.keras 2.13-2.15): `metadata.json`, `config.json`
 * and `model.weights.h5`, whose variables live at `layers/<snake_case class + counter>/vars/<i>`
 * and `optimizer/vars/<i>`. Reads both writers' variants (including Windows backslash group
 * names); writes the Keras 3 layout with stored (uncompressed) members, as Keras does.
 */
import {KERAS_HISTORY_KEY, KERAS_METADATA_KEY, readCarried} from './model-metadata';
import * as fs from 'fs';
import * as path from 'path';
import {FormatError, WorkbenchError} from '../common/errors';
import {parseJsonBounded} from '../common/limits';
import type {FormatModule, KerasArtifacts} from './artifacts';
import {
  createHdf5, ensureGroup, isZipFile, readNumericDataset, withHdf5, writeDataset, writeStringAttribute,
  type H5Dataset, type H5Group,
} from './hdf5-file';
import {normalizeModelConfig, type Json, type JsonObject} from '../keras/config';
import {compileConfigForKeras3, normalizeTrainingConfig} from '../keras/config-training';
import {
  appendOptimizer, bindOptimizerWeights, kerasArtifacts, decodeArtifactWeights, describeModel, type BoundWeights, type ModelSlots,
  type StoredArray,
} from '../keras/config-weights';
import {keras3Places, toKeras3ModelConfig} from '../keras/config-export';
import {WRITER} from '../common/bytes';
import {partsFolder, scratchFolder} from './atomic-save';
import {bindKeras3Variables, hdf5VariableSource, indexDatasets} from './keras3-weights';
import {extractZipMember, readZipDirectory, readZipMember, writeStoredZip, type ZipEntry} from './zip-file';

export const CONFIG_JSON = 'config.json';
export const METADATA_JSON = 'metadata.json';
export const WEIGHTS_H5 = 'model.weights.h5';
/** The Keras version whose `.keras` layout we write. */
export const WRITTEN_KERAS3_VERSION = '3.10.0';

/** The archive's directory only: members are read one at a time, when needed. */
function readZip(file: string): Map<string, ZipEntry> {
  try {
    return readZipDirectory(file);
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(file, `is not a readable zip archive: ${(e as Error).message}`);
  }
}

function memberJson(file: string, members: Map<string, ZipEntry>, name: string, onOther?: (what: string) => void): JsonObject | undefined {
  const entry = members.get(name);
  if (!entry) return undefined;
  const text = Buffer.from(readZipMember(file, entry)).toString('utf8');
  const value = parseJsonBounded(text, (problem) => new FormatError(file, problem), `${name} inside the archive`);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    if (onOther) {
      onOther(what);
      return undefined;
    }
    throw new FormatError(file, `${name} inside the archive is not a JSON object`);
  }
  return value as JsonObject;
}

/** Runs `use` on the archive's weights member extracted to a file (h5wasm opens files by path). */
async function withTemporaryHdf5<T>(file: string, entry: ZipEntry, use: (tmp: string) => Promise<T>): Promise<T> {
  const scratch = scratchFolder();
  const tmp = path.join(scratch.dir, WEIGHTS_H5);
  try {
    extractZipMember(file, entry, tmp);
    return await use(tmp);
  } catch (e) {
    // Errors about the extracted copy are about the archive's member: name the archive.
    if (e instanceof WorkbenchError && e.file === tmp) throw new FormatError(file, `${WEIGHTS_H5} inside the archive: ${e.problem}`);
    throw e;
  } finally {
    scratch.remove();
  }
}

/** Optimizer variables with names that say what they are (Keras 3: iteration, learning_rate, m/v pairs). */
function readOptimizerVariables(file: string, index: Map<string, H5Dataset>, trainable: number): StoredArray[] {
  const prefix = 'optimizer/vars/';
  const keys = [...index.keys()]
    .filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/'))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
  if (keys.length === 0) return [];
  const arrays = keys.map((k) => ({...readNumericDataset(index.get(k)!, file, k), name: k}));
  // Keras 3 keeps [iteration, learning_rate, m0, v0, m1, v1, ...]; tf.keras 2.13-2.15 has no learning_rate variable.
  const hasLearningRate = arrays.length === 2 + 2 * trainable && arrays[1].shape.length === 0;
  const first = hasLearningRate ? 2 : 1;
  return arrays.map((a, i) => {
    if (i === 0) return {...a, name: 'iteration'};
    if (i < first) return {...a, name: 'learning_rate'};
    const j = i - first;
    return {...a, name: `${Math.floor(j / 2)}/${j % 2 === 0 ? 'm' : 'v'}`};
  });
}

export async function readKerasZip(file: string): Promise<KerasArtifacts> {
  const members = readZip(file);
  const config = memberJson(file, members, CONFIG_JSON);
  if (!config) throw new FormatError(file, `is a zip without ${CONFIG_JSON}: not a Keras .keras file`);
  const warnings: string[] = [];
  // Keras reads only config.json and the weights: a metadata.json that is not an object is ignored, as Keras does.
  const metadata = memberJson(file, members, METADATA_JSON, (what) => warnings.push(
    `${METADATA_JSON} inside the archive is ${what}, not a JSON object: ignored (as Keras does), so the Keras version is unknown`)) ?? {};
  const version = typeof metadata.keras_version === 'string' ? metadata.keras_version : undefined;
  const normalized = normalizeModelConfig(config, {file, kerasVersion: version ?? '3'});
  const slots = await describeModel(normalized.config, file);
  const isSequential = normalized.config.class_name === 'Sequential';
  const weightsEntry = members.get(WEIGHTS_H5);
  const compileConfig = config.compile_config as Json | undefined;
  const training = compileConfig ? normalizeTrainingConfig(compileConfig) : undefined;
  warnings.push(...(training?.warnings ?? []));
  let bound: BoundWeights = {specs: [], buffers: []};
  if (!weightsEntry) {
    if (slots.layers.some((l) => l.weights.length > 0)) throw new FormatError(file, `has no ${WEIGHTS_H5} but the model has weights`);
  } else {
    bound = await withTemporaryHdf5(file, weightsEntry, (tmp) => withHdf5(tmp, (f) => {
      const index = indexDatasets(f as unknown as H5Group);
      const b = bindKeras3Variables(file, hdf5VariableSource(file, index, WEIGHTS_H5), slots, isSequential);
      const optimizer = readOptimizerVariables(file, index, slots.trainable.length);
      if (training?.trainingConfig && optimizer.length > 0) {
        const opt = bindOptimizerWeights(training.optimizerClass, optimizer, slots);
        appendOptimizer(b, opt, warnings);
      }
      return b;
    }));
  }
  const carried = readCarried(metadata[KERAS_METADATA_KEY], metadata[KERAS_HISTORY_KEY], warnings);
  return {...kerasArtifacts(normalized.config, training?.trainingConfig, bound, version, warnings), ...carried};
}

function kerasDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}@${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * What `writeKerasZip` puts into config.json for these artifacts (also embedded, unchanged, in
 * the training scripts `export-keras` writes).
 */
export async function keras3ConfigJson(file: string, artifacts: KerasArtifacts) {
  const normalized = normalizeModelConfig(artifacts.modelTopology, {file, kerasVersion: '2'});
  const config = normalized.config;
  const slots = await describeModel(config, file);
  const compileConfig = compileConfigForKeras3(artifacts.trainingConfig);
  return {config, slots, compileConfig, keras3Config: toKeras3ModelConfig(config, slots, file, compileConfig)};
}

/** Writes the Keras 3 `.keras` layout. */
export async function writeKerasZip(file: string, artifacts: KerasArtifacts): Promise<void> {
  const {config, slots, compileConfig, keras3Config} = await keras3ConfigJson(file, artifacts);
  const weights = decodeArtifactWeights(artifacts.weightSpecs ?? [], artifacts.weightData, file);
  const isSequential = config.class_name === 'Sequential';
  const {vars, groups} = keras3Places(slots.layers, isSequential);
  const optimizer = [...weights.values()].filter((w) => w.group === 'optimizer');
  // Beside the file being written (the same disk; a killed save's recovery removes it).
  const dir = partsFolder(file);
  fs.mkdirSync(dir, {recursive: true});
  try {
    const tmp = path.join(dir, WEIGHTS_H5);
    await createHdf5(tmp, (f) => {
      const root = f as unknown as H5Group;
      writeStringAttribute(ensureGroup(root, 'vars'), 'name', String(config.config.name ?? 'model'));
      ensureGroup(root, 'layers');
      for (const g of groups) writeStringAttribute(ensureGroup(root, g.group), 'name', g.name);
      for (const v of vars) {
        const value = weights.get(v.weight);
        if (!value) throw new FormatError(file, `the model's weight ${v.weight} is missing from the artifacts`);
        writeDataset(root, `${v.group}/${v.index}`, value.data instanceof Float32Array ? value.data : Float32Array.from(value.data), value.shape);
      }
      if (compileConfig && optimizer.length > 0) writeAdamVariables(root, optimizer, compileConfig, slots);
    });
    const metadata = {
      keras_version: WRITTEN_KERAS3_VERSION, date_saved: kerasDate(new Date()), written_by: WRITER,
      ...(artifacts.userDefinedMetadata ? {[KERAS_METADATA_KEY]: artifacts.userDefinedMetadata} : {}),
      ...(artifacts.history ? {[KERAS_HISTORY_KEY]: artifacts.history} : {}),
    };
    // The weights file is streamed into the archive, not read back into memory first.
    writeStoredZip(file, [
      {name: METADATA_JSON, bytes: Buffer.from(JSON.stringify(metadata))},
      {name: CONFIG_JSON, bytes: Buffer.from(JSON.stringify(keras3Config))},
      {name: WEIGHTS_H5, file: tmp},
    ]);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

/** Keras 3 Adam: iteration (int64), learning_rate, then (momentum, velocity) per trainable weight. */
function writeAdamVariables(root: H5Group, optimizer: StoredArray[], compileConfig: JsonObject, slots: ModelSlots): void {
  const opt = compileConfig.optimizer as JsonObject;
  if (opt.class_name !== 'Adam') return; // other optimizers start fresh in Keras, which warns about it
  const byName = new Map(optimizer.map((w) => [w.name, w]));
  const iter = byName.get('iter');
  const ms = slots.trainable.map((t) => byName.get(`${t.name}/m`));
  const vs = slots.trainable.map((t) => byName.get(`${t.name}/v`));
  if (!iter || ms.some((m) => !m) || vs.some((v) => !v)) return;
  const g = ensureGroup(root, 'optimizer/vars');
  writeStringAttribute(g, 'name', 'adam');
  writeDataset(g, '0', BigInt64Array.of(BigInt(Math.round(Number(iter.data[0])))), []);
  const lr = Number((opt.config as JsonObject).learning_rate ?? 0.001);
  writeDataset(g, '1', Float32Array.of(lr), []);
  let i = 2;
  for (let k = 0; k < ms.length; k++) {
    for (const w of [ms[k]!, vs[k]!]) writeDataset(g, String(i++), w.data instanceof Float32Array ? w.data : Float32Array.from(w.data), w.shape);
  }
}

export const kerasZipFormat: FormatModule = {
  format: 'keras',
  async detect(p: string) {
    return isZipFile(p) && readZip(p).has(CONFIG_JSON);
  },
  read: readKerasZip,
  write: writeKerasZip,
};


