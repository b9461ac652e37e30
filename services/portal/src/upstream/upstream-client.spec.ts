import { HttpException } from '@nestjs/common';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { runWithCorrelationId } from '@cityworks/platform';
import { UpstreamClient } from './upstream-client';
import { UpstreamUrls } from './upstream-urls';

/** The client against a small real HTTP server standing in for a service. */
describe('UpstreamClient', () => {
  let server: Server;
  let base: string;
  let seen: { url?: string; headers?: IncomingHttpHeaders } = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen = { url: req.url, headers: req.headers };
      const status = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('status') ?? 200);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { ok: true } : { statusCode: status, message: `said ${status}` }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const client = (url = base) => new UpstreamClient({ catalog: url, approval: url, supervision: url, credit: url, complaints: url } as UpstreamUrls);
  const statusOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'resolved';
    } catch (e) {
      return e instanceof HttpException ? [e.getStatus(), e.getResponse()] : e;
    }
  };

  it('sends the user’s token, the correlation id and the query, leaving out empty values', async () => {
    const body = await runWithCorrelationId('corr-1', () =>
      client().json('approval', '/projects', { token: 't0k', query: { page: 2, type: undefined, q: '' } }),
    );
    expect(body).toEqual({ ok: true });
    expect(seen.url).toBe('/projects?page=2');
    expect(seen.headers?.authorization).toBe('Bearer t0k');
    expect(seen.headers?.['x-correlation-id']).toBe('corr-1');
  });

  it('passes a service’s 4xx on as it is, and turns a 5xx into 502 and an unreachable service into 503', async () => {
    expect(await statusOf(client().json('approval', '/x', { query: { status: 404 } }))).toEqual([404, { statusCode: 404, message: 'said 404' }]);
    expect(await statusOf(client().json('approval', '/x', { query: { status: 403 } }))).toEqual([403, { statusCode: 403, message: 'said 403' }]);
    const bad = await statusOf(client().json('supervision', '/x', { query: { status: 500 } }));
    expect(bad).toEqual([502, expect.objectContaining({ message: 'supervision answered 500 for /x' })]);
    const down = (await statusOf(client('http://127.0.0.1:1').json('credit', '/x'))) as [number, { message: string }];
    expect(down[0]).toBe(503);
    expect(down[1].message).toContain('credit is unreachable');
  });
});
