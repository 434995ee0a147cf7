/**
 * Where the time of the inspector's first confusion matrix goes, through the real worker bundle
 * (dist/worker.js, forked as the extension forks it): worker start and backend, model load, the
 * Predictions tab's first requests (test data load, the first page), then Evaluate: the first
 * chunk (prediction plan made and warmed), the rest, and the longest gap between progress events.
 * Each run starts a fresh worker. Usage: node scripts/build.mjs && node --import tsx
 * src/bench/first-evaluation.ts [RUNS]. Not a test.
 */
import {fork} from 'child_process';
import * as path from 'path';
import {createMessageConnection, IPCMessageReader, IPCMessageWriter} from 'vscode-jsonrpc/node';
import {initBackend} from '../engine/backend';
import {referenceMnistModel} from '../engine/inspect/test-model';
import * as msg from '../protocol/messages';

const ROOT = path.join(__dirname, '..', '..');
const RUNS = Number(process.argv[2] ?? 3);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function run(modelPath: string): Promise<void> {
  const t0 = performance.now();
  const child = fork(path.join(ROOT, 'dist', 'worker.js'), [], {silent: true, execArgv: ['--max-old-space-size=4096']});
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    await connection.sendRequest(msg.initialize, {backendPreference: 'auto', workspaceRoots: [ROOT]});
    const started = performance.now();
    const handle = await connection.sendRequest(msg.loadModel, {path: modelPath, compile: true});
    const loaded = performance.now();
    const modelId = handle.modelId;
    await connection.sendRequest(msg.setDataset, {modelId, dataset: {kind: 'mnist'}});
    const data = performance.now();
    await connection.sendRequest(msg.samplePage, {modelId, offset: 0, count: 40, onlyMisclassified: false, topK: 1});
    const page = performance.now();
    const events: number[] = [];
    connection.onNotification(msg.evaluateProgress, () => void events.push(performance.now()));
    const clicked = performance.now();
    const r = await connection.sendRequest(msg.evaluate, {modelId});
    const done = performance.now();
    const firstChunk = (events.find((_, i) => i > 0) ?? done) - clicked;
    let gap = 0;
    for (let i = 1; i < events.length; i++) gap = Math.max(gap, events[i]! - events[i - 1]!);
    console.log(`worker start + backend ${s(started - t0)} · load model ${s(loaded - started)} · test data ${s(data - loaded)} · first page ${s(page - data)} · ` +
      `Evaluate -> confusion matrix ${s(done - clicked)} (first chunk ${s(firstChunk)}, longest gap between progress events ${s(gap)}; ` +
      `${r.count} samples, accuracy ${(r.accuracy * 100).toFixed(2)}%)`);
  } finally {
    connection.dispose();
    child.kill();
  }
}

async function main(): Promise<void> {
  await initBackend('auto');
  await referenceMnistModel(path.join(ROOT, '.cache', 'inspector'));
  const modelPath = path.join(ROOT, '.cache', 'inspector', 'reference-mnist-cnn-600');
  for (let i = 0; i < RUNS; i++) await run(modelPath);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
