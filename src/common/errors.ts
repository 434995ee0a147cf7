import {debugLog} from './diagnostics';

/**
 * What an error is about, for code that must tell them apart (never their text): a model file
 * (`format`), a data file (`data`), a training spec (`spec`), a save that was refused or failed
 * (`save`: the message says what became of the target), or what a loaded model cannot do (`model`).
 */
export type ErrorKind = 'format' | 'data' | 'spec' | 'save' | 'model' | 'runs';

/**
 * Every error this tool raises for the user: one line, `file: [field: ]problem`, each part
 * escaped by oneLine. `problem` is the message without the file and field, for code that names
 * the file differently (an archive for its extracted member, a save target for its temporary).
 */
export class WorkbenchError extends Error {
  readonly problem: string;
  constructor(readonly kind: ErrorKind, readonly file: string, problem: string, readonly field = '') {
    super(`${oneLine(file)}: ${field ? `${oneLine(field)}: ` : ''}${oneLine(problem)}`);
    this.problem = oneLine(problem);
    this.name = 'WorkbenchError';
  }
}

/** A model file that cannot be read or written; `kind` 'save' for a refused or failed save. */
export class FormatError extends WorkbenchError {
  constructor(file: string, problem: string, kind: 'format' | 'save' = 'format') {
    super(kind, file, problem);
    this.name = 'FormatError';
  }
}

/** A data file that cannot be used. */
export class DataError extends WorkbenchError {
  constructor(file: string, problem: string) {
    super('data', file, problem);
    this.name = 'DataError';
  }
}

/** A training spec the tool refuses; `field` names the spec field at fault (`fit.epochs`), or is empty. */
export class SpecError extends WorkbenchError {
  constructor(file: string, field: string, problem: string) {
    super('spec', file, problem, field);
    this.name = 'SpecError';
  }
}

/** What a loaded model cannot do (no training configuration, no recorded dataset, several inputs). */
export class ModelError extends WorkbenchError {
  constructor(file: string, problem: string) {
    super('model', file, problem);
    this.name = 'ModelError';
  }
}

/**
 * A problem as one printable line: text quoted from a hostile file may hold newlines, terminal
 * escapes or binary; they are shown as \n, \x1b...
 */
export function oneLine(text: string): string {
  // oxlint-disable-next-line no-control-regex -- control bytes are exactly what is escaped
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, (c) => (c === '\n' ? '\\n' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** The first line of a message: a library's multi-line dump never reaches the user whole. */
export function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;
}

/** A system call's failure in words, by its errno code (undefined for codes without a table entry). */
const SYSTEM_CAUSES: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  ELOOP: 'too many levels of symbolic links',
  ENOSPC: 'disk full (no space left on device)',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'input/output error',
  EFBIG: 'file too large for this file system',
  ENAMETOOLONG: 'file name too long',
  ENOTDIR: 'a part of the path is a file, not a folder',
};

export function systemCause(code: string | undefined): string | undefined {
  return code ? SYSTEM_CAUSES[code] : undefined;
}

/** The message of anything thrown (a library may throw a string, or an object without one: never "[object Object]"). */
function messageOf(error: unknown): string {
  const message = (error as Error | undefined)?.message;
  if (typeof message === 'string') return message;
  if (error !== null && typeof error === 'object') {
    try {
      return `an error without a message: ${JSON.stringify(error).slice(0, 200)}`;
    } catch {
      return 'an error without a message';
    }
  }
  return String(error);
}

/*
 * The only place where HDF5's errors are recognised by their text (TensorFlow.js's: keras/tfjs-errors.ts),
 * because the library offers nothing else: h5wasm reports an abort or a WebAssembly trap as a plain message (its instance is
 * unusable afterwards), and HDF5 reports failures as a multi-line diagnostic dump ("HDF5-DIAG")
 * whose innermost record is the most specific.
 */

/** How h5wasm reports an abort or a trap. */
const WEBASSEMBLY_FAILURE = /Aborted\(|Program terminated|RuntimeError: abort|memory access out of bounds|unreachable/;

/** Whether `error` is h5wasm aborting or trapping: 'aborted', 'failed' (a trap), or undefined. */
export function webAssemblyFailure(error: unknown): 'aborted' | 'failed' | undefined {
  const message = messageOf(error);
  if (!WEBASSEMBLY_FAILURE.test(message)) return undefined;
  return /Aborted|abort/.test(message) ? 'aborted' : 'failed';
}

/** The innermost record of an HDF5 diagnostic dump in `error` (its first line when no record parses), or undefined when it holds none. */
export function hdf5Diagnostic(error: unknown): string | undefined {
  const message = messageOf(error);
  if (!message.includes('HDF5-DIAG')) return undefined;
  const records = [...message.matchAll(/#\d+: .*? in [^(]*\(\): (.*)/g)].map((m) => m[1].trim());
  return records.at(-1) ?? firstLine(message);
}

/** HDF5's words for a failed system call in its diagnostic lines ("No space left on device"), with its errno code when known. */
export function hdf5SystemCause(lines: string[]): {text: string; code?: string} | undefined {
  for (const l of lines) {
    const m = /error message = '([^']+)'/.exec(l);
    if (m) return {text: m[1], code: HDF5_ERRNO.find(([re]) => re.test(m[1]))?.[1]};
  }
  return undefined;
}

const HDF5_ERRNO: Array<[RegExp, string]> = [
  [/no space left/i, 'ENOSPC'], [/quota/i, 'EDQUOT'], [/read-only file system/i, 'EROFS'], [/permission denied/i, 'EACCES'],
];

/**
 * Any failure while reading `file` as one line naming it: our own errors as they are, a stack
 * overflow as "nested too deeply", anything else (a TypeError from a reader meeting malformed
 * content) as what it is, with the stack left to the debug log.
 */
export function readFailure(file: string, error: unknown, what = 'cannot be read', kind: 'format' | 'data' = 'format'): WorkbenchError {
  if (error instanceof WorkbenchError) return error;
  const message = messageOf(error);
  debugLog(`${file}: ${(error as Error)?.stack ?? message}`);
  const wasm = webAssemblyFailure(error);
  const hdf5 = hdf5Diagnostic(error);
  let problem: string;
  if (error instanceof RangeError && /call stack/i.test(message)) {
    problem = 'its structure nests too deeply';
  } else if (wasm) {
    // Only h5wasm aborts or traps while a model file is read (a damaged HDF5 structure); its text says nothing more.
    problem = `the HDF5 library ${wasm} on its damaged structure`;
  } else if (hdf5 !== undefined) {
    problem = `HDF5 error: ${hdf5}`;
  } else {
    problem = firstLine(message);
  }
  const wrapped = kind === 'data' ? new DataError(file, `${what}: ${problem}`) : new FormatError(file, `${what}: ${problem}`);
  // Kept for the fuzz run, which counts library errors that reached this last line of defence.
  (wrapped as {cause?: unknown}).cause = error;
  return wrapped;
}

/**
 * The one line a user is shown for any error: ours as they are; anything else attributed to
 * `input` when there is one (see readFailure), else its first line; escaped either way.
 */
export function errorLine(error: unknown, input?: string): string {
  if (error instanceof WorkbenchError) return error.message;
  if (input !== undefined) return readFailure(input, error, 'failed').message;
  return oneLine(firstLine(messageOf(error)));
}
