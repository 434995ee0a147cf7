/**
 * NumPy `.npy` arrays and `.npz` archives (Keras's cached `mnist.npz` holds x_train, y_train,
 * x_test, y_test). Object arrays are refused: loading them means unpickling Python objects.
 */
import * as fs from 'fs';
import {readZipDirectory, readZipMember} from '../../formats/zip-file';
import {DataError, WorkbenchError, readFailure} from '../../common/errors';
import {cannotRead, openRegularFile, readUserFile} from '../../common/regular-file';

export interface NdArray {
  shape: number[];
  dtype: string;
  data: Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array |
    Uint32Array | BigInt64Array | BigUint64Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const DTYPES: Record<string, {bytes: number; ctor: {new (n: number): NdArray['data']; new (buffer: ArrayBufferLike, byteOffset: number, length: number): NdArray['data']}; get: (v: DataView, o: number, le: boolean) => number | bigint}> = {
  b1: {bytes: 1, ctor: Uint8Array, get: (v, o) => v.getUint8(o)},
  u1: {bytes: 1, ctor: Uint8Array, get: (v, o) => v.getUint8(o)},
  i1: {bytes: 1, ctor: Int8Array, get: (v, o) => v.getInt8(o)},
  u2: {bytes: 2, ctor: Uint16Array, get: (v, o, le) => v.getUint16(o, le)},
  i2: {bytes: 2, ctor: Int16Array, get: (v, o, le) => v.getInt16(o, le)},
  u4: {bytes: 4, ctor: Uint32Array, get: (v, o, le) => v.getUint32(o, le)},
  i4: {bytes: 4, ctor: Int32Array, get: (v, o, le) => v.getInt32(o, le)},
  u8: {bytes: 8, ctor: BigUint64Array, get: (v, o, le) => v.getBigUint64(o, le)},
  i8: {bytes: 8, ctor: BigInt64Array, get: (v, o, le) => v.getBigInt64(o, le)},
  f4: {bytes: 4, ctor: Float32Array, get: (v, o, le) => v.getFloat32(o, le)},
  f8: {bytes: 8, ctor: Float64Array, get: (v, o, le) => v.getFloat64(o, le)},
};

const MACHINE_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function parseHeader(text: string, file: string): {descr: string; fortran: boolean; shape: number[]} {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shape === undefined) {
    // The header is untrusted text: shown short and escaped, never as raw bytes on the terminal.
    throw new DataError(file, `malformed .npy header: ${JSON.stringify(text.trim().slice(0, 100))}`);
  }
  const dims = shape.split(',').map((s) => s.trim()).filter(Boolean);
  const sizes = dims.map((d) => (/^\d+L?$/.test(d) ? Number(d.replace('L', '')) : NaN));
  if (!sizes.every(Number.isSafeInteger)) throw new DataError(file, `malformed .npy header: shape (${shape}) is not a tuple of sizes`);
  return {descr, fortran: fortran === 'True', shape: sizes};
}

/** Reorders a Fortran-ordered (column-major) buffer into C order. */
function toCOrder<T extends NdArray['data']>(data: T, shape: number[]): T {
  const n = data.length;
  const out = new (data.constructor as new (n: number) => T)(n);
  const rank = shape.length;
  const index = new Array<number>(rank).fill(0);
  for (let c = 0; c < n; c++) {
    let f = 0;
    let stride = 1;
    for (let d = 0; d < rank; d++) {
      f += index[d] * stride;
      stride *= shape[d];
    }
    out[c] = data[f] as never;
    for (let d = rank - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

/**
 * The header of a .npy file from its first bytes (the whole file, or as much as holds the header):
 * dtype, order, shape, and where the data starts. What the reader and the spec analysis both read.
 */
export function parseNpyHeader(bytes: Uint8Array, file: string): {descr: string; fortran: boolean; shape: number[]; dataStart: number} {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new DataError(file, 'not a NumPy .npy file (missing \\x93NUMPY magic)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  if (major !== 1 && bytes.length < 12) throw new DataError(file, 'truncated .npy header');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) throw new DataError(file, 'truncated .npy header');
  return {...parseHeader(new TextDecoder().decode(bytes.subarray(headerStart, dataStart)), file), dataStart};
}

export function parseNpy(bytes: Uint8Array, file: string): NdArray {
  const header = parseNpyHeader(bytes, file);
  const {dataStart} = header;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const order = header.descr[0];
  const kind = header.descr.slice(1);
  if (header.descr.includes('O')) {
    throw new DataError(file, `object arrays (dtype '${header.descr}') hold pickled Python objects and are not loaded`);
  }
  const dtype = DTYPES[kind];
  if (!dtype || !'<>|='.includes(order)) throw new DataError(file, `unsupported dtype '${header.descr}'`);
  const count = header.shape.reduce((a, b) => a * b, 1);
  const needed = dataStart + count * dtype.bytes;
  // The header's shape is the budget: data past it is not ours to read, data short of it is damage.
  if (bytes.length !== needed) {
    throw new DataError(file, `shape (${header.shape.join(', ')}) of '${header.descr}' needs ${needed} bytes, file has ${bytes.length}`);
  }
  const littleEndian = order !== '>';
  let data: NdArray['data'];
  if ((littleEndian === MACHINE_LITTLE_ENDIAN || dtype.bytes === 1) && (bytes.byteOffset + dataStart) % dtype.bytes === 0) {
    // Already in this machine's layout (little-endian, aligned): a view, not a second copy of the data.
    data = new dtype.ctor(bytes.buffer, bytes.byteOffset + dataStart, count);
  } else {
    data = new dtype.ctor(count);
    for (let i = 0; i < count; i++) data[i] = dtype.get(view, dataStart + i * dtype.bytes, littleEndian) as never;
  }
  if (header.fortran && header.shape.length > 1) data = toCOrder(data, header.shape);
  return {shape: header.shape, dtype: kind === 'b1' ? 'bool' : header.descr.replace(/^[<>|=]/, ''), data};
}

function readHead(file: string, n: number): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openRegularFile(file);
    const head = Buffer.alloc(n);
    return head.subarray(0, fs.readSync(fd, head, 0, n, 0));
  } catch (e) {
    throw new DataError(file, cannotRead(e));
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function readNpy(file: string): NdArray {
  return parseNpy(readUserFile(file, (problem) => new DataError(file, problem)), file);
}

/** All arrays of an .npz archive by name (without the `.npy` suffix). */
export function readNpz(file: string): Map<string, NdArray> {
  const head = readHead(file, 2);
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new DataError(file, 'not an .npz archive (not a zip file)');
  // One member at a time, each inflated no further than the size the archive declares for it.
  const unzip = <T>(read: () => T): T => {
    try {
      return read();
    } catch (e) {
      // The zip reader's own errors are specific (a bomb, a CRC, a missing directory); anything else is damage.
      if (e instanceof WorkbenchError) throw new DataError(file, e.problem);
      throw readFailure(file, e, 'corrupt zip archive', 'data');
    }
  };
  const members = unzip(() => readZipDirectory(file));
  const arrays = new Map<string, NdArray>();
  for (const [name, entry] of members) {
    if (!name.endsWith('.npy')) continue;
    arrays.set(name.slice(0, -4), parseNpy(unzip(() => readZipMember(file, entry)), `${file}:${name}`));
  }
  if (arrays.size === 0) throw new DataError(file, 'the archive holds no .npy arrays');
  return arrays;
}

/** Converts any numeric array to float32 (labels and pixels alike). */
export function toFloat32(array: NdArray['data']): Float32Array {
  if (array instanceof Float32Array) return array;
  const out = new Float32Array(array.length);
  for (let i = 0; i < array.length; i++) out[i] = Number(array[i]);
  return out;
}
