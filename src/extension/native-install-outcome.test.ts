import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {describeInstall} from './native-install-outcome';

// Output of a real `npm install @tensorflow/tfjs-node@4.22.0` on a machine that reaches only the
// npm registry (the download host's name replaced by a placeholder).
const OFFLINE = fs.readFileSync('test/fixtures/npm-install-tfjs-node-offline.log', 'utf8').split('\n');

test('a failed libtensorflow download is explained, with its cause', () => {
  const r = describeInstall(1, OFFLINE, '/g/native-backend');
  assert.equal(r.ok, false);
  assert.match(r.message, /downloads the libtensorflow library from outside the npm registry/);
  assert.match(r.message, /Error: getaddrinfo ENOTFOUND LIBTENSORFLOW-HOST/);
  assert.match(r.message, /keeps using the WebAssembly backend/);
});

test('registry failures, a missing npm and success read differently', () => {
  const registry = describeInstall(1, ['npm error code ENOTFOUND', 'npm error network request failed'], '/g');
  assert.match(registry.message, /cannot reach the package registry/);
  assert.match(describeInstall('missing-npm', [], '/g/nb').message, /npm was not found on the PATH.*\/g\/nb/);
  assert.deepEqual(describeInstall(0, [], '/g/nb'), {ok: true, message: 'Installed @tensorflow/tfjs-node@4.22.0 into /g/nb.'});
  assert.match(describeInstall(1, ['npm error something odd'], '/g').message, /failed \(npm error something odd\)/);
});
