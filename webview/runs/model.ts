/**
 * The run comparison's numbers, apart from drawing (no DOM): curves on a shared x axis, smoothing,
 * the hyperparameters that differ, the parallel coordinates' axes and the difference of two
 * confusion matrices.
 */
import type {ComparedRun, HyperparameterValue} from '../../src/protocol/runs';

export type XAxis = 'epoch' | 'relative' | 'wall';

export const X_AXES: Record<XAxis, string> = {
  epoch: 'epoch',
  relative: 'relative time (s)',
  wall: 'wall time',
};

/**
 * TensorBoard's smoothing: an exponential moving average whose start is debiased (divided by
 * 1 - weight^n, so the first points are not pulled towards zero). Missing and non-finite points
 * are kept as they are and do not enter the average; a constant series stays as it is.
 */
export function smooth(values: ReadonlyArray<number | null>, weight: number): Array<number | null> {
  const w = Math.min(Math.max(weight, 0), 1);
  if (w === 0) return [...values];
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.every((v) => v === finite[0])) return [...values];
  let average = 0;
  let count = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return v;
    average = average * w + (1 - w) * v;
    count++;
    return w === 1 ? average : average / (1 - w ** count);
  });
}

/** Metric groups, loss first: `accuracy` covers `accuracy` and `val_accuracy`. */
export function metricGroups(runs: readonly ComparedRun[]): string[] {
  const names = new Set<string>();
  for (const r of runs) for (const e of r.epochs) for (const k of Object.keys(e.logs)) names.add(k.replace(/^val_/, ''));
  return [...names].sort((a, b) => (a === 'loss' ? -1 : b === 'loss' ? 1 : a.localeCompare(b)));
}

export interface CurveSeries {
  run: ComparedRun;
  /** `loss` or `val_loss`. */
  log: string;
  validation: boolean;
  values: Array<number | null>;
}

export interface Curves {
  /** Shared x values, ascending: epochs, seconds since each run's start, or Unix seconds. */
  x: number[];
  series: CurveSeries[];
}

function xOf(run: ComparedRun, epoch: {epoch: number; wallTime: number}, axis: XAxis): number {
  if (axis === 'epoch') return epoch.epoch;
  if (axis === 'relative') return (epoch.wallTime - run.startTime) / 1000;
  return epoch.wallTime / 1000;
}

/** Every run's training and validation values of one metric group on one x axis, smoothed. */
export function curves(runs: readonly ComparedRun[], metric: string, axis: XAxis, smoothing: number): Curves {
  const xs = new Set<number>();
  for (const r of runs) for (const e of r.epochs) xs.add(xOf(r, e, axis));
  const x = [...xs].sort((a, b) => a - b);
  const index = new Map(x.map((v, i) => [v, i]));
  const series: CurveSeries[] = [];
  for (const run of runs) {
    for (const log of [metric, `val_${metric}`]) {
      if (!run.epochs.some((e) => log in e.logs)) continue;
      // Smoothing follows the run's own points, not the shared axis (other runs' x values are gaps here).
      const own = smooth(run.epochs.map((e) => e.logs[log] ?? null), smoothing);
      const values = new Array<number | null>(x.length).fill(null);
      run.epochs.forEach((e, i) => { values[index.get(xOf(run, e, axis))!] = own[i]!; });
      series.push({run, log, validation: log !== metric, values});
    }
  }
  return {x, series};
}

/** Whether a metric is better when higher (accuracy, AUC, …) or lower (loss, errors). */
export function higherIsBetter(metric: string): boolean {
  return !/loss|error|mse|mae|mape|msle|crossentropy|hinge|divergence|poisson/i.test(metric);
}

/**
 * The metric the runs are ranked by: validation accuracy when every run has it, else the
 * validation loss, else the training loss.
 */
export function rankingMetric(runs: readonly ComparedRun[]): string | undefined {
  const has = (log: string) => runs.every((r) => r.epochs.some((e) => Number.isFinite(e.logs[log])));
  return ['val_accuracy', 'val_loss', 'accuracy', 'loss'].find(has);
}

/** The metric at the run's last epoch that has it. */
export function finalValue(run: ComparedRun, log: string): number | undefined {
  for (let i = run.epochs.length - 1; i >= 0; i--) {
    const v = run.epochs[i]!.logs[log];
    if (v !== undefined && Number.isFinite(v)) return v;
  }
  return undefined;
}

function sameValue(a: HyperparameterValue | undefined, b: HyperparameterValue | undefined): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/** Hyperparameter keys in order; with `onlyChanged`, those whose value is not the same in every run (absent counts as a value). */
export function hyperparameterKeys(runs: readonly ComparedRun[], onlyChanged: boolean): string[] {
  const keys = new Set<string>();
  for (const r of runs) for (const k of Object.keys(r.hyperparameters)) keys.add(k);
  const sorted = [...keys].sort();
  if (!onlyChanged || runs.length < 2) return sorted;
  return sorted.filter((k) => runs.some((r) => !sameValue(r.hyperparameters[k], runs[0]!.hyperparameters[k])));
}

export function formatValue(v: HyperparameterValue | undefined): string {
  if (v === undefined) return '–';
  if (v === null) return 'null';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : Number(v.toPrecision(6)).toString();
  return String(v);
}

export interface ParallelAxis {
  key: string;
  /** Numeric axes are linear (log for values spanning more than two decades, all positive); others list their values. */
  kind: 'linear' | 'log' | 'categories';
  /** Tick labels, bottom to top. */
  ticks: Array<{at: number; label: string}>;
  /** Each run's position on the axis in [0, 1] (bottom to top), or null where the run has no value. */
  positions: Array<number | null>;
}

function numericAxis(key: string, values: Array<number | undefined>): ParallelAxis {
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const min = Math.min(...finite), max = Math.max(...finite);
  const log = min > 0 && max / min > 100;
  const f = (v: number) => (log ? Math.log10(v) : v);
  const lo = f(min), hi = f(max);
  const at = (v: number) => (hi === lo ? 0.5 : (f(v) - lo) / (hi - lo));
  const label = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString());
  const ticks = hi === lo ? [{at: 0.5, label: label(min)}] : [{at: 0, label: label(min)}, {at: 1, label: label(max)}];
  return {key, kind: log ? 'log' : 'linear', ticks, positions: values.map((v) => (v === undefined || !Number.isFinite(v) ? null : at(v)))};
}

/**
 * The parallel coordinates of three or more runs: one axis per hyperparameter that differs, then
 * the final value of `metric`. Undefined for fewer runs or no metric.
 */
export function parallelAxes(runs: readonly ComparedRun[], metric: string | undefined): ParallelAxis[] | undefined {
  if (runs.length < 3 || !metric) return undefined;
  const axes: ParallelAxis[] = [];
  for (const key of hyperparameterKeys(runs, true)) {
    const values = runs.map((r) => r.hyperparameters[key]);
    if (values.every((v) => v === undefined || typeof v === 'number')) {
      axes.push(numericAxis(key, values as Array<number | undefined>));
      continue;
    }
    const categories = [...new Set(values.filter((v) => v !== undefined).map(formatValue))].sort();
    const at = (i: number) => (categories.length === 1 ? 0.5 : i / (categories.length - 1));
    axes.push({key, kind: 'categories', ticks: categories.map((c, i) => ({at: at(i), label: c})),
      positions: values.map((v) => (v === undefined ? null : at(categories.indexOf(formatValue(v)))))});
  }
  axes.push(numericAxis(`final ${metric}`, runs.map((r) => finalValue(r, metric))));
  return axes;
}

export interface ConfusionDifference {
  /** `right` minus `left`, cell by cell (rows: true class, columns: predicted). */
  cells: number[][];
  /** Counts when both runs were tested on the same number of samples per class; else each row as a fraction of its class. */
  unit: 'counts' | 'rates';
  /** The largest absolute difference off the diagonal and on it, for the colour scale. */
  maxAbs: number;
}

const rowSums = (m: number[][]) => m.map((row) => row.reduce((s, v) => s + v, 0));

/** The difference of two runs' confusion matrices; undefined when a run has none or their classes differ. */
export function confusionDifference(left: number[][] | undefined, right: number[][] | undefined): ConfusionDifference | undefined {
  if (!left || !right || left.length === 0 || left.length !== right.length) return undefined;
  if (left.some((row, i) => row.length !== left.length || right[i]!.length !== row.length)) return undefined;
  const sl = rowSums(left), sr = rowSums(right);
  const unit = sl.every((s, i) => s === sr[i]) ? 'counts' : 'rates';
  const value = (m: number[][], sums: number[], i: number, j: number) => (unit === 'counts' ? m[i]![j]! : sums[i] ? m[i]![j]! / sums[i]! : 0);
  const cells = left.map((row, i) => row.map((_, j) => value(right, sr, i, j) - value(left, sl, i, j)));
  const maxAbs = Math.max(0, ...cells.flat().map(Math.abs));
  return {cells, unit, maxAbs};
}
