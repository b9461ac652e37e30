import { INestApplication, Type } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { isolateKafkaConsumers, reformOffice, startServiceApp } from '@cityworks/testing';
import { HostileInput, percentEncode, prng } from './random-input';
import { AppModule as ApprovalApp } from '../../services/approval/src/app.module';
import { AppModule as SupervisionApp } from '../../services/supervision/src/app.module';
import { AppModule as CreditApp } from '../../services/credit/src/app.module';
import { AppModule as ComplaintsApp } from '../../services/complaints/src/app.module';
import { AppModule as CatalogApp } from '../../services/catalog/src/app.module';

/**
 * Throws hostile input at every endpoint each service documents in its OpenAPI: malformed
 * JSON, wrong types, huge strings, injection strings, prototype keys. No answer may be a 5xx,
 * and a refused request may not leave a row behind (counted in the outbox and audit log, which
 * every state change writes in its transaction). Replay a failure with FUZZ_SEED.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const CASES_PER_OPERATION = Number(process.env.FUZZ_CASES ?? 40);

const services: [string, Type<unknown>][] = [
  ['approval', ApprovalApp],
  ['supervision', SupervisionApp],
  ['credit', CreditApp],
  ['complaints', ComplaintsApp],
  ['catalog', CatalogApp],
];

describe.each(services)('bad input to the %s service', (name, module) => {
  let app: INestApplication;
  let db: DataSource;

  beforeAll(async () => {
    isolateKafkaConsumers();
    process.env.EVENT_CONSUMER_ENABLED = 'false'; // only the requests below may write
    app = await startServiceApp(module, name);
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await app?.close();
    delete process.env.EVENT_CONSUMER_ENABLED;
  });

  const rowCounts = async () => {
    const [row] = await db.query('SELECT (SELECT count(*) FROM outbox_events)::int AS outbox, (SELECT count(*) FROM audit_log)::int AS audit');
    return row as { outbox: number; audit: number };
  };

  it('never answers 5xx and never half-writes', async () => {
    const doc = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body;
    const input = new HostileInput(prng(SEED));
    const failures: string[] = [];
    let requests = 0;
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const schemaRef: string | undefined = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const fields = schemaRef ? Object.keys(doc.components.schemas[schemaRef.split('/').pop()!].properties ?? {}) : [];
        const queryNames = (op.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name);
        for (let i = 0; i < CASES_PER_OPERATION; i++) {
          const pathPart = path.replace(/\{[^}]+\}/g, () => percentEncode(input.random() < 0.3 ? crypto.randomUUID() : input.string().slice(0, 300)));
          const query = queryNames.filter(() => input.random() < 0.6).map((q: string) => `${q}=${percentEncode(input.queryValue())}`);
          const url = query.length ? `${pathPart}?${query.join('&')}` : pathPart;
          const body = input.body(fields);
          const before = await rowCounts();
          const res = await (request(app.getHttpServer()) as any)
            [method](url)
            .set('authorization', reformOffice())
            .set('content-type', 'application/json')
            .send(body);
          requests++;
          const after = await rowCounts();
          const summary = `${method.toUpperCase()} ${url.slice(0, 80)} ${body.slice(0, 120)} → ${res.status}`;
          if (res.status >= 500) failures.push(`${summary} ${JSON.stringify(res.body).slice(0, 200)}`);
          if (res.status >= 400 && (after.outbox !== before.outbox || after.audit !== before.audit)) failures.push(`${summary} but wrote rows`);
        }
      }
    }
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
    expect(requests).toBeGreaterThan(100);
  });
});
