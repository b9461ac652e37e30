import { nextRelayDelay } from './relay-delay';

describe('relay delay', () => {
  it('goes on at once after a full batch and soon after a partial one', () => {
    expect(nextRelayDelay(800, 'full-batch')).toBe(0);
    expect(nextRelayDelay(1000, 'some')).toBe(200);
  });

  it('backs off an idle relay to once a second', () => {
    const delays = [200];
    for (let i = 0; i < 5; i++) delays.push(nextRelayDelay(delays[delays.length - 1], 'none'));
    expect(delays).toEqual([200, 400, 800, 1000, 1000, 1000]);
    expect(nextRelayDelay(0, 'none')).toBe(200);
  });

  it('backs off a failing relay from half a second to five', () => {
    expect(nextRelayDelay(0, 'failed')).toBe(500);
    expect(nextRelayDelay(200, 'failed')).toBe(500);
    expect(nextRelayDelay(4000, 'failed')).toBe(5000);
  });
});
