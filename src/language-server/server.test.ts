/**
 * The language server over LSP, in process: a real server connection and a real client
 * connection over a pair of streams, speaking JSON-RPC as VS Code does.
 */
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {PassThrough} from 'stream';
import {pathToFileURL} from 'url';
import {createConnection} from 'vscode-languageserver/node';
import {
  CodeActionRequest, CompletionRequest, createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  HoverRequest, InitializeRequest, InlayHintRequest, CodeLensRequest, PublishDiagnosticsNotification, PublishDiagnosticsParams,
  StreamMessageReader, StreamMessageWriter, ProtocolConnection, CompletionItem, CodeAction, MarkupContent, Diagnostic,
} from 'vscode-languageserver-protocol/node';
import {runServer} from './server';
import {layerShapes} from '../protocol/language-server';
import {REPO_ROOT, tempDir} from '../test-support/fixtures';

const REFERENCE = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'mnist-cnn.train.json'), 'utf8');
let client: ProtocolConnection;
let root: string;
let uri: string;
let version = 1;
const published: PublishDiagnosticsParams[] = [];
const waiters: Array<(p: PublishDiagnosticsParams) => void> = [];

function nextDiagnostics(): Promise<Diagnostic[]> {
  return new Promise((resolve) => waiters.push((p) => resolve(p.diagnostics)));
}

async function edit(text: string): Promise<Diagnostic[]> {
  const diagnostics = nextDiagnostics();
  await client.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version: ++version}, contentChanges: [{text}]});
  return diagnostics;
}

function positionOf(text: string, needle: string, nth = 0, delta = 1) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return {line, character: at + delta - (before.lastIndexOf('\n') + 1)};
}

before(async () => {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  runServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    waiters.splice(0).forEach((w) => w(p));
  });
  client.listen();
  root = tempDir();
  await client.sendRequest(InitializeRequest.type, {processId: null, rootUri: null, capabilities: {},
    workspaceFolders: [{uri: pathToFileURL(root).href, name: 'ws'}]});
  uri = pathToFileURL(path.join(root, 'mnist-cnn.train.json')).href;
  const diagnostics = nextDiagnostics();
  await client.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'jsonc', version, text: REFERENCE}});
  assert.deepEqual(await diagnostics, []);
});

after(() => client.dispose());

test('diagnostics: a missing Flatten is reported on the Dense, and the quick fix inserts it', async () => {
  const text = REFERENCE.replace(/\n\s*\{"type": "Flatten"\},/, '');
  const diagnostics = await edit(text);
  assert.equal(diagnostics.length, 1);
  const [d] = diagnostics;
  assert.deepEqual(d.range.start, positionOf(text, '"Dense"', 0, 0));
  assert.equal(d.code, 'missing-flatten');
  assert.match(d.message, /^Dense gets \(None, 22, 22, 128\)/);
  const actions = await client.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: d.range, context: {diagnostics}}) as CodeAction[];
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, 'Insert a Flatten layer before this Dense');
  const [change] = actions[0].edit!.changes![uri];
  const lines = text.split('\n');
  lines[change.range.start.line] = lines[change.range.start.line].slice(0, change.range.start.character) + change.newText + lines[change.range.start.line].slice(change.range.start.character);
  assert.equal(lines.join('\n'), REFERENCE);
  assert.deepEqual(await edit(lines.join('\n')), []);
});

test('diagnostics: unknown arguments and layers with did-you-mean fixes; out-of-range values', async () => {
  const text = REFERENCE.replace('"units": 256', '"unitz": 256').replace('"Conv2D", "filters": 64', '"Conv2d", "filters": 64')
    .replace('"batch_size": 150', '"batch_size": 0');
  const diagnostics = await edit(text);
  const messages = diagnostics.map((d) => d.message);
  assert.ok(messages.includes("Dense has no argument 'unitz' (did you mean 'units'?)"), messages.join('\n'));
  assert.ok(messages.includes("unknown Keras layer 'Conv2d' (did you mean 'Conv2D'?)"), messages.join('\n'));
  assert.ok(messages.includes('must be >= 1'), messages.join('\n'));
  const unitz = diagnostics.find((d) => d.message.includes('unitz'))!;
  assert.deepEqual(unitz.range.start, positionOf(text, '"unitz"', 0, 0));
  const [action] = await client.sendRequest(CodeActionRequest.type, {textDocument: {uri}, range: unitz.range, context: {diagnostics: [unitz]}}) as CodeAction[];
  assert.equal(action.edit!.changes![uri][0].newText, '"units"');
  await edit(REFERENCE);
});

test('hover on a layer: output shape, parameters, FLOPs, weight memory', async () => {
  const h = await client.sendRequest(HoverRequest.type, {textDocument: {uri}, position: positionOf(REFERENCE, '"Conv2D"', 0, 3)});
  const value = (h!.contents as MarkupContent).value;
  assert.match(value, /Output shape: `\(None, 26, 26, 32\)` \(input `\(None, 28, 28, 1\)`\)/);
  assert.match(value, /Parameters: 320 \(trainable 320, non-trainable 0\)/);
  assert.match(value, /FLOPs per sample: 389\.4 KFLOPs/);
  assert.match(value, /Weight memory: 1\.3 KiB/);
  const onArg = await client.sendRequest(HoverRequest.type, {textDocument: {uri}, position: positionOf(REFERENCE, '"kernel_size"', 1, 3)});
  assert.match((onArg!.contents as MarkupContent).value, /^\*\*kernel_size\*\* \(Conv2D, required\) — Size of the convolution window/);
});

test('inlay hints and code lenses', async () => {
  const hints = await client.sendRequest(InlayHintRequest.type, {textDocument: {uri}, range: {start: {line: 0, character: 0}, end: {line: 100, character: 0}}});
  assert.deepEqual(hints!.map((h) => h.label), ['→ (None, 26, 26, 32)', '→ (None, 24, 24, 64)', '→ (None, 22, 22, 128)', '→ (None, 61952)', '→ (None, 256)', '→ (None, 10)']);
  const lenses = await client.sendRequest(CodeLensRequest.type, {textDocument: {uri}});
  const titles = lenses!.map((l) => l.command!.title);
  assert.match(titles[0], /^15,955,210 parameters \(15,955,210 trainable\) · 60\.9 MiB of weights · /);
  assert.match(titles[1], /^≈ \d+(–\d+ min| s – \d+ min) per epoch of 48,000 samples \(rough: estimated for \d+ cores?; train once for a measured rate\)$/);
  assert.equal(lenses![2].command!.command, 'kerasWorkbench.trainModel');
  const shapes = await client.sendRequest(layerShapes, {uri});
  assert.equal(shapes.totalParams, 15955210);
  assert.equal(shapes.layers[0].outputShape, '(None, 26, 26, 32)');
});

test('completion: layer types, arguments with defaults, enum values, losses', async () => {
  const typed = REFERENCE.replace('{"type": "Flatten"}', '{"type": "Fla"}');
  await edit(typed);
  const types = await client.sendRequest(CompletionRequest.type, {textDocument: {uri}, position: positionOf(typed, '"Fla"', 0, 4)}) as CompletionItem[];
  assert.ok(types.some((i) => i.label === 'Flatten' && i.textEdit && (i.textEdit as {newText: string}).newText === '"Flatten"'));
  assert.ok(types.some((i) => i.label === 'Conv2D'));
  const withKey = REFERENCE.replace('{"type": "Flatten"}', '{"type": "Dropout", ""}');
  await edit(withKey);
  const args = await client.sendRequest(CompletionRequest.type, {textDocument: {uri}, position: positionOf(withKey, '""}', 0, 1)}) as CompletionItem[];
  const rate = args.find((i) => i.label === 'rate')!;
  assert.equal(rate.detail, 'number, required');
  assert.ok(args.some((i) => i.label === 'seed'));
  const activation = REFERENCE.replace('"activation": "relu", "padding"', '"activation": "", "padding"');
  await edit(activation);
  const values = await client.sendRequest(CompletionRequest.type, {textDocument: {uri}, position: positionOf(activation, '""', 0, 1)}) as CompletionItem[];
  assert.ok(['relu', 'softmax', 'tanh', 'gelu'].every((v) => values.some((i) => i.label === v)));
  const losses = await client.sendRequest(CompletionRequest.type, {textDocument: {uri}, position: positionOf(REFERENCE, '"sparse_categorical_crossentropy"', 0, 2)}) as CompletionItem[];
  assert.ok(losses.some((i) => i.label === 'categorical_crossentropy'));
  await edit(REFERENCE);
});

test('a measured training rate replaces the calibration in the epoch estimate', async () => {
  const {reportTrainingRate} = await import('../protocol/language-server');
  const rate = await client.sendRequest(reportTrainingRate, {specPath: path.join(root, 'mnist-cnn.train.json'), samplesPerSecond: 160, backend: 'wasm'});
  assert.ok(rate && rate.flopsPerSecond > 0);
  const lenses = await client.sendRequest(CodeLensRequest.type, {textDocument: {uri}});
  // The same spec at the measured rate: 48,000 samples / 160 samples/s.
  assert.equal(lenses![1].command!.title, '≈ 5 min 0 s per epoch of 48,000 samples (measured 160 samples/s on wasm)');
  const shapes = await client.sendRequest(layerShapes, {uri});
  assert.equal(shapes.rateSource, 'measured');
  assert.ok(Math.abs(shapes.epochSeconds! - 300) < 1e-6);
});
