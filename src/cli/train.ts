/**
 * `keras-workbench train SPEC`: Keras `fit` from a spec in the terminal; progress on stderr (a
 * terminal) or a line every 30 s (a log), Ctrl+C stops after the current batch.
 */
import {readTrainSpec} from '../engine/spec/spec';
import {trainFromSpec} from '../engine/training/trainer';
import {batchLine} from '../engine/training/keras-log';
import type {BackendPreference} from '../engine/backend';
import type {TrainProgress} from '../protocol/messages';
import {loadCustomObjectsModule} from '../keras/custom-objects';

export interface TrainArguments {
  epochs?: number;
  limit?: number;
  resume?: boolean;
  out?: string;
  overwrite?: boolean;
  threads?: number;
  backend: BackendPreference;
  'custom-objects'?: string;
}

export async function train(specFile: string, values: TrainArguments): Promise<number> {
  const controller = new AbortController();
  const tty = process.stderr.isTTY;
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nStopping after the current batch (Ctrl+C again to quit immediately)...\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  let lastLine = '';
  let lastReport = 0;
  const onProgress = (p: TrainProgress) => {
    if (p.kind !== 'batch') return;
    const line = batchLine(p.batch, p.batches, p.elapsedSeconds, p.logs);
    if (tty) {
      process.stderr.write(`\r${line}`);
      lastLine = line;
    } else if (p.batch === p.batches || Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      process.stdout.write(`${line}\n`);
    }
  };
  const onLog = (line: string) => {
    if (tty && lastLine) {
      process.stderr.write(`\r${' '.repeat(lastLine.length)}\r`);
      lastLine = '';
    }
    process.stdout.write(`${line}\n`);
  };
  try {
    const spec = readTrainSpec(specFile);
    const result = await trainFromSpec(spec, specFile, {
      epochs: values.epochs, limit: values.limit, resume: values.resume,
      out: values.out, overwrite: values.overwrite, backend: values.backend, signal: controller.signal,
      threads: values.threads,
      customObjects: values['custom-objects'] ? loadCustomObjectsModule(values['custom-objects']) : undefined,
      onProgress, onLog,
    });
    const samples = result.samplesPerSecond.toFixed(1);
    process.stdout.write(`Wall time: ${result.wallSeconds.toFixed(1)} s - training throughput: ${samples} samples/s\n`);
    return result.cancelled ? 130 : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
