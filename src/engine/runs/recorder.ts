/**
 * Records a training run as it goes: `run.json` (at the start, every epoch end and the end) and
 * TensorBoard event files laid out as Keras's `TensorBoard` callback lays them out (`train/` and
 * `validation/` with `epoch_*` scalars), plus the HParams plugin's session records and the spec as
 * a text summary in the run's own folder. Recording never fails a training: the first write that
 * fails (a full disk, a read-only folder) gives one warning and recording stops there.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  EventFileWriter, MAX_BATCH_LOSS_SAMPLES, newRunId, writeRunFile, readRunRecord, TRAIN_SUBRUN, VALIDATION_SUBRUN,
  type BatchLossSample, type DataFingerprint, type EpochRecord, type HParams, type RunRecord, type RunStatus,
  type SessionStatus, type TestEvaluation,
} from '../../formats/runs';
import {errorLine, systemCause} from '../../common/errors';
import {version as toolVersion} from '../../../package.json';

export interface RunRecorderOptions {
  runsFolder: string;
  specFile: string;
  specName: string;
  /** The spec's exact text (the file as read when training started). */
  specText: string;
  hparams: HParams;
  data: DataFingerprint;
  backend: string;
  threads: number;
  seed: number;
  epochsPlanned: number;
  checkpoint: string;
  /** The run a `--resume` continues; its finished epochs are carried over. */
  resumedFrom?: string;
  onWarning: (line: string) => void;
}

const SESSION_STATUS: Record<RunStatus, SessionStatus> = {
  running: 'running', finished: 'success', cancelled: 'unknown', failed: 'failure', crashed: 'failure',
};

/** The spec in TensorBoard's text dashboard: markdown, so the JSON goes in a fenced block. */
export function specMarkdown(text: string): string {
  const fence = text.includes('```') ? '~~~~' : '```';
  return `${fence}json\n${text}\n${fence}`;
}

export class RunRecorder {
  readonly id: string;
  readonly folder: string;
  private readonly record: RunRecord;
  private readonly options: RunRecorderOptions;
  private writers: Partial<Record<'root' | 'train' | 'validation', EventFileWriter>> = {};
  private broken = false;
  private stride = 1;
  private step = 0;

  private constructor(options: RunRecorderOptions, id: string) {
    this.options = options;
    this.id = id;
    this.folder = path.join(options.runsFolder, id);
    const now = new Date().toISOString();
    this.record = {
      version: 1, id, kind: 'local', folder: this.folder,
      spec: {path: options.specFile, name: options.specName, text: options.specText},
      hparams: options.hparams, data: options.data,
      environment: {
        backend: options.backend, threads: options.threads, seed: options.seed, toolVersion,
        pid: process.pid, hostname: os.hostname(), node: process.version, platform: `${process.platform}-${process.arch}`,
      },
      startTime: now, updateTime: now, status: 'running', resumedFrom: options.resumedFrom,
      epochsPlanned: options.epochsPlanned, epochs: [], batchLosses: [], checkpoint: options.checkpoint,
    };
  }

  /** Starts a run record; never throws (a runs folder that cannot be written gives one warning). */
  static start(options: RunRecorderOptions): RunRecorder {
    let recorder = new RunRecorder(options, newRunId(options.specText));
    // Two trainings starting in the same second with the same spec still get two folders.
    for (let i = 0; i < 5 && fs.existsSync(recorder.folder); i++) recorder = new RunRecorder(options, newRunId(options.specText));
    recorder.guard(() => {
      fs.mkdirSync(options.runsFolder, {recursive: true});
      // Not recursive: a read-only runs folder then says so (a recursive mkdir reports ENOENT).
      fs.mkdirSync(recorder.folder);
      recorder.carryOver();
      recorder.save();
      const root = recorder.writers.root = new EventFileWriter(recorder.folder);
      root.sessionStart(recorder.record.hparams, Date.parse(recorder.record.startTime) / 1000, options.specName);
      root.text('spec', specMarkdown(options.specText));
      for (const e of recorder.record.epochs) recorder.writeEpochScalars(e);
    });
    return recorder;
  }

  /** A resumed run continues the epochs of the run it resumes: they are part of its curves. */
  private carryOver(): void {
    const from = this.options.resumedFrom;
    if (!from) return;
    try {
      this.record.epochs = readRunRecord(this.options.runsFolder, from).epochs.slice();
    } catch {
      // The earlier record may be gone or damaged: the link stays, the curves start here.
    }
  }

  get isRecording(): boolean {
    return !this.broken;
  }

  /** A batch's running mean loss, sampled so that at most MAX_BATCH_LOSS_SAMPLES are kept. */
  batch(epoch: number, batch: number, loss: number): void {
    this.step++;
    if (this.broken || this.step % this.stride !== 0) return;
    const samples = this.record.batchLosses;
    samples.push({epoch, batch, step: this.step, loss});
    if (samples.length > MAX_BATCH_LOSS_SAMPLES) {
      this.stride *= 2;
      this.record.batchLosses = samples.filter((s: BatchLossSample) => s.step % this.stride === 0);
    }
  }

  epochEnd(epoch: number, logs: Record<string, number>, seconds: number): void {
    const record: EpochRecord = {epoch, logs: {...logs}, wallTime: Date.now() / 1000, seconds};
    this.record.epochs = [...this.record.epochs.filter((e) => e.epoch < epoch), record];
    this.guard(() => {
      this.writeEpochScalars(record);
      this.save();
    });
  }

  finish(status: Exclude<RunStatus, 'running' | 'crashed'>, details: {error?: string; test?: TestEvaluation; model?: RunRecord['model']} = {}): void {
    Object.assign(this.record, {status, endTime: new Date().toISOString()});
    if (details.error) this.record.error = details.error;
    if (details.test) this.record.test = details.test;
    if (details.model) this.record.model = details.model;
    if (status === 'finished') delete this.record.checkpoint;
    this.guard(() => {
      this.writers.root?.sessionEnd(SESSION_STATUS[status], Date.now() / 1000);
      this.save();
    });
    this.close();
  }

  /** The record as it stands (for the caller's summary). */
  snapshot(): RunRecord {
    return structuredClone(this.record);
  }

  private writeEpochScalars(e: EpochRecord): void {
    // Keras's TensorBoard callback counts epochs from 0.
    const step = e.epoch - 1;
    for (const [key, value] of Object.entries(e.logs)) {
      const validation = key.startsWith('val_');
      const which = validation ? 'validation' : 'train';
      const writer = this.writers[which] ??= new EventFileWriter(path.join(this.folder, validation ? VALIDATION_SUBRUN : TRAIN_SUBRUN));
      writer.scalar(`epoch_${validation ? key.slice(4) : key}`, value, step, e.wallTime);
    }
  }

  private save(): void {
    this.record.updateTime = new Date().toISOString();
    writeRunFile(this.folder, this.record);
  }

  private guard(write: () => void): void {
    if (this.broken) return;
    try {
      write();
    } catch (e) {
      this.fail(e);
    }
  }

  /** The first failure: one warning, and recording stops. */
  private fail(e: unknown): void {
    if (this.broken) return;
    this.broken = true;
    this.close();
    const code = (e as NodeJS.ErrnoException).code;
    const cause = systemCause(code) ?? errorLine(e);
    this.options.onWarning(`the run record in ${this.folder} cannot be written (${cause}); training and the model save go on without it`);
  }

  private close(): void {
    for (const writer of Object.values(this.writers)) {
      try {
        writer?.close();
      } catch {
        // A writer that cannot close has nothing left to lose: every event was written when it came.
      }
    }
    this.writers = {};
  }
}
