/**
 * Training tab, Watch activations: one test sample's activations, taken by the worker at every
 * epoch end with that epoch's weights and drawn as the Layers tab draws them. A sample picked
 * during the run is watched from the next epoch end on (the worker never computes during a
 * step); when the run ends, its last view stays, and other samples are for the Layers tab.
 */
import type {TrainActivations, TrainProgress, WatchedSample} from '../src/protocol/messages';
import {h, clear, integer, milliseconds, percent} from './dom';
import {getState, request, updateState, type WatchState} from './rpc';
import {ActivationGrid, requestActivations} from './activations';

export class WatchView {
  readonly element = h('section', {class: 'activations watch', 'data-testid': 'watch', 'aria-labelledby': 'watch-title'});
  private readonly index = h('input', {type: 'number', min: 0, id: 'watch-index', class: 'number-input', 'aria-describedby': 'watch-sample'}) as HTMLInputElement;
  private readonly sample = h('figure', {class: 'watch-sample', id: 'watch-sample', 'data-testid': 'watch-sample'});
  private readonly epoch = h('p', {class: 'watch-epoch', 'data-testid': 'watch-epoch'});
  private readonly status = h('p', {class: 'muted', 'data-testid': 'watch-status', role: 'status'});
  private readonly toLayers = h('vscode-button', {id: 'watch-to-layers', secondary: true, hidden: true}, 'Show in the Layers tab');
  /** The layer, order and zoom pickers, shown once there is something to draw. */
  private readonly drawing = h('span', {class: 'watch-drawing', hidden: true});
  private readonly grid = new ActivationGrid('watch', () => {
    this.element.dataset.epoch = String(this.shown?.epoch ?? '');
    this.element.dataset.sample = String(this.shown?.sample.index ?? '');
  });
  private state: WatchState;
  /** The epoch end on screen. */
  private shown?: TrainActivations;
  private ended = false;
  private ticket = 0;

  /** `ended`: the run is over (its worker side is gone); `hasModel`: its saved model is loaded in the panel. */
  constructor(private readonly runId: string, options: {ended: boolean; hasModel: boolean}) {
    const saved = getState().watch;
    this.state = saved?.runId === runId ? saved : {runId, index: 0};
    this.index.value = String(this.state.index);
    this.index.addEventListener('change', () => this.pick());
    this.index.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') this.pick(); });
    this.grid.layerPick.addEventListener('change', () => {
      this.save({layer: this.grid.layer});
      this.grid.draw();
    });
    this.toLayers.hidden = !options.hasModel;
    this.drawing.append(...this.grid.controls());
    this.toLayers.addEventListener('click', () => requestActivations({sample: {kind: 'test', index: this.state.index}, caption: `test sample ${integer.format(this.state.index)}`}));
    this.element.append(h('h3', {id: 'watch-title'}, 'Watch activations'),
      h('div', {class: 'toolbar'}, h('label', {for: 'watch-index'}, 'Test sample'), this.index, this.toLayers, this.drawing),
      h('div', {class: 'watch-head'}, this.sample, h('div', {}, this.epoch, this.status)),
      this.grid.output);
    if (this.state.final) this.display(this.state.final);
    if (options.ended) this.end();
    else void this.ask(this.state.index);
  }

  /** A training progress event of the run: its end freezes the view. */
  progress(p: TrainProgress): void {
    if (p.kind === 'end' && !this.ended) this.end();
  }

  /** An epoch end's activations, sent by the worker. */
  activations(a: TrainActivations): void {
    if (a.runId === this.runId && !this.ended) this.display(a);
  }

  private pick(): void {
    const i = Number(this.index.value);
    if (this.ended || this.index.value === '' || i === this.state.index) return;
    void this.ask(i);
  }

  /** Tells the worker which sample to watch (also on load: the answer carries the last epoch end's view). */
  private async ask(index: number): Promise<void> {
    const ticket = ++this.ticket;
    try {
      const answer = await request('watchSample', {sample: index});
      if (ticket !== this.ticket || this.ended) return;
      this.save({index});
      if (answer.sample) this.describe(answer.sample);
      if (answer.latest && answer.latest.epoch > (this.shown?.epoch ?? 0)) this.display(answer.latest);
      else this.note();
    } catch (e) {
      if (ticket !== this.ticket || this.ended) return;
      this.index.value = String(this.state.index);
      this.note((e as Error).message);
    }
  }

  private display(a: TrainActivations): void {
    this.shown = a;
    if (a.sample.index === this.state.index) this.describe(a.sample);
    const predicted = a.predicted ? ` · predicts ${a.predicted.label} (${percent(a.predicted.probability, 1)})` : '';
    const took = a.result ? ` · worker ${milliseconds(a.result.computeMs)}` : '';
    this.epoch.textContent = `Test sample ${integer.format(a.sample.index)} after epoch ${a.epoch} of ${a.epochs}${predicted}${took}`;
    if (!a.result) {
      this.note(`The activations after epoch ${a.epoch} could not be computed: ${a.problem ?? 'no reason given'}`);
      return;
    }
    this.note();
    this.grid.setLayers(a.result.layers, this.state.layer);
    this.drawing.hidden = false;
    this.grid.show(a.result);
  }

  /** The line under the epoch: an error when there is one, else what the view waits for. */
  private note(error?: string): void {
    clear(this.status);
    if (error) this.status.append(h('span', {class: 'error', 'data-testid': 'watch-error'}, error));
    else if (this.ended) {
      const elsewhere = this.toLayers.hidden ? '' : ' Other samples: the Layers tab, on the saved model.';
      this.status.textContent = `${this.shown ? 'Training ended: the view after its last epoch stays.' : 'Training ended; no epoch end\'s activations reached this panel.'}${elsewhere}`;
    } else if (this.shown?.sample.index !== this.state.index) {
      this.status.textContent = `Test sample ${integer.format(this.state.index)}'s activations come at the next epoch end.`;
    }
  }

  /** The picked sample: its image and label, and the picker's range. */
  private describe(s: WatchedSample): void {
    this.index.max = String(s.count - 1);
    this.index.setAttribute('aria-label', `Watched test sample, 0 to ${integer.format(s.count - 1)}`);
    clear(this.sample);
    const label = s.label === undefined ? 'no class label' : `label ${s.label}`;
    if (s.image) this.sample.append(h('img', {class: 'watch-image', src: s.image, alt: `Test sample ${s.index}, ${label}`}));
    this.sample.append(h('figcaption', {}, `#${integer.format(s.index)} of ${integer.format(s.count)} · ${label}`));
  }

  private end(): void {
    this.ended = true;
    this.index.disabled = true;
    if (this.shown) this.save({final: this.shown});
    this.note();
  }

  private save(patch: Partial<WatchState>): void {
    this.state = {...this.state, ...patch};
    updateState({watch: this.state});
  }
}
