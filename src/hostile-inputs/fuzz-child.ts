/**
 * The fuzz run's reader process (scripts/fuzz-readers.mjs forks it): reads each input it is sent
 * and answers how the reader ended. A hang or a crash of this process is the parent's finding.
 */
import {isCleanError, readInput} from './read-input';
import type {Reader} from './cases';
import {initBackend} from '../engine/backend';
import {h5wasm} from '../formats/hdf5-file';

process.on('message', async (m: {id: number; reader: Reader; file: string}) => {
  let outcome: {id: number; result: 'accepted' | 'clean' | 'wrapped' | 'unclean'; message?: string; name?: string; cause?: string; warnings?: number};
  try {
    const warnings = await readInput(m.reader, m.file);
    outcome = {id: m.id, result: 'accepted', warnings: warnings.length};
  } catch (e) {
    const error = e as Error;
    // 'wrapped': one clean line for the user, but a library error (TypeError...) got that far.
    const cause = (error as {cause?: unknown})?.cause;
    const result = !isCleanError(e) ? 'unclean' : cause !== undefined && !isCleanError(cause) ? 'wrapped' : 'clean';
    outcome = {id: m.id, result, name: error?.name, message: String(error?.message ?? e).slice(0, 300),
      ...(result === 'wrapped' ? {cause: String((cause as Error)?.message ?? cause).slice(0, 300)} : {})};
  }
  process.send!({...outcome, rssMB: process.memoryUsage().rss / 1024 / 1024});
});
// Warm up (backend, h5wasm) before saying ready: the per-input clock measures reads only.
void (async () => {
  await initBackend('cpu');
  await h5wasm();
  process.send!({ready: true});
})();
