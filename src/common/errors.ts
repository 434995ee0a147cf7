import {debugLog} from './diagnostics';
/** A model file that cannot be read or written; the message starts with the file's path. */
export class FormatError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${oneLine(problem)}`);
    this.name = 'FormatError';
  }
}

/** An error that already names its file (FormatError, DataError, SpecError all carry `file`). */
export function namesItsFile(error: unknown): error is Error & {file: string} {
  return error instanceof Error && typeof (error as {file?: unknown}).file === 'string';
}

/**
 * A problem as one printable line: text quoted from a hostile file may hold newlines, terminal
 * escapes or binary; they are shown as \n, \x1b...
 */
export function oneLine(text: string): string {
  // oxlint-disable-next-line no-control-regex -- control bytes are exactly what is escaped
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) => (c === '\n' ? '\\n' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** How a WebAssembly library (h5wasm) reports an abort or a trap: its instance is unusable afterwards. */
export const WEBASSEMBLY_FAILURE = /Aborted\(|Program terminated|RuntimeError: abort|memory access out of bounds|unreachable/;

/** The first line of a message: a library's multi-line dump never reaches the user whole. */
export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;
}

/**
 * Any failure while reading `file` as one line naming it: our own errors as they are, a stack
 * overflow as "nested too deeply", anything else (a TypeError from a reader meeting malformed
 * content) as what it is, with the stack left to the debug log.
 */
export function readFailure(file: string, error: unknown, what = 'cannot be read'): Error {
  if (namesItsFile(error)) {
    if (!error.message.includes('\n')) return error;
    debugLog(error.message);
    return new FormatError(error.file, firstLine(error.message).replace(`${error.file}: `, ''));
  }
  const message = (error as Error)?.message ?? String(error);
  debugLog(`${file}: ${(error as Error)?.stack ?? message}`);
  let wrapped: FormatError;
  if (error instanceof RangeError && /call stack/i.test(message)) {
    wrapped = new FormatError(file, `${what}: its structure nests too deeply`);
  } else if (WEBASSEMBLY_FAILURE.test(message)) {
    // Only h5wasm aborts or traps while a model file is read (a damaged HDF5 structure); its text says nothing more.
    wrapped = new FormatError(file, `${what}: the HDF5 library ${/Aborted|abort/.test(message) ? 'aborted' : 'failed'} on its damaged structure`);
  } else if (message.includes('HDF5-DIAG')) {
    const records = [...message.matchAll(/#\d+: .*? in [^(]*\(\): (.*)/g)].map((m) => m[1].trim());
    wrapped = new FormatError(file, `${what}: HDF5 error: ${records.at(-1) ?? firstLine(message)}`);
  } else {
    wrapped = new FormatError(file, `${what}: ${firstLine(message)}`);
  }
  // Kept for the fuzz run, which counts library errors that reached this last line of defence.
  (wrapped as {cause?: unknown}).cause = error;
  return wrapped;
}
