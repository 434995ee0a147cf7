/**
 * Readers open only regular files: opening a named pipe blocks until something writes to it
 * (forever, for a hostile input), and a device such as /dev/zero never ends. The check follows
 * symlinks (what is read is what they lead to). readUserFile reads a whole file the user named
 * and fails with the reader's own error naming it: `cannot read: no such file`.
 */
import * as fs from 'fs';
import {systemCause} from './errors';

export class NotRegularFileError extends Error {
  readonly code = 'ENOTREG';
  constructor(kind: string) {
    super(`not a regular file but ${kind}; refusing to read it`);
    this.name = 'NotRegularFileError';
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  if (stat.isDirectory()) return 'a folder';
  return 'a special file';
}

/** Throws NotRegularFileError for anything but a regular file; a missing file is left to the read to report. */
export function refuseIrregularFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return;
  }
  if (!stat.isFile()) throw new NotRegularFileError(kindOf(stat));
}

/** The problem with reading `file` as a regular file, or undefined (also when it does not exist). */
export function irregularFileProblem(file: string): string | undefined {
  try {
    refuseIrregularFile(file);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** fs.readFileSync for regular files only. */
export function readRegularFile(file: string): Buffer;
export function readRegularFile(file: string, encoding: 'utf8'): string;
export function readRegularFile(file: string, encoding?: 'utf8'): Buffer | string {
  refuseIrregularFile(file);
  return encoding ? fs.readFileSync(file, encoding) : fs.readFileSync(file);
}

/** fs.openSync(file, 'r') for regular files only. */
export function openRegularFile(file: string): number {
  refuseIrregularFile(file);
  return fs.openSync(file, 'r');
}

/** Why a file could not be opened or read, in words, without its path (the caller's error names it). */
export function cannotRead(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (error instanceof NotRegularFileError) return `cannot read: ${error.message}`;
  return `cannot read: ${systemCause(e?.code) ?? e?.message ?? String(error)}`;
}

/**
 * A file the user named (or a model or data file refers to), read whole; failing, `fail` makes the
 * reader's own error (FormatError, DataError, SpecError) from `cannot read: <why>`.
 */
export function readUserFile(file: string, fail: (problem: string) => Error): Buffer;
export function readUserFile(file: string, fail: (problem: string) => Error, encoding: 'utf8'): string;
export function readUserFile(file: string, fail: (problem: string) => Error, encoding?: 'utf8'): Buffer | string {
  try {
    return encoding ? readRegularFile(file, encoding) : readRegularFile(file);
  } catch (e) {
    throw fail(cannotRead(e));
  }
}
