/**
 * Deterministic pseudo-random number generator: mulberry32 (Tommy Ettinger's 32-bit
 * generator, public domain). Returns floats uniformly distributed in [0, 1).
 * The seed is reduced to an unsigned 32-bit integer, so seeds that differ by a multiple of
 * 2^32 (or only in their fractional part) give the same stream.
 */
export function createRng(seed: number): () => number {
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new RangeError(`createRng: seed must be a finite number (got ${String(seed)})`);
  }
  let state = Math.trunc(seed) >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal variate from two uniforms (Box-Muller). */
export function normal(rng: () => number): number {
  let u = rng();
  while (u <= 0) u = rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
