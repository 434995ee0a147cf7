/**
 * The parts of TensorFlow's on-disk formats a Keras SavedModel needs, read without TensorFlow:
 * protobuf wire format (for `keras_metadata.pb` and bundle entries), the LevelDB-style sorted
 * table of `variables.index`, and the raw tensor bytes of `variables.data-*-of-*`.
 */
import * as fs from 'fs';
import * as path from 'path';
import {FormatError} from '../common/errors';
import {readUserFile} from '../common/regular-file';

// ---------------------------------------------------------------------------------------------
// Protobuf wire format

export interface ProtoField {
  field: number;
  wireType: number;
  /** Varint / fixed values. */
  value?: bigint;
  /** Length-delimited payload. */
  bytes?: Uint8Array;
}

export function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++];
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7n;
    if (shift > 70n) throw new Error('varint too long');
  }
}

/** The top-level fields of one protobuf message, in order. */
export function decodeMessage(buf: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos);
    pos = p1;
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    if (wireType === 0) {
      const [v, p2] = readVarint(buf, pos);
      out.push({field, wireType, value: v});
      pos = p2;
    } else if (wireType === 1) {
      if (pos + 8 > buf.length) throw new Error('truncated fixed64 field');
      const v = new DataView(buf.buffer, buf.byteOffset + pos, 8).getBigUint64(0, true);
      out.push({field, wireType, value: v});
      pos += 8;
    } else if (wireType === 2) {
      const [len, p2] = readVarint(buf, pos);
      if (len > BigInt(buf.length - p2)) throw new Error('truncated length-delimited field');
      const end = p2 + Number(len);
      if (end > buf.length) throw new Error('truncated length-delimited field');
      out.push({field, wireType, bytes: buf.subarray(p2, end)});
      pos = end;
    } else if (wireType === 5) {
      if (pos + 4 > buf.length) throw new Error('truncated fixed32 field');
      const v = new DataView(buf.buffer, buf.byteOffset + pos, 4).getUint32(0, true);
      out.push({field, wireType, value: BigInt(v)});
      pos += 4;
    } else {
      throw new Error(`unsupported protobuf wire type ${wireType}`);
    }
  }
  return out;
}

const utf8 = new TextDecoder();

export function fieldString(fields: ProtoField[], n: number): string | undefined {
  const f = fields.find((x) => x.field === n && x.bytes);
  return f?.bytes ? utf8.decode(f.bytes) : undefined;
}

function fieldNumber(fields: ProtoField[], n: number): number {
  const f = fields.find((x) => x.field === n && x.value !== undefined);
  return f ? Number(f.value) : 0;
}

// ---------------------------------------------------------------------------------------------
// keras_metadata.pb: SavedMetadata { repeated SavedObject nodes = 1 }
// SavedObject { node_id = 2; node_path = 3; identifier = 4; metadata = 5 (JSON) }

export interface SavedKerasObject {
  nodeId: number;
  nodePath: string;
  identifier: string;
  metadata: string;
}

export function readKerasMetadata(file: string): SavedKerasObject[] {
  const buf = new Uint8Array(readUserFile(file, (problem) => new FormatError(file, problem)));
  try {
    return decodeMessage(buf).filter((f) => f.field === 1 && f.bytes).map((f) => {
      const node = decodeMessage(f.bytes!);
      return {
        nodeId: fieldNumber(node, 2),
        nodePath: fieldString(node, 3) ?? '',
        identifier: fieldString(node, 4) ?? '',
        metadata: fieldString(node, 5) ?? '',
      };
    });
  } catch (e) {
    throw new FormatError(file, `is not a readable keras_metadata protobuf: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// variables.index: a sorted string table (LevelDB table format) of BundleEntryProto values

const TABLE_MAGIC = 0xdb4775248b80fb57n;
const FOOTER_SIZE = 48;

/** A damaged variables index: the reader turns it into one FormatError naming the file. */
class TableDamage extends Error {}

function check(ok: boolean, problem: string): void {
  if (!ok) throw new TableDamage(problem);
}

/** A block handle (offset, size), which must lie inside `limit` bytes with its 5-byte trailer. */
function readBlockHandle(buf: Uint8Array, pos: number, limit: number): {offset: number; size: number; next: number} {
  const [offset, p1] = readVarint(buf, pos);
  const [size, p2] = readVarint(buf, p1);
  check(offset + size + 5n <= BigInt(limit), `a block at byte ${offset} of ${size} bytes lies beyond the table (${limit} bytes)`);
  return {offset: Number(offset), size: Number(size), next: p2};
}

function blockEntries(file: string, table: Uint8Array, offset: number, size: number): Array<[string, Uint8Array]> {
  // Each block is followed by a 1-byte compression type and a 4-byte checksum.
  const compression = table[offset + size];
  if (compression !== 0) throw new FormatError(file, `uses a compressed index block (type ${compression}); TensorFlow writes them uncompressed`);
  const block = table.subarray(offset, offset + size);
  check(block.length >= 4, `a block at byte ${offset} is too short (${block.length} bytes)`);
  const view = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const restarts = view.getUint32(block.length - 4, true);
  check(restarts <= (block.length - 4) / 4, `a block at byte ${offset} declares ${restarts} restart points, more than its ${block.length} bytes hold`);
  const limit = block.length - 4 - 4 * restarts;
  const out: Array<[string, Uint8Array]> = [];
  let pos = 0;
  let key = new Uint8Array(0);
  while (pos < limit) {
    const [shared, p1] = readVarint(block, pos);
    const [unshared, p2] = readVarint(block, p1);
    const [valueLength, p3] = readVarint(block, p2);
    check(shared <= BigInt(key.length), `an entry in the block at byte ${offset} shares ${shared} bytes with a key of ${key.length}`);
    check(unshared + valueLength <= BigInt(limit - p3), `an entry in the block at byte ${offset} runs past the block's end`);
    const valueStart = p3 + Number(unshared);
    const nextKey = new Uint8Array(Number(shared) + Number(unshared));
    nextKey.set(key.subarray(0, Number(shared)));
    nextKey.set(block.subarray(p3, valueStart), Number(shared));
    key = nextKey;
    out.push([utf8.decode(key), block.subarray(valueStart, valueStart + Number(valueLength))]);
    pos = valueStart + Number(valueLength);
  }
  return out;
}

/** All key/value pairs of a TensorFlow sorted string table, in key order. */
export function readSortedTable(file: string): Array<[string, Uint8Array]> {
  const table = new Uint8Array(readUserFile(file, (problem) => new FormatError(file, problem)));
  if (table.length < FOOTER_SIZE) throw new FormatError(file, 'is too short to be a TensorFlow variables index');
  const footer = table.subarray(table.length - FOOTER_SIZE);
  const magic = new DataView(footer.buffer, footer.byteOffset + 40, 8).getBigUint64(0, true);
  if (magic !== TABLE_MAGIC) throw new FormatError(file, 'is not a TensorFlow variables index (bad table magic)');
  try {
    const blocksEnd = table.length - FOOTER_SIZE;
    const meta = readBlockHandle(footer, 0, blocksEnd);
    const index = readBlockHandle(footer, meta.next, blocksEnd);
    const out: Array<[string, Uint8Array]> = [];
    for (const [, handleBytes] of blockEntries(file, table, index.offset, index.size)) {
      const h = readBlockHandle(handleBytes, 0, blocksEnd);
      out.push(...blockEntries(file, table, h.offset, h.size));
    }
    return out;
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(file, `is a damaged TensorFlow variables index: ${(e as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Tensor bundle

export type BundleDtype = 'float32' | 'float64' | 'int32' | 'int64' | 'other';

export interface BundleEntry {
  key: string;
  dtype: BundleDtype;
  dtypeCode: number;
  shape: number[];
  shardId: number;
  offset: number;
  size: number;
}

const DTYPES: Record<number, BundleDtype> = {1: 'float32', 2: 'float64', 3: 'int32', 9: 'int64'};
const WIDTHS: Record<BundleDtype, number> = {float32: 4, float64: 8, int32: 4, int64: 8, other: 0};

/** Tensors above this many values are refused before anything is allocated for them (TensorFlow.js's own limit). */
const MAX_VALUES = 2 ** 31 - 1;

function decodeShape(bytes: Uint8Array | undefined): number[] {
  if (!bytes) return [];
  const dims = decodeMessage(bytes).filter((f) => f.field === 2 && f.bytes).map((d) => decodeMessage(d.bytes!).find((x) => x.field === 1)?.value ?? 0n);
  // TensorShapeProto sizes are int64: -1 (unknown) arrives as 2^64 - 1.
  let count = 1n;
  for (const d of dims) {
    check(d <= BigInt(MAX_VALUES), `a dimension of ${BigInt.asIntN(64, d)} is not a stored tensor's size`);
    count *= d;
  }
  check(count <= BigInt(MAX_VALUES), `shape (${dims.join(', ')}) holds more than ${MAX_VALUES} values`);
  return dims.map(Number);
}

/** An offset or size field, which must be a safe integer. */
function byteField(fields: ProtoField[], n: number, what: string): number {
  const v = fields.find((x) => x.field === n && x.value !== undefined)?.value ?? 0n;
  check(v <= BigInt(Number.MAX_SAFE_INTEGER), `${what} ${v} is out of range`);
  return Number(v);
}

export interface TensorBundle {
  entries: Map<string, BundleEntry>;
  /** The tensor stored under `key`, as float32 or int32 values. */
  read(key: string): {shape: number[]; dtype: 'float32' | 'int32'; data: Float32Array | Int32Array};
}

/** Opens `<prefix>.index` and its data shards (`<prefix>.data-NNNNN-of-MMMMM`). */
export function openTensorBundle(prefix: string): TensorBundle {
  const indexFile = `${prefix}.index`;
  const entries = new Map<string, BundleEntry>();
  let numShards = 1;
  for (const [key, value] of readSortedTable(indexFile)) {
    try {
      const fields = decodeMessage(value);
      if (key === '') {
        numShards = byteField(fields, 1, 'the shard count') || 1;
        check(numShards <= 99999, `the shard count ${numShards} is out of range`);
        continue;
      }
      const code = fieldNumber(fields, 1);
      if (fields.some((f) => f.field === 7)) continue; // sliced (partitioned) variables: not written by Keras
      entries.set(key, {
        key, dtypeCode: code, dtype: DTYPES[code] ?? 'other', shape: decodeShape(fields.find((f) => f.field === 2)?.bytes),
        shardId: byteField(fields, 3, 'shard id'), offset: byteField(fields, 4, 'offset'), size: byteField(fields, 5, 'size'),
      });
    } catch (e) {
      if (e instanceof FormatError) throw e;
      throw new FormatError(indexFile, `is a damaged TensorFlow variables index: entry '${key.slice(0, 80)}': ${(e as Error).message}`);
    }
  }
  const shardPath = (id: number) => `${prefix}.data-${String(id).padStart(5, '0')}-of-${String(numShards).padStart(5, '0')}`;
  const shards = new Map<number, Buffer>();
  const shard = (id: number) => {
    let b = shards.get(id);
    if (!b) {
      const p = shardPath(id);
      if (!fs.existsSync(p)) throw new FormatError(indexFile, `refers to data shard ${path.basename(p)}, which is missing`);
      b = readUserFile(p, (problem) => new FormatError(p, problem));
      shards.set(id, b);
    }
    return b;
  };
  return {
    entries,
    read(key: string) {
      const e = entries.get(key);
      if (!e) throw new FormatError(indexFile, `has no variable '${key}'`);
      const width = WIDTHS[e.dtype];
      if (!width) throw new FormatError(indexFile, `variable '${key}' has TensorFlow dtype code ${e.dtypeCode}, which is not numeric`);
      const count = e.shape.reduce((a, b) => a * b, 1);
      // Checked before anything is read or allocated: the index's sizes are not trusted.
      if (e.size !== count * width) throw new FormatError(indexFile, `variable '${key}' has ${e.size} bytes for ${count} values`);
      const bytes = shard(e.shardId).subarray(e.offset, e.offset + e.size);
      if (bytes.length !== e.size) throw new FormatError(indexFile, `variable '${key}' runs past the end of its data shard`);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (e.dtype === 'float32' || e.dtype === 'float64') {
        const data = new Float32Array(count);
        for (let i = 0; i < count; i++) data[i] = width === 4 ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true);
        return {shape: e.shape, dtype: 'float32', data};
      }
      const data = new Int32Array(count);
      for (let i = 0; i < count; i++) data[i] = width === 4 ? view.getInt32(i * 4, true) : Number(view.getBigInt64(i * 8, true));
      return {shape: e.shape, dtype: 'int32', data};
    },
  };
}
