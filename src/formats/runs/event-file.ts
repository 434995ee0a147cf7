/**
 * TensorBoard event files (`events.out.tfevents.*`): TFRecord framing (length, masked CRC32C of
 * the length, the serialized `Event`, masked CRC32C of it) around the protobuf messages generated
 * from TensorBoard's own `.proto` files (`proto/`). Written as Keras's `TensorBoard` callback
 * writes them (TF2 tensor summaries with the scalars plugin's metadata), read in bounded memory:
 * damage ends the reading of a file with one warning naming the file and the offset.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as crc32c from 'crc-32/crc32c';
import {tensorboard, google} from './proto/tensorboard';

export {tensorboard};
/** A summary value as decoded. */
export type SummaryValue = tensorboard.Summary.Value.$Properties;

const MASK_DELTA = 0xa282ead8;
const HEADER_BYTES = 12;
const FOOTER_BYTES = 4;
/** A record larger than this is not a summary this tool reads (TensorBoard's own are kilobytes). */
export const MAX_RECORD_BYTES = 64 << 20;
/** How much of an event file is read by default: past it the reader stops with a warning. */
export const DEFAULT_READ_LIMIT_BYTES = 256 << 20;

function maskedCrc(data: Uint8Array): number {
  const crc = crc32c.buf(data) >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + MASK_DELTA) >>> 0;
}

/** One TFRecord around a payload. */
export function frameRecord(payload: Uint8Array): Buffer {
  const out = Buffer.alloc(HEADER_BYTES + payload.length + FOOTER_BYTES);
  out.writeBigUInt64LE(BigInt(payload.length), 0);
  out.writeUInt32LE(maskedCrc(out.subarray(0, 8)), 8);
  out.set(payload, HEADER_BYTES);
  out.writeUInt32LE(maskedCrc(payload), HEADER_BYTES + payload.length);
  return out;
}

/** The file name Keras's writer (TensorFlow's C++ EventsWriter) gives a new event file. */
export function eventFileName(seconds = Math.floor(Date.now() / 1000), serial = 0): string {
  return `events.out.tfevents.${seconds}.${os.hostname()}.${process.pid}.${serial}.v2`;
}

export const SCALARS_PLUGIN = 'scalars';
export const TEXT_PLUGIN = 'text';
export const HPARAMS_PLUGIN = 'hparams';
export const HPARAMS_TAGS = {
  experiment: '_hparams_/experiment',
  sessionStart: '_hparams_/session_start_info',
  sessionEnd: '_hparams_/session_end_info',
} as const;

export type HParamValue = string | number | boolean;
export type SessionStatus = 'success' | 'failure' | 'running' | 'unknown';

const STATUS_CODES: Record<SessionStatus, tensorboard.hparams.Status> = {
  unknown: tensorboard.hparams.Status.STATUS_UNKNOWN,
  success: tensorboard.hparams.Status.STATUS_SUCCESS,
  failure: tensorboard.hparams.Status.STATUS_FAILURE,
  running: tensorboard.hparams.Status.STATUS_RUNNING,
};

/** Appends events to one file; every write is flushed, so a killed process loses at most the event in flight. */
export class EventFileWriter {
  readonly file: string;
  private fd: number;
  private readonly taggedOnce = new Set<string>();

  constructor(folder: string, serial = 0) {
    fs.mkdirSync(folder, {recursive: true});
    this.file = path.join(folder, eventFileName(Math.floor(Date.now() / 1000), serial));
    this.fd = fs.openSync(this.file, 'a');
    this.writeEvent({wallTime: Date.now() / 1000, fileVersion: 'brain.Event:2'});
  }

  writeEvent(event: tensorboard.Event.$Properties): void {
    const payload = tensorboard.Event.encode(tensorboard.Event.fromObject(event)).finish();
    fs.writeSync(this.fd, frameRecord(payload));
  }

  /** A scalar as TF2's `tf.summary.scalar` writes it: a float32 tensor, the plugin metadata on a tag's first value. */
  scalar(tag: string, value: number, step: number, wallTime = Date.now() / 1000): void {
    const first = !this.taggedOnce.has(tag);
    this.taggedOnce.add(tag);
    this.writeEvent({
      wallTime, step,
      summary: {value: [{
        tag,
        metadata: first ? {pluginData: {pluginName: SCALARS_PLUGIN}, dataClass: tensorboard.DataClass.DATA_CLASS_SCALAR} : undefined,
        tensor: {dtype: tensorboard.DataType.DT_FLOAT, tensorShape: {}, floatVal: [value]},
      }]},
    });
  }

  /** Markdown text as `tf.summary.text` writes it: a string tensor with the text plugin's metadata. */
  text(tag: string, markdown: string, step = 0, wallTime = Date.now() / 1000): void {
    this.writeEvent({
      wallTime, step,
      summary: {value: [{
        tag,
        metadata: {pluginData: {pluginName: TEXT_PLUGIN}, dataClass: tensorboard.DataClass.DATA_CLASS_TENSOR},
        tensor: {dtype: tensorboard.DataType.DT_STRING, tensorShape: {}, stringVal: [Buffer.from(markdown, 'utf8')]},
      }]},
    });
  }

  /** The HParams plugin's session start (what `hp.hparams()` writes): the run's hyperparameters. */
  sessionStart(hparams: Record<string, HParamValue>, startSeconds: number, groupName = ''): void {
    const values: Record<string, google.protobuf.Value.$Properties> = {};
    for (const [key, value] of Object.entries(hparams)) {
      values[key] = typeof value === 'boolean' ? {boolValue: value} : typeof value === 'number' ? {numberValue: value} : {stringValue: value};
    }
    this.hparamsRecord(HPARAMS_TAGS.sessionStart, {sessionStartInfo: {hparams: values, startTimeSecs: startSeconds, groupName}});
  }

  sessionEnd(status: SessionStatus, endSeconds: number): void {
    this.hparamsRecord(HPARAMS_TAGS.sessionEnd, {sessionEndInfo: {status: STATUS_CODES[status], endTimeSecs: endSeconds}});
  }

  private hparamsRecord(tag: string, data: tensorboard.hparams.HParamsPluginData.$Properties): void {
    const content = tensorboard.hparams.HParamsPluginData.encode(tensorboard.hparams.HParamsPluginData.fromObject({version: 0, ...data})).finish();
    this.writeEvent({
      wallTime: Date.now() / 1000,
      summary: {value: [{
        tag,
        metadata: {pluginData: {pluginName: HPARAMS_PLUGIN, content}},
        // The plugin's null tensor: an empty float vector.
        tensor: {dtype: tensorboard.DataType.DT_FLOAT, tensorShape: {dim: [{size: 0}]}},
      }]},
    });
  }

  close(): void {
    if (this.fd < 0) return;
    fs.closeSync(this.fd);
    this.fd = -1;
  }
}

export interface ReadEventsOptions {
  /** Stop after this many bytes of the file, with a warning (default DEFAULT_READ_LIMIT_BYTES). */
  limitBytes?: number;
  /** Bytes read per chunk. */
  chunkBytes?: number;
}

export interface EventFileRead {
  events: number;
  bytesRead: number;
  /** At most one: the damage, truncation or limit that ended the reading, naming the file and the offset. */
  warning?: string;
}

/**
 * Calls `onEvent` for each event of a file, reading it in chunks (memory bounded by the largest
 * record). A record cut short, a checksum that fails or a payload that is not an Event ends the
 * reading with one warning; what came before it is kept.
 */
export function readEventFile(file: string, onEvent: (event: tensorboard.Event, offset: number) => void,
  options: ReadEventsOptions = {}): EventFileRead {
  const limit = options.limitBytes ?? DEFAULT_READ_LIMIT_BYTES;
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const fd = fs.openSync(file, 'r');
  const name = path.basename(file);
  let events = 0;
  let offset = 0;
  let buffer = Buffer.alloc(0);
  let bufferStart = 0;
  let eof = false;
  const fill = (need: number): boolean => {
    while (buffer.length - (offset - bufferStart) < need && !eof) {
      const chunk = Buffer.alloc(Math.max(chunkBytes, need));
      const n = fs.readSync(fd, chunk, 0, chunk.length, bufferStart + buffer.length);
      if (n === 0) eof = true;
      buffer = Buffer.concat([buffer.subarray(offset - bufferStart), chunk.subarray(0, n)]);
      bufferStart = offset;
    }
    return buffer.length - (offset - bufferStart) >= need;
  };
  const done = (warning?: string): EventFileRead => ({events, bytesRead: offset, warning});
  try {
    for (;;) {
      if (offset >= limit) {
        return done(`${file}: read stopped at offset ${offset}, the limit of ${limit} bytes for one event file; later records are not shown`);
      }
      if (!fill(1)) return done();
      if (!fill(HEADER_BYTES)) return done(`${file}: truncated record at offset ${offset} (file ends inside a record header); read up to there`);
      const at = offset - bufferStart;
      const header = buffer.subarray(at, at + HEADER_BYTES);
      const length = Number(header.readBigUInt64LE(0));
      if (header.readUInt32LE(8) !== maskedCrc(header.subarray(0, 8))) {
        return done(`${file}: damaged record at offset ${offset} (length checksum mismatch); read up to there`);
      }
      if (length > MAX_RECORD_BYTES) {
        return done(`${file}: record at offset ${offset} declares ${length} bytes, more than ${MAX_RECORD_BYTES}; read up to there`);
      }
      if (!fill(HEADER_BYTES + length + FOOTER_BYTES)) {
        return done(`${file}: truncated record at offset ${offset} (file ends inside a ${length}-byte record); read up to there`);
      }
      // Filling may have moved the buffer's start.
      const start = offset - bufferStart;
      const payload = buffer.subarray(start + HEADER_BYTES, start + HEADER_BYTES + length);
      if (buffer.readUInt32LE(start + HEADER_BYTES + length) !== maskedCrc(payload)) {
        return done(`${file}: damaged record at offset ${offset} (data checksum mismatch); read up to there`);
      }
      let event: tensorboard.Event;
      try {
        event = tensorboard.Event.decode(payload);
      } catch {
        return done(`${file}: record at offset ${offset} is not a TensorBoard event; read up to there`);
      }
      const recordOffset = offset;
      offset += HEADER_BYTES + length + FOOTER_BYTES;
      events++;
      onEvent(event, recordOffset);
    }
  } catch (e) {
    return done(`${name}: cannot be read at offset ${offset} (${(e as Error).message})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** An int64 as decoded (a number, or a Long where the value needs it). */
export function toNumber(value: number | {toNumber(): number} | null | undefined): number {
  return value === null || value === undefined ? 0 : typeof value === 'number' ? value : value.toNumber();
}

/** The number a scalar summary value holds: legacy `simple_value` or a TF2 scalar tensor of any numeric dtype. */
export function scalarOf(value: SummaryValue): number | undefined {
  if (typeof value.simpleValue === 'number') return value.simpleValue;
  const t = value.tensor;
  if (!t) return undefined;
  if (t.floatVal?.length) return t.floatVal[0];
  if (t.doubleVal?.length) return t.doubleVal[0];
  if (t.intVal?.length) return t.intVal[0];
  if (t.int64Val?.length) return toNumber(t.int64Val[0]);
  const content = t.tensorContent;
  if (content?.length) {
    const view = Buffer.from(content.buffer, content.byteOffset, content.length);
    switch (t.dtype) {
      case tensorboard.DataType.DT_FLOAT: return content.length >= 4 ? view.readFloatLE(0) : undefined;
      case tensorboard.DataType.DT_DOUBLE: return content.length >= 8 ? view.readDoubleLE(0) : undefined;
      case tensorboard.DataType.DT_INT32: return content.length >= 4 ? view.readInt32LE(0) : undefined;
      case tensorboard.DataType.DT_INT64: return content.length >= 8 ? Number(view.readBigInt64LE(0)) : undefined;
      default: return undefined;
    }
  }
  return undefined;
}

/** The hyperparameters of an HParams session start record, or undefined for other records. */
export function sessionStartOf(value: SummaryValue): {hparams: Record<string, HParamValue>; startSeconds: number} | undefined {
  const plugin = value.metadata?.pluginData;
  if (plugin?.pluginName !== HPARAMS_PLUGIN || value.tag !== HPARAMS_TAGS.sessionStart || !plugin.content) return undefined;
  const data = tensorboard.hparams.HParamsPluginData.decode(plugin.content);
  const start = data.sessionStartInfo;
  if (!start) return undefined;
  const hparams: Record<string, HParamValue> = {};
  for (const [key, v] of Object.entries(start.hparams ?? {})) {
    if (v.kind === 'numberValue') hparams[key] = v.numberValue!;
    else if (v.kind === 'boolValue') hparams[key] = v.boolValue!;
    else if (v.kind === 'stringValue') hparams[key] = v.stringValue!;
  }
  return {hparams, startSeconds: start.startTimeSecs ?? 0};
}

export function sessionEndOf(value: SummaryValue): {status: SessionStatus; endSeconds: number} | undefined {
  const plugin = value.metadata?.pluginData;
  if (plugin?.pluginName !== HPARAMS_PLUGIN || value.tag !== HPARAMS_TAGS.sessionEnd || !plugin.content) return undefined;
  const end = tensorboard.hparams.HParamsPluginData.decode(plugin.content).sessionEndInfo;
  if (!end) return undefined;
  const status = (Object.keys(STATUS_CODES) as SessionStatus[]).find((s) => STATUS_CODES[s] === end.status) ?? 'unknown';
  return {status, endSeconds: end.endTimeSecs ?? 0};
}

export function textOf(value: SummaryValue): string | undefined {
  if (value.metadata?.pluginData?.pluginName !== TEXT_PLUGIN || !value.tensor?.stringVal?.length) return undefined;
  return Buffer.from(value.tensor.stringVal[0]).toString('utf8');
}

/** Whether a file name is an event file as TensorBoard finds them. */
export function isEventFile(name: string): boolean {
  return name.includes('tfevents');
}
