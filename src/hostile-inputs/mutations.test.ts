/**
 * Structured mutations through the real readers: model configs (a `.keras` archive and TF.js
 * folders from test/fixtures/keras) with values of the wrong type, sign or size; `.npy` headers
 * with odd dtypes, shapes, orders and lengths; zip archives (`.npz`, `.keras`) whose sizes,
 * offsets, counts and methods lie. Whatever a reader makes of them, a user never reads a
 * JavaScript error's own text: every refusal is one of the tool's own errors, one line, naming
 * the file, without JS_TEXT. A handful also run through the real command line. Seeded: the same
 * inputs on every run (MUTATION_SEED picks others).
 */
import {test, after, before} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {spawn} from 'child_process';
import {KERAS_FIXTURES, REPO_ROOT, tempDir} from '../test-support/fixtures';
import {makeZip, npyHeader, npy, seededRandom, type RawMember} from './builders';
import {initBackend} from '../engine/backend';
import {loadModel} from '../formats';
import {readZipDirectory, readZipMember} from '../formats/zip-file';
import {readNpy, readNpz} from '../engine/data/npy';
import {arrayHeader} from '../engine/analysis/data-shape';
import {h5wasm} from '../formats/hdf5-file';
import {WorkbenchError} from '../common/errors';

/** What a JavaScript error says about itself, never about the user's file. */
const JS_TEXT: Array<[string, RegExp]> = [
  ['a TypeError', /is not a function|is not iterable|is not an object|is not a constructor|Cannot read propert|Cannot (set|convert|access)|\[object Object\]/],
  ['function source', /=>|\bfunction\s*\(/],
  ['a Node.js error code', /ERR_[A-Z_]+/],
  ['NaN or undefined', /\bNaN\b|\bundefined\b/],
  ['an error class name', /\b(Type|Range|Reference|Syntax)Error\b|Maximum call stack/],
];

const SEED = Number(process.env.MUTATION_SEED ?? 1);
const root = tempDir('kw-mutations-');
after(() => fs.rmSync(root, {recursive: true, force: true}));
before(async () => {
  await initBackend('cpu');
  await h5wasm();
});

/** Every finding: what was mutated and what the user would have read. */
const findings: string[] = [];
const tally = {inputs: 0, accepted: 0, refused: 0};
let caseNumber = 0;

/** A fresh folder per input; its name is what a refusal must mention (it is in every path). */
function caseDir(): string {
  const dir = path.join(root, `case-${++caseNumber}`);
  fs.mkdirSync(dir);
  return dir;
}

/** The JS_TEXT and form problems of what a user would read, or none. */
function defects(message: string, names: string): string[] {
  const out = JS_TEXT.filter(([, re]) => re.test(message)).map(([what]) => what);
  if (message.includes('\n')) out.push('more than one line');
  if (!message.includes(names)) out.push(`does not name ${names}`);
  return out;
}

/** Runs one read; a refusal must be ours and clean, an acceptance is fine. */
async function expectClean(what: string, names: string, read: () => unknown): Promise<void> {
  tally.inputs++;
  try {
    await read();
    tally.accepted++;
  } catch (e) {
    tally.refused++;
    const message = e instanceof Error ? e.message : String(e);
    const problems = defects(message, names);
    if (!(e instanceof WorkbenchError)) problems.push(`a ${(e as Error)?.name ?? typeof e}, not the tool's own error`);
    if (problems.length) findings.push(`${what}: ${problems.join(', ')}: ${message.slice(0, 300)}`);
  }
}

/** Fails the running test with the findings made since `since` (each test answers for its own inputs). */
function assertNoFindings(since: number): void {
  const mine = findings.slice(since);
  assert.deepEqual(mine.slice(0, 40), [], `${mine.length} findings`);
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

// ---------------------------------------------------------------- model configs

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
/** Values of the wrong type, sign or size for any config field (none spelled NaN or undefined: those would be ours). */
const HOSTILE_VALUES: Json[] = [null, -1, 0, 2.5, 1e9, -1e9, 2 ** 53, '', 'x', 'relu', true, [], {}, [null], [[]], [1, 2, 3], [-1, 0],
  {class_name: 'Zzz', config: {}}, {config: null}, {class_name: 5}, 'same', [null, -3]];

/** Every path to a value in `value`, as keys. */
function paths(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (at.length) out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const k of Object.keys(value)) paths(value[k], [...at, k], out);
  return out;
}

/** Changes one value of `json` (mostly inside a layer's config): replaced, deleted, or wrapped in a list. */
function mutateConfig(json: Json, layersAt: string[], rand: () => number): string {
  let scope: Json = json;
  let prefix: (string | number)[] = [];
  const layers = layersAt.reduce<Json>((v, k) => (v as {[k: string]: Json})?.[k], json);
  if (Array.isArray(layers) && layers.length && rand() < 0.8) {
    const i = Math.floor(rand() * layers.length);
    scope = layers[i];
    prefix = [...layersAt, i];
  }
  const all = paths(scope);
  const where = pick(rand, all);
  const parent = where.slice(0, -1).reduce<Json>((v, k) => (v as never)[k], scope) as {[k: string]: Json} | Json[];
  const key = where.at(-1)!;
  const how = rand();
  let change: string;
  if (how < 0.2 && !Array.isArray(parent)) {
    delete (parent as {[k: string]: Json})[key as string];
    change = 'deleted';
  } else if (how < 0.3) {
    (parent as never as Json[])[key as number] = [(parent as never as Json[])[key as number]];
    change = 'wrapped in a list';
  } else {
    const value = pick(rand, HOSTILE_VALUES);
    (parent as never as Json[])[key as number] = value;
    change = `= ${JSON.stringify(value)}`;
  }
  return `${[...prefix, ...where].join('.')} ${change}`;
}

const BASE_KERAS = path.join(KERAS_FIXTURES, 'keras3', 'keras3.9.2_seq_dense_dropout_leakyrelu.keras');
const TFJS_FOLDERS = ['tfjs_node_saved_abalone_dense', 'tfjs_saved_embedding_gru', 'tfjs_saved_1.2.7_dense_list_config']
  .map((d) => path.join(KERAS_FIXTURES, 'tfjs', d));

function zipMembers(file: string): RawMember[] {
  return [...readZipDirectory(file)].map(([name, entry]) => ({name, data: Buffer.from(readZipMember(file, entry))}));
}

/** Inputs the command line reads too: the first few refused ones of each kind. */
const forCli: Array<{args: (dir: string) => string[]; dir: string; names: string; what: string}> = [];

test('mutated model configs (.keras, TF.js folders) are refused in the tool\'s own words or load', async () => {
  const since = findings.length;
  const rand = seededRandom(SEED * 1000 + 1);
  const keras = zipMembers(BASE_KERAS);
  for (let i = 0; i < 60; i++) {
    const dir = caseDir();
    const config = JSON.parse(Buffer.from(keras.find((m) => m.name === 'config.json')!.data).toString('utf8')) as Json;
    const change = mutateConfig(config, ['config', 'layers'], rand);
    const file = path.join(dir, 'm.keras');
    fs.writeFileSync(file, makeZip(keras.map((m) => (m.name === 'config.json' ? {...m, data: Buffer.from(JSON.stringify(config))} : m))));
    const before = findings.length;
    const refusedBefore = tally.refused;
    await expectClean(`.keras config ${change}`, path.basename(dir), async () => (await loadModel(file)).model.dispose());
    if (forCli.length < 2 && findings.length === before && tally.refused > refusedBefore) {
      forCli.push({args: (d) => ['summary', path.join(d, 'm.keras')], dir, names: path.basename(dir), what: `.keras config ${change}`});
    }
  }
  for (let i = 0; i < 60; i++) {
    const dir = caseDir();
    const source = TFJS_FOLDERS[i % TFJS_FOLDERS.length];
    fs.cpSync(source, dir, {recursive: true});
    const jsonFile = fs.readdirSync(dir).find((f) => f.endsWith('.json'))!;
    const json = JSON.parse(fs.readFileSync(path.join(dir, jsonFile), 'utf8')) as Json;
    const change = mutateConfig(json, ['modelTopology', 'config', 'layers'], rand);
    fs.writeFileSync(path.join(dir, jsonFile), JSON.stringify(json));
    await expectClean(`${path.basename(source)} ${change}`, path.basename(dir), async () => (await loadModel(path.join(dir, jsonFile))).model.dispose());
  }
  assertNoFindings(since);
});

// ---------------------------------------------------------------- .npy headers

const DESCRS = ['<f4', '>f8', '|u1', '<i8', '<f2', '|b1', '<c8', '|O', '<U3', '<f', 'f4', '', '<f4<', '<M8', '|V4', "'", '<i4', '>u2'];
const SHAPES = ['()', '(3,)', '(-1,)', '(3.5,)', "('a',)", '(3, 4)', '(0, 4)', '(4294967296, 4294967296)', '(99999999999999999999,)',
  '(2, -2)', '(1,)*3', '[3, 4]', '3', '(3 4)', '(,)', '(True,)', '(None,)', '(0x10,)', '(3, (4,))'];
const ORDERS = ['False', 'True', '1', '0', "'x'", 'None', ''];

function mutatedNpy(rand: () => number): {bytes: Buffer; change: string} {
  const entries = [`'descr': '${pick(rand, DESCRS)}'`, `'fortran_order': ${pick(rand, ORDERS)}`, `'shape': ${pick(rand, SHAPES)}`];
  if (rand() < 0.15) entries.splice(Math.floor(rand() * 3), 1);
  if (rand() < 0.1) entries.push(`'extra': ${pick(rand, SHAPES)}`);
  let header = `{${entries.join(', ')}, }`;
  if (rand() < 0.1) header = header.slice(0, Math.floor(rand() * header.length));
  const head = npyHeader([], '<f4', header);
  let change = header;
  if (rand() < 0.15) {
    const field = pick(rand, [6, 7, 8, 9]);
    head[field] = pick(rand, [0, 1, 2, 3, 0xff, 0x7f]);
    change += ` (byte ${field} = ${head[field]})`;
  }
  const body = Buffer.alloc(pick(rand, [0, 4, 12, 48, 96, 4096]), 0x3f);
  return {bytes: Buffer.concat([head, body]), change};
}

test('.npy files with mutated headers are refused in the tool\'s own words or read', async () => {
  const since = findings.length;
  const rand = seededRandom(SEED * 1000 + 2);
  for (let i = 0; i < 140; i++) {
    const dir = caseDir();
    const {bytes, change} = mutatedNpy(rand);
    const file = path.join(dir, 'x.npy');
    fs.writeFileSync(file, bytes);
    const before = findings.length;
    const refusedBefore = tally.refused;
    await expectClean(`.npy ${change}`, path.basename(dir), () => readNpy(file));
    if (forCli.length < 4 && findings.length === before && tally.refused > refusedBefore) {
      forCli.push({args: (d) => ['predict', path.join(TFJS_FOLDERS[0]), '--input', path.join(d, 'x.npy')], dir, names: path.basename(dir), what: `.npy ${change}`});
    }
    // The spec analysis reads the same header for its shapes (keras-workbench check, the language server).
    await expectClean(`.npy header for the analysis ${change}`, path.basename(dir), () => {
      const {shape} = arrayHeader(file);
      // Sizes the analysis would print ("(None, NaN)") must be sizes.
      if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) throw new Error(`the analysis took shape (${shape.join(', ')})`);
    });
    const npz = path.join(dir, 'x.npz');
    fs.writeFileSync(npz, makeZip([{name: 'x_test.npy', data: bytes}, {name: 'y_test.npy', data: npy([3])}]));
    await expectClean(`.npz member ${change}`, path.basename(dir), () => readNpz(npz));
  }
  assertNoFindings(since);
});

// ---------------------------------------------------------------- zip sizes

/** Byte offsets of the size, offset and count fields in a zip's records. */
type ZipRecord = 'local' | 'central' | 'end';
const ZIP_FIELDS: Record<ZipRecord, Array<[number, 2 | 4, string]>> = {
  local: [[8, 2, 'method'], [18, 4, 'compressed size'], [22, 4, 'size'], [26, 2, 'name length'], [28, 2, 'extra length']],
  central: [[10, 2, 'method'], [20, 4, 'compressed size'], [24, 4, 'size'], [28, 2, 'name length'], [30, 2, 'extra length'],
    [32, 2, 'comment length'], [42, 4, 'local header offset']],
  end: [[8, 2, 'entries here'], [10, 2, 'entries'], [12, 4, 'directory size'], [16, 4, 'directory offset'], [20, 2, 'comment length']],
};

function recordsOf(zip: Buffer): Array<{kind: ZipRecord; at: number}> {
  const out: Array<{kind: ZipRecord; at: number}> = [];
  for (let p = 0; p + 4 <= zip.length; p++) {
    const sig = zip.readUInt32LE(p);
    if (sig === 0x04034b50) out.push({kind: 'local', at: p});
    else if (sig === 0x02014b50) out.push({kind: 'central', at: p});
    else if (sig === 0x06054b50) out.push({kind: 'end', at: p});
  }
  return out;
}

function mutateZip(zip: Buffer, rand: () => number): {bytes: Buffer; change: string} {
  const out = Buffer.from(zip);
  const records = recordsOf(out);
  const changes: string[] = [];
  for (let n = 1 + Math.floor(rand() * 2); n > 0; n--) {
    const record = pick(rand, records);
    const [offset, width, name] = pick(rand, ZIP_FIELDS[record.kind]);
    const old = width === 2 ? out.readUInt16LE(record.at + offset) : out.readUInt32LE(record.at + offset);
    const max = width === 2 ? 0xffff : 0xffffffff;
    const value = Math.min(max, Math.max(0, pick(rand, [0, 1, old - 1, old + 1, old * 2, zip.length, 0x7fffffff, max, 8, 12, 99])));
    if (width === 2) out.writeUInt16LE(value, record.at + offset);
    else out.writeUInt32LE(value >>> 0, record.at + offset);
    changes.push(`${record.kind} ${name} ${old} -> ${value}`);
  }
  return {bytes: out, change: changes.join(', ')};
}

test('.npz and .keras archives with mutated sizes, offsets and counts are refused in the tool\'s own words or read', async () => {
  const since = findings.length;
  const rand = seededRandom(SEED * 1000 + 3);
  const arrays: RawMember[] = [{name: 'x_train.npy', data: npy([12, 4])}, {name: 'y_train.npy', data: npy([12])},
    {name: 'x_test.npy', data: npy([3, 4])}, {name: 'y_test.npy', data: npy([3])}];
  const npzSeeds = [makeZip(arrays), makeZip(arrays.map((m) => ({...m, method: 8 as const})))];
  for (let i = 0; i < 100; i++) {
    const dir = caseDir();
    const {bytes, change} = mutateZip(pick(rand, npzSeeds), rand);
    const file = path.join(dir, 'a.npz');
    fs.writeFileSync(file, bytes);
    await expectClean(`.npz ${change}`, path.basename(dir), () => readNpz(file));
  }
  const keras = makeZip(zipMembers(BASE_KERAS));
  for (let i = 0; i < 40; i++) {
    const dir = caseDir();
    const {bytes, change} = mutateZip(keras, rand);
    const file = path.join(dir, 'm.keras');
    fs.writeFileSync(file, bytes);
    const before = findings.length;
    const refusedBefore = tally.refused;
    await expectClean(`.keras ${change}`, path.basename(dir), async () => (await loadModel(file)).model.dispose());
    if (forCli.length < 5 && findings.length === before && tally.refused > refusedBefore) {
      forCli.push({args: (d) => ['summary', path.join(d, 'm.keras')], dir, names: path.basename(dir), what: `.keras ${change}`});
    }
  }
  assertNoFindings(since);
});

function runCli(args: string[]): Promise<{code: number | null; stderr: string}> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'keras-workbench.js'), ...args, '--backend', 'cpu'],
      {cwd: root, env: {...process.env, KERAS_WORKBENCH_DEBUG: ''}, timeout: 90_000});
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => resolve({code, stderr}));
  });
}

test('the command line prints those refusals as one clean line', async () => {
  const since = findings.length;
  assert.ok(forCli.length >= 4, `refused inputs for the command line: ${forCli.length}`);
  await Promise.all(forCli.map(async (c) => {
    const r = await runCli(c.args(c.dir));
    const lines = r.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('Backend:'));
    if (r.code !== 1 || lines.length !== 1) findings.push(`CLI ${c.what}: exit ${r.code}, stderr: ${r.stderr.slice(0, 500)}`);
    else {
      const problems = defects(lines[0], c.names);
      if (problems.length) findings.push(`CLI ${c.what}: ${problems.join(', ')}: ${lines[0]}`);
    }
  }));
  assertNoFindings(since);
});

test('the mutations bite: hundreds of reads, more than a third refused', () => {
  process.stdout.write(`mutations: ${tally.inputs} reads, ${tally.accepted} accepted, ${tally.refused} refused, ${findings.length} findings\n`);
  assert.ok(tally.inputs >= 300, `${tally.inputs} reads`);
  assert.ok(tally.refused > tally.inputs / 3, `only ${tally.refused} of ${tally.inputs} refused: the mutations hardly bite`);
});
