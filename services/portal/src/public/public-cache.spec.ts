import { PublicCache } from './public-cache';

describe('the public page’s ten-second cache', () => {
  it('answers a repeat within ten seconds from the first read, and reads again after', async () => {
    const cache = new PublicCache();
    const read = jest.fn().mockResolvedValueOnce('first').mockResolvedValueOnce('second');
    await expect(cache.get('k', read, 0)).resolves.toBe('first');
    await expect(cache.get('k', read, 9_999)).resolves.toBe('first');
    await expect(cache.get('k', read, 10_000)).resolves.toBe('second');
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('keeps no failed read', async () => {
    const cache = new PublicCache();
    const read = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('up');
    await expect(cache.get('k', read, 0)).rejects.toThrow('down');
    await expect(cache.get('k', read, 1)).resolves.toBe('up');
  });
});
