/** What an `npm install @tensorflow/tfjs-node` run means for the user (no vscode import: unit-tested). */

/** Must match the tfjs-core version the worker loads. */
export const NATIVE_PACKAGE = '@tensorflow/tfjs-node@4.22.0';

export interface InstallOutcome {
  ok: boolean;
  message: string;
}

/** Turns npm's exit and output into a message a person can act on. */
export function describeInstall(code: number | 'missing-npm' | 'cancelled', output: string[], dir: string): InstallOutcome {
  if (code === 0) return {ok: true, message: `Installed ${NATIVE_PACKAGE} into ${dir}.`};
  if (code === 'cancelled') return {ok: false, message: 'Installation of the native backend was cancelled.'};
  if (code === 'missing-npm') {
    return {ok: false, message: `npm was not found on the PATH. Install Node.js (with npm), or run "npm install ${NATIVE_PACKAGE}" in ${dir}.`};
  }
  const text = output.join('\n');
  const cause = output.find((l) => /^\s*Error: /.test(l))?.trim() ?? output.filter((l) => l.trim()).slice(-1)[0]?.trim() ?? `exit code ${code}`;
  const fallback = 'Training keeps using the WebAssembly backend.';
  if (/Downloading libtensorflow/i.test(text)) {
    return {ok: false, message: 'The native backend could not be installed: its install step downloads the libtensorflow ' +
      `library from outside the npm registry, and that download failed (${cause}). ${fallback}`};
  }
  if (/npm error (code )?(ENOTFOUND|ETIMEDOUT|ECONNREFUSED|ECONNRESET|EAI_AGAIN)|npm error network/i.test(text)) {
    return {ok: false, message: `The native backend could not be installed: npm cannot reach the package registry (${cause}). ${fallback}`};
  }
  return {ok: false, message: `npm install ${NATIVE_PACKAGE} failed (${cause}). ${fallback}`};
}
