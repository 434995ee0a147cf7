import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import {parseCsv, readCsv, splitLabel} from './csv';
import {tempDir} from '../../test-support/fixtures';

test('reads a CSV with a header and picks the label column by name', () => {
  const t = parseCsv('a,b,species\n1,2,0\n3,"4",1\n', 'iris.csv');
  assert.deepEqual(t.columns, ['a', 'b', 'species']);
  const {x, y, features} = splitLabel(t, 'species', 'iris.csv');
  assert.deepEqual(Array.from(x), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(y), [0, 1]);
  assert.deepEqual(features, ['a', 'b']);
});

test('a CSV without a header takes the last column as the label', () => {
  const t = parseCsv('0.5,1,2\r\n1.5,3,4\r\n', 'plain.csv');
  assert.equal(t.rows, 2);
  assert.deepEqual(Array.from(splitLabel(t, undefined, 'plain.csv').y), [2, 4]);
});

test('malformed CSV files name the file, line and column', () => {
  assert.throws(() => parseCsv('a,b\n1,2\n3\n', 'f.csv'), /f\.csv: line 3 has 1 values, expected 2/);
  assert.throws(() => parseCsv('a,b\n1,x\n', 'f.csv'), /f\.csv: line 2, column 'b': 'x' is not a decimal number/);
  assert.throws(() => parseCsv('\n\n', 'f.csv'), /f\.csv: the CSV file is empty/);
  assert.throws(() => splitLabel(parseCsv('a,b\n1,2\n', 'f.csv'), 'c', 'f.csv'), /label column 'c' not found; columns: a, b/);
  const dir = tempDir();
  assert.throws(() => readCsv(path.join(dir, 'none.csv')), /none\.csv: cannot read/);
  fs.writeFileSync(path.join(dir, 'only-header.csv'), 'a,b\n');
  assert.throws(() => readCsv(path.join(dir, 'only-header.csv')), /header but no data rows/);
});
