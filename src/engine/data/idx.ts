/**
 * IDX files (the format MNIST ships in): big-endian magic `0 0 <type> <ndim>`, ndim uint32
 * dimension sizes, then the data. Gzipped files (`.gz`) are inflated transparently.
 */
import {gzipDeclaredSize, inflateBounded} from '../../common/limits';
import {DataError} from '../../common/errors';
import {readUserFile} from '../../common/regular-file';

export interface IdxArray {
  shape: number[];
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const TYPES: Record<number, {name: string; bytes: number}> = {
  0x08: {name: 'uint8', bytes: 1},
  0x09: {name: 'int8', bytes: 1},
  0x0b: {name: 'int16', bytes: 2},
  0x0c: {name: 'int32', bytes: 4},
  0x0d: {name: 'float32', bytes: 4},
  0x0e: {name: 'float64', bytes: 8},
};

export function parseIdx(bytes: Uint8Array, file: string): IdxArray {
  if (bytes.length < 4) throw new DataError(file, `too short for an IDX file (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0) !== 0) {
    throw new DataError(file, 'not an IDX file: the first two bytes of the magic number must be zero');
  }
  const type = TYPES[bytes[2]];
  if (!type) throw new DataError(file, `unknown IDX data type 0x${bytes[2].toString(16)}`);
  const ndim = bytes[3];
  if (ndim === 0) throw new DataError(file, 'IDX file declares zero dimensions');
  const headerBytes = 4 + 4 * ndim;
  if (bytes.length < headerBytes) throw new DataError(file, `truncated IDX header (${ndim} dimensions declared)`);
  const shape: number[] = [];
  for (let i = 0; i < ndim; i++) shape.push(view.getUint32(4 + 4 * i));
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * type.bytes;
  if (bytes.length !== expected) {
    throw new DataError(file, `IDX shape [${shape.join(', ')}] of ${type.name} needs ${expected} bytes, file has ${bytes.length}`);
  }
  const body = bytes.subarray(headerBytes);
  let data: IdxArray['data'];
  switch (type.name) {
    case 'uint8': data = new Uint8Array(body); break;
    case 'int8': data = new Int8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)); break;
    default: {
      // Multi-byte IDX values are big-endian; convert to the platform's typed arrays.
      const Ctor = {int16: Int16Array, int32: Int32Array, float32: Float32Array, float64: Float64Array}[
        type.name as 'int16'];
      const out = new Ctor(count);
      const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
      for (let i = 0; i < count; i++) {
        const o = i * type.bytes;
        out[i] = type.name === 'int16' ? dv.getInt16(o) : type.name === 'int32' ? dv.getInt32(o)
          : type.name === 'float32' ? dv.getFloat32(o) : dv.getFloat64(o);
      }
      data = out;
    }
  }
  return {shape, data};
}

export function readIdx(file: string): IdxArray {
  let bytes: Uint8Array = readUserFile(file, (problem) => new DataError(file, problem));
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // The trailer's declared size bounds the inflation (a gzip bomb stops there, not in memory).
    const inflated = inflateBounded(bytes, gzipDeclaredSize(bytes) ?? 0, 'gzip');
    if ('problem' in inflated) throw new DataError(file, `gzip data ${inflated.problem}`);
    bytes = inflated.bytes;
  }
  return parseIdx(bytes, file);
}
