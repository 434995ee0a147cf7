/**
 * A second thread for the memory-bound product of a prediction: a Dense layer's weights are read
 * once per sample, and one core reads about 8 GB/s here where two read about 15. The helper
 * thread computes half of a picked-rows product (see zero-skipping-matmul.ts) while the calling
 * thread computes the other half.
 *
 * tfjs's wasm heap is not shared memory, so both threads read a copy of the weights in a shared
 * WebAssembly memory, made once per weight tensor (tensors are immutable) and kept while it is
 * in use. The two threads meet on an Int32Array with Atomics: no message passing, so a
 * hand-off costs microseconds. The helper is unref'd: it never keeps a process alive.
 */
import * as os from 'os';
import {Worker} from 'worker_threads';
import {SHARED_ROWS_WASM_BASE64} from './gemm-wasm.generated';

/** Shared-memory copies of weights kept at most (bytes); beyond, the copies start over. */
const WEIGHT_COPIES_BYTES = 512 * 2 ** 20;
const PAGE = 65536;

/** control[0]: the hand-off state; control[1..6]: the arguments of `pickedrows`. */
const IDLE = 0;
const POSTED = 1;
const RUNNING = 2;
const DONE = 3;
/** A job the helper has not taken after this long is taken back (a helper that never started). */
const TAKE_BACK_MS = 250;

const HELPER_SOURCE = `
const {workerData} = require('worker_threads');
const {module, memory, control} = workerData;
const rows = new WebAssembly.Instance(module, {env: {memory}}).exports.pickedrows;
for (;;) {
  Atomics.wait(control, 0, ${IDLE});
  if (Atomics.compareExchange(control, 0, ${POSTED}, ${RUNNING}) !== ${POSTED}) continue;
  rows(control[1], control[2], control[3], control[4], control[5], control[6]);
  Atomics.store(control, 0, ${DONE});
  Atomics.notify(control, 0);
}`;

interface WeightCopy {
  data: WeakRef<object>;
  byteOffset: number;
  bytes: number;
}

export class InferenceHelper {
  private readonly memory = new WebAssembly.Memory({initial: 1, maximum: 65536, shared: true});
  private readonly control = new Int32Array(new SharedArrayBuffer(8 * 4));
  private readonly worker: Worker;
  private copies: WeightCopy[] = [];
  /** Bytes at the start of the memory for a job's inputs and output; weight copies follow. */
  private scratchBytes = 0;
  private used = 0;
  /** The same picked-rows product, on this thread. */
  private readonly rows: (x: number, rows: number, count: number, w: number, n: number, out: number) => void;

  /** `helperSource`: the helper thread's code (tests pass one that never takes a job). */
  constructor(helperSource = HELPER_SOURCE) {
    const module = new WebAssembly.Module(Buffer.from(SHARED_ROWS_WASM_BASE64, 'base64'));
    const instance = new WebAssembly.Instance(module, {env: {memory: this.memory}});
    this.rows = instance.exports.pickedrows as InferenceHelper['rows'];
    this.worker = new Worker(helperSource, {eval: true, workerData: {module, memory: this.memory, control: this.control}});
    this.worker.unref();
    // A helper that fails leaves the products to the calling thread.
    this.worker.on('error', () => (helper = null));
  }

  /**
   * sum over picked rows i of x[i] * w[i][0..n), `rows` being indices into x and w (k x n): the
   * first half of the rows on this thread, the second half on the helper, both reading the
   * shared copy of the weights (one copy competes for the cache, not two). `weights` identifies
   * the weight tensor: its values are copied from `w` only when there is no copy of it yet.
   */
  product(weights: object, w: Float32Array, x: Float32Array, rows: Int32Array, n: number): Float32Array {
    // Room for as many rows as x has values: the scratch size stays the same from call to call.
    const xOffset = 0;
    const rowsOffset = align(4 * x.length);
    const outOffset = align(rowsOffset + 4 * x.length);
    const wOffset = this.weightCopy(weights, w, outOffset + align(8 * n));
    const buffer = this.memory.buffer;
    new Float32Array(buffer, xOffset, x.length).set(x);
    new Int32Array(buffer, rowsOffset, rows.length).set(rows);
    const out = new Float32Array(buffer, outOffset, 2 * n);
    out.fill(0);
    const half = rows.length >> 1;
    this.control.set([xOffset, rowsOffset + 4 * half, rows.length - half, wOffset, n, outOffset + 4 * n], 1);
    Atomics.store(this.control, 0, POSTED);
    Atomics.notify(this.control, 0);
    const posted = performance.now();
    this.rows(xOffset, rowsOffset, half, wOffset, n, outOffset);
    // Both halves take about as long: the wait is short, so it blocks rather than yields.
    for (let state = Atomics.load(this.control, 0); state !== DONE; state = Atomics.load(this.control, 0)) {
      if (state === POSTED && performance.now() - posted > TAKE_BACK_MS &&
        Atomics.compareExchange(this.control, 0, POSTED, IDLE) === POSTED) {
        // The helper is not running: its half here, and no helper from now on.
        helper = null;
        this.rows(xOffset, rowsOffset + 4 * half, rows.length - half, wOffset, n, outOffset + 4 * n);
        break;
      }
      Atomics.wait(this.control, 0, state, 1);
    }
    Atomics.store(this.control, 0, IDLE);
    const sum = out.slice(0, n);
    for (let c = 0; c < n; c++) sum[c] += out[n + c];
    return sum;
  }

  /** Byte offset of the helper's copy of `weights`, made now if needed, after `scratch` bytes. */
  private weightCopy(weights: object, w: Float32Array, scratch: number): number {
    const have = this.copies.find((c) => c.data.deref() === weights);
    if (have && scratch <= this.scratchBytes) return have.byteOffset;
    this.copies = this.copies.filter((c) => c.data.deref() !== undefined);
    if (scratch > this.scratchBytes || this.used + w.byteLength > WEIGHT_COPIES_BYTES + this.scratchBytes) {
      // Start over: room for this job's scratch, then copies again from there.
      this.scratchBytes = align(Math.max(scratch, this.scratchBytes));
      this.copies = [];
      this.used = this.scratchBytes;
    }
    const byteOffset = this.used;
    this.reserve(byteOffset + w.byteLength);
    new Float32Array(this.memory.buffer, byteOffset, w.length).set(w);
    this.copies.push({data: new WeakRef(weights), byteOffset, bytes: w.byteLength});
    this.used = align(byteOffset + w.byteLength);
    return byteOffset;
  }

  private reserve(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
  }
}

function align(bytes: number): number {
  return Math.ceil(bytes / 64) * 64;
}

let helper: InferenceHelper | null | undefined;

/**
 * The helper, started on first use; undefined on a one-core machine, or when
 * KERAS_WORKBENCH_INFERENCE_THREADS=1 asks for single-threaded inference.
 */
export function inferenceHelper(): InferenceHelper | undefined {
  if (helper === undefined) {
    const wanted = process.env.KERAS_WORKBENCH_INFERENCE_THREADS !== '1' && os.cpus().length >= 2;
    try {
      helper = wanted ? new InferenceHelper() : null;
    } catch {
      helper = null;
    }
  }
  return helper ?? undefined;
}
