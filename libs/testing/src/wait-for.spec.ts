import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value', async () => {
    let n = 0;
    await expect(waitFor('n to reach 3', async () => (++n >= 3 ? n : undefined), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('names what it waited for, and the last error, when it times out', async () => {
    await expect(
      waitFor(
        'the task to open',
        async () => {
          throw new Error('404');
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow('timed out after 30 ms waiting for the task to open: 404');
  });
});

describe('waitFor with a probe that never answers', () => {
  it('gives up on that try and asks again', async () => {
    let n = 0;
    const probe = () => (++n === 1 ? new Promise<number>(() => undefined) : Promise.resolve(n));
    await expect(waitFor('an answer', probe, { timeoutMs: 1000, intervalMs: 1, probeTimeoutMs: 20 })).resolves.toBe(2);
  });

  it('names the unanswered try when the wait times out', async () => {
    await expect(waitFor('an answer', () => new Promise<number>(() => undefined), { timeoutMs: 50, intervalMs: 1, probeTimeoutMs: 20 })).rejects.toThrow(
      'timed out after 50 ms waiting for an answer: no answer within 20 ms',
    );
  });
});
