import { StopSignal } from './stoppable-sleep';

describe('StopSignal', () => {
  it('ends a back-off wait at once when stopped', async () => {
    const signal = new StopSignal();
    const started = Date.now();
    const waiting = signal.sleep(60_000);
    signal.stop();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(signal.stopped).toBe(true);
  });

  it('waits the full time otherwise', async () => {
    const started = Date.now();
    await new StopSignal().sleep(50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
