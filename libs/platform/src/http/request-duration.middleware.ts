import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Histogram, register } from 'prom-client';

/**
 * Buckets fine at the low end: the figure that matters for a lookup asked at every 受理 is whether
 * it stays within single milliseconds (scripts/bench reads p99 from these), and a coarse Prometheus
 * default (5 ms first bucket) could not tell 1 ms from 5.
 */
export const REQUEST_DURATION_BUCKETS = [0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const REQUEST_DURATION_METRIC = 'http_server_request_duration_seconds';

/** One histogram per process: in-process tests start several services, and prom-client refuses a second registration. */
function requestDurationHistogram(): Histogram<'method' | 'route' | 'status'> {
  const existing = register.getSingleMetric(REQUEST_DURATION_METRIC);
  if (existing) return existing as Histogram<'method' | 'route' | 'status'>;
  return new Histogram({
    name: REQUEST_DURATION_METRIC,
    help: 'time a request spends in the service, from its first middleware to the last byte of its response',
    labelNames: ['method', 'route', 'status'],
    buckets: REQUEST_DURATION_BUCKETS,
  });
}

/**
 * The service's own time per request, labelled by route template (`/credit-standing/:uscc`, never
 * the concrete path, so a scan of random paths cannot grow the series without bound). Measured at
 * the service rather than at a client: on a shared machine a client's figure also carries its own
 * and the kernel's queueing, which no change to the service could remove.
 */
export function requestDuration(): RequestHandler {
  const histogram = requestDurationHistogram();
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      histogram.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    });
    next();
  };
}
