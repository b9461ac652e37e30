/**
 * `TRUST_PROXY`: which proxies in front of a service may say who the client is (X-Forwarded-For).
 * Unset, the client is the socket's peer — right when nothing stands in front. Behind a balancer
 * every request would otherwise come from the balancer's address, and the per-address limit of
 * the public endpoints would count the whole city as one client. Values as Express takes them:
 * `true`, a hop count (`1`), or addresses and subnets (`loopback`, `10.0.0.0/8, 127.0.0.1`).
 */
export function trustProxySetting(value: string | undefined): boolean | number | string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}
