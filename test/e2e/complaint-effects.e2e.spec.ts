import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { CatalogEventTypes, CatalogItemChangedV1, IntegrationEvent, Roles } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, randomUscc, startServiceApp, waitFor } from '@cityworks/testing';
import { AppModule as ComplaintsApp } from '../../services/complaints/src/app.module';
import { CatalogItemChangedHandler } from '../../services/complaints/src/routing/catalog-item-changed.handler';
import { RunningServices, startRunningServices } from './support/running-services';

/**
 * What a substantiated 违法违规举报 causes across the services, over the real Kafka: complaints
 * routes it by duty from its catalog copy to the supervising department, whose finding publishes
 * `complaints.upheld.v1` through the outbox; supervision opens a 专项检查 for that department and
 * credit records a 失信 against the subject. A complaint about the approval service opens no
 * inspection. Temporal is the time-skipping test server.
 */
describe('a substantiated violation report → 专项检查 and 失信 (end to end)', () => {
  let system: RunningServices;
  let complaints: INestApplication;
  const run = Date.now().toString(36).toUpperCase();
  const item = `E2E-${run}-SGXK`;
  const supervising = `E2E-${run}-ZJJ`;
  const handler = bearer({ userId: 'e2e-handler', departmentCode: supervising, roles: [Roles.complaintHandler] });
  const implementing = 'AS-XZSPJ';
  const inspector = bearer({ userId: 'e2e-inspector', departmentCode: supervising, roles: [Roles.supervisionOfficer] });
  const creditDesk = bearer({ userId: 'e2e-credit', departmentCode: supervising, roles: [Roles.creditOfficer] });

  beforeAll(async () => {
    system = await startRunningServices();
    complaints = await startServiceApp(ComplaintsApp, 'complaints');
    await complaints.get(EventConsumer).ready;
    // complaints' catalog copy learns the item as catalog announces it (its consumer joined after the demo load)
    const listed = {
      kind: 'approval-item',
      code: item,
      name: '建筑工程施工许可（端到端）',
      regionCode: '210300',
      version: 1,
      effectiveFrom: '2020-01-01',
      change: 'published',
      changedFields: [],
      flaggedRegionCodes: [],
      occurredAt: new Date().toISOString(),
      snapshot: {
        code: item,
        regionCode: '210300',
        version: 1,
        effectiveFrom: '2020-01-01',
        retired: false,
        departmentCode: 'AS-XZSPJ',
        supervisingDepartmentCode: supervising,
      },
    } as unknown as CatalogItemChangedV1;
    const event: IntegrationEvent<CatalogItemChangedV1> = {
      specversion: '1.0',
      id: randomUUID(),
      source: '/cityworks/catalog',
      type: CatalogEventTypes.itemChanged,
      time: new Date().toISOString(),
      subject: `approval-item:${item}`,
      datacontenttype: 'application/json',
      correlationid: randomUUID(),
      data: listed,
    };
    expect(await complaints.get(EventConsumer).handleOnce(event, complaints.get(CatalogItemChangedHandler))).toBe('applied');
  });
  afterAll(async () => {
    await complaints?.close();
    await system?.stop();
  });

  /** Received, then found substantiated by the department routing chose (`by`). */
  async function substantiated(category: string, subjectUscc: string, by: string): Promise<string> {
    const http = () => request(complaints.getHttpServer());
    const handler = bearer({ userId: `e2e-handler-${by}`, departmentCode: by, roles: [Roles.complaintHandler] });
    const { body: c } = await http()
      .post('/complaints')
      .set('authorization', handler)
      .send({ channel: 'web', category, regionCode: '210300', itemCode: item, subjectUscc, content: '楼板开裂，疑似偷工减料' })
      .expect(201);
    await http().post(`/complaints/${c.id}/acknowledge`).set('authorization', handler).expect(200);
    await http().post(`/complaints/${c.id}/finding`).set('authorization', handler).send({ finding: 'substantiated' }).expect(200);
    return c.id;
  }

  it('routes the report to the supervising department, opens one 专项检查 there and records a 失信 against the subject', async () => {
    const subject = randomUscc();
    // a violation goes to the department that supervises the item, a complaint about the service to the one that implements it
    const violation = await substantiated('construction-quality', subject, supervising);
    const about = await substantiated('approval-service', randomUscc(), implementing);
    expect((await request(complaints.getHttpServer()).get(`/complaints/${violation}`).set('authorization', handler).expect(200)).body.departmentCode).toBe(
      supervising,
    );

    const task = await waitFor(
      'supervision to open the 专项检查 from Kafka',
      async () => {
        const page = (
          await request(system.supervision.getHttpServer())
            .get('/inspection-tasks')
            .query({ source: 'complaint', pageSize: 100 })
            .set('authorization', inspector)
            .expect(200)
        ).body;
        return page.items.find((t: { sourceRef: string }) => t.sourceRef === violation);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(task).toMatchObject({ source: 'complaint', departmentCode: supervising, status: 'open' });

    const standing = await waitFor(
      'credit to record the 失信 from Kafka',
      async () => {
        const res = await request(system.credit.getHttpServer()).get(`/subjects/${subject}/credit`).set('authorization', creditDesk).expect(200);
        return res.body.activeBadRecords?.minor === 1 ? res.body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(standing.grade).toBe('B'); // one 一般 失信 reaches B; three would reach C (credit's default rule set)

    // the complaint about the approval service was upheld too, yet opens no inspection
    const tasks = (
      await request(system.supervision.getHttpServer())
        .get('/inspection-tasks')
        .query({ source: 'complaint', pageSize: 100 })
        .set('authorization', inspector)
        .expect(200)
    ).body.items;
    expect(tasks.filter((t: { sourceRef: string }) => t.sourceRef === about)).toEqual([]);
    expect(tasks.filter((t: { sourceRef: string }) => t.sourceRef === violation)).toHaveLength(1);
  });
});
