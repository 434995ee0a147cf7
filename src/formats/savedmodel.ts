/**
 * tf.keras SavedModel folders (`saved_model.pb`, `keras_metadata.pb`, `variables/`), read
 * without TensorFlow: the Keras config comes from `keras_metadata.pb`, the variables from the
 * tensor bundle, matched to layers through the object paths the metadata records
 * (`root.layer_with_weights-0` -> layer name). A SavedModel without Keras metadata is a plain
 * tf.Module graph, not a Keras model, and is refused.
 */
import * as fs from 'fs';
import * as path from 'path';
import {FormatError} from '../common/errors';
import {parseJsonBounded} from '../common/limits';
import {isInsideByRealPath} from '../common/confine';
import type {FormatModule, KerasArtifacts} from './artifacts';
import {normalizeModelConfig, type JsonObject} from '../keras/config';
import {normalizeTrainingConfig} from '../keras/config-training';
import {
  appendOptimizer, bindOptimizerWeights, kerasArtifacts, describeModel, type BoundWeights, type LayerSlots, type StoredArray,
} from '../keras/config-weights';
import {openTensorBundle, readKerasMetadata, type TensorBundle} from './savedmodel-bundle';

export const SAVED_MODEL_PB = 'saved_model.pb';
export const KERAS_METADATA_PB = 'keras_metadata.pb';
const VALUE_SUFFIX = '/.ATTRIBUTES/VARIABLE_VALUE';

function isSavedModelFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory() && fs.existsSync(path.join(p, SAVED_MODEL_PB));
  } catch {
    return false;
  }
}

/** Attribute paths as TensorFlow.js names them: no `cell` level, wrapped layers by direction. */
function normalizeAttribute(attr: string): string {
  return attr.split('/').filter((s) => s !== 'cell')
    .map((s) => (s === 'forward_layer' || s.startsWith('forward_') ? 'forward' : s === 'backward_layer' || s.startsWith('backward_') ? 'backward' : s))
    .join('/');
}

interface ResolvedVariable {
  layer: string;
  attribute: string;
  key: string;
}

function resolveVariables(bundle: TensorBundle, layerPaths: Map<string, string>): ResolvedVariable[] {
  const out: ResolvedVariable[] = [];
  for (const key of bundle.entries.keys()) {
    if (!key.endsWith(VALUE_SUFFIX) || key.includes('/.OPTIMIZER_SLOT/')) continue;
    const objectPath = key.slice(0, -VALUE_SUFFIX.length);
    const parts = objectPath.split('/');
    for (let n = parts.length - 1; n > 0; n--) {
      const layer = layerPaths.get(parts.slice(0, n).join('/'));
      if (layer) {
        out.push({layer, attribute: parts.slice(n).join('/'), key});
        break;
      }
    }
  }
  return out;
}

/** The checkpoint variable holding a TensorFlow.js weight, if any. */
function findVariable(weight: string, layer: LayerSlots, variables: ResolvedVariable[]): ResolvedVariable | undefined {
  const target = normalizeAttribute(weight);
  return variables.find((v) => {
    const candidate = `${v.layer}/${normalizeAttribute(v.attribute)}`;
    return target === normalizeAttribute(candidate) || target.endsWith(`/${normalizeAttribute(candidate)}`) ||
      (v.layer === layer.name && target === normalizeAttribute(`${layer.name}/${v.attribute}`));
  });
}

/** Every file the reader opens (metadata, variables index and shards) must lie inside the folder by real path. */
function refuseEscapingLinks(folder: string): void {
  const variables = path.join(folder, 'variables');
  const files = [path.join(folder, KERAS_METADATA_PB), variables];
  if (fs.existsSync(variables) && fs.statSync(variables).isDirectory()) files.push(...fs.readdirSync(variables).map((f) => path.join(variables, f)));
  const escaping = files.find((f) => !isInsideByRealPath(folder, f));
  if (escaping) {
    throw new FormatError(folder, `${path.relative(folder, escaping)} is a symlink leading outside the model folder; refusing to read it`);
  }
}

export async function readKerasSavedModel(folder: string): Promise<KerasArtifacts> {
  const metadataFile = path.join(folder, KERAS_METADATA_PB);
  if (!fs.existsSync(metadataFile)) {
    throw new FormatError(folder, `is a TensorFlow SavedModel without ${KERAS_METADATA_PB}: a plain tf.Module graph, not a Keras model. ` +
      'Keras layers cannot be rebuilt from it (TensorFlow.js can run it only as a graph model, via tensorflowjs_converter --input_format=tf_saved_model).');
  }
  refuseEscapingLinks(folder);
  const nodes = readKerasMetadata(metadataFile);
  const root = nodes.find((n) => n.nodePath === 'root');
  if (!root) throw new FormatError(metadataFile, 'has no root object');
  const meta = parseJsonBounded(root.metadata, (problem) => new FormatError(metadataFile, problem), 'root metadata') as JsonObject;
  if (meta === null || typeof meta !== 'object') throw new FormatError(metadataFile, 'root metadata is not a JSON object');
  const modelConfig = meta.model_config ?? (meta.class_name && meta.config ? {class_name: meta.class_name, config: meta.config} : undefined);
  if (!modelConfig) {
    throw new FormatError(folder, `is a subclassed Keras model (${root.identifier}); only Sequential and functional models store a config that can be rebuilt`);
  }
  const version = typeof meta.keras_version === 'string' ? meta.keras_version : undefined;
  const normalized = normalizeModelConfig(modelConfig, {file: folder, kerasVersion: version, backend: meta.backend as string | undefined});
  const slots = await describeModel(normalized.config, folder);

  const layerPaths = new Map<string, string>();
  for (const n of nodes) {
    if (n.nodePath === 'root' || !n.identifier.startsWith('_tf_keras_')) continue;
    try {
      const name = (JSON.parse(n.metadata) as JsonObject).name;
      if (typeof name === 'string') layerPaths.set(n.nodePath.replace(/^root\./, '').replace(/\./g, '/'), name);
    } catch {
      // metadata of non-layer objects may be empty
    }
  }
  const bundle = openTensorBundle(path.join(folder, 'variables', 'variables'));
  const variables = resolveVariables(bundle, layerPaths);
  const bound: BoundWeights = {specs: [], buffers: []};
  const keyOf = new Map<string, string>();
  for (const layer of slots.layers) {
    for (const w of layer.weights) {
      const v = findVariable(w.name, layer, variables);
      if (!v) throw new FormatError(folder, `variables hold no value for ${w.name} (layer '${layer.name}', ${layer.className})`);
      const t = bundle.read(v.key);
      if (t.shape.join(',') !== w.shape.join(',')) {
        throw new FormatError(folder, `variable '${v.key}' has shape (${t.shape.join(', ')}) but ${w.name} needs (${w.shape.join(', ')})`);
      }
      keyOf.set(w.name, v.key.slice(0, -VALUE_SUFFIX.length));
      const data = t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
      bound.specs.push({name: w.name, shape: t.shape, dtype: 'float32'});
      bound.buffers.push(new Uint8Array(data.buffer));
    }
  }
  const warnings: string[] = [];
  const training = meta.training_config ? normalizeTrainingConfig(meta.training_config) : undefined;
  warnings.push(...(training?.warnings ?? []));
  if (training?.trainingConfig) {
    const slotArrays: StoredArray[] = [];
    const iterKey = ['optimizer/iter', 'optimizer/_iterations', 'optimizer/iterations'].map((k) => k + VALUE_SUFFIX).find((k) => bundle.entries.has(k));
    if (iterKey) slotArrays.push({...bundle.read(iterKey), name: 'iter'});
    for (const role of ['m', 'v']) {
      for (const t of slots.trainable) {
        const key = `${keyOf.get(t.name)}/.OPTIMIZER_SLOT/optimizer/${role}${VALUE_SUFFIX}`;
        if (bundle.entries.has(key)) slotArrays.push({...bundle.read(key), name: `${t.name}/${role}`});
      }
    }
    const opt = bindOptimizerWeights(training.optimizerClass, slotArrays, slots);
    appendOptimizer(bound, opt, warnings);
  }
  return kerasArtifacts(normalized.config, training?.trainingConfig, bound, version, warnings);
}

export const savedModelFormat: FormatModule = {
  format: 'savedmodel',
  async detect(p: string) {
    return isSavedModelFolder(p);
  },
  read: readKerasSavedModel,
};
