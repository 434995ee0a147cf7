// Debian packages the tests need: numpy/h5py (real .npy/.npz and the h5py layout check), Chromium
// (webview and e2e tests), libkrb5-dev (code-server's native module compiles against it).
// Installed on demand, so `npm test` works on a fresh machine as well as in CI.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

export const SYSTEM_PACKAGES = ['python3-numpy', 'python3-h5py', 'chromium', 'libkrb5-dev'];

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], {encoding: 'utf8'});
  return r.status === 0 && r.stdout.includes('install ok installed');
}

export function ensureSystemPackages(packages = SYSTEM_PACKAGES) {
  if (!existsSync('/usr/bin/apt-get')) return;
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.warn(`[deps] missing Debian packages: ${missing.join(' ')} (run: sudo apt-get install -y ${missing.join(' ')})`);
    return;
  }
  console.log(`[deps] installing ${missing.join(' ')}`);
  const env = {...process.env, DEBIAN_FRONTEND: 'noninteractive'};
  execFileSync('apt-get', ['update', '-qq'], {stdio: 'inherit', env});
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {stdio: 'inherit', env});
}

if (import.meta.url === `file://${process.argv[1]}`) ensureSystemPackages();
