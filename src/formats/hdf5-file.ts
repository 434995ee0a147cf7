/**
 * HDF5 through h5wasm (the HDF5 C library compiled to WebAssembly): opening files, and the
 * attribute and dataset encodings Keras uses. h5wasm is an ES module, loaded on first use.
 */
import * as fs from 'fs';
import * as path from 'path';
import {pathToFileURL} from 'url';
import type * as H5 from 'h5wasm';
import {FormatError, WorkbenchError, hdf5Diagnostic, hdf5SystemCause, webAssemblyFailure} from '../common/errors';
import {faultPoint} from './atomic-save';
import {debugLog} from '../common/diagnostics';
import {inflateCeiling} from '../common/limits';
import {openRegularFile} from '../common/regular-file';

type H5Module = typeof import('h5wasm/node');
export type H5File = H5.File;
export type H5Group = H5.Group;
export type H5Dataset = H5.Dataset;

const HDF5_MAGIC = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_MAGIC = [0x50, 0x4b];

/** HDF5's object header limit; Keras splits larger attributes into `name0`, `name1`, ... */
export const HDF5_OBJECT_HEADER_LIMIT = 64512;

let loading: Promise<H5Module> | undefined;
let instances = 0;

export function h5wasm(): Promise<H5Module> {
  loading ??= loadH5wasm();
  return loading;
}

/**
 * A damaged file can make the HDF5 C library call abort(): its WebAssembly instance is then dead
 * and every later call fails. The next use gets a fresh instance: h5wasm's module evaluated anew
 * (a new URL), which instantiates its own WebAssembly module.
 */
async function loadH5wasm(): Promise<H5Module> {
  const fresh = instances++ > 0;
  const m: H5Module = fresh ? await import(`${pathToFileURL(h5wasmEntry()).href}?instance=${instances}`) : await import('h5wasm/node');
  await m.ready;
  return m;
}

/** h5wasm's Node entry file: its package exports only an `import` condition, so require.resolve cannot find it. */
function h5wasmEntry(): string {
  for (const dir of require.resolve.paths('h5wasm') ?? []) {
    const entry = path.join(dir, 'h5wasm', 'dist', 'node', 'hdf5_hl.js');
    if (fs.existsSync(entry)) return entry;
  }
  throw new Error('h5wasm is not installed');
}

/** h5wasm, alive: an instance that aborted earlier (in any caller) is replaced first. */
async function liveH5wasm(): Promise<H5Module> {
  const h5 = await h5wasm();
  try {
    h5.Module.deactivate_throwing_error_handler(); // a no-op call, which a dead instance refuses
    return h5;
  } catch (e) {
    forgetIfAborted(e);
    if (loading) throw e;
    return h5wasm();
  }
}

/**
 * After h5wasm aborted, or trapped (a WebAssembly trap leaves HDF5's state half-changed), drops
 * the instance: the next h5wasm() makes a new one.
 */
function forgetIfAborted(error: unknown): void {
  if (webAssemblyFailure(error)) {
    debugLog(`h5wasm aborted (${(error as Error)?.message}); the next HDF5 use starts a fresh instance`);
    loading = undefined;
  }
}

function startsWith(file: string, magic: number[]): boolean {
  let fd: number | undefined;
  try {
    fd = openRegularFile(file);
    const head = Buffer.alloc(magic.length);
    const n = fs.readSync(fd, head, 0, magic.length, 0);
    return n === magic.length && magic.every((b, i) => head[i] === b);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function isHdf5File(file: string): boolean {
  return isFile(file) && startsWith(file, HDF5_MAGIC);
}

export function isZipFile(file: string): boolean {
  return isFile(file) && startsWith(file, ZIP_MAGIC);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Opens an HDF5 file for reading, runs `use`, and always closes it. Files whose data could come
 * from elsewhere (external storage, external links, virtual datasets) are refused before any
 * dataset is read: HDF5 would otherwise read whatever local file they name. While reading, HDF5
 * errors are exceptions (h5wasm's throwing handler), so a damaged file stops at the failing call
 * instead of handing back garbage; withHdf5 turns them into one line.
 */
export async function withHdf5<T>(file: string, use: (f: H5File) => T | Promise<T>): Promise<T> {
  try {
    return await readingHdf5(file, use);
  } catch (e) {
    forgetIfAborted((e as {cause?: unknown})?.cause ?? e);
    forgetIfAborted(e);
    throw e;
  }
}

async function readingHdf5<T>(file: string, use: (f: H5File) => T | Promise<T>): Promise<T> {
  const h5 = await liveH5wasm();
  if (!isHdf5File(file)) throw new FormatError(file, 'is not an HDF5 file (no HDF5 signature)');
  const external = externalStorageProblem(file) ?? globalHeapProblem(file);
  if (external) throw new FormatError(file, external);
  return capturingDiagnostics(async (diagnostics) => {
    h5.Module.activate_throwing_error_handler();
    try {
      let f: H5File;
      try {
        f = new h5.File(file, 'r');
      } catch (e) {
        const cause = hdf5SystemCause(diagnostics);
        throw cause ? new FormatError(file, `cannot be opened as HDF5: ${cause.text}`) : hdf5Error(file, e, 'cannot be opened as HDF5');
      }
      try {
        const linked = linkProblem(h5.Module, f);
        if (linked) throw new FormatError(file, linked);
        return await use(f);
      } catch (e) {
        throw hdf5Error(file, e, 'HDF5 error');
      } finally {
        try {
          f.close();
        } catch (e) {
          debugLog(`closing ${file}: ${(e as Error).message}`);
        }
      }
    } finally {
      // Writers (createHdf5) keep HDF5's printed diagnostics, which they inspect.
      try {
        h5.Module.deactivate_throwing_error_handler();
      } catch (e) {
        forgetIfAborted(e); // the instance died inside `use`: its error is the one to report
      }
    }
  });
}

/**
 * HDF5's diagnostic dump as one line (its innermost, most specific record), the dump itself to
 * the debug log. Errors that are already ours pass through.
 */
export function hdf5Error(file: string, error: unknown, what: string): Error {
  if (error instanceof WorkbenchError) return error;
  const record = hdf5Diagnostic(error);
  if (record === undefined) return error as Error;
  debugLog(`${file}: ${(error as Error).message}`);
  return new FormatError(file, `${what}: ${record}`);
}

/** Most objects (groups, datasets, links) a model file may hold; link cycles stop here too. */
const MAX_HDF5_OBJECTS = 200_000;
/** Keras nests a few levels (nested models: about ten); a hard-link cycle is stopped here. */
const MAX_HDF5_DEPTH = 24;

type H5Low = {get_external_link(fileId: bigint, path: string): {filename?: string; obj_path?: string}};

/** Walks every link: an external link or a virtual dataset anywhere is refused, named. */
function linkProblem(module: unknown, f: H5File): string | undefined {
  const low = module as H5Low;
  const fileId = (f as unknown as {file_id: bigint}).file_id;
  let seen = 0;
  const visit = (g: H5Group, prefix: string, depth: number): string | undefined => {
    if (depth > MAX_HDF5_DEPTH) {
      const at = prefix.length > 80 ? `...${prefix.slice(-80)}` : prefix;
      return `nests groups deeper than ${MAX_HDF5_DEPTH} levels at '${at}' (a link cycle?); refusing to read it`;
    }
    for (const key of g.keys()) {
      if (++seen > MAX_HDF5_OBJECTS) return `holds more than ${MAX_HDF5_OBJECTS} objects (or a link cycle); refusing to read it`;
      const p = `${prefix}/${key}`;
      const link = low.get_external_link(fileId, p);
      if (link?.filename !== undefined) {
        return `'${p}' is an HDF5 external link to '${link.filename}:${link.obj_path}'; a model file must hold its own data, refusing to follow it`;
      }
      const child = g.get(p);
      if (isGroup(child)) {
        const problem = visit(child, p, depth + 1);
        if (problem) return problem;
      } else if (isDataset(child)) {
        const sources = (child.metadata as {virtual_sources?: Array<{file_name: string; dset_name: string}>}).virtual_sources;
        if (sources?.length) {
          return `dataset '${p}' is a virtual dataset reading from '${sources[0].file_name}:${sources[0].dset_name}'; ` +
            'a model file must hold its own data, refusing to read it';
        }
      }
    }
    return undefined;
  };
  return visit(f as unknown as H5Group, '', 0);
}

const SCAN_CHUNK = 8 * 1024 * 1024;
const HEAP_SIGNATURE = Buffer.from('HEAP');

/**
 * HDF5 "External Data Files" messages (type 0x0007: a dataset stored in other files), found in
 * the raw bytes because h5wasm does not expose H5Pget_external. A candidate counts only when
 * its whole layout agrees (version 1, slot counts, a message size matching them, a local heap
 * at the address it names), so weight data cannot trigger it by chance.
 */
export function externalStorageProblem(file: string): string | undefined {
  const fd = openRegularFile(file);
  try {
    const size = fs.fstatSync(fd).size;
    const chunk = Buffer.allocUnsafe(SCAN_CHUNK + 64);
    const heap = Buffer.alloc(4);
    const heapAt = (address: bigint) =>
      address + 4n <= BigInt(size) && fs.readSync(fd, heap, 0, 4, Number(address)) === 4 && heap.equals(HEAP_SIGNATURE);
    for (let start = 0; start < size; start += SCAN_CHUNK) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - start), start);
      for (let i = chunk.indexOf(7); i >= 0 && i < Math.min(n, SCAN_CHUNK); i = chunk.indexOf(7, i + 1)) {
        // Version 1 object header message: type (2 bytes), size (2), flags (1), reserved (3).
        // Version 2: type (1), size (2), flags (1), [creation order (2)].
        const candidates: Array<[number, number]> = [];
        if (chunk[i + 1] === 0) candidates.push([chunk.readUInt16LE(i + 2), i + 8]);
        candidates.push([chunk.readUInt16LE(i + 1), i + 4], [chunk.readUInt16LE(i + 1), i + 6]);
        for (const [messageSize, body] of candidates) {
          if (body + 16 > n) continue;
          if (chunk[body] !== 1 || chunk[body + 1] !== 0 || chunk[body + 2] !== 0 || chunk[body + 3] !== 0) continue;
          const allocated = chunk.readUInt16LE(body + 4);
          const used = chunk.readUInt16LE(body + 6);
          if (used === 0 || used > allocated) continue;
          const exact = 16 + 24 * allocated;
          if (messageSize !== exact && messageSize !== Math.ceil(exact / 8) * 8) continue;
          if (heapAt(chunk.readBigUInt64LE(body + 8))) {
            return 'has a dataset with external storage (its data lives in other files); a model file must hold its own data, refusing to read it';
          }
        }
      }
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

const GLOBAL_HEAP_SIGNATURE = Buffer.from('GCOL');
/** HDF5 global heap object header: index (2), reference count (2), reserved (4), size (8). */
const GLOBAL_HEAP_OBJECT_HEADER = 16;

/**
 * Global heap collections (where variable-length strings such as Keras's model_config live),
 * checked the way HDF5 walks them before HDF5 does: HDF5 1.x/2.0 loops forever on a free-space
 * object of size 0 and reads past the collection on sizes beyond it. Collections are found by
 * signature ('GCOL', version 1, three zero bytes); each must lie inside the file and its objects
 * must tile it exactly.
 */
export function globalHeapProblem(file: string): string | undefined {
  const fd = openRegularFile(file);
  try {
    const size = fs.fstatSync(fd).size;
    const chunk = Buffer.allocUnsafe(SCAN_CHUNK + 16);
    for (let start = 0; start < size; start += SCAN_CHUNK) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, size - start), start);
      for (let i = chunk.indexOf(GLOBAL_HEAP_SIGNATURE); i >= 0 && i < Math.min(n, SCAN_CHUNK); i = chunk.indexOf(GLOBAL_HEAP_SIGNATURE, i + 1)) {
        if (i + 16 > n || chunk[i + 4] !== 1 || chunk[i + 5] !== 0 || chunk[i + 6] !== 0 || chunk[i + 7] !== 0) continue;
        const at = start + i;
        const declared = chunk.readBigUInt64LE(i + 8);
        if (declared < 16n || BigInt(at) + declared > BigInt(size)) {
          return `global heap at byte ${at} declares ${declared} bytes, beyond the file's ${size}; the file is damaged, refusing to read it`;
        }
        const heap = Buffer.alloc(Number(declared));
        fs.readSync(fd, heap, 0, heap.length, at);
        const problem = globalHeapObjectsProblem(heap);
        if (problem) return `global heap at byte ${at} is damaged (${problem}); refusing to read it`;
      }
    }
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

function globalHeapObjectsProblem(heap: Buffer): string | undefined {
  let p = 16;
  while (p < heap.length) {
    // HDF5 takes a tail too small for an object header as free space.
    if (p + GLOBAL_HEAP_OBJECT_HEADER > heap.length) return undefined;
    const index = heap.readUInt16LE(p);
    const objectSize = heap.readBigUInt64LE(p + 8);
    // Objects are padded to 8 bytes; the free-space object (index 0) counts its own header.
    const need = index > 0 ? BigInt(GLOBAL_HEAP_OBJECT_HEADER) + ((objectSize + 7n) / 8n) * 8n : objectSize;
    if (need === 0n) return `free space of size 0 at offset ${p}`;
    if (BigInt(p) + need > BigInt(heap.length)) return `object ${index} at offset ${p} declares ${objectSize} bytes, past the heap's end`;
    p += Number(need);
  }
  return undefined;
}

/**
 * Creates (truncates) an HDF5 file, runs `fill`, flushes and closes it. HDF5 reports some failed
 * writes (a full disk) only in the diagnostics it prints: any error there fails the write, with
 * the errno-like `code` of its cause.
 */
export async function createHdf5(file: string, fill: (f: H5File) => void | Promise<void>): Promise<void> {
  const h5 = await liveH5wasm();
  await capturingDiagnostics(async (diagnostics) => {
    let f: H5File;
    try {
      f = new h5.File(file, 'w');
    } catch (e) {
      throw hdf5WriteError(file, diagnostics, e);
    }
    let failure: unknown;
    try {
      await fill(f);
      faultPoint('writing');
      f.flush();
    } catch (e) {
      failure = e;
    }
    try {
      f.close();
    } catch (e) {
      failure ??= e;
    }
    if (failure !== undefined) forgetIfAborted(failure);
    if (failure !== undefined) throw failure instanceof FormatError ? failure : hdf5WriteError(file, diagnostics, failure);
    if (diagnostics.some((l) => l.includes('HDF5-DIAG'))) throw hdf5WriteError(file, diagnostics);
  });
}

function hdf5WriteError(file: string, diagnostics: string[], thrown?: unknown): FormatError {
  const cause = hdf5SystemCause(diagnostics);
  const text = cause?.text ?? (thrown as Error | undefined)?.message ?? hdf5Diagnostic(diagnostics.join('\n')) ?? 'HDF5 reported an error';
  const error = new FormatError(file, `HDF5 write failed: ${text}`);
  if (cause?.code) (error as FormatError & {code?: string}).code = cause.code;
  return error;
}

let capturing: string[] | undefined;
// h5wasm runs on NODERAWFS: HDF5 prints to file descriptor 2 through fs.writeSync of the one
// shared fs module, so that is where its diagnostics are caught.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sharedFs: typeof fs = require('fs');

/**
 * Runs `work` with what HDF5 prints to stderr (its error stacks) captured instead of shown; they
 * go to the debug log afterwards (CLI --verbose, the worker's log channel). HDF5 calls are
 * synchronous, so nothing else writes in between.
 */
async function capturingDiagnostics<T>(work: (lines: string[]) => Promise<T>): Promise<T> {
  if (capturing) return work(capturing);
  const lines: string[] = [];
  const writeSync = sharedFs.writeSync;
  capturing = lines;
  sharedFs.writeSync = function (this: unknown, fd: number, data: unknown, ...rest: unknown[]): number {
    if (fd !== 2) return (writeSync as (...a: unknown[]) => number).call(this, fd, data, ...rest);
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from((data as Uint8Array).buffer, (data as Uint8Array).byteOffset, (data as Uint8Array).byteLength);
    const offset = typeof rest[0] === 'number' ? rest[0] : 0;
    const length = typeof rest[1] === 'number' ? rest[1] : bytes.length - offset;
    lines.push(...bytes.subarray(offset, offset + length).toString('utf8').split('\n').filter((l) => l !== ''));
    return length;
  } as typeof fs.writeSync;
  try {
    return await work(lines);
  } finally {
    sharedFs.writeSync = writeSync;
    capturing = undefined;
    for (const line of lines) debugLog(line);
  }
}

export function isGroup(entity: unknown): entity is H5Group {
  return entity != null && typeof (entity as H5Group).keys === 'function' && typeof (entity as H5Group).create_group === 'function';
}

export function isDataset(entity: unknown): entity is H5Dataset {
  return entity != null && typeof (entity as H5Dataset).shape !== 'undefined' && typeof (entity as H5Group).keys !== 'function';
}

/** Decodes bytes h5wasm may hand back for fixed-length strings. */
function asText(v: unknown): string {
  if (typeof v === 'string') return v.replace(/\0+$/, '');
  if (v instanceof Uint8Array) return new TextDecoder().decode(v).replace(/\0+$/, '');
  return String(v);
}

function attributeValue(holder: H5Group | H5Dataset, name: string): unknown {
  const attrs = holder.attrs;
  if (!(name in attrs)) return undefined;
  return attrs[name].value;
}

/** A scalar string attribute (fixed or variable length), or undefined when absent. */
export function readStringAttribute(holder: H5Group | H5Dataset, name: string): string | undefined {
  const v = attributeValue(holder, name);
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.length === 1 ? asText(v[0]) : v.map(asText).join('');
  return asText(v);
}

/**
 * A string-array attribute as Keras writes it: fixed-length or variable-length strings, an empty
 * float64 array for "no names", or split into `name0`, `name1`, ... when it outgrew 64 KB.
 */
export function readStringListAttribute(holder: H5Group | H5Dataset, name: string): string[] | undefined {
  const attrs = holder.attrs;
  if (name in attrs) return toStringList(attrs[name].value);
  if (!(`${name}0` in attrs)) return undefined;
  const out: string[] = [];
  for (let i = 0; `${name}${i}` in attrs; i++) out.push(...toStringList(attrs[`${name}${i}`].value));
  return out;
}

function toStringList(v: unknown): string[] {
  if (v === null || v === undefined) return [];
  if (typeof v === 'string') return [asText(v)];
  if (Array.isArray(v)) return v.map(asText);
  // An empty numeric array (Keras writes float64 shape (0,) for layers without weights).
  if (ArrayBuffer.isView(v)) return (v as unknown as ArrayLike<unknown>).length === 0 ? [] : Array.from(v as unknown as ArrayLike<unknown>, asText);
  return [asText(v)];
}

export interface NumericArray {
  dtype: 'float32' | 'int32';
  shape: number[];
  data: Float32Array | Int32Array;
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * HDF5 reads a dataset into WebAssembly memory before h5wasm copies it out, and WebAssembly
 * memory never shrinks: a large weight is read in slices of about this size along its first axis
 * into one Float32Array, so loading costs the weights once (plus this), not twice.
 */
const READ_SLICE_BYTES = 4 * 1024 * 1024;

function readFloatsInSlices(ds: H5Dataset, shape: number[], itemSize: number): Float32Array {
  const rowValues = shape.slice(1).reduce((a, b) => a * b, 1);
  const rows = Math.max(1, Math.floor(READ_SLICE_BYTES / (rowValues * itemSize)));
  const out = new Float32Array(shape[0] * rowValues);
  for (let start = 0; start < shape[0]; start += rows) {
    const end = Math.min(shape[0], start + rows);
    const part = ds.slice([[start, end]]) as Float32Array | Float64Array;
    out.set(part, start * rowValues);
  }
  return out;
}

/** A numeric dataset as float32 (floats) or int32 (integers, including int64 scalars read as BigInt). */
export function readNumericDataset(ds: H5Dataset, file: string, where: string): NumericArray {
  const shape = ds.shape ?? [];
  const md = ds.metadata as {type: number; size: number; signed: boolean};
  // The declared shape is checked against what the file could hold before HDF5 allocates it.
  const declared = shape.reduce((a, b) => a * b, 1) * md.size;
  const ceiling = inflateCeiling(fileSize(file));
  if (declared > ceiling) {
    throw new FormatError(file, `dataset '${where}' declares shape (${shape.join(', ')}): ${declared} bytes, more than the ${ceiling} this file may hold`);
  }
  const isFloat = md.type === 1; // H5T_FLOAT
  const isInt = md.type === 0; // H5T_INTEGER
  if (!isFloat && !isInt) throw new FormatError(file, `dataset '${where}' is not numeric (HDF5 type class ${md.type})`);
  if (isFloat && (md.size === 4 || md.size === 8) && declared > READ_SLICE_BYTES && shape.length > 0) {
    return {dtype: 'float32', shape, data: readFloatsInSlices(ds, shape, md.size)};
  }
  const raw = ds.value as unknown;
  const values: ArrayLike<number | bigint> =
    typeof raw === 'number' || typeof raw === 'bigint' ? [raw] : (raw as ArrayLike<number | bigint>);
  if (isFloat) {
    if (md.size !== 4 && md.size !== 8 && md.size !== 2) throw new FormatError(file, `dataset '${where}' has float size ${md.size}`);
    // h5wasm already hands back a fresh Float32Array (copied out of the wasm heap): no second copy.
    const data = values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>, Number);
    return {dtype: 'float32', shape, data};
  }
  const data = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = Number(values[i]);
    if (!Number.isSafeInteger(x) || x > 2147483647 || x < -2147483648) {
      throw new FormatError(file, `dataset '${where}' holds an integer (${values[i]}) beyond int32`);
    }
    data[i] = x;
  }
  return {dtype: 'int32', shape, data};
}

/** Writes a string attribute the way h5py writes Python str: a variable-length UTF-8 scalar. */
export function writeStringAttribute(holder: H5Group, name: string, value: string): void {
  holder.create_attribute(name, value);
}

/**
 * Writes a list of names like Keras: variable-length UTF-8 strings, an empty float64 array when
 * there are none, and split into numbered chunks when the attribute would pass the header limit.
 */
export function writeStringListAttribute(holder: H5Group, name: string, values: string[]): void {
  if (values.length === 0) {
    holder.create_attribute(name, new Float64Array(0), [0], '<d');
    return;
  }
  const bytes = values.reduce((n, v) => n + Buffer.byteLength(v, 'utf8') + 16, 0);
  if (bytes <= HDF5_OBJECT_HEADER_LIMIT) {
    holder.create_attribute(name, values, [values.length], 'S');
    return;
  }
  const chunks = Math.ceil(bytes / HDF5_OBJECT_HEADER_LIMIT) + 1;
  const per = Math.ceil(values.length / chunks);
  for (let i = 0; i * per < values.length; i++) {
    const part = values.slice(i * per, (i + 1) * per);
    holder.create_attribute(`${name}${i}`, part, [part.length], 'S');
  }
}

/** Creates `path` (slash separated, relative to `root`) and every missing group on the way. */
export function ensureGroup(root: H5Group, path: string): H5Group {
  let g = root;
  for (const part of path.split('/').filter(Boolean)) {
    const existing = g.keys().includes(part) ? g.get(part) : null;
    g = isGroup(existing) ? existing : g.create_group(part);
  }
  return g;
}

/** Writes a float32 or int64 dataset at `path` under `root`, creating parent groups. */
export function writeDataset(root: H5Group, path: string, data: Float32Array | BigInt64Array, shape: number[]): void {
  const parts = path.split('/');
  const name = parts.pop()!;
  const parent = parts.length ? ensureGroup(root, parts.join('/')) : root;
  const dtype = data instanceof BigInt64Array ? '<q' : '<f';
  parent.create_dataset({name, data, shape, dtype});
}
