/**
 * A second thread for predictions of a few samples. Batch-1 inference is too small to split by
 * samples, so its big operations are split inside: a Winograd convolution by tiles, a Dense
 * product by weight rows (see zero-skipping-matmul.ts). One core reads memory at about 8 GB/s
 * here where two read about 15, and both cores multiply.
 *
 * tfjs's wasm heap is not shared memory, so the work runs on a shared WebAssembly memory: inputs
 * are staged there, weights (and transformed filters) copied there once per tensor (tensors are
 * immutable) and kept while in use. This thread's half runs on its own instance of our kernels;
 * the helper's half is recorded (the GEMM driver is JS: its kernel calls are recorded, not run)
 * and replayed by the helper thread. The threads meet on an Int32Array with Atomics, so a
 * hand-off costs microseconds. A helper that never picks its job up gets it taken back, and the
 * helper is unref'd: it never keeps a process alive.
 */
import * as os from 'os';
import {Worker} from 'worker_threads';
import {Gemm, GemmExports, gemmInstance, gemmModule, WasmHeapModule, Winograd3x3, winogradProducts, winogradTileCount} from './gemm';
import {KeptBuffers} from './kept-buffers';

/** Batches up to this many samples count as predictions: their operations are split inside. */
export const FEW_SAMPLES = 16;

/** Multiply-adds from which an operation is split with the helper: below, the hand-off costs more than it saves. */
export const SPLIT_MIN_WORK = 1 << 18;

/** Copies of weights kept at most (bytes); beyond, the oldest go. */
const COPIES_BYTES = 512 * 2 ** 20;
const PAGE = 65536;

/** control[0]: the hand-off state; control[1], control[2]: byte offset and length of the commands. */
const IDLE = 0;
const POSTED = 1;
const RUNNING = 2;
const DONE = 3;
/** A job the helper has not taken after this long is taken back (a helper that never started). */
const TAKE_BACK_MS = 250;

/** How long the idle helper polls for the next job before it sleeps. */
const SPIN_MS = 1;

/** The kernels the helper can replay, by opcode. */
const REPLAYABLE: Array<keyof GemmExports> = ['block', 'tile', 'edges', 'pack', 'im2col', 'col2im', 'colsum', 'biasact',
  'winoIn', 'winoOut', 'winoIn4', 'winoOut4', 'winoDy', 'relugrad', 'axpy', 'pickedrows', 'nzblocks', 'sparserows'];

type Kernel = (...args: number[]) => void;

/**
 * Runs recorded commands, [opcode, argument count, ...arguments] each, on kernels by opcode. The
 * helper thread runs this very function (its source is part of the helper's code), and so does
 * this thread when it takes a job back. Extra arguments are ignored by a wasm function: one call
 * shape with room for the longest (im2col's 17), no spreading.
 */
function replay(kernels: Kernel[], c: ArrayLike<number>): void {
  for (let i = 0; i < c.length; i += 2 + c[i + 1]) {
    kernels[c[i]](c[i + 2], c[i + 3], c[i + 4], c[i + 5], c[i + 6], c[i + 7], c[i + 8], c[i + 9], c[i + 10], c[i + 11],
      c[i + 12], c[i + 13], c[i + 14], c[i + 15], c[i + 16], c[i + 17], c[i + 18]);
  }
}

const HELPER_SOURCE = `
const {workerData} = require('worker_threads');
const {module, memory, control, names} = workerData;
const exports = new WebAssembly.Instance(module, {env: {memory}}).exports;
const kernels = names.map((name) => exports[name]);
const replay = ${replay.toString()};
for (;;) {
  // Spin a little before sleeping: the next job of a prediction comes within milliseconds, and
  // waking a sleeping thread costs more than the spin.
  const until = performance.now() + ${SPIN_MS};
  while (Atomics.load(control, 0) === ${IDLE} && performance.now() < until);
  Atomics.wait(control, 0, ${IDLE});
  if (Atomics.compareExchange(control, 0, ${POSTED}, ${RUNNING}) !== ${POSTED}) continue;
  replay(kernels, new Float64Array(memory.buffer, control[1], control[2]));
  Atomics.store(control, 0, ${DONE});
  Atomics.notify(control, 0);
}`;

/** malloc/free over a shared WebAssembly memory, for the Gemm engines of both threads. */
class SharedHeap implements WasmHeapModule {
  readonly asm = {memory: new WebAssembly.Memory({initial: 1, maximum: 65536, shared: true})};
  private view = new Float32Array(this.asm.memory.buffer);
  /** Free blocks, sorted by address, and the size of every block handed out. */
  private free: Array<{at: number; bytes: number}> = [];
  private readonly sizes = new Map<number, number>();
  private end = 64;

  get HEAPF32(): Float32Array {
    if (this.view.byteLength !== this.asm.memory.buffer.byteLength) this.view = new Float32Array(this.asm.memory.buffer);
    return this.view;
  }

  _malloc(bytes: number): number {
    const size = Math.ceil(bytes / 64) * 64;
    const i = this.free.findIndex((f) => f.bytes >= size);
    let at: number;
    if (i >= 0) {
      at = this.free[i].at;
      if (this.free[i].bytes === size) this.free.splice(i, 1);
      else this.free[i] = {at: at + size, bytes: this.free[i].bytes - size};
    } else {
      at = this.end;
      this.end += size;
      const have = this.asm.memory.buffer.byteLength;
      if (this.end > have) this.asm.memory.grow(Math.ceil((this.end - have) / PAGE));
    }
    this.sizes.set(at, size);
    return at;
  }

  _free(at: number): void {
    const bytes = this.sizes.get(at);
    if (bytes === undefined) return;
    this.sizes.delete(at);
    let i = this.free.findIndex((f) => f.at > at);
    if (i < 0) i = this.free.length;
    this.free.splice(i, 0, {at, bytes});
    // Merge with the following block, then with the preceding one.
    if (i + 1 < this.free.length && at + bytes === this.free[i + 1].at) {
      this.free[i].bytes += this.free[i + 1].bytes;
      this.free.splice(i + 1, 1);
    }
    if (i > 0 && this.free[i - 1].at + this.free[i - 1].bytes === at) {
      this.free[i - 1].bytes += this.free[i].bytes;
      this.free.splice(i, 1);
    }
  }
}

export class InferenceHelper {
  private readonly heap = new SharedHeap();
  private readonly control = new Int32Array(new SharedArrayBuffer(4 * 4));
  private readonly localKernels: GemmExports;
  /** This thread's half runs here; so does all of the work of a helper without a thread. */
  readonly local: Gemm;
  /** The helper's half: kernel calls recorded into `commands`; scratch of its own. */
  private readonly remote: Gemm;
  private readonly commands: number[] = [];
  private worker?: Worker;
  /** Whether the helper thread has run a job: one that was merely slow once (a loaded machine) is kept. */
  private helperRan = false;
  private readonly copies = new KeptBuffers(this.heap, COPIES_BYTES / 4, 'a copy of weights');

  /**
   * `helperSource`: the helper thread's code (tests pass one that never takes a job); null: no
   * helper thread, every half runs on the calling thread (the shared heap still serves plans).
   */
  constructor(helperSource: string | null = HELPER_SOURCE) {
    const memory = this.heap.asm.memory;
    this.localKernels = gemmInstance(memory);
    this.local = new Gemm(this.heap, this.localKernels);
    const recorder = Object.fromEntries(REPLAYABLE.map((name, op) => [name, (...args: number[]) => {
      this.commands.push(op, args.length, ...args);
    }]));
    this.remote = new Gemm(this.heap, recorder as unknown as GemmExports);
    if (helperSource === null) return;
    const module = gemmModule(true);
    this.worker = new Worker(helperSource, {eval: true, workerData: {module, memory, control: this.control, names: REPLAYABLE}});
    this.worker.unref();
    // A helper that fails leaves the work to the calling thread.
    this.worker.on('error', () => (this.worker = undefined));
  }

  /** Whether a helper thread shares the work. */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /**
   * sum over picked rows i of x[i] * w[i][0..n), `rows` being indices into x and w (k x n): the
   * first half of the rows on this thread, the second half on the helper. `weights` identifies
   * the weight tensor: its values are copied from `w` only when there is no copy of it yet.
   */
  product(weights: object, w: Float32Array, x: Float32Array, rows: Int32Array, n: number): Float32Array {
    const wPtr = this.keep(weights, 'weights', w.length, (ptr) => this.heap.HEAPF32.set(w, ptr));
    const xPtr = this.stage('x', x);
    const rowsPtr = this.stage('rows', rows);
    const out = this.local.scratch('rowsOut', n);
    this.pickedRows(xPtr, rowsPtr, rows.length, wPtr, n, out);
    return this.heap.HEAPF32.slice(out, out + n);
  }

  /**
   * out[0..n) = sum over the `count` rows listed at `rows` of x[i] * w[i][0..n), every pointer a
   * float index on this heap; halves of the rows run on the two threads (from SPLIT_MIN_WORK
   * multiply-adds), their sums added here.
   */
  pickedRows(x: number, rows: number, count: number, w: number, n: number, out: number): void {
    const h = this.heap.HEAPF32;
    h.fill(0, out, out + n);
    if (count * n < SPLIT_MIN_WORK) {
      this.localKernels.pickedrows(x * 4, rows * 4, count, w * 4, n, out * 4);
      return;
    }
    const other = this.local.scratch('rowsOther', n);
    h.fill(0, other, other + n);
    const half = count >> 1;
    this.split(
      (g) => g.kernels.pickedrows(x * 4, (rows + half) * 4, count - half, w * 4, n, other * 4),
      (g) => g.kernels.pickedrows(x * 4, rows * 4, half, w * 4, n, out * 4));
    for (let c = 0; c < n; c++) h[out + c] += h[other + c];
  }

  /**
   * winograd3x3(c) on `source`'s heap, its tiles split between the two threads. c must carry a
   * filterKey: the transformed filter is copied once per filter tensor.
   */
  winograd3x3(source: Gemm, c: Winograd3x3 & {filterKey: {data: object; reading: string}}): void {
    const u = source.transformedFilter(c);
    const uFloats = winogradProducts(c) * c.inC * c.outC;
    const uPtr = this.keep(c.filterKey.data, `winograd ${c.filterKey.reading}`, uFloats,
      (ptr) => this.heap.HEAPF32.set(source.heap().subarray(u, u + uFloats), ptr));
    const x = this.stage('convIn', source.heap().subarray(c.x, c.x + c.n * c.h * c.w * c.inC));
    const outFloats = c.n * c.outH * c.outW * c.outC;
    const y = this.local.scratch('convOut', outFloats);
    this.winogradSplit({...c, x, y}, uPtr);
    source.heap().set(this.heap.HEAPF32.subarray(y, y + outFloats), c.y);
  }

  /** Tiles of a Winograd convolution on this heap (transformed filter at `u`), split between the threads from SPLIT_MIN_WORK. */
  winogradSplit(c: Omit<Winograd3x3, 'tap' | 'filterKey'>, u: number): void {
    const tiles = winogradTileCount(c);
    if (tiles * c.inC * c.outC < SPLIT_MIN_WORK) {
      this.local.winogradTiles(c, u, 0, tiles);
      return;
    }
    const half = tiles >> 1;
    this.split((g) => g.winogradTiles(c, u, half, tiles), (g) => g.winogradTiles(c, u, 0, half));
  }

  /** Float index of the kept buffer for (source, tag), `fill`ed when it is made (weights, once per tensor). */
  keep(source: object, tag: string, floats: number, fill: (ptr: number) => void): number {
    return this.copies.get(source, tag, floats, fill);
  }

  /**
   * Runs `remote` on the helper thread and `local` here, both on the shared heap; returns when
   * both are done. `remote`'s Gemm records its kernel calls (its scratch is its own): it must
   * only call kernels, never read results on this thread.
   */
  split(remote: (g: Gemm) => void, local: (g: Gemm) => void): void {
    if (!this.worker) {
      remote(this.local);
      local(this.local);
      return;
    }
    this.commands.length = 0;
    remote(this.remote);
    const commands = this.remote.scratch('commands', 2 * this.commands.length + 2);
    new Float64Array(this.heap.asm.memory.buffer, commands * 4, this.commands.length).set(this.commands);
    this.control[1] = commands * 4;
    this.control[2] = this.commands.length;
    const posted = performance.now();
    Atomics.store(this.control, 0, POSTED);
    Atomics.notify(this.control, 0);
    local(this.local);
    // Both halves take about as long: the wait is short, so it blocks rather than yields.
    for (let state = Atomics.load(this.control, 0); state !== DONE; state = Atomics.load(this.control, 0)) {
      if (state === POSTED && performance.now() - posted > TAKE_BACK_MS &&
        Atomics.compareExchange(this.control, 0, POSTED, IDLE) === POSTED) {
        // Its half here; a helper that never ran a job is not running at all: none from now on.
        if (!this.helperRan) this.worker = undefined;
        replay(REPLAYABLE.map((name) => this.localKernels[name] as Kernel), this.commands);
        break;
      }
      Atomics.wait(this.control, 0, state, 1);
    }
    if (Atomics.load(this.control, 0) === DONE) this.helperRan = true;
    Atomics.store(this.control, 0, IDLE);
  }

  /** Float index of `values` copied into a named staging buffer (inputs, changed every call). */
  stage(name: string, values: Float32Array | Int32Array): number {
    const ptr = this.local.scratch(name, values.length);
    if (values instanceof Int32Array) new Int32Array(this.heap.asm.memory.buffer, ptr * 4, values.length).set(values);
    else this.heap.HEAPF32.set(values, ptr);
    return ptr;
  }
}

let runtime: InferenceHelper | undefined;

/**
 * The shared heap and kernels that inference plans run on, made on first use; threaded unless
 * the machine has one core or KERAS_WORKBENCH_INFERENCE_THREADS=1 asks for one thread.
 */
export function inferenceRuntime(): InferenceHelper {
  if (!runtime) {
    const wanted = process.env.KERAS_WORKBENCH_INFERENCE_THREADS !== '1' && os.cpus().length >= 2;
    try {
      runtime = new InferenceHelper(wanted ? HELPER_SOURCE : null);
    } catch {
      runtime = new InferenceHelper(null);
    }
  }
  return runtime;
}

/** The runtime when a helper thread shares the work (then splitting an operation pays); else undefined. */
export function inferenceHelper(): InferenceHelper | undefined {
  const r = inferenceRuntime();
  return r.threaded ? r : undefined;
}
