/**
 * Just enough zip for `.keras` files, working on file descriptors instead of whole archives in
 * memory: a writer of stored (uncompressed) members, which streams a member from a file, and a
 * reader of the central directory that fetches one member at a time. A `.keras` file is mostly
 * one 100+ MB `model.weights.h5`; building the archive in memory and checksumming it in JS cost
 * seconds. The layout is the classic (non-zip64) one fflate and Python's zipfile write.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import {FormatError} from '../common/errors';
import {inflateBounded} from '../common/limits';
import {openRegularFile} from '../common/regular-file';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_SIZE = 22;
const STORED = 0;
const DEFLATED = 8;
/**
 * Copies go through one buffer of this size, so a member never needs its size in fresh memory;
 * small enough to stay in cache between the read, the CRC and the write (8 MiB was slower).
 */
const CHUNK = 1024 * 1024;
const ZIP32_LIMIT = 0xffffffff;

// ---------------------------------------------------------------------------------------------
// CRC-32

let crcTable: Int32Array | undefined;

/** CRC-32 (zip's polynomial) in JS, for Node versions before zlib.crc32 (20.15). */
export function crc32Portable(data: Uint8Array, value = 0): number {
  crcTable ??= Int32Array.from({length: 256}, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

type Crc32 = (data: Uint8Array, value?: number) => number;
/** zlib's native CRC-32 is SIMD accelerated: some 100x faster than the JS loop on a 180 MB member. */
export const crc32: Crc32 = (zlib as unknown as {crc32?: Crc32}).crc32 ?? crc32Portable;

// ---------------------------------------------------------------------------------------------
// Writing

export interface ZipMember {
  name: string;
  /** The member's content in memory, or... */
  bytes?: Uint8Array;
  /** ...the path of a file to copy in (streamed: large members are never held in memory whole). */
  file?: string;
}

function dosDateTime(d: Date): number {
  const year = Math.min(Math.max(d.getFullYear() - 1980, 0), 119);
  return ((year << 25) | ((d.getMonth() + 1) << 21) | (d.getDate() << 16) |
    (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) >>> 0;
}

interface Written {
  name: Buffer;
  crc: number;
  size: number;
  offset: number;
}

function localHeader(w: Written, stamp: number): Buffer {
  const h = Buffer.alloc(LOCAL_HEADER_SIZE);
  h.writeUInt32LE(LOCAL_HEADER, 0);
  h.writeUInt16LE(20, 4); // version needed: 2.0
  h.writeUInt16LE(0, 6); // flags: none (ASCII names, sizes known up front)
  h.writeUInt16LE(STORED, 8);
  h.writeUInt32LE(stamp, 10);
  h.writeUInt32LE(w.crc, 14);
  h.writeUInt32LE(w.size, 18);
  h.writeUInt32LE(w.size, 22);
  h.writeUInt16LE(w.name.length, 26);
  h.writeUInt16LE(0, 28);
  return h;
}

function centralHeader(w: Written, stamp: number): Buffer {
  const h = Buffer.alloc(CENTRAL_HEADER_SIZE);
  h.writeUInt32LE(CENTRAL_HEADER, 0);
  h.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0, 8);
  h.writeUInt16LE(STORED, 10);
  h.writeUInt32LE(stamp, 12);
  h.writeUInt32LE(w.crc, 16);
  h.writeUInt32LE(w.size, 20);
  h.writeUInt32LE(w.size, 24);
  h.writeUInt16LE(w.name.length, 28);
  h.writeUInt32LE(w.offset, 42); // extra, comment, disk, attributes: all zero
  return Buffer.concat([h, w.name]);
}

function writeAll(fd: number, data: Uint8Array, position: number): void {
  for (let done = 0; done < data.byteLength;) done += fs.writeSync(fd, data, done, data.byteLength - done, position + done);
}

/** Copies `source` to `fd` at `position`, returning its CRC-32 and size. */
function copyFileInto(fd: number, source: string, position: number): {crc: number; size: number} {
  const input = fs.openSync(source, 'r');
  const chunk = Buffer.allocUnsafe(CHUNK);
  let crc = 0;
  let size = 0;
  try {
    for (let n; (n = fs.readSync(input, chunk, 0, CHUNK, size)) > 0; size += n) {
      const part = chunk.subarray(0, n);
      crc = crc32(part, crc);
      writeAll(fd, part, position + size);
    }
  } finally {
    fs.closeSync(input);
  }
  return {crc, size};
}

/**
 * Writes a zip of stored members to `target`. A file member is copied in once: its local header
 * is written after the data, when its CRC is known (the header's size does not depend on it).
 */
export function writeStoredZip(target: string, members: ZipMember[], date = new Date()): void {
  const stamp = dosDateTime(date);
  const written: Written[] = [];
  const fd = fs.openSync(target, 'w');
  try {
    let position = 0;
    for (const m of members) {
      // Plain ASCII names need no UTF-8 flag, like the names Keras writes.
      if (!/^[\x20-\x7e]+$/.test(m.name)) throw new FormatError(target, `zip member name '${m.name}' is not plain ASCII`);
      const name = Buffer.from(m.name, 'ascii');
      const dataAt = position + LOCAL_HEADER_SIZE + name.length;
      if (m.bytes) writeAll(fd, m.bytes, dataAt);
      const {crc, size} = m.bytes ? {crc: crc32(m.bytes), size: m.bytes.byteLength} : copyFileInto(fd, m.file!, dataAt);
      if (dataAt + size > ZIP32_LIMIT) throw new FormatError(target, 'would pass 4 GiB, which needs zip64 (not supported)');
      const w: Written = {name, crc, size, offset: position};
      writeAll(fd, Buffer.concat([localHeader(w, stamp), name]), position);
      written.push(w);
      position = dataAt + size;
    }
    const directory = Buffer.concat(written.map((w) => centralHeader(w, stamp)));
    const end = Buffer.alloc(END_SIZE);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(written.length, 8);
    end.writeUInt16LE(written.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(position, 16);
    writeAll(fd, Buffer.concat([directory, end]), position);
  } finally {
    fs.closeSync(fd);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const out = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, out, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return out.subarray(0, done);
}

/** The archive's members by name, from its central directory (the only part read). */
export function readZipDirectory(file: string): Map<string, ZipEntry> {
  const fd = openRegularFile(file);
  try {
    const fileSize = fs.fstatSync(fd).size;
    // The end record is the last 22 bytes, unless a comment (up to 64 KiB) follows it.
    const tailStart = Math.max(0, fileSize - END_SIZE - 0xffff);
    const tail = readAt(fd, fileSize - tailStart, tailStart);
    let end = -1;
    for (let i = tail.length - END_SIZE; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_OF_DIRECTORY) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new FormatError(file, 'is not a readable zip archive: no end of central directory record');
    const count = tail.readUInt16LE(end + 10);
    const dirSize = tail.readUInt32LE(end + 12);
    const dirOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || dirSize === ZIP32_LIMIT || dirOffset === ZIP32_LIMIT) {
      throw new FormatError(file, 'is a zip64 archive, which is not supported');
    }
    const dir = readAt(fd, dirSize, dirOffset);
    const entries = new Map<string, ZipEntry>();
    for (let p = 0, i = 0; i < count; i++) {
      if (p + CENTRAL_HEADER_SIZE > dir.length || dir.readUInt32LE(p) !== CENTRAL_HEADER) {
        throw new FormatError(file, 'is not a readable zip archive: damaged central directory');
      }
      const flags = dir.readUInt16LE(p + 8);
      const nameLength = dir.readUInt16LE(p + 28);
      const next = p + CENTRAL_HEADER_SIZE + nameLength + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
      const nameBytes = dir.subarray(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLength);
      const entry: ZipEntry = {
        name: nameBytes.toString(flags & 0x800 ? 'utf8' : 'latin1'),
        method: dir.readUInt16LE(p + 10),
        crc: dir.readUInt32LE(p + 16),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localHeaderOffset: dir.readUInt32LE(p + 42),
      };
      if (entry.compressedSize === ZIP32_LIMIT || entry.size === ZIP32_LIMIT || entry.localHeaderOffset === ZIP32_LIMIT) {
        throw new FormatError(file, `is a zip64 archive (member ${entry.name}), which is not supported`);
      }
      entries.set(entry.name, entry);
      p = next;
    }
    return entries;
  } finally {
    fs.closeSync(fd);
  }
}

/** Where the member's data starts: after its local header, whose extra field may differ from the directory's. */
function dataOffset(fd: number, file: string, entry: ZipEntry): number {
  const h = readAt(fd, LOCAL_HEADER_SIZE, entry.localHeaderOffset);
  if (h.length < LOCAL_HEADER_SIZE || h.readUInt32LE(0) !== LOCAL_HEADER) {
    throw new FormatError(file, `is not a readable zip archive: no local header for ${entry.name}`);
  }
  return entry.localHeaderOffset + LOCAL_HEADER_SIZE + h.readUInt16LE(26) + h.readUInt16LE(28);
}

function checkCrc(file: string, entry: ZipEntry, crc: number): void {
  if (crc !== entry.crc) throw new FormatError(file, `member ${entry.name} is damaged (CRC-32 mismatch)`);
}

/** One member's content, in memory (stored or deflated). */
export function readZipMember(file: string, entry: ZipEntry): Uint8Array {
  const fd = openRegularFile(file);
  try {
    const raw = readAt(fd, entry.compressedSize, dataOffset(fd, file, entry));
    if (raw.length !== entry.compressedSize) throw new FormatError(file, `member ${entry.name} is truncated`);
    let data: Uint8Array;
    if (entry.method === STORED) {
      if (entry.size !== entry.compressedSize) throw new FormatError(file, `member ${entry.name} is stored but declares two sizes (${entry.compressedSize} and ${entry.size})`);
      data = raw;
    } else if (entry.method === DEFLATED) {
      // Inflated no further than the size the archive declares (zip bombs stop here, not in memory).
      const inflated = inflateBounded(raw, entry.size, 'deflate-raw');
      if ('problem' in inflated) throw new FormatError(file, `member ${entry.name} ${inflated.problem}`);
      data = inflated.bytes;
    } else throw new FormatError(file, `member ${entry.name} uses compression method ${entry.method} (only stored and deflated are supported)`);
    checkCrc(file, entry, crc32(data));
    return data;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes one member's content to `target`; a stored member is copied in chunks, never held whole. */
export function extractZipMember(file: string, entry: ZipEntry, target: string): void {
  if (entry.method !== STORED) {
    fs.writeFileSync(target, readZipMember(file, entry));
    return;
  }
  const fd = openRegularFile(file);
  const out = fs.openSync(target, 'w');
  try {
    const start = dataOffset(fd, file, entry);
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(entry.size, 1)));
    let crc = 0;
    for (let done = 0; done < entry.size;) {
      const n = fs.readSync(fd, chunk, 0, Math.min(chunk.length, entry.size - done), start + done);
      if (n === 0) throw new FormatError(file, `member ${entry.name} is truncated`);
      const part = chunk.subarray(0, n);
      crc = crc32(part, crc);
      writeAll(out, part, done);
      done += n;
    }
    checkCrc(file, entry, crc);
  } finally {
    fs.closeSync(out);
    fs.closeSync(fd);
  }
}
