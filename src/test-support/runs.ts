/** Run records made up for tests and benchmarks of the runs folder (no training). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {writeRunFile, type RunRecord} from '../formats/runs';

/** A finished two-epoch run record `id` under `runsFolder`, with `overrides`. */
export function syntheticRun(runsFolder: string, id: string, overrides: Partial<RunRecord> = {}): RunRecord {
  const now = new Date().toISOString();
  const record: RunRecord = {
    version: 1, id, kind: 'local', folder: path.join(runsFolder, id),
    spec: {path: 'a.train.json', name: 'a', text: '{"name": "a"}\n'},
    hparams: {'optimizer.learning_rate': 0.001, 'fit.batch_size': 32},
    environment: {backend: 'wasm', threads: 1, seed: 1, toolVersion: '0.1.0', pid: process.pid, hostname: os.hostname(), node: process.version, platform: 'linux-x64'},
    startTime: now, updateTime: now, endTime: now, status: 'finished', epochsPlanned: 2,
    epochs: [
      {epoch: 1, logs: {loss: 1, accuracy: 0.5, val_loss: 1.1, val_accuracy: 0.55}, wallTime: 1, seconds: 1},
      {epoch: 2, logs: {loss: 0.5, accuracy: 0.7, val_loss: 0.9, val_accuracy: 0.65}, wallTime: 2, seconds: 1},
    ],
    batchLosses: [], test: {loss: 0.8, metrics: {accuracy: 0.66}, samples: 10},
    ...overrides,
  };
  fs.mkdirSync(record.folder, {recursive: true});
  writeRunFile(record.folder, record);
  return record;
}
