import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { waitFor } from './wait-for';

/**
 * Waits until the service's /health is ok with its activity worker running, and returns the
 * body: every service must reach Postgres, Kafka and Temporal.
 */
export async function healthyService(app: INestApplication, timeoutMs = 15000): Promise<any> {
  return waitFor(
    'the service to be healthy with its activity worker running',
    async () => {
      const res = await request(app.getHttpServer()).get('/health');
      return res.status === 200 && res.body.info?.temporal?.worker === 'RUNNING' ? res.body : undefined;
    },
    { timeoutMs },
  );
}
