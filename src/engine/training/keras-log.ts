/** Keras's progress output: `Epoch 1/25`, the progress bar, and the per-epoch line. */

export function formatDuration(seconds: number): string {
  if (seconds >= 3600) {
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
  }
  if (seconds >= 60) return `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
  return `${Math.round(seconds)}s`;
}

function perStep(seconds: number): string {
  if (seconds >= 1) return `${Math.round(seconds)}s/step`;
  if (seconds >= 1e-3) return `${Math.round(seconds * 1e3)}ms/step`;
  return `${Math.round(seconds * 1e6)}us/step`;
}

export function formatMetrics(logs: Record<string, number>): string {
  return Object.entries(logs).map(([k, v]) => `${k}: ${v.toFixed(4)}`).join(' - ');
}

/** `[=====>.......]` with Keras's width of 30. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = Math.floor((width * done) / Math.max(total, 1));
  const bar = done >= total ? '='.repeat(width) : '='.repeat(Math.max(filled - 1, 0)) + (filled > 0 ? '>' : '') +
    '.'.repeat(width - Math.max(filled, 0));
  return `[${bar.slice(0, width)}]`;
}

export function batchLine(done: number, total: number, elapsed: number, logs: Record<string, number>): string {
  const digits = String(total).length;
  const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
  const metrics = formatMetrics(logs);
  return `${String(done).padStart(digits)}/${total} ${progressBar(done, total)} - ETA: ${formatDuration(eta)}${metrics ? ` - ${metrics}` : ''}`;
}

/** The line Keras prints when an epoch ends (verbose 1: with the full bar; verbose 2: without). */
export function epochLine(batches: number, seconds: number, logs: Record<string, number>, verbose: 1 | 2): string {
  const metrics = formatMetrics(logs);
  const head = verbose === 1 ? `${batches}/${batches} ${progressBar(batches, batches)} - ` : `${batches}/${batches} - `;
  return `${head}${formatDuration(seconds)} ${perStep(seconds / batches)}${metrics ? ` - ${metrics}` : ''}`;
}
