/**
 * Every numerical oracle in ../shared/fixtures/oracles: the model file Keras saved (and its
 * split config + weights copy) is loaded, run on the oracle's inputs, and compared with the
 * predictions Keras computed. Set KERAS_ORACLE_REPORT=path to write the result table.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import {initBackend} from '../engine/backend';
import {readNpy, toFloat32} from '../engine/data/npy';
import {modelFromArtifacts} from './index';
import {readKerasHdf5, readKerasWeightsWithTopology} from './hdf5';
import {readNumericDataset, readStringAttribute, withHdf5, isDataset, type H5Group} from './hdf5-file';
import type {KerasArtifacts} from './artifacts';

const ORACLES = path.resolve(__dirname, '../../../shared/fixtures/oracles');

interface Oracle {
  input: {data: Float32Array; shape: number[]};
  expected: {data: Float32Array; shape: number[]};
  /** Absolute tolerance on max |ours - Keras|. */
  tolerance: number;
}

export interface OracleResult {
  caseName: string;
  model: string;
  status: 'loaded' | 'refused';
  detail: string;
  maxAbsError?: number;
  tolerance?: number;
}

async function ioOracle(file: string): Promise<Oracle> {
  return withHdf5(file, (f) => {
    const root = f as unknown as H5Group;
    const inputs = JSON.parse(readStringAttribute(root, 'inputs') ?? '{}').inputs as string[];
    const outputs = JSON.parse(readStringAttribute(root, 'outputs') ?? '{}').outputs as string[];
    assert.equal(inputs.length, 1, `${file}: one input expected`);
    assert.equal(outputs.length, 1, `${file}: one output expected`);
    const read = (p: string) => {
      const ds = root.get(p);
      assert.ok(isDataset(ds), `${file}: missing ${p}`);
      const a = readNumericDataset(ds, file, p);
      return {data: a.data as Float32Array, shape: a.shape};
    };
    const expected = read(`predictions/${outputs[0]}`);
    const maxAbs = expected.data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    return {input: read(`inputs/${inputs[0]}`), expected, tolerance: 1e-5 * Math.max(1, maxAbs)};
  });
}

function textOracle(dir: string): Oracle {
  const numbers = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split(/\s+/).map(Number);
  // Stored channels-first (1, 3, 8, 8); the model takes NHWC.
  const nchw = tf.tensor4d(numbers('cnn_tf_input.txt'), [1, 3, 8, 8]);
  const nhwc = tf.transpose(nchw, [0, 2, 3, 1]);
  const input = {data: nhwc.dataSync() as Float32Array, shape: [1, 8, 8, 3]};
  tf.dispose([nchw, nhwc]);
  return {input, expected: {data: Float32Array.from(numbers('cnn_tf_output.txt')), shape: [1, 3]}, tolerance: 1e-6};
}

function npyOracle(dir: string): Oracle {
  const x = readNpy(path.join(dir, 'input.npy'));
  const y = readNpy(path.join(dir, 'predictions.npy'));
  const expected = toFloat32(y.data);
  const maxAbs = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return {input: {data: toFloat32(x.data), shape: x.shape}, expected: {data: expected, shape: y.shape}, tolerance: 1e-5 * Math.max(1, maxAbs)};
}

interface ModelVariant {
  label: string;
  read: () => Promise<KerasArtifacts>;
}

interface Case {
  caseName: string;
  variants: ModelVariant[];
  oracle: () => Promise<Oracle>;
}

/** Every (model file, oracle) pair in the oracles folder, from the files present. */
export function oracleCases(root = ORACLES): Case[] {
  const cases: Case[] = [];
  for (const caseName of fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort()) {
    const dir = path.join(root, caseName);
    const files = fs.readdirSync(dir);
    if (files.includes('cnn_tf_input.txt')) {
      cases.push({caseName, oracle: async () => textOracle(dir), variants: [
        {label: 'cnn_tf_model.h5', read: () => readKerasHdf5(path.join(dir, 'cnn_tf_model.h5'))},
        {label: 'cnn_tf_config.json + cnn_tf_weights.h5', read: () => readKerasWeightsWithTopology(path.join(dir, 'cnn_tf_weights.h5'), path.join(dir, 'cnn_tf_config.json'))},
      ]});
      continue;
    }
    if (files.includes('predictions.npy')) {
      const model = files.find((f) => f.endsWith('.h5'))!;
      cases.push({caseName, oracle: async () => npyOracle(dir), variants: [{label: model, read: () => readKerasHdf5(path.join(dir, model))}]});
      continue;
    }
    for (const io of files.filter((f) => f.endsWith('_inputs_and_outputs.h5')).sort()) {
      const stem = io.replace(/_inputs_and_outputs\.h5$/, '');
      const variants: ModelVariant[] = [];
      if (files.includes(`${stem}_model.h5`)) variants.push({label: `${stem}_model.h5`, read: () => readKerasHdf5(path.join(dir, `${stem}_model.h5`))});
      if (files.includes(`${stem}_config.json`) && files.includes(`${stem}_weights.h5`)) {
        variants.push({label: `${stem}_config.json + _weights.h5`, read: () => readKerasWeightsWithTopology(path.join(dir, `${stem}_weights.h5`), path.join(dir, `${stem}_config.json`))});
      }
      cases.push({caseName: `${caseName}/${stem}`, oracle: () => ioOracle(path.join(dir, io)), variants});
    }
  }
  return cases;
}

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
  // Nothing in the oracle set needs refusing any more: ReLU's threshold / negative_slope are implemented.
  const refused = results.filter((r) => r.status === 'refused');
  assert.deepEqual(refused, [], 'refused oracle models');
});
