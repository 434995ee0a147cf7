// Installs the packaged .vsix into a fresh code-server and runs test/e2e with Playwright.
// Usage: node scripts/vscode/run-e2e.mjs [path/to.vsix]
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {ensureCodeServer, installVsix, startCodeServer} from './code-server.mjs';
import {launchBrowser, pipeConsole} from './browser.mjs';
import {makeWorkspace} from './workspace.mjs';
import {packageVsix} from './package.mjs';

const repo = resolve(import.meta.dirname, '..', '..');
const artifacts = join(repo, '.test-artifacts');

export async function runE2e({vsix} = {}) {
  mkdirSync(artifacts, {recursive: true});
  vsix ??= packageVsix();
  const cs = ensureCodeServer();
  const scratch = mkdtempSync(join(tmpdir(), 'kw-e2e-'));
  // The reference model (Conv2D 32/64/128, Dense 256, 16M parameters) for one epoch on the first
  // 6000 MNIST samples: enough for it to classify test sample 788 (a 9) correctly.
  const workspace = makeWorkspace(join(scratch, 'workspace'), {sampleLimit: 6000, epochs: 1});
  const extensionsDir = join(scratch, 'extensions');
  const userDataDir = join(scratch, 'user-data');
  mkdirSync(join(scratch, 'tmp'), {recursive: true});
  installVsix(cs, vsix, {extensionsDir, userDataDir, scratch});
  const server = await startCodeServer(cs, {
    scratch, extensionsDir, logFile: join(artifacts, 'e2e-code-server.log'),
    settings: {'explorer.compactFolders': false, 'workbench.colorTheme': 'Default Dark Modern'},
  });
  let browser;
  const started = Date.now();
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({viewport: {width: 1400, height: 900}});
    pipeConsole(page, '[host]', (t) => /keras|workbench|error/i.test(t) && !/ENOTFOUND|marketplace/i.test(t));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    process.env.KW_ARTIFACTS = artifacts;
    const {trainLoadInspect} = await import(join(repo, 'test', 'e2e', 'train-load.e2e.mjs'));
    const {checkInspector} = await import(join(repo, 'test', 'e2e', 'inspector.e2e.mjs'));
    try {
      const measures = await trainLoadInspect(page, {workspace, spec: 'mnist-cnn.train.json', model: 'mnist-cnn'});
      Object.assign(measures, await checkInspector(page, {artifacts, expectPrediction788: 9, testSetSize: 10000}));
      console.log(`[e2e] passed in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(measures)}`);
      return 0;
    } catch (e) {
      await page.screenshot({path: join(artifacts, 'e2e-failure.png')}).catch(() => undefined);
      console.error(`[e2e] FAILED: ${e.stack ?? e}`);
      return 1;
    }
  } finally {
    await browser?.close().catch(() => undefined);
    server.stop();
    rmSync(scratch, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runE2e({vsix: process.argv[2]}).then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(1);
  });
}
