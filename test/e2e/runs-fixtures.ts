/**
 * Run records for the comparison tests and benchmark, written with the record writer into a real
 * runs folder: learning curves that fall like a small CNN's on MNIST (deterministic per seed),
 * hyperparameters that differ in the learning rate, batch size and optimizer, and a 10-class
 * confusion matrix of 1,000 test samples.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {writeRunFile, type RunRecord} from '../../src/formats/runs';

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SampleRun {
  id: string;
  learningRate: number;
  batchSize: number;
  optimizer: string;
}

const OPTIMIZERS = ['adam', 'sgd', 'rmsprop'];

export function sampleRecord(workspace: string, i: number, epochs: number, start = Date.UTC(2026, 11, 6, 9, 0, 0)): RunRecord {
  const rand = random(1234 + i * 7919);
  const learningRate = [0.001, 0.003, 0.01, 0.0003][i % 4]!;
  const batchSize = [32, 64, 128][i % 3]!;
  const optimizer = OPTIMIZERS[Math.floor(i / 4) % OPTIMIZERS.length]!;
  // How fast the run learns: runs differ visibly on the charts.
  const quality = 0.45 + 0.6 * ((i * 0.37 + rand() * 0.3) % 1);
  const startTime = start + i * 3_600_000;
  const epochSeconds = 20 + 10 * rand();
  const rows = Array.from({length: epochs}, (_, e) => {
    const t = (e + 1) / epochs;
    const loss = 2.3 * Math.exp(-4 * t * quality) + 0.05 + 0.03 * rand();
    const valLoss = loss * (1.05 + 0.1 * rand()) + 0.02 * t * t;
    return {
      epoch: e + 1,
      logs: {loss, accuracy: 1 - loss / 2.5, val_loss: valLoss, val_accuracy: 1 - valLoss / 2.6},
      wallTime: (startTime + (e + 1) * epochSeconds * 1000) / 1000,
      seconds: epochSeconds,
    };
  });
  const confusion = Array.from({length: 10}, (_, r) => {
    const row = Array.from({length: 10}, () => Math.floor(rand() * 3 * Math.max(0.05, 1.1 - quality) * 6));
    const off = row.reduce((s, v, c) => s + (c === r ? 0 : v), 0);
    row[r] = 100 - off;
    return row;
  });
  const specName = i % 5 === 4 ? 'wide-cnn.train.json' : 'mnist-cnn.train.json';
  const id = `20261206-${String(90000 + i).padStart(6, '0')}-${(0xabc000 + i).toString(16)}`;
  const last = rows.at(-1)?.logs;
  return {
    version: 1, id, kind: 'local', folder: '',
    spec: {path: specName, name: specName, text: `{\n  "compile": {"optimizer": {"class_name": "${optimizer}", "config": {"learning_rate": ${learningRate}}}},\n  "fit": {"batch_size": ${batchSize}, "epochs": ${epochs}}\n}\n`},
    hparams: {
      'optimizer.name': optimizer, 'optimizer.learning_rate': learningRate, 'fit.batch_size': batchSize, 'fit.epochs': epochs,
      'fit.validation_split': 0.1, 'model.layers': 7, 'model.parameters': 63562, seed: 42,
    },
    environment: {backend: 'wasm', threads: 2, seed: 42, toolVersion: '0.1.0', pid: process.pid, hostname: os.hostname(), node: process.version, platform: process.platform},
    startTime: new Date(startTime).toISOString(),
    updateTime: new Date(startTime + epochs * epochSeconds * 1000).toISOString(),
    endTime: new Date(startTime + epochs * epochSeconds * 1000).toISOString(),
    status: 'finished', epochsPlanned: epochs, epochs: rows, batchLosses: [],
    test: last ? {loss: last.val_loss!, metrics: {accuracy: last.val_accuracy!}, samples: 1000, confusionMatrix: confusion} : undefined,
    model: {path: path.join(workspace, 'models', 'mnist-cnn'), format: 'tfjs', sha256: '0'.repeat(64)},
  };
}

/** Writes runs 0..n-1 into `runsFolder`; returns their ids in order. */
export function writeSampleRuns(runsFolder: string, workspace: string, n: number, epochs: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = sampleRecord(workspace, i, epochs);
    const folder = path.join(runsFolder, r.id);
    fs.mkdirSync(folder, {recursive: true});
    writeRunFile(folder, r);
    ids.push(r.id);
  }
  return ids;
}
