import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { Roles } from '@cityworks/contracts';
import { parseCsv } from '@cityworks/platform';
import { bearer, isolateKafkaConsumers, randomUscc, startServiceApp } from '@cityworks/testing';
import { AppModule } from '../../app.module';
import { CHECK_FIELDS, exchangeViolations, PENALTY_FIELDS } from './exchange-fields';

jest.setTimeout(60_000);

/** A period's 监管行为 out in the exchange's shape, against the real Postgres. */
describe('supervision actions export (互联网+监管)', () => {
  let app: INestApplication;
  let db: DataSource;
  // a department of this run's own, so the period holds only what this test recorded
  const department = `EXP-${randomUUID().slice(0, 8)}`;
  const officer = bearer({ userId: 'exp-1', departmentCode: department, roles: [Roles.supervisionOfficer] });
  const post = (url: string, body: object) => request(app.getHttpServer()).post(url).set('authorization', officer).send(body);
  const exportOf = (query: Record<string, string>) =>
    request(app.getHttpServer()).get('/supervision-actions/export').query(query).set('authorization', officer);
  const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86400_000).toISOString().slice(0, 10);
  const period = { from: chinaDay(-3), to: chinaDay() };
  const subject = () => ({ supervisionItemCode: 'JG-JZSG-001', subjectName: '鞍山市某建设集团有限公司', subjectUscc: randomUscc(), regionCode: '210302' });
  const ids: string[] = [];

  beforeAll(async () => {
    isolateKafkaConsumers();
    app = await startServiceApp(AppModule);
    db = app.get(DataSource);
    for (const result of ['no-problem', 'violation-found'])
      ids.push(
        (
          await post('/supervision-actions/checks', {
            ...subject(),
            planId: 'PLAN-EXP',
            form: 'off-site',
            method: 'routine',
            checkedAt: new Date(Date.now() - 86400_000).toISOString(),
            inspectors: [{ name: '赵六, "组长"', certificateNumber: '21030219006' }],
            result,
            findings: result === 'no-problem' ? undefined : '未按规定设置安全防护，\n多处临边无护栏',
          }).expect(201)
        ).body.id,
      );
    // registered only: not reported, so not exported
    await post('/supervision-actions/checks', {
      ...subject(),
      form: 'on-site',
      method: 'routine',
      checkedAt: new Date().toISOString(),
      inspectors: [{ name: '钱七', certificateNumber: '21030219007' }],
    }).expect(201);
    ids.push(
      (
        await post('/supervision-actions/penalties', {
          ...subject(),
          documentNumber: `鞍住建罚〔2026〕${randomUUID().slice(0, 8)}号`,
          violationType: '未取得施工许可证擅自施工',
          facts: '擅自施工',
          legalBasis: '《建筑工程施工许可管理办法》第十二条',
          categories: ['警告', '罚款'],
          content: '警告并罚款',
          fineAmount: '12345.6',
          decisionDate: chinaDay(),
          validUntil: chinaDay(365),
          severity: 'minor',
        }).expect(201)
      ).body.id,
    );
  });

  afterAll(async () => {
    await app?.close();
  });

  it('exports the period’s reported checks as JSON, every record passing the exchange’s field rules', async () => {
    const res = await exportOf({ ...period, kind: 'check' }).expect(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body).toMatchObject({ kind: 'check', departmentCode: department, count: 2 });
    expect(res.body.records.map((r: { actionId: string }) => r.actionId).sort()).toEqual(ids.slice(0, 2).sort());
    for (const record of res.body.records) {
      expect(exchangeViolations('check', record)).toEqual([]);
      expect(Date.parse(record.reportTime)).toBeGreaterThanOrEqual(Date.parse(record.checkTime));
      expect(record).toMatchObject({ implementingDepartment: department, checkForm: '非现场检查', certificateNumbers: '21030219006' });
    }
  });

  it('exports the same as CSV with the Chinese headers, and the rows read back pass the rules', async () => {
    const res = await exportOf({ ...period, kind: 'check', format: 'csv' }).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const [head, ...rows] = parseCsv(res.text);
    expect(head.cells).toEqual(CHECK_FIELDS.map((f) => f.label));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const record = Object.fromEntries(CHECK_FIELDS.map((f, i) => [f.key, row.cells[i]]));
      expect(exchangeViolations('check', record)).toEqual([]);
    }
    // quotes, commas and line breaks survive the round trip
    expect(rows.map((r) => r.cells[CHECK_FIELDS.findIndex((f) => f.key === 'findings')])).toContain('未按规定设置安全防护，\n多处临边无护栏');
    expect(rows[0].cells[CHECK_FIELDS.findIndex((f) => f.key === 'inspectors')]).toBe('赵六, "组长"');
  });

  it('exports penalties with the amount in yuan to two decimals', async () => {
    const res = await exportOf({ ...period, kind: 'penalty' }).expect(200);
    expect(res.body.count).toBe(1);
    expect(res.body.records[0]).toMatchObject({ actionId: ids[2], category: '警告、罚款', fineAmount: '12345.60' });
    expect(exchangeViolations('penalty', res.body.records[0])).toEqual([]);
    const csv = await exportOf({ ...period, kind: 'penalty', format: 'csv' }).expect(200);
    expect(parseCsv(csv.text)[0].cells).toEqual(PENALTY_FIELDS.map((f) => f.label));
  });

  it('refuses a period with a record the exchange would refuse, naming it, rather than sending part of it', async () => {
    const [{ subject_uscc: uscc }] = await db.query('SELECT subject_uscc FROM supervision_actions WHERE id = $1', [ids[0]]);
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    await db.query('UPDATE supervision_actions SET subject_uscc = $2 WHERE id = $1', [ids[0], wrong]);
    try {
      const res = await exportOf({ ...period, kind: 'check' }).expect(422);
      expect(res.body.message).toContain(`action ${ids[0]}: subjectUscc`);
    } finally {
      await db.query('UPDATE supervision_actions SET subject_uscc = $2 WHERE id = $1', [ids[0], uscc]);
    }
  });

  it('refuses a bad period with the field named', async () => {
    expect(JSON.stringify((await exportOf({ from: '2026-12-02', to: '2026-12-01', kind: 'check' }).expect(400)).body)).toContain('to');
    expect(JSON.stringify((await exportOf({ ...period, kind: 'enforcement' }).expect(400)).body)).toContain('kind');
    expect(JSON.stringify((await exportOf({ from: '2024-01-01', to: '2026-01-01', kind: 'check' }).expect(400)).body)).toContain('to');
  });
});
