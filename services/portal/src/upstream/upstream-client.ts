import { BadGatewayException, HttpException, Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { currentCorrelationId } from '@cityworks/platform';
import { UPSTREAM_URLS, UpstreamService, UpstreamUrls } from './upstream-urls';

export type QueryValues = Record<string, string | number | boolean | undefined | null>;

export interface UpstreamCall {
  /** the user's own token: the service scopes what it answers to the user's department */
  token?: string;
  query?: QueryValues;
  method?: 'GET' | 'POST';
  body?: unknown;
}

export interface UpstreamFile {
  contentType: string;
  body: Buffer;
}

/** An upstream 4xx passed on as it is: the service's own message names the field and rule. */
export class UpstreamRefusal extends HttpException {
  constructor(
    readonly service: UpstreamService,
    status: number,
    body: unknown,
  ) {
    super(typeof body === 'object' && body ? (body as Record<string, unknown>) : { statusCode: status, message: String(body) }, status);
  }
}

/** Calls a service over HTTP with the user's bearer token and the request's correlation id. */
@Injectable()
export class UpstreamClient {
  constructor(@Inject(UPSTREAM_URLS) private readonly urls: UpstreamUrls) {}

  async json<T>(service: UpstreamService, path: string, call: UpstreamCall = {}): Promise<T> {
    const res = await this.send(service, path, call, 'application/json');
    return (await res.json()) as T;
  }

  async file(service: UpstreamService, path: string, call: UpstreamCall = {}): Promise<UpstreamFile> {
    const res = await this.send(service, path, call, 'application/pdf');
    return { contentType: res.headers.get('content-type') ?? 'application/octet-stream', body: Buffer.from(await res.arrayBuffer()) };
  }

  private async send(service: UpstreamService, path: string, call: UpstreamCall, accept: string): Promise<Response> {
    const url = new URL(this.urls[service] + path);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    const correlationId = currentCorrelationId();
    if (correlationId) headers['x-correlation-id'] = correlationId;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, {
        method: call.method ?? 'GET',
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (e) {
      throw new ServiceUnavailableException(`${service} is unreachable (${(e as Error).message})`);
    }
    if (res.ok) return res;
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // a non-JSON error body is passed on as its text
    }
    if (res.status >= 400 && res.status < 500) throw new UpstreamRefusal(service, res.status, body);
    throw new BadGatewayException(`${service} answered ${res.status} for ${path}`);
  }
}

/** What every endpoint that calls a service may also answer (declared in the OpenAPI document). */
export const UPSTREAM_ERRORS: [number, string][] = [
  [502, 'a service the portal called answered with a server error'],
  [503, 'a service the portal calls is unreachable'],
];
