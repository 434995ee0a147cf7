/**
 * A model file's training history beside it: `<stem>.history.json` next to `<stem>.keras` /
 * `<stem>.h5`, a JSON list of `{"epoch": 1, "loss": ..., "val_loss": ...}` (what the engine
 * keeps in a TensorFlow.js folder's history.json, and what scripts written by `export-keras`
 * write every epoch). Read when the file itself carries no history. Non-finite values are
 * written as null by Python's JSON (NaN is not JSON) and read back as NaN.
 */
import * as fs from 'fs';
import * as path from 'path';
import type {EpochRecord} from './artifacts';
import {oneLine} from '../common/errors';

export const HISTORY_SUFFIX = '.history.json';
/** Far above any real history (thousands of epochs, dozens of metrics). */
const MAX_HISTORY_BYTES = 16 * 1024 * 1024;

export function sidecarHistoryPath(modelFile: string): string {
  return modelFile.replace(/\.(keras|h5|hdf5)$/i, '') + HISTORY_SUFFIX;
}

/** The history beside a model file, or undefined when there is none; a warning when it cannot be used. */
export function readSidecarHistory(modelFile: string): {history?: EpochRecord[]; warning?: string} {
  const file = sidecarHistoryPath(modelFile);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return {};
  }
  const ignored = (why: string) => ({warning: oneLine(`${path.basename(file)}: not used as the training history: ${why}`)});
  if (!stat.isFile()) return ignored('not a file');
  if (stat.size > MAX_HISTORY_BYTES) return ignored(`${stat.size} bytes is more than a history can be (${MAX_HISTORY_BYTES})`);
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return ignored(`not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(value)) return ignored('expected a JSON list of epoch records');
  const history: EpochRecord[] = [];
  for (const [i, record] of value.entries()) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return ignored(`entry ${i} is not an object`);
    const out: Record<string, number> = {};
    for (const [key, v] of Object.entries(record as Record<string, unknown>)) {
      if (v === null) out[key] = NaN;
      else if (typeof v === 'number') out[key] = v;
      else return ignored(`entry ${i}: '${key}' is not a number`);
    }
    if (!Number.isInteger(out.epoch) || out.epoch < 1) return ignored(`entry ${i} has no epoch number (1, 2, ...)`);
    history.push(out as EpochRecord);
  }
  return {history};
}
