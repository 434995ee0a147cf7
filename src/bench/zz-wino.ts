import {Gemm, gemmInstance, GemmExports} from '../engine/kernels/gemm';
const memory = new WebAssembly.Memory({initial: 4000});
let end = 1024;
const heap = {get HEAPF32() { return new Float32Array(memory.buffer); }, _malloc: (b: number) => { const p = end; end += Math.ceil(b / 64) * 64; return p; }, _free: () => {}, asm: {memory}};
const raw = gemmInstance(memory);
const times: Record<string, number> = {};
const wrapped = Object.fromEntries(Object.entries(raw).map(([k, f]) => [k, typeof f === 'function' ? (...a: number[]) => { const t = performance.now(); const r = (f as any)(...a); times[k] = (times[k] ?? 0) + performance.now() - t; return r; } : f])) as unknown as GemmExports;
const g = new Gemm(heap, wrapped);
for (const [h, inC, outC] of [[24, 32, 64], [22, 64, 128]] as const) {
  const n = 128, w = h + 2;
  const x = g.scratch('x', n * w * w * inC), y = g.scratch('y', n * h * h * outC), f = g.scratch('f', 9 * inC * outC);
  const H = g.heap(); for (let i = 0; i < n * w * w * inC; i++) H[x + i] = Math.random();
  for (let i = 0; i < 9 * inC * outC; i++) H[f + i] = Math.random() - 0.5;
  const c = {n, h: w, w, inC, outH: h, outW: h, outC, padTop: 0, padLeft: 0, x, y, tap: (a: number, b: number, ci: number, co: number) => f + (a * 3 + b) * inC * outC + ci * outC + co, filterKey: {data: {}, reading: 'f'}};
  g.winograd3x3(c as any);
  for (const k of Object.keys(times)) delete times[k];
  const t = performance.now();
  for (let i = 0; i < 3; i++) g.winograd3x3(c as any);
  const total = (performance.now() - t) / 3;
  console.log(`${inC}->${outC}: total ${(total / n * 1000).toFixed(1)} us/sample`, Object.entries(times).map(([k, v]) => `${k} ${(v / 3 / n * 1000).toFixed(1)}`).join(' '));
}
