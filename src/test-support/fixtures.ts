/** Paths and helpers shared by unit tests: the repository's fixtures, temp folders, Debian's numpy. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {execFileSync} from 'child_process';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Real Keras files and Keras's own predictions, carried by the repository (provenance and licences in its README). */
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const KERAS_FIXTURES = path.join(FIXTURES, 'keras');
export const ORACLES = path.join(FIXTURES, 'oracles');

/** Every fixture entry as `kind/name` (kind: h5, keras3, savedmodel, tfjs...), sorted; a folder model is one entry. */
export function fixtureEntries(): string[] {
  const out: string[] = [];
  for (const kind of fs.readdirSync(KERAS_FIXTURES).sort()) {
    const dir = path.join(KERAS_FIXTURES, kind);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) out.push(`${kind}/${name}`);
  }
  return out;
}

export function tempDir(prefix = 'kw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Whether this process runs as root (CI does): only root may mount a tmpfs or is unaffected by read-only modes. */
export const IS_ROOT = process.getuid?.() === 0;

/** Whether this process may mount a tmpfs (root with CAP_SYS_ADMIN, as on CI; not in an unprivileged container). */
export function canMountTmpfs(): boolean {
  if (!IS_ROOT) return false;
  const probe = tempDir('kw-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], {stdio: 'ignore'});
    execFileSync('umount', [probe], {stdio: 'ignore'});
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, {recursive: true, force: true});
  }
}

/** Debian's python3 (with numpy and h5py from apt), not whatever python3 is first on PATH. */
export const SYSTEM_PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export function runPython(script: string, args: string[] = []): string {
  return execFileSync(SYSTEM_PYTHON, ['-c', script, ...args], {encoding: 'utf8'});
}

export function hasPythonModule(name: string): boolean {
  try {
    runPython(`import ${name}`);
    return true;
  } catch {
    return false;
  }
}
