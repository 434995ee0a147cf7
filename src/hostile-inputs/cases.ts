/**
 * The hostile-input cases: malformed and malicious files for every reader, generated from the
 * shared real fixtures (truncated, re-headed, re-zipped, re-linked) or written byte by byte.
 * Each case names the error it must get: the file (or field) and the problem.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import {execFileSync} from 'child_process';
import {PNG} from 'pngjs';
import * as jpeg from 'jpeg-js';
import {idx, makeZip, npy, type RawMember} from './builders';
import {KERAS_FIXTURES, REPO_ROOT, runPython} from '../test-support/fixtures';

export type Reader = 'hdf5' | 'keras' | 'tfjs' | 'savedmodel' | 'idx' | 'npy' | 'npz' | 'csv' | 'image' | 'spec';
export type Kind = 'truncation' | 'wrong magic' | 'bad header' | 'huge size' | 'zip bomb' | 'nested json' | 'symlink escape' |
  'external data' | 'nan weights' | 'wrong dtype' | 'bad labels' | 'no silent training' | 'confinement' | 'malformed' | 'special file';

export interface Workspace {
  /** The temp workspace (the CLI's cwd); the case's files go here. */
  ws: string;
  /** A folder beside it with a secret file: nothing may read or change it. */
  outside: string;
  /** Pre-generated HDF5 variants (make_hdf5_cases.py). */
  generated: string;
}

export interface Case {
  reader: Reader;
  kind: Kind;
  name: string;
  /** Writes the input into the workspace; returns what to open (path relative to ws or absolute). */
  build: (w: Workspace) => string | Promise<string>;
  /** The expected error (after the file name); for `warning` cases, the expected warning. */
  expect: RegExp;
  /** What the message must name (default: the input's base name). */
  names?: string;
  /** How to open it: the reader's engine function (default), or a CLI command line. */
  cli?: (input: string) => string[];
  /** An engine call other than the reader's own (training checks, confinement). */
  run?: (input: string, w: Workspace) => Promise<unknown>;
  /** The input loads, with a warning matching `expect`. */
  warning?: boolean;
}

export const BASE_H5 = path.join(KERAS_FIXTURES, 'h5', 'keras2.1.3_seq_conv2d_batchnorm.h5');
export const BASE_KERAS = path.join(KERAS_FIXTURES, 'keras3', 'keras3.9.2_seq_dense_dropout_leakyrelu.keras');
export const BASE_TFJS = path.join(KERAS_FIXTURES, 'tfjs', 'tfjs_node_saved_abalone_dense');
export const BASE_SAVEDMODEL = path.join(KERAS_FIXTURES, 'savedmodel', 'tfkeras2.11_functional_flatten_dense');

/** Runs make_hdf5_cases.py once: HDF5 and .keras variants needing h5py (external storage, links, VDS...). */
export function generateHdf5Cases(generated: string, outside: string): void {
  runPython(`import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')`,
    [path.join(REPO_ROOT, 'src', 'hostile-inputs', 'make_hdf5_cases.py'), BASE_H5, BASE_KERAS, generated, outside]);
}

// ------------------------------------------------------------------------------------ helpers

function write(w: Workspace, name: string, bytes: Uint8Array | string): string {
  fs.writeFileSync(path.join(w.ws, name), bytes);
  return name;
}

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, {recursive: true});
  for (const f of fs.readdirSync(to, {recursive: true}) as string[]) fs.chmodSync(path.join(to, f), 0o755);
  fs.chmodSync(to, 0o755);
}

function kerasMembers(): Map<string, Buffer> {
  const {readZipDirectory, readZipMember} = require('../formats/zip-file') as typeof import('../formats/zip-file');
  const out = new Map<string, Buffer>();
  for (const [name, entry] of readZipDirectory(BASE_KERAS)) out.set(name, Buffer.from(readZipMember(BASE_KERAS, entry)));
  return out;
}



/** A gzip stream whose trailer declares `declared` bytes (a lie when it differs from the content). */
function gzipClaiming(content: Buffer, declared: number): Buffer {
  const gz = zlib.gzipSync(content, {level: 9});
  gz.writeUInt32LE(declared >>> 0, gz.length - 4);
  return gz;
}

/** Raw deflate data of `size` zero bytes (a bomb's payload), streamed: never held whole here. */
export async function zerosDeflated(size: number): Promise<Buffer> {
  // Level 1: zeros still shrink ~1000x, in a fraction of level 9's time.
  const deflate = zlib.createDeflateRaw({level: 1});
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const piece = Buffer.alloc(1 << 20);
  for (let written = 0; written < size; written += piece.length) {
    if (!deflate.write(piece.subarray(0, Math.min(piece.length, size - written)))) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(parts);
}

const CSV_OK = 'a,b,c,d,label\n' + Array.from({length: 12}, (_, i) => `${i / 10},${i % 3},1.5,-2e-1,${i % 3}`).join('\n') + '\n';

function spec(data: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    data,
    model: {layers: [{type: 'Dense', units: 3, activation: 'softmax', input_shape: [4]}]},
    compile: {optimizer: 'adam', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy']},
    fit: {batch_size: 4, epochs: 1, ...(extra.fit as object | undefined)},
    save: {path: 'models/out'},
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'fit')),
  });
}

async function train(specFile: string, w: Workspace, options: Record<string, unknown> = {}): Promise<unknown> {
  const {trainFromSpecFile} = await import('../engine/training/trainer');
  return trainFromSpecFile(path.join(w.ws, specFile), {workspaceRoot: w.ws, backend: 'cpu', threads: 1, ...options});
}

// ------------------------------------------------------------------------------------ cases

// A TensorFlow variables index (a LevelDB-style sorted table) rewritten entry by entry: one data
// block without key sharing, one index block, the footer. Enough to state any entry a case wants.
function varint(n: bigint): Buffer {
  const out: number[] = [];
  let v = BigInt.asUintN(64, n);
  do {
    out.push(Number(v & 0x7fn) | (v > 0x7fn ? 0x80 : 0));
    v >>= 7n;
  } while (v > 0n);
  return Buffer.from(out);
}

function tableBlock(entries: Array<[string, Buffer]>): Buffer {
  const body = entries.map(([key, value]) => Buffer.concat([varint(0n), varint(BigInt(Buffer.byteLength(key))), varint(BigInt(value.length)), Buffer.from(key), value]));
  const restarts = Buffer.alloc(8); // one restart point at 0, then the count (1)
  restarts.writeUInt32LE(1, 4);
  return Buffer.concat([...body, restarts]);
}

export function sortedTable(entries: Array<[string, Buffer]>): Buffer {
  const trailer = Buffer.alloc(5); // compression type 0 and an unchecked CRC
  const data = tableBlock(entries);
  const handle = (offset: number, size: number) => Buffer.concat([varint(BigInt(offset)), varint(BigInt(size))]);
  const index = tableBlock([[entries.at(-1)![0], handle(0, data.length)]]);
  const indexOffset = data.length + trailer.length;
  const footer = Buffer.alloc(48);
  Buffer.concat([handle(0, 0), handle(indexOffset, index.length)]).copy(footer);
  footer.writeBigUInt64LE(0xdb4775248b80fb57n, 40);
  return Buffer.concat([data, trailer, index, trailer, footer]);
}

/** A protobuf message of varint (number/bigint) and length-delimited (Buffer) fields. */
function proto(fields: Array<[number, number | bigint | Buffer]>): Buffer {
  return Buffer.concat(fields.map(([n, v]) => Buffer.isBuffer(v)
    ? Buffer.concat([varint(BigInt(n << 3 | 2)), varint(BigInt(v.length)), v])
    : Buffer.concat([varint(BigInt(n << 3)), varint(BigInt(v))])));
}

/** A BundleEntryProto: dtype, shape (TensorShapeProto dims), shard, offset, size. */
function bundleEntry(dtype: number, shape: Array<number | bigint>, offset: number | bigint, size: number | bigint): Buffer {
  const dims = shape.map((d) => [2, proto([[1, d]])] as [number, Buffer]);
  return proto([[1, dtype], [2, proto(dims)], [3, 0], [4, offset], [5, size]]);
}

export function allCases(): Case[] {
  const cases: Case[] = [];
  const add = (c: Case) => cases.push(c);
  const base = {
    h5: fs.readFileSync(BASE_H5),
    keras: fs.readFileSync(BASE_KERAS),
  };

  // ---- HDF5 (.h5): bytes of a real tf.keras file, cut and re-headed
  for (const cut of [0, 4, 8, 40, 100, 500, 1000, 2048, base.h5.length >> 2, base.h5.length >> 1, base.h5.length - 1000, base.h5.length - 1]) {
    add({reader: 'hdf5', kind: 'truncation', name: `cut at ${cut} bytes`, build: (w) => write(w, `cut${cut}.h5`, base.h5.subarray(0, cut)),
      expect: cut < 8 ? /not a model this tool can read|not an HDF5 file/ : /HDF5|truncated|not a model this tool can read|cannot be read|beyond the file's \d+; the file is damaged/});
  }
  for (const [label, head] of [['zeros', Buffer.alloc(8)], ['PNG', Buffer.from('\x89PNG\r\n\x1a\n', 'latin1')], ['text', Buffer.from('<html>\n')]] as const) {
    add({reader: 'hdf5', kind: 'wrong magic', name: `${label} signature`, build: (w) => write(w, `magic-${label}.h5`, Buffer.concat([head, base.h5.subarray(8)])),
      expect: /is not a model this tool can read/});
  }
  for (const [offset, value, what] of [[8, 99, 'superblock version 99'], [13, 3, 'size of offsets 3'], [14, 0, 'size of lengths 0'],
    [24, 0xff, 'base address'], [40, 0xff, 'end-of-file address'], [48, 0xee, 'root group address']] as const) {
    add({reader: 'hdf5', kind: 'bad header', name: what, build: (w) => {
      const b = Buffer.from(base.h5);
      b[offset] = value;
      if (offset >= 24) b[offset + 5] = 0x7f;
      return write(w, `header-${offset}.h5`, b);
    }, expect: /HDF5|cannot be (opened|read)|not a model/});
  }
  const gen = (name: string) => (w: Workspace) => {
    fs.copyFileSync(path.join(w.generated, name), path.join(w.ws, name));
    return name;
  };
  const generated: Array<[string, Kind, RegExp]> = [
    ['ext_storage_abs.h5', 'external data', /external storage .* refusing to read it/],
    ['ext_storage_rel.h5', 'external data', /external storage .* refusing to read it/],
    ['ext_storage_bias.h5', 'external data', /external storage/],
    ['ext_link_abs.h5', 'external data', /'\/model_weights\/dense_1\/dense_1\/kernel:0' is an HDF5 external link to '.*other\.h5:\/data'/],
    ['ext_link_rel.h5', 'external data', /is an HDF5 external link to '\.\.\/outside\/other\.h5:\/data'/],
    ['ext_link_group.h5', 'external data', /'\/model_weights\/dense_1\/dense_1' is an HDF5 external link/],
    ['vds.h5', 'external data', /dataset '\/model_weights\/dense_1\/dense_1\/kernel:0' is a virtual dataset reading from '.*other\.h5:data'/],
    ['deep_model_config.h5', 'nested json', /model_config nests deeper than 512 levels/],
    ['deep_object_config.h5', 'nested json', /model_config nests deeper than 512 levels/],
    ['deep_training_config.h5', 'nested json', /training_config nests deeper than 512 levels/],
    ['bad_json_config.h5', 'malformed', /model_config is not valid JSON/],
    ['config_not_object.h5', 'malformed', /model config is not a JSON object/],
    ['config_unknown_class.h5', 'malformed', /NoSuchLayer.*custom_objects/],
    ['no_model_config.h5', 'malformed', /without a Keras model_config attribute/],
    ['wrong_shape_weight.h5', 'bad header', /has shape \(5, 5\) but the model needs \(36, 1\)/],
    ['string_weight.h5', 'wrong dtype', /kernel:0' is not numeric/],
    ['int64_huge_weight.h5', 'wrong dtype', /holds an integer \(1099511627776\) beyond int32/],
    ['missing_weight.h5', 'malformed', /lists weight 'dense_1\/kernel:0' in weight_names, but no such dataset exists/],
    ['missing_layer_group.h5', 'malformed', /layer_names lists 'dense_1' but the file has no group for it/],
    ['huge_declared_dataset.h5', 'huge size', /declares shape \(2147483648, 1048576\)/],
    ['hard_link_cycle.h5', 'malformed', /deeper than 24 levels .* link cycle/],
    ['soft_link_cycle.h5', 'malformed', /HDF5 error: too many links|link cycle/],
    ['keras_ext_link.keras', 'external data', /model\.weights\.h5 inside the archive: '\/layers\/dense\/vars\/0' is an HDF5 external link/],
    ['keras_ext_storage.keras', 'external data', /model\.weights\.h5 inside the archive: has a dataset with external storage/],
    ['keras_vds.keras', 'external data', /model\.weights\.h5 inside the archive: dataset '\/layers\/dense\/vars\/0' is a virtual dataset/],
  ];
  for (const [name, kind, expect] of generated) {
    add({reader: name.endsWith('.keras') ? 'keras' : 'hdf5', kind, name, build: gen(name), expect});
  }
  for (const name of ['nan_weights.h5', 'inf_weights.h5', 'keras_nan_weights.keras']) {
    add({reader: name.endsWith('.keras') ? 'keras' : 'hdf5', kind: 'nan weights', name, build: gen(name), warning: true,
      expect: /1 weight holds NaN or Inf values: '(dense_1|dense)\/kernel' \(\d+ (NaN|Inf) of \d+\)/});
  }

  // ---- .keras: the real Keras 3 archive, cut, re-zipped and lied about
  const members = kerasMembers();
  const rezip = (edit: (m: RawMember[]) => RawMember[]) =>
    makeZip(edit([...members].map(([name, data]) => ({name, data}))));
  for (const cut of [0, 2, 22, 100, 1000, base.keras.length >> 1, base.keras.length - 30, base.keras.length - 1]) {
    add({reader: 'keras', kind: 'truncation', name: `cut at ${cut} bytes`, build: (w) => write(w, `cut${cut}.keras`, base.keras.subarray(0, cut)),
      expect: /not a model this tool can read|not a readable zip|truncated|no local header|CRC|damaged|cannot be read/});
  }
  add({reader: 'keras', kind: 'wrong magic', name: 'gzip magic', build: (w) => write(w, 'gz.keras', Buffer.concat([Buffer.from([0x1f, 0x8b]), base.keras.subarray(2)])),
    expect: /is not a model this tool can read/});
  add({reader: 'keras', kind: 'wrong magic', name: 'zip without config.json', build: (w) => write(w, 'noconfig.keras', rezip((m) => m.filter((x) => x.name !== 'config.json'))),
    expect: /is not a model this tool can read/});
  add({reader: 'keras', kind: 'nested json', name: 'config.json nested 100000 deep', build: (w) => write(w, 'deep.keras',
    rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, data: Buffer.from('['.repeat(100000) + ']'.repeat(100000))} : x)))),
    expect: /config\.json inside the archive nests deeper than 512 levels/});
  add({reader: 'keras', kind: 'nested json', name: 'metadata.json nested objects', build: (w) => write(w, 'deepmeta.keras',
    rezip((m) => m.map((x) => (x.name === 'metadata.json' ? {...x, data: Buffer.from('{"a":'.repeat(20000) + '1' + '}'.repeat(20000))} : x)))),
    expect: /metadata\.json inside the archive nests deeper than 512 levels/});
  add({reader: 'keras', kind: 'malformed', name: 'config.json not JSON', build: (w) => write(w, 'badjson.keras',
    rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, data: Buffer.from('{"class_name": ')} : x)))),
    expect: /config\.json inside the archive is not valid JSON/});
  add({reader: 'keras', kind: 'malformed', name: 'config.json an array', build: (w) => write(w, 'array.keras',
    rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, data: Buffer.from('[1, 2]')} : x)))),
    expect: /config\.json inside the archive is not a JSON object/});
  add({reader: 'keras', kind: 'malformed', name: 'CRC mismatch', build: (w) => write(w, 'crc.keras',
    rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, crc: 12345} : x)))), expect: /member config\.json is damaged \(CRC-32 mismatch\)/});
  add({reader: 'keras', kind: 'malformed', name: 'bzip2 member', build: (w) => write(w, 'bzip.keras',
    rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, method: 12} : x)))), expect: /uses compression method 12/});
  add({reader: 'keras', kind: 'malformed', name: 'no weights file', build: (w) => write(w, 'noweights.keras',
    rezip((m) => m.filter((x) => x.name !== 'model.weights.h5'))), expect: /has no model\.weights\.h5 but the model has weights/});
  add({reader: 'keras', kind: 'malformed', name: 'weights file not HDF5', build: (w) => write(w, 'weightsjunk.keras',
    rezip((m) => m.map((x) => (x.name === 'model.weights.h5' ? {...x, data: Buffer.from('not hdf5 at all')} : x)))),
    expect: /model\.weights\.h5 inside the archive: is not an HDF5 file/});
  add({reader: 'keras', kind: 'truncation', name: 'weights file cut', build: (w) => write(w, 'weightscut.keras',
    rezip((m) => m.map((x) => (x.name === 'model.weights.h5' ? {...x, data: x.data.subarray(0, 5000)} : x)))),
    expect: /model\.weights\.h5 inside the archive: (cannot be opened as HDF5: truncated file|global heap at byte \d+ declares \d+ bytes, beyond the file's 5000; the file is damaged)/});
  add({reader: 'keras', kind: 'bad header', name: 'stored member with two sizes', build: (w) => write(w, 'twosizes.keras',
    rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, declaredSize: x.data.length + 10} : x)))),
    expect: /member config\.json is stored but declares two sizes/});
  for (const [label, declared] of [['1 GiB', 1024 ** 3], ['4 GiB - 2', 0xfffffffe]] as const) {
    add({reader: 'keras', kind: 'zip bomb', name: `config.json declares ${label}`, build: (w) => write(w, `declares${declared}.keras`,
      rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, method: 8, declaredSize: declared} : x)))),
      expect: /member config\.json declares .* more than the .* allowed \(a decompression bomb\?\); set KERAS_WORKBENCH_MAX_INFLATE_MB/});
  }
  add({reader: 'keras', kind: 'zip bomb', name: 'config.json inflates past its declared size', build: (w) => write(w, 'lies.keras',
    rezip((m) => m.map((x) => (x.name === 'config.json' ? {...x, method: 8, declaredSize: 100} : x)))),
    expect: /member config\.json inflates to more than its declared 100 bytes/});
  add({reader: 'keras', kind: 'zip bomb', name: '1 GiB of zeros declared as 1 KiB', cli: (f) => ['summary', f], build: async (w) => {
    const payload = await zerosDeflated(1024 ** 3);
    return write(w, 'bomb.keras', rezip((m) => m.map((x) => (x.name === 'config.json'
      ? {...x, method: 8, raw: true, data: payload, declaredSize: 1024, crc: 0} : x))));
  }, expect: /member config\.json inflates to more than its declared 1024 bytes/});
  add({reader: 'keras', kind: 'zip bomb', name: '1 GiB of zeros declared honestly', cli: (f) => ['summary', f], build: async (w) => {
    const payload = await zerosDeflated(256 * 1024 ** 2);
    return write(w, 'honestbomb.keras', rezip((m) => m.map((x) => (x.name === 'config.json'
      ? {...x, method: 8, raw: true, data: payload, declaredSize: 1024 ** 3, crc: 0} : x))));
  }, expect: /member config\.json declares 1024\.0 MiB uncompressed from .* allowed \(a decompression bomb\?\)/});
  add({reader: 'keras', kind: 'bad header', name: 'central directory offset past the end', build: (w) => {
    const z = Buffer.from(base.keras);
    z.writeUInt32LE(0x7fffffff, z.length - 6);
    return write(w, 'cdoffset.keras', z);
  }, expect: /not a model this tool can read|not a readable zip|central directory|cannot be read/});

  // ---- TensorFlow.js folder
  // model.json as parsed: cases reach into it freely.
  type Json = Record<string, any>; // oxlint-disable-line typescript/no-explicit-any
  const tfjs = (name: string, edit: (dir: string, json: Json) => Json | void) => (w: Workspace) => {
    const dir = path.join(w.ws, name);
    copyTree(BASE_TFJS, dir);
    const file = path.join(dir, 'model.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    const edited = edit(dir, json) ?? json;
    if (edited !== null) fs.writeFileSync(file, JSON.stringify(edited));
    return name;
  };
  const manifest = (json: Json) => json.weightsManifest[0];
  add({reader: 'tfjs', kind: 'symlink escape', name: 'shard path ../', build: tfjs('dotdot', (_, j) => { manifest(j).paths = ['../outside.bin']; }),
    expect: /weights manifest path '\.\.\/outside\.bin' points outside the model folder/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'symlink escape', name: 'shard absolute path', build: tfjs('absolute', (_, j) => { manifest(j).paths = ['/etc/passwd']; }),
    expect: /weights manifest path '\/etc\/passwd' points outside the model folder/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'symlink escape', name: 'shard symlinked outside', build: (w) => tfjs('linkshard', (dir) => {
    fs.rmSync(path.join(dir, 'weights.bin'));
    fs.copyFileSync(path.join(BASE_TFJS, 'weights.bin'), path.join(w.outside, 'weights.bin'));
    fs.symlinkSync(path.join(w.outside, 'weights.bin'), path.join(dir, 'weights.bin'));
  })(w), expect: /weights shard 'weights\.bin' is a symlink \(or inside one\) leading outside the model folder/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'symlink escape', name: 'shard in a symlinked subfolder', build: (w) => tfjs('linkdir', (dir, j) => {
    fs.mkdirSync(path.join(w.outside, 'shards'), {recursive: true});
    fs.copyFileSync(path.join(BASE_TFJS, 'weights.bin'), path.join(w.outside, 'shards', 'weights.bin'));
    fs.symlinkSync(path.join(w.outside, 'shards'), path.join(dir, 'sub'));
    manifest(j).paths = ['sub/weights.bin'];
  })(w), expect: /weights shard 'sub\/weights\.bin' is a symlink \(or inside one\) leading outside/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'symlink escape', name: 'model.json symlinked outside', build: (w) => {
    const name = tfjs('linkjson', () => null as never)(w);
    const dir = path.join(w.ws, name);
    fs.copyFileSync(path.join(dir, 'model.json'), path.join(w.outside, 'model.json'));
    fs.rmSync(path.join(dir, 'model.json'));
    fs.symlinkSync(path.join(w.outside, 'model.json'), path.join(dir, 'model.json'));
    return name;
  }, expect: /is a symlink leading outside the model folder/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'truncation', name: 'shard cut short', build: tfjs('shortshard', (dir) => {
    fs.truncateSync(path.join(dir, 'weights.bin'), 1000);
  }), expect: /weight shards hold 1000 bytes but the manifest describes 12204/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'truncation', name: 'model.json cut', build: (w) => {
    const name = tfjs('cutjson', () => null as never)(w);
    const file = path.join(w.ws, name, 'model.json');
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 700));
    return name;
  }, expect: /is not a model this tool can read|is not valid JSON/});
  add({reader: 'tfjs', kind: 'nested json', name: 'model.json nested 200000 deep', build: (w) => {
    const dir = path.join(w.ws, 'deepjson');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'model.json'), `{"modelTopology": ${'['.repeat(200000)}${']'.repeat(200000)}}`);
    return 'deepjson';
  }, expect: /the file nests deeper than 512 levels/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'nested json', name: 'history.json nested', build: tfjs('deephistory', (dir) => {
    fs.writeFileSync(path.join(dir, 'history.json'), '['.repeat(50000) + ']'.repeat(50000));
  }), expect: /history\.json: the file nests deeper than 512 levels/, names: 'history.json'});
  add({reader: 'tfjs', kind: 'huge size', name: 'manifest declares a huge weight', build: tfjs('hugeshape', (_, j) => {
    manifest(j).weights[0].shape = [1e9, 1e9];
  }), expect: /weight shards hold 12204 bytes but the manifest describes \d+/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'wrong dtype', name: 'manifest dtype string', build: tfjs('dtype', (_, j) => {
    manifest(j).weights[0].dtype = 'string';
  }), expect: /weight '.*' has dtype "string", which TensorFlow\.js weights do not use/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'malformed', name: 'manifest not a list', build: tfjs('notlist', (_, j) => { j.weightsManifest = 5; }),
    expect: /weightsManifest is not a list of weight groups/, names: 'notlist'});
  add({reader: 'tfjs', kind: 'malformed', name: 'paths not a list', build: tfjs('pathsnotlist', (_, j) => { manifest(j).paths = 'weights.bin'; }),
    expect: /weightsManifest\[0\]\.paths is not a list of file names/, names: 'pathsnotlist'});
  add({reader: 'tfjs', kind: 'malformed', name: 'weight without a shape (fuzz seed 23 #207)', build: tfjs('noshape', (_, j) => { delete manifest(j).weights[0].shape; }),
    expect: /weight '.*' has shape none, not a list of sizes/, names: 'noshape'});
  add({reader: 'tfjs', kind: 'huge size', name: 'weight shape with a negative size', build: tfjs('negshape', (_, j) => { manifest(j).weights[0].shape = [-1, 10]; }),
    expect: /weight '.*' has shape \[-1,10\], not a list of sizes/, names: 'negshape'});
  add({reader: 'tfjs', kind: 'malformed', name: 'format graph-model', build: tfjs('graph', (_, j) => { j.format = 'graph-model'; }),
    expect: /is a TensorFlow\.js 'graph-model' model, not a Keras layers model/, names: 'model.json'});
  add({reader: 'tfjs', kind: 'malformed', name: 'unknown layer class', build: tfjs('unknownlayer', (_, j) => { j.modelTopology.config.layers[0].class_name = 'Densest'; }),
    expect: /Densest/, names: 'unknownlayer'});
  add({reader: 'tfjs', kind: 'nan weights', name: 'NaN in the first kernel', warning: true, build: tfjs('nanshard', (dir) => {
    const b = fs.readFileSync(path.join(dir, 'weights.bin'));
    for (let i = 0; i < 40; i += 4) b.writeFloatLE(NaN, i);
    b.writeFloatLE(Infinity, 40);
    fs.writeFileSync(path.join(dir, 'weights.bin'), b);
  }), expect: /1 weight holds NaN or Inf values: '.*kernel' \(10 NaN, 1 Inf of 400\)/});

  // ---- SavedModel
  const saved = (name: string, edit: (dir: string, w: Workspace) => void) => (w: Workspace) => {
    const dir = path.join(w.ws, name);
    copyTree(BASE_SAVEDMODEL, dir);
    edit(dir, w);
    return name;
  };
  add({reader: 'savedmodel', kind: 'truncation', name: 'keras_metadata.pb cut', build: saved('cutmeta', (d) => fs.truncateSync(path.join(d, 'keras_metadata.pb'), 300)),
    expect: /keras_metadata\.pb|cannot be read|has no root object|truncated|protobuf/});
  add({reader: 'savedmodel', kind: 'wrong magic', name: 'variables.index not a table', build: saved('badindex', (d) => fs.writeFileSync(path.join(d, 'variables', 'variables.index'), Buffer.alloc(100))),
    expect: /variables\.index: is not a TensorFlow variables index \(bad table magic\)/, names: 'variables.index'});
  add({reader: 'savedmodel', kind: 'truncation', name: 'variables.index too short', build: saved('shortindex', (d) => fs.truncateSync(path.join(d, 'variables', 'variables.index'), 10)),
    expect: /is too short to be a TensorFlow variables index/, names: 'variables.index'});
  add({reader: 'savedmodel', kind: 'truncation', name: 'data shard missing', build: saved('noshard', (d) => fs.rmSync(path.join(d, 'variables', 'variables.data-00000-of-00001'))),
    expect: /refers to data shard variables\.data-00000-of-00001, which is missing/, names: 'variables.index'});
  add({reader: 'savedmodel', kind: 'truncation', name: 'data shard cut', build: saved('cutshard', (d) => fs.truncateSync(path.join(d, 'variables', 'variables.data-00000-of-00001'), 100)),
    expect: /runs past the end of its data shard/, names: 'variables.index'});
  add({reader: 'savedmodel', kind: 'symlink escape', name: 'data shard symlinked outside', build: saved('linkshard', (d, w) => {
    const shard = path.join(d, 'variables', 'variables.data-00000-of-00001');
    fs.copyFileSync(shard, path.join(w.outside, 'shard'));
    fs.rmSync(shard);
    fs.symlinkSync(path.join(w.outside, 'shard'), shard);
  }), expect: /variables\/variables\.data-00000-of-00001 is a symlink leading outside the model folder/});
  add({reader: 'savedmodel', kind: 'symlink escape', name: 'variables folder symlinked outside', build: saved('linkvars', (d, w) => {
    fs.cpSync(path.join(d, 'variables'), path.join(w.outside, 'variables'), {recursive: true});
    fs.rmSync(path.join(d, 'variables'), {recursive: true});
    fs.symlinkSync(path.join(w.outside, 'variables'), path.join(d, 'variables'));
  }), expect: /variables is a symlink leading outside the model folder/});
  add({reader: 'savedmodel', kind: 'symlink escape', name: 'keras_metadata.pb symlinked outside', build: saved('linkmeta', (d, w) => {
    fs.copyFileSync(path.join(d, 'keras_metadata.pb'), path.join(w.outside, 'keras_metadata.pb'));
    fs.rmSync(path.join(d, 'keras_metadata.pb'));
    fs.symlinkSync(path.join(w.outside, 'keras_metadata.pb'), path.join(d, 'keras_metadata.pb'));
  }), expect: /keras_metadata\.pb is a symlink leading outside the model folder/});
  add({reader: 'savedmodel', kind: 'malformed', name: 'keras_metadata.pb random bytes', build: saved('randmeta', (d) => {
    const b = Buffer.alloc(4000);
    for (let i = 0; i < b.length; i++) b[i] = (i * 2654435761) >>> 24;
    fs.writeFileSync(path.join(d, 'keras_metadata.pb'), b);
  }), expect: /keras_metadata\.pb|cannot be read/});
  // Each names the variables index and the entry; nothing is allocated for what an entry declares.
  const kernelKey = 'layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE';
  const withEntry = (name: string, entry: Buffer) => saved(name, (d) => {
    fs.writeFileSync(path.join(d, 'variables', 'variables.index'), sortedTable([['', proto([[1, 1]])], [kernelKey, entry]]));
  });
  const bundleCases: Array<[string, Buffer, RegExp]> = [
    ['dimension -1', bundleEntry(1, [-1n, 10], 0, 40), /entry 'layer_with_weights-0\/kernel\/\.ATTRIBUTES\/VARIABLE_VALUE': a dimension of -1 is not a stored tensor's size/],
    ['4 G values', bundleEntry(1, [65536, 65536], 0, 16), /shape \(65536, 65536\) holds more than 2147483647 values/],
    ['int64 tensor of 2^31-1 values in 8 bytes', bundleEntry(9, [2 ** 31 - 1], 0, 8), /variable 'layer_with_weights-0\/kernel\/\.ATTRIBUTES\/VARIABLE_VALUE' has 8 bytes for 2147483647 values/],
    ['size 2^60', bundleEntry(1, [10], 0, 1n << 60n), /entry '.*': size 1152921504606846976 is out of range/],
    ['offset past the shard', bundleEntry(1, [784, 10], 1 << 30, 31360), /runs past the end of its data shard/],
  ];
  for (const [label, entry, expect] of bundleCases) {
    add({reader: 'savedmodel', kind: 'huge size', name: `variables.index entry: ${label}`, build: withEntry(`entry-${label.replace(/\W+/g, '-')}`, entry),
      expect, names: 'variables.index'});
  }
  add({reader: 'savedmodel', kind: 'malformed', name: 'variables.index block declares 2^32-1 restart points', build: saved('restarts', (d) => {
    const file = path.join(d, 'variables', 'variables.index');
    const entries: Array<[string, Buffer]> = [['', proto([[1, 1]])], [kernelKey, bundleEntry(1, [784, 10], 0, 31360)]];
    const table = sortedTable(entries);
    // The data block (first in the file) ends with its restart count.
    const block = tableBlock(entries).length - 4;
    table.writeUInt32LE(0xffffffff, block);
    fs.writeFileSync(file, table);
  }), expect: /is a damaged TensorFlow variables index: a block at byte 0 declares 4294967295 restart points/, names: 'variables.index'});
  add({reader: 'savedmodel', kind: 'malformed', name: 'variables.index footer points past the file', build: saved('footer', (d) => {
    const file = path.join(d, 'variables', 'variables.index');
    const table = sortedTable([['', proto([[1, 1]])], [kernelKey, bundleEntry(1, [784, 10], 0, 31360)]]);
    const footer = Buffer.alloc(48);
    Buffer.concat([varint(0n), varint(0n), varint(1n << 40n), varint(100n)]).copy(footer);
    footer.writeBigUInt64LE(0xdb4775248b80fb57n, 40);
    footer.copy(table, table.length - 48);
    fs.writeFileSync(file, table);
  }), expect: /is a damaged TensorFlow variables index: a block at byte 1099511627776 of 100 bytes lies beyond the table/, names: 'variables.index'});

  // ---- special files: a named pipe blocks its reader forever, a device never ends
  const fifo = (name: string) => (w: Workspace) => {
    execFileSync('mkfifo', [path.join(w.ws, name)]);
    return name;
  };
  const pipeMessage = /not a regular file but a named pipe; refusing to read it/;
  for (const [reader, name] of [['hdf5', 'pipe.h5'], ['keras', 'pipe.keras'], ['npy', 'pipe.npy'], ['npz', 'pipe.npz'], ['idx', 'pipe.idx'],
    ['csv', 'pipe.csv'], ['spec', 'pipe.train.json']] as Array<[Reader, string]>) {
    add({reader, kind: 'special file', name: `named pipe ${name}`, build: fifo(name), expect: pipeMessage});
  }
  add({reader: 'npy', kind: 'special file', name: 'symlink to /dev/zero', build: (w) => {
    fs.symlinkSync('/dev/zero', path.join(w.ws, 'zero.npy'));
    return 'zero.npy';
  }, expect: /zero\.npy: cannot read: not a regular file but a device; refusing to read it/});
  add({reader: 'tfjs', kind: 'special file', name: 'weights shard is a named pipe', build: tfjs('pipeshard', (dir) => {
    fs.rmSync(path.join(dir, 'weights.bin'));
    execFileSync('mkfifo', [path.join(dir, 'weights.bin')]);
  }), expect: /weights shard 'weights\.bin': cannot read: not a regular file but a named pipe/, names: 'model.json'});
  for (const member of ['variables/variables.index', 'variables/variables.data-00000-of-00001', 'keras_metadata.pb']) {
    add({reader: 'savedmodel', kind: 'special file', name: `${member} is a named pipe`, build: saved(`pipe-${path.basename(member)}`, (d) => {
      fs.rmSync(path.join(d, member));
      execFileSync('mkfifo', [path.join(d, member)]);
    }), expect: pipeMessage, names: path.basename(member)});
  }

  // ---- IDX
  const labels = idx(0x08, [12], Buffer.from([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]));
  for (const cut of [0, 2, 3, 6, 9, 15]) {
    add({reader: 'idx', kind: 'truncation', name: `labels cut at ${cut}`, build: (w) => write(w, `cut${cut}.idx`, labels.subarray(0, cut)),
      expect: cut < 4 ? /too short for an IDX file/ : cut < 8 ? /truncated IDX header/ : /IDX shape \[12\] of uint8 needs 20 bytes, file has \d+/});
  }
  add({reader: 'idx', kind: 'wrong magic', name: 'nonzero magic', build: (w) => write(w, 'magic.idx', Buffer.concat([Buffer.from([1, 2]), labels.subarray(2)])),
    expect: /not an IDX file: the first two bytes of the magic number must be zero/});
  for (const t of [0x00, 0x0a, 0x0f, 0xff]) {
    add({reader: 'idx', kind: 'wrong dtype', name: `type 0x${t.toString(16)}`, build: (w) => write(w, `type${t}.idx`, idx(t, [3], Buffer.alloc(3))),
      expect: new RegExp(`unknown IDX data type 0x${t.toString(16)}`)});
  }
  add({reader: 'idx', kind: 'bad header', name: 'zero dimensions', build: (w) => write(w, 'zerodims.idx', Buffer.from([0, 0, 8, 0, 1, 2])), expect: /IDX file declares zero dimensions/});
  add({reader: 'idx', kind: 'huge size', name: 'declares 4 G x 4 G', build: (w) => write(w, 'huge.idx', idx(0x0d, [0xffffffff, 0xffffffff], Buffer.alloc(64))),
    expect: /IDX shape \[4294967295, 4294967295\] of float32 needs \d+ bytes, file has 76/});
  add({reader: 'idx', kind: 'huge size', name: '255 dimensions', build: (w) => write(w, 'dims255.idx', idx(0x08, new Array(255).fill(2))),
    expect: /IDX shape .* needs .* bytes/});
  add({reader: 'idx', kind: 'bad header', name: 'trailing bytes', build: (w) => write(w, 'trailing.idx', Buffer.concat([labels, Buffer.alloc(5)])),
    expect: /IDX shape \[12\] of uint8 needs 20 bytes, file has 25/});
  add({reader: 'idx', kind: 'truncation', name: 'gzip cut', build: (w) => write(w, 'cut.idx.gz', zlib.gzipSync(labels).subarray(0, 20)),
    expect: /gzip data (is corrupt|inflates|declares)/});
  add({reader: 'idx', kind: 'malformed', name: 'gzip corrupt body', build: (w) => {
    const gz = zlib.gzipSync(labels);
    gz.fill(0xff, 10, 20);
    return write(w, 'corrupt.idx.gz', gz);
  }, expect: /gzip data is corrupt|gzip data inflates/});
  add({reader: 'idx', kind: 'zip bomb', name: 'gzip of 64 MiB zeros claiming 20 bytes', build: (w) => {
    return write(w, 'bomb.idx.gz', gzipClaiming(Buffer.alloc(64 * 1024 * 1024), 20));
  }, expect: /gzip data inflates to more than its declared 20 bytes/});
  add({reader: 'idx', kind: 'zip bomb', name: 'gzip claiming 4 GiB from a few KB', build: (w) => write(w, 'claims.idx.gz', gzipClaiming(labels, 0xfffffff0)),
    expect: /gzip data declares 4096\.0 MiB uncompressed .* allowed \(a decompression bomb\?\)/});
  add({reader: 'idx', kind: 'malformed', name: 'gzip whose size lies low', build: (w) => write(w, 'lieslow.idx.gz', gzipClaiming(labels, 30)),
    expect: /gzip data is corrupt: incorrect length check|gzip data inflates to 20 bytes but declares 30/});

  // ---- .npy
  const goodNpy = npy([3, 4]);
  for (const cut of [0, 5, 9, 40, 80, goodNpy.length - 4]) {
    add({reader: 'npy', kind: 'truncation', name: `cut at ${cut}`, build: (w) => write(w, `cut${cut}.npy`, goodNpy.subarray(0, cut)),
      expect: cut < 10 ? /not a NumPy \.npy file/ : cut < 128 ? /truncated \.npy header/ : /shape \(3, 4\) of '<f4' needs 176 bytes, file has 172/});
  }
  add({reader: 'npy', kind: 'wrong magic', name: 'pickle magic', build: (w) => write(w, 'pickle.npy', Buffer.concat([Buffer.from([0x80, 0x04]), goodNpy.subarray(2)])),
    expect: /not a NumPy \.npy file \(missing \\x93NUMPY magic\)/});
  const headers: Array<[string, string, RegExp]> = [
    ['no descr', `{'fortran_order': False, 'shape': (3, 4), }`, /malformed \.npy header/],
    ['no shape', `{'descr': '<f4', 'fortran_order': False, }`, /malformed \.npy header/],
    ['negative shape', `{'descr': '<f4', 'fortran_order': False, 'shape': (-3, 4), }`, /shape \(-3, 4\) is not a tuple of sizes/],
    ['fractional shape', `{'descr': '<f4', 'fortran_order': False, 'shape': (1.5, 4), }`, /is not a tuple of sizes/],
    ['object dtype', `{'descr': '|O', 'fortran_order': False, 'shape': (3,), }`, /object arrays .* pickled Python objects/],
    ['complex dtype', `{'descr': '<c16', 'fortran_order': False, 'shape': (3,), }`, /unsupported dtype '<c16'/],
    ['string dtype', `{'descr': '<U10', 'fortran_order': False, 'shape': (3,), }`, /unsupported dtype '<U10'/],
    ['structured dtype', `{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (3,), }`, /malformed \.npy header/],
    ['fortran order garbage', `{'descr': '<f4', 'fortran_order': Maybe, 'shape': (3,), }`, /malformed \.npy header/],
  ];
  for (const [label, header, expect] of headers) {
    add({reader: 'npy', kind: 'bad header', name: label, build: (w) => write(w, `${label.replace(/ /g, '-')}.npy`, npy([3, 4], '<f4', 0, header)), expect});
  }
  add({reader: 'npy', kind: 'huge size', name: 'declares 10^12 x 10^12', build: (w) => write(w, 'huge.npy', npy([1e12, 1e12])),
    expect: /shape \(1000000000000, 1000000000000\) of '<f4' needs .* bytes, file has 128/});
  add({reader: 'npy', kind: 'huge size', name: 'header length beyond the file', build: (w) => {
    const b = Buffer.from(goodNpy);
    b.writeUInt16LE(65000, 8);
    return write(w, 'hlen.npy', b);
  }, expect: /truncated \.npy header/});
  add({reader: 'npy', kind: 'huge size', name: 'v2 header length 4 GiB', build: (w) => {
    const b = Buffer.from(goodNpy);
    b[6] = 2;
    return write(w, 'v2.npy', Buffer.concat([b.subarray(0, 8), Buffer.from([0xff, 0xff, 0xff, 0xff]), b.subarray(10)]));
  }, expect: /truncated \.npy header/});
  add({reader: 'npy', kind: 'bad header', name: 'trailing data', build: (w) => write(w, 'trailing.npy', Buffer.concat([goodNpy, Buffer.alloc(16)])),
    expect: /shape \(3, 4\) of '<f4' needs 176 bytes, file has 192/});

  // ---- .npz
  const npzOf = (arrays: Record<string, Buffer>, method: 0 | 8 = 0) =>
    makeZip(Object.entries(arrays).map(([name, data]) => ({name: `${name}.npy`, data, method})));
  const mnistLike = {x_train: npy([12, 4]), y_train: npy([12], '<f4', 1), x_test: npy([3, 4]), y_test: npy([3])};
  add({reader: 'npz', kind: 'wrong magic', name: 'not a zip', build: (w) => write(w, 'nozip.npz', Buffer.from('\x93NUMPY not a zip', 'latin1')),
    expect: /not an \.npz archive \(not a zip file\)/});
  for (const cut of [2, 30, 200, 500]) {
    add({reader: 'npz', kind: 'truncation', name: `cut at ${cut}`, build: (w) => write(w, `cut${cut}.npz`, npzOf(mnistLike).subarray(0, cut)),
      expect: /is not a readable zip archive: no end of central directory record/});
  }
  add({reader: 'npz', kind: 'malformed', name: 'no .npy members', build: (w) => write(w, 'empty.npz', makeZip([{name: 'readme.txt', data: Buffer.from('hi')}])),
    expect: /the archive holds no \.npy arrays/});
  add({reader: 'npz', kind: 'bad header', name: 'member with a bad npy header', build: (w) => write(w, 'badmember.npz', npzOf({...mnistLike, y_train: npy([12], '<f4', 0, `{'descr': '<f4'}`)})),
    expect: /badmember\.npz:y_train\.npy: malformed \.npy header/, names: 'badmember.npz:y_train.npy'});
  add({reader: 'npz', kind: 'zip bomb', name: 'member declares 2 GiB', build: (w) => write(w, 'declares.npz',
    makeZip([{name: 'x_train.npy', data: npy([12, 4]), method: 8, declaredSize: 2 * 1024 ** 3}])),
    expect: /member x_train\.npy declares 2048\.0 MiB uncompressed .* \(a decompression bomb/});
  add({reader: 'npz', kind: 'zip bomb', name: '256 MiB member declared as 200 bytes', build: async (w) => {
    const payload = await zerosDeflated(256 * 1024 ** 2);
    return write(w, 'bomb.npz', makeZip([{name: 'x_train.npy', data: payload, raw: true, method: 8, declaredSize: 200, crc: 0}]));
  }, expect: /member x_train\.npy inflates to more than its declared 200 bytes/});
  add({reader: 'npz', kind: 'malformed', name: 'CRC mismatch', build: (w) => write(w, 'crc.npz', makeZip([{name: 'x_train.npy', data: npy([2]), crc: 7}])),
    expect: /member x_train\.npy is damaged \(CRC-32 mismatch\)/});
  add({reader: 'npz', kind: 'wrong dtype', name: 'object member', build: (w) => write(w, 'object.npz', npzOf({x_train: npy([3], '|O', 0, `{'descr': '|O', 'fortran_order': False, 'shape': (3,), }`)})),
    expect: /object arrays/, names: 'object.npz:x_train.npy'});

  // ---- CSV
  const csvCells: Array<[string, string]> = [
    ['hex', '0x1F'], ['binary', '0b101'], ['octal', '0o17'], ['Infinity', 'Infinity'], ['-Infinity', '-Infinity'], ['NaN', 'NaN'],
    ['text', 'setosa'], ['decimal comma', '"1,5"'], ['empty', ''], ['underscore', '1_000'], ['two dots', '1.2.3'], ['trailing e', '1e'],
    ['huge exponent', '1e999'], ['unicode minus', '\u22121'], ['whitespace inside', '1 2'],
  ];
  for (const [label, cell] of csvCells) {
    add({reader: 'csv', kind: 'malformed', name: `cell ${label}`, build: (w) => write(w, `cell-${label.replace(/ /g, '-')}.csv`, `a,b,label\n1,2,0\n3,${cell},1\n`),
      expect: /line 3, column 'b': '.*' is not a decimal number/});
  }
  add({reader: 'csv', kind: 'malformed', name: 'ragged row', build: (w) => write(w, 'ragged.csv', 'a,b,label\n1,2,0\n3\n'), expect: /line 3 has 1 values, expected 3/});
  add({reader: 'csv', kind: 'truncation', name: 'empty file', build: (w) => write(w, 'empty.csv', ''), expect: /the CSV file is empty/});
  add({reader: 'csv', kind: 'truncation', name: 'header only', build: (w) => write(w, 'header.csv', 'a,b,label\n'), expect: /has a header but no data rows/});
  add({reader: 'csv', kind: 'wrong magic', name: 'binary file', build: (w) => write(w, 'binary.csv', base.h5.subarray(0, 3000)), expect: /is not a decimal number|values, expected|no data rows/});
  add({reader: 'csv', kind: 'malformed', name: 'label column missing', build: (w) => write(w, 'nolabel.csv', 'a,b,c\n1,2,0\n'), expect: /label column 'label' not found; columns: a, b, c/});

  // ---- PNG and JPEG (predict --input)
  const rgba = Buffer.alloc(28 * 28 * 4);
  for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 37) & 0xff;
  const png = new PNG({width: 28, height: 28});
  rgba.copy(png.data);
  const goodPng = PNG.sync.write(png);
  const goodJpeg = Buffer.from(jpeg.encode({width: 28, height: 28, data: rgba}, 90).data);
  const withPngSize = (width: number, height: number) => {
    const b = Buffer.from(goodPng);
    b.writeUInt32BE(width, 16);
    b.writeUInt32BE(height, 20);
    return b;
  };
  const imageCases: Array<[string, string, Buffer, RegExp]> = [
    ['PNG cut in half', 'half.png', goodPng.subarray(0, goodPng.length >> 1), /not a readable PNG image: chunk 'IDAT' at byte 33 runs past the end of the file \(truncated\)/],
    ['PNG without its end chunk', 'noend.png', goodPng.subarray(0, goodPng.length - 12), /not a readable PNG image: the file ends before the image does \(truncated\)/],
    ['PNG claiming 100000 x 100000 pixels', 'giga.png', withPngSize(100000, 100000), /the PNG is 100000x100000 pixels, more than the 40000000 this tool decodes/],
    ['PNG claiming 0 x 0 pixels', 'empty.png', withPngSize(0, 0), /not a readable PNG image/],
    ['PNG with a damaged checksum', 'crc.png', (() => { const b = Buffer.from(goodPng); b[29] ^= 0xff; return b; })(), /not a readable PNG image: chunk 'IHDR' at byte 8 is damaged \(CRC-32 mismatch\)/],
    ['JPEG cut in half', 'half.jpg', goodJpeg.subarray(0, goodJpeg.length >> 1), /not a readable JPEG image/],
    ['JPEG claiming 60000 x 60000 pixels', 'giga.jpg', (() => {
      const b = Buffer.from(goodJpeg);
      const sof = b.indexOf(Buffer.from([0xff, 0xc0]));
      b.writeUInt16BE(60000, sof + 5);
      b.writeUInt16BE(60000, sof + 7);
      return b;
    })(), /not a readable JPEG image: .*(maxResolutionInMP|resolution|memory)/i],
    ['text named .png', 'text.png', Buffer.from('not an image at all'), /is neither a PNG nor a JPEG image/],
  ];
  for (const [label, name, bytes, expect] of imageCases) {
    add({reader: 'image', kind: label.includes('claiming') ? 'huge size' : label.includes('cut') || label.includes('end chunk') ? 'truncation' : 'malformed',
      name: label, build: (w) => write(w, name, bytes), expect});
  }
  add({reader: 'image', kind: 'special file', name: 'named pipe pipe.png', build: fifo('pipe.png'), expect: pipeMessage});

  // ---- spec
  const specCase = (kind: Kind, name: string, text: string, expect: RegExp) =>
    add({reader: 'spec', kind, name, build: (w) => write(w, `${name.replace(/\W+/g, '-')}.train.json`, text), expect});
  specCase('malformed', 'not JSON', '{"data": ', /invalid JSON at line 1, column \d+/);
  specCase('nested json', 'nested 100000 deep', '{"data": ' + '['.repeat(100000) + ']'.repeat(100000) + '}', /nests deeper than 512 levels/);
  specCase('nested json', 'nested objects in a layer', spec({dataset: 'mnist'}).replace('"units":3', `"units":3,"x":${'{"a":'.repeat(30000)}1${'}'.repeat(30000)}`), /nests deeper than 512 levels/);
  specCase('malformed', 'unknown top-level field', JSON.stringify({...JSON.parse(spec({dataset: 'mnist'})), extra: 1}), /\(root\)\.extra|extra: is not a known setting/);
  specCase('malformed', 'batch size 0', spec({dataset: 'mnist'}, {fit: {batch_size: 0}}), /fit\.batch_size: must be >= 1/);
  specCase('no silent training', 'fit.epochs 0', spec({dataset: 'mnist'}, {fit: {epochs: 0}}), /fit\.epochs: must be >= 1/);
  specCase('malformed', 'validation_split 1', spec({dataset: 'mnist'}, {fit: {validation_split: 1}}), /fit\.validation_split: must be < 1/);
  for (const [field, edit] of [['save.path', {save: {path: 'models/a\u0000b.h5'}}], ['data.train.csv', {data: {train: {csv: 'd\n.csv', label: 'label'}}}],
    ['model.from', {model: {from: 'models/\u001b[2Jm.h5'}}]] as const) {
    specCase('malformed', `control character in ${field}`, JSON.stringify({...JSON.parse(spec({dataset: 'mnist'})), ...edit}),
      new RegExp(`${field.replace(/\./g, '\\.')}: must not contain control characters \\(a file name cannot hold them\\)`));
  }
  specCase('wrong dtype', 'epochs a string', spec({dataset: 'mnist'}, {fit: {epochs: 'ten'}}), /fit\.epochs: must be integer/);

  // ---- training on bad data: refused before any epoch, nothing saved
  const csvData = (name: string, text: string, extra: Record<string, unknown> = {}) =>
    (w: Workspace) => {
      fs.writeFileSync(path.join(w.ws, 'data.csv'), text);
      return write(w, `${name}.train.json`, spec({train: {csv: 'data.csv', label: 'label'}}, extra));
    };
  const trainCase = (kind: Kind, name: string, build: (w: Workspace) => string, expect: RegExp, names: string, options: Record<string, unknown> = {}) =>
    add({reader: 'spec', kind, name, build, expect, names, run: (input, w) => train(input, w, options)});
  trainCase('bad labels', 'label 3 with 3 units', csvData('label3', CSV_OK.replace(/,0\n/, ',3\n')), /label 3 of sample 0 is outside the valid range 0\.\.2 \(sparse_categorical_crossentropy on a model with 3 output units\)/, 'data.csv');
  trainCase('bad labels', 'label 255', csvData('label255', CSV_OK.replace(/,2\n/, ',255\n')), /label 255 of sample 2 is outside the valid range 0\.\.2/, 'data.csv');
  trainCase('bad labels', 'negative label', csvData('labelneg', CSV_OK.replace(/,1\n/, ',-1\n')), /label -1 of sample 1 is outside the valid range/, 'data.csv');
  trainCase('bad labels', 'fractional label', csvData('labelfrac', CSV_OK.replace(/,1\n/, ',0.5\n')), /label 0\.5 of sample 1 is outside the valid range/, 'data.csv');
  trainCase('no silent training', '--epochs 0', csvData('epochs0', CSV_OK), /--epochs: must be at least 1, got 0/, 'epochs0.train.json', {epochs: 0});
  trainCase('no silent training', 'validation split leaves no training sample', csvData('valsplit', CSV_OK, {fit: {validation_split: 0.95}}),
    /fit\.validation_split: 0\.95 of 12 samples leaves 0 for training and 12 for validation; both need at least one sample/, 'valsplit.train.json');
  trainCase('no silent training', 'validation split of one sample', csvData('valsplit1', 'a,b,c,d,label\n1,2,3,4,0\n', {fit: {validation_split: 0.5}}),
    /fit\.validation_split: 0\.5 of 1 samples leaves 0 for training/, 'valsplit1.train.json');
  trainCase('no silent training', 'empty npz arrays', (w) => {
    write(w, 'empty.npz', npzOf({x_train: npy([0, 4]), y_train: npy([0])}));
    return write(w, 'emptydata.train.json', spec({train: {npz: 'empty.npz'}}));
  }, /empty\.npz: holds no training samples/, 'empty.npz');
  trainCase('no silent training', 'x and y of different lengths', (w) => {
    write(w, 'xy.npz', npzOf({x_train: npy([12, 4]), y_train: npy([11])}));
    return write(w, 'xy.train.json', spec({train: {npz: 'xy.npz'}}));
  }, /has 11 samples but .*x_train has 12/, 'xy.npz');
  trainCase('no silent training', 'scalar labels array', (w) => {
    write(w, 'scalar.npz', npzOf({x_train: npy([12, 4]), y_train: npy([], '<f4', 0, `{'descr': '<f4', 'fortran_order': False, 'shape': (), }`)}));
    return write(w, 'scalar.train.json', spec({train: {npz: 'scalar.npz'}}));
  }, /holds a single value, not an array of labels/, 'scalar.npz');
  trainCase('malformed', 'CSV with a hex cell', csvData('hexcell', CSV_OK.replace('1.5', '0x10')), /line 2, column 'c': '0x10' is not a decimal number/, 'data.csv');

  // ---- confinement: an untrusted workspace's spec, a model's stored dataset location
  const untrusted = {workspaceTrusted: false};
  const outsideCsv = (w: Workspace) => {
    fs.writeFileSync(path.join(w.outside, 'data.csv'), CSV_OK);
    return path.join(w.outside, 'data.csv');
  };
  trainCase('confinement', 'untrusted: absolute data path', (w) => write(w, 'abs.train.json', spec({train: {csv: outsideCsv(w), label: 'label'}})),
    /data\.csv: is outside the workspace \(an untrusted workspace's spec reads data only from inside it\)/, 'data.csv', untrusted);
  trainCase('confinement', 'untrusted: ../ data path', (w) => {
    outsideCsv(w);
    return write(w, 'rel.train.json', spec({train: {csv: `../${path.basename(w.outside)}/data.csv`, label: 'label'}}));
  }, /is outside the workspace/, 'data.csv', untrusted);
  trainCase('confinement', 'untrusted: symlink to outside data', (w) => {
    fs.symlinkSync(outsideCsv(w), path.join(w.ws, 'linked.csv'));
    return write(w, 'link.train.json', spec({train: {csv: 'linked.csv', label: 'label'}}));
  }, /linked\.csv: is outside the workspace .*symlinks resolved/, 'linked.csv', untrusted);
  trainCase('confinement', 'untrusted: symlinked data folder', (w) => {
    outsideCsv(w);
    fs.symlinkSync(w.outside, path.join(w.ws, 'datadir'));
    return write(w, 'dir.train.json', spec({train: {csv: 'datadir/data.csv', label: 'label'}}));
  }, /datadir\/data\.csv: is outside the workspace/, 'data.csv', untrusted);
  trainCase('confinement', 'untrusted: IDX pair outside', (w) => {
    fs.writeFileSync(path.join(w.outside, 'x.idx'), idx(0x08, [12, 4]));
    return write(w, 'idxout.train.json', spec({train: {x: path.join(w.outside, 'x.idx'), y: path.join(w.outside, 'x.idx')}}));
  }, /x\.idx: is outside the workspace/, 'x.idx', untrusted);
  trainCase('confinement', 'untrusted: model.from symlinked outside', (w) => {
    copyTree(BASE_TFJS, path.join(w.outside, 'model'));
    fs.symlinkSync(path.join(w.outside, 'model'), path.join(w.ws, 'base-model'));
    const s = JSON.parse(spec({train: {csv: 'data.csv', label: 'label'}}));
    fs.writeFileSync(path.join(w.ws, 'data.csv'), CSV_OK);
    s.model = {from: 'base-model'};
    return write(w, 'from.train.json', JSON.stringify(s));
  }, /model\.from: 'base-model' leads outside the workspace through a symlink/, 'from.train.json', untrusted);
  const storedLocation = (name: string, data: unknown) => (w: Workspace) => tfjs(name, (_, j) => {
    fs.writeFileSync(path.join(w.outside, 'secret.csv'), 'a,b,c,d,e,f,g,h,label\n' + '1,2,3,4,5,6,7,8,0\n'.repeat(3));
    j.userDefinedMetadata = {kerasWorkbench: {data, preprocessing: {}}};
  })(w);
  const predictStored = async (input: string, w: Workspace) => {
    const {openModel} = await import('../engine/models');
    const {initBackend} = await import('../engine/backend');
    await initBackend('cpu');
    // The model opens; the refused stored location is its dataProblem (predict and the inspector report it).
    const opened = await openModel(path.join(w.ws, input), {workspaceRoots: [w.ws]});
    opened.model.dispose();
    if (opened.dataProblem) throw opened.dataProblem;
    return opened.data;
  };
  add({reader: 'tfjs', kind: 'confinement', name: 'stored dataset location: absolute path outside', names: 'storedabs', run: predictStored,
    build: (w) => storedLocation('storedabs', {train: {csv: path.join(w.outside, 'secret.csv')}, test: {csv: path.join(w.outside, 'secret.csv')}})(w),
    expect: /stored data location '.*secret\.csv' is an absolute path/});
  add({reader: 'tfjs', kind: 'confinement', name: 'stored dataset location: ../ path', names: 'storedrel', run: predictStored,
    build: (w) => storedLocation('storedrel', {train: {csv: `../${path.basename(w.outside)}/secret.csv`}})(w),
    expect: /stored data location '\.\.\/outside\/secret\.csv' resolves to .*, outside the model's folder and the workspace/});
  add({reader: 'tfjs', kind: 'confinement', name: 'stored dataset location: symlink in the workspace', names: 'storedlink', run: predictStored,
    build: (w) => {
      const name = storedLocation('storedlink', {train: {csv: 'innocent.csv'}})(w);
      fs.symlinkSync(path.join(w.outside, 'secret.csv'), path.join(w.ws, 'innocent.csv'));
      return name;
    }, expect: /stored data location 'innocent\.csv' resolves to .*secret\.csv, outside the model's folder and the workspace/});
  add({reader: 'tfjs', kind: 'confinement', name: 'stored dataset location: not a path', names: 'storedjunk', run: predictStored,
    build: (w) => storedLocation('storedjunk', {train: {csv: 42}})(w), expect: /stored data location 42 is not a file path/});

  // ---- the command line: the same inputs end to end, one line on stderr, peak memory bounded
  // ---- fuzz findings (scripts/fuzz-readers.mjs): inputs that hung or aborted a reader
  const functional = (name: string, edit: (layers: Json[]) => void) => (w: Workspace) => {
    const dir = path.join(w.ws, name);
    copyTree(path.join(KERAS_FIXTURES, 'tfjs', 'converted_old_tfkeras2.1.6-tf_no_format_field'), dir);
    const file = path.join(dir, 'model.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    edit(json.modelTopology.model_config.config.layers);
    fs.writeFileSync(file, JSON.stringify(json));
    return name;
  };
  add({reader: 'tfjs', kind: 'malformed', name: 'input from a layer that does not exist (fuzz seed 7 #584)',
    build: functional('missing-inbound', (layers) => { layers[3].inbound_nodes[0][0][0] = 'padd\u00ff1'; }),
    expect: /layer 'conv_1' takes its input from layer 'padd.1', which the config does not have; refusing to build the model/});
  add({reader: 'tfjs', kind: 'malformed', name: 'layer renamed under its inputs (fuzz seed 7 #472)',
    build: functional('renamed-layer', (layers) => { layers[2].name = 'padd\u00ff1'; }),
    expect: /layer 'conv_1' takes its input from layer 'padding_1', which the config does not have/});
  add({reader: 'tfjs', kind: 'malformed', name: 'input from a call that does not exist',
    build: functional('missing-call', (layers) => { layers[3].inbound_nodes[0][0][1] = 5; }),
    expect: /layer 'conv_1' takes its input from call 5 of layer 'padding_1', which is called 1 time\(s\)/});
  add({reader: 'tfjs', kind: 'malformed', name: 'output from a layer that does not exist (fuzz seed 101 #128)', build: (w) => {
    const name = functional('missing-output', () => undefined)(w);
    const file = path.join(w.ws, name, 'model.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.modelTopology.model_config.config.output_layers[0][0] = 'dense\u00ff';
    fs.writeFileSync(file, JSON.stringify(json));
    return name;
  }, expect: /the model's output_layers name layer "dense.", which the config does not have; refusing to build the model/});
  add({reader: 'tfjs', kind: 'malformed', name: 'cycle of layer connections',
    build: functional('cycle', (layers) => { layers[2].inbound_nodes[0][0][0] = 'conv_1'; }),
    expect: /layer '(padding|conv)_1' is part of a cycle of layer connections; refusing to build the model/});
  add({reader: 'tfjs', kind: 'huge size', name: 'Dense units 2147483647 (layer built before its weights were compared)',
    build: tfjs('huge-units', (_, j) => { j.modelTopology.config.layers[1].config.units = 2147483647; }),
    expect: /layer 'dense_Dense2' \(Dense\) declares \d+ weight values, \d+ in all so far, but its weights hold 3051; refusing to build it/});
  add({reader: 'hdf5', kind: 'malformed', name: 'global heap free space of size 0 (HDF5 loops forever; fuzz seed 7 #222)', build: (w) => {
    const data = Buffer.from(base.h5);
    const heap = data.indexOf('GCOL');
    // The collection's last object is its free space (index 0): zero its size.
    let p = heap + 16;
    while (data.readUInt16LE(p) !== 0) p += 16 + Math.ceil(Number(data.readBigUInt64LE(p + 8)) / 8) * 8;
    data.writeBigUInt64LE(0n, p + 8);
    return write(w, 'zero-free-space.h5', data);
  }, expect: /global heap at byte \d+ is damaged \(free space of size 0 at offset \d+\); refusing to read it/});
  add({reader: 'hdf5', kind: 'malformed', name: 'global heap object past its end (made h5wasm abort; fuzz seed 1 #263)', build: (w) => {
    const data = fs.readFileSync(path.join(KERAS_FIXTURES, 'h5', 'tfkeras2.4.0_functional_embedding_conv1d_with_optimizer.hdf5'));
    Buffer.from('Ol5wzr1IknS8vVmivE5sArwdD2k9U6NZvcOu7LzWTik9qdqKPVtcezxVzqG9CskwvWTlSDsZ9528t0QHvYEQFb0/J9E8vg+RvduJ171kfeW9orQkve21jL7huee9K28WuwfYGb2XOds8MwakvT43gjyJVYO9ag/MvXACDj0+9Kc9fGLiPK9Gnz2B0Sg9UMKEPRlPBb3YNVG9B3PuOhT8yb3kd/e98KGpPdGSx73skaC9IL7APcclHDycXIc7U/bDva+stz3RNDo9zwg0vajvDTxjVIC80VccPYyvOb2P0sm8GRi6vR2gnL2867w8FlBnPG1PsD3qAAY+/YsBPvS3wD02MTe9PligPfi/1jr6+B49oE5RvE0Qmb2q3IM8mBekPGhw4bxeBLu9/WYGPe0Uyr1hzOk81BkePeNUSL2aWQi974oSvEHQkTw6d6w8so8YPejEoTtcJT29FYnnvIoIrD1gtZU8c6QQvtdNfbzUl1w9Q48ZvcXa+b0G3ro8I0UOvFwxqb3d14W9lwYcu/1Vu71VHFK9JjcuvW8ZiruP4ZO9zrCLvHWNaz38DfY5dPqFvW/W9DyNk/S9Ed31Pb+4rr0=', 'base64').copy(data, 4617);
    return write(w, 'heap-overrun.hdf5', data);
  }, expect: /global heap at byte 2048 is damaged \(object \d+ at offset 2664 declares \d+ bytes, past the heap's end\); refusing to read it/});

  const viaCli: Array<[string, string]> = [
    ['hdf5', 'ext_storage_abs.h5'], ['hdf5', 'ext_link_rel.h5'], ['hdf5', 'vds.h5'], ['hdf5', 'deep_model_config.h5'],
    ['hdf5', 'huge_declared_dataset.h5'], ['keras', 'keras_ext_link.keras'], ['hdf5', 'named pipe pipe.h5'],
  ];
  for (const [reader, name] of viaCli) {
    const original = cases.find((c) => c.name === name)!;
    add({...original, reader: reader as Reader, name: `${name} (CLI summary)`, cli: (f) => ['summary', f]});
  }
  add({...cases.find((c) => c.name === 'cut at 1000 bytes' && c.reader === 'hdf5')!, name: 'cut .h5 (CLI, no HDF5 dump on stderr)', cli: (f) => ['summary', f]});
  add({...cases.find((c) => c.name === 'model.json nested 200000 deep')!, name: 'nested model.json (CLI)', cli: (f) => ['summary', f]});
  add({...cases.find((c) => c.name === 'shard symlinked outside')!, name: 'symlinked shard (CLI)', cli: (f) => ['summary', f]});
  add({...cases.find((c) => c.name === 'stored dataset location: absolute path outside')!, name: 'stored dataset location (CLI predict)',
    run: undefined, cli: (f) => ['predict', f, '--sample', '0']});
  add({reader: 'spec', kind: 'no silent training', name: '--epochs 0 (CLI train)', names: 'cli-epochs.train.json', cli: (f) => ['train', f, '--epochs', '0', '--backend', 'cpu'],
    build: csvData('cli-epochs', CSV_OK), expect: /--epochs: must be at least 1, got 0/});
  add({reader: 'spec', kind: 'special file', name: 'training data is a named pipe (CLI train)', names: 'data.csv', cli: (f) => ['train', f, '--backend', 'cpu'],
    build: (w) => {
      execFileSync('mkfifo', [path.join(w.ws, 'data.csv')]);
      return write(w, 'pipe-data.train.json', spec({train: {csv: 'data.csv', label: 'label'}}));
    }, expect: /data\.csv.*not a regular file/});
  add({reader: 'spec', kind: 'bad labels', name: 'labels out of range (CLI train)', names: 'data.csv', cli: (f) => ['train', f, '--backend', 'cpu', '--threads', '1'],
    build: csvData('cli-labels', CSV_OK.replace(/,0\n/, ',7\n')), expect: /label 7 of sample 0 is outside the valid range 0\.\.2/});
  add({reader: 'spec', kind: 'nested json', name: 'nested spec (CLI train)', cli: (f) => ['train', f],
    build: (w) => write(w, 'deep-cli.train.json', '['.repeat(100000)), expect: /nests deeper than 512 levels|invalid JSON/});
  return cases;
}
