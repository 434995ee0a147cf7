import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {DataError, FormatError, SpecError, WorkbenchError, errorLine, readFailure} from './errors';
import {readUserFile} from './regular-file';

test('one error class: file, field, kind and the problem alone; every part escaped to one line', () => {
  const spec = new SpecError('a.train.json', 'fit.epochs', 'must be >= 1');
  assert.ok(spec instanceof WorkbenchError);
  assert.deepEqual([spec.kind, spec.file, spec.field, spec.problem, spec.message, spec.name],
    ['spec', 'a.train.json', 'fit.epochs', 'must be >= 1', 'a.train.json: fit.epochs: must be >= 1', 'SpecError']);
  const data = new DataError('x\n.npy', "header 'a\x1b[31m'\nnext line");
  assert.equal(data.kind, 'data');
  assert.equal(data.message, "x\\n.npy: header 'a\\x1b[31m'\\nnext line");
  assert.equal(data.problem, "header 'a\\x1b[31m'\\nnext line");
  const save = new FormatError('m.h5', 'cannot be saved: disk full; nothing was written', 'save');
  assert.deepEqual([save.kind, save instanceof FormatError, save.name], ['save', true, 'FormatError']);
});

test('errorLine: ours as they are, anything else attributed to the input, never JavaScript\'s words for a value', () => {
  assert.equal(errorLine(new DataError('x.npy', 'truncated')), 'x.npy: truncated');
  const typeError = new TypeError("Cannot read properties of undefined (reading 'shape')\n    at f (a.js:1:1)");
  assert.equal(errorLine(typeError, 'm.h5'), "m.h5: failed: Cannot read properties of undefined (reading 'shape')");
  assert.equal(errorLine('a plain string'), 'a plain string');
  assert.doesNotMatch(errorLine({code: 7}), /\[object Object\]/);
  const wrapped = readFailure('d.npz', new RangeError('Maximum call stack size exceeded'), 'cannot be read', 'data');
  assert.ok(wrapped instanceof DataError);
  assert.equal(wrapped.message, 'd.npz: cannot be read: its structure nests too deeply');
});

test('readUserFile fails with the reader\'s own error: cannot read, and why in words', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-errors-'));
  try {
    const missing = path.join(dir, 'missing.csv');
    assert.throws(() => readUserFile(missing, (p) => new DataError(missing, p)), (e: Error) =>
      e instanceof DataError && e.message === `${missing}: cannot read: no such file`);
    assert.throws(() => readUserFile(dir, (p) => new FormatError(dir, p)), (e: Error) =>
      e instanceof FormatError && e.message === `${dir}: cannot read: not a regular file but a folder; refusing to read it`);
    fs.writeFileSync(path.join(dir, 'ok.txt'), 'text');
    assert.equal(readUserFile(path.join(dir, 'ok.txt'), (p) => new Error(p), 'utf8'), 'text');
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});
