/** Small text helpers shared by the commands (no vscode import: unit-testable). */

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

/** What a path given to Load Model is: a tfjs folder, a model JSON file, or a single-file Keras model. */
export function modelKind(file: string, isDirectory: boolean): 'folder' | 'model.json' | 'h5' | 'keras' | undefined {
  if (isDirectory) return 'folder';
  const lower = file.toLowerCase();
  if (lower.endsWith('.h5') || lower.endsWith('.hdf5')) return 'h5';
  if (lower.endsWith('.keras')) return 'keras';
  if (lower.endsWith('.json') && !isTrainSpec(lower)) return 'model.json';
  return undefined;
}
