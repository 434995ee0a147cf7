/**
 * Training tab: loss and metric curves, live while a run goes (per batch running means and per
 * epoch results, train and validation) and from the saved history of a loaded model.
 */
import type {EpochLogs, TrainProgress} from '../src/protocol/messages';
import {h, clear, fixed, seconds} from './dom';
import {curveChart, type CurveSeries, type ManagedChart} from './charts';
import {getState, updateState, type TrainingSeries} from './rpc';

/** Beyond this many points the oldest half of the batch points is thinned out. */
const MAX_POINTS = 20000;

export function emptySeries(): TrainingSeries {
  return {x: [], batch: {}, epoch: {}, finished: false};
}

export function seriesFromHistory(history: Array<EpochLogs & {epoch: number}>): TrainingSeries {
  const s = emptySeries();
  for (const row of history) {
    s.x.push(row.epoch);
    const i = s.x.length - 1;
    for (const [k, v] of Object.entries(row)) if (k !== 'epoch') setAt(s.epoch, k, i, v, s.x.length);
  }
  s.finished = true;
  return s;
}

function setAt(group: Record<string, Array<number | null>>, key: string, i: number, v: number, length: number): void {
  const arr = (group[key] ??= []);
  while (arr.length < length) arr.push(null);
  arr[i] = Number.isFinite(v) ? v : null;
}

function pad(s: TrainingSeries): void {
  for (const g of [s.batch, s.epoch]) for (const arr of Object.values(g)) while (arr.length < s.x.length) arr.push(null);
}

function thin(s: TrainingSeries): void {
  if (s.x.length <= MAX_POINTS) return;
  // Keep every epoch point and every other batch point in the older half.
  const half = Math.floor(s.x.length / 2);
  const keep = s.x.map((x, i) => i >= half || i % 2 === 0 || Number.isInteger(x));
  const filter = <T>(a: T[]) => a.filter((_, i) => keep[i]);
  s.x = filter(s.x);
  for (const g of [s.batch, s.epoch]) for (const k of Object.keys(g)) g[k] = filter(g[k]!);
}

/** Adds one progress event to the series; returns whether anything changed. */
export function addProgress(s: TrainingSeries, p: TrainProgress): boolean {
  s.last = p;
  if (p.kind === 'start') return true;
  if (p.kind === 'end') {
    s.finished = true;
    return true;
  }
  const x = p.kind === 'batch' ? p.epoch - 1 + p.batch / Math.max(1, p.batches) : p.epoch;
  let i = s.x.length - 1;
  if (i < 0 || Math.abs(s.x[i]! - x) > 1e-9) {
    s.x.push(x);
    i++;
  }
  const group = p.kind === 'batch' ? s.batch : s.epoch;
  for (const [k, v] of Object.entries(p.logs)) setAt(group, k, i, v, s.x.length);
  pad(s);
  thin(s);
  return true;
}

function metricGroups(s: TrainingSeries): string[] {
  const names = new Set<string>();
  for (const k of [...Object.keys(s.batch), ...Object.keys(s.epoch)]) names.add(k.replace(/^val_/, ''));
  const order = [...names].sort((a, b) => (a === 'loss' ? -1 : b === 'loss' ? 1 : a.localeCompare(b)));
  return order;
}

function seriesFor(s: TrainingSeries, metric: string): CurveSeries[] {
  const out: CurveSeries[] = [];
  if (s.batch[metric]) out.push({label: `${metric} (batch)`, values: s.batch[metric]!, kind: 'batch', colour: 0});
  if (s.epoch[metric]) out.push({label: `${metric} (epoch)`, values: s.epoch[metric]!, kind: 'epoch', colour: 3});
  if (s.epoch[`val_${metric}`]) out.push({label: `val_${metric}`, values: s.epoch[`val_${metric}`]!, kind: 'epoch', colour: 1});
  if (s.batch[`val_${metric}`]) out.push({label: `val_${metric} (batch)`, values: s.batch[`val_${metric}`]!, kind: 'batch', colour: 1});
  return out;
}

/** `live`: the panel follows a training run (else it shows a loaded model's saved history). */
function statusText(s: TrainingSeries, live: boolean): string {
  const p = s.last;
  if (!p) {
    if (s.x.length) return 'Saved training history.';
    return live ? 'Waiting for the first batch…' : 'This model has no training history (it was saved without one).';
  }
  if (p.kind === 'end' && p.cancelled) {
    return `Cancelled after ${p.epoch} of ${p.epochs} epochs, ${seconds(p.elapsedSeconds)}; the saved model was not changed.`;
  }
  if (p.kind === 'end' || s.finished) return `Finished: ${p.epoch} of ${p.epochs} epochs in ${seconds(p.elapsedSeconds)}.`;
  return `Epoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · elapsed ${seconds(p.elapsedSeconds)} · ETA ${seconds(p.etaSeconds)}`;
}

export class TrainingView {
  private charts = new Map<string, {chart: ManagedChart; labels: string}>();
  private status = h('p', {role: 'status', 'data-testid': 'training-status'});
  private chartsBox = h('div', {class: 'curves'});
  private table = h('div', {class: 'history'});
  private scheduled = false;

  /** `watch`: a live run's Watch activations section, shown below the curves. */
  constructor(private readonly root: HTMLElement, private series: TrainingSeries, private readonly live = false, watch?: HTMLElement) {
    clear(root);
    root.append(this.status, this.chartsBox, ...(watch ? [watch] : []), h('h3', {}, 'Per epoch'), this.table);
    this.draw();
  }

  setSeries(series: TrainingSeries): void {
    this.series = series;
    this.schedule();
  }

  progress(p: TrainProgress): void {
    if (addProgress(this.series, p)) this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.draw();
    });
  }

  private draw(): void {
    const s = this.series;
    updateState({training: s});
    this.status.textContent = statusText(s, this.live);
    if (s.x.length === 0) {
      clear(this.table);
      this.table.append(h('p', {class: 'muted'}, this.live ? 'No history yet.' : 'No epochs recorded.'));
      return;
    }
    for (const metric of metricGroups(s)) {
      const series = seriesFor(s, metric);
      const labels = series.map((x) => x.label).join('|');
      const existing = this.charts.get(metric);
      if (existing && existing.labels === labels) {
        existing.chart.setData([s.x, ...series.map((x) => x.values)]);
        continue;
      }
      existing?.chart.destroy();
      let box = this.chartsBox.querySelector<HTMLElement>(`[data-metric="${CSS.escape(metric)}"]`);
      if (!box) {
        box = h('div', {class: 'curve', 'data-metric': metric, 'data-testid': 'curve', role: 'img', 'aria-label': `${metric} per epoch; the table below lists the values`});
        this.chartsBox.append(box);
      }
      clear(box);
      this.charts.set(metric, {chart: curveChart(box, metric, metric, s.x, series), labels});
    }
    this.drawTable();
  }

  private drawTable(): void {
    const s = this.series;
    const names = Object.keys(s.epoch);
    const rows: HTMLElement[] = [];
    s.x.forEach((x, i) => {
      if (!names.some((n) => s.epoch[n]![i] != null)) return;
      rows.push(h('tr', {}, h('th', {scope: 'row', class: 'num'}, String(Math.round(x))),
        ...names.map((n) => h('td', {class: 'num'}, s.epoch[n]![i] == null ? '–' : fixed(s.epoch[n]![i]!)))));
    });
    clear(this.table);
    if (rows.length === 0) {
      this.table.append(h('p', {class: 'muted'}, 'The first epoch has not finished yet.'));
      return;
    }
    this.table.append(h('table', {class: 'history-table', 'data-testid': 'history-table'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col', class: 'num'}, 'epoch'), ...names.map((n) => h('th', {scope: 'col', class: 'num'}, n)))),
      h('tbody', {}, ...rows)));
  }
}

export function initialSeries(history: Array<EpochLogs & {epoch: number}> | undefined, runId?: string): TrainingSeries {
  const saved = getState().training;
  if (saved && (runId === undefined ? saved.finished : saved.last?.runId === runId || saved.last === undefined)) return saved;
  return history?.length ? seriesFromHistory(history) : emptySeries();
}
