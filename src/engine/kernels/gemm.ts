/**
 * Cache-blocked single-precision matrix multiply for the tfjs wasm backend, on its own heap.
 *
 * XNNPACK (as built into tfjs) multiplies without blocking the shared dimension and repacks the
 * weights on every call, and tfjs's own BatchMatMul is a scalar loop whenever an operand is
 * transposed. Training multiplies large, ever-changing, often transposed operands, so we pack
 * blocks of A and B ourselves (any strides: transposes cost nothing) into L1/L2-sized panels and
 * run a WebAssembly SIMD micro-kernel on them. The micro-kernel module imports the backend's
 * memory, so tensors are read and written in place.
 */
import * as v8 from 'v8';
import {
  GEMM_MR as MR, GEMM_NR as NR, WASM_KERNELS_BASE64, WASM_KERNELS_RELAXED_BASE64, WASM_KERNELS_RELAXED_SHARED_BASE64,
  WASM_KERNELS_SHARED_BASE64,
} from './wasm-kernels.generated';
import {KeptBuffers} from './kept-buffers';

/** The parts of the emscripten module of @tensorflow/tfjs-backend-wasm that we use. */
export interface WasmHeapModule {
  HEAPF32: Float32Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  asm: {memory: WebAssembly.Memory};
}

/** A matrix on the heap: element (r, c) is at float index ptr + r * rs + c * cs. */
export interface MatrixView {
  ptr: number;
  rs: number;
  cs: number;
}

/** A row-major output matrix: element (r, c) at float index ptr + r * ld + c. */
export interface OutputView {
  ptr: number;
  ld: number;
}

export interface GemmExports {
  block(ap: number, bp: number, c: number, mTiles: number, nTiles: number, kc: number, ldc: number, load: number): void;
  tile(a: number, b: number, c: number, kc: number, ldc: number, load: number): void;
  edges(ap: number, bp: number, c: number, mc: number, nc: number, kc: number, ldc: number, load: number, tmp: number): void;
  pack(src: number, outer: number, inner: number, count: number, len: number, w: number, dst: number): void;
  im2col(x: number, h: number, w: number, ci: number, oh: number, ow: number, kh: number, kw: number, sh: number,
    sw: number, dh: number, dw: number, pt: number, pl: number, p0: number, rows: number, dst: number): void;
  col2im(dx: number, h: number, w: number, ci: number, oh: number, ow: number, kh: number, kw: number, sh: number,
    sw: number, dh: number, dw: number, pt: number, pl: number, p0: number, rows: number, src: number): void;
  colsum(src: number, rows: number, cols: number, dst: number): void;
  adam(w: number, g: number, m: number, v: number, out: number, n: number, b1: number, ob1: number, b2: number,
    ob2: number, c1: number, c2: number, eps: number, nlr: number): void;
  biasact(x: number, rows: number, cols: number, bias: number, act: number): void;
  winoIn(x: number, h: number, w: number, c: number, padT: number, padL: number, tilesW: number, tilesPerImage: number,
    t0: number, count: number, v: number, vStride: number): void;
  winoOut(m: number, mStride: number, count: number, t0: number, tilesW: number, tilesPerImage: number, y: number,
    oh: number, ow: number, c: number): void;
  winoIn4: GemmExports['winoIn'];
  winoOut4: GemmExports['winoOut'];
  winoDy(dy: number, oh: number, ow: number, c: number, tilesW: number, tilesPerImage: number, t0: number, count: number,
    z: number, zStride: number): void;
  relugrad(dy: number, x: number, out: number, n: number): void;
  axpy(out: number, src: number, w: number, n: number, accumulate: number): void;
  nonzeros(x: number, k: number, idx: number): number;
  pickedrows(x: number, idx: number, count: number, w: number, n: number, out: number): void;
  nzblocks(x: number, k: number, rows: number, block: number, idx: number, first: number, limit: number, starts: number): number;
  sparserows(k: number, rows: number, idx: number, starts: number, startsStride: number,
    blocks: number, w: number, n: number, lw: number, c0: number, c1: number, y: number): void;
  finite(x: number, n: number): number;
}

/** The activations `biasact` applies after adding the bias, by its `act` code. */
export const BIAS_ACTIVATIONS: Readonly<Record<string, number>> = {linear: 0, relu: 1, relu6: 2};

/**
 * A 3x3, stride-1 convolution by Winograd F(2x2, 3x3) or F(4x4, 3x3): input [n, h, w, inC] at
 * float index `x`, output [n, outH, outW, outC] at `y`; the input is read with `padTop`/`padLeft`
 * zeros before it (and zeros past its end). tap(a, b, ci, co) gives the float index of the kernel
 * weight.
 */
export interface Winograd3x3 {
  n: number; h: number; w: number; inC: number;
  outH: number; outW: number; outC: number;
  padTop: number; padLeft: number;
  x: number; y: number;
  /**
   * Output pixels per tile side: 2 (16 products per 4 outputs) or 4 (36 products per 16 outputs,
   * 44% fewer multiply-adds, slightly larger rounding errors; inference only). Default 2.
   */
  tile?: 2 | 4;
  tap(a: number, b: number, ci: number, co: number): number;
  /**
   * Identity of the kernel weights as `tap` reads them (a tensor's data id and the reading):
   * their transform is kept for the next call with the same key. Inference convolves with the
   * same weights every call, and the transform costs as much as a small image's products.
   */
  filterKey?: {data: object; reading: string};
}

/** Winograd's filter transform G ((tile + 2) x 3) by output tile size (points as in gen-wasm-kernels.mjs). */
const WINOGRAD_G: Record<2 | 4, number[][]> = {
  2: [[1, 0, 0], [1 / 2, 1 / 2, 1 / 2], [1 / 2, -1 / 2, 1 / 2], [0, 0, 1]],
  4: [[1 / 4, 0, 0], [-1 / 6, -1 / 6, -1 / 6], [-1 / 6, 1 / 6, -1 / 6], [1 / 24, 1 / 12, 1 / 6], [1 / 24, -1 / 12, 1 / 6], [0, 0, 1]],
};

/** Floats of transformed Winograd filters kept between calls (32 MiB). */
const FILTER_CACHE_FLOATS = 1 << 23;

/** Floats of Winograd scratch (transformed input + products) per chunk of tiles. */
const WINOGRAD_CHUNK_FLOATS = 1 << 22;

/** Shape of an NHWC convolution, as the im2col matrix sees it. */
export interface ConvGeometry {
  inH: number; inW: number; inC: number;
  outH: number; outW: number;
  kh: number; kw: number;
  sh: number; sw: number;
  dh: number; dw: number;
  padTop: number; padLeft: number;
}

const KC = 256; // shared-dimension block: an MR x KC and a KC x NR panel stay in L1
const MC = 128; // rows of A per block: MC x KC stays in L2
const NC = 512; // columns of B per block: KC x NC stays in L2

export class Gemm {
  private readonly kernel: GemmExports;
  private readonly buffers = new Map<string, {raw: number; ptr: number; floats: number}>();
  private readonly filters: KeptBuffers;

  /**
   * The engine on `mod`'s heap. `kernel`: the kernels to call instead of the module's own (a
   * recorder whose calls another thread replays, see inference-helper.ts).
   */
  constructor(private readonly mod: WasmHeapModule, kernel?: GemmExports) {
    this.kernel = kernel ?? gemmInstance(mod.asm.memory);
    this.filters = new KeptBuffers(mod, FILTER_CACHE_FLOATS, 'a convolution filter');
  }

  /** The heap as floats; call again after anything that may allocate (memory can grow). */
  heap(): Float32Array {
    return this.mod.HEAPF32;
  }

  /** Float index of a reusable scratch buffer of at least `floats` floats (16-byte aligned). */
  scratch(name: string, floats: number): number {
    const have = this.buffers.get(name);
    if (have && have.floats >= floats) return have.ptr;
    if (have) this.mod._free(have.raw);
    const raw = this.mod._malloc(floats * 4 + 16);
    if (!raw) throw new Error(`wasm backend: out of memory allocating ${floats * 4} bytes of scratch`);
    const ptr = ((raw + 15) & ~15) / 4;
    this.buffers.set(name, {raw, ptr, floats});
    return ptr;
  }

  /** C (m x n) = A (m x k) * B (k x n), or C += A * B when `accumulate`. */
  matmul(m: number, n: number, k: number, a: MatrixView, b: MatrixView, c: OutputView, accumulate = false): void {
    if (m === 0 || n === 0) return;
    if (k === 0) {
      if (!accumulate) for (let i = 0; i < m; i++) this.heap().fill(0, c.ptr + i * c.ld, c.ptr + i * c.ld + n);
      return;
    }
    const kBlocks = Math.ceil(k / KC);
    const kc0 = Math.ceil(k / kBlocks);
    const ncMax = Math.min(NC, roundUp(n, NR));
    const ap = this.scratch('packA', roundUp(Math.min(MC, roundUp(m, MR)), MR) * kc0);
    const bp = this.scratch('packB', ncMax * kc0);
    const tile = this.scratch('tile', MR * NR);
    for (let jc = 0; jc < n; jc += NC) {
      const nc = Math.min(NC, n - jc);
      for (let pc = 0; pc < k; pc += kc0) {
        const kc = Math.min(kc0, k - pc);
        const load = accumulate || pc > 0 ? 1 : 0;
        this.packB(b, pc, kc, jc, nc, bp);
        for (let ic = 0; ic < m; ic += MC) {
          const mc = Math.min(MC, m - ic);
          this.packA(a, ic, mc, pc, kc, ap);
          const mTiles = Math.floor(mc / MR);
          const nTiles = Math.floor(nc / NR);
          const cBlock = c.ptr + ic * c.ld + jc;
          if (mTiles > 0 && nTiles > 0) {
            this.kernel.block(ap * 4, bp * 4, cBlock * 4, mTiles, nTiles, kc, c.ld * 4, load);
          }
          // Partial tiles go through a scratch tile so the kernel never writes outside C.
          if (mc % MR !== 0 || nc % NR !== 0) {
            this.kernel.edges(ap * 4, bp * 4, cBlock * 4, mc, nc, kc, c.ld * 4, load, tile * 4);
          }
        }
      }
    }
  }

  /** Packs rows [i0, i0+mc) x cols [p0, p0+kc) of A as zero-padded panels of MR rows, k-major. */
  private packA(a: MatrixView, i0: number, mc: number, p0: number, kc: number, dst: number): void {
    this.kernel.pack((a.ptr + i0 * a.rs + p0 * a.cs) * 4, a.rs * 4, a.cs * 4, mc, kc, MR, dst * 4);
  }

  /** Packs rows [p0, p0+kc) x cols [j0, j0+nc) of B as zero-padded panels of NR columns, k-major. */
  private packB(b: MatrixView, p0: number, kc: number, j0: number, nc: number, dst: number): void {
    this.kernel.pack((b.ptr + p0 * b.rs + j0 * b.cs) * 4, b.cs * 4, b.rs * 4, nc, kc, NR, dst * 4);
  }

  /**
   * out[c] = sum over rows of m[r * cols + c]: partial sums of 256 rows in float32 SIMD, added up
   * in float64 so long columns (a bias gradient over a whole batch of pixels) stay accurate.
   */
  columnSums(src: number, rows: number, cols: number, out: number): void {
    const partial = this.scratch('colsum', cols);
    const total = new Float64Array(cols);
    for (let r0 = 0; r0 < rows; r0 += 256) {
      this.heap().fill(0, partial, partial + cols);
      this.kernel.colsum((src + r0 * cols) * 4, Math.min(256, rows - r0), cols, partial * 4);
      const h = this.heap();
      for (let c = 0; c < cols; c++) total[c] += h[partial + c];
    }
    this.heap().set(total, out);
  }

  /** The raw kernels of the module, for fused element-wise updates (pointers in bytes). */
  get kernels(): GemmExports {
    return this.kernel;
  }

  /**
   * Convolution by Winograd F(2x2, 3x3): 16 matrix products of (tiles x inC) by (inC x outC)
   * instead of 36 multiply-adds per output pair, i.e. 2.25x fewer multiply-adds.
   */
  winograd3x3(c: Winograd3x3): void {
    this.winogradTiles(c, this.transformedFilter(c), 0, winogradTileCount(c));
  }

  /**
   * Tiles [from, to) of winograd3x3(c) with its transformed filter at `u`: disjoint tile ranges
   * write disjoint output pixels, so two threads can share one convolution.
   */
  winogradTiles(c: Omit<Winograd3x3, 'tap' | 'filterKey'>, u: number, from: number, to: number): void {
    const tile = c.tile ?? 2;
    const products = winogradProducts(c);
    const tilesW = Math.ceil(c.outW / tile);
    const perImage = Math.ceil(c.outH / tile) * tilesW;
    const chunk = Math.max(1, Math.min(to - from, Math.floor(WINOGRAD_CHUNK_FLOATS / (products * (c.inC + c.outC)))));
    const v = this.scratch('winoV', products * chunk * c.inC);
    const m = this.scratch('winoM', products * chunk * c.outC);
    const [input, output] = tile === 4 ? [this.kernel.winoIn4, this.kernel.winoOut4] : [this.kernel.winoIn, this.kernel.winoOut];
    for (let t0 = from; t0 < to; t0 += chunk) {
      const count = Math.min(chunk, to - t0);
      input(c.x * 4, c.h, c.w, c.inC, c.padTop, c.padLeft, tilesW, perImage, t0, count, v * 4, count * c.inC);
      for (let k = 0; k < products; k++) {
        this.matmul(count, c.outC, c.inC, {ptr: v + k * count * c.inC, rs: c.inC, cs: 1},
          {ptr: u + k * c.inC * c.outC, rs: c.outC, cs: 1}, {ptr: m + k * count * c.outC, ld: c.outC});
      }
      output(m * 4, count * c.outC, count, t0, tilesW, perImage, c.y * 4, c.outH, c.outW, c.outC);
    }
  }

  /**
   * Filter gradient of a 3x3, stride-1 convolution by Winograd F(2x2, 3x3), the adjoint of
   * winograd3x3: dW = G^T [sum over tiles of (B^T d B) (.) (A dY A^T)] G, the tile sums being 16
   * matrix products (inC x tiles) by (tiles x outC). `c.y` is dy; writes dW[a][b][ci][co] at `dw`.
   */
  winograd3x3Filter(c: Omit<Winograd3x3, 'tap'>, dw: number): void {
    const tilesH = Math.ceil(c.outH / 2);
    const tilesW = Math.ceil(c.outW / 2);
    const perImage = tilesH * tilesW;
    const tiles = c.n * perImage;
    const chunk = Math.max(1, Math.min(tiles, Math.floor(WINOGRAD_CHUNK_FLOATS / (16 * (c.inC + c.outC)))));
    const plane = c.inC * c.outC;
    const s = this.scratch('winoU', 16 * plane);
    const v = this.scratch('winoV', 16 * chunk * c.inC);
    const z = this.scratch('winoM', 16 * chunk * c.outC);
    for (let t0 = 0; t0 < tiles; t0 += chunk) {
      const count = Math.min(chunk, tiles - t0);
      this.kernel.winoIn(c.x * 4, c.h, c.w, c.inC, c.padTop, c.padLeft, tilesW, perImage, t0, count, v * 4, count * c.inC);
      this.kernel.winoDy(c.y * 4, c.outH, c.outW, c.outC, tilesW, perImage, t0, count, z * 4, count * c.outC);
      for (let k = 0; k < 16; k++) {
        this.matmul(c.inC, c.outC, count, {ptr: v + k * count * c.inC, rs: 1, cs: c.inC},
          {ptr: z + k * count * c.outC, rs: c.outC, cs: 1}, {ptr: s + k * plane, ld: c.outC}, t0 > 0);
      }
    }
    // dW = G^T S G per (ci, co), G^T = [[1, 1/2, 1/2, 0], [0, 1/2, -1/2, 0], [0, 1/2, 1/2, 1]].
    const h = this.heap();
    const t = new Float64Array(12);
    for (let at = 0; at < plane; at++) {
      for (let j = 0; j < 4; j++) {
        const s0 = h[s + j * plane + at], s1 = h[s + (4 + j) * plane + at];
        const s2 = h[s + (8 + j) * plane + at], s3 = h[s + (12 + j) * plane + at];
        t[j] = s0 + (s1 + s2) / 2;
        t[4 + j] = (s1 - s2) / 2;
        t[8 + j] = (s1 + s2) / 2 + s3;
      }
      for (let a = 0; a < 3; a++) {
        const r0 = t[4 * a], r1 = t[4 * a + 1], r2 = t[4 * a + 2], r3 = t[4 * a + 3];
        h[dw + (a * 3) * plane + at] = r0 + (r1 + r2) / 2;
        h[dw + (a * 3 + 1) * plane + at] = (r1 - r2) / 2;
        h[dw + (a * 3 + 2) * plane + at] = (r1 + r2) / 2 + r3;
      }
    }
  }

  /** Float index of the transformed filter U of c: kept from an earlier call, or computed (and kept when keyed). */
  transformedFilter(c: Winograd3x3): number {
    const floats = winogradProducts(c) * c.inC * c.outC;
    const key = c.filterKey;
    const transform = (u: number) => this.winogradFilter(c, u);
    if (!key || !this.filters.fits(floats)) {
      const u = this.scratch('winoU', floats);
      transform(u);
      return u;
    }
    return this.filters.get(key.data, `${key.reading} F(${c.tile ?? 2})`, floats, transform);
  }

  /** U[k][ci][co] = (G g G^T)[k] for every kernel slice g = tap(., ., ci, co), in float64. */
  private winogradFilter(c: Winograd3x3, u: number): void {
    const h = this.heap();
    const plane = c.inC * c.outC;
    const G = WINOGRAD_G[c.tile ?? 2];
    const a = G.length;
    const g = new Float64Array(9);
    const t = new Float64Array(3 * a);
    for (let ci = 0; ci < c.inC; ci++) {
      for (let co = 0; co < c.outC; co++) {
        for (let r = 0; r < 3; r++) for (let b = 0; b < 3; b++) g[3 * r + b] = h[c.tap(r, b, ci, co)]!;
        // t = G g (a x 3), then U = t G^T (a x a)
        for (let i = 0; i < a; i++) for (let b = 0; b < 3; b++) t[3 * i + b] = G[i]![0]! * g[b]! + G[i]![1]! * g[3 + b]! + G[i]![2]! * g[6 + b]!;
        const at = ci * c.outC + co;
        for (let i = 0; i < a; i++) {
          for (let j = 0; j < a; j++) h[u + (a * i + j) * plane + at] = t[3 * i]! * G[j]![0]! + t[3 * i + 1]! * G[j]![1]! + t[3 * i + 2]! * G[j]![2]!;
        }
      }
    }
  }

  /** Writes rows [p0, p0 + rows) of the im2col matrix of NHWC input `x` at `dst` (float indices). */
  im2col(x: number, g: ConvGeometry, p0: number, rows: number, dst: number): void {
    this.kernel.im2col(x * 4, g.inH, g.inW, g.inC, g.outH, g.outW, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.padTop,
      g.padLeft, p0, rows, dst * 4);
  }

  /** Adds rows [p0, p0 + rows) of a patch-gradient matrix at `src` onto the NHWC gradient `dx`. */
  col2im(dx: number, g: ConvGeometry, p0: number, rows: number, src: number): void {
    this.kernel.col2im(dx * 4, g.inH, g.inW, g.inC, g.outH, g.outW, g.kh, g.kw, g.sh, g.sw, g.dh, g.dw, g.padTop,
      g.padLeft, p0, rows, src * 4);
  }
}

/** Tiles of a Winograd convolution: tile x tile output pixels each, over every image. */
export function winogradTileCount(c: {n: number; outH: number; outW: number; tile?: 2 | 4}): number {
  const tile = c.tile ?? 2;
  return c.n * Math.ceil(c.outH / tile) * Math.ceil(c.outW / tile);
}

/** Matrix products of a Winograd convolution: one per point of its (tile + 2)^2 input tiles. */
export function winogradProducts(c: {tile?: 2 | 4}): number {
  return ((c.tile ?? 2) + 2) ** 2;
}

const compiled = new Map<boolean, WebAssembly.Module>();

/** The compiled kernels module; `shared`: the build for a shared memory. */
export function gemmModule(shared: boolean): WebAssembly.Module {
  let module = compiled.get(shared);
  if (!module) compiled.set(shared, (module = new WebAssembly.Module(gemmModuleBytes(shared))));
  return module;
}

/** The kernels instantiated on `memory` (the shared-memory build when it is shared). */
export function gemmInstance(memory: WebAssembly.Memory): GemmExports {
  const module = gemmModule(memory.buffer instanceof SharedArrayBuffer);
  return new WebAssembly.Instance(module, {env: {memory}}).exports as unknown as GemmExports;
}

let chosen: {fused: boolean} | undefined;

/**
 * The fused multiply-add micro-kernel is about a quarter faster (half the instructions per
 * multiply-add). It needs WebAssembly relaxed SIMD: on by default from V8 11.4 (Node 22, VS Code's
 * Electron), behind a flag in Node 20's V8 11.3, which we turn on before validating. Where the
 * module still does not validate, the plain SIMD one runs. KERAS_WORKBENCH_WASM_FMA=0 opts out.
 */
function gemmModuleBytes(shared = false): Uint8Array<ArrayBuffer> {
  if (chosen) return moduleBytes(chosen.fused, shared);
  const relaxed = decode(WASM_KERNELS_RELAXED_BASE64);
  let fused = false;
  if (process.env.KERAS_WORKBENCH_WASM_FMA !== '0') {
    fused = WebAssembly.validate(relaxed);
    if (!fused) {
      try {
        v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
        fused = WebAssembly.validate(relaxed);
      } catch {
        fused = false;
      }
    }
  }
  chosen = {fused};
  return moduleBytes(fused, shared);
}

function moduleBytes(fused: boolean, shared: boolean): Uint8Array<ArrayBuffer> {
  if (shared) return decode(fused ? WASM_KERNELS_RELAXED_SHARED_BASE64 : WASM_KERNELS_SHARED_BASE64);
  return decode(fused ? WASM_KERNELS_RELAXED_BASE64 : WASM_KERNELS_BASE64);
}

/** Whether the matrix multiply uses fused multiply-adds (for reports). */
export function gemmUsesFusedMultiplyAdd(): boolean {
  gemmModuleBytes();
  return chosen!.fused;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

function roundUp(value: number, multiple: number): number {
  return Math.ceil(value / multiple) * multiple;
}
