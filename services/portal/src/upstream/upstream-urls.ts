/** The services the portal calls on the user's behalf; never exposed to the browser. */
export const UpstreamServices = ['catalog', 'approval', 'supervision', 'credit', 'complaints'] as const;
export type UpstreamService = (typeof UpstreamServices)[number];

const DEFAULT_PORTS: Record<UpstreamService, number> = { catalog: 3001, approval: 3002, supervision: 3003, credit: 3004, complaints: 3005 };

export type UpstreamUrls = Record<UpstreamService, string>;

/**
 * Where each service answers: `<SERVICE>_URL` (as scripts/demo.js reads them), else 127.0.0.1 on
 * `<SERVICE>_PORT` or the service's default port. A URL that does not parse stops the portal at
 * start, naming the variable.
 */
export function upstreamUrls(env: NodeJS.ProcessEnv = process.env): UpstreamUrls {
  const urls = {} as UpstreamUrls;
  for (const service of UpstreamServices) {
    const name = service.toUpperCase();
    const given = env[`${name}_URL`];
    const url = given?.trim() || `http://127.0.0.1:${env[`${name}_PORT`] ?? DEFAULT_PORTS[service]}`;
    try {
      new URL(url);
    } catch {
      throw new Error(`${name}_URL must be an http(s) URL, got "${url}"`);
    }
    urls[service] = url.replace(/\/+$/, '');
  }
  return urls;
}

export const UPSTREAM_URLS = Symbol('UPSTREAM_URLS');
