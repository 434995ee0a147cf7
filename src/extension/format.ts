/** Small text helpers shared by the commands (no vscode import: unit-testable). */
import * as path from 'path';
import {MODEL_FOLDER_MARKERS, fileFormatOf, type FormatId} from '../formats/table';

export function isTrainSpec(file: string): boolean {
  return file.endsWith('.train.json');
}

/** `95` -> `1:35`, `3725` -> `1:02:05`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Keras-style metrics: `loss: 0.2301 - accuracy: 0.9312`; the epoch number is left out. */
export function formatLogs(logs: Record<string, number>): string {
  return Object.entries(logs)
    .filter(([k, v]) => k !== 'epoch' && typeof v === 'number')
    .map(([k, v]) => `${k}: ${v.toFixed(4)}`)
    .join(' - ');
}

/**
 * What a path given to Load Model is: a folder, the marker file of a model folder (model.json,
 * saved_model.pb: it stands for its folder), another model JSON file, or a single-file model.
 */
export function modelKind(file: string, isDirectory: boolean): 'folder' | 'marker' | 'model.json' | FormatId | undefined {
  if (isDirectory) return 'folder';
  if (MODEL_FOLDER_MARKERS.includes(path.basename(file))) return 'marker';
  const format = fileFormatOf(file);
  if (format) return format.id as FormatId;
  if (file.toLowerCase().endsWith('.json') && !isTrainSpec(file.toLowerCase())) return 'model.json';
  return undefined;
}

/**
 * A failure about a file, naming it once: `Cannot load /w/m.h5: <why>`. Worker messages usually
 * start with the file they are about already (the model, or a file inside its folder); the path
 * is then not repeated.
 */
export function failureMessage(action: string, file: string, message: string): string {
  const namesIt = message.startsWith(`${file}:`) || message.startsWith(`${file}${path.sep}`) || message.startsWith(`${file}/`);
  return namesIt ? `${action} ${message}` : `${action} ${file}: ${message}`;
}
