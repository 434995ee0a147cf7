import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import {gzipDeclaredSize, inflateBounded, inflateCeiling, INFLATE_LIMIT_ENV, jsonDepthExceeds, parseJsonBounded} from './limits';
import {isInsideByRealPath, realPathOf} from './confine';
import {tempDir} from '../test-support/fixtures';

test('inflation stops at the declared size; declared sizes past the ceiling are refused before inflating', () => {
  const data = Buffer.alloc(1 << 20, 7);
  const raw = zlib.deflateRawSync(data);
  const ok = inflateBounded(raw, data.length, 'deflate-raw');
  assert.ok('bytes' in ok && ok.bytes.length === data.length);
  const lie = inflateBounded(raw, 1000, 'deflate-raw');
  assert.ok('problem' in lie && /inflates to more than its declared 1000 bytes/.test(lie.problem));
  const short = inflateBounded(raw, data.length + 5, 'deflate-raw');
  assert.ok('problem' in short && /inflates to 1048576 bytes but declares 1048581/.test(short.problem));
  const bomb = inflateBounded(raw, 3 * 1024 ** 3, 'deflate-raw');
  assert.ok('problem' in bomb && /declares 3072\.0 MiB uncompressed .* \(a decompression bomb\?\)/.test(bomb.problem));
  const gz = zlib.gzipSync(data);
  assert.equal(gzipDeclaredSize(gz), data.length);
  assert.ok('bytes' in inflateBounded(gz, data.length, 'gzip'));
  assert.ok('problem' in inflateBounded(Buffer.from('not deflate at all'), 10, 'deflate-raw'));
});

test('the inflate ceiling: 256 MiB floor, 50x beyond it, overridable', () => {
  assert.equal(inflateCeiling(1000), 256 * 1024 * 1024);
  assert.equal(inflateCeiling(100 * 1024 * 1024), 5000 * 1024 * 1024);
  process.env[INFLATE_LIMIT_ENV] = '1';
  try {
    assert.equal(inflateCeiling(100 * 1024 * 1024), 1024 * 1024);
  } finally {
    delete process.env[INFLATE_LIMIT_ENV];
  }
});

test('JSON depth is measured without recursion, strings and escapes skipped', () => {
  assert.equal(jsonDepthExceeds('['.repeat(600) + ']'.repeat(600)), true);
  assert.equal(jsonDepthExceeds('['.repeat(500) + ']'.repeat(500)), false);
  assert.equal(jsonDepthExceeds(JSON.stringify({a: '['.repeat(5000), b: '\\"[['})), false);
  assert.throws(() => parseJsonBounded('['.repeat(1e6), (p) => new Error(`f.json: ${p}`)), /f\.json: the JSON nests deeper than 512 levels/);
  assert.throws(() => parseJsonBounded('{"a": ', (p) => new Error(`f.json: ${p}`)), /f\.json: the JSON is not valid JSON/);
  assert.deepEqual(parseJsonBounded('{"a": [1]}', (p) => new Error(p)), {a: [1]});
});

test('containment is judged on real paths: links out are outside, links within are inside', () => {
  const root = tempDir();
  const ws = path.join(root, 'ws');
  fs.mkdirSync(path.join(ws, 'sub'), {recursive: true});
  fs.writeFileSync(path.join(root, 'secret'), 's');
  fs.symlinkSync(path.join(root, 'secret'), path.join(ws, 'link-out'));
  fs.symlinkSync(path.join(ws, 'sub'), path.join(ws, 'link-in'));
  fs.symlinkSync(root, path.join(ws, 'dir-out'));
  assert.equal(isInsideByRealPath(ws, path.join(ws, 'sub', 'x')), true);
  assert.equal(isInsideByRealPath(ws, path.join(ws, 'link-in', 'not-yet')), true);
  assert.equal(isInsideByRealPath(ws, path.join(ws, 'link-out')), false);
  assert.equal(isInsideByRealPath(ws, path.join(ws, 'dir-out', 'secret')), false);
  assert.equal(isInsideByRealPath(ws, path.join(ws, '..', 'ws-other')), false);
  assert.equal(realPathOf(path.join(ws, 'link-in', 'a', 'b')), path.join(fs.realpathSync(ws), 'sub', 'a', 'b'));
});
