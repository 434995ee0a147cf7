// The layout is the architecture: floors from shared helpers up to the processes, each importing
// only its own floor and those below. This test reads every module's imports and fails on one
// that reaches up (tests, benchmarks and test tooling may import anything).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** Lowest first. A process (the last floor) may import every floor below it, never another process. */
const FLOORS: readonly (readonly string[])[] = [
  ['src/common'],                 // errors, one-line messages, confinement, regular files, limits
  ['src/keras'],                  // what Keras means on TensorFlow.js: configs, layers, catalog, shape analysis
  ['src/formats'],                // bytes and files: HDF5, zip, TF.js folders, SavedModel, atomic saves
  ['src/protocol'],               // the typed messages between processes, and the values they carry
  ['src/engine'],                 // training, sessions, data, export; no vscode
  ['src/cli', 'src/worker', 'src/language-server', 'src/extension', 'webview'],
];
/** Tooling beside the product: imports anything, imported by no product module. */
const TOOLING = ['src/test-support', 'src/hostile-inputs', 'src/bench'];

function folderOf(file: string): {floor: number; folder: string} | undefined {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  for (let floor = 0; floor < FLOORS.length; floor++) {
    const folder = FLOORS[floor].find((f) => rel === f || rel.startsWith(`${f}/`));
    if (folder) return {floor, folder};
  }
  return undefined;
}

function modules(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) modules(p, out);
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name)) out.push(p);
  }
  return out;
}

function relativeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => path.resolve(path.dirname(file), m[1]));
}

test('no module imports a floor above its own, another process or test tooling', () => {
  const problems: string[] = [];
  for (const file of [...modules(path.join(ROOT, 'src')), ...modules(path.join(ROOT, 'webview'))]) {
    const from = folderOf(file);
    if (!from) continue;
    for (const target of relativeImports(file)) {
      const rel = path.relative(ROOT, target);
      const to = folderOf(target);
      const where = `${path.relative(ROOT, file)} imports ${rel}`;
      if (TOOLING.some((t) => rel.startsWith(t))) problems.push(`${where} (test tooling)`);
      else if (!to) continue;
      else if (to.floor > from.floor) problems.push(`${where} (${to.folder} is above ${from.folder})`);
      else if (to.floor === FLOORS.length - 1 && to.folder !== from.folder) problems.push(`${where} (another process)`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every folder of src is on a floor or is tooling', () => {
  const folders = fs.readdirSync(path.join(ROOT, 'src'), {withFileTypes: true}).filter((e) => e.isDirectory()).map((e) => `src/${e.name}`);
  const placed = new Set([...FLOORS.flat(), ...TOOLING]);
  assert.deepEqual(folders.filter((f) => !placed.has(f)), []);
});
