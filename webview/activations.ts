/**
 * Layers tab, Activations: what each layer computes on one sample (a test-set sample, or a
 * drawing / typed values sent from the Predictions tab); the drawing is also the Training tab's
 * watched sample's (watch.ts). Feature maps (H, W, C) as a grid of
 * channels, each at least 48 px, zoomable, with the channel's index and range on hover and a sort
 * by mean activation; vectors as a strip; sequences as time x units. One layer at a time: the
 * layer picker, a click on a row of the summary table or a node of the graph chooses it.
 */
import type {ActivationMap, ActivationsResult, SampleRef, SummaryTable} from '../src/protocol/messages';
import {h, clear, fixed, integer, milliseconds, percent} from './dom';
import {getState, mark, request, updateState} from './rpc';
import {colourScale, decodeBase64, mapCanvas} from './colormap';

/** The smallest side a feature map is drawn at (CSS px) before zoom. */
const MIN_MAP_PX = 48;
/** Units per row of a strip (wider vectors wrap). */
const STRIP_WIDTH = 256;

export const SHOW_ACTIVATIONS_EVENT = 'kw-show-activations';
export interface ShowActivations { sample: SampleRef; caption: string }

/** Asks the Layers tab to show a sample's activations (from the Predictions tab). */
export function requestActivations(detail: ShowActivations): void {
  document.dispatchEvent(new CustomEvent<ShowActivations>(SHOW_ACTIVATIONS_EVENT, {detail}));
}

/**
 * All channels in one image (an atlas of H x W tiles, drawn and encoded once); each map on screen
 * is an element showing its tile as a background: one canvas instead of one per channel keeps a
 * 128-channel layer quick to draw.
 */
function mapsView(a: ActivationMap, bytes: Uint8Array, order: 'index' | 'mean', zoom: number): HTMLElement {
  const [height, width, channels] = a.shape as [number, number, number];
  const side = Math.max(MIN_MAP_PX, Math.max(height, width)) * zoom;
  const columns = Math.ceil(Math.sqrt(channels));
  const rows = Math.ceil(channels / columns);
  const atlas = new Uint8Array(columns * width * rows * height);
  const stride = columns * width;
  for (let p = 0; p < height * width; p++) {
    const y = Math.floor(p / width), x = p % width;
    for (let k = 0; k < channels; k++) {
      atlas[(Math.floor(k / columns) * height + y) * stride + (k % columns) * width + x] = bytes[p * channels + k]!;
    }
  }
  const url = `url("${mapCanvas(atlas, stride, rows * height).toDataURL('image/png')}")`;
  const indices = Array.from({length: channels}, (_, i) => i);
  if (order === 'mean') indices.sort((x, y) => a.channels![y]!.mean - a.channels![x]!.mean);
  const grid = h('div', {class: 'fmap-grid', role: 'list', 'aria-label': `${channels} feature maps of ${a.name}`});
  grid.style.setProperty('--fmap-size', `${side}px`);
  // Set once on the grid: each map's style then holds only its tile's position, not the image's text.
  grid.style.setProperty('--fmap-atlas', url);
  grid.style.setProperty('--fmap-atlas-size', `${columns * 100}% ${rows * 100}%`);
  const at = (i: number, n: number) => (n > 1 ? `${(i / (n - 1)) * 100}%` : '0%');
  for (const k of indices) {
    const c = a.channels![k]!;
    const text = `channel ${k}: min ${fixed(c.min)}, max ${fixed(c.max)}, mean ${fixed(c.mean)}`;
    const map = h('div', {class: 'fmap'});
    map.style.backgroundPosition = `${at(k % columns, columns)} ${at(Math.floor(k / columns), rows)}`;
    grid.append(h('figure', {class: 'fmap-cell', role: 'listitem', tabindex: 0, title: text, 'aria-label': text, 'data-channel': k},
      map, h('figcaption', {}, String(k))));
  }
  return grid;
}

function stripView(a: ActivationMap, bytes: Uint8Array, zoom: number): HTMLElement {
  const [rows, columns] = a.kind === 'sequence'
    ? [a.shape[0]!, a.shape.slice(1).reduce((x, y) => x * y, 1)]
    : [Math.ceil(bytes.length / STRIP_WIDTH), Math.min(bytes.length, STRIP_WIDTH)];
  const padded = new Uint8Array(rows * columns);
  padded.set(bytes.subarray(0, padded.length));
  const canvas = mapCanvas(padded, columns, rows);
  canvas.classList.add(a.kind === 'sequence' ? 'sequence-map' : 'strip');
  const cell = Math.max(2, Math.floor(720 / columns)) * zoom;
  canvas.style.width = `${columns * cell}px`;
  canvas.style.height = `${rows * Math.max(a.kind === 'sequence' ? cell : 24 * zoom, 2)}px`;
  const what = a.kind === 'sequence' ? `time steps (rows) x units (columns), ${rows} x ${columns}` : `${integer.format(bytes.length)} units${rows > 1 ? `, ${STRIP_WIDTH} per row` : ''}`;
  return h('figure', {class: 'strip-view', role: 'img', 'aria-label': `${a.name}: ${what}`}, canvas, h('figcaption', {class: 'muted'}, what));
}

/**
 * One layer's activation drawn, with the layer, order and zoom pickers: the Layers tab's
 * Activations and a training run's watched sample share it. `prefix` keeps the controls' ids
 * apart (both views can be on the page).
 */
export class ActivationGrid {
  readonly output = h('div', {class: 'activation-output'});
  readonly layerPick: HTMLSelectElement;
  private readonly sort: HTMLSelectElement;
  private readonly zoom: HTMLInputElement;
  private result?: ActivationsResult;
  private decoded = new Map<string, Uint8Array>();

  /** `onDrawn`: after each drawing, with the milliseconds it took. */
  constructor(private readonly prefix: string, private readonly onDrawn: (ms: number) => void = () => undefined) {
    this.layerPick = h('select', {id: `${prefix}-layer`, 'aria-label': 'Layer'}) as HTMLSelectElement;
    this.sort = h('select', {id: `${prefix}-sort`, 'aria-label': 'Order of the feature maps'},
      h('option', {value: 'index'}, 'channel order'), h('option', {value: 'mean'}, 'mean activation, highest first')) as HTMLSelectElement;
    this.zoom = h('input', {type: 'range', min: 1, max: 4, step: 1, value: 1, id: `${prefix}-zoom`, 'aria-label': 'Zoom'}) as HTMLInputElement;
    this.sort.addEventListener('change', () => this.draw());
    this.zoom.addEventListener('input', () => this.draw());
  }

  /** The pickers with their labels, for the owner's toolbar. */
  controls(): HTMLElement[] {
    const p = this.prefix;
    return [h('label', {for: `${p}-layer`}, 'Layer'), this.layerPick, h('label', {for: `${p}-sort`}, 'Sort'), this.sort, h('label', {for: `${p}-zoom`}, 'Zoom'), this.zoom];
  }

  /** The layers to pick from; the picked one stays (else `preferred`, else the first). */
  setLayers(layers: Array<{name: string; className: string}>, preferred?: string): void {
    const keep = [this.layerPick.value, preferred].find((name) => name && layers.some((l) => l.name === name));
    clear(this.layerPick);
    for (const l of layers) this.layerPick.append(h('option', {value: l.name}, `${l.name} (${l.className})`));
    this.layerPick.value = keep ?? layers[0]?.name ?? '';
  }

  get layer(): string {
    return this.layerPick.value;
  }

  set layer(name: string) {
    this.layerPick.value = name;
  }

  /** Whether the result on screen holds the layer (or, for a nested model, its inner layers). */
  holds(name: string): boolean {
    return this.result?.layers.some((l) => l.name === name || l.name.startsWith(`${name}/`)) ?? false;
  }

  /** Draws a result; `more`: further layers of the sample on screen, kept beside its others. */
  show(result: ActivationsResult, more = false): void {
    if (more && this.result) result = {...result, layers: [...result.layers, ...this.result.layers]};
    else this.decoded.clear();
    this.result = result;
    this.draw();
  }

  draw(): void {
    const started = performance.now();
    clear(this.output);
    const a = this.result?.layers.find((l) => l.name === this.layer)
      ?? this.result?.layers.find((l) => l.name.startsWith(`${this.layer}/`));
    if (!this.result) return;
    if (!a) {
      this.output.append(h('p', {class: 'muted'}, `No activation recorded for ${this.layer}.`));
      return;
    }
    let bytes = this.decoded.get(a.name);
    if (!bytes) this.decoded.set(a.name, (bytes = decodeBase64(a.bytes)));
    const zoom = Number(this.zoom.value) || 1;
    const body = a.kind === 'maps' ? mapsView(a, bytes, this.sort.value as 'index' | 'mean', zoom) : stripView(a, bytes, zoom);
    this.output.append(
      h('p', {'data-testid': 'activation-summary'}, h('strong', {}, a.name), ` (${a.className}) · shape (${a.shape.join(', ')}) · min ${fixed(a.min)} · max ${fixed(a.max)} · mean ${fixed(a.mean)} · zeros ${percent(a.zeroFraction, 1)}`),
      colourScale(a.min, a.max, 'activation'), body);
    this.output.dataset.layer = a.name;
    this.onDrawn(performance.now() - started);
  }
}

export class ActivationsView {
  readonly element = h('section', {class: 'activations', 'data-testid': 'activations', 'aria-live': 'polite'});
  private readonly status = h('p', {class: 'muted', 'data-testid': 'activations-status'}, 'Choose a test sample, or send a drawing from the Predictions tab.');
  private readonly index = h('input', {type: 'number', min: 0, id: 'activation-index', class: 'number-input', 'aria-label': 'Test sample index'}) as HTMLInputElement;
  private readonly grid = new ActivationGrid('activation', (ms) => {
    this.element.dataset.drawMs = ms.toFixed(1);
    this.element.dataset.sample = this.sampleKey;
    requestAnimationFrame(() => mark('activations-shown'));
  });
  /** The sample on screen (each of its layers is asked for when first shown). */
  private sample?: {ref: SampleRef; caption: string};
  private sampleKey = '';
  private ticket = 0;

  constructor(summary: SummaryTable) {
    this.grid.setLayers(summary.rows, getState().activationLayer);
    this.index.value = String(getState().sampleIndex ?? 0);
    const go = h('vscode-button', {id: 'activation-show'}, 'Show activations');
    const show = () => {
      const i = Number(this.index.value);
      if (Number.isInteger(i) && i >= 0) void this.show({kind: 'test', index: i}, `test sample ${integer.format(i)}`);
    };
    go.addEventListener('click', show);
    this.index.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') show(); });
    this.grid.layerPick.addEventListener('change', () => this.selectLayer(this.grid.layer));
    this.element.append(h('h3', {}, 'Activations'),
      h('div', {class: 'toolbar'}, h('label', {for: 'activation-index'}, 'Test sample'), this.index, go, ...this.grid.controls()),
      this.status, this.grid.output);
  }

  selectLayer(name: string): void {
    this.grid.layer = name;
    updateState({activationLayer: name});
    if (this.sample && !this.grid.holds(name)) void this.show(this.sample.ref, this.sample.caption, true);
    else this.grid.draw();
  }

  /** Asks the worker for the chosen layer's activation only: one forward pass, one layer's bytes to carry and decode. */
  async show(sample: SampleRef, caption: string, more = false): Promise<void> {
    const ticket = ++this.ticket;
    this.status.textContent = `Computing the activations of ${caption}…`;
    try {
      const asked = performance.now();
      const result = await request('activations', {sample, layers: [this.grid.layer]});
      if (ticket !== this.ticket) return;
      // For the benchmark: the round trip (worker included) of this request.
      this.element.dataset.requestMs = (performance.now() - asked).toFixed(1);
      this.sample = {ref: sample, caption};
      this.sampleKey = sample.kind === 'test' ? String(sample.index) : 'values';
      this.status.textContent = `Activations of ${caption} (worker: ${milliseconds(result.computeMs)}).`;
      this.grid.show(result, more);
    } catch (e) {
      if (ticket !== this.ticket) return;
      this.status.textContent = '';
      this.status.append(h('span', {class: 'error', 'data-testid': 'activations-error'}, (e as Error).message));
    }
  }
}
