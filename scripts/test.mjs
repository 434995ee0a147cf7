// `npm test`: everything CI checks, in order of cost: types, bundles, unit tests next to the
// code, then the suites that drive a real VS Code (code-server) and a real browser.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {ensureSystemPackages} from './system-deps.mjs';

const started = Date.now();
const stages = [
  ['typecheck', ['node_modules/typescript/bin/tsc', '-p', '.']],
  ['lint (oxlint, .oxlintrc.json)', ['node_modules/oxlint/bin/oxlint']],
  ['build', ['scripts/build.mjs']],
  ['unit tests', ['scripts/run-unit-tests.mjs']],
  ['VS Code integration and end-to-end tests', ['scripts/vscode/run-all.mjs']],
  ['inspector webview in headless Chromium', ['--import', 'tsx', '--test', 'test/e2e/inspector-webview.test.ts']],
  ['run comparison webview in headless Chromium', ['--import', 'tsx', '--test', 'test/e2e/runs-webview.test.ts']],
];

ensureSystemPackages();
for (const [name, args] of stages) {
  const entry = args.find((a) => !a.startsWith('-') && a !== 'tsx');
  if (!existsSync(entry)) {
    console.log(`\n=== ${name}: skipped (${entry} not present)`);
    continue;
  }
  console.log(`\n=== ${name}`);
  const t = Date.now();
  const r = spawnSync(process.execPath, args, {stdio: 'inherit'});
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}
console.log(`\nAll test stages passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
