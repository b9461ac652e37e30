/**
 * Polls until `probe` returns something truthy; the error names what was awaited.
 * A probe that has not answered within `probeTimeoutMs` (half the wait by default) counts as a
 * failed try and the next one is sent: Temporal's time-skipping test server can leave a query
 * unanswered for good when it reaches a run just as it continues as new (the next query, sent to
 * the new run, answers), and a wait must not hang on one lost answer. The try given up on still
 * runs: a probe that can hang should carry a deadline of its own (a Temporal client's
 * `withDeadline`), so it is not left in flight when the test's connection closes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  { timeoutMs = 20000, intervalMs = 100, probeTimeoutMs = Math.max(1000, timeoutMs / 2) } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    try {
      const attempt = probe();
      attempt.catch(() => undefined); // an abandoned try may still fail later
      const value = await Promise.race([
        attempt,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
        }),
      ]);
      if (value) return value;
    } catch (e) {
      lastError = e;
    } finally {
      clearTimeout(timer);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
