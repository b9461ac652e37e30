// HTTP load by autocannon: latency percentiles at a fixed offered rate, so the service and the
// bare route are measured the same way.
const autocannon = require('autocannon');

/**
 * @param {object} o
 * @param {string} o.url base url
 * @param {() => {method?: string, path: string, headers?: object, body?: string}} o.next the next request
 * @param {number} o.rate requests per second offered
 * @param {number} o.seconds
 */
async function measure({ url, next, rate, seconds, connections = Math.max(8, Math.ceil(rate / 4)) }) {
  const result = await autocannon({
    url,
    connections,
    overallRate: rate,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    failed: non2xx,
    /** the offered rate was carried: a slow service otherwise looks fast at the rate it could carry */
    carried: result.requests.total >= 0.95 * rate * seconds,
  };
}

module.exports = { measure };
