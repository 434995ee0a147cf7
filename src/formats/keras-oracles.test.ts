/**
 * Every numerical oracle in test/fixtures/oracles: the model file Keras saved (and its
 * split config + weights copy) is loaded, run on the oracle's inputs, and compared with the
 * predictions Keras computed. Set KERAS_ORACLE_REPORT=path to write the result table.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import {modelFromArtifacts} from './index';
import type {KerasArtifacts} from './artifacts';
import {oracleCases, type Oracle, type OracleResult} from '../test-support/oracles';

async function predict(artifacts: KerasArtifacts, file: string, input: Oracle['input']): Promise<Float32Array> {
  const model = await modelFromArtifacts(artifacts, file, {compile: false});
  const x = tf.tensor(input.data, input.shape);
  const y = model.predict(x) as tf.Tensor;
  const out = (await y.data()) as Float32Array;
  tf.dispose([x, y]);
  model.dispose();
  return out;
}

export async function runOracles(): Promise<OracleResult[]> {
  const results: OracleResult[] = [];
  for (const c of oracleCases()) {
    const oracle = await c.oracle();
    for (const v of c.variants) {
      let artifacts: KerasArtifacts;
      try {
        artifacts = await v.read();
      } catch (e) {
        results.push({caseName: c.caseName, model: v.label, status: 'refused', detail: (e as Error).message});
        continue;
      }
      const ours = await predict(artifacts, v.label, oracle.input);
      assert.equal(ours.length, oracle.expected.data.length, `${c.caseName} ${v.label}: output size`);
      let maxAbsError = 0;
      ours.forEach((o, i) => (maxAbsError = Math.max(maxAbsError, Math.abs(o - oracle.expected.data[i]))));
      results.push({caseName: c.caseName, model: v.label, status: 'loaded', detail: '', maxAbsError, tolerance: oracle.tolerance});
    }
  }
  return results;
}

test('every oracle model reproduces Keras predictions within its tolerance, or is refused with a reason', async () => {
  await initBackend('cpu');
  const results = await runOracles();
  if (process.env.KERAS_ORACLE_REPORT) fs.writeFileSync(process.env.KERAS_ORACLE_REPORT, JSON.stringify(results, null, 1));
  assert.ok(results.length >= 2 * (1 + 1 + 1 + 8 + 48 + 1) + 1, `expected every case, got ${results.length}`);
  const failures = results.filter((r) => r.status === 'loaded' && !(r.maxAbsError! <= r.tolerance!));
  assert.deepEqual(failures, [], 'predictions beyond tolerance');
  // Nothing in the oracle set is refused (ReLU's threshold and negative_slope included).
  const refused = results.filter((r) => r.status === 'refused');
  assert.deepEqual(refused, [], 'refused oracle models');
});
