/**
 * Predictions tab, Explain: which input values drove the score of a class, for one sample. The
 * attribution beside the input and over it (opacity slider), with its colour scale; pickers for
 * the method and the class (the predicted class and the top 3); integrated gradients show their
 * completeness.
 */
import type {AttributionMethodName, ExplanationView, SampleRef} from '../src/protocol/messages';
import {h, clear, fixed, percent} from './dom';
import {mark, request} from './rpc';
import {colourScale, mapCanvas} from './colormap';

const METHODS: Array<[AttributionMethodName, string, string]> = [
  ['saliency', 'Saliency', 'the gradient of the class score: how much each input value moves it'],
  ['smoothgrad', 'SmoothGrad', 'saliency averaged over noisy copies of the input: less speckle'],
  ['integrated-gradients', 'Integrated gradients', 'gradients summed along the way from a baseline (zeros) to the input; they add up to the score difference'],
  ['gradcam', 'Grad-CAM', 'the last spatial layer\'s channels weighted by the gradient: where the evidence lies, coarse'],
];

/** Magnitudes 0..255 of the attribution (signed methods: |a|), and the range they span. */
function magnitudes(e: ExplanationView): {bytes: Uint8Array; low: number; high: number; signed: boolean} {
  const signed = e.method !== 'gradcam';
  const values = e.attribution.map((v) => (signed ? Math.abs(v) : v));
  const high = Math.max(...values, 0);
  const low = signed ? 0 : Math.min(...values, 0);
  const span = high - low || 1;
  return {bytes: Uint8Array.from(values, (v) => Math.round(((v - low) / span) * 255)), low, high, signed};
}

export class ExplainView {
  readonly element = h('section', {class: 'explain', 'data-testid': 'explain', 'aria-live': 'polite'});
  private readonly method = h('select', {id: 'explain-method', 'aria-label': 'Attribution method'},
    ...METHODS.map(([id, label]) => h('option', {value: id}, label))) as HTMLSelectElement;
  private readonly classPick = h('select', {id: 'explain-class', 'aria-label': 'Class to explain'}) as HTMLSelectElement;
  private readonly opacity = h('input', {type: 'range', min: 0, max: 100, step: 5, value: 60, id: 'explain-opacity', 'aria-label': 'Overlay opacity'}) as HTMLInputElement;
  private readonly body = h('div', {class: 'explain-body'});
  private sample?: SampleRef;
  private last?: ExplanationView;
  private ticket = 0;

  constructor() {
    this.method.addEventListener('change', () => void this.run());
    this.classPick.addEventListener('change', () => void this.run(Number(this.classPick.value)));
    this.opacity.addEventListener('input', () => this.last && this.draw(this.last));
    this.element.hidden = true;
    this.element.append(h('h3', {}, 'Explain'),
      h('div', {class: 'toolbar'},
        h('label', {for: 'explain-method'}, 'Method'), this.method,
        h('label', {for: 'explain-class'}, 'Class'), this.classPick,
        h('label', {for: 'explain-opacity'}, 'Overlay opacity'), this.opacity),
      this.body);
  }

  explain(sample: SampleRef): Promise<void> {
    this.sample = sample;
    this.element.hidden = false;
    this.element.scrollIntoView({block: 'nearest'});
    this.classPick.textContent = '';
    return this.run();
  }

  private async run(classIndex?: number): Promise<void> {
    if (!this.sample) return;
    const ticket = ++this.ticket;
    this.element.dataset.pending = 'true';
    clear(this.body);
    this.body.append(h('p', {class: 'muted'}, 'Explaining…'));
    try {
      const e = await request('explain', {sample: this.sample, method: this.method.value as AttributionMethodName, classIndex});
      if (ticket !== this.ticket) return;
      this.last = e;
      this.fillClasses(e);
      this.draw(e);
      mark('explanation-shown');
    } catch (err) {
      if (ticket !== this.ticket) return;
      clear(this.body);
      this.body.append(h('p', {class: 'error', 'data-testid': 'explain-error'}, (err as Error).message));
    } finally {
      if (ticket === this.ticket) delete this.element.dataset.pending;
    }
  }

  private fillClasses(e: ExplanationView): void {
    const choices = e.top.map((t) => t.label);
    if (!choices.includes(e.classIndex)) choices.push(e.classIndex);
    clear(this.classPick);
    for (const c of choices) {
      const t = e.top.find((x) => x.label === c);
      const what = c === e.predicted ? 'predicted' : t ? percent(t.probability, 1) : '';
      this.classPick.append(h('option', {value: c}, `${c}${what ? ` (${what})` : ''}`));
    }
    this.classPick.value = String(e.classIndex);
  }

  private draw(e: ExplanationView): void {
    clear(this.body);
    const {bytes, low, high, signed} = magnitudes(e);
    const [mh, mw] = e.shape.length >= 2 ? [e.shape[0]!, e.shape[1]!] : [1, e.shape[0]!];
    // Channels of an image input are summed into one map per pixel (their magnitudes).
    const channels = e.shape.length === 3 && e.method !== 'gradcam' ? e.shape[2]! : 1;
    const plane = new Uint8Array(mh * mw);
    for (let p = 0; p < plane.length; p++) {
      let m = 0;
      for (let c = 0; c < channels; c++) m = Math.max(m, bytes[p * channels + c]!);
      plane[p] = m;
    }
    const attribution = mapCanvas(plane, mw, mh);
    attribution.classList.add('explain-map');
    // A vector input (tabular features) as a strip, one cell per feature.
    if (e.shape.length === 1) {
      attribution.style.width = `${Math.min(720, mw * 16)}px`;
      attribution.style.height = '24px';
    }
    attribution.setAttribute('data-testid', 'attribution-map');
    const figures: HTMLElement[] = [];
    if (e.image) {
      const input = h('img', {class: 'explain-map', src: e.image, alt: 'Input'});
      // Stronger attributions are more opaque (square root: weak ones stay visible), all scaled by the slider.
      const opacity = Number(this.opacity.value) / 100;
      const overlay = mapCanvas(plane, mw, mh, Array.from(plane, (v) => Math.round(255 * opacity * Math.sqrt(v / 255))));
      overlay.classList.add('explain-map', 'explain-overlay');
      figures.push(h('figure', {}, input, h('figcaption', {}, 'Input')),
        h('figure', {}, attribution, h('figcaption', {}, 'Attribution')),
        h('figure', {class: 'overlay-stack', 'data-testid': 'attribution-overlay'}, h('img', {class: 'explain-map', src: e.image, alt: ''}), overlay,
          h('figcaption', {}, `Over the input (${this.opacity.value}%)`)));
    } else {
      figures.push(h('figure', {}, attribution, h('figcaption', {}, 'Attribution')));
    }
    const info = METHODS.find(([id]) => id === e.method)!;
    const score = e.scoreKind === 'output' ? 'output' : `score ${e.scoreKind === 'before-softmax' ? 'before the softmax' : 'before the sigmoid'}`;
    const lines: HTMLElement[] = [
      h('p', {'data-testid': 'explain-summary'}, `${info[1]} of class `, h('strong', {}, String(e.classIndex)), `: ${score} ${fixed(e.score)}`,
        e.probability !== undefined ? ` · probability ${percent(e.probability, 1)}` : '',
        e.layer ? ` · layer ${e.layer} (${e.shape.join(' x ')})` : '',
        h('span', {class: 'muted'}, ` · ${e.computeMs.toFixed(0)} ms`)),
      h('p', {class: 'muted'}, `${info[1]}: ${info[2]}.${signed ? ' The map shows magnitudes (|attribution|).' : ''}`),
    ];
    if (e.completenessError !== undefined) {
      lines.push(h('p', {'data-testid': 'completeness'},
        `Completeness: the attributions add up to the score difference from the ${e.baseline ?? 'zeros'} baseline within ${percent(e.completenessError, 2)} (${e.steps} steps; bound 2%).`));
    }
    if (e.note) lines.push(h('p', {class: 'muted'}, e.note));
    this.body.append(...lines, colourScale(low, high, signed ? '|attribution|' : 'Grad-CAM'), h('div', {class: 'explain-figures'}, ...figures));
    this.element.dataset.method = e.method;
    this.element.dataset.classIndex = String(e.classIndex);
  }
}
