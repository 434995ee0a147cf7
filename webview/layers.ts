/** Layers tab: the Keras summary table, layer configuration on demand, and a graph for functional models. */
import {Graph, layout} from '@dagrejs/dagre';
import type {LayerDetails, SummaryTable} from '../src/protocol/messages';
import {h, clear, integer, readableBytes, svg} from './dom';
import {getState, request, updateState} from './rpc';
import {ActivationsView, SHOW_ACTIVATIONS_EVENT, type ShowActivations} from './activations';

/** A graph is worth drawing when the model is not a plain chain. */
export function hasBranches(summary: SummaryTable): boolean {
  const outbound = new Map<string, number>();
  for (const r of summary.rows) for (const i of r.inbound) outbound.set(i, (outbound.get(i) ?? 0) + 1);
  return summary.rows.some((r) => r.inbound.length > 1) || [...outbound.values()].some((n) => n > 1);
}

function configView(d: LayerDetails): HTMLElement {
  const weights = d.weights.length
    ? h('ul', {class: 'weights-list'}, ...d.weights.map((w) => h('li', {}, `${w.name} `, h('code', {}, `[${w.shape.join(', ')}]`), ` ${w.dtype}${w.trainable ? '' : ' (non-trainable)'}`)))
    : h('p', {class: 'muted'}, 'No weights.');
  return h('div', {class: 'layer-config', 'data-testid': 'layer-config'},
    h('div', {class: 'kv'},
      h('span', {}, 'Input shape'), h('code', {}, d.inputShape),
      h('span', {}, 'Output shape'), h('code', {}, d.outputShape),
      h('span', {}, 'Trainable'), h('span', {}, d.trainable ? 'yes' : 'no'),
    ),
    h('h4', {}, 'Weights'), weights,
    h('h4', {}, 'Configuration'),
    h('pre', {class: 'config-json'}, JSON.stringify(d.config, null, 2)),
  );
}

async function toggleConfig(name: string, row: HTMLTableRowElement, button: HTMLButtonElement, columns: number): Promise<void> {
  const next = row.nextElementSibling;
  const expanded = getState().expandedLayers;
  if (next?.classList.contains('config-row')) {
    next.remove();
    button.setAttribute('aria-expanded', 'false');
    updateState({expandedLayers: expanded.filter((n) => n !== name)});
    return;
  }
  button.setAttribute('aria-expanded', 'true');
  const cell = h('td', {colspan: columns}, h('span', {class: 'muted'}, 'Loading configuration…'));
  const configRow = h('tr', {class: 'config-row'}, cell);
  row.after(configRow);
  if (!expanded.includes(name)) updateState({expandedLayers: [...expanded, name]});
  try {
    const d = await request('layerConfig', {layer: name});
    clear(cell);
    cell.append(configView(d));
  } catch (e) {
    clear(cell);
    cell.append(h('span', {class: 'error'}, String((e as Error).message)));
  }
}

function summaryTable(summary: SummaryTable, functional: boolean, onLayer: (name: string) => void): HTMLElement {
  const columns = functional ? 4 : 3;
  const body = h('tbody');
  for (const r of summary.rows) {
    const button = h('button', {class: 'link', 'aria-expanded': 'false', title: `Show the configuration of ${r.name}`},
      h('span', {class: 'chevron', 'aria-hidden': 'true'}), `${r.name} `, h('span', {class: 'muted'}, `(${r.className})`));
    const row = h('tr', {'data-layer': r.name},
      h('td', {}, button),
      h('td', {}, h('code', {}, r.outputShape)),
      h('td', {class: 'num'}, integer.format(r.params)),
      functional ? h('td', {}, r.inbound.join(', ') || '–') : null,
    );
    button.addEventListener('click', () => {
      onLayer(r.name);
      void toggleConfig(r.name, row, button, columns);
    });
    body.append(row);
  }
  const table = h('table', {class: 'summary', 'data-testid': 'summary-table'},
    h('caption', {}, `Model: "${summary.modelName}" (${summary.className})`),
    h('thead', {}, h('tr', {},
      h('th', {scope: 'col'}, 'Layer (type)'),
      h('th', {scope: 'col'}, 'Output Shape'),
      h('th', {scope: 'col', class: 'num'}, 'Param #'),
      functional ? h('th', {scope: 'col'}, 'Connected to') : null)),
    body);
  return table;
}

function totals(summary: SummaryTable): HTMLElement {
  const line = (label: string, n: number, bytes: number, id: string) =>
    h('div', {'data-testid': id}, h('span', {class: 'total-label'}, `${label}: `), h('strong', {}, integer.format(n)), ` (${readableBytes(bytes)})`);
  return h('div', {class: 'totals'},
    line('Total params', summary.totalParams, summary.totalBytes, 'total-params'),
    line('Trainable params', summary.trainableParams, summary.trainableBytes, 'trainable-params'),
    line('Non-trainable params', summary.nonTrainableParams, summary.nonTrainableBytes, 'non-trainable-params'));
}

/** Layered drawing of the layer graph (dagre), as SVG; nodes are focusable and open their configuration. */
function graphView(summary: SummaryTable, onSelect: (name: string) => void): HTMLElement {
  const g = new Graph();
  g.setGraph({rankdir: 'TB', nodesep: 24, ranksep: 32, marginx: 8, marginy: 8});
  g.setDefaultEdgeLabel(() => ({}));
  const nodeWidth = (r: SummaryTable['rows'][number]) => Math.max(r.name.length, r.className.length + 2) * 7.2 + 24;
  for (const r of summary.rows) g.setNode(r.name, {width: nodeWidth(r), height: 40});
  for (const r of summary.rows) for (const i of r.inbound) if (g.hasNode(i)) g.setEdge(i, r.name);
  layout(g);
  const {width = 0, height = 0} = g.graph();
  const root = svg('svg', {width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': 'Layer graph', class: 'layer-graph'});
  root.append(svg('defs', {}, svg('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse'},
    svg('path', {d: 'M 0 0 L 10 5 L 0 10 z', class: 'edge-head'}))));
  for (const e of g.edges()) {
    const pts: Array<{x: number; y: number}> = g.edge(e).points ?? [];
    const d = pts.map((p, i) => `${i ? 'L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
    root.append(svg('path', {d, class: 'edge', 'marker-end': 'url(#arrow)', 'data-edge': `${e.v}->${e.w}`}));
  }
  for (const r of summary.rows) {
    const n = g.node(r.name);
    const node = svg('g', {class: 'node', tabindex: 0, role: 'button', 'aria-label': `${r.name} (${r.className}), output ${r.outputShape}`,
      transform: `translate(${n.x - n.width / 2}, ${n.y - n.height / 2})`, 'data-node': r.name},
      svg('rect', {width: n.width, height: n.height, rx: 4}),
      svg('text', {x: n.width / 2, y: 16, 'text-anchor': 'middle', class: 'node-name'}, r.name),
      svg('text', {x: n.width / 2, y: 31, 'text-anchor': 'middle', class: 'node-class'}, r.className));
    node.addEventListener('click', () => onSelect(r.name));
    node.addEventListener('keydown', (ev) => {
      const k = (ev as KeyboardEvent).key;
      if (k === 'Enter' || k === ' ') {
        ev.preventDefault();
        onSelect(r.name);
      }
    });
    root.append(node);
  }
  return h('div', {class: 'graph-scroll', 'data-testid': 'layer-graph'}, root);
}

/** The Activations view on screen; samples sent from the Predictions tab go to it. */
let shownActivations: ActivationsView | undefined;
document.addEventListener(SHOW_ACTIVATIONS_EVENT, (ev) => {
  const {sample, caption} = (ev as CustomEvent<ShowActivations>).detail;
  if (!shownActivations) return;
  void shownActivations.show(sample, caption);
  shownActivations.element.scrollIntoView({block: 'start'});
});

export function renderLayers(container: HTMLElement, summary: SummaryTable): void {
  clear(container);
  const functional = hasBranches(summary) || summary.className !== 'Sequential';
  const activations = new ActivationsView(summary);
  const table = summaryTable(summary, functional, (name) => activations.selectLayer(name));
  container.append(table, totals(summary));
  shownActivations = activations;
  // Re-open the configurations that were open before the panel was hidden or reloaded.
  for (const name of getState().expandedLayers) {
    const row = table.querySelector<HTMLTableRowElement>(`tr[data-layer="${CSS.escape(name)}"]`);
    const button = row?.querySelector('button');
    if (row && button) {
      updateState({expandedLayers: getState().expandedLayers.filter((n) => n !== name)});
      void toggleConfig(name, row, button, functional ? 4 : 3);
    }
  }
  if (hasBranches(summary)) {
    container.append(h('h3', {}, 'Graph'), graphView(summary, (name) => {
      activations.selectLayer(name);
      const row = table.querySelector<HTMLTableRowElement>(`tr[data-layer="${CSS.escape(name)}"]`);
      const button = row?.querySelector('button');
      if (!row || !button) return;
      if (button.getAttribute('aria-expanded') !== 'true') button.click();
      row.scrollIntoView({block: 'center'});
      button.focus();
    }));
  }
  container.append(activations.element);
}
