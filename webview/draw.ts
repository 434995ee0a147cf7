/**
 * Drawing pad for 28x28x1 image models. Strokes are drawn on a 280x280 canvas and reduced the way
 * MNIST digits were prepared: the ink's bounding box is scaled to fit 20x20 and the result is
 * centred on its centre of mass in a 28x28 field.
 */
import {h} from './dom';

export interface DrawPad {
  element: HTMLElement;
  clear(): void;
  /** 784 values in [0, 1], or undefined when nothing is drawn. */
  pixels(): number[] | undefined;
  /** Draws a stroke through the given points (canvas coordinates), as the pointer would. */
  stroke(points: Array<[number, number]>): void;
}

const SIZE = 280;

export function mnistPixels(source: HTMLCanvasElement): number[] | undefined {
  const ctx = source.getContext('2d', {willReadFrequently: true})!;
  const {data} = ctx.getImageData(0, 0, SIZE, SIZE);
  let minX = SIZE, minY = SIZE, maxX = -1, maxY = -1;
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) {
    if (data[(y * SIZE + x) * 4]! > 20) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return undefined;
  const w = maxX - minX + 1, hgt = maxY - minY + 1;
  const scale = 20 / Math.max(w, hgt);
  const small = document.createElement('canvas');
  small.width = 28;
  small.height = 28;
  const sctx = small.getContext('2d', {willReadFrequently: true})!;
  sctx.fillStyle = '#000';
  sctx.fillRect(0, 0, 28, 28);
  sctx.imageSmoothingEnabled = true;
  sctx.imageSmoothingQuality = 'high';
  const dw = w * scale, dh = hgt * scale;
  sctx.drawImage(source, minX, minY, w, hgt, (28 - dw) / 2, (28 - dh) / 2, dw, dh);
  const boxed = sctx.getImageData(0, 0, 28, 28).data;
  const values = new Array<number>(784);
  let mass = 0, cx = 0, cy = 0;
  for (let i = 0; i < 784; i++) {
    const v = boxed[i * 4]! / 255;
    values[i] = v;
    mass += v;
    cx += v * (i % 28);
    cy += v * Math.floor(i / 28);
  }
  // Shift by whole pixels so the centre of mass lands at the middle of the field.
  const dx = Math.round(13.5 - cx / mass), dy = Math.round(13.5 - cy / mass);
  const shifted = new Array<number>(784).fill(0);
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) {
    const sx = x - dx, sy = y - dy;
    if (sx >= 0 && sx < 28 && sy >= 0 && sy < 28) shifted[y * 28 + x] = values[sy * 28 + sx]!;
  }
  return shifted;
}

export function drawPad(onChange: () => void): DrawPad {
  const canvas = h('canvas', {width: SIZE, height: SIZE, class: 'draw-canvas', 'data-testid': 'draw-canvas', tabindex: 0,
    'aria-label': 'Drawing pad: draw a digit with the mouse, pen or touch. Press Delete to clear.'});
  const ctx = canvas.getContext('2d', {willReadFrequently: true})!;
  const reset = () => {
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
  };
  reset();
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 20;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  let last: [number, number] | undefined;
  const at = (ev: PointerEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [(ev.clientX - r.left) * (SIZE / r.width), (ev.clientY - r.top) * (SIZE / r.height)];
  };
  const segment = (a: [number, number], b: [number, number]) => {
    ctx.beginPath();
    ctx.moveTo(a[0], a[1]);
    ctx.lineTo(b[0], b[1]);
    ctx.stroke();
  };
  canvas.addEventListener('pointerdown', (ev) => {
    canvas.setPointerCapture(ev.pointerId);
    last = at(ev);
    segment(last, last);
    onChange();
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (!last) return;
    const p = at(ev);
    segment(last, p);
    last = p;
    onChange();
  });
  const end = () => { last = undefined; };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  const pad: DrawPad = {
    element: canvas,
    clear() {
      reset();
      onChange();
    },
    pixels: () => mnistPixels(canvas),
    stroke(points) {
      for (let i = 0; i < points.length; i++) segment(points[Math.max(0, i - 1)]!, points[i]!);
      onChange();
    },
  };
  canvas.addEventListener('keydown', (ev) => {
    if (ev.key === 'Delete' || ev.key === 'Backspace') {
      ev.preventDefault();
      pad.clear();
    }
  });
  return pad;
}
