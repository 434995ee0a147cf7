/**
 * Buffers on a wasm heap derived from tensors (a transformed filter, a copy of weights), kept
 * while their tensor lives: tensors are immutable, so a buffer made from one stays right. Keyed
 * by the tensor's data id (held weakly) and a tag saying what was derived; beyond a cap, buffers
 * of tensors that are gone go first, then the oldest.
 */
import type {WasmHeapModule} from './gemm';

interface Kept {
  source: WeakRef<object>;
  tag: string;
  raw: number;
  ptr: number;
  floats: number;
}

export class KeptBuffers {
  private kept: Kept[] = [];

  constructor(private readonly heap: WasmHeapModule, private readonly capFloats: number, private readonly what: string) {}

  /** Whether a buffer of this size can be kept at all. */
  fits(floats: number): boolean {
    return floats <= this.capFloats;
  }

  /** Float index (16-byte aligned) of the buffer for (source, tag); `fill(ptr)` writes it when it is made. */
  get(source: object, tag: string, floats: number, fill: (ptr: number) => void): number {
    const have = this.kept.find((k) => k.tag === tag && k.source.deref() === source);
    if (have) return have.ptr;
    let total = 0;
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const k = this.kept[i];
      if (k.source.deref() && total + k.floats + floats <= this.capFloats) {
        total += k.floats;
      } else {
        this.heap._free(k.raw);
        this.kept.splice(i, 1);
      }
    }
    const raw = this.heap._malloc(floats * 4 + 16);
    if (!raw) throw new Error(`wasm backend: out of memory allocating ${floats * 4} bytes for ${this.what}`);
    const ptr = ((raw + 15) & ~15) / 4;
    fill(ptr);
    this.kept.push({source: new WeakRef(source), tag, raw, ptr, floats});
    return ptr;
  }
}
