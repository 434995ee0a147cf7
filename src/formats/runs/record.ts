/**
 * The record of one training run (`run.json` in the run's folder): what was trained (the spec's
 * exact text, the resolved hyperparameters, a fingerprint of the data), where (backend, threads,
 * host), how it went (status, per-epoch metrics, sampled batch losses, the test evaluation) and
 * what it left (the saved model and its content hash, the checkpoint). Written atomically.
 */
import {processAlive} from '../../common/process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as crypto from 'crypto';

export const RUN_FILE = 'run.json';
export const RUN_RECORD_VERSION = 1;

export type RunStatus = 'running' | 'finished' | 'cancelled' | 'failed' | 'crashed';
export const RUN_STATUSES: readonly RunStatus[] = ['running', 'finished', 'cancelled', 'failed', 'crashed'];

/** Flattened hyperparameters: `optimizer.learning_rate`, `fit.batch_size`, `model.parameters`, … */
export type HParams = Record<string, string | number | boolean>;

export interface DataFileFingerprint {
  /** As the spec names it (relative to the workspace), or `mnist (built-in)`. */
  path: string;
  size: number;
  /** sha256 of the content, hex. */
  sha256: string;
}

export interface DataFingerprint {
  files: DataFileFingerprint[];
  samples: {train: number; validation: number; test: number};
  /** `--limit` when it cut the data short. */
  limit?: number;
}

export interface EpochRecord {
  epoch: number;
  /** Keras's logs at the epoch end: loss, accuracy, val_loss, val_accuracy, … */
  logs: Record<string, number>;
  /** Seconds since the Unix epoch at the epoch's end. */
  wallTime: number;
  /** How long the epoch took, seconds. */
  seconds: number;
}

export interface BatchLossSample {
  epoch: number;
  batch: number;
  /** Global step (batches since the run's first). */
  step: number;
  loss: number;
}

export interface TestEvaluation {
  loss: number;
  metrics: Record<string, number>;
  samples: number;
  /** Classifiers: rows are true classes, columns predicted ones. */
  confusionMatrix?: number[][];
}

export interface RunEnvironment {
  backend: string;
  threads: number;
  seed: number;
  toolVersion: string;
  pid: number;
  hostname: string;
  node: string;
  platform: string;
}

export interface RunRecord {
  version: number;
  id: string;
  /** `local`: recorded by this tool; `keras-logs`: a folder of Keras TensorBoard logs, read back. */
  kind: 'local' | 'keras-logs';
  /** Absolute path of the run's folder. */
  folder: string;
  spec?: {path: string; name: string; text: string};
  hparams: HParams;
  data?: DataFingerprint;
  environment?: RunEnvironment;
  /** ISO 8601 times. */
  startTime: string;
  updateTime: string;
  endTime?: string;
  status: RunStatus;
  /** Why the run failed, or why it reads as crashed. */
  error?: string;
  /** The run this one resumed (`--resume`). */
  resumedFrom?: string;
  epochsPlanned?: number;
  epochs: EpochRecord[];
  /** Sampled, at most MAX_BATCH_LOSS_SAMPLES. */
  batchLosses: BatchLossSample[];
  test?: TestEvaluation;
  model?: {path: string; format: string; sha256: string};
  checkpoint?: string;
  /** Warnings met while reading it back (damaged event files, …); not stored. */
  warnings?: string[];
}

/** What a row of a runs list needs. */
export interface RunSummary {
  id: string;
  kind: RunRecord['kind'];
  folder: string;
  specPath?: string;
  specName?: string;
  status: RunStatus;
  epochs: number;
  epochsPlanned?: number;
  startTime: string;
  endTime?: string;
  /** Seconds from start to end (or to the last update of a run that is not over). */
  durationSeconds: number;
  /** The best value of the validation metric (val_accuracy where recorded, else val_loss), at its epoch. */
  best?: {metric: string; value: number; epoch: number};
  testLoss?: number;
  testAccuracy?: number;
  hparams: HParams;
  resumedFrom?: string;
  modelPath?: string;
  error?: string;
}

export const MAX_BATCH_LOSS_SAMPLES = 512;
/** A running record not updated for this long reads as crashed, whatever host wrote it. */
export const STALE_RUN_MS = 24 * 3600 * 1000;

/** `20261206-101502-3fa9c1`: the start time (UTC) and a short hash of spec, host, pid and time. */
export function newRunId(specText: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const hash = crypto.createHash('sha256').update(`${specText}\0${os.hostname()}\0${process.pid}\0${now.getTime()}\0${Math.random()}`).digest('hex');
  return `${stamp}-${hash.slice(0, 6)}`;
}

/** Run ids are folder names: no separators, no leading dot. */
export function isValidRunId(id: string): boolean {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(id);
}


/**
 * A `running` record whose writer is gone reads as `crashed`: its process is dead on this host,
 * or it has not been updated for STALE_RUN_MS.
 */
export function effectiveStatus(record: Pick<RunRecord, 'status' | 'environment' | 'updateTime'>, now = Date.now()): {status: RunStatus; why?: string} {
  if (record.status !== 'running') return {status: record.status};
  const env = record.environment;
  if (env && env.hostname === os.hostname() && env.pid !== process.pid && !processAlive(env.pid)) {
    return {status: 'crashed', why: `its process ${env.pid} ended without finishing the run`};
  }
  const updated = Date.parse(record.updateTime);
  if (Number.isFinite(updated) && now - updated > STALE_RUN_MS) {
    return {status: 'crashed', why: `no update since ${record.updateTime}`};
  }
  return {status: 'running'};
}

/**
 * Beside run.json, a small copy of what a list row needs (`summary.json`), so that listing a
 * thousand runs reads a kilobyte each; it is trusted only when it is not older than run.json.
 */
export const SUMMARY_FILE = 'summary.json';

interface StoredSummary {
  summary: Omit<RunSummary, 'folder'>;
  /** run.json's size when this was written: a run.json changed since (by hand, by damage) is read instead. */
  runBytes: number;
  updateTime: string;
  environment?: Pick<RunEnvironment, 'pid' | 'hostname'>;
}

function contents(record: RunRecord): Array<[string, string]> {
  const {warnings: _, folder: __, ...stored} = record;
  const {folder: ___, ...summary} = summarize(record);
  const env = record.environment;
  const run = JSON.stringify(stored);
  const small: StoredSummary = {summary, runBytes: Buffer.byteLength(run), updateTime: record.updateTime, environment: env && {pid: env.pid, hostname: env.hostname}};
  return [[RUN_FILE, run], [SUMMARY_FILE, JSON.stringify(small)]];
}

let writeSerial = 0;

/**
 * Writes run.json (then summary.json) through a temporary sibling renamed over it: readers see
 * the old or the new record, never a part of one. No fsync: the rename alone keeps the record
 * whole when the process dies (SIGKILL, a window reload), the failure this guards against, and
 * waiting for the disk at every epoch end would cost the training more than the record is worth
 * (a power cut may lose the latest epoch's update, which the flushed epoch checkpoint holds).
 */
export function writeRunFile(folder: string, record: RunRecord): void {
  for (const [name, text] of contents(record)) {
    const target = path.join(folder, name);
    const tmp = path.join(folder, `.${name}.${process.pid}-${++writeSerial}.tmp`);
    try {
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, target);
    } catch (e) {
      // The record that was there stays; the partial one goes.
      fs.rmSync(tmp, {force: true});
      throw e;
    }
  }
}

/** A list row for the run in `folder`: from summary.json when it is current, else from run.json. */
export function readRunSummary(folder: string): RunSummary {
  try {
    const run = fs.statSync(path.join(folder, RUN_FILE));
    const summaryFile = path.join(folder, SUMMARY_FILE);
    if (fs.statSync(summaryFile).mtimeMs >= run.mtimeMs) {
      const stored = JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as StoredSummary;
      if (stored?.summary && stored.runBytes === run.size && typeof stored.summary.id === 'string' && RUN_STATUSES.includes(stored.summary.status)) {
        const summary: RunSummary = {...stored.summary, folder};
        const {status, why} = effectiveStatus({status: summary.status, updateTime: stored.updateTime,
          environment: stored.environment as RunEnvironment | undefined});
        if (status !== summary.status) Object.assign(summary, {status, error: summary.error ?? why});
        return summary;
      }
    }
  } catch {
    // No current summary: run.json says it all.
  }
  return summarize(readRunFile(folder));
}

export class RunFileError extends Error {
  constructor(readonly file: string, problem: string) {
    super(`${file}: ${problem}`);
  }
}

/** Reads and checks a run.json; a damaged one is one RunFileError naming the file and the problem. */
export function readRunFile(folder: string): RunRecord {
  const file = path.join(folder, RUN_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new RunFileError(file, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new RunFileError(file, `is damaged (${text.length ? (e as Error).message : 'empty file'})`);
  }
  const record = value as RunRecord;
  if (!record || typeof record !== 'object' || typeof record.id !== 'string' || !RUN_STATUSES.includes(record.status) ||
    !Array.isArray(record.epochs)) {
    throw new RunFileError(file, 'is not a run record (id, status or epochs missing)');
  }
  record.kind = 'local';
  record.folder = folder;
  record.hparams ??= {};
  record.batchLosses ??= [];
  const {status, why} = effectiveStatus(record);
  if (status !== record.status) {
    record.status = status;
    record.error ??= why;
  }
  return record;
}

/** The validation metric a run is ranked by: val_accuracy-like (higher is better) where recorded, else val_loss. */
export function bestEpoch(epochs: EpochRecord[]): RunSummary['best'] {
  if (!epochs.length) return undefined;
  const keys = Object.keys(epochs.at(-1)!.logs);
  const metric = keys.find((k) => k === 'val_accuracy') ?? keys.find((k) => /^val_.*acc/.test(k)) ??
    (keys.includes('val_loss') ? 'val_loss' : keys.find((k) => /acc/.test(k)) ?? (keys.includes('loss') ? 'loss' : undefined));
  if (!metric) return undefined;
  const higher = !/loss|error/.test(metric);
  let best: RunSummary['best'];
  for (const e of epochs) {
    const v = e.logs[metric];
    if (typeof v !== 'number' || Number.isNaN(v)) continue;
    if (!best || (higher ? v > best.value : v < best.value)) best = {metric, value: v, epoch: e.epoch};
  }
  return best;
}

export function summarize(record: RunRecord): RunSummary {
  const start = Date.parse(record.startTime);
  const end = Date.parse(record.endTime ?? record.updateTime);
  const test = record.test;
  const accuracyKey = test && Object.keys(test.metrics).find((k) => /acc/.test(k));
  return {
    id: record.id, kind: record.kind, folder: record.folder, specPath: record.spec?.path, specName: record.spec?.name,
    status: record.status, epochs: record.epochs.length, epochsPlanned: record.epochsPlanned,
    startTime: record.startTime, endTime: record.endTime,
    durationSeconds: Number.isFinite(start) && Number.isFinite(end) ? Math.max(0, (end - start) / 1000) : 0,
    best: bestEpoch(record.epochs), testLoss: test?.loss, testAccuracy: accuracyKey ? test.metrics[accuracyKey] : undefined,
    hparams: record.hparams, resumedFrom: record.resumedFrom, modelPath: record.model?.path, error: record.error,
  };
}
