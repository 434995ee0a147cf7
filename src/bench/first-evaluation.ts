/**
 * Where the time of the inspector's first confusion matrix goes, through the real worker bundle
 * (dist/worker.js, forked as the extension forks it): worker start and backend, model load, the
 * Predictions tab's first requests (test data load, the first page), then Evaluate: the first
 * chunk (prediction plan made and warmed), the rest, and the longest gap between progress events.
 * Each run starts a fresh worker. The time depends on the weights (the first Dense skips zero
 * inputs, and a trained model has more of them): MODEL is the model to evaluate, by default the
 * main job's (models/mnist-cnn) when it is there, else (or when MODEL is `initial`) the reference
 * CNN as initialised. Usage: node scripts/build.mjs && node --import tsx
 * src/bench/first-evaluation.ts [RUNS] [MODEL|initial]. Not a test.
 */
import {fork} from 'child_process';
import * as path from 'path';
import {createMessageConnection, IPCMessageReader, IPCMessageWriter} from 'vscode-jsonrpc/node';
import * as fs from 'fs';
import * as os from 'os';
import {initBackend} from '../engine/backend';
import {saveModel, saveTarget} from '../formats';
import * as msg from '../protocol/messages';
import {referenceModel} from './reference-model';

const ROOT = path.join(__dirname, '..', '..');
const RUNS = Number(process.argv[2] ?? 3);
/** The model the README's main job trains and saves. */
const MAIN_JOB_MODEL = path.join(ROOT, 'models', 'mnist-cnn');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * CPU seconds the worker process has used (all its threads, /proc's utime + stime): on a busy
 * machine wall time says how long the user waited, CPU time what each phase costs.
 */
/** The worker's peak resident memory (MB). */
function peakMegabytes(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.match(/\d+/)?.[0] ?? 0) / 1024);
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function run(modelPath: string): Promise<void> {
  const t0 = performance.now();
  const child = fork(path.join(ROOT, 'dist', 'worker.js'), [], {silent: true, execArgv: ['--max-old-space-size=4096']});
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    await connection.sendRequest(msg.initialize, {backendPreference: 'auto', workspaceRoots: [os.tmpdir()]});
    const cpu = [cpuSeconds(child.pid!)];
    const started = performance.now();
    const handle = await connection.sendRequest(msg.loadModel, {path: modelPath, compile: true});
    const loaded = performance.now();
    cpu.push(cpuSeconds(child.pid!));
    const modelId = handle.modelId;
    await connection.sendRequest(msg.setDataset, {modelId, dataset: {kind: 'mnist'}});
    const data = performance.now();
    cpu.push(cpuSeconds(child.pid!));
    await connection.sendRequest(msg.samplePage, {modelId, offset: 0, count: 40, onlyMisclassified: false, topK: 1});
    const page = performance.now();
    cpu.push(cpuSeconds(child.pid!));
    const events: number[] = [];
    connection.onNotification(msg.evaluateProgress, () => void events.push(performance.now()));
    const clicked = performance.now();
    const r = await connection.sendRequest(msg.evaluate, {modelId});
    const done = performance.now();
    cpu.push(cpuSeconds(child.pid!));
    const peak = peakMegabytes(child.pid!);
    const used = (i: number) => `${(cpu[i + 1]! - cpu[i]!).toFixed(2)} s CPU`;
    const firstChunk = (events.find((_, i) => i > 0) ?? done) - clicked;
    let gap = 0;
    for (let i = 1; i < events.length; i++) gap = Math.max(gap, events[i]! - events[i - 1]!);
    console.log(`worker start + backend ${s(started - t0)} (${cpu[0]!.toFixed(2)} s CPU) · load model ${s(loaded - started)} (${used(0)}) · ` +
      `test data ${s(data - loaded)} (${used(1)}) · first page ${s(page - data)} (${used(2)}) · ` +
      `Evaluate -> confusion matrix ${s(done - clicked)} (${used(3)}; first chunk ${s(firstChunk)}, longest gap between progress events ${s(gap)}; ` +
      `${r.count} samples, accuracy ${(r.accuracy * 100).toFixed(2)}%) · worker peak ${peak} MB`);
  } finally {
    connection.dispose();
    child.kill();
  }
}

async function main(): Promise<void> {
  await initBackend('auto');
  const asked = process.argv[3];
  const given = asked === 'initial' ? undefined : asked ?? (fs.existsSync(MAIN_JOB_MODEL) ? MAIN_JOB_MODEL : undefined);
  if (given) {
    console.log(`model: ${given}`);
    for (let i = 0; i < RUNS; i++) await run(path.resolve(given));
    return;
  }
  // The reference CNN (its weights as initialised), compiled as the spec compiles it.
  console.log('model: the reference CNN as initialised');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-first-evaluation-'));
  const modelPath = path.join(dir, 'mnist-cnn');
  const model = referenceModel();
  model.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy']});
  await saveModel(model, saveTarget(modelPath, {format: 'tfjs', workspaceRoot: dir}));
  try {
    for (let i = 0; i < RUNS; i++) await run(modelPath);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
