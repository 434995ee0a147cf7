import {test} from 'node:test';
import assert from 'node:assert/strict';
import {crc32, inflateSync} from 'node:zlib';
import {encodePng, pngDataUrl} from './png';

/** Reads the chunks of a PNG, checking each CRC with zlib's own implementation. */
function parse(png: Buffer): {chunks: Array<{type: string; data: Buffer}>} {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = [];
  let at = 8;
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    assert.equal(png.readUInt32BE(at + 8 + len), crc32(png.subarray(at + 4, at + 8 + len)), `CRC of ${type}`);
    chunks.push({type, data});
    at += 12 + len;
  }
  return {chunks};
}

test('greyscale PNG round-trips through zlib with valid CRCs', () => {
  const w = 5, h = 3;
  const px = Uint8Array.from({length: w * h}, (_, i) => i * 17);
  const {chunks} = parse(encodePng(w, h, px, 1));
  assert.deepEqual(chunks.map((c) => c.type), ['IHDR', 'IDAT', 'IEND']);
  const ihdr = chunks[0]!.data;
  assert.equal(ihdr.readUInt32BE(0), w);
  assert.equal(ihdr.readUInt32BE(4), h);
  assert.equal(ihdr[8], 8);
  assert.equal(ihdr[9], 0);
  const raw = inflateSync(chunks[1]!.data);
  assert.equal(raw.length, (w + 1) * h);
  for (let y = 0; y < h; y++) {
    assert.equal(raw[y * (w + 1)], 0, 'filter byte');
    assert.deepEqual([...raw.subarray(y * (w + 1) + 1, (y + 1) * (w + 1))], [...px.subarray(y * w, (y + 1) * w)]);
  }
});

test('RGB PNG has colour type 2 and the data URL prefix', () => {
  const px = new Uint8Array(2 * 2 * 3).fill(200);
  const {chunks} = parse(encodePng(2, 2, px, 3));
  assert.equal(chunks[0]!.data[9], 2);
  assert.match(pngDataUrl(2, 2, px, 3), /^data:image\/png;base64,iVBORw0KGgo/);
});

test('a pixel buffer of the wrong size is refused', () => {
  assert.throws(() => encodePng(4, 4, new Uint8Array(10), 1), /expected 16 bytes/);
});
