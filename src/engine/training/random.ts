/** Seeded randomness for shuffling: the same (seed, epoch) gives the same batch order on every run. */

/** SplitMix32-style generator: small, fast, and good enough for permutations. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates permutation of 0..n-1 for one epoch; independent of earlier epochs, so resume needs no RNG state. */
export function epochPermutation(n: number, seed: number, epoch: number): Uint32Array {
  const random = seededRandom(seed * 1_000_003 + epoch);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
