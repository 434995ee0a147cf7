/**
 * The run comparison panel: overlaid curves per metric (epoch, relative-time or wall-time axis,
 * linear or log scale, smoothing), the hyperparameter table, parallel coordinates for three or
 * more runs and, for two classifiers, the difference of their confusion matrices. Each run keeps
 * one colour in every part. The host sends the runs; a running training's run comes again at
 * every epoch end.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../styles.css';
import './runs.css';
import type {ComparedRun, RunsHostToWebview, RunsWebviewToHost} from '../../src/protocol/runs';
import {h, append, clear, svg, fixed} from '../dom';
import {palette, onThemeChange, type Palette} from '../theme';
import {
  X_AXES, confusionDifference, curves, finalValue, formatValue, hyperparameterKeys, metricGroups, parallelAxes, rankingMetric, type XAxis,
} from './model';

interface VsCodeApi {
  postMessage(message: RunsWebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();

/** What the panel keeps across reloads: the view's options (the host sends the runs again on 'ready'). */
interface ViewState {
  axis: XAxis;
  log: boolean;
  /** TensorBoard's smoothing weight, 0 to 0.99. */
  smoothing: number;
  onlyChanged: boolean;
}
const saved = (api.getState() ?? {}) as Partial<ViewState>;
const state: ViewState & {runs: ComparedRun[]} = {
  axis: saved.axis ?? 'epoch', log: saved.log ?? false, smoothing: saved.smoothing ?? 0.6, onlyChanged: saved.onlyChanged ?? true, runs: [],
};
const save = (patch: Partial<ViewState>) => {
  Object.assign(state, patch);
  api.setState({axis: state.axis, log: state.log, smoothing: state.smoothing, onlyChanged: state.onlyChanged} satisfies ViewState);
};
/** The page's width, read without forcing a layout (clientWidth would, in the middle of a redraw). */
const pageWidth = () => Math.max(480, window.innerWidth - 32);
const mark = (name: string) => api.postMessage({type: 'mark', name, at: performance.now()});

/** The theme's six chart colours, then four more: ten runs get ten colours. */
function runColours(p: Palette): string[] {
  const light = document.body.classList.contains('vscode-light') || document.body.classList.contains('vscode-high-contrast-light');
  const extra = light ? ['#00838f', '#ad1457', '#6d4c41', '#546e7a'] : ['#4dd0e1', '#f06292', '#bcaaa4', '#90a4ae'];
  return [...p.series, ...extra];
}
const colourOf = (run: ComparedRun, p: Palette) => {
  const colours = runColours(p);
  return colours[run.colour % colours.length]!;
};

const app = document.getElementById('app')!;

function swatch(run: ComparedRun, p: Palette): HTMLElement {
  const el = h('span', {class: 'swatch', 'aria-hidden': 'true'});
  el.style.background = colourOf(run, p);
  return el;
}

function statusText(run: ComparedRun): string {
  return run.status === 'running' ? 'running…' : run.status;
}

// ---------------------------------------------------------------- curves

/** The charts on the page and what each was built for: a change of smoothing or a new epoch only sets their data. */
let plots: Array<{plot: uPlot; shape: string}> = [];

function chartOptions(metric: string, width: number, series: ReturnType<typeof curves>['series'], p: Palette): uPlot.Options {
  // A canvas font cannot name a CSS variable: the theme's font family, resolved.
  const font = `11px ${getComputedStyle(document.body).fontFamily || 'sans-serif'}`;
  const axis = (label: string): uPlot.Axis => ({
    label, stroke: p.foreground, grid: {stroke: p.grid, width: 1}, ticks: {stroke: p.grid, width: 1}, font, labelFont: font,
  });
  const points = showPoints(series);
  return {
    title: metric,
    width,
    height: 240,
    legend: {show: false},
    scales: {x: {time: state.axis === 'wall'}, y: state.log ? {distr: 3} : {}},
    axes: [axis(X_AXES[state.axis]), axis(state.log ? `${metric} (log)` : metric)],
    series: [{}, ...series.map((s) => ({
      label: `${s.run.label} ${s.log}`,
      stroke: colourOf(s.run, p),
      width: s.validation ? 2 : 1.5,
      dash: s.validation ? undefined : [6, 4],
      spanGaps: true,
      points: {show: points, size: s.validation ? 5 : 3},
    }))],
  };
}

/** Points mark epochs while they are few enough to tell apart; beyond that they only cost drawing time. */
function showPoints(series: ReturnType<typeof curves>['series']): boolean {
  return series.length > 0 && Math.max(...series.map((s) => s.values.filter((v) => v !== null).length)) <= 40;
}

/** `rebuild`: new charts even where the old ones would do (a theme change). */
function drawCurves(box: HTMLElement, p: Palette, rebuild = false): void {
  const runs = state.runs;
  const width = Math.max(320, Math.min(720, Math.floor(pageWidth() / 2) - 12));
  const charts = metricGroups(runs).map((metric) => {
    const c = curves(runs, metric, state.axis, state.smoothing);
    const data = [c.x, ...c.series.map((s) => (state.log ? s.values.map((v) => (v !== null && v > 0 ? v : null)) : s.values))] as uPlot.AlignedData;
    const shape = [metric, state.axis, state.log, width, showPoints(c.series), ...c.series.map((s) => `${s.run.id}:${s.log}:${s.run.colour}`)].join('|');
    return {metric, c, data, shape};
  });
  if (!rebuild && charts.length === plots.length && charts.every((c, i) => c.shape === plots[i]!.shape)) {
    charts.forEach((c, i) => plots[i]!.plot.setData(c.data));
    return;
  }
  for (const {plot} of plots) plot.destroy();
  clear(box);
  plots = charts.map(({metric, c, data, shape}) => {
    const el = h('div', {class: 'curve', 'data-testid': 'curve', 'data-metric': metric, 'data-x-axis': state.axis, 'data-y-scale': state.log ? 'log' : 'linear',
      role: 'img', 'aria-label': `${metric} of ${runs.length} runs against ${X_AXES[state.axis]}${state.log ? ', log scale' : ''}; dashed lines are training, solid lines validation`});
    box.append(el);
    return {plot: new uPlot(chartOptions(metric, width, c.series, p), data, el), shape};
  });
}

// ---------------------------------------------------------------- hyperparameter table

function drawTable(box: HTMLElement, p: Palette): void {
  clear(box);
  const runs = state.runs;
  const keys = hyperparameterKeys(runs, state.onlyChanged);
  const only = h('input', {type: 'checkbox', id: 'only-changed', 'data-testid': 'only-changed', checked: state.onlyChanged});
  only.addEventListener('change', () => {
    save({onlyChanged: only.checked});
    drawTable(box, palette());
  });
  const metric = rankingMetric(runs);
  const rows = keys.map((k) => h('tr', {'data-key': k}, h('th', {scope: 'row'}, h('code', {}, k)),
    ...runs.map((r) => h('td', {class: typeof r.hyperparameters[k] === 'number' ? 'num' : ''}, formatValue(r.hyperparameters[k])))));
  const finals = metric ? [h('tr', {class: 'final'}, h('th', {scope: 'row'}, `final ${metric}`),
    ...runs.map((r) => {
      const v = finalValue(r, metric);
      return h('td', {class: 'num'}, v === undefined ? '–' : fixed(v));
    }))] : [];
  const tests = [...new Set(runs.flatMap((r) => Object.keys(r.test ?? {})))].sort().map((k) => h('tr', {class: 'final'},
    h('th', {scope: 'row'}, `test ${k}`), ...runs.map((r) => h('td', {class: 'num'}, r.test?.[k] === undefined ? '–' : fixed(r.test[k]!)))));
  append(box,
    h('div', {class: 'toolbar'}, h('label', {for: 'only-changed'}, only, ' Only hyperparameters that differ'),
      h('span', {class: 'muted'}, `${keys.length} of ${hyperparameterKeys(runs, false).length} shown`)),
    h('table', {class: 'hparams', 'data-testid': 'hparams'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'hyperparameter'),
        ...runs.map((r) => h('th', {scope: 'col', 'data-run': r.id}, swatch(r, p), ' ', r.label)))),
      h('tbody', {}, ...rows, ...finals, ...tests)),
    keys.length === 0 ? h('p', {class: 'muted'}, 'The runs share every hyperparameter.') : null,
  );
}

// ---------------------------------------------------------------- parallel coordinates

function drawParallel(box: HTMLElement, p: Palette): void {
  clear(box);
  const runs = state.runs;
  const metric = rankingMetric(runs);
  const axes = parallelAxes(runs, metric);
  if (!axes) return;
  box.append(h('h2', {}, 'Hyperparameters against the final ', metric ?? 'metric'));
  const width = Math.min(1100, pageWidth());
  const height = 280, top = 24, bottom = 52, left = 60, right = 60;
  const step = axes.length > 1 ? (width - left - right) / (axes.length - 1) : 0;
  const xAt = (i: number) => left + i * step;
  const yAt = (t: number) => top + (1 - t) * (height - top - bottom);
  const chart = svg('svg', {width, height, viewBox: `0 0 ${width} ${height}`, class: 'parallel', 'data-testid': 'parallel', role: 'img',
    'aria-label': `Parallel coordinates of ${runs.length} runs: ${axes.map((a) => a.key).join(', ')}`});
  axes.forEach((a, i) => {
    const x = xAt(i);
    chart.append(svg('line', {x1: x, x2: x, y1: yAt(1), y2: yAt(0), class: 'axis'}));
    chart.append(svg('text', {x, y: height - 12, 'text-anchor': 'middle', class: 'axis-label'}, a.key + (a.kind === 'log' ? ' (log)' : '')));
    for (const t of a.ticks) chart.append(svg('text', {x: x + 6, y: yAt(t.at) + (t.at >= 1 ? -4 : t.at <= 0 ? 12 : 4), class: 'tick'}, t.label));
  });
  runs.forEach((r, ri) => {
    const points = axes.map((a, i) => (a.positions[ri] === null ? undefined : `${xAt(i)},${yAt(a.positions[ri]!)}`)).filter(Boolean);
    const line = svg('polyline', {points: points.join(' '), fill: 'none', stroke: colourOf(r, p), 'stroke-width': 2, 'data-run': r.id});
    line.append(svg('title', {}, r.label));
    chart.append(line);
  });
  box.append(chart);
}

// ---------------------------------------------------------------- confusion difference

function drawConfusion(box: HTMLElement, p: Palette): void {
  clear(box);
  const [left, right] = state.runs;
  if (state.runs.length !== 2 || !left || !right) return;
  const d = confusionDifference(left.confusion, right.confusion);
  if (!d) return;
  const cell = (v: number, i: number, j: number) => {
    const td = h('td', {class: 'num', 'data-testid': 'confusion-cell', 'data-row': i, 'data-col': j},
      d.unit === 'counts' ? (v > 0 ? `+${v}` : String(v)) : `${v > 0 ? '+' : ''}${(v * 100).toFixed(1)}%`);
    // Better is more on the diagonal and less off it; the right run is the one compared.
    const better = i === j ? v > 0 : v < 0;
    if (v !== 0 && d.maxAbs > 0) {
      td.style.background = `color-mix(in srgb, ${better ? p.series[2] : p.series[4]} ${Math.round(15 + 55 * Math.abs(v) / d.maxAbs)}%, transparent)`;
    }
    return td;
  };
  const n = d.cells.length;
  box.append(
    h('h2', {}, 'Confusion matrix: ', swatch(right, p), ` ${right.label} minus `, swatch(left, p), ` ${left.label}`),
    h('p', {class: 'muted'}, d.unit === 'counts' ? 'Difference in test samples (same test set).' : 'Difference in the share of each true class (the test sets differ in size).',
      ' Green: better for ', right.label, ' (more on the diagonal, fewer mistakes off it); red: worse.'),
    h('table', {class: 'confusion-diff', 'data-testid': 'confusion-diff'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'true \\ predicted'), ...Array.from({length: n}, (_, j) => h('th', {scope: 'col', class: 'num'}, String(j))))),
      h('tbody', {}, ...d.cells.map((row, i) => h('tr', {}, h('th', {scope: 'row', class: 'num'}, String(i)), ...row.map((v, j) => cell(v, i, j)))))),
  );
}

// ---------------------------------------------------------------- page

const parts = {
  legend: h('ul', {class: 'legend', 'data-testid': 'legend'}),
  curves: h('div', {class: 'curves', 'data-testid': 'curves'}),
  table: h('section', {'aria-label': 'Hyperparameters'}),
  parallel: h('section', {'aria-label': 'Parallel coordinates'}),
  confusion: h('section', {'aria-label': 'Confusion matrix difference'}),
};

function drawLegend(p: Palette): void {
  clear(parts.legend);
  for (const r of state.runs) {
    parts.legend.append(h('li', {'data-run': r.id, 'data-status': r.status}, swatch(r, p), ' ', h('strong', {}, r.label), ' ',
      h('span', {class: 'muted'}, `${r.spec} · ${statusText(r)} · ${r.epochs.length} epoch${r.epochs.length === 1 ? '' : 's'}`)));
  }
}

function controls(): HTMLElement {
  const axis = h('select', {id: 'x-axis', 'data-testid': 'x-axis'},
    ...Object.entries(X_AXES).map(([k, label]) => h('option', {value: k, selected: k === state.axis}, label)));
  axis.addEventListener('change', () => {
    save({axis: axis.value as XAxis});
    drawCurves(parts.curves, palette());
  });
  const log = h('input', {type: 'checkbox', id: 'log-scale', 'data-testid': 'log-scale', checked: state.log});
  log.addEventListener('change', () => {
    save({log: log.checked});
    drawCurves(parts.curves, palette());
  });
  const slider = h('input', {type: 'range', id: 'smoothing', 'data-testid': 'smoothing', min: 0, max: 0.99, step: 0.01, value: state.smoothing});
  const shown = h('output', {for: 'smoothing', 'data-testid': 'smoothing-value'}, state.smoothing.toFixed(2));
  slider.addEventListener('input', () => {
    save({smoothing: Number(slider.value)});
    shown.textContent = state.smoothing.toFixed(2);
    drawCurves(parts.curves, palette());
  });
  const withSpecs = state.runs.filter((r) => r.hasSpec);
  const pick = (id: string, index: number) => h('select', {id, 'aria-label': id === 'diff-left' ? 'Left spec' : 'Right spec'},
    ...withSpecs.map((r, i) => h('option', {value: r.id, selected: i === index}, r.label)));
  const leftPick = pick('diff-left', 0), rightPick = pick('diff-right', 1);
  const diff = h('button', {class: 'primary', 'data-testid': 'diff-specs', disabled: withSpecs.length < 2}, 'Diff Specs');
  diff.addEventListener('click', () => api.postMessage({type: 'diffSpecs', left: leftPick.value, right: rightPick.value}));
  return h('div', {class: 'toolbar controls'},
    h('label', {for: 'x-axis'}, 'x axis '), axis,
    h('label', {for: 'log-scale'}, log, ' log scale'),
    h('label', {for: 'smoothing'}, 'smoothing '), slider, shown,
    h('span', {class: 'spacer'}),
    ...(withSpecs.length > 2 ? [leftPick, rightPick] : []), diff);
}

function draw(): void {
  const p = palette();
  clear(app);
  const runs = state.runs;
  if (runs.length === 0) {
    app.append(h('p', {class: 'muted'}, 'Select runs in the Runs view and choose Compare.'));
    return;
  }
  app.append(
    h('header', {class: 'top'}, h('h1', {}, `Comparing ${runs.length} run${runs.length === 1 ? '' : 's'}`), parts.legend),
    controls(), h('p', {class: 'muted'}, 'Dashed lines: training; solid lines with larger points: validation.'), parts.curves,
    h('h2', {}, 'Hyperparameters'), parts.table, parts.parallel, parts.confusion);
  drawLegend(p);
  drawCurves(parts.curves, p, true);
  drawTable(parts.table, p);
  drawParallel(parts.parallel, p);
  drawConfusion(parts.confusion, p);
}

/** One run came again (a running training finished an epoch): redraw what depends on its numbers. */
function update(run: ComparedRun): void {
  const i = state.runs.findIndex((r) => r.id === run.id);
  if (i < 0) return;
  state.runs = state.runs.map((r, at) => (at === i ? {...run, colour: r.colour} : r));
  const p = palette();
  drawLegend(p);
  drawCurves(parts.curves, p);
  drawTable(parts.table, p);
  drawParallel(parts.parallel, p);
  drawConfusion(parts.confusion, p);
}

window.addEventListener('message', (event: MessageEvent) => {
  const m = event.data as RunsHostToWebview;
  if (m?.type === 'runs') {
    mark('runs-received');
    state.runs = m.runs;
    draw();
    // After the frame is painted: a task queued from the frame callback runs after the paint.
    requestAnimationFrame(() => setTimeout(() => mark('runs-drawn'), 0));
  } else if (m?.type === 'run') {
    mark('run-received');
    update(m.run);
    requestAnimationFrame(() => setTimeout(() => mark('run-updated'), 0));
  }
});
onThemeChange(() => draw());
// Chart widths follow the panel's (a width that changes rebuilds the charts, see drawCurves).
let resizing: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    if (!state.runs.length) return;
    const p = palette();
    drawCurves(parts.curves, p);
    drawParallel(parts.parallel, p);
  }, 150);
});

draw();
api.postMessage({type: 'ready'});
