/**
 * Keras HDF5 files: whole models (`model.save("x.h5")`, Keras 1.2 to 3.x legacy h5) and
 * weights-only files (`model.save_weights("w.h5")`) paired with a JSON topology. Weights are
 * always resolved through each layer's `weight_names`. Writes the tf.keras 2.x layout.
 */
import * as fs from 'fs';
import {FormatError} from '../common/errors';
import {parseJsonBounded} from '../common/limits';
import type {FormatModule, KerasArtifacts, SaveOptions} from './artifacts';
import {weightsWithoutModel} from './keras3-weights';
import {
  createHdf5, ensureGroup, H5Group, isDataset, isGroup, isHdf5File, readNumericDataset, readStringAttribute,
  readStringListAttribute, withHdf5, writeDataset, writeStringAttribute, writeStringListAttribute,
} from './hdf5-file';
import {normalizeModelConfig, type ModelConfig} from '../keras/config';
import {normalizeTrainingConfig, trainingConfigForKeras2} from '../keras/config-training';
import {
  bindLayerWeights, appendOptimizer, bindOptimizerWeights, kerasArtifacts, decodeArtifactWeights, describeModel, type ModelSlots,
  type StoredArray,
} from '../keras/config-weights';
import {keras2LayerNames, keras3H5Differences, toKeras2ModelConfig} from '../keras/config-export';

/** The Keras API version whose HDF5 layout we write. */
export const WRITTEN_KERAS_VERSION = '2.15.0';
export {WRITER} from '../common/bytes';
import {HDF5_HISTORY_ATTRIBUTE, HDF5_METADATA_ATTRIBUTE, readCarried} from './model-metadata';
import {WRITER} from '../common/bytes';
import {readRegularFile, readUserFile} from '../common/regular-file';

interface RawKerasHdf5 {
  kerasVersion?: string;
  backend?: string;
  modelConfig?: string;
  trainingConfig?: string;
  layers: Map<string, StoredArray[]>;
  optimizer: StoredArray[];
  /** Keras 3 weights file layout (`layers/<name>/vars`): not a legacy h5. */
  keras3Weights: boolean;
  weightsOnly: boolean;
  /** What Keras Workbench stores beside the model (see model-metadata.ts). */
  metadata?: string;
  history?: string;
}

function datasetAt(group: H5Group, name: string): unknown {
  // Names written on Windows may use backslashes; HDF5 paths use '/'.
  for (const candidate of [name, name.replace(/\\/g, '/')]) {
    try {
      const e = group.get(candidate);
      if (e) return e;
    } catch {
      // try the next spelling
    }
  }
  return null;
}

function readLayerArrays(file: string, group: H5Group, layer: string): StoredArray[] {
  const names = readStringListAttribute(group, 'weight_names') ?? [];
  return names.map((n) => {
    const ds = datasetAt(group, n);
    if (!isDataset(ds)) throw new FormatError(file, `layer '${layer}' lists weight '${n}' in weight_names, but no such dataset exists`);
    return {...readNumericDataset(ds, file, `${layer}/${n}`), name: n};
  });
}

async function readRaw(file: string): Promise<RawKerasHdf5> {
  return withHdf5(file, (f) => {
    const root = f as unknown as H5Group;
    const raw: RawKerasHdf5 = {
      kerasVersion: readStringAttribute(root, 'keras_version'),
      backend: readStringAttribute(root, 'backend'),
      modelConfig: readStringAttribute(root, 'model_config'),
      trainingConfig: readStringAttribute(root, 'training_config'),
      metadata: readStringAttribute(root, HDF5_METADATA_ATTRIBUTE),
      history: readStringAttribute(root, HDF5_HISTORY_ATTRIBUTE),
      layers: new Map(),
      optimizer: [],
      keras3Weights: false,
      weightsOnly: false,
    };
    const keys = root.keys();
    let weightsGroup: H5Group | undefined;
    if (keys.includes('model_weights')) {
      const g = root.get('model_weights');
      if (isGroup(g)) weightsGroup = g;
      raw.kerasVersion ??= weightsGroup ? readStringAttribute(weightsGroup, 'keras_version') : undefined;
      raw.backend ??= weightsGroup ? readStringAttribute(weightsGroup, 'backend') : undefined;
    } else if (readStringListAttribute(root, 'layer_names') !== undefined) {
      weightsGroup = root;
      raw.weightsOnly = true;
    } else if (keys.includes('layers') || keys.some((k) => k.startsWith('layers\\'))) {
      raw.keras3Weights = true;
      return raw;
    }
    if (weightsGroup) {
      const layerNames = readStringListAttribute(weightsGroup, 'layer_names') ?? [];
      for (const name of layerNames) {
        const g = datasetAt(weightsGroup, name);
        if (!isGroup(g)) throw new FormatError(file, `layer_names lists '${name}' but the file has no group for it`);
        raw.layers.set(name, readLayerArrays(file, g, name));
      }
    }
    if (keys.includes('optimizer_weights')) {
      const g = root.get('optimizer_weights');
      if (isGroup(g)) raw.optimizer = readLayerArrays(file, g, 'optimizer_weights');
    }
    return raw;
  });
}

function parseJson(file: string, text: string, what: string): unknown {
  return parseJsonBounded(text, (problem) => new FormatError(file, problem), what);
}

async function assemble(file: string, raw: RawKerasHdf5, modelConfig: unknown, trainingConfig: unknown, kerasVersion?: string): Promise<KerasArtifacts> {
  const version = kerasVersion ?? raw.kerasVersion;
  const normalized = normalizeModelConfig(modelConfig, {file, kerasVersion: version, backend: raw.backend});
  const slots = await describeModel(normalized.config, file);
  const bound = bindLayerWeights(file, slots, raw.layers, normalized.legacyWeights);
  const warnings: string[] = [];
  const training = trainingConfig !== undefined ? normalizeTrainingConfig(trainingConfig) : undefined;
  warnings.push(...(training?.warnings ?? []));
  if (training?.trainingConfig && raw.optimizer.length > 0) {
    const opt = bindOptimizerWeights(training.optimizerClass, raw.optimizer, slots);
    appendOptimizer(bound, opt, warnings);
  }
  const carried = readCarried(raw.metadata, raw.history, warnings);
  return {...kerasArtifacts(normalized.config, training?.trainingConfig, bound, version, warnings), ...carried};
}

/** A whole-model Keras HDF5 file (`model.save("x.h5")`). */
export async function readKerasHdf5(file: string): Promise<KerasArtifacts> {
  const raw = await readRaw(file);
  if (raw.keras3Weights) {
    throw weightsWithoutModel(file);
  }
  if (!raw.modelConfig) {
    if (raw.weightsOnly) {
      throw new FormatError(file, 'is a weights-only HDF5 file (model.save_weights): it holds no model config. ' +
        'Load it together with the model\'s JSON topology (model.to_json()), e.g. `convert topology.json out.h5 --weights ' + file + '`');
    }
    throw new FormatError(file, 'is an HDF5 file without a Keras model_config attribute: not a Keras model file');
  }
  const config = parseJson(file, raw.modelConfig, 'model_config');
  const training = raw.trainingConfig ? parseJson(file, raw.trainingConfig, 'training_config') : undefined;
  return assemble(file, raw, config, training);
}

/**
 * Weights-only HDF5 of Keras 1 and 2 (`save_weights`) with the model's topology (`to_json()`, as
 * parsed JSON, or a model config read from a model file): the pairing Keras itself needs
 * (`model_from_json(json).load_weights(h5)`).
 */
export async function readKerasWeightsOnto(weightsFile: string, topology: unknown): Promise<KerasArtifacts> {
  const raw = await readRaw(weightsFile);
  if (raw.keras3Weights) {
    throw new FormatError(weightsFile, 'is a Keras 3 weights file (layers/<name>/vars layout), read by readWithWeights');
  }
  if (raw.layers.size === 0) throw new FormatError(weightsFile, 'has no layer_names: not a Keras weights file');
  const config = topology && typeof topology === 'object' && 'modelTopology' in topology ? (topology as {modelTopology: unknown}).modelTopology : topology;
  const version = typeof (config as Record<string, unknown>)?.keras_version === 'string'
    ? (config as Record<string, string>).keras_version : raw.kerasVersion;
  return assemble(weightsFile, raw, config, undefined, version);
}

/** A JSON topology file (`model.to_json()`) with its Keras 1/2 weights-only HDF5. */
export async function readKerasWeightsWithTopology(weightsFile: string, topologyFile: string): Promise<KerasArtifacts> {
  const text = readUserFile(topologyFile, (problem) => new FormatError(topologyFile, problem), 'utf8');
  return readKerasWeightsOnto(weightsFile, parseJson(topologyFile, text, 'model topology'));
}

// ---------------------------------------------------------------------------------------------
// Writing

/** The tf.keras 2.x name of a weight, relative to its layer group: `dense/kernel:0`. */
function kerasWeightName(layer: string, tfjsName: string): string {
  const relative = tfjsName.startsWith(`${layer}/`) ? tfjsName : `${layer}/${tfjsName.split('/').pop()}`;
  return `${relative}:0`;
}

export interface WrittenLayout {
  layerNames: string[];
  slots: ModelSlots;
}

/** Writes the tf.keras 2.x HDF5 layout; returns what was written (for tests and reports). */
export async function writeKerasHdf5(file: string, artifacts: KerasArtifacts, options: SaveOptions = {}): Promise<WrittenLayout> {
  const normalized = normalizeModelConfig(artifacts.modelTopology, {file, kerasVersion: '2'});
  const config: ModelConfig = normalized.config;
  // Written as tf.keras 2 reads it; where Keras 3 would refuse it or compute other numbers, the saver is told.
  keras3H5Differences(config).forEach((w) => options.onWarning?.(w));
  const slots = await describeModel(config, file);
  const weights = decodeArtifactWeights(artifacts.weightSpecs ?? [], artifacts.weightData, file);
  const layerNames = keras2LayerNames(config);
  const training = trainingConfigForKeras2(artifacts.trainingConfig);
  const optimizerWeights = [...weights.values()].filter((w) => w.group === 'optimizer');
  await createHdf5(file, (f) => {
    const root = f as unknown as H5Group;
    writeStringAttribute(root, 'keras_version', WRITTEN_KERAS_VERSION);
    writeStringAttribute(root, 'backend', 'tensorflow');
    writeStringAttribute(root, 'model_config', JSON.stringify(toKeras2ModelConfig(config)));
    if (training) writeStringAttribute(root, 'training_config', JSON.stringify(training));
    writeStringAttribute(root, 'written_by', WRITER);
    if (artifacts.userDefinedMetadata) writeStringAttribute(root, HDF5_METADATA_ATTRIBUTE, JSON.stringify(artifacts.userDefinedMetadata));
    if (artifacts.history) writeStringAttribute(root, HDF5_HISTORY_ATTRIBUTE, JSON.stringify(artifacts.history));
    const mw = ensureGroup(root, 'model_weights');
    writeStringListAttribute(mw, 'layer_names', layerNames);
    writeStringAttribute(mw, 'backend', 'tensorflow');
    writeStringAttribute(mw, 'keras_version', WRITTEN_KERAS_VERSION);
    const slotByName = new Map(slots.layers.map((s) => [s.name, s]));
    for (const name of layerNames) {
      const g = ensureGroup(mw, name);
      const slot = slotByName.get(name);
      const names: string[] = [];
      for (const w of slot?.weights ?? []) {
        const value = weights.get(w.name);
        if (!value) throw new FormatError(file, `the model's weight ${w.name} is missing from the artifacts`);
        const kname = kerasWeightName(name, w.name);
        names.push(kname);
        writeDataset(g, kname, value.data instanceof Float32Array ? value.data : Float32Array.from(value.data), value.shape);
      }
      writeStringListAttribute(g, 'weight_names', names);
    }
    if (training && optimizerWeights.length > 0) {
      const og = ensureGroup(root, 'optimizer_weights');
      const prefix = String((training.optimizer_config as {class_name: string}).class_name);
      const names: string[] = [];
      for (const w of optimizerWeights) {
        const kname = w.name === 'iter' ? `${prefix}/iter:0` : `${prefix}/${w.name}:0`;
        names.push(kname);
        if (w.name === 'iter') writeDataset(og, kname, BigInt64Array.of(BigInt(Math.round(Number(w.data[0])))), []);
        else writeDataset(og, kname, w.data instanceof Float32Array ? w.data : Float32Array.from(w.data), w.shape);
      }
      writeStringListAttribute(og, 'weight_names', names);
    }
  });
  return {layerNames, slots};
}

export const hdf5Format: FormatModule = {
  format: 'h5',
  async detect(path: string) {
    return isHdf5File(path);
  },
  read: readKerasHdf5,
  async write(path: string, artifacts: KerasArtifacts, options?: SaveOptions) {
    await writeKerasHdf5(path, artifacts, options);
  },
};

/**
 * A Keras JSON topology (`model.to_json()`) on its own: recognized so that loading it explains
 * that its weights file is needed, instead of "not a model".
 */
export const kerasJsonTopologyFormat: FormatModule = {
  format: 'h5-weights',
  async detect(p: string) {
    if (!p.toLowerCase().endsWith('.json')) return false;
    try {
      if (fs.statSync(p).size > 64 * 1024 * 1024) return false;
      const json = JSON.parse(readRegularFile(p, 'utf8'));
      return json !== null && typeof json === 'object' && typeof json.class_name === 'string' && 'config' in json && !('modelTopology' in json);
    } catch {
      return false;
    }
  },
  async read(p: string): Promise<KerasArtifacts> {
    throw new FormatError(p, 'is a Keras model topology (model.to_json()) without weights. Load it together with its ' +
      `weights-only HDF5 file (model.save_weights), e.g. \`convert ${p} out.h5 --weights weights.h5\``);
  },
};
