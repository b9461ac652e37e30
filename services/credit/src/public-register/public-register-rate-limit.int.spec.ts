import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { isolateKafkaConsumers, startServiceApp } from '@cityworks/testing';
import { publicRegisterRateLimit } from './public-register-rate-limit';

/** The register's own limit per client address, with the service started under a small one. */
describe('public register rate limit', () => {
  let app: INestApplication;

  beforeAll(async () => {
    // read when the controller module loads: set before the service is imported
    process.env.CREDIT_PUBLIC_RATE_LIMIT_PER_MINUTE = '3';
    isolateKafkaConsumers();
    const { AppModule } = await import('../app.module');
    app = await startServiceApp(AppModule);
  });
  afterAll(async () => {
    delete process.env.CREDIT_PUBLIC_RATE_LIMIT_PER_MINUTE;
    await app?.close();
  });

  it('answers 429 with a retry delay past the limit for one address', async () => {
    const server = app.getHttpServer();
    for (let i = 0; i < 3; i++) await request(server).get('/public/credit-register').expect(200);
    const refused = await request(server).get('/public/credit-register').expect(429);
    expect(refused.body).toMatchObject({ statusCode: 429 });
    // the standard header, as the OpenAPI publishes it; @nestjs/throttler's own is named after the throttler
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.headers['retry-after-per-user']).toBe('60');
    // staff endpoints keep the platform's per-user limit
    await request(server).get('/health').expect(200);
  });

  it('refuses a bad limit at start, naming the variable', () => {
    expect(() => publicRegisterRateLimit({ CREDIT_PUBLIC_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      'CREDIT_PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number from 1 to 10000, got "0"',
    );
    expect(publicRegisterRateLimit({})).toBe(60);
  });
});
