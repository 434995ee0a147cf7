// The same integration suite through @vscode/test-electron, for machines that can download VS Code
// (the usual way extension authors run it). Here the download host is unreachable: use
// scripts/vscode/run-integration.mjs (code-server) instead, which run-all.mjs does.
// Usage: node scripts/vscode/run-electron.mjs [--version stable|insiders|1.x.y]
import {runTests} from '@vscode/test-electron';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {buildIntegrationTests} from './run-integration.mjs';
import {makeWorkspace} from './workspace.mjs';

const repo = resolve(import.meta.dirname, '..', '..');
const i = process.argv.indexOf('--version');
const version = i > 0 ? process.argv[i + 1] : 'stable';

const testsIndex = await buildIntegrationTests();
const scratch = mkdtempSync(join(tmpdir(), 'kw-electron-'));
const workspace = makeWorkspace(join(scratch, 'workspace'));
let code = 0;
try {
  await runTests({
    version,
    extensionDevelopmentPath: repo,
    extensionTestsPath: testsIndex,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'user-data')],
  });
} catch (e) {
  const message = String(e?.message ?? e);
  if (/ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|getaddrinfo|download/i.test(message)) {
    console.error(`[electron] cannot download VS Code ${version} (${message}). On machines without that access run ` +
      '`node scripts/vscode/run-integration.mjs` (code-server from npm) instead.');
  } else {
    console.error(`[electron] ${message}`);
  }
  code = 1;
} finally {
  rmSync(scratch, {recursive: true, force: true});
}
process.exit(code);
