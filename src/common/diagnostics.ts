/**
 * The debug log: library diagnostics (HDF5's error dumps, stacks of unexpected errors) that a
 * user only needs when reporting a bug. The CLI prints them with --verbose; the worker sends
 * them to the extension's log channel. Everything else ignores them.
 */
let sink: ((text: string) => void) | undefined;

export function setDebugLog(write: ((text: string) => void) | undefined): void {
  sink = write;
}

export function debugLog(text: string): void {
  sink?.(text);
}
