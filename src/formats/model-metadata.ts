/**
 * What a model carries beside its config and weights in every format: the user-defined metadata
 * (Keras Workbench's `kerasWorkbench`: dataset and preprocessing) and the training history.
 * One table of where each format keeps them, so that `convert` and Save As carry both:
 *
 * | format | metadata                                   | history                           |
 * |--------|--------------------------------------------|-----------------------------------|
 * | tfjs   | model.json `userDefinedMetadata`           | history.json beside model.json    |
 * | h5     | root attribute `keras_workbench_metadata`  | root attribute `training_history` |
 * | keras  | metadata.json `user_defined_metadata`      | metadata.json `training_history`  |
 *
 * Keras ignores the extra attributes and keys. Reading them never fails a load: unreadable
 * values become a warning and the model loads without them.
 */
import type {EpochRecord, KerasArtifacts} from './artifacts';
import {oneLine} from '../common/errors';

export const HDF5_METADATA_ATTRIBUTE = 'keras_workbench_metadata';
export const HDF5_HISTORY_ATTRIBUTE = 'training_history';
export const KERAS_METADATA_KEY = 'user_defined_metadata';
export const KERAS_HISTORY_KEY = 'training_history';

/** Stored text larger than this is not parsed (a hostile file could claim anything). */
const MAX_TEXT = 16 * 1024 * 1024;

function isHistory(v: unknown): v is EpochRecord[] {
  return Array.isArray(v) && v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r) &&
    Object.values(r as object).every((x) => typeof x === 'number' || x === null));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Parses stored metadata and history (JSON text or already parsed values) into what the artifacts hold. */
export function readCarried(metadata: unknown, history: unknown, warnings: string[]): Pick<KerasArtifacts, 'userDefinedMetadata' | 'history'> {
  const parse = (value: unknown, what: string): unknown => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') return value;
    if (value.length > MAX_TEXT) {
      warnings.push(`${what} is larger than ${MAX_TEXT} characters and was not read`);
      return undefined;
    }
    try {
      return JSON.parse(value);
    } catch (e) {
      warnings.push(oneLine(`${what} is not valid JSON (${(e as Error).message}) and was not read`));
      return undefined;
    }
  };
  const out: Pick<KerasArtifacts, 'userDefinedMetadata' | 'history'> = {};
  const meta = parse(metadata, 'the stored model metadata');
  if (meta !== undefined) {
    if (isPlainObject(meta)) out.userDefinedMetadata = meta as {};
    else warnings.push('the stored model metadata is not a JSON object and was not read');
  }
  const hist = parse(history, 'the stored training history');
  if (hist !== undefined) {
    if (isHistory(hist)) out.history = hist;
    else warnings.push('the stored training history is not a list of per-epoch metrics and was not read');
  }
  return out;
}
