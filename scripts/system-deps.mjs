// Debian packages the tests need: numpy/h5py (real .npy/.npz and the h5py layout check), Chromium
// (webview and e2e tests), libkrb5-dev (code-server's native module compiles against it), and what
// the Keras 3 and TensorBoard checking kits import (see src/test-support/kits.ts).
// Installed on demand, so `npm test` works on a fresh machine as well as in CI.
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';

const KERAS_KIT_PACKAGES = ['python3-scipy', 'python3-absl', 'python3-rich', 'python3-packaging'];
const TENSORBOARD_KIT_PACKAGES = ['python3-protobuf', 'python3-werkzeug', 'python3-markdown', 'python3-grpcio', 'python3-bleach', 'python3-six'];
export const SYSTEM_PACKAGES = ['python3-numpy', 'python3-h5py', 'chromium', 'libkrb5-dev', ...KERAS_KIT_PACKAGES, ...TENSORBOARD_KIT_PACKAGES];

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
