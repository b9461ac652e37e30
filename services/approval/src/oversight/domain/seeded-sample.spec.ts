import { mulberry32, populationDigest, seededSample } from './seeded-sample';

const population = Array.from({ length: 40 }, (_, i) => ({ id: `app-${String(i).padStart(3, '0')}` }));
const key = (item: { id: string }) => item.id;
const shuffled = <T>(items: T[]) => [...items].reverse().sort((a, b) => (JSON.stringify(a).length % 3) - (JSON.stringify(b).length % 3));

describe('seeded sample (随机抽查)', () => {
  it('draws the same sample, in the same order, from the same seed, whatever order the population comes in', () => {
    const first = seededSample(population, key, 20261101, 7);
    const again = seededSample(shuffled(population), key, 20261101, 7);
    expect(again.map(key)).toEqual(first.map(key));
    expect(first).toHaveLength(7);
    expect(new Set(first.map(key)).size).toBe(7);
    for (const item of first) expect(population).toContainEqual(item);
  });

  it('draws differently from another seed', () => {
    const draws = new Set([1, 2, 3, 4, 5].map((seed) => seededSample(population, key, seed, 5).map(key).join(',')));
    expect(draws.size).toBe(5);
  });

  it('takes the whole population when it is smaller than the sample, and nothing from nothing', () => {
    expect(seededSample(population.slice(0, 3), key, 9, 10).map(key).sort()).toEqual(population.slice(0, 3).map(key));
    expect(seededSample([], key, 9, 10)).toEqual([]);
  });

  it('gives every item about the same chance (k/n) over many seeds', () => {
    const counts = new Map<string, number>();
    const seeds = 4000;
    for (let seed = 0; seed < seeds; seed++)
      for (const item of seededSample(population, key, (seed * 2654435761) >>> 0, 4)) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
    const expected = (seeds * 4) / population.length; // 400
    for (const item of population) expect(Math.abs((counts.get(item.id) ?? 0) - expected)).toBeLessThan(expected * 0.25);
  });

  it('refuses a seed that is not an unsigned 32-bit integer and a negative size', () => {
    expect(() => seededSample(population, key, -1, 3)).toThrow('seed -1 is not an unsigned 32-bit integer');
    expect(() => seededSample(population, key, 1.5, 3)).toThrow('not an unsigned 32-bit integer');
    expect(() => seededSample(population, key, 1, -3)).toThrow('size -3 is not a whole number');
  });

  it('mulberry32 stays in [0, 1) and repeats its sequence for a seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
  });

  it('digests the population independently of its order, and tells a changed one apart', () => {
    const ids = population.map(key);
    expect(populationDigest([...ids].reverse())).toBe(populationDigest(ids));
    expect(populationDigest(ids.slice(1))).not.toBe(populationDigest(ids));
    expect(populationDigest(ids)).toMatch(/^[0-9a-f]{64}$/);
  });
});
