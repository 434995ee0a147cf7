#!/usr/bin/env node
// Seeded, bounded fuzz run of every reader: mutated copies (bit flips, interesting values,
// truncations, deletions, splices) of the shared real fixtures and of generated npy/npz/IDX/CSV/
// spec files, each read in a child process (src/hostile-inputs/fuzz-child.ts) with a time and a
// memory bound. Reports per reader: accepted, clean one-line errors, library errors that only the
// last line of defence caught ("wrapped"), unclean errors, crashes, hangs and peak memory.
//
//   node scripts/fuzz-readers.mjs [--seed 1] [--per-reader 2000] [--readers hdf5,keras,...]
//                                 [--timeout-ms 10000] [--memory-mb 1500] [--keep] [--only 222,813]
// --only reads just those input numbers (the others are still generated, so numbers match a full
// run with the same --seed and --readers); --keep leaves each finding's input (and each wrapped library error's) in the temp folder.
// Exits 1 when anything but accepted/clean/wrapped happened.
import {fork} from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {createRequire} from 'node:module';
import {tsImport} from 'tsx/esm/api';

const require = createRequire(import.meta.url);
const {PNG} = require('pngjs');
const jpeg = require('jpeg-js');
// The same byte builders as the hostile-input suite.
const {idx, makeZip, npy: npyOf, seededRandom: rng} = await tsImport('../src/hostile-inputs/builders.ts', import.meta.url);
const npy = (shape, fill = (i) => i % 7) => npyOf(shape, '<f4', fill);
const zip = (members) => makeZip(members.map(({name, data, deflate}) => ({name, data, method: deflate ? 8 : 0})));
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const {values: opt} = parseArgs({options: {
  seed: {type: 'string', default: '1'}, 'per-reader': {type: 'string', default: '2000'}, readers: {type: 'string'},
  'timeout-ms': {type: 'string', default: '10000'}, 'memory-mb': {type: 'string', default: '1500'}, keep: {type: 'boolean'}, only: {type: 'string'},
}});
const SEED = Number(opt.seed);
const PER_READER = Number(opt['per-reader']);
const TIMEOUT_MS = Number(opt['timeout-ms']);
const MEMORY_MB = Number(opt['memory-mb']);
const ONLY = opt.only ? new Set(opt.only.split(',').map(Number)) : undefined;
const FIXTURES = path.resolve(repo, 'test', 'fixtures', 'keras');

// ---------------------------------------------------------------- seed inputs
const read = (...p) => fs.readFileSync(path.join(FIXTURES, ...p));
const tfjsFolders = fs.readdirSync(path.join(FIXTURES, 'tfjs'));

/** Per reader: seeds, each {files: {relative name: bytes}, open: the name to read, mutable: names to mutate}. */
function seeds() {
  const images = Buffer.alloc(20 * 28 * 28);
  for (let i = 0; i < images.length; i++) images[i] = (i * 37) & 0xff;
  const labels = Buffer.from(Array.from({length: 20}, (_, i) => i % 10));
  const arrays = {x_train: npy([12, 4]), y_train: npy([12], (i) => i % 3), x_test: npy([3, 4]), y_test: npy([3], (i) => i % 3)};
  const csv = 'a,b,c,d,label\n' + Array.from({length: 12}, (_, i) => `${i / 10},${i % 3},1.5,-2e-1,${i % 3}`).join('\n') + '\n';
  const one = (name, bytes) => ({files: {[name]: bytes}, open: name, mutable: [name]});
  const picture = (width, height, colorType) => {
    const png = new PNG({width, height, colorType});
    for (let i = 0; i < png.data.length; i++) png.data[i] = (i * 37) & 0xff;
    return {png: PNG.sync.write(png, {colorType}), jpeg: Buffer.from(jpeg.encode({width, height, data: png.data}, 85).data)};
  };
  const small = picture(28, 28, 6);
  const gray = picture(32, 20, 0);
  return {
    hdf5: fs.readdirSync(path.join(FIXTURES, 'h5')).filter((f) => /\.(h5|hdf5)$/.test(f) && fs.statSync(path.join(FIXTURES, 'h5', f)).size < 100_000)
      .map((f) => one(`m${path.extname(f)}`, read('h5', f))),
    keras: fs.readdirSync(path.join(FIXTURES, 'keras3')).map((f) => one('m.keras', read('keras3', f))),
    tfjs: tfjsFolders.map((d) => {
      const files = Object.fromEntries(fs.readdirSync(path.join(FIXTURES, 'tfjs', d)).map((f) => [`model/${f}`, read('tfjs', d, f)]));
      return {files, open: 'model', mutable: Object.keys(files)};
    }),
    savedmodel: ['tfkeras2.11_functional_flatten_dense'].map((d) => {
      const base = path.join(FIXTURES, 'savedmodel', d);
      const files = {};
      for (const f of fs.readdirSync(base, {recursive: true})) {
        if (fs.statSync(path.join(base, f)).isFile()) files[`model/${f}`] = fs.readFileSync(path.join(base, f));
      }
      return {files, open: 'model', mutable: ['model/keras_metadata.pb', 'model/variables/variables.index', 'model/variables/variables.data-00000-of-00001']};
    }),
    idx: [one('x.idx', idx(0x08, [20, 28, 28], images)), one('y.idx', idx(0x08, [20], labels)),
      one('f.idx', idx(0x0d, [5, 3], Buffer.alloc(60, 0x3f))), one('x.idx.gz', zlib.gzipSync(idx(0x08, [20, 28, 28], images)))],
    npy: [one('a.npy', npy([12, 4])), one('b.npy', npy([3, 2, 2])), one('c.npy', npy([7]))],
    npz: [one('a.npz', zip(Object.entries(arrays).map(([n, d]) => ({name: `${n}.npy`, data: d})))),
      one('b.npz', zip(Object.entries(arrays).map(([n, d]) => ({name: `${n}.npy`, data: d, deflate: true}))))],
    csv: [one('t.csv', Buffer.from(csv)), one('q.csv', Buffer.from(csv.replace(/,/g, ',"').replace(/\n/g, '"\n').replace('"\n', '\n')))],
    image: [one('a.png', small.png), one('b.png', gray.png), one('a.jpg', small.jpeg), one('b.jpg', gray.jpeg)],
    spec: [one('m.train.json', fs.readFileSync(path.join(repo, 'examples', 'mnist-cnn.train.json')))],
  };
}

// ---------------------------------------------------------------- mutations
const INTERESTING = [0, 1, 0x7f, 0x80, 0xff];
const INTERESTING32 = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 65536];

function mutate(bytes, rand, donors) {
  const b = Buffer.from(bytes);
  const at = () => Math.floor(rand() * Math.max(1, b.length));
  const kind = Math.floor(rand() * 7);
  switch (kind) {
    case 0: { // bit flips
      const flips = 1 + Math.floor(rand() * 8);
      for (let i = 0; i < flips && b.length; i++) b[at()] ^= 1 << Math.floor(rand() * 8);
      return {bytes: b, how: `flip ${flips} bits`};
    }
    case 1: { // interesting bytes
      for (let i = 0; i < 1 + Math.floor(rand() * 4) && b.length; i++) b[at()] = INTERESTING[Math.floor(rand() * INTERESTING.length)];
      return {bytes: b, how: 'interesting bytes'};
    }
    case 2: { // interesting 32-bit value (sizes, offsets, counts)
      if (b.length >= 4) {
        const p = Math.min(at(), b.length - 4);
        b.writeUInt32LE(INTERESTING32[Math.floor(rand() * INTERESTING32.length)], p);
      }
      return {bytes: b, how: 'interesting u32'};
    }
    case 3: { // truncation
      const n = at();
      return {bytes: b.subarray(0, n), how: `truncate to ${n}`};
    }
    case 4: { // delete a region
      const p = at();
      const n = Math.floor(rand() * Math.min(256, b.length - p));
      return {bytes: Buffer.concat([b.subarray(0, p), b.subarray(p + n)]), how: `delete ${n} at ${p}`};
    }
    case 5: { // duplicate a region
      const p = at();
      const n = Math.floor(rand() * Math.min(512, b.length - p));
      return {bytes: Buffer.concat([b.subarray(0, p + n), b.subarray(p, p + n), b.subarray(p + n)]), how: `duplicate ${n} at ${p}`};
    }
    default: { // splice in a piece of another input
      const donor = donors[Math.floor(rand() * donors.length)];
      const from = Math.floor(rand() * Math.max(1, donor.length));
      const n = Math.floor(rand() * Math.min(1024, donor.length - from));
      const p = at();
      return {bytes: Buffer.concat([b.subarray(0, p), donor.subarray(from, from + n), b.subarray(p + n)]), how: `splice ${n} bytes at ${p}`};
    }
  }
}

// ---------------------------------------------------------------- the reader process
class Child {
  constructor() {
    this.proc = fork(path.join(repo, 'src', 'hostile-inputs', 'fuzz-child.ts'), [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${MEMORY_MB}`], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], cwd: repo,
    });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.ready = new Promise((resolve) => this.proc.once('message', resolve));
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve({code, signal})));
  }
  rssMB() {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'))[1]) / 1024;
    } catch {
      return 0;
    }
  }
  async read(message) {
    await this.ready;
    let peak = this.rssMB();
    let overMemory = false;
    const poll = setInterval(() => {
      peak = Math.max(peak, this.rssMB());
      if (peak > MEMORY_MB * 1.5 && !overMemory) {
        overMemory = true;
        this.proc.kill('SIGKILL');
      }
    }, 25);
    let timer;
    const answer = new Promise((resolve) => this.proc.once('message', resolve));
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve({timeout: true}), TIMEOUT_MS); });
    this.proc.send(message);
    const r = await Promise.race([answer, timeout, this.exited.then((e) => ({exit: e}))]);
    clearTimeout(timer);
    clearInterval(poll);
    if (r.timeout) this.proc.kill('SIGKILL');
    return {...r, overMemory, peakMB: Math.max(peak, r.rssMB ?? 0)};
  }
  kill() {
    this.proc.kill('SIGKILL');
  }
}

// ---------------------------------------------------------------- run
const all = seeds();
const readers = opt.readers ? opt.readers.split(',') : Object.keys(all);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-fuzz-'));
const report = [];
let failed = false;
const started = Date.now();
for (const reader of readers) {
  const rand = rng(SEED * 1000 + readers.indexOf(reader) + 1);
  const list = all[reader];
  const donors = list.flatMap((s) => Object.values(s.files));
  const stats = {reader, inputs: 0, accepted: 0, clean: 0, wrapped: 0, unclean: 0, crashes: 0, hangs: 0, memory: 0, peakMB: 0, seconds: 0};
  const findings = [];
  const wrappedMessages = new Map();
  let child = new Child();
  const t0 = Date.now();
  for (let i = 0; i < PER_READER; i++) {
    const seed = list[i % list.length];
    const target = seed.mutable[Math.floor(rand() * seed.mutable.length)];
    const {bytes, how} = mutate(seed.files[target], rand, donors);
    if (ONLY && !ONLY.has(i)) continue;
    const dir = path.join(work, `${reader}-${i}`);
    for (const [name, data] of Object.entries(seed.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), {recursive: true});
      fs.writeFileSync(path.join(dir, name), name === target ? bytes : data);
    }
    const r = await child.read({id: i, reader, file: path.join(dir, seed.open)});
    stats.inputs++;
    stats.peakMB = Math.max(stats.peakMB, r.peakMB);
    const what = `${reader} #${i} (${target}: ${how})`;
    if (r.timeout || r.exit || r.overMemory) {
      if (r.timeout) stats.hangs++;
      else if (r.overMemory) stats.memory++;
      else stats.crashes++;
      findings.push(`${r.timeout ? 'HANG' : r.overMemory ? 'MEMORY' : 'CRASH'} ${what}: ${r.exit ? JSON.stringify(r.exit) : ''} ${child.stderr.split('\n').slice(-3).join(' | ')}`);
      if (opt.keep) fs.cpSync(dir, path.join(work, `finding-${reader}-${i}`), {recursive: true});
      child.kill();
      child = new Child();
    } else {
      stats[r.result]++;
      if (r.result === 'unclean') {
        findings.push(`UNCLEAN ${what}: ${r.name}: ${r.message}`);
        if (opt.keep) fs.cpSync(dir, path.join(work, `finding-${reader}-${i}`), {recursive: true});
      }
      if (r.result === 'wrapped') {
        if (opt.keep) fs.cpSync(dir, path.join(work, `wrapped-${reader}-${i}`), {recursive: true});
        // Grouped by the library error's own message (numbers aside): one line per kind of escape.
        const key = r.cause.replace(/\d+/g, 'N').slice(0, 120);
        const seen = wrappedMessages.get(key);
        wrappedMessages.set(key, {count: (seen?.count ?? 0) + 1, first: seen?.first ?? i});
      }
    }
    fs.rmSync(dir, {recursive: true, force: true});
  }
  child.kill();
  stats.seconds = Math.round((Date.now() - t0) / 1000);
  report.push(stats);
  if (stats.unclean || stats.crashes || stats.hangs || stats.memory) failed = true;
  process.stdout.write(`${reader}: ${stats.inputs} inputs, ${stats.accepted} accepted, ${stats.clean} clean errors, ${stats.wrapped} wrapped library errors, ` +
    `${stats.unclean} unclean, ${stats.crashes} crashes, ${stats.hangs} hangs, ${stats.memory} over memory; peak ${stats.peakMB.toFixed(0)} MB; ${stats.seconds} s\n`);
  for (const f of findings.slice(0, 10)) process.stdout.write(`  ${f}\n`);
  for (const [m, {count, first}] of [...wrappedMessages].sort((a, b) => b[1].count - a[1].count).slice(0, 5)) {
    process.stdout.write(`  wrapped x${count} (first #${first}): ${m}\n`);
  }
}
const total = report.reduce((t, s) => ({inputs: t.inputs + s.inputs, bad: t.bad + s.unclean + s.crashes + s.hangs + s.memory}), {inputs: 0, bad: 0});
process.stdout.write(`fuzz seed ${SEED}: ${total.inputs} inputs over ${readers.length} readers in ${Math.round((Date.now() - started) / 1000)} s; ` +
  `${total.bad} crashes/hangs/unclean errors\n`);
if (opt.keep) process.stdout.write(`inputs kept in ${work}\n`);
else fs.rmSync(work, {recursive: true, force: true});
process.exit(failed ? 1 : 0);
