import { ReportCache } from './report-cache';

describe('the overview’s report cache', () => {
  it('answers from the kept copy for 30 s, then from it while one new read runs, then reads afresh after two minutes', async () => {
    const cache = new ReportCache();
    let release: (v: string) => void = () => undefined;
    const read = jest
      .fn<Promise<string>, []>()
      .mockResolvedValueOnce('first')
      .mockReturnValueOnce(new Promise((r) => (release = r)))
      .mockResolvedValueOnce('third');
    await expect(cache.get('k', read, 0)).resolves.toBe('first');
    await expect(cache.get('k', read, 29_999)).resolves.toBe('first');
    expect(read).toHaveBeenCalledTimes(1);
    // stale: the kept copy, with one refresh running behind it
    await expect(cache.get('k', read, 30_000)).resolves.toBe('first');
    await expect(cache.get('k', read, 30_001)).resolves.toBe('first');
    expect(read).toHaveBeenCalledTimes(2);
    release('second');
    await new Promise((r) => setImmediate(r));
    await expect(cache.get('k', read, 30_002)).resolves.toBe('second');
    // too old to answer from: read again, and wait for it
    await expect(cache.get('k', read, 30_000 + 120_000)).resolves.toBe('third');
  });

  it('keeps keys apart and keeps no failed read', async () => {
    const cache = new ReportCache();
    await expect(cache.get('AS-ZJJ:approval-officer:2026', async () => 'zjj', 0)).resolves.toBe('zjj');
    await expect(cache.get('all:reform-office:2026', async () => 'all', 0)).resolves.toBe('all');
    await expect(cache.get('x', () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    await expect(cache.get('x', async () => 'up', 1)).resolves.toBe('up');
  });
});
