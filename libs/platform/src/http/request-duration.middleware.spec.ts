import express from 'express';
import request from 'supertest';
import { MetricValueWithName, register } from 'prom-client';
import { REQUEST_DURATION_METRIC, requestDuration } from './request-duration.middleware';

async function valuesOf(): Promise<MetricValueWithName<string>[]> {
  return (await register.getSingleMetric(REQUEST_DURATION_METRIC)!.get()).values as MetricValueWithName<string>[];
}

async function countOf(labels: Record<string, string>): Promise<number> {
  const match = (l: Record<string, unknown>) => Object.entries(labels).every(([k, v]) => l[k] === v);
  return (await valuesOf()).filter((v) => v.metricName === `${REQUEST_DURATION_METRIC}_count` && match(v.labels)).reduce((n, v) => n + v.value, 0);
}

describe('requestDuration', () => {
  const app = express();
  app.use(requestDuration());
  const router = express.Router();
  router.get('/:uscc', (req, res) => {
    res.json({ uscc: req.params.uscc });
  });
  app.use('/credit-standing', router);

  it('labels a request by its route template, not its path, and by status', async () => {
    const before = await countOf({ route: '/credit-standing/:uscc', status: '200', method: 'GET' });
    await request(app).get('/credit-standing/91210302MA0QTEST01').expect(200);
    await request(app).get('/credit-standing/91210302MA0QTEST02').expect(200);
    expect(await countOf({ route: '/credit-standing/:uscc', status: '200', method: 'GET' })).toBe(before + 2);
    const values = await valuesOf();
    expect(values.some((v) => String(v.labels.route).includes('91210302'))).toBe(false);
  });

  it('puts every path no route matched under one label, so a scan cannot grow the series', async () => {
    const before = await countOf({ route: 'unmatched', status: '404' });
    await request(app).get('/nothing/here').expect(404);
    await request(app).get('/nothing/else').expect(404);
    expect(await countOf({ route: 'unmatched', status: '404' })).toBe(before + 2);
  });

  it('registers one histogram however many apps a process starts (services share a process in tests)', () => {
    expect(() => requestDuration()).not.toThrow();
    expect(register.getSingleMetric(REQUEST_DURATION_METRIC)).toBeDefined();
  });

  it('has buckets below 5 ms fine enough to tell a 1 ms lookup from a 5 ms one', async () => {
    const buckets = (await valuesOf())
      .filter((v) => v.metricName === `${REQUEST_DURATION_METRIC}_bucket`)
      .map((v) => Number(v.labels.le))
      .filter((le) => le <= 0.005);
    expect(new Set(buckets).size).toBeGreaterThanOrEqual(6);
  });
});
