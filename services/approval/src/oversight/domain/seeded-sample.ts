import { createHash } from 'node:crypto';

/**
 * mulberry32: a small, well-known 32-bit PRNG. The same seed gives the same sequence on every
 * machine and Node version (only 32-bit integer arithmetic), which is what a draw that must be
 * re-run needs; it is not for secrets.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function isSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}

/**
 * A seeded draw of `size` items without replacement: the population sorted by `key` (so the
 * order the database returned them in does not matter), then a partial Fisher–Yates shuffle
 * driven by mulberry32(seed); the first `size` in drawing order. Same seed, same population →
 * same sample, in the same order.
 */
export function seededSample<T>(population: readonly T[], key: (item: T) => string, seed: number, size: number): T[] {
  if (!isSeed(seed)) throw new Error(`seed ${seed} is not an unsigned 32-bit integer`);
  if (!Number.isInteger(size) || size < 0) throw new Error(`size ${size} is not a whole number`);
  const items = [...population].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const random = mulberry32(seed);
  const take = Math.min(size, items.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (items.length - i));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items.slice(0, take);
}

/** SHA-256 over the sorted keys, one a line: whether a re-run draws from the same population. */
export function populationDigest(keys: readonly string[]): string {
  return createHash('sha256')
    .update([...keys].sort().join('\n'))
    .digest('hex');
}
