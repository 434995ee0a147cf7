/** uPlot charts themed with VS Code's colours: weight histograms and training curves. */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import {palette, onThemeChange} from './theme';

const charts = new Set<{rebuild(): void}>();
onThemeChange(() => charts.forEach((c) => c.rebuild()));

function axes(p: ReturnType<typeof palette>, xLabel: string, yLabel: string): uPlot.Axis[] {
  const axis = (label: string): uPlot.Axis => ({
    label,
    stroke: p.foreground,
    grid: {stroke: p.grid, width: 1},
    ticks: {stroke: p.grid, width: 1},
    font: '11px var(--vscode-font-family, sans-serif)',
    labelFont: '11px var(--vscode-font-family, sans-serif)',
  });
  return [axis(xLabel), axis(yLabel)];
}

function widthOf(el: HTMLElement, fallback: number): number {
  return Math.max(200, Math.floor(el.clientWidth || fallback));
}

export interface ManagedChart {
  plot: uPlot;
  setData(data: uPlot.AlignedData): void;
  destroy(): void;
}

/** Creates a chart that is rebuilt on theme changes and resized with its container. */
function managed(el: HTMLElement, make: () => uPlot.Options, data: uPlot.AlignedData): ManagedChart {
  let current = data;
  let plot = new uPlot(make(), current, el);
  const entry = {
    rebuild() {
      plot.destroy();
      plot = new uPlot(make(), current, el);
      result.plot = plot;
    },
  };
  charts.add(entry);
  const resize = new ResizeObserver(() => {
    const w = widthOf(el, plot.width);
    if (Math.abs(w - plot.width) > 4) plot.setSize({width: w, height: plot.height});
  });
  resize.observe(el);
  const result: ManagedChart = {
    plot,
    setData(d) {
      current = d;
      plot.setData(d);
    },
    destroy() {
      resize.disconnect();
      charts.delete(entry);
      plot.destroy();
    },
  };
  return result;
}

export function histogramChart(el: HTMLElement, edges: number[], counts: number[], title: string): ManagedChart {
  const centres = counts.map((_, i) => (edges[i]! + edges[i + 1]!) / 2);
  return managed(el, () => {
    const p = palette();
    return {
      title,
      width: widthOf(el, 320),
      height: 150,
      legend: {show: false},
      cursor: {drag: {x: false, y: false}},
      scales: {x: {time: false, range: [edges[0]!, edges[edges.length - 1]!]}},
      axes: axes(p, 'value', 'count'),
      series: [
        {},
        {label: 'count', stroke: p.series[0], fill: p.series[0] + '99', width: 1, points: {show: false}, paths: uPlot.paths.bars!({size: [1, Infinity], gap: 0})},
      ],
    };
  }, [centres, counts]);
}

export interface CurveSeries {
  label: string;
  values: Array<number | null>;
  /** 'batch' series are thin running means; 'epoch' series are points joined by lines. */
  kind: 'batch' | 'epoch';
  colour: number;
}

/** Series keep their order; a caller whose set of series changes builds a new chart. */
export function curveChart(el: HTMLElement, title: string, yLabel: string, x: number[], series: CurveSeries[]): ManagedChart {
  return managed(el, () => {
    const p = palette();
    return {
      title,
      width: widthOf(el, 480),
      height: 220,
      scales: {x: {time: false}},
      axes: axes(p, 'epoch', yLabel),
      legend: {live: true},
      series: [
        {label: 'epoch', value: (_u, v) => (v == null ? '–' : v.toFixed(2))},
        ...series.map((s) => ({
          label: s.label,
          stroke: p.series[s.colour % p.series.length],
          width: s.kind === 'batch' ? 1 : 2,
          spanGaps: true,
          points: {show: s.kind === 'epoch', size: 6},
          value: (_u: uPlot, v: number | null) => (v == null ? '–' : v.toFixed(4)),
        })),
      ],
    };
  }, [x, ...series.map((s) => s.values)]);
}
