/**
 * Dense-layer products of batches that read only the weight rows of nonzero inputs.
 *
 * Behind a ReLU most of a Dense layer's inputs are exactly zero: 87% of the trained reference
 * model's flattened conv3 output, 64% of an untrained one's. A chunk of samples is first
 * compacted into (index, value) pairs of its nonzero inputs, by blocks of SPARSE_BLOCK weight
 * rows; then, block by block and sample by sample, each strip of SPARSE_STRIP columns adds up
 * the weight rows of the sample's pairs in registers, the block's rows staying in cache for all
 * the samples. The weights are laid out by strips once per tensor (layOutStrips). The result
 * differs from a dense product only in summation order; 0 * Inf and 0 * NaN being NaN, callers
 * skip zeros only for weights checked to be finite. Measured by src/bench/first-evaluation.ts.
 */
import type {InferenceHelper} from './inference-helper';
import {SPLIT_MIN_WORK} from './inference-helper';
import type {Gemm} from './gemm';
import {SPARSE_STRIP} from './wasm-kernels.generated';

/**
 * The share of nonzero inputs up to which the sparse product is used: random patterns break
 * even with the dense product at about 0.6 (a chunk of 256 samples of the reference model), and
 * the pairs take 8 bytes per nonzero input where the dense inputs take 4.
 */
export const SPARSE_MAX_DENSITY = 0.5;
/** Products smaller than this many weights are not worth the bookkeeping. */
const SPARSE_MIN_WEIGHTS = 1 << 14;
/** Weight rows per block: a block's rows of one thread's strips (128 KB for 256 columns) stay in L2. */
const SPARSE_BLOCK = 256;

/** Whether a k x n kernel is big enough for the sparse product. */
export function sparseFits(k: number, n: number): boolean {
  return k * n >= SPARSE_MIN_WEIGHTS;
}

/**
 * Columns per strip of the weights' layout: each thread's share of the columns (whole register
 * strips), so that a thread reads its part of a weight row in one piece; all of them when there
 * are too few to share.
 */
function stripWidth(n: number): number {
  return n < 2 * SPARSE_STRIP ? n : Math.ceil(n / (2 * SPARSE_STRIP)) * SPARSE_STRIP;
}

/**
 * Copies `source` (k x n, row-major) to heap[at ..) by strips of stripWidth(n) columns (the
 * second one narrower when it does not divide n), each strip's k rows contiguous.
 */
export function layOutStrips(heap: Float32Array, at: number, source: Float32Array, k: number, n: number): void {
  const lw = stripWidth(n);
  for (let c = 0; c < n; c += lw) {
    const width = Math.min(lw, n - c);
    for (let i = 0; i < k; i++) heap.set(source.subarray(i * n + c, i * n + c + width), at + c * k + i * width);
  }
}

/** A product's operands on the runtime's heap, as float indices. */
export interface SparseOperands {
  rows: number;
  k: number;
  n: number;
  /** rows x k inputs. */
  x: number;
  /** The k x n weights as layOutStrips lays them out, all finite. */
  strips: number;
  /** rows x n outputs, overwritten. */
  y: number;
}

/**
 * y = x times the weights over the nonzero inputs only; false (y untouched) when more than
 * SPARSE_MAX_DENSITY of either thread's inputs are nonzero. The pairs of half of the rows are
 * made on each thread, into a region of their own sized for that density; then each thread
 * takes half of the columns.
 */
export function sparseProduct(rt: InferenceHelper, {rows, k, n, x, strips, y}: SparseOperands): boolean {
  const blocks = Math.ceil(k / SPARSE_BLOCK);
  const stride = blocks + 1;
  const capacity = (count: number) => Math.ceil(count * k * SPARSE_MAX_DENSITY) + SPARSE_BLOCK + 8;
  const half = rows >> 1;
  const second = capacity(half);
  const pairs = rt.local.scratch('sparsePairs', 2 * (second + capacity(rows - half)));
  const starts = rt.local.scratch('sparseBlockStarts', rows * stride);
  const bounds = new Int32Array(rt.local.heap().buffer, starts * 4, rows * stride);
  // A row's end stays -1 when its region overflows.
  for (let r = 0; r < rows; r++) bounds[r * stride + blocks] = -1;
  const compact = (gemm: Gemm, from: number, to: number, first: number, limit: number) =>
    gemm.kernels.nzblocks((x + from * k) * 4, k, to - from, SPARSE_BLOCK, pairs * 4, first, limit, (starts + from * stride) * 4);
  if (rows < 2) compact(rt.local, 0, rows, 0, capacity(rows));
  else rt.split((gemm) => compact(gemm, half, rows, second, second + capacity(rows - half)), (gemm) => compact(gemm, 0, half, 0, second));
  let nonzeros = 0;
  for (let r = 0; r < rows; r++) {
    const end = bounds[r * stride + blocks]!;
    if (end < 0) return false;
    nonzeros += end - bounds[r * stride]!;
  }
  rt.local.heap().fill(0, y, y + rows * n);
  const lw = stripWidth(n);
  const product = (gemm: Gemm, c0: number, c1: number) =>
    gemm.kernels.sparserows(k, rows, pairs * 4, starts * 4, stride, blocks, strips * 4, n, lw, c0, c1, y * 4);
  if (nonzeros * n < SPLIT_MIN_WORK || lw === n) {
    product(rt.local, 0, n);
    return true;
  }
  // One strip of the layout on each side.
  rt.split((gemm) => product(gemm, lw, n), (gemm) => product(gemm, 0, lw));
  return true;
}
