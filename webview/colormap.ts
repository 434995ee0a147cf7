/**
 * Viridis, a perceptually uniform colormap readable by colour-blind readers: dark purple (low) to
 * yellow (high). Its images carry their own colours, so they read the same in light, dark and
 * high-contrast themes; each sits in a theme-coloured border with a labelled scale.
 */
import {h, fixed} from './dom';

const STOPS = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725']
  .map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));

/** 256 RGB entries, byte value -> colour. */
export const VIRIDIS: Uint8Array = (() => {
  const table = new Uint8Array(256 * 3);
  for (let v = 0; v < 256; v++) {
    const x = (v / 255) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(x));
    const t = x - i;
    for (let c = 0; c < 3; c++) table[v * 3 + c] = Math.round(STOPS[i]![c]! * (1 - t) + STOPS[i + 1]![c]! * t);
  }
  return table;
})();

/** A canvas of `width` x `height` bytes (0..255) through the colormap; `alpha` per pixel, optional. */
export function mapCanvas(bytes: ArrayLike<number>, width: number, height: number, alpha?: ArrayLike<number>): HTMLCanvasElement {
  const canvas = h('canvas', {width, height}) as HTMLCanvasElement;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const v = Math.max(0, Math.min(255, Math.round(bytes[i]!)));
    image.data[i * 4] = VIRIDIS[v * 3]!;
    image.data[i * 4 + 1] = VIRIDIS[v * 3 + 1]!;
    image.data[i * 4 + 2] = VIRIDIS[v * 3 + 2]!;
    image.data[i * 4 + 3] = alpha ? alpha[i]! : 255;
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

/** The colour scale: the gradient with its low and high values. */
export function colourScale(low: number, high: number, label: string): HTMLElement {
  const ramp = mapCanvas(Array.from({length: 256}, (_, i) => i), 256, 1);
  ramp.classList.add('scale-ramp');
  ramp.setAttribute('aria-hidden', 'true');
  return h('div', {class: 'colour-scale', 'data-testid': 'colour-scale', role: 'img', 'aria-label': `${label}: dark purple ${fixed(low)} to yellow ${fixed(high)}`},
    h('span', {class: 'scale-value'}, fixed(low)), ramp, h('span', {class: 'scale-value'}, fixed(high)), h('span', {class: 'muted'}, ` ${label}`));
}

export function decodeBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
