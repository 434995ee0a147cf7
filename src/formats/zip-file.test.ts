/**
 * The streaming zip writer and directory reader against independent implementations: fflate
 * (the JS zip library the project used before) and Python's zipfile, which checks every CRC.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import {createHash} from 'crypto';
import {unzipSync, zipSync} from 'fflate';
import {runPython, tempDir} from '../test-support/fixtures';
import {crc32, crc32Portable, extractZipMember, readZipDirectory, readZipMember, writeStoredZip} from './zip-file';

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

test('CRC-32: the portable loop agrees with zlib, also when continued across chunks', () => {
  const data = randomBytes(100_003, 7);
  const whole = crc32Portable(data);
  const native = (zlib as unknown as {crc32?: (d: Uint8Array) => number}).crc32;
  if (native) assert.equal(native(data), whole);
  assert.equal(crc32Portable(data.subarray(50_000), crc32Portable(data.subarray(0, 50_000))), whole);
  assert.equal(crc32(data.subarray(50_000), crc32(data.subarray(0, 50_000))), whole);
  assert.equal(crc32Portable(new TextEncoder().encode('123456789')), 0xcbf43926); // the standard check value
});

test('a stored zip with a streamed file member reads back in fflate, Python zipfile and our reader', () => {
  const dir = tempDir('kw-zip-');
  try {
    const big = randomBytes(3 * 1024 * 1024 + 5, 3); // more than one copy chunk
    const source = path.join(dir, 'big.bin');
    fs.writeFileSync(source, big);
    const small = new TextEncoder().encode('{"a": 1}');
    const zip = path.join(dir, 'x.keras');
    writeStoredZip(zip, [{name: 'metadata.json', bytes: small}, {name: 'model.weights.h5', file: source}]);

    const members = unzipSync(new Uint8Array(fs.readFileSync(zip)));
    assert.deepEqual(Object.keys(members), ['metadata.json', 'model.weights.h5']);
    assert.deepEqual(members['metadata.json'], small);
    assert.ok(Buffer.from(members['model.weights.h5']).equals(Buffer.from(big)));

    const summary = runPython(`import sys, zipfile, hashlib
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(",".join(f"{i.filename}:{i.compress_type}:{hashlib.sha256(z.read(i)).hexdigest()[:16]}" for i in z.infolist()))`, [zip]).trim();
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').slice(0, 16);
    assert.equal(summary, `metadata.json:0:${sha(small)},model.weights.h5:0:${sha(big)}`);

    const entries = readZipDirectory(zip);
    assert.deepEqual(readZipMember(zip, entries.get('metadata.json')!), Buffer.from(small));
    const out = path.join(dir, 'out.bin');
    extractZipMember(zip, entries.get('model.weights.h5')!, out);
    assert.ok(fs.readFileSync(out).equals(Buffer.from(big)));
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

test('deflated members (other writers) are read, and a damaged member is refused by its CRC', () => {
  const dir = tempDir('kw-zip-');
  try {
    const text = new TextEncoder().encode('config '.repeat(1000));
    const zip = path.join(dir, 'deflated.zip');
    fs.writeFileSync(zip, zipSync({'config.json': [text, {level: 6}], 'raw.bin': [randomBytes(4096, 1), {level: 0}]}));
    const entries = readZipDirectory(zip);
    assert.equal(entries.get('config.json')!.method, 8);
    assert.deepEqual(readZipMember(zip, entries.get('config.json')!), Buffer.from(text));

    const bytes = fs.readFileSync(zip);
    const raw = entries.get('raw.bin')!;
    bytes[raw.localHeaderOffset + 30 + 'raw.bin'.length + 100] ^= 0xff;
    const damaged = path.join(dir, 'damaged.zip');
    fs.writeFileSync(damaged, bytes);
    assert.throws(() => extractZipMember(damaged, raw, path.join(dir, 'raw.out')), /raw\.bin is damaged \(CRC-32 mismatch\)/);
    assert.throws(() => readZipDirectory(path.join(dir, 'raw.out')), /no end of central directory/);
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});
