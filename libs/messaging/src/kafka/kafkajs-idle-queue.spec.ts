// The patched kafkajs request queue (patches/kafkajs+2.2.4.patch, ADR 0028): once a connection has
// nothing waiting and no throttle, it keeps no timer. kafkajs 2.2.4 re-armed a timer of negative
// delay after every check, a 1 ms loop for the connection's life (about 4 % of a core per idle
// service here). A unit test of kafkajs's own RequestQueue with fake timers; the requests that do
// wait — behind the in-flight limit or a broker's throttle — must still go out.
const RequestQueue = require('kafkajs/src/network/requestQueue');

interface Queue {
  push(request: unknown): void;
  fulfillRequest(response: { correlationId: number; payload: unknown; size: number }): void;
  maybeThrottle(ms: number): void;
  destroy(): void;
}

const quietLogger = { debug: () => undefined, warn: () => undefined, error: () => undefined, info: () => undefined };

function queue(maxInFlightRequests: number | null): { queue: Queue; sent: number[] } {
  const sent: number[] = [];
  const q: Queue = new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'localhost:9092',
    logger: quietLogger,
  });
  return { queue: q, sent };
}

function request(correlationId: number, sent: number[]) {
  return {
    entry: { correlationId, apiKey: 0, apiName: 'Produce', apiVersion: 7, resolve: () => undefined, reject: () => undefined },
    expectResponse: true,
    sendRequest: () => sent.push(correlationId),
  };
}

describe('kafkajs request queue (patched: no timer while idle)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('keeps no timer once its requests are answered', () => {
    const { queue: q, sent } = queue(null);
    q.push(request(1, sent));
    q.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(sent).toEqual([1]);
    expect(jest.getTimerCount()).toBe(0);
    // nothing runs on its own afterwards
    jest.advanceTimersByTime(1000);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sends a request held back by the in-flight limit once the one before is answered', () => {
    const { queue: q, sent } = queue(1);
    q.push(request(1, sent));
    q.push(request(2, sent));
    expect(sent).toEqual([1]);
    q.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(sent).toEqual([1, 2]);
    q.fulfillRequest({ correlationId: 2, payload: null, size: 0 });
    // the check scheduled while request 2 waited runs once, and arms nothing after it
    jest.advanceTimersByTime(20);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('sends a request held back by a broker throttle when the throttle ends', () => {
    const { queue: q, sent } = queue(null);
    q.maybeThrottle(50);
    q.push(request(1, sent));
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(49);
    expect(sent).toEqual([]);
    jest.advanceTimersByTime(20);
    expect(sent).toEqual([1]);
    q.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    q.destroy();
    expect(jest.getTimerCount()).toBe(0);
  });
});
