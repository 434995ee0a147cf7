import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import {readIdx, parseIdx} from './idx';
import {mnistDirectory} from './dataset';
import {tempDir} from '../../test-support/fixtures';

const mnist = (name: string) => path.join(mnistDirectory(), name);

test('reads the real MNIST test images and labels', () => {
  const images = readIdx(mnist('t10k-images-idx3-ubyte'));
  const labels = readIdx(mnist('t10k-labels-idx1-ubyte'));
  assert.deepEqual(images.shape, [10000, 28, 28]);
  assert.deepEqual(labels.shape, [10000]);
  assert.equal(labels.data[788], 9, 'test sample 788 of MNIST is a 9');
  assert.equal(labels.data[0], 7);
  const first = images.data.subarray(0, 784);
  assert.ok(Math.max(...first) === 255 && Math.min(...first) === 0);
});

test('reads gzipped IDX files transparently', () => {
  const dir = tempDir();
  const file = path.join(dir, 'labels.gz');
  fs.writeFileSync(file, zlib.gzipSync(fs.readFileSync(mnist('t10k-labels-idx1-ubyte'))));
  assert.equal(readIdx(file).data[788], 9);
});

test('decodes big-endian multi-byte types', () => {
  const bytes = Buffer.from([0, 0, 0x0c, 1, 0, 0, 0, 2, 0xff, 0xff, 0xff, 0xfe, 0, 0, 1, 0]);
  const parsed = parseIdx(bytes, 'mem.idx');
  assert.deepEqual(Array.from(parsed.data), [-2, 256]);
});

test('a truncated file names the file and the sizes', () => {
  const dir = tempDir();
  const file = path.join(dir, 'short.idx');
  fs.writeFileSync(file, fs.readFileSync(mnist('t10k-labels-idx1-ubyte')).subarray(0, 500));
  assert.throws(() => readIdx(file), (e: Error) => e.message.startsWith(file) && /needs 10008 bytes, file has 500/.test(e.message));
});

test('a file that is not IDX is refused with the reason', () => {
  const dir = tempDir();
  const file = path.join(dir, 'x.idx');
  fs.writeFileSync(file, 'hello world');
  assert.throws(() => readIdx(file), /x\.idx: not an IDX file/);
  fs.writeFileSync(file, Buffer.from([0, 0, 0x42, 1, 0, 0, 0, 1, 0]));
  assert.throws(() => readIdx(file), /unknown IDX data type 0x42/);
  assert.throws(() => readIdx(path.join(dir, 'missing.idx')), /missing\.idx: cannot read/);
});
