// The service's own time for one route, read from its /metrics histogram
// (http_server_request_duration_seconds, libs/platform request-duration middleware) before and
// after a load run: what the service spent, without the load tool's and the kernel's queueing.
const METRIC = 'http_server_request_duration_seconds';

async function scrape(baseUrl) {
  const res = await fetch(`${baseUrl}/metrics`);
  if (!res.ok) throw new Error(`${baseUrl}/metrics answered ${res.status}`);
  return res.text();
}

/** Cumulative bucket counts of one route (every method and status summed), keyed by upper bound. */
function bucketsOf(text, route) {
  const buckets = new Map();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${METRIC}_bucket{`) || !line.includes(`route="${route}"`)) continue;
    const le = line.match(/le="([^"]+)"/)[1];
    const bound = le === '+Inf' ? Infinity : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return buckets;
}

/** The q-quantile in ms, interpolated inside its bucket the way Prometheus' histogram_quantile does. */
function quantile(buckets, q) {
  const bounds = [...buckets.keys()].sort((a, b) => a - b);
  const total = buckets.get(Infinity) ?? 0;
  if (total === 0) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const bound of bounds) {
    const count = buckets.get(bound);
    if (count >= rank) {
      if (bound === Infinity) return lower * 1000;
      return (lower + ((bound - lower) * (rank - below)) / Math.max(1, count - below)) * 1000;
    }
    lower = bound;
    below = count;
  }
  return null;
}

/** The buckets of `route` summed over the replicas that answer for a service. */
async function bucketsOver(baseUrls, route) {
  const sum = new Map();
  for (const url of baseUrls) for (const [bound, count] of bucketsOf(await scrape(url), route)) sum.set(bound, (sum.get(bound) ?? 0) + count);
  return sum;
}

/**
 * Runs fn and returns its result with the service-side p50/p99 (ms) of `route` during it;
 * baseUrls: the service's replicas (each keeps its own histogram), or one URL.
 */
async function withServiceTime(baseUrls, route, fn) {
  const replicas = [baseUrls].flat();
  const before = await bucketsOver(replicas, route);
  const result = await fn();
  const after = await bucketsOver(replicas, route);
  const delta = new Map([...after].map(([bound, count]) => [bound, count - (before.get(bound) ?? 0)]));
  const round = (v) => (v === null ? null : Math.round(v * 100) / 100);
  return {
    result,
    serviceTime: { requests: delta.get(Infinity) ?? 0, p50: round(quantile(delta, 0.5)), p99: round(quantile(delta, 0.99)) },
  };
}

module.exports = { withServiceTime, quantile, bucketsOf };
