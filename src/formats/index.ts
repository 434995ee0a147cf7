/**
 * `save_model` and `load_model`: the one public entry that dispatches on the format. A save is
 * checked against the target rules (save-target.ts), written beside the target, read back and
 * compared, then swapped in atomically (atomic-save.ts): a failed, cancelled or killed save never
 * damages the model that was there before. Loads first finish what a killed save left.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import {FormatError, WorkbenchError, readFailure} from '../common/errors';
import {debugLog} from '../common/diagnostics';
import {irregularFileProblem, readUserFile} from '../common/regular-file';
import {concatBuffers} from '../common/bytes';
import {tfjsLayersFormat} from './tfjs-layers';
import {explainUnknownClass, registerCustomObjects} from '../keras/custom-objects';
import {hdf5Format, kerasJsonTopologyFormat, readKerasWeightsOnto} from './hdf5';
import {keras3WeightsKind, keras3WeightsMapFormat, readKeras3Weights} from './keras3-weights';
import {kerasZipFormat} from './keras-zip';
import {savedModelFormat} from './savedmodel';
import {registerKerasCompatLayers} from '../keras/config-layers';
import {decodeArtifactWeights, kerasArtifacts} from '../keras/config-weights';
import {configKerasVersion, normalizeModelConfig, type JsonObject, type ModelConfig} from '../keras/config';
import {normalizeTrainingConfig} from '../keras/config-training';
import {parseJsonBounded} from '../common/limits';
// Adamax's state saves and restores (TensorFlow.js's own class throws); registered as 'Adamax'.
import '../keras/stateful-adamax';
import {readSidecarHistory} from './history-file';
import {recoverSaveTarget, writeAtomically} from './atomic-save';
import {saveTargetProblem, type SaveTarget} from './save-target';
import type {EpochRecord, FormatModule, KerasArtifacts, LoadOptions, SaveFormat, SaveOptions} from './artifacts';
import {FORMAT_TABLE, saveFormatFromPath} from './table';
import {refuseUnbuildableConfig, UNSTORED_WEIGHTS_LIMIT} from '../keras/declared-size';
import {explainBuildFailure} from '../keras/tfjs-errors';

/** The save target every save takes (resolved once: saveTarget), beside the functions that take it. */
export {saveTarget} from './save-target';
export type {SaveTarget, SaveTargetChoice} from './save-target';

/**
 * The readers and writers, most specific first (detectFormat asks each in turn): HDF5 (.h5, also
 * HDF5 content in .keras files), Keras 3 zip, SavedModel, a sharded Keras 3 weights map and a
 * JSON topology (both explained, not models), a TensorFlow.js folder.
 */
const formats: FormatModule[] = [hdf5Format, kerasZipFormat, savedModelFormat, keras3WeightsMapFormat, kerasJsonTopologyFormat, tfjsLayersFormat];

export function availableSaveFormats(): SaveFormat[] {
  return formats.filter((f) => f.write).map((f) => f.format as SaveFormat);
}

export function formatFromPath(target: string): SaveFormat {
  return saveFormatFromPath(target);
}

export async function detectFormat(target: string): Promise<FormatModule> {
  if (!fs.existsSync(target)) throw new FormatError(target, 'no such file or folder');
  if (!fs.statSync(target).isDirectory()) {
    const irregular = irregularFileProblem(target);
    if (irregular) throw new FormatError(target, irregular);
  }
  for (const f of formats) if (await f.detect(target)) return f;
  const what = fs.statSync(target).isDirectory()
    ? `a folder without ${FORMAT_TABLE.filter((f) => f.kind === 'folder').map((f) => `${f.markerFiles.join(', ')} (${f.label})`).join(' or ')}`
    : `none of ${FORMAT_TABLE.filter((f) => f.kind === 'file').map((f) => f.label).join(', ')} or a TensorFlow.js model.json`;
  throw new FormatError(target, `is not a model this tool can read: ${what}`);
}

export async function readArtifacts(target: string, options: LoadOptions = {}): Promise<{artifacts: KerasArtifacts; format: FormatModule['format']}> {
  // Readers build the model to place its weights: custom layers must be known before that.
  registerCustomObjects(options.customObjects);
  try {
    await recoverSaveTarget(target);
    const module = await detectFormat(target);
    const artifacts = await module.read(target);
    if (!artifacts.history && !fs.statSync(target).isDirectory()) {
      // A history beside a model file (e.g. written by an export-keras script's run).
      const sidecar = readSidecarHistory(target);
      artifacts.history = sidecar.history;
      if (sidecar.warning) artifacts.warnings = [...(artifacts.warnings ?? []), sidecar.warning];
    }
    return {artifacts, format: module.format};
  } catch (e) {
    throw readFailure(target, e);
  }
}

/** A model topology without weights: its config (any Keras dialect) and what it carries beside it. */
interface Topology {
  config: unknown;
  kerasVersion?: string;
  /** TensorFlow.js's training config (from a model file), or a Keras 3 `compile_config` (from a config JSON). */
  trainingConfig?: tf.io.TrainingConfig;
  compileConfig?: unknown;
  carried: Pick<KerasArtifacts, 'userDefinedMetadata' | 'history'>;
}

/** A topology from a config JSON (`model.to_json()`, a `.keras` file's config.json) or from any model file this tool reads. */
async function readTopology(file: string, options: LoadOptions): Promise<Topology> {
  const module = await detectFormat(file).catch(() => undefined);
  if (module && module.format !== 'h5-weights' && module.format !== 'keras3-weights') {
    const {artifacts} = await readArtifacts(file, options);
    return {
      config: artifacts.modelTopology, kerasVersion: '2', trainingConfig: artifacts.trainingConfig,
      carried: {userDefinedMetadata: artifacts.userDefinedMetadata, history: artifacts.history},
    };
  }
  const text = readUserFile(file, (problem) => new FormatError(file, problem), 'utf8');
  const json = parseJsonBounded(text, (problem) => new FormatError(file, problem), 'the model topology');
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new FormatError(file, 'is not a model topology: not a JSON object');
  const object = json as JsonObject;
  const config = 'modelTopology' in object ? object.modelTopology : object;
  const kerasVersion = configKerasVersion(object);
  return {config, kerasVersion, compileConfig: object.compile_config ?? undefined, carried: {}};
}

/**
 * A model topology (config JSON or model file) with the weights of a weights-only file: Keras 3's
 * `.weights.h5` or sharded `.weights.json` + shards (`save_weights`), or a Keras 1/2 weights-only
 * HDF5. The weights replace any the topology's file held (its optimizer state belongs to those).
 */
export async function readWithWeights(topologyFile: string, weightsFile: string, options: LoadOptions = {}): Promise<KerasArtifacts> {
  registerCustomObjects(options.customObjects);
  return weightsOnto(await readTopology(topologyFile, options), topologyFile, weightsFile);
}

/** A model config in TensorFlow.js's dialect (`model.toJSON()`: a spec's model) with the weights of a weights-only file. */
export async function readWeightsOntoConfig(config: unknown, weightsFile: string): Promise<KerasArtifacts> {
  return weightsOnto({config, kerasVersion: '2', carried: {}}, weightsFile, weightsFile);
}

async function weightsOnto(topology: Topology, topologyFile: string, weightsFile: string): Promise<KerasArtifacts> {
  try {
    if (!fs.existsSync(weightsFile)) throw new FormatError(weightsFile, 'no such file');
    const irregular = irregularFileProblem(weightsFile);
    if (irregular) throw new FormatError(weightsFile, irregular);
    const kind = await keras3WeightsKind(weightsFile);
    if (!kind) return {...await readKerasWeightsOnto(weightsFile, topology.config), ...topology.carried};
    const normalized = normalizeModelConfig(topology.config, {file: topologyFile, kerasVersion: topology.kerasVersion});
    const bound = await readKeras3Weights(weightsFile, kind, normalized.config);
    const training = topology.compileConfig ? normalizeTrainingConfig(topology.compileConfig) : undefined;
    const warnings = [...(training?.warnings ?? [])];
    const trainingConfig = topology.trainingConfig ?? training?.trainingConfig;
    return {...kerasArtifacts(normalized.config, trainingConfig, bound, topology.kerasVersion, warnings), ...topology.carried};
  } catch (e) {
    throw readFailure(weightsFile, e);
  }
}

/** The artifacts of a model in memory, as TensorFlow.js would save them. */
export async function modelArtifacts(model: tfl.LayersModel, includeOptimizer: boolean): Promise<KerasArtifacts> {
  let captured: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (a) => {
    captured = a;
    return {modelArtifactsInfo: {dateSaved: new Date(), modelTopologyType: 'JSON'}};
  }), {includeOptimizer: false});
  const artifacts = captured as KerasArtifacts;
  if (includeOptimizer && model.optimizer != null) {
    // What model.save({includeOptimizer: true}) adds, but each optimizer variable keeps the
    // buffer the backend read it into: tfjs would copy them all into one buffer, then model and
    // optimizer weights (180 MB for the reference model) into one more, and every reader of
    // WeightData takes a list of buffers.
    const optimizer = await encodeWeightList(await model.optimizer.getWeights(), 'optimizer');
    artifacts.trainingConfig = (model as unknown as {getTrainingConfig(): tf.io.TrainingConfig}).getTrainingConfig();
    artifacts.weightSpecs = [...(artifacts.weightSpecs ?? []), ...optimizer.specs];
    artifacts.weightData = [...weightDataList(artifacts.weightData), ...optimizer.buffers];
  }
  return artifacts;
}

/** tf.io.encodeWeights without the final concatenation: one buffer per tensor. */
async function encodeWeightList(named: Array<{name: string; tensor: tf.Tensor}>, group: tf.io.WeightGroup): Promise<{specs: tf.io.WeightsManifestEntry[]; buffers: ArrayBuffer[]}> {
  const specs: tf.io.WeightsManifestEntry[] = [];
  const buffers: ArrayBuffer[] = [];
  for (const {name, tensor} of named) {
    if (tensor.dtype === 'float32' || tensor.dtype === 'int32') {
      const values = await tensor.data();
      specs.push({name, shape: tensor.shape, dtype: tensor.dtype, group});
      const whole = values.byteOffset === 0 && values.byteLength === values.buffer.byteLength;
      buffers.push(whole ? values.buffer as ArrayBuffer : values.slice().buffer as ArrayBuffer);
    } else {
      const encoded = await tf.io.encodeWeights([{name, tensor}], group);
      specs.push(...encoded.specs);
      buffers.push(...weightDataList(encoded.data));
    }
  }
  return {specs, buffers};
}

function weightDataList(data: tf.io.WeightData | undefined): ArrayBuffer[] {
  return data === undefined ? [] : Array.isArray(data) ? data : [data];
}

/**
 * Readies a save: finishes what a killed save left at the target (recovery), then refuses it,
 * before any work, when it may not be replaced (`whenExists` says so) or save-target.ts's rules
 * forbid it. Every model save passes here once; the trainer calls it early too, so that a run
 * is refused before it trains rather than after.
 */
export async function prepareSaveTarget(target: SaveTarget, whenExists = 'already exists and overwrite is false; nothing was written.'): Promise<void> {
  await recoverSaveTarget(target.path);
  if (!target.overwrite && fs.existsSync(target.path)) throw new FormatError(target.path, whenExists, 'save');
  const problem = saveTargetProblem(target.path, target);
  if (problem) throw new FormatError(target.path, problem, 'save');
}

/** Reads what a writer put at `tmp` back and checks every model weight (and optimizer slot both have) bit for bit. */
async function verifyWritten(module: FormatModule, tmp: string, written: KerasArtifacts): Promise<void> {
  const back = await module.read(tmp);
  const specs = written.weightSpecs ?? [];
  const decodable = specs.every((s) => !s.quantization && (s.dtype === 'float32' || s.dtype === 'int32'));
  if (!decodable) {
    // Only the TensorFlow.js format stores such weights, byte for byte as given.
    const same = JSON.stringify(back.weightSpecs ?? []) === JSON.stringify(specs) &&
      Buffer.from(concatBuffers(weightDataList(back.weightData).map((b) => new Uint8Array(b))))
        .equals(Buffer.from(concatBuffers(weightDataList(written.weightData).map((b) => new Uint8Array(b)))));
    if (!same) throw new FormatError(tmp, 'read back, its weights differ from what was written');
    return;
  }
  const expected = decodeArtifactWeights(specs, written.weightData, tmp);
  const actual = decodeArtifactWeights(back.weightSpecs ?? [], back.weightData, tmp);
  const modelWeights = (m: typeof expected) => [...m.values()].filter((w) => w.group !== 'optimizer');
  if (modelWeights(actual).length !== modelWeights(expected).length) {
    throw new FormatError(tmp, `read back, it holds ${modelWeights(actual).length} weights instead of ${modelWeights(expected).length}`);
  }
  for (const w of expected.values()) {
    const a = actual.get(w.name);
    if (!a) {
      if (w.group === 'optimizer') continue; // formats keep only the optimizer state Keras can read
      throw new FormatError(tmp, `read back, weight '${w.name}' is missing`);
    }
    const bytes = (x: Float32Array | Int32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
    if (a.shape.join() !== w.shape.join() || (a.dtype === w.dtype && !bytes(a.data).equals(bytes(w.data)))) {
      throw new FormatError(tmp, `read back, weight '${w.name}' differs from what was written`);
    }
  }
}

/** Writes a model's artifacts to `target` (atomically, verified; see the file comment) and returns the format written. */
export async function saveArtifacts(artifacts: KerasArtifacts, target: SaveTarget, options: SaveOptions = {}): Promise<SaveFormat> {
  const {format} = target;
  const module = formats.find((f) => f.format === format);
  if (!module?.write) {
    throw new FormatError(target.path, `saving in the '${format}' format is not available (available: ${availableSaveFormats().join(', ')})`);
  }
  const extraFiles = Object.entries(options.extraFiles ?? {});
  if (extraFiles.length > 0 && format !== 'tfjs') throw new FormatError(target.path, `extra files can only be saved in a TensorFlow.js folder, not '${format}'`);
  await prepareSaveTarget(target);
  let toWrite = artifacts;
  if (!target.includeOptimizer) {
    const keep = (artifacts.weightSpecs ?? []).map((s) => s.group !== 'optimizer');
    toWrite = {...artifacts, ...stripOptimizer(artifacts, keep)};
  }
  await writeAtomically(target.path, async (tmp) => {
    await module.write!(tmp, toWrite, options);
    for (const [name, text] of extraFiles) fs.writeFileSync(path.join(tmp, path.basename(name)), text);
  }, {verify: (tmp) => verifyWritten(module, tmp, toWrite), label: options.label});
  return format;
}

function stripOptimizer(artifacts: KerasArtifacts, keep: boolean[]): Pick<KerasArtifacts, 'weightSpecs' | 'weightData'> {
  const specs = artifacts.weightSpecs ?? [];
  if (keep.every(Boolean)) return {weightSpecs: specs, weightData: artifacts.weightData};
  const data = new Uint8Array(tf.io.concatenateArrayBuffers(
    Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData as ArrayBuffer]));
  const parts: Uint8Array[] = [];
  let offset = 0;
  specs.forEach((s, i) => {
    const bytes = s.shape.reduce((a, b) => a * b, 1) * (s.dtype === 'bool' ? 1 : 4);
    if (keep[i]) parts.push(data.subarray(offset, offset + bytes));
    offset += bytes;
  });
  return {weightSpecs: specs.filter((_, i) => keep[i]), weightData: concatBuffers(parts)};
}

export interface SaveModelOptions extends SaveOptions {
  history?: EpochRecord[];
  metadata?: Record<string, {}>;
}

/** Keras `save_model(model, path, overwrite, include_optimizer, save_format)`, with those decided in `target`. */
export async function saveModel(model: tfl.LayersModel, target: SaveTarget, options: SaveModelOptions = {}): Promise<SaveFormat> {
  const artifacts = await modelArtifacts(model, target.includeOptimizer);
  artifacts.history = options.history;
  if (options.metadata) artifacts.userDefinedMetadata = {...artifacts.userDefinedMetadata, ...options.metadata};
  return saveArtifacts(artifacts, target, options);
}

/** What `loadModel` read: the model, the artifacts it was built from, the file's format. */
export interface ModelFile {
  model: tfl.LayersModel;
  artifacts: KerasArtifacts;
  format: FormatModule['format'];
}

/** Builds a model from artifacts; `compile` restores optimizer, loss and metrics when present. */
export async function modelFromArtifacts(artifacts: KerasArtifacts, file: string, options: LoadOptions = {}): Promise<tfl.LayersModel> {
  registerKerasCompatLayers();
  registerCustomObjects(options.customObjects);
  const compile = options.compile ?? true;
  const usable: KerasArtifacts = compile ? artifacts : {...artifacts, trainingConfig: undefined};
  const specs = usable.weightSpecs ?? [];
  const firstSlot = specs.findIndex((s) => s.group === 'optimizer');
  // The optimizer's slots (Adam's moments: 128 MB for the reference model) go in from views of
  // the file's buffers: tfjs's decoder would copy them once more before the backend copies them.
  // That needs them after the model's weights (as every writer puts them): tfjs then reads the
  // model's part of the same buffers and stops there.
  const ownSlots = compile && firstSlot >= 0 && specs.slice(firstSlot).every((s) => s.group === 'optimizer') &&
    specs.every((s) => !s.quantization && (s.dtype === 'float32' || s.dtype === 'int32'));
  const forTfjs = ownSlots ? {...usable, weightSpecs: specs.slice(0, firstSlot)} : usable;
  const stored = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
  if (specs.length > 0) refuseUnbuildableConfig(usable.modelTopology, stored, file, 'its weights hold');
  else refuseUnbuildableConfig(usable.modelTopology, UNSTORED_WEIGHTS_LIMIT, file, 'a model without stored weights may declare at most');
  let model: tfl.LayersModel;
  try {
    model = await tfl.loadLayersModel(tf.io.fromMemory(forTfjs as tf.io.ModelArtifacts));
  } catch (error) {
    const optimizer = (usable.trainingConfig as {optimizer_config?: {class_name?: string}} | undefined)?.optimizer_config?.class_name;
    const unknown = explainUnknownClass(error, file, optimizer);
    // Ours already, or a stack overflow (a config nested too deeply to take apart either).
    if (unknown instanceof WorkbenchError || error instanceof RangeError) throw readFailure(file, unknown, 'cannot build the model');
    debugLog(`${file}: ${(error as Error)?.stack ?? String(error)}`);
    throw new FormatError(file, `cannot build the model: ${await explainBuildFailure(usable.modelTopology as ModelConfig, error)}`);
  }
  if (model.inputs.length === 0 || model.outputs.length === 0) {
    // TensorFlow.js builds a functional config with empty input_layers or output_layers; Keras refuses it.
    model.dispose();
    throw new FormatError(file, `the model config declares no ${model.inputs.length === 0 ? 'inputs' : 'outputs'}; refusing to build it`);
  }
  restoreConstrainedWeights(model, forTfjs);
  if (ownSlots && model.optimizer) {
    const views = decodeArtifactWeights(specs, usable.weightData, file);
    const slots = specs.slice(firstSlot).map((s) => ({name: s.name, tensor: tf.tensor(views.get(s.name)!.data, s.shape, s.dtype)}));
    try {
      await model.optimizer.setWeights(slots);
    } finally {
      tf.dispose(slots.map((w) => w.tensor));
    }
  }
  return model;
}

/**
 * TensorFlow.js applies a weight's constraint (MaxNorm, UnitNorm, NonNeg...) whenever the weight
 * is set, loading included; Keras applies it only after training steps. Puts back the stored values.
 */
function restoreConstrainedWeights(model: tfl.LayersModel, artifacts: KerasArtifacts): void {
  const constrained = model.weights.filter((w) => (w as unknown as {constraint?: unknown}).constraint != null);
  if (constrained.length === 0 || !artifacts.weightSpecs || artifacts.weightData === undefined) return;
  const stored = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  for (const w of constrained) {
    const value = stored[w.originalName];
    if (value) (w as unknown as {val: tf.Variable}).val.assign(value);
  }
  tf.dispose(Object.values(stored));
}

/** Keras `load_model(path, custom_objects, compile)`. */
export async function loadModel(target: string, options: LoadOptions = {}): Promise<ModelFile> {
  const {artifacts, format} = options.weights
    ? {artifacts: await readWithWeights(target, options.weights, options), format: (await keras3WeightsKind(options.weights)) ? 'keras' as const : 'h5' as const}
    : await readArtifacts(target, options);
  const model = await modelFromArtifacts(artifacts, target, options);
  return {model, artifacts, format};
}
