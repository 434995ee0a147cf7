/**
 * Peak memory of every reader against the legitimate size of what it reads: the reference model
 * (15,955,210 float32 weights) in each format we write, and MNIST-sized data in each data format.
 * Each input is read in a fresh child process; the figure is the resident peak during the read
 * (VmHWM, reset after start-up) minus the resident size before it, divided by the input's
 * legitimate size: the larger of the file and its values as float32 (a reader must hold one of
 * them: a CSV's text is larger than its values, a deflated .npz smaller). The target is about 2.
 *
 *   npm run bench:memory
 */
import {spawnSync} from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {readInput} from '../hostile-inputs/read-input';
import type {Reader} from '../hostile-inputs/cases';
import {idx, makeZip, npyHeader} from '../hostile-inputs/builders';

interface Input {
  label: string;
  reader: Reader;
  file: string;
  /** Its weights or values as float32. */
  legitimate: number;
}

function statusKB(field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]);
}

async function child(reader: Reader, file: string, warmup: string): Promise<void> {
  // Start-up (TensorFlow.js, h5wasm, the reader's modules) is not the reader's cost: read a small
  // input of the same format first.
  await readInput(reader, warmup);
  (globalThis as {gc?: () => void}).gc?.();
  const before = statusKB('VmRSS');
  fs.writeFileSync('/proc/self/clear_refs', '5'); // resets VmHWM to the current resident size
  await readInput(reader, file);
  process.stdout.write(JSON.stringify({beforeKB: before, peakKB: statusKB('VmHWM')}));
}


async function makeInputs(dir: string): Promise<Array<Input & {warmup: string}>> {
  const {initBackend} = await import('../engine/backend');
  const {saveModel, saveTarget} = await import('../formats');
  const {referenceModel} = await import('./reference-model');
  await initBackend('cpu');
  const model = referenceModel();
  const weights = model.countParams() * 4;
  const small = (await import('@tensorflow/tfjs-layers')).sequential({layers: [
    (await import('@tensorflow/tfjs-layers')).layers.dense({inputShape: [4], units: 2}),
  ]});
  const inputs: Array<Input & {warmup: string}> = [];
  for (const [label, reader, name] of [['Keras HDF5', 'hdf5', 'model.h5'], ['Keras .keras', 'keras', 'model.keras'], ['TF.js folder', 'tfjs', 'tfjs']] as const) {
    const file = path.join(dir, name);
    const warmup = path.join(dir, `small-${name}`);
    await saveModel(model, saveTarget(file, {workspaceRoot: dir, includeOptimizer: false}));
    await saveModel(small, saveTarget(warmup, {workspaceRoot: dir, includeOptimizer: false}));
    inputs.push({label: `reference model, ${label}`, reader, file, legitimate: weights, warmup});
  }
  // MNIST-sized data: 60,000 x 28 x 28 values.
  const count = 60000 * 28 * 28;
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) values[i] = (i % 251) / 251;
  const x = Buffer.concat([npyHeader([60000, 28, 28]), Buffer.from(values.buffer)]);
  const tiny = Buffer.concat([npyHeader([2, 2]), Buffer.alloc(16)]);
  fs.writeFileSync(path.join(dir, 'x.npy'), x);
  fs.writeFileSync(path.join(dir, 'tiny.npy'), tiny);
  inputs.push({label: 'x_train, .npy float32', reader: 'npy', file: path.join(dir, 'x.npy'), legitimate: count * 4, warmup: path.join(dir, 'tiny.npy')});
  fs.writeFileSync(path.join(dir, 'x.npz'), makeZip([{name: 'x_train.npy', data: x, method: 8}]));
  fs.writeFileSync(path.join(dir, 'tiny.npz'), makeZip([{name: 'x_train.npy', data: tiny, method: 8}]));
  inputs.push({label: 'x_train, .npz deflated', reader: 'npz', file: path.join(dir, 'x.npz'), legitimate: count * 4, warmup: path.join(dir, 'tiny.npz')});
  const pixels = Buffer.alloc(count);
  for (let i = 0; i < count; i++) pixels[i] = i % 251;
  fs.writeFileSync(path.join(dir, 'x.idx'), idx(0x08, [60000, 28, 28], pixels));
  fs.writeFileSync(path.join(dir, 'tiny.idx'), idx(0x08, [2], Buffer.from([1, 2])));
  // The engine holds IDX bytes as float32 values for training.
  inputs.push({label: 'x_train, IDX uint8', reader: 'idx', file: path.join(dir, 'x.idx'), legitimate: count * 4, warmup: path.join(dir, 'tiny.idx')});
  const rows = 20000;
  const columns = 785;
  const lines = [Array.from({length: columns - 1}, (_, i) => `p${i}`).concat('label').join(',')];
  for (let r = 0; r < rows; r++) lines.push(Array.from({length: columns}, (_, c) => (c === columns - 1 ? String(r % 10) : ((r + c) % 251 / 251).toFixed(4))).join(','));
  fs.writeFileSync(path.join(dir, 'x.csv'), `${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'tiny.csv'), 'a,label\n1,0\n');
  inputs.push({label: `tabular, CSV ${rows} x ${columns}`, reader: 'csv', file: path.join(dir, 'x.csv'), legitimate: rows * columns * 4, warmup: path.join(dir, 'tiny.csv')});
  model.dispose();
  return inputs;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv[3] as Reader, process.argv[4], process.argv[5]);
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-reader-memory-'));
  try {
    const inputs = await makeInputs(dir);
    const rows: string[][] = [];
    for (const input of inputs) {
      const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--child', input.reader, input.file, input.warmup], {encoding: 'utf8', maxBuffer: 1 << 20});
      if (r.status !== 0) throw new Error(`${input.label}: ${r.stderr.split('\n').slice(-5).join(' ')}`);
      const {beforeKB, peakKB} = JSON.parse(r.stdout) as {beforeKB: number; peakKB: number};
      const grownMB = (peakKB - beforeKB) / 1024;
      const fileMB = fs.statSync(input.file).isDirectory()
        ? fs.readdirSync(input.file).reduce((t, f) => t + fs.statSync(path.join(input.file, f)).size, 0) / 2 ** 20
        : fs.statSync(input.file).size / 2 ** 20;
      const legitimateMB = Math.max(input.legitimate / 2 ** 20, fileMB);
      rows.push([input.label, fileMB.toFixed(1), legitimateMB.toFixed(1), grownMB.toFixed(1), (grownMB / legitimateMB).toFixed(2)]);
    }
    const header = ['input', 'file MB', 'legitimate MB', 'peak growth MB', 'ratio'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    process.stdout.write(`Reader peak memory against legitimate size (fresh process each; ${os.cpus().length} cores)\n`);
    process.stdout.write([line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n');
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

void main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
});
