/**
 * The numerical oracles in test/fixtures/oracles as (model file, inputs, Keras's outputs)
 * cases, for the tests that compare our loader and stock TensorFlow.js with Keras.
 */
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import {readNpy, toFloat32} from '../engine/data/npy';
import {readKerasHdf5, readKerasWeightsWithTopology} from '../formats/hdf5';
import {readNumericDataset, readStringAttribute, withHdf5, isDataset, type H5Group} from '../formats/hdf5-file';
import type {KerasArtifacts} from '../formats/artifacts';
import {ORACLES} from './fixtures';

export interface Oracle {
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

export interface ModelVariant {
  label: string;
  read: () => Promise<KerasArtifacts>;
}

export interface Case {
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
