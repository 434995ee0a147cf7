// Runs the mocha suite of test/integration inside a real VS Code extension host (code-server),
// with the extension loaded from this checkout as the development extension.
// Usage: node scripts/vscode/run-integration.mjs [--grep PATTERN]
import * as esbuild from 'esbuild';
import {mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {ensureCodeServer, startCodeServer} from './code-server.mjs';
import {launchBrowser, pipeConsole} from './browser.mjs';
import {makeWorkspace} from './workspace.mjs';

const repo = resolve(import.meta.dirname, '..', '..');
const artifacts = join(repo, '.test-artifacts');
const TIMEOUT_MS = 15 * 60_000;

export async function buildIntegrationTests() {
  const dir = join(repo, 'test', 'integration');
  await esbuild.build({
    entryPoints: readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)),
    outdir: join(repo, 'out', 'test', 'integration'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline',
    external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  return join(repo, 'out', 'test', 'integration', 'index.js');
}

export async function runIntegration({grep} = {}) {
  const testsIndex = await buildIntegrationTests();
  const cs = ensureCodeServer();
  mkdirSync(artifacts, {recursive: true});
  const scratch = mkdtempSync(join(tmpdir(), 'kw-integration-'));
  const workspace = makeWorkspace(join(scratch, 'workspace'));
  if (grep) process.env.KERAS_WORKBENCH_TEST_GREP = grep;
  const server = await startCodeServer(cs, {scratch, logFile: join(artifacts, 'integration-code-server.log')});
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({viewport: {width: 1400, height: 900}});
    pipeConsole(page, '[host]', (t) => t.includes('[measure]') || !/ENOTFOUND|marketplace|telemetry|Failed to load resource|github/i.test(t));
    // A test asks for a screenshot of what the user sees by logging `[screenshot] NAME`.
    page.on('console', (m) => {
      const name = /\[screenshot\] ([\w-]+)/.exec(m.text())?.[1];
      if (name) void page.screenshot({path: join(artifacts, `${name}.png`)}).catch(() => undefined);
    });
    const exit = new Promise((resolveExit) => page.exposeFunction('codeAutomationExit', (code) => resolveExit(code)));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([['extensionDevelopmentPath', remote(repo)], ['extensionTestsPath', remote(testsIndex)]]);
    const started = Date.now();
    // A busy machine loads the workbench slowly; 30 s (the default) is not always enough.
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`, {timeout: 120_000});
    const timeout = new Promise((r) => setTimeout(() => r('timeout'), TIMEOUT_MS).unref());
    const code = await Promise.race([exit, timeout]);
    await page.screenshot({path: join(artifacts, 'integration-end.png')}).catch(() => undefined);
    console.log(`[integration] finished in ${((Date.now() - started) / 1000).toFixed(1)} s with ${code}`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    server.stop();
    rmSync(scratch, {recursive: true, force: true});
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--grep');
  runIntegration({grep: i > 0 ? process.argv[i + 1] : undefined}).then((code) => process.exit(code), (e) => {
    console.error(e);
    process.exit(1);
  });
}
