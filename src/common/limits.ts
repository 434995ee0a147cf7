/**
 * Bounds on what an untrusted file may make the readers do: how far compressed data may inflate
 * (judged from the sizes the file itself declares, refused before the memory is taken) and how
 * deeply its JSON may nest (recursive walkers would otherwise die with "Maximum call stack size
 * exceeded"). Every reader of zip, gzip and JSON content goes through here.
 */
import * as zlib from 'zlib';

/** Deeper JSON than this is refused; real Keras configs nest a few dozen levels at most. */
export const MAX_JSON_DEPTH = 512;

/** Overrides the inflate ceiling, in MiB (e.g. for a legitimately huge, very compressible data set). */
export const INFLATE_LIMIT_ENV = 'KERAS_WORKBENCH_MAX_INFLATE_MB';
/** Below this, declared sizes are always allowed: they cannot hurt. */
const INFLATE_FLOOR = 256 * 1024 * 1024;
/** Beyond the floor, data may expand this many times (MNIST's compressed npz: ~7x; zip bombs: ~1000x). */
const INFLATE_RATIO = 50;

/** Bytes that `compressedBytes` of deflate data may legitimately declare to inflate to. */
export function inflateCeiling(compressedBytes: number): number {
  const fromEnv = Number(process.env[INFLATE_LIMIT_ENV]);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return Math.floor(fromEnv * 1024 * 1024);
  return Math.max(INFLATE_FLOOR, INFLATE_RATIO * compressedBytes);
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

/**
 * Inflates raw deflate (zip members) or gzip data that declares its uncompressed size, never
 * producing more than that: a larger output is stopped by zlib as soon as it passes the size.
 * Returns the bytes, or the problem (one line, without the file name) for the caller's error.
 */
export function inflateBounded(data: Uint8Array, declaredSize: number, kind: 'deflate-raw' | 'gzip'):
  {bytes: Uint8Array} | {problem: string} {
  const ceiling = inflateCeiling(data.length);
  if (declaredSize > ceiling) {
    return {problem: `declares ${mib(declaredSize)} uncompressed from ${mib(data.length)} compressed, more than the ` +
      `${mib(ceiling)} allowed (a decompression bomb?); set ${INFLATE_LIMIT_ENV} to raise the limit`};
  }
  let bytes: Uint8Array;
  try {
    const options = {maxOutputLength: Math.max(1, declaredSize + 1)};
    bytes = kind === 'gzip' ? zlib.gunzipSync(data, options) : zlib.inflateRawSync(data, options);
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      return {problem: `inflates to more than its declared ${mib(declaredSize)}; refusing to decompress further`};
    }
    return {problem: `is corrupt: ${error.message}`};
  }
  if (bytes.length > declaredSize) {
    return {problem: `inflates to more than its declared ${mib(declaredSize)}; refusing to decompress further`};
  }
  if (bytes.length !== declaredSize) {
    return {problem: `inflates to ${bytes.length} bytes but declares ${declaredSize}`};
  }
  return {bytes};
}

/** The uncompressed size a gzip stream declares in its trailer (ISIZE, modulo 2^32). */
export function gzipDeclaredSize(data: Uint8Array): number | undefined {
  if (data.length < 18) return undefined;
  const n = data.length;
  return (data[n - 4] | (data[n - 3] << 8) | (data[n - 2] << 16) | (data[n - 1] << 24)) >>> 0;
}

/**
 * How deeply `text` nests arrays and objects, stopping as soon as `limit` is passed (strings
 * skipped, escapes honoured). Linear time, constant stack.
 */
export function jsonDepthExceeds(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/**
 * JSON.parse with the depth bound; throws `makeError(problem)` (the caller's error class, naming
 * its file) for nesting and syntax errors alike.
 */
export function parseJsonBounded(text: string, makeError: (problem: string) => Error, what = 'the JSON'): unknown {
  if (jsonDepthExceeds(text)) return fail(makeError, `${what} nests deeper than ${MAX_JSON_DEPTH} levels; refusing to read it`);
  try {
    return JSON.parse(text);
  } catch (e) {
    return fail(makeError, `${what} is not valid JSON: ${(e as Error).message}`);
  }
}

function fail(makeError: (problem: string) => Error, problem: string): never {
  throw makeError(problem);
}
