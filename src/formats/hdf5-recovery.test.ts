/**
 * Fuzz findings in the HDF5 reader (scripts/fuzz-readers.mjs --seed 7 / --seed 1): a damaged
 * global heap that made HDF5 loop forever or call abort(), and the wrapper's recovery when
 * h5wasm's WebAssembly instance aborted: the next HDF5 read in the same process still works.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {KERAS_FIXTURES, tempDir} from '../test-support/fixtures';
import {globalHeapProblem, h5wasm, readStringAttribute, withHdf5} from './hdf5-file';
import {FormatError, readFailure} from '../common/errors';

const GOOD = path.join(KERAS_FIXTURES, 'h5/tfkeras2.4.0_functional_embedding_conv1d_with_optimizer.hdf5');
const SEQ = path.join(KERAS_FIXTURES, 'h5/keras2.1.3_seq_embedding_lstm.h5');

/** Fuzz input seed 1 #263: 449 donor bytes over GOOD's global heap; h5wasm aborts reading model_config. */
const ABORTING_PATCH = {at: 4617, base64: 'Ol5wzr1IknS8vVmivE5sArwdD2k9U6NZvcOu7LzWTik9qdqKPVtcezxVzqG9CskwvWTlSDsZ9528t0QHvYEQFb0/J9E8vg+RvduJ171kfeW9orQkve21jL7huee9K28WuwfYGb2XOds8MwakvT43gjyJVYO9ag/MvXACDj0+9Kc9fGLiPK9Gnz2B0Sg9UMKEPRlPBb3YNVG9B3PuOhT8yb3kd/e98KGpPdGSx73skaC9IL7APcclHDycXIc7U/bDva+stz3RNDo9zwg0vajvDTxjVIC80VccPYyvOb2P0sm8GRi6vR2gnL2867w8FlBnPG1PsD3qAAY+/YsBPvS3wD02MTe9PligPfi/1jr6+B49oE5RvE0Qmb2q3IM8mBekPGhw4bxeBLu9/WYGPe0Uyr1hzOk81BkePeNUSL2aWQi974oSvEHQkTw6d6w8so8YPejEoTtcJT29FYnnvIoIrD1gtZU8c6QQvtdNfbzUl1w9Q48ZvcXa+b0G3ro8I0UOvFwxqb3d14W9lwYcu/1Vu71VHFK9JjcuvW8ZiruP4ZO9zrCLvHWNaz38DfY5dPqFvW/W9DyNk/S9Ed31Pb+4rr0='};

function patched(source: string, at: number, bytes: Buffer, name: string): string {
  const data = fs.readFileSync(source);
  bytes.copy(data, at);
  const file = path.join(tempDir('kw-h5-recovery-'), name);
  fs.writeFileSync(file, data);
  return file;
}

const backendOf = (f: string) => withHdf5(f, (h) => readStringAttribute(h, 'backend'));

test('a global heap whose free space has size 0 (HDF5 loops forever on it) is refused at once, named', async () => {
  const data = fs.readFileSync(SEQ);
  const heap = data.indexOf('GCOL');
  // The free-space object (index 0) is the last object; zero its size.
  const file = patched(SEQ, heap + 1760 + 8, Buffer.alloc(8), 'zero-free-space.h5');
  assert.equal(globalHeapProblem(SEQ), undefined);
  await h5wasm(); // loaded before the clock starts
  const started = Date.now();
  await assert.rejects(backendOf(file), (e: Error) => e instanceof FormatError && e.message.startsWith(file) &&
    /global heap at byte \d+ is damaged \(free space of size 0/.test(e.message) && !e.message.includes('\n'));
  assert.ok(Date.now() - started < 5000);
});

test('the aborting fuzz input is refused by the global heap check before h5wasm reads it', async () => {
  const file = patched(GOOD, ABORTING_PATCH.at, Buffer.from(ABORTING_PATCH.base64, 'base64'), 'abort.hdf5');
  await assert.rejects(backendOf(file), /global heap at byte 2048 is damaged \(object \d+ at offset 2664 declares/);
  assert.equal(await backendOf(GOOD), 'tensorflow');
});

test('after h5wasm aborted inside a read, the next HDF5 read in the same process gets a fresh instance and works', async () => {
  // Whether a damaged file makes HDF5 abort depends on the machine (some aborts come from a
  // failed memory growth), so the abort here is one HDF5's allocator always makes: freeing a
  // pointer it never gave out calls the C library's real abort(), inside withHdf5.
  const before = (await h5wasm()).Module;
  await assert.rejects(withHdf5(GOOD, async () => {
    const h5 = await h5wasm();
    (h5.Module as unknown as {_free(pointer: number): void})._free(8);
  }), /Aborted\(native code called abort\(\)\)/);
  assert.equal(await backendOf(GOOD), 'tensorflow');
  assert.notEqual((await h5wasm()).Module, before, 'a fresh WebAssembly instance');
  assert.equal(await backendOf(SEQ), 'tensorflow');
});

test('an abort reaching the user is one line naming the file, not the WebAssembly runtime text', () => {
  const error = readFailure('m.h5', new Error('Aborted(native code called abort())'));
  assert.equal(error.message, 'm.h5: cannot be read: the HDF5 library aborted on its damaged structure');
});
