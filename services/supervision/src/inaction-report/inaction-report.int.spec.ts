import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { CatalogEventTypes, CatalogItemChangedV1, IntegrationEvent, Roles, SupervisionItemSnapshot } from '@cityworks/contracts';
import { EventConsumer } from '@cityworks/messaging';
import { bearer, isolateKafkaConsumers, randomUscc, reformOffice, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../app.module';
import { SupervisionItemChangedHandler } from './catalog-copy/supervision-item-changed.handler';

jest.setTimeout(60_000);

/** 不作为 report against the real Postgres, with supervision items fed through the catalog event's inbox path. */
describe('inaction report (不作为)', () => {
  let app: INestApplication;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const department = `INACT-${suffix}`;
  const officer = bearer({ userId: 'inact-1', departmentCode: department, roles: [Roles.supervisionOfficer] });
  const post = (url: string, body: object) => request(app.getHttpServer()).post(url).set('authorization', officer).send(body);
  const report = (query: Record<string, string>, token = officer) =>
    request(app.getHttpServer()).get('/inaction-report').query(query).set('authorization', token);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const period = { from: '2026-10-01', to: today };

  const itemEvent = (
    code: string,
    overrides: Partial<CatalogItemChangedV1> = {},
    snapshot: Partial<SupervisionItemSnapshot> = {},
  ): IntegrationEvent<CatalogItemChangedV1> => ({
    specversion: '1.0',
    id: randomUUID(),
    source: '/cityworks/catalog',
    type: CatalogEventTypes.itemChanged,
    time: new Date().toISOString(),
    subject: `supervision-item:${code}`,
    datacontenttype: 'application/json',
    correlationid: randomUUID(),
    data: {
      kind: 'supervision-item',
      code,
      name: `${code} 监管事项`,
      regionCode: '210300',
      version: 1,
      effectiveFrom: '2026-01-01',
      change: 'published',
      changedFields: [],
      flaggedRegionCodes: [],
      occurredAt: new Date().toISOString(),
      snapshot: {
        code,
        regionCode: '210300',
        version: 1,
        effectiveFrom: '2026-01-01',
        followsVersion: null,
        retired: false,
        changeNote: null,
        publishedAt: new Date().toISOString(),
        name: `${code} 监管事项`,
        departmentCode: department,
        subject: '建筑施工企业',
        measures: [],
        legalBasis: '《建设工程质量管理条例》',
        randomCheckRatio: 0.05,
        checksPerYear: 1,
        riskLevel: 'medium',
        approvalItemCodes: [],
        ...snapshot,
      } as SupervisionItemSnapshot,
      ...overrides,
    },
  });
  const code = (name: string) => `JG-${suffix}-${name}`;

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    const consumer = app.get(EventConsumer);
    const handler = app.get(SupervisionItemChangedHandler);
    for (const event of [
      itemEvent(code('CHECKED')),
      itemEvent(code('IDLE')),
      itemEvent(code('RETIRED'), { change: 'retired' }, { retired: true }),
      itemEvent(code('FUTURE'), { effectiveFrom: '2099-01-01' }, { effectiveFrom: '2099-01-01' }),
      itemEvent(code('OTHERS'), {}, { departmentCode: `OTHER-${suffix}` }),
    ])
      expect(await consumer.handleOnce(event, handler)).toBe('applied');
    const subject = { subjectName: '鞍山市某建筑工程有限公司', subjectUscc: randomUscc(), regionCode: '210302' };
    const check = { ...subject, form: 'on-site', method: 'routine', inspectors: [{ name: '王强', certificateNumber: '21030219001' }] };
    // acted under CHECKED, reported at once
    await post('/supervision-actions/checks', {
      ...check,
      supervisionItemCode: code('CHECKED'),
      checkedAt: new Date(Date.now() - 3600_000).toISOString(),
      result: 'no-problem',
    }).expect(201);
    // registered for a check of 11-12 and never reported: its 7 days ran out in the period
    await post('/supervision-actions/checks', { ...check, supervisionItemCode: code('CHECKED'), checkedAt: '2026-11-12T10:00:00+08:00' }).expect(201);
    // a decision of 2026-10-08 recorded today: reported long after its 7 days
    await post('/supervision-actions/penalties', {
      ...subject,
      supervisionItemCode: code('CHECKED'),
      documentNumber: `鞍${suffix}罚〔2026〕1号`,
      violationType: '未按规定设置安全防护',
      facts: '临边无护栏',
      legalBasis: '《建设工程安全生产管理条例》第六十五条',
      categories: ['警告'],
      content: '警告',
      decisionDate: '2026-10-08',
      validUntil: '2027-10-08',
      severity: 'minor',
    }).expect(201);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('lists the department’s items in force with no action in the period, and its missed deadlines', async () => {
    const res = await report(period).expect(200);
    expect(res.body).toMatchObject({ departmentCode: department, from: period.from, to: period.to });
    // CHECKED has an action, RETIRED is retired, FUTURE not yet in force, OTHERS another department's
    expect(res.body.itemsWithoutAction).toEqual([{ departmentCode: department, code: code('IDLE'), regionCode: '210300', name: `${code('IDLE')} 监管事项` }]);
    expect(res.body.lateDepartments).toEqual([
      { departmentCode: department, actionReports: 2, inspectionTasks: 0, supervisionTasks: 0, commitmentVerifications: 0, total: 2 },
    ]);
  });

  it('a period with none of the actions leaves the checked item without action too', async () => {
    // after the penalty of 10-08, before the check of 11-12
    const res = await report({ from: '2026-10-09', to: '2026-11-05' }).expect(200);
    expect(res.body.itemsWithoutAction.map((i: { code: string }) => i.code)).toEqual([code('CHECKED'), code('IDLE')]);
  });

  it('the reform office reports on any department; a department only on its own', async () => {
    const other = await report({ ...period, departmentCode: `OTHER-${suffix}` }, reformOffice()).expect(200);
    expect(other.body.itemsWithoutAction.map((i: { code: string }) => i.code)).toEqual([code('OTHERS')]);
    await report({ ...period, departmentCode: `OTHER-${suffix}` }).expect(403);
    expect(JSON.stringify((await report({ from: '2026-11-02', to: '2026-11-01' }).expect(400)).body)).toContain('to');
  });

  it('an action’s item is checked against the copy when the copy knows it: in force and the department’s own', async () => {
    const check = (itemCode: string) => ({
      supervisionItemCode: itemCode,
      subjectName: '鞍山市某建筑工程有限公司',
      subjectUscc: randomUscc(),
      regionCode: '210302',
      form: 'on-site',
      method: 'routine',
      checkedAt: new Date(Date.now() - 3600_000).toISOString(),
      inspectors: [{ name: '王强', certificateNumber: '21030219001' }],
      result: 'no-problem',
    });
    expect((await post('/supervision-actions/checks', check(code('OTHERS'))).expect(422)).body.message).toContain('referrals');
    expect((await post('/supervision-actions/checks', check(code('RETIRED'))).expect(422)).body.message).toContain('not in force');
    expect((await post('/supervision-actions/checks', check(code('FUTURE'))).expect(422)).body.message).toContain('not in force');
    // a code the copy has never received passes on its format
    await post('/supervision-actions/checks', check(code('UNHEARD-OF'))).expect(201);
  });

  it('parks a supervision item event without its snapshot, and ignores approval items', async () => {
    const consumer = app.get(EventConsumer);
    const handler = app.get(SupervisionItemChangedHandler);
    await expect(handler.handle(itemEvent(code('BROKEN'), { snapshot: undefined }), undefined as never)).rejects.toThrow(/no snapshot/);
    expect(await consumer.handleOnce(itemEvent(code('APPROVAL'), { kind: 'approval-item' }), handler)).toBe('applied');
    const res = await report(period).expect(200);
    expect(res.body.itemsWithoutAction.map((i: { code: string }) => i.code)).not.toContain(code('APPROVAL'));
  });
});
