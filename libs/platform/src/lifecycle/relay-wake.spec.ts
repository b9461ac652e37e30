import { RelayWake } from './relay-wake';

describe('RelayWake', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = async (p: Promise<void>) => {
    let done = false;
    void p.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('sleeps the whole delay when nobody nudges', async () => {
    const wake = new RelayWake();
    wake.passBegins();
    const sleeping = wake.sleep(1000);
    jest.advanceTimersByTime(999);
    expect(await settled(sleeping)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(sleeping)).toBe(true);
  });

  it('wakes a sleeping relay at a nudge', async () => {
    const wake = new RelayWake();
    wake.passBegins();
    const sleeping = wake.sleep(1000);
    wake.nudge();
    expect(await settled(sleeping)).toBe(true);
  });

  it('keeps a nudge that came during the pass: the next sleep does not wait', async () => {
    const wake = new RelayWake();
    wake.passBegins();
    wake.nudge(); // a writer commits while the pass is reading
    expect(await settled(wake.sleep(1000))).toBe(true);
  });

  it('forgets a nudge once a later pass has begun', async () => {
    const wake = new RelayWake();
    wake.nudge();
    wake.passBegins();
    const sleeping = wake.sleep(1000);
    expect(await settled(sleeping)).toBe(false);
    jest.advanceTimersByTime(1000);
    expect(await settled(sleeping)).toBe(true);
  });
});
