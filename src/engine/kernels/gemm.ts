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
import {GEMM_MR as MR, GEMM_NR as NR, GEMM_WASM_BASE64, GEMM_WASM_RELAXED_BASE64} from './gemm-wasm.generated';

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
  pack(src: number, outer: number, inner: number, count: number, len: number, w: number, dst: number): void;
  im2col(x: number, h: number, w: number, ci: number, oh: number, ow: number, kh: number, kw: number, sh: number,
    sw: number, dh: number, dw: number, pt: number, pl: number, p0: number, rows: number, dst: number): void;
  col2im(dx: number, h: number, w: number, ci: number, oh: number, ow: number, kh: number, kw: number, sh: number,
    sw: number, dh: number, dw: number, pt: number, pl: number, p0: number, rows: number, src: number): void;
  colsum(src: number, rows: number, cols: number, dst: number): void;
  adam(w: number, g: number, m: number, v: number, out: number, n: number, b1: number, ob1: number, b2: number,
    ob2: number, c1: number, c2: number, eps: number, nlr: number): void;
  biasact(x: number, rows: number, cols: number, bias: number, act: number): void;
}

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

  constructor(private readonly mod: WasmHeapModule) {
    const bytes = gemmModuleBytes();
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {env: {memory: mod.asm.memory}});
    this.kernel = instance.exports as unknown as GemmExports;
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
          for (let jr = 0; jr < nc; jr += NR) {
            const cols = Math.min(NR, nc - jr);
            for (let ir = cols < NR ? 0 : mTiles * MR; ir < mc; ir += MR) {
              const rows = Math.min(MR, mc - ir);
              this.edgeTile(ap + ir * kc, bp + jr * kc, cBlock + ir * c.ld + jr, c.ld, rows, cols, kc, load, tile);
            }
          }
        }
      }
    }
  }

  private edgeTile(a: number, b: number, c: number, ld: number, rows: number, cols: number, kc: number,
    load: number, tile: number): void {
    let h = this.heap();
    if (load) {
      for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) h[tile + r * NR + j] = h[c + r * ld + j];
    }
    this.kernel.tile(a * 4, b * 4, tile * 4, kc, NR * 4, load);
    h = this.heap();
    for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) h[c + r * ld + j] = h[tile + r * NR + j];
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

let chosen: {bytes: Uint8Array<ArrayBuffer>; fused: boolean} | undefined;

/**
 * The fused multiply-add micro-kernel is about a quarter faster (half the instructions per
 * multiply-add). It needs WebAssembly relaxed SIMD: on by default from V8 11.4 (Node 22, VS Code's
 * Electron), behind a flag in Node 20's V8 11.3, which we turn on before validating. Where the
 * module still does not validate, the plain SIMD one runs. KERAS_WORKBENCH_WASM_FMA=0 opts out.
 */
function gemmModuleBytes(): Uint8Array<ArrayBuffer> {
  if (chosen) return chosen.bytes;
  const relaxed = decode(GEMM_WASM_RELAXED_BASE64);
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
  chosen = {bytes: fused ? relaxed : decode(GEMM_WASM_BASE64), fused};
  return chosen.bytes;
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
