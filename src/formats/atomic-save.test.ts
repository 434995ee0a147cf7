import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {scratchFolder, writeAtomically} from './atomic-save';
import {tempDir} from '../test-support/fixtures';

test('scratch folders of processes that are gone are removed when the next one is made', () => {
  const stale = path.join(os.tmpdir(), 'keras-workbench-999999-stale');
  fs.mkdirSync(stale, {recursive: true});
  fs.writeFileSync(path.join(stale, 'model.weights.h5'), 'unpacked member');
  const scratch = scratchFolder();
  assert.equal(fs.existsSync(stale), false);
  assert.ok(path.basename(scratch.dir).startsWith(`keras-workbench-${process.pid}-`));
  scratch.remove();
  assert.equal(fs.existsSync(scratch.dir), false);
});

test('two saves of one path in one process take turns; each finds the other\'s result complete', async () => {
  const dir = tempDir();
  const target = path.join(dir, 'm.bin');
  const order: string[] = [];
  const save = (text: string) => writeAtomically(target, async (tmp) => {
    order.push(`start ${text}`);
    fs.writeFileSync(tmp, text);
    await new Promise((r) => setTimeout(r, 30));
    order.push(`end ${text}`);
  });
  await Promise.all([save('first'), save('second')]);
  assert.deepEqual(order, ['start first', 'end first', 'start second', 'end second']);
  assert.equal(fs.readFileSync(target, 'utf8'), 'second');
  assert.deepEqual(fs.readdirSync(dir), ['m.bin']);
});

test('a failed write names the target and its cause; the old file stays', async () => {
  const dir = tempDir();
  const target = path.join(dir, 'm.bin');
  fs.writeFileSync(target, 'old');
  await assert.rejects(writeAtomically(target, async () => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'});
  }), new RegExp(`^FormatError: ${target.replace(/[.]/g, '\\.')}: cannot be saved: disk full \\(no space left on device\\); the model that was there is unchanged$`));
  assert.equal(fs.readFileSync(target, 'utf8'), 'old');
  assert.deepEqual(fs.readdirSync(dir), ['m.bin']);
});
