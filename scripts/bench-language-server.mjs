// Benchmark of the training-spec language server, driven over LSP like an editor drives it:
// spawns the built server (dist/language-server.js --stdio), opens a spec, makes edits and times
// each edit -> publishDiagnostics round trip (p50 / p95 / max), on the reference spec and on a
// generated 100-layer spec; reads the server's resident memory from /proc. Baseline in the same
// run: TensorFlow.js building the same model (tfl.models.modelFromJSON) to learn its shapes,
// which is what shape checking would cost without the arithmetic analysis.
// Usage: node scripts/build.mjs && node scripts/bench-language-server.mjs [--edits N]
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {createRequire} from 'node:module';
import {parseArgs} from 'node:util';

const require = createRequire(import.meta.url);
const {createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, PublishDiagnosticsNotification, HoverRequest} =
  require('vscode-languageserver-protocol/node');
const {jsonc} = {jsonc: require('jsonc-parser')};

const {values} = parseArgs({options: {edits: {type: 'string', default: '200'}}});
const EDITS = Number(values.edits);
const TARGET_MS = 50;
// The flags the extension's language client starts the server with (src/extension/language-client.ts).
const SERVER_FLAGS = ['--max-semi-space-size=1'];
const TARGET_MB = 100;

const reference = readFileSync('examples/mnist-cnn.train.json', 'utf8');

/** 100 layers: blocks of Conv2D(same) / BatchNormalization / Activation / Dropout, then the head. */
function hundredLayerSpec() {
  const layers = [];
  layers.push({type: 'Conv2D', filters: 8, kernel_size: [3, 3], padding: 'same', input_shape: [28, 28, 1]});
  while (layers.length < 96) {
    layers.push({type: 'BatchNormalization'}, {type: 'Activation', activation: 'relu'},
      {type: 'Conv2D', filters: 8, kernel_size: [3, 3], padding: 'same'}, {type: 'Dropout', rate: 0.1});
  }
  layers.length = 96;
  layers.push({type: 'MaxPooling2D', pool_size: [2, 2]}, {type: 'Flatten'}, {type: 'Dense', units: 64, activation: 'relu'},
    {type: 'Dense', units: 10, activation: 'softmax'});
  const spec = JSON.parse(jsonc.stripComments(reference));
  spec.name = 'hundred';
  spec.model = {name: 'hundred', layers};
  spec.save = {path: 'models/hundred'};
  delete spec.$schema;
  return `{\n  ${JSON.stringify(spec, null, 1).slice(1, -1).trim().replace(/\{\n\s+"type"/g, '{"type"')}\n}\n`
    .replace(/\n {3,}/g, ' ').replace(/\n\s+\}/g, '}');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return {rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024};
}

async function session(name, text, edit) {
  const root = mkdtempSync(join(tmpdir(), 'kw-bench-lsp-'));
  const file = join(root, `${name}.train.json`);
  writeFileSync(file, text);
  const server = spawn(process.execPath, [...SERVER_FLAGS, 'dist/language-server.js', '--stdio'], {stdio: ['pipe', 'pipe', 'inherit']});
  const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  const pending = new Map();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    pending.get(p.version)?.(p);
    pending.delete(p.version);
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: null, capabilities: {},
    workspaceFolders: [{uri: pathToFileURL(root).href, name}]});
  await connection.sendNotification(InitializedNotification.type, {});
  const uri = pathToFileURL(file).href;
  const published = (version) => new Promise((resolve) => pending.set(version, resolve));
  let version = 1;
  let opened = published(version);
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'jsonc', version, text}});
  const first = await opened;
  const times = [];
  let current = text;
  let errorsSeen = 0;
  for (let i = 0; i < EDITS + 10; i++) {
    const change = edit(current, i);
    current = change.text;
    version++;
    const arrived = published(version);
    const started = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version}, contentChanges: [change.lsp]});
    const p = await arrived;
    const ms = performance.now() - started;
    if (p.diagnostics.length) errorsSeen++;
    if (i >= 10) times.push(ms); // the first edits warm up the JIT
  }
  const hoverStarted = performance.now();
  await connection.sendRequest(HoverRequest.type, {textDocument: {uri}, position: {line: 10, character: 20}});
  const hoverMs = performance.now() - hoverStarted;
  const memory = rssMB(server.pid);
  connection.dispose();
  server.kill();
  times.sort((a, b) => a - b);
  return {name, layers: (text.match(/"type"/g) ?? []).length, openDiagnostics: first.diagnostics.length, errorsSeen,
    p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], hoverMs, ...memory};
}

/** Replaces the number at `needle`'s first match: a real incremental edit, as typing a digit sends. */
function numberEdit(needle, values) {
  return (text, i) => {
    const match = needle.exec(text);
    const start = match.index + match[0].length - match[1].length;
    const value = String(values[i % values.length]);
    const before = text.slice(0, start);
    const line = before.split('\n').length - 1;
    const character = start - (before.lastIndexOf('\n') + 1);
    return {
      text: before + value + text.slice(start + match[1].length),
      lsp: {range: {start: {line, character}, end: {line, character: character + match[1].length}}, text: value},
    };
  };
}

async function tfjsBaseline(text) {
  const tf = require('@tensorflow/tfjs-core');
  require('@tensorflow/tfjs-backend-cpu');
  const tfl = require('@tensorflow/tfjs-layers');
  await tf.setBackend('cpu');
  const spec = JSON.parse(jsonc.stripComments(text));
  const topology = {class_name: 'Sequential', config: {name: 'm', layers: spec.model.layers.map(({type, ...config}) => ({class_name: type, config}))}};
  const times = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    const model = await tfl.models.modelFromJSON({modelTopology: topology});
    model.layers.forEach((l) => l.outputShape);
    model.dispose();
    if (i >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {p50: percentile(times, 50), p95: percentile(times, 95)};
}

const hundred = hundredLayerSpec();
const results = [
  await session('reference', reference, numberEdit(/"filters": (\d+)/, [32, 33, 16, 64, 31])),
  await session('hundred-layers', hundred, numberEdit(/"units": (\d+)/, [64, 65, 128, 32, 10])),
];
const baselines = [await tfjsBaseline(reference), await tfjsBaseline(hundred)];

console.log(`Language server over LSP (stdio), ${EDITS} timed edits per spec after 10 warm-up edits; edit -> publishDiagnostics:`);
console.log('spec              layers  p50 ms  p95 ms  max ms  p95/target  hover ms  RSS MB  peak MB  RSS/target  TF.js build p95 ms  TF.js/server p95');
results.forEach((r, i) => {
  const b = baselines[i];
  console.log([
    r.name.padEnd(16), String(r.layers).padStart(6), r.p50.toFixed(2).padStart(7), r.p95.toFixed(2).padStart(7), r.max.toFixed(2).padStart(7),
    (r.p95 / TARGET_MS).toFixed(3).padStart(11), r.hoverMs.toFixed(2).padStart(9), r.rss.toFixed(1).padStart(7), r.peak.toFixed(1).padStart(8),
    (r.peak / TARGET_MB).toFixed(2).padStart(11), b.p95.toFixed(2).padStart(19), `${(b.p95 / r.p95).toFixed(1)}x`.padStart(17),
  ].join(' '));
});
console.log(`Targets: p95 < ${TARGET_MS} ms, memory < ${TARGET_MB} MB. ${results.every((r) => r.p95 < TARGET_MS && r.peak < TARGET_MB) ? 'Both met.' : 'NOT MET.'}`);
console.log(`Diagnostics on open: ${results.map((r) => `${r.name} ${r.openDiagnostics}`).join(', ')} (a clean spec has 0).`);
