/**
 * Messages between the extension host and the run comparison webview, and the values they carry:
 * each compared run as the panel draws it (the host reads run.json files and sends these; the
 * webview never reads files).
 */

export type ComparedRunStatus = 'running' | 'finished' | 'cancelled' | 'failed' | 'crashed';

/** A hyperparameter's value as the table and the parallel coordinates show it. */
export type HyperparameterValue = string | number | boolean | null;

export interface ComparedEpoch {
  /** 1-based, as Keras prints it. */
  epoch: number;
  /** When the epoch ended, Unix time in milliseconds. */
  wallTime: number;
  /** Keras's log names: loss, accuracy, val_loss, val_accuracy, … */
  logs: Record<string, number>;
}

export interface ComparedRun {
  id: string;
  /** Short name on the legend and the table header: the spec's name and the start time. */
  label: string;
  /** The spec's path, relative to the workspace. */
  spec: string;
  status: ComparedRunStatus;
  /** Index into the panel's palette: the same colour for this run in every chart and table. */
  colour: number;
  /** Unix time in milliseconds. */
  startTime: number;
  /** Flattened keys (`optimizer.learning_rate`, `fit.batch_size`, …). */
  hyperparameters: Record<string, HyperparameterValue>;
  epochs: ComparedEpoch[];
  /** The final test evaluation: metric name to value. */
  test?: Record<string, number>;
  /** The test set's confusion matrix (rows: true class, columns: predicted), for classifiers. */
  confusion?: number[][];
  /** Whether a spec snapshot exists for "Diff Specs". */
  hasSpec: boolean;
}

export type RunsHostToWebview =
  /** The whole comparison (on open, on 'ready', after the selection changes). */
  | {type: 'runs'; runs: ComparedRun[]}
  /** One run changed on disk (a running training finished an epoch). */
  | {type: 'run'; run: ComparedRun};

export type RunsWebviewToHost =
  | {type: 'ready'}
  /** Opens VS Code's diff editor on the two runs' spec snapshots. */
  | {type: 'diffSpecs'; left: string; right: string}
  /** The webview measured something (benchmarks, tests). */
  | {type: 'mark'; name: string; at: number};
