/**
 * Hand-made inputs byte by byte: .npy arrays, zip archives claiming whatever sizes, CRCs and
 * methods a case wants, IDX files. The hostile-input suite, the fuzz run (scripts/fuzz-readers.mjs)
 * and the memory benchmark build their inputs with these.
 */
import * as zlib from 'zlib';
import {crc32} from '../formats/zip-file';

/** A zip written member by member with whatever sizes, CRCs and methods a case wants to claim. */
export interface RawMember {
  name: string;
  data: Uint8Array;
  method?: 0 | 8 | 12;
  declaredSize?: number;
  crc?: number;
  /** Already compressed data for method 8 (else deflated here). */
  raw?: boolean;
}

export function makeZip(members: RawMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const method = m.method ?? 0;
    const body = method === 8 && !m.raw ? zlib.deflateRawSync(m.data) : Buffer.from(m.data);
    const name = Buffer.from(m.name);
    const crc = m.crc ?? crc32(m.data);
    const size = m.declaredSize ?? m.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The magic, version and padded header of a .npy file (the data follows). */
export function npyHeader(shape: number[], descr = '<f4', headerOverride?: string): Buffer {
  const header = headerOverride ?? `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const padded = header + ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(head);
  head.writeUInt16LE(padded.length, 8);
  return Buffer.concat([head, Buffer.from(padded, 'latin1')]);
}

/**
 * A .npy file; float32 values are `fill` (a value, or one per index). A shape declaring 10 MB or
 * more gets no data at all: what such a case tests is the declaration.
 */
export function npy(shape: number[], descr = '<f4', fill: number | ((i: number) => number) = 0, headerOverride?: string): Buffer {
  const count = shape.reduce((a, b) => a * b, 1);
  const item = Number(/\d+$/.exec(descr)?.[0] ?? 4);
  const body = Buffer.alloc(Number.isFinite(count) && count * item < 1e7 ? count * item : 0);
  if (descr === '<f4') for (let i = 0; i < body.length / 4; i++) body.writeFloatLE(typeof fill === 'number' ? fill : fill(i), i * 4);
  return Buffer.concat([npyHeader(shape, descr, headerOverride), body]);
}

/** An IDX file: a zero-filled body unless given (none when the dimensions declare 10 MB or more). */
export function idx(type: number, dims: number[], body?: Buffer): Buffer {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head[2] = type;
  head[3] = dims.length;
  dims.forEach((d, i) => head.writeUInt32BE(d >>> 0, 4 + 4 * i));
  const count = dims.reduce((a, b) => a * b, 1);
  return Buffer.concat([head, body ?? Buffer.alloc(count < 1e7 ? count : 0)]);
}

/** A seeded generator of numbers in [0, 1) (mulberry32): the same seed, the same inputs. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
