/** Weights tab: per-tensor statistics, a histogram, and kernel grids / heat maps computed by the worker. */
import type {WeightStats} from '../src/protocol/messages';
import {h, clear, fixed, integer, percent} from './dom';
import {request} from './rpc';
import {histogramChart} from './charts';

const IMAGE_CAPTIONS: Record<NonNullable<WeightStats['imageKind']>, string> = {
  'kernel-grid': 'Kernels: one tile per filter (columns, 16 to a row) and input channel (rows). Blue negative, red positive.',
  'kernel-grid-mean': 'Kernels: one tile per filter (16 to a row), averaged over input channels. Blue negative, red positive.',
  'heatmap': 'Matrix: outputs down, inputs across. Blue negative, red positive.',
  'heatmap-downsampled': 'Matrix, block-averaged: outputs down, inputs across. Blue negative, red positive.',
};

function card(w: WeightStats, index: number): HTMLElement {
  const size = w.shape.reduce((a, b) => a * b, 1);
  const chart = h('div', {class: 'histogram', 'data-testid': 'histogram', role: 'img',
    'aria-label': `Histogram of ${w.name}: ${w.histogram.counts.length} bins from ${fixed(w.min)} to ${fixed(w.max)}`});
  const stats = h('dl', {class: 'stats'},
    ...([['min', fixed(w.min)], ['max', fixed(w.max)], ['mean', fixed(w.mean)], ['std', fixed(w.std)], ['zeros', percent(w.zeroFraction, 2)]] as const)
      .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {'data-stat': k}, v)]));
  const image = w.image
    ? h('figure', {class: 'weight-image'},
      h('img', {src: w.image, alt: `${IMAGE_CAPTIONS[w.imageKind!] ?? 'Weights'} (${w.name})`, 'data-testid': 'weight-image'}),
      h('figcaption', {class: 'muted'}, IMAGE_CAPTIONS[w.imageKind!] ?? ''))
    : null;
  const el = h('section', {class: 'weight-card', 'data-testid': 'weight-card', 'data-weight': w.name, 'aria-labelledby': `w-${index}`},
    h('h3', {id: `w-${index}`}, w.name),
    h('p', {class: 'muted'}, `shape [${w.shape.join(', ')}] · ${w.dtype} · ${integer.format(size)} values`),
    h('div', {class: 'weight-body'}, h('div', {class: 'weight-numbers'}, stats, chart), image));
  // Charts are drawn when a card scrolls into view: a model can have hundreds of tensors.
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      histogramChart(chart, w.histogram.edges, w.histogram.counts, 'Histogram');
    }
  });
  observer.observe(chart);
  return el;
}

let loaded: Promise<WeightStats[]> | undefined;

export function resetWeights(): void {
  loaded = undefined;
}

export async function renderWeights(container: HTMLElement): Promise<void> {
  if (container.dataset.rendered === 'true') return;
  container.dataset.rendered = 'true';
  clear(container);
  const status = h('p', {class: 'muted', role: 'status'}, 'Computing weight statistics in the worker…');
  container.append(status);
  try {
    loaded ??= request('weightStats', {});
    const stats = await loaded;
    status.remove();
    if (stats.length === 0) {
      container.append(h('p', {}, 'This model has no weights.'));
      return;
    }
    const nav = h('nav', {class: 'weight-nav', 'aria-label': 'Weight tensors'},
      h('label', {for: 'weight-jump'}, 'Tensor: '),
      h('select', {id: 'weight-jump'}, ...stats.map((w, i) => h('option', {value: i}, `${w.name} [${w.shape.join(', ')}]`))));
    const cards = stats.map(card);
    nav.querySelector('select')!.addEventListener('change', (ev) => {
      const i = Number((ev.target as HTMLSelectElement).value);
      cards[i]!.scrollIntoView({block: 'start'});
    });
    container.append(nav, ...cards);
  } catch (e) {
    container.dataset.rendered = 'false';
    loaded = undefined;
    status.textContent = `Could not compute the weight statistics: ${(e as Error).message}`;
    status.classList.add('error');
  }
}
