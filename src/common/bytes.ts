/** Byte helpers and the writer's name, shared by every format module. */

/** Name recorded in files we write (`convertedBy`, `written_by`). */
export const WRITER = 'Keras Workbench (TensorFlow.js layers 4.22)';

export function concatBuffers(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((n, p) => n + p.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.byteLength;
  }
  return out.buffer;
}
